"""Pages of the register. Thin: parse input with a form, read with selectors, write with services."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ontmoet.accounts.permissions import require_roles
from ontmoet.accounts.roles import ALL_ROLES, AUDIT_READERS, REGISTER_KEEPERS, STAFF_ROLES, Role
from ontmoet.core.audit import audit_events_for
from ontmoet.core.forms import apply_validation_error
from ontmoet.places import errors as place_errors
from ontmoet.places import exporting, services
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
)
from ontmoet.places.importing import ImportFileError
from ontmoet.places.mapping import map_context
from ontmoet.places.models import BoardMember, MeetingPlace
from ontmoet.places.selectors import (
    cap_status,
    neighbourhood_for_point,
    neighbourhood_list,
    place_get,
    place_list,
    place_type_history,
)


@require_roles(ALL_ROLES)
def place_list_view(request: HttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None)
    places = place_list(user=request.user, filters=form.filters() if form.is_bound else None)
    context = {"form": form, "places": places, "caps": cap_status(),
               "can_keep_register": request.user.has_role(*REGISTER_KEEPERS),  # type: ignore[union-attr]
               "query": request.GET.urlencode()}
    template = "places/list.html#results" if request.htmx else "places/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@require_roles(ALL_ROLES)
def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place = place_get(user=request.user, pk=pk)
    user = request.user
    return render(request, "places/detail.html", {
        "place": place,
        "history": place_type_history(place),
        "board": getattr(place, "board", None),
        "accessibility": [(ACCESSIBILITY_LABELS[f], getattr(place, f)) for f in ACCESSIBILITY_LABELS],
        "can_edit": services.can_edit_public_info(user, place),  # type: ignore[arg-type]
        "can_keep_register": user.has_role(*REGISTER_KEEPERS),  # type: ignore[union-attr]
        "can_read_audit": user.has_role(*AUDIT_READERS),  # type: ignore[union-attr]
        "member_form": BoardMemberForm(),
    })


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_create(request: HttpRequest) -> HttpResponse:
    form = PlaceCreateForm(request.POST or None, allowed=services.REGISTER_FIELDS)
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


@require_roles(REGISTER_KEEPERS | {Role.BOARD_MEMBER})
@require_http_methods(["GET", "POST"])
def place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace.objects.with_type(), pk=pk)
    user = request.user
    if not services.can_edit_public_info(user, place):  # type: ignore[arg-type]
        raise PermissionDenied(_("U mag deze plek niet wijzigen."))
    keeper = user.has_role(*REGISTER_KEEPERS)  # type: ignore[union-attr]
    data = request.POST or None
    form = PlaceForm(data, instance=place, allowed=services.editable_fields(user, place))  # type: ignore[arg-type]
    building_form = BuildingForm(data, instance=place.building) if keeper else None
    board_form = BoardForm(data, instance=getattr(place, "board", None)) if keeper else None
    forms = [f for f in (form, building_form, board_form) if f is not None]
    if request.method == "POST" and all(f.is_valid() for f in forms):
        try:
            with transaction.atomic():
                services.place_update(place=place, values=form.cleaned_data, by=user)  # type: ignore[arg-type]
                if building_form is not None and building_form.has_changed():
                    services.building_save(place=place, values=building_form.cleaned_data, by=user)  # type: ignore[arg-type]
                if board_form is not None and board_form.has_changed():
                    services.board_save(place=place, values=board_form.cleaned_data, by=user)  # type: ignore[arg-type]
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
def place_change_type(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace.objects.with_type(), pk=pk)
    form = TypeChangeForm(request.POST or None, initial={"effective_date": timezone.localdate()})
    needs_override = False
    if request.method == "POST" and form.is_valid():
        try:
            services.place_change_type(
                place=place, to=form.cleaned_data["to_type"], effective_date=form.cleaned_data["effective_date"],
                reason=form.cleaned_data["reason"], cap_override=form.cleaned_data["cap_override"],
                by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            apply_validation_error(form, error)
            needs_override = "to_type" in getattr(error, "error_dict", {})
        else:
            messages.success(request, _("De typewijziging is vastgelegd."))
            return redirect("places:detail", pk=place.pk)
    return render(request, "places/change_type.html", {
        "form": form, "place": place, "caps": cap_status(), "needs_override": needs_override,
        "history": place_type_history(place)})


@require_roles(REGISTER_KEEPERS)
@require_POST
def board_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace, pk=pk)
    form = BoardMemberForm(request.POST)
    if form.is_valid():
        services.board_member_add(place=place, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Het bestuurslid is toegevoegd."))
    else:
        messages.error(request, _("Het bestuurslid is niet toegevoegd: vul naam en functie in."))
    return redirect("places:detail", pk=place.pk)


@require_roles(REGISTER_KEEPERS)
@require_POST
def board_member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    member = get_object_or_404(BoardMember, pk=member_pk, board__place_id=pk)
    services.board_member_remove(member=member, by=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Het bestuurslid is verwijderd."))
    return redirect("places:detail", pk=pk)


@require_roles(REGISTER_KEEPERS)
def neighbourhood_hint(request: HttpRequest) -> HttpResponse:
    """htmx partial on the place form: which buurt the typed coordinates fall in."""
    buurt, problem = None, ""
    try:
        lat, lon = Decimal(request.GET.get("latitude", "").replace(",", ".")), Decimal(
            request.GET.get("longitude", "").replace(",", "."))
    except InvalidOperation:
        problem = _("Vul breedtegraad en lengtegraad in om de buurt te zien.")
    else:
        if lat.is_finite() and lon.is_finite() and -90 <= lat <= 90 and -180 <= lon <= 180:
            buurt = neighbourhood_for_point(lat, lon)
        if buurt is None:
            problem = str(place_errors.OUTSIDE_MAASTRICHT)
    return render(request, "places/neighbourhood_hint.html", {"buurt": buurt, "problem": problem})


@require_roles(AUDIT_READERS)
def place_audit(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(MeetingPlace, pk=pk)
    return render(request, "places/audit.html", {"place": place, "events": audit_events_for(place)})


@require_roles(STAFF_ROLES)
def place_map(request: HttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None)
    places = place_list(user=request.user, filters=form.filters() if form.is_bound else None)
    context: dict[str, Any] = {"form": form, **map_context(list(neighbourhood_list()), places)}
    return render(request, "places/map.html", context)


@require_roles(STAFF_ROLES)
def place_export(request: HttpRequest, fmt: str) -> HttpResponse:
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


@require_roles(REGISTER_KEEPERS)
@require_http_methods(["GET", "POST"])
def place_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = services.places_import(content=upload.read(), filename=upload.name, by=request.user,  # type: ignore[arg-type]
                                            dry_run=form.cleaned_data["dry_run"])
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            if report.ok and not form.cleaned_data["dry_run"]:
                messages.success(request, _("%(n)s plekken geïmporteerd.") % {"n": len(report.rows)})
                return redirect("places:list")
    return render(request, "places/import.html", {"form": form, "report": report})
