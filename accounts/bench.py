"""Accounts for the benchmark suites (see core/bench.py): written through the base manager,
without a usable password (the benchmark signs them in with ``force_login``)."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from accounts.models import User


def bench_user(email: str, full_name: str, role: str) -> User:
    """The benchmark's user with this address, created the first time it is asked for."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=full_name, role=role)
        user.password = UNUSABLE_PASSWORD_PREFIX
        User._base_manager.bulk_create([user])
        user = User.objects.get(email=email)
    return user
