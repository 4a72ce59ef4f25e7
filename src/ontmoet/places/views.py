"""Pages of the register. Thin: parse input with a form, read with selectors, write with services."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.accounts.http import AuthenticatedHttpRequest
from ontmoet.accounts.permissions import ensure_acts_for, page_cache_scope, require_roles
from ontmoet.accounts.roles import ALL_ROLES, AUDIT_READERS, PLACE_EDITORS, REGISTER_KEEPERS, STAFF_ROLES, Role
from ontmoet.core.audit import audit_events_for
from ontmoet.core.audit_display import readable_events
from ontmoet.core.forms import apply_validation_error
from ontmoet.core.tabular import ImportFileError, RowProblem, max_bytes
from ontmoet.core.versions import data_version
from ontmoet.domain.numbers import NumberFormatError, parse_number
from ontmoet.places import errors as place_errors
from ontmoet.places import exporting, services
from ontmoet.places.fields import REGISTER_FIELDS
from ontmoet.places.forms import (
    ACCESSIBILITY_LABELS,
    BoardForm,
    BoardMemberForm,
    BuildingForm,
    ImportForm,
    PlaceCreateForm,
    PlaceFilterForm,
    PlaceForm,
    TypeChangeForm,
    TypeCorrectionForm,
    TypeRetractionForm,
)
from ontmoet.places.importing import ImportProgress, RegisterCheck, register_check
from ontmoet.places.mapping import MAP_MARKER_LIMIT, map_context, per_neighbourhood_points
from ontmoet.places.models import BoardMember, MeetingPlace, PlaceTypeChange
from ontmoet.places.selectors import (
    board_condition_of,
    can_edit_public_info,
    cap_status,
    editable_fields,
    ensure_place_visible,
    neighbourhood_for_point,
    neighbourhood_outlines,
    place_counts_per_neighbourhood,
    place_get,
    place_list,
    place_page,
    place_type_history,
    places_without_coordinates,
    reference_areas_version,
)
from ontmoet.places.types import PlaceType


@require_roles(ALL_ROLES)
def place_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None)
    filters = request.GET.copy()
    filters.pop("page", None)
    query = filters.urlencode()
    number = request.GET.get("page", 1)

    def labelled_page() -> Any:
        page = place_page(user=request.user, filters=form.filters() if form.is_bound else None, number=number)
        labels = dict(PlaceType.choices)
        place: Any
        for place in page.object_list:
            place.type_label = labels.get(place.type, _("nog geen type"))
        return page

    # The caps and the results are read only when their cached HTML is missing (templates/places/list.html).
    page = SimpleLazyObject(labelled_page)
    context = {"form": form, "page": page, "places": SimpleLazyObject(lambda: page.object_list),
               "caps": SimpleLazyObject(cap_status),
               "can_keep_register": request.user.has_role(*REGISTER_KEEPERS),
               "query": query,
               # The filter form's HTML depends only on the filters typed, the language and the buurten: it is
               # rendered once per combination (most views are of the unfiltered register) and cached.
               "form_cache_key": f"{reference_areas_version()}?{query}",
               # The caps and results depend on the data (its version), the day (scheduled type changes), whose
               # places the user sees, the filters and the page (core.versions, ADR 0030).
               "data_key": f"{data_version()}:{timezone.localdate()}:{page_cache_scope(request.user)}",
               "page_key": f"{query}&page={number}",
               "page_range": SimpleLazyObject(lambda: list(page.paginator.get_elided_page_range(
                   page.number, on_each_side=2, on_ends=1)))}
    if request.htmx:
        # The results, and the buurt list narrowed to the chosen wijk (swapped in beside them, A15).
        return HttpResponse(render_to_string("places/list.html#results", context, request)
                            + render_to_string("places/list.html#buurt_field", {**context, "oob": True}, request))
    return render(request, "places/list.html", context)


@require_roles(ALL_ROLES)
def place_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = request.user
    ensure_place_visible(user=user, pk=pk)  # 404 for another board's place, before anything cached is shown
    # The place and its parts are read only when their cached HTML is missing (templates/places/detail.html).
    place: Any = SimpleLazyObject(lambda: place_get(user=user, pk=pk))
    can_edit = user.has_role(*REGISTER_KEEPERS) or user.has_role(Role.BOARD_MEMBER)  # visible = acts for it
    flags = (can_edit, user.has_role(*REGISTER_KEEPERS), user.has_role(*AUDIT_READERS), user.is_staff_role)
    return render(request, "places/detail.html", {
        "place": place,
        "place_pk": pk,
        "history": SimpleLazyObject(lambda: list(place_type_history(place))),
        "board": SimpleLazyObject(lambda: getattr(place, "board", None)),
        "board_condition": SimpleLazyObject(lambda: board_condition_of(place)),
        "accessibility": SimpleLazyObject(
            lambda: [(ACCESSIBILITY_LABELS[f], getattr(place, f)) for f in ACCESSIBILITY_LABELS]),
        "can_edit": can_edit,
        "can_keep_register": flags[1],
        "can_read_audit": flags[2],
        "member_form": BoardMemberForm(),
        "data_key": f"{data_version()}:{timezone.localdate()}:{pk}:{''.join('1' if f else '0' for f in flags)}",
    })


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PlaceCreateForm(request.POST or None, allowed=REGISTER_FIELDS)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        place_type, since = data.pop("type"), data.pop("since")
        try:
            place = services.place_create(values=data, type=place_type, effective_date=since, by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("De plek is opgenomen in het register."))
            return redirect("places:detail", pk=place.pk)
    return render(request, "places/form.html", {"form": form, "title": _("Nieuwe plek")})


@require_roles(PLACE_EDITORS)
@require_http_methods(["GET", "POST"])
def place_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace.objects.with_type(), pk=pk)
    user = request.user
    ensure_acts_for(user, place)  # another board's place does not exist for this user (404)
    if not can_edit_public_info(user, place):
        raise PermissionDenied(_("U mag deze plek niet wijzigen."))
    keeper = user.has_role(*REGISTER_KEEPERS)
    data = request.POST or None
    form = PlaceForm(data, instance=place, allowed=editable_fields(user, place))
    building_form = BuildingForm(data, instance=place.building) if keeper else None
    board_form = BoardForm(data, instance=getattr(place, "board", None)) if keeper else None
    forms = [f for f in (form, building_form, board_form) if f is not None]
    if request.method == "POST" and all(f.is_valid() for f in forms):
        try:
            with transaction.atomic():
                services.place_update(place=place, values=form.cleaned_data, by=user)
                # The building and board forms are optional parts of the same page: only changes are saved.
                if building_form is not None and building_form.has_changed():
                    services.building_save(place=place, values=building_form.cleaned_data, by=user)
                if board_form is not None and board_form.has_changed():
                    services.board_save(place=place, values=board_form.cleaned_data, by=user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("places:detail", pk=place.pk)
    return render(request, "places/form.html", {
        "form": form, "building_form": building_form, "board_form": board_form, "place": place,
        "title": _("%(name)s wijzigen") % {"name": place.name}})


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_change_type(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace.objects.with_type(), pk=pk)
    form = TypeChangeForm(request.POST or None, initial={"effective_date": timezone.localdate()})
    needs_override = False
    if request.method == "POST" and form.is_valid():
        try:
            services.place_change_type(
                place=place, to=form.cleaned_data["to_type"], effective_date=form.cleaned_data["effective_date"],
                reason=form.cleaned_data["reason"], cap_override=form.cleaned_data["cap_override"],
                by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
            needs_override = "to_type" in getattr(error, "error_dict", {})
        else:
            messages.success(request, _("De typewijziging is vastgelegd."))
            return redirect("places:detail", pk=place.pk)
    return render(request, "places/change_type.html", {
        "form": form, "place": place, "caps": cap_status(), "needs_override": needs_override,
        "history": place_type_history(place), "today": timezone.localdate()})


def _history_entry(place: MeetingPlace, entry_id: int | None) -> PlaceTypeChange:
    return get_object_or_404(PlaceTypeChange, pk=entry_id or 0, place=place)


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_type_correct(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Correct an entry of the type history (a new entry supersedes it; the old one stays visible)."""
    place = get_object_or_404(MeetingPlace.objects.with_type(), pk=pk)
    if request.method == "GET":
        entry = _history_entry(place, _int(request.GET.get("entry")))
        correction = TypeCorrectionForm(initial={"entry": entry.pk, "to_type": entry.to_type,
                                                 "effective_date": entry.effective_date})
        return render(request, "places/type_correct.html", {"place": place, "entry": entry, "form": correction})
    correction = TypeCorrectionForm(request.POST)
    entry = _history_entry(place, _int(request.POST.get("correct-entry")))
    needs_override = False
    if correction.is_valid():
        try:
            services.place_type_correct(
                place=place, entry=entry, to=correction.cleaned_data["to_type"],
                effective_date=correction.cleaned_data["effective_date"], reason=correction.cleaned_data["reason"],
                cap_override=correction.cleaned_data["cap_override"], by=request.user)
        except ValidationError as error:
            apply_validation_error(correction, error)
            needs_override = "to_type" in getattr(error, "error_dict", {})
        else:
            messages.success(request, _("De correctie is vastgelegd; de oude regel blijft zichtbaar als gecorrigeerd."))
            return redirect("places:change_type", pk=place.pk)
    return render(request, "places/type_correct.html", {"place": place, "entry": entry, "form": correction,
                                                        "needs_override": needs_override})


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_type_retract(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Retract a future-dated type change, with a reason (asks first; works without JavaScript)."""
    place = get_object_or_404(MeetingPlace.objects.with_type(), pk=pk)
    if request.method == "GET":
        entry = _history_entry(place, _int(request.GET.get("entry")))
        retraction = TypeRetractionForm(initial={"entry": entry.pk})
        return render(request, "places/type_retract.html", {"place": place, "entry": entry, "form": retraction})
    retraction = TypeRetractionForm(request.POST)
    entry = _history_entry(place, _int(request.POST.get("retract-entry")))
    if retraction.is_valid():
        try:
            services.place_type_retract(place=place, entry=entry, reason=retraction.cleaned_data["reason"],
                                        by=request.user)
        except ValidationError as error:
            apply_validation_error(retraction, error)
        else:
            messages.success(request, _("De typewijziging is ingetrokken."))
            return redirect("places:change_type", pk=place.pk)
    return render(request, "places/type_retract.html", {"place": place, "entry": entry, "form": retraction})


def _int(value: str | None) -> int | None:
    """An id from the query or the form; anything that is not a plain number is no id."""
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdecimal() and len(text) < 18 else None


@require_roles(REGISTER_KEEPERS)
@require_POST
def board_member_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace, pk=pk)
    form = BoardMemberForm(request.POST)
    if form.is_valid():
        services.board_member_add(place=place, by=request.user, **form.cleaned_data)
        messages.success(request, _("Het bestuurslid is toegevoegd."))
    else:
        messages.error(request, _("Het bestuurslid is niet toegevoegd: vul naam en functie in."))
    return redirect("places:detail", pk=place.pk)


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def board_member_remove(request: AuthenticatedHttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """Asks before it removes (a page of its own, so it works without JavaScript); the POST removes."""
    member = get_object_or_404(BoardMember.objects.select_related("board__place"), pk=member_pk, board__place_id=pk)
    place = member.board.place
    if request.method == "GET":
        return render(request, "places/board_member_remove.html", {
            "place": place, "member": member, "condition": board_condition_of(place, without=member)})
    services.board_member_remove(member=member, by=request.user)
    messages.success(request, _("%(name)s is verwijderd uit het bestuur.") % {"name": member.name})
    return redirect("places:detail", pk=pk)


@require_roles(REGISTER_KEEPERS)
def neighbourhood_hint(request: AuthenticatedHttpRequest) -> HttpResponse:
    """htmx partial on the place form: which buurt the typed coordinates fall in."""
    buurt, problem = None, ""
    try:
        lat, lon = (parse_number(request.GET.get(axis, ""), grouping=False) for axis in ("latitude", "longitude"))
    except NumberFormatError:
        problem = _("Vul breedtegraad en lengtegraad in om de buurt te zien.")
    else:
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            buurt = neighbourhood_for_point(lat, lon)
        if buurt is None:
            problem = str(place_errors.OUTSIDE_MAASTRICHT)
    return render(request, "places/neighbourhood_hint.html", {"buurt": buurt, "problem": problem})


@require_roles(AUDIT_READERS)
def place_audit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace, pk=pk)
    return render(request, "places/audit.html", {"place": place,
                                                 "events": readable_events(audit_events_for(place))})


@require_roles(STAFF_ROLES)
def place_map(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None)
    places = place_list(user=request.user, filters=form.filters() if form.is_bound else None)
    total = places.count()
    # A marker per place up to MAP_MARKER_LIMIT; beyond it the map counts the places per buurt (B5).
    shown = places if total <= MAP_MARKER_LIMIT else places.none()
    others = request.GET.copy()  # the filters a buurt's link keeps (it sets the buurt and its wijk itself)
    others.pop("neighbourhood", None)
    others.pop("district", None)
    unplaced, unplaced_count = places_without_coordinates(places)
    context: dict[str, Any] = {"form": form, "total": total, "marker_limit": MAP_MARKER_LIMIT,
                               "query": others.urlencode(), "chosen_buurt": form.filters().neighbourhood,
                               "unplaced": unplaced, "unplaced_count": unplaced_count,
                               **map_context(neighbourhood_outlines(), shown)}
    if total > MAP_MARKER_LIMIT:
        counts = place_counts_per_neighbourhood(places)
        context["per_neighbourhood"] = per_neighbourhood_points(context["areas"], counts)
    return render(request, "places/map.html", context)


@require_roles(STAFF_ROLES)
def place_export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None)
    places = place_list(user=request.user, filters=form.filters() if form.is_bound else None)
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(
            exporting.export_xlsx(places),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(exporting.export_csv(places), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ontmoetingsplekken-{stamp}.{fmt}"'
    return response


#: Where the streamed import page puts its progress and its result (see ADR 0025).
PROGRESS_MARK = "<!--ontmoet:import-progress-->"
RESULT_MARK = "<!--ontmoet:import-result-->"


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_import(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Upload, check and import a register file. A checked file is answered as a streamed page: the progress of
    the check shows while it runs, then the report or the result (ADR 0025)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        try:
            if upload.size > max_bytes():
                raise ImportFileError(_("Het bestand is groter dan %(limit)s MB; splits het in delen.") % {
                    "limit": max_bytes() // (1024 * 1024)})
            content = upload.read()
            check = register_check(content=content, filename=upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            page = render_to_string("places/import.html", {"form": ImportForm(), "streaming": True}, request)
            head, _mark, rest = page.partition(PROGRESS_MARK)
            middle, _mark, tail = rest.partition(RESULT_MARK)
            steps = _import_steps(request, check, content=content, filename=upload.name, dry_run=dry_run)
            response = StreamingHttpResponse(_import_page(request, steps, check, (head, middle, tail),
                                                          dry_run=dry_run), content_type="text/html; charset=utf-8")
            response["X-Accel-Buffering"] = "no"  # a proxy passes the progress on as it comes
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "places/import.html", {"form": form})


def _import_steps(request: AuthenticatedHttpRequest, check: RegisterCheck, *, content: bytes, filename: str,
                  dry_run: bool) -> Iterator[ImportProgress]:
    """Check every row (a read), then hand the report to the import's door, which writes as this officer."""
    yield from check
    if check.report.ok and not dry_run:
        yield ImportProgress("saving", check.total, check.total)
    try:
        services.places_import(content=content, filename=filename, by=request.user, dry_run=dry_run,
                               checked=check.report)
    except ValidationError as error:
        check.report.problems.extend(RowProblem(row=1, column=column, message=" ".join(messages))
                                     for column, messages in error.message_dict.items())
    yield ImportProgress("done", check.total, check.total)


def _import_page(request: AuthenticatedHttpRequest, steps: Iterator[ImportProgress], check: RegisterCheck,
                 parts: tuple[str, str, str], *, dry_run: bool) -> Iterator[str]:
    """The page around the import: each progress step as it happens, then the report or the result."""
    head, middle, tail = parts
    yield head
    for progress in steps:
        yield render_to_string("places/import.html#progress", {"progress": progress}, request)
    yield middle
    yield render_to_string("places/import.html#result", {"report": check.report, "dry_run": dry_run}, request)
    yield tail


@require_roles(REGISTER_KEEPERS)
def place_import_template(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    """An empty import file (CSV or XLSX) with every column the import reads and one example row."""
    if fmt == "xlsx":
        response = HttpResponse(
            exporting.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(exporting.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sjabloon-ontmoetingsplekken.{fmt}"'
    return response
