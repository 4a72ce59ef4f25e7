"""Login and logout. Locally a plain login stands in for eHerkenning / the municipal SSO (domain.md §9)."""

from django.contrib.auth import views as auth_views

from ontmoet.accounts.forms import LoginForm
from ontmoet.accounts.permissions import public

login = public(auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm))
logout = public(auth_views.LogoutView.as_view())
