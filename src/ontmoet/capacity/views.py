"""Pages of community work (B3) and board support (B5), under /ondersteuning/. Thin: parse, call, render."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import acts_for_every_place, require_roles
from ontmoet.accounts.roles import (
    BOARD_SUPPORTERS,
    CAPACITY_OFFICERS,
    CAPACITY_READERS,
    CAPACITY_REQUESTERS,
    HOURS_READERS,
    HOURS_WRITERS,
)
from ontmoet.capacity import exports, selectors, services
from ontmoet.capacity.charts import realisation_chart
from ontmoet.capacity.forms import (
    AllocationForm,
    CloseForm,
    CommunityWorkRequestForm,
    HoursForm,
    MeetingForm,
    SupportFilterForm,
    SupportRequestForm,
    TakeUpForm,
    VacancyForm,
    WorkingGroupMemberForm,
    YearForm,
)
from ontmoet.capacity.models import SupportKind, SupportStatus
from ontmoet.core.forms import apply_validation_error
from ontmoet.core.plan import policy_plan
from ontmoet.places.models import MeetingPlace

EXPORT_KINDS = ("allocations", "support")


def _year(request: AuthenticatedHttpRequest) -> tuple[YearForm, int]:
    years = policy_plan().years
    default = min(max(timezone.localdate().year, years[0]), years[-1])
    # Requests for a year are made in the autumn before it: show the first year from now on that has any.
    asked = selectors.request_list(user=request.user).filter(year__gte=default).order_by("year").first()
    if asked is not None and not selectors.request_list(user=request.user, year=default).exists():
        default = asked.year
    form = YearForm(request.GET or None, years=years, initial={"year": default})
    return form, (form.cleaned_data["year"] if form.is_valid() else default)


def _places(request: AuthenticatedHttpRequest) -> Any:
    return MeetingPlace.objects.visible_to(request.user)


def _term() -> dict[str, Any]:
    parameter = policy_plan().capacity.response_term_working_days
    return {"term": int(parameter.value), "term_is_default": parameter.is_default}


@require_roles(CAPACITY_READERS)
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What each role needs first: the year's community work, open support requests and response times."""
    year_form, year = _year(request)
    support = selectors.support_list(user=request.user)
    times = selectors.support_times(support)
    return render(request, "capacity/overview.html", {
        "year_form": year_form, "year": year, "caps": selectors.caps_for(year),
        "allocations": selectors.allocation_list(user=request.user, year=year),
        "requests": selectors.request_list(user=request.user, year=year),
        "open_support": support.filter(status__in=[SupportStatus.NEW, SupportStatus.TAKEN_UP])[:20],
        "times": times, "is_staff": acts_for_every_place(request.user),
        "attention": selectors.board_health_list(user=request.user, only_attention=True)[:10], **_term(),
    })


@require_roles(CAPACITY_READERS)
def community_work(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Requests, the allocation (decided, or the proposal) and allocated against realised hours for one year."""
    year_form, year = _year(request)
    proposal = selectors.proposal_for(year)
    names = selectors.place_names(a.place_id for a in proposal.allocations)
    visible = set(_places(request).values_list("pk", flat=True))
    rows = [(a, names.get(a.place_id, "")) for a in proposal.allocations if a.place_id in visible]
    realisation = selectors.realisation(user=request.user, year=year)
    return render(request, "capacity/community_work.html", {
        "year_form": year_form, "year": year, "caps": proposal.caps, "proposal_rows": rows,
        "allocations": selectors.allocation_list(user=request.user, year=year),
        "requests": selectors.request_list(user=request.user, year=year),
        "realisation": realisation, "chart": realisation_chart(realisation, year=year),
        "committed": selectors.b3_committed(year), "hours_per_fte": policy_plan().capacity.hours_per_fte_year,
        "may_allocate": request.user.role in CAPACITY_OFFICERS,
    })


@require_roles(CAPACITY_REQUESTERS)
@require_http_methods(["GET", "POST"])
def request_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CommunityWorkRequestForm(request.POST or None, places=_places(request), years=policy_plan().years)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.community_work_request_create(place=data["place"], year=data["year"], fte=data["fte"],
                                                   purpose=data["purpose"], by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Uw aanvraag voor opbouwwerk is ontvangen."))
            return redirect(f"{_url('capacity:community_work')}?year={data['year']}")
    return render(request, "capacity/form.html", {
        "form": form, "title": _("Opbouwwerk aanvragen"),
        "intro": _("Alleen een plek die op 1 januari van het jaar een Ontmoetingscentrum of Huis van de Wijk is, "
                   "kan extra opbouwwerk van Trajekt vragen; hoogstens ¼ fte per plek."),
        "submit": _("Aanvragen")})


def _url(name: str, *args: Any) -> str:
    from django.urls import reverse

    return reverse(name, args=args)


@require_roles(CAPACITY_OFFICERS)
@require_http_methods(["GET", "POST"])
def allocate(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The proposal in the order of vulnerability; an officer may change a row with a reason, then decide."""
    year_form, year = _year(request)
    if request.method == "POST":
        year = int(request.POST.get("year", year)) if str(request.POST.get("year", "")).isdigit() else year
    proposal = selectors.proposal_for(year)
    decided = {a.place_id: a for a in selectors.allocation_list(user=request.user, year=year)}
    names = selectors.place_names(a.place_id for a in proposal.allocations)
    eligible = [a for a in proposal.allocations if a.eligible]
    initial: dict[str, Any] = {}
    for row in eligible:
        current = decided.get(row.place_id)
        initial[f"fte_{row.place_id}"] = current.allocated_fte if current else row.allocated_fte
        initial[f"reason_{row.place_id}"] = current.override_reason if current else ""
    form = AllocationForm(request.POST or None, initial=initial,
                          rows=[(a.place_id, names.get(a.place_id, ""), a.allocated_fte) for a in eligible])
    if request.method == "POST" and form.is_valid():
        proposed: dict[int, Decimal] = {a.place_id: a.allocated_fte for a in eligible}
        try:
            services.community_work_allocation_apply(year=year, overrides=form.overrides(proposed), by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("De verdeling van %(year)s is vastgelegd en geboekt op bouwsteen 3.")
                             % {"year": year})
            return redirect(f"{_url('capacity:community_work')}?year={year}")
    return render(request, "capacity/allocate.html", {
        "year_form": year_form, "year": year, "caps": proposal.caps, "form": form,
        "rows": list(zip(eligible, form.field_pairs(), strict=True)), "names": names,
        "refused": [a for a in proposal.allocations if not a.eligible],
    })


@require_roles(HOURS_READERS)
def hours(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A community worker's own hours per place and month (officers see every worker's)."""
    year_form, year = _year(request)
    return render(request, "capacity/hours.html", {
        "year_form": year_form, "year": year, "hours": selectors.hours_list(user=request.user, year=year),
        "may_write": request.user.role in HOURS_WRITERS,
    })


@require_roles(HOURS_WRITERS)
@require_http_methods(["GET", "POST"])
def hours_record(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = HoursForm(request.POST or None, places=MeetingPlace.objects.of_type(
        ["meeting_centre", "neighbourhood_house", "community_house"]))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.community_work_hours_record(place=data["place"], month=data["month"], hours=data["hours"],
                                                 by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Uw uren zijn geschreven."))
            return redirect("capacity:hours")
    return render(request, "capacity/form.html", {
        "form": form, "title": _("Uren schrijven"),
        "intro": _("Uw eigen uren opbouwwerk op een plek in een maand. Dezelfde plek en maand opnieuw vervangt de "
                   "uren."), "submit": _("Opslaan")})


@require_roles(CAPACITY_READERS)
def support_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Board support requests, filtered; response times against the plan's term, and who asked for what."""
    form = SupportFilterForm(request.GET or None)
    filters = selectors.SupportFilters()
    if form.is_valid():
        filters = selectors.SupportFilters(status=form.cleaned_data["status"], kind=form.cleaned_data["kind"])
    requests = selectors.support_list(user=request.user, filters=filters)
    everything = selectors.support_list(user=request.user)
    year = timezone.localdate().year
    return render(request, "capacity/support_list.html", {
        "form": form, "requests": requests[:200], "times": selectors.support_times(everything),
        "by_kind": [(SupportKind(r["kind"]).label, r["count"]) for r in selectors.support_by_kind(everything)],
        "b5_committed": selectors.b5_committed(year), "year": year, **_term(),
    })


@require_roles(CAPACITY_REQUESTERS)
@require_http_methods(["GET", "POST"])
def support_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SupportRequestForm(request.POST or None, places=_places(request),
                              initial={"kind": request.GET.get("kind", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.board_support_request_create(place=data["place"], kind=data["kind"],
                                                            description=data["description"], by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Uw vraag is ontvangen."))
            return redirect("capacity:support_detail", created.pk)
    return render(request, "capacity/form.html", {
        "form": form, "title": _("Ondersteuning voor het bestuur vragen"),
        "intro": _("Financieel, administratief, beheer en exploitatie, werven van bestuursleden, juridisch of iets "
                   "anders: beschrijf kort waarmee uw bestuur hulp wil."), "submit": _("Vraag versturen")})


@require_roles(CAPACITY_READERS)
def support_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    support = selectors.support_get(user=request.user, pk=pk)
    times = selectors.support_times([support])
    return render(request, "capacity/support_detail.html", {
        "support": support, "times": times, "may_handle": request.user.role in BOARD_SUPPORTERS, **_term()})


def _support_action(request: AuthenticatedHttpRequest, pk: int, *, form_class: Any, title: str,
                    submit: str, act: Any) -> HttpResponse:
    support = selectors.support_get(user=request.user, pk=pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            act(support, form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("capacity:support_detail", support.pk)
    return render(request, "capacity/form.html", {
        "form": form, "title": title, "intro": str(support), "submit": submit,
        "back": _url("capacity:support_detail", support.pk)})


@require_roles(BOARD_SUPPORTERS)
@require_http_methods(["GET", "POST"])
def support_take_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _support_action(request, pk, form_class=TakeUpForm, title=_("Vraag oppakken"), submit=_("Oppakken"),
                           act=lambda s, d: services.board_support_take_up(
                               request=s, provider=d["provider"], contact_person=d["contact_person"],
                               taken_up_on=d["taken_up_on"], by=request.user))


@require_roles(BOARD_SUPPORTERS)
@require_http_methods(["GET", "POST"])
def support_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _support_action(request, pk, form_class=CloseForm, title=_("Vraag afsluiten"), submit=_("Afsluiten"),
                           act=lambda s, d: services.board_support_close(
                               request=s, result=d["result"], outcome=d["outcome"], cost=d["cost"],
                               closed_on=d["closed_on"], by=request.user))


@require_roles(CAPACITY_READERS)
def boards(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Board health per place against the Ogh minimum; the places whose board needs attention first."""
    only = request.GET.get("aandacht") == "1"
    return render(request, "capacity/boards.html", {
        "rows": selectors.board_health_list(user=request.user, only_attention=only), "only": only,
        "vacancies": selectors.vacancy_list(user=request.user),
        "minimum": int(policy_plan().assessment.min_board_members.value),
        "may_request": request.user.role in CAPACITY_REQUESTERS,
    })


@require_roles(CAPACITY_REQUESTERS)
@require_http_methods(["GET", "POST"])
def vacancy_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = VacancyForm(request.POST or None, places=_places(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.board_vacancy_open(place=data["place"], role=data["role"], description=data["description"],
                                        by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("De vacature is gemeld."))
            return redirect("capacity:boards")
    return render(request, "capacity/form.html", {
        "form": form, "title": _("Vacature in het bestuur melden"),
        "intro": _("Een open plaats in het bestuur telt mee in de lijst van besturen die aandacht nodig hebben."),
        "submit": _("Melden")})


@require_roles(CAPACITY_REQUESTERS)
@require_POST
def vacancy_fill(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    vacancy = selectors.vacancy_get(user=request.user, pk=pk)
    try:
        services.board_vacancy_fill(vacancy=vacancy, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("capacity:boards")


@require_roles(CAPACITY_READERS)
def working_group(request: AuthenticatedHttpRequest) -> HttpResponse:
    members, meetings = selectors.working_group()
    return render(request, "capacity/working_group.html", {
        "members": members, "meetings": meetings, "may_edit": request.user.role in CAPACITY_OFFICERS})


@require_roles(CAPACITY_OFFICERS)
@require_http_methods(["GET", "POST"])
def working_group_member_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = WorkingGroupMemberForm(request.POST or None, places=MeetingPlace.objects.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.working_group_member_add(place=data["place"], name=data["name"], since=data["since"],
                                              by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("capacity:working_group")
    return render(request, "capacity/form.html", {
        "form": form, "title": _("Lid van de werkgroep toevoegen"),
        "intro": _("Een afgevaardigde van een bestuur in de werkgroep die de ondersteuning mee vormgeeft."),
        "submit": _("Toevoegen"), "back": _url("capacity:working_group")})


@require_roles(CAPACITY_OFFICERS)
@require_http_methods(["GET", "POST"])
def working_group_meeting_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.working_group_meeting_record(date=data["date"], agenda=data["agenda"],
                                                  decisions=data["decisions"], by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("capacity:working_group")
    return render(request, "capacity/form.html", {
        "form": form, "title": _("Bijeenkomst van de werkgroep vastleggen"),
        "intro": _("Datum, agenda en besluiten."), "submit": _("Vastleggen"), "back": _url("capacity:working_group")})


@require_roles(CAPACITY_READERS)
def export(request: AuthenticatedHttpRequest, kind: str, fmt: str) -> HttpResponse:
    """Allocations of a year or board support requests as CSV or Excel (formula signs stay text)."""
    if kind not in EXPORT_KINDS or fmt not in exports.FORMATS:
        raise Http404(kind)
    if kind == "allocations":
        _form, year = _year(request)
        header, rows = exports.allocation_table(selectors.allocation_list(user=request.user, year=year))
        name, title = f"opbouwwerk-{year}", _("Opbouwwerk")
    else:
        header, rows = exports.support_table(selectors.support_list(user=request.user))
        name, title = "bestuursondersteuning", _("Bestuursondersteuning")
    content = exports.as_csv(header, rows) if fmt == "csv" else exports.as_xlsx(header, rows, title=title)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
