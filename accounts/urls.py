from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("inscription/", views.sign_up, name="sign_up"),
    path("confirmer-adresse/<str:token>/", views.verify_email, name="verify_email"),
    path("confirmer-adresse/", views.verify_email_resend, name="verify_email_resend"),
    path("jeton-api/", views.api_token, name="api_token"),
    # Outside the second-factor pages: only a session past the second factor reaches it.
    path("codes-de-secours/", views.recovery_codes, name="recovery_codes"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/fermer-le-compte/", views.account_close, name="account_close"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:organisation_pk>/inviter/", views.invite, name="invite"),
    path("organisations/<int:pk>/modifier/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<int:pk>/invitations/<int:invitation_pk>/retirer/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "organisations/<int:pk>/membres/<int:membership_pk>/retirer/",
        views.membership_remove,
        name="membership_remove",
    ),
]

# The sign-in pages keep Django's names (login, logout, password_reset…), which
# django.contrib.auth and the admin site look up without a namespace.
sign_in_urlpatterns = [
    path("connexion/", views.SignInView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("double-authentification/", views.two_factor, name="two_factor"),
    path(
        "double-authentification/activation/<str:token>/",
        views.two_factor_enrol,
        name="two_factor_enrol",
    ),
    path("mot-de-passe/oubli/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "mot-de-passe/oubli/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.ChoosePasswordView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
