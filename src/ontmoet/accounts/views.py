"""Login and logout, and the administrator's account pages.

Locally a plain login stands in for eHerkenning / the municipal SSO (domain.md §9). The account pages are thin:
forms parse, ``accounts.services`` change (each a door, audited), ``accounts.selectors`` read.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from ontmoet.accounts import security, selectors, services, two_factor
from ontmoet.accounts.forms import (
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    TokenIssueForm,
    TwoFactorCodeForm,
    UserCreateForm,
    UserEditForm,
)
from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.login_guard import client_address, record_attempt, record_code_failure
from ontmoet.accounts.models import User
from ontmoet.accounts.passwords import password_change
from ontmoet.accounts.permissions import public, require_roles
from ontmoet.accounts.roles import ACCOUNT_MANAGERS, ALL_ROLES, TWO_FACTOR_REQUIRED
from ontmoet.accounts.two_factor import before_second_step
from ontmoet.core.audit_display import readable_events
from ontmoet.core.forms import apply_validation_error
from ontmoet.core.tabular import write_csv

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


login = before_second_step(public(LoginView.as_view()))
logout = before_second_step(public(auth_views.LogoutView.as_view()))


# --- two-factor authentication (accounts.two_factor) ------------------------------------------------------


def _next(request: HttpRequest) -> str:
    """Where to go after the second step: the page asked for, if it is on this site; else the start page."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return wanted
    return resolve_url("home")


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # a secret or codes: never from a cache or the back button
    return response


@require_roles(ALL_ROLES)
@before_second_step
def two_factor_setup_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Enrolment: a QR code and the secret as text for the authenticator app; a code from it confirms."""
    user = request.user
    if two_factor.has_device(user):
        if request.user.is_verified():  # type: ignore[attr-defined]
            messages.info(request, _("De tweestapsverificatie is al ingesteld."))
            return redirect("accounts:account")
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': _next(request)})}")
    key = request.session.get(two_factor.PENDING_KEY)
    if not isinstance(key, str) or len(key) != 40:
        key = request.session[two_factor.PENDING_KEY] = two_factor.new_key()
    form = TwoFactorCodeForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        step = two_factor.matched_step(key, form.cleaned_data["code"])
        if step is not None:
            device, codes = two_factor.enrol(user=user, key=key, by=user, step_used=step)
            request.session.pop(two_factor.PENDING_KEY, None)
            otp_login(request, device)
            request.session[two_factor.NEW_CODES_KEY] = {"codes": codes, "renewed": False}
            return redirect(f"{reverse('accounts:recovery_codes')}?{urlencode({'next': _next(request)})}")
        record_code_failure(user=user, address=client_address(request))
        form.add_error("code", _("Deze code klopt niet. Typ de zes cijfers die de app nu toont."))
    url = two_factor.config_url(user, key)
    context = {"form": form, "secret": two_factor.secret_text(key), "next": _next(request),
               "qr": two_factor.qr_svg(url, _("QR-code om Ontmoet aan uw authenticator-app toe te voegen")),
               "required": user.role in TWO_FACTOR_REQUIRED}
    return _no_store(render(request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200))


@require_roles(ALL_ROLES)
@before_second_step
def two_factor_verify_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The second step of the login: a code from the app, or a recovery code (each works once)."""
    user = request.user
    if request.user.is_verified():  # type: ignore[attr-defined]
        return redirect(_next(request))
    if not two_factor.has_device(user):
        if user.role in TWO_FACTOR_REQUIRED:
            return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': _next(request)})}")
        return redirect(_next(request))
    form = TwoFactorCodeForm(request.POST or None, user=user, request=request, recovery=True)
    if request.method == "POST" and form.is_valid():
        kind = two_factor.verify(request, user=user, code=form.cleaned_data["code"],
                                 address=client_address(request))
        if kind is not None:
            if kind == "recovery":
                left = two_factor.recovery_codes_left(user)
                messages.warning(request, _("U hebt een herstelcode gebruikt; u hebt er nog %(n)d. Maak nieuwe "
                                            "codes op uw accountpagina.") % {"n": left})
            return redirect(_next(request))
        form.add_error("code", _("Deze code klopt niet. Typ de zes cijfers die de app nu toont, of een "
                                 "herstelcode."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)},
                  status=400 if form.errors else 200)


@require_roles(ALL_ROLES)
def recovery_codes_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The new recovery codes, shown once (they wait in the server-side session only until this page)."""
    new = request.session.pop(two_factor.NEW_CODES_KEY, None)
    if not isinstance(new, dict) or not new.get("codes"):
        return redirect("accounts:account")
    context = {"codes": new["codes"], "renewed": new.get("renewed", False), "next": _next(request)}
    return _no_store(render(request, "accounts/recovery_codes.html", context))


@require_roles(ALL_ROLES)
def account_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """One's own account: the role, and the two-factor authentication (set up, or new recovery codes)."""
    user = request.user
    enrolled = two_factor.has_device(user)
    if request.method == "POST" and enrolled:
        request.session[two_factor.NEW_CODES_KEY] = {"codes": two_factor.renew_recovery_codes(user=user),
                                                     "renewed": True}
        return redirect("accounts:recovery_codes")
    context = {"enrolled": enrolled, "required": user.role in TWO_FACTOR_REQUIRED,
               "codes_left": two_factor.recovery_codes_left(user) if enrolled else 0}
    return render(request, "accounts/account.html", context)


@require_roles(ALL_ROLES)
def password_change_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """One's own password: the current one, then the new one twice. The session stays logged in."""
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            password_change(user=request.user, current=form.cleaned_data["current"],
                            new=form.cleaned_data["password"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, _("Uw wachtwoord is gewijzigd."))
            return redirect("accounts:account")
    status = 400 if form.is_bound else 200
    return _no_store(render(request, "accounts/password_change.html", {"form": form}, status=status))


#: The security page lists this many events; the CSV has them all.
SECURITY_EVENTS_SHOWN = 200


@require_roles(ACCOUNT_MANAGERS)
def security_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Locks, failed logins per account and per address, and the security events of a period (BIO2)."""
    days = security.days_asked(request.GET.get("dagen"))
    failed = security.failed_logins(days)
    events = security.security_events(days)
    shown = readable_events(events.select_related("actor")[:SECURITY_EVENTS_SHOWN])
    context = {"days": days, "max_days": security.MAX_DAYS, "limits": security.lock_settings(),
               "failures": [(_("Mislukte pogingen per account"), failed["accounts"], _("Account")),
                            (_("Mislukte pogingen per adres"), failed["addresses"], _("Adres"))],
               "events": shown, "shown": len(shown), "total": events.count()}
    return _no_store(render(request, "accounts/security.html", context))


@require_roles(ACCOUNT_MANAGERS)
def security_csv_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The security events of the period as CSV (Dutch Excel: semicolons, every text cell safe)."""
    days = security.days_asked(request.GET.get("dagen"))
    rows = [[item.event.at, item.action, item.event.object_repr, item.event.actor_name]
            for item in readable_events(security.security_events(days).select_related("actor").iterator())]
    response = HttpResponse(write_csv([_("Tijdstip"), _("Gebeurtenis"), _("Account"), _("Door")], rows),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="beveiliging-{timezone.localdate().isoformat()}.csv"'
    return _no_store(response)


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
               "two_factor": two_factor.has_device(account),
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


@require_roles(ACCOUNT_MANAGERS)
@require_POST
def two_factor_reset_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    if services.two_factor_reset(user=account, by=request.user):
        messages.success(request, _("De tweestapsverificatie van %(name)s is gewist. Bij de volgende keer inloggen "
                                    "stelt %(name)s die opnieuw in.") % {"name": account.username})
    else:
        messages.info(request, _("%(name)s had geen tweestapsverificatie ingesteld.") % {"name": account.username})
    return redirect("accounts:user_detail", account.pk)
