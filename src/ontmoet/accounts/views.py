"""Login and logout, and the administrator's account pages.

Locally a plain login stands in for eHerkenning / the municipal SSO (domain.md §9). The account pages are thin:
forms parse, ``accounts.services`` change (each a door, audited), ``accounts.selectors`` read.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontmoet.accounts import selectors, services
from ontmoet.accounts.forms import LoginForm, PasswordResetForm, TokenIssueForm, UserCreateForm, UserEditForm
from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.login_guard import client_address, record_attempt
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import public, require_roles
from ontmoet.accounts.roles import ACCOUNT_MANAGERS
from ontmoet.core.forms import apply_validation_error

#: Where a newly issued API token waits, in the server-side session, for the one page that shows it.
NEW_TOKEN_KEY = "accounts:new_token"

class LoginView(auth_views.LoginView):
    """Django's login, with every attempt recorded for the throttle and the audit trail (login_guard)."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        record_attempt(username=form.get_user().get_username(), address=client_address(self.request),
                       user=form.get_user())
        return super().form_valid(form)

    def form_invalid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        username = form.data.get("username", "")
        if isinstance(username, str) and username.strip():
            record_attempt(username=username, address=client_address(self.request), user=None)
        return super().form_invalid(form)


login = public(LoginView.as_view())
logout = public(auth_views.LogoutView.as_view())


@require_roles(ACCOUNT_MANAGERS)
def user_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "accounts/users.html", {"users": selectors.user_list()})


@require_roles(ACCOUNT_MANAGERS)
def user_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(username=data["username"], role=data["role"], password=data["password"],
                                        places=list(data["places"]), full_name=data["full_name"], by=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Account %(name)s aangemaakt.") % {"name": user.username})
            return redirect("accounts:user_detail", user.pk)
    return render(request, "accounts/user_create.html", {"form": form})


def _detail(request: AuthenticatedHttpRequest, account: User, *, form: UserEditForm | None = None,
            status: int = 200, **extra: Any) -> HttpResponse:
    if form is None:
        form = UserEditForm(initial={"full_name": account.get_full_name(), "role": account.role,
                                     "places": list(account.board_places.all())})
    context = {"account": account, "form": form, "tokens": selectors.api_tokens(account),
               "token_form": extra.pop("token_form", None) or TokenIssueForm(), "now": timezone.now(),
               "is_self": account.pk == request.user.pk, **extra}
    response = render(request, "accounts/user_detail.html", context, status=status)
    if "new_token" in extra:
        response["Cache-Control"] = "no-store"  # the key is shown once: never from a cache or the back button
    return response


@require_roles(ACCOUNT_MANAGERS)
def user_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    if request.method != "POST":
        new_token = request.session.pop(NEW_TOKEN_KEY, None)
        if new_token and new_token.get("user") == account.pk:
            return _detail(request, account, new_token=new_token["key"])
        return _detail(request, account)
    form = UserEditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(user=account, role=data["role"], places=list(data["places"]),
                                 full_name=data["full_name"], by=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Rol en plekken van %(name)s opgeslagen.") % {"name": account.username})
            return redirect("accounts:user_detail", account.pk)
    account.refresh_from_db()
    return _detail(request, account, form=form, status=400)


def _refused(request: AuthenticatedHttpRequest, exc: ValidationError) -> None:
    for text in exc.messages:
        messages.error(request, text)


@require_roles(ACCOUNT_MANAGERS)
@require_POST
def user_deactivate_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    try:
        services.user_deactivate(user=account, by=request.user)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Account %(name)s gedeactiveerd: inloggen en het API-token werken niet "
                                    "meer.") % {"name": account.username})
    return redirect("accounts:user_detail", account.pk)


@require_roles(ACCOUNT_MANAGERS)
@require_POST
def user_reactivate_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    services.user_reactivate(user=account, by=request.user)
    messages.success(request, _("Account %(name)s is weer actief.") % {"name": account.username})
    return redirect("accounts:user_detail", account.pk)


@require_roles(ACCOUNT_MANAGERS)
def password_reset_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_reset(user=account, password=form.cleaned_data["password"], by=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Nieuw wachtwoord voor %(name)s ingesteld. Geef het op een veilige manier "
                                        "door.") % {"name": account.username})
            return redirect("accounts:user_detail", account.pk)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/password_reset.html", {"account": account, "form": form}, status=status)


@require_roles(ACCOUNT_MANAGERS)
@require_POST
def token_issue_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    form = TokenIssueForm(request.POST)
    if form.is_valid():
        try:
            key = services.token_issue(user=account, by=request.user, name=form.cleaned_data["name"],
                                       scope=form.cleaned_data["scope"], days=form.cleaned_data["days"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            # Post/redirect/get, so that reloading the page cannot issue another token; the key waits in the
            # (server-side) session only until the page after the redirect shows it, once.
            request.session[NEW_TOKEN_KEY] = {"user": account.pk, "key": key}
            return redirect("accounts:user_detail", account.pk)
    return _detail(request, account, token_form=form, status=400)


@require_roles(ACCOUNT_MANAGERS)
@require_POST
def token_revoke_view(request: AuthenticatedHttpRequest, pk: int, token_pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    token = get_object_or_404(selectors.api_tokens(account), pk=token_pk)
    services.token_revoke(user=account, token=token, by=request.user)
    messages.success(request, _("API-token %(token)s van %(name)s is ingetrokken.")
                     % {"token": token.name, "name": account.username})
    return redirect("accounts:user_detail", account.pk)
