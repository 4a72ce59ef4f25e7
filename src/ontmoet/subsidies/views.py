"""Pages of the subsidies: the board portal (own places only) and the officer workspace. Thin: forms in,
selectors and services out; every rule is in the transition table and the services."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import (
    AUDIT_READERS,
    SCHEME_KEEPERS,
    SUBSIDY_ACTORS,
    SUBSIDY_APPLICANTS,
    SUBSIDY_READERS,
    SUBSIDY_STAFF,
    Role,
)
from ontmoet.core.audit import audit_events_for
from ontmoet.core.audit_display import readable_events
from ontmoet.core.plan import policy_plan
from ontmoet.domain.subsidies.ceiling import grant_under_ceiling
from ontmoet.domain.subsidies.lifecycle import TRANSITIONS, Action, TransitionRefused, allowed_actions
from ontmoet.places.models import MeetingPlace
from ontmoet.subsidies import letters, selectors, services
from ontmoet.subsidies.forms import ApplicationForm, DocumentForm, StepForm
from ontmoet.subsidies.models import Application, ApplicationState, DecisionReason, LetterKind, Scheme, SchemeYear

#: Who may decide, and so rank a scheme-year: the transition table's roles of the decision.
#: The queue shows this many applications a page, the first term to pass first.
QUEUE_PAGE_SIZE = 50
DECIDERS = frozenset(Role(r) for r in TRANSITIONS[Action.DECIDE].roles)

STEP_LABELS = {
    Action.SUBMIT: gettext_lazy("Indienen"),
    Action.REQUEST_SUPPLEMENT: gettext_lazy("Om aanvulling vragen"),
    Action.SUPPLEMENT: gettext_lazy("Aanvulling insturen"),
    Action.NOT_HANDLE: gettext_lazy("Buiten behandeling stellen"),
    Action.COMPLETE: gettext_lazy("Volledig: beoordelen"),
    Action.ADVISE: gettext_lazy("Advies uitbrengen"),
    Action.POSTPONE: gettext_lazy("Beslissing verdagen"),
    Action.DECIDE: pgettext_lazy("stap", "Besluiten"),
    Action.PAY_ADVANCE: gettext_lazy("Voorschot betalen"),
    Action.REQUEST_SETTLEMENT: gettext_lazy("Vaststelling aanvragen"),
    Action.SETTLE: pgettext_lazy("stap", "Vaststellen"),
    Action.CLOSE: gettext_lazy("Saldo verrekenen en afsluiten"),
    Action.WITHDRAW: gettext_lazy("Aanvraag intrekken"),
    Action.CHANGE: gettext_lazy("Subsidie verlagen"),
    Action.REVOKE: gettext_lazy("Subsidie intrekken"),
    Action.OBJECT: gettext_lazy("Bezwaar maken"),
    Action.DECIDE_OBJECTION: gettext_lazy("Beslissen op bezwaar"),
}


def _call_step(application: Application, action: Action, data: dict[str, Any], by: Any) -> Any:
    note = data.get("note") or ""
    calls: dict[Action, Any] = {
        Action.SUBMIT: lambda: services.application_submit(application=application, by=by),
        Action.REQUEST_SUPPLEMENT: lambda: services.application_request_supplement(application=application,
                                                                                   note=note, by=by),
        Action.SUPPLEMENT: lambda: services.application_supplement(application=application, note=note, by=by),
        Action.NOT_HANDLE: lambda: services.application_not_handle(application=application, by=by),
        Action.COMPLETE: lambda: services.application_complete(application=application, by=by),
        Action.ADVISE: lambda: services.application_advise(application=application, advice=data.get("advice") or "",
                                                           amount=data.get("amount"), motivation=note, by=by),
        Action.POSTPONE: lambda: services.application_postpone(application=application, weeks=data.get("weeks") or 0,
                                                               reason=note, by=by),
        Action.DECIDE: lambda: services.application_decide(application=application,
                                                           decision=data.get("decision") or "",
                                                           amount=data.get("amount"), by=by),
        Action.PAY_ADVANCE: lambda: services.application_pay_advance(application=application,
                                                                     amount=data.get("amount"), by=by),
        Action.REQUEST_SETTLEMENT: lambda: services.application_request_settlement(application=application,
                                                                                   report=note, by=by),
        Action.SETTLE: lambda: services.application_settle(application=application, amount=data.get("amount"),
                                                           by=by),
        Action.CLOSE: lambda: services.application_close(application=application, by=by),
        Action.WITHDRAW: lambda: services.application_withdraw(application=application, by=by),
        Action.CHANGE: lambda: services.application_change(application=application, amount=data.get("amount"),
                                                           reason=note, by=by),
        Action.REVOKE: lambda: services.application_revoke(application=application, reason=note, by=by),
        Action.OBJECT: lambda: services.application_object(application=application, grounds=note, by=by),
        Action.DECIDE_OBJECTION: lambda: services.application_decide_objection(
            application=application, founded=bool(data.get("founded")), motivation=note, by=by),
    }
    return calls[action]()


@require_roles(SUBSIDY_READERS)
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Board members: their applications. Staff: the queue with filters and the days left on each term."""
    params = request.GET
    scheme = params.get("regeling", "")
    officer = params.get("behandelaar", "")
    filters = selectors.QueueFilters(
        scheme=int(scheme) if re.fullmatch(r"[0-9]{1,12}", scheme) else None,
        state=params.get("status", "") if params.get("status", "") in ApplicationState.values else "",
        neighbourhood=params.get("buurt", "")[:20],
        officer=int(officer) if re.fullmatch(r"[0-9]{1,12}", officer) else None,
        term=params.get("termijn", "") if params.get("termijn", "") in ("soon", "overdue") else "")
    page = Paginator(selectors.queue(request.user, filters), QUEUE_PAGE_SIZE).get_page(params.get("page"))
    today = timezone.localdate()
    window = selectors.reminder_days()
    items = []
    for app in page.object_list:
        left = selectors.days_left(app, today)
        items.append({"app": app, "left": left, "overdue": left is not None and left < 0,
                      "overdue_days": -left if left is not None and left < 0 else 0,
                      "soon": left is not None and 0 <= left <= window})
    is_board = request.user.role == Role.BOARD_MEMBER
    query = urlencode([(k, v) for k, v in params.items() if k != "page" and v])
    return render(request, "subsidies/index.html", {
        "items": items, "page": page, "query": query,
        "page_range": list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
        "filters": filters, "schemes": Scheme.objects.order_by("block", "name"),
        "states": ApplicationState.choices, "is_board": is_board, "window": window,
        "can_apply": request.user.role in SUBSIDY_APPLICANTS})


def _places_for(user: Any) -> list[tuple[int, str]]:
    return list(MeetingPlace.objects.visible_to(user).order_by("name").values_list("pk", "name")[:500])


@require_roles(SUBSIDY_APPLICANTS)
@require_http_methods(["GET", "POST"])
def apply(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start an application for one of the board's own places (a draft)."""
    form = ApplicationForm(request.POST or None, places=_places_for(request.user), years=list(policy_plan().years))
    if request.method == "POST" and form.is_valid():
        place = get_object_or_404(MeetingPlace.objects.visible_to(request.user), pk=int(form.cleaned_data["place"]))
        try:
            application = services.application_create(
                scheme=form.cleaned_data["scheme"], place=place, year=form.cleaned_data["year"],
                amount_requested=form.cleaned_data["amount_requested"],
                description=form.cleaned_data["description"], by=request.user)
        except ValidationError as error:
            from ontmoet.core.forms import apply_validation_error

            apply_validation_error(form, error)
        else:
            messages.success(request, _("De aanvraag is als concept opgeslagen."))
            return redirect("subsidies:detail", application.pk)
    return render(request, "subsidies/apply.html", {"form": form}, status=400 if form.is_bound else 200)


@require_roles(SUBSIDY_READERS)
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The application: its state and terms, timeline, letters, documents, and the steps the person may take.
    Staff also see the afwegingskader's findings, the ceiling left, cumulation and the audit trail."""
    application = get_object_or_404(selectors.applications_for(request.user), pk=pk)
    staff = request.user.role in SUBSIDY_STAFF
    actions = [(a.value, STEP_LABELS[a], StepForm(prefix=a.value))
               for a in allowed_actions(application.state_enum, request.user.role)]
    context: dict[str, Any] = {
        "application": application, "actions": actions, "staff": staff,
        "steps": application.steps.all(), "letters": application.letters.all(),
        "documents": application.documents.all(), "decisions": application.decisions.all(),
        "advices": application.advices.all(), "days_left": selectors.days_left(application),
        "term": selectors.term_running(application), "document_form": DocumentForm(),
        # How each date was reached (Algemene termijnenwet), in the interface language.
        "decision_reasons": selectors.reason_texts(selectors.decision_term(application), get_language()),
        "supplement_reasons": selectors.reason_texts(selectors.supplement_term(application), get_language()),
        "objection_reasons": selectors.reason_texts(selectors.objection_term(application), get_language()),
    }
    if staff:
        context.update({
            "scheme_year": application.scheme_year, "cumulation": selectors.cumulation(application),
            "findings": application.assessment.findings if application.assessment else [],
            "events": readable_events(audit_events_for(application)) if request.user.role in AUDIT_READERS
            else None})
    return render(request, "subsidies/detail.html", context)


@require_roles(SUBSIDY_ACTORS)
@require_POST
def step(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one step; a step the state does not allow is explained, a forbidden one is 403 (four eyes)."""
    application = get_object_or_404(selectors.applications_for(request.user), pk=pk)
    if action not in {a.value for a in Action}:
        return HttpResponse(status=404)
    form = StepForm(request.POST, prefix=action)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("subsidies:detail", pk)
    try:
        _call_step(application, Action(action), form.cleaned_data, request.user)
    except services.StepRefused as refused:
        messages.error(request, refused.text_nl if request.LANGUAGE_CODE == "nl" else refused.text_en)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De stap is gezet: %(step)s.") % {"step": STEP_LABELS[Action(action)]})
    return redirect("subsidies:detail", pk)


@require_roles(SUBSIDY_ACTORS)
@require_POST
def upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(selectors.applications_for(request.user), pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        uploaded = form.cleaned_data["file"]
        subsidy_plan = policy_plan().subsidies
        limit = subsidy_plan.max_upload_bytes if subsidy_plan else 10 * 2**20
        content = uploaded.read(limit + 1)
        try:
            services.document_upload(application=application, kind=form.cleaned_data["kind"],
                                     file_name=uploaded.name or "document", content=content, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het document is toegevoegd."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("subsidies:detail", pk)


@require_roles(SUBSIDY_READERS)
def letter_pdf(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    from ontmoet.subsidies.models import Letter

    letter = get_object_or_404(Letter.objects.filter(application__in=selectors.applications_for(request.user)),
                               pk=pk)
    path = letters.pdf_for(letter)
    return FileResponse(path.open("rb"), content_type="application/pdf", as_attachment=False,
                        filename=f"{letter.application.reference}-{letter.kind}.pdf")


@require_roles(SUBSIDY_STAFF)
def preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The decision letter as it would go out if granted now (nothing is saved)."""
    application = get_object_or_404(selectors.applications_for(request.user), pk=pk)
    advice = application.advices.order_by("-at", "-id").first()
    amount = advice.amount if advice and advice.amount else application.amount_requested
    year = application.scheme_year
    outcome = grant_under_ceiling(amount, ceiling=year.ceiling, committed=year.committed,
                                  partial_allowed=application.scheme.partial_grants) if amount > 0 else None
    kind = LetterKind.GRANT if outcome and outcome.granted > 0 else LetterKind.REFUSAL
    shown = Application(pk=application.pk, scheme=application.scheme, scheme_year=year, place=application.place,
                        year=application.year, amount_requested=application.amount_requested,
                        amount_granted=outcome.granted if outcome else 0,
                        decision_reason=outcome.reason.value if outcome else "refused",
                        settlement_due=application.settlement_due, objection_due=application.objection_due,
                        assessment=application.assessment, received_on=application.received_on,
                        decision_due=application.decision_due)
    subject, body = letters.compose(kind, shown)
    return render(request, "subsidies/preview.html", {"application": application, "subject": subject,
                                                       "body": body})


@require_roles(SUBSIDY_READERS)
def schemes(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "subsidies/schemes.html", {
        "schemes": Scheme.objects.prefetch_related("years").order_by("block", "name"),
        "can_publish": request.user.role in SCHEME_KEEPERS})


@require_roles(SUBSIDY_READERS)
def scheme(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The publication of a scheme: its ceiling and distribution method per year (Awb 4:26). Those who decide
    also see, per year that distributes by ranking, the ranking as it would be decided now, and its form."""
    item = get_object_or_404(Scheme, pk=pk)
    rankings = []
    if request.user.role in DECIDERS:
        language = get_language() or "nl"
        for year in selectors.ranking_years(item):
            preview = selectors.ranking_preview(year, language)
            rows = [{"row": row, "reason": DecisionReason(row.reason.value).label} for row in preview.rows]
            rankings.append({"year": year, "preview": preview, "rows": rows})
    return render(request, "subsidies/scheme.html", {"scheme": item, "text": letters.publication_text(item),
                                                      "can_publish": request.user.role in SCHEME_KEEPERS,
                                                      "rankings": rankings})


def _in_language(request: AuthenticatedHttpRequest, text_nl: str, text_en: str) -> str:
    return text_nl if request.LANGUAGE_CODE == "nl" else text_en


@require_roles(DECIDERS)
@require_POST
def scheme_rank(request: AuthenticatedHttpRequest, pk: int, year_pk: int) -> HttpResponse:
    """Decide the scheme-year's advised applications down the ranking (Awb 4:26). A refusal (nothing left to
    rank, not a ranking scheme, four eyes) is explained on the scheme's page in the interface language."""
    year = get_object_or_404(SchemeYear.objects.select_related("scheme"), pk=year_pk, scheme_id=pk)
    try:
        decisions = services.scheme_year_rank(scheme_year=year, by=request.user)
    except services.StepRefused as refused:
        messages.error(request, _in_language(request, refused.text_nl, refused.text_en))
    except PermissionDenied as denied:  # four eyes: the table's reason, in both languages
        cause = denied.__cause__
        if isinstance(cause, TransitionRefused):
            messages.error(request, _in_language(request, cause.text_nl, cause.text_en))
        else:
            messages.error(request, str(denied) or _("U mag deze rangschikking niet vaststellen."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        granted = sum(1 for d in decisions if d.amount > 0)
        partial = sum(1 for d in decisions if d.reason == DecisionReason.PARTIAL_CEILING)
        messages.success(request, _(
            "De rangschikking %(year)s is vastgesteld: %(granted)d verleend (waarvan %(partial)d gedeeltelijk), "
            "%(refused)d afgewezen.") % {"year": year.year, "granted": granted, "partial": partial,
                                         "refused": len(decisions) - granted})
    return redirect("subsidies:scheme", pk)


@require_roles(SUBSIDY_READERS)
def scheme_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML

    item = get_object_or_404(Scheme, pk=pk)
    html = render(request, "subsidies/letters/publication.html", {"scheme": item,
                                                                  "text": letters.publication_text(item)})
    return HttpResponse(HTML(string=html.content.decode()).write_pdf(), content_type="application/pdf")


@require_roles(SCHEME_KEEPERS)
@require_POST
def scheme_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Scheme, pk=pk)
    try:
        services.scheme_publish(scheme=item, channel=request.POST.get("channel", "")[:200] or "Gemeenteblad",
                                by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De regeling is gepubliceerd en de besturen zijn geïnformeerd."))
    return redirect("subsidies:scheme", pk)
