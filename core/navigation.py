"""The main navigation: the entries the apps registered, shown to users their predicate admits."""

from django.urls import reverse

from core.registry import navigation


def entries_for(user, current_path, place="main"):
    visible = [
        {"label": entry.label, "url": reverse(entry.url_name), "current": False}
        for entry in navigation.values()
        if entry.place == place and entry.visible_to(user)
    ]
    # The entry whose address is the longest prefix of the page's is the current one
    # (/ami/dossiers/ belongs to "Dossiers AMI", not to the calls at /ami/).
    matches = [
        e
        for e in visible
        if current_path == e["url"] or (e["url"] != "/" and current_path.startswith(e["url"]))
    ]
    if matches:
        max(matches, key=lambda e: len(e["url"]))["current"] = True
    return visible
