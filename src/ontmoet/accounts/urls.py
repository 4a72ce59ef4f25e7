from django.urls import path

from ontmoet.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login", views.login, name="login"),
    path("logout", views.logout, name="logout"),
    path("account", views.account_view, name="account"),
    path("account/wachtwoord", views.password_change_view, name="password_change"),
    path("tweestapsverificatie/instellen", views.two_factor_setup_view, name="two_factor_setup"),
    path("tweestapsverificatie", views.two_factor_verify_view, name="two_factor_verify"),
    path("tweestapsverificatie/herstelcodes", views.recovery_codes_view, name="recovery_codes"),
    path("gebruikers/", views.user_list_view, name="users"),
    path("beveiliging", views.security_view, name="security"),
    path("beveiliging.csv", views.security_csv_view, name="security_csv"),
    path("gebruikers/nieuw", views.user_create_view, name="user_create"),
    path("gebruikers/<int:pk>", views.user_detail_view, name="user_detail"),
    path("gebruikers/<int:pk>/deactiveren", views.user_deactivate_view, name="user_deactivate"),
    path("gebruikers/<int:pk>/activeren", views.user_reactivate_view, name="user_reactivate"),
    path("gebruikers/<int:pk>/wachtwoord", views.password_reset_view, name="password_reset"),
    path("gebruikers/<int:pk>/tweestapsverificatie-wissen", views.two_factor_reset_view, name="two_factor_reset"),
    path("gebruikers/<int:pk>/token", views.token_issue_view, name="token_issue"),
    path("gebruikers/<int:pk>/token/<int:token_pk>/intrekken", views.token_revoke_view, name="token_revoke"),
]
