"""Reads of data care: everything Ontmoet holds about one person (AVG art. 15 and 20), the places where free
text names them (for review before and after an erasure), and what is due for destruction (retention.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone

from ontmoet.accounts.models import ApiToken, LoginAttempt, User
from ontmoet.activities.models import ActivitySeries
from ontmoet.capacity.models import (
    BoardSupportRequest,
    CommunityWorkHours,
    CommunityWorkRequest,
    WorkingGroupMember,
)
from ontmoet.core.models import AuditEvent
from ontmoet.datacare.retention import retention_rules
from ontmoet.finder.models import InitiativeRequest
from ontmoet.places.models import BoardMember
from ontmoet.subsidies.models import Advice, Application, Decision, DecisionKind, Document, Letter, Step
from ontmoet.subsidies.uploads import read_upload

EXPORT_FORMAT = "ontmoet-avg-inzage"
PSEUDONYM_PREFIX = "gewist-"


def pseudonym_for(user: User) -> str:
    """The stable pseudonym of an account: the same on every run, and it names nobody."""
    return f"{PSEUDONYM_PREFIX}{user.pk:06d}"


def is_erased(user: User) -> bool:
    return user.username == pseudonym_for(user) and not user.is_active


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def identifiers(user: User) -> list[str]:
    """The words that identify the person in free text: full name and e-mail (the username only when neither is
    known: a username such as "bestuur" is an ordinary word in a letter)."""
    words = [w for w in (user.get_full_name().strip(), user.email) if len(w) >= 3]
    return words or ([user.username] if len(user.username) >= 3 else [])


def _mentions(words: list[str], *fields: str) -> Q:
    query = Q(pk__in=[])
    for word in words:
        for name in fields:
            query |= Q(**{f"{name}__icontains": word})
    return query


def user_sessions(user: User) -> list[Session]:
    """The stored sessions of ``user`` (the session table is keyed by session, so each one is decoded)."""
    wanted = str(user.pk)
    return [s for s in Session.objects.iterator() if s.get_decoded().get("_auth_user_id") == wanted]


def _document_hash(document: Document) -> str | None:
    try:
        return hashlib.sha256(read_upload(document.storage_path)).hexdigest()
    except OSError:
        return None


def mentions(user: User, words: list[str] | None = None) -> list[dict[str, str]]:
    """Free-text fields that contain one of the person's identifiers: listed for review, never changed."""
    words = identifiers(user) if words is None else words
    found: list[dict[str, str]] = []
    if not words:
        return found

    def add(kind: str, obj: Any, field: str, text: str) -> None:
        found.append({"object": kind, "id": str(obj.pk), "field": field, "text": str(text)[:300]})

    for application in Application.objects.filter(_mentions(words, "description")):
        add("subsidies.application", application, "description", application.description)
    for step in Step.objects.filter(_mentions(words, "note")):
        add("subsidies.step", step, "note", step.note)
    for letter in Letter.objects.filter(_mentions(words, "body", "sent_to", "subject")):
        add("subsidies.letter", letter, "body/sent_to", letter.sent_to or letter.subject)
    for advice in Advice.objects.filter(_mentions(words, "motivation")):
        add("subsidies.advice", advice, "motivation", advice.motivation)
    for decision in Decision.objects.filter(_mentions(words, "decided_by_name", "advised_by_name")):
        add("subsidies.decision", decision, "decided_by_name/advised_by_name",
            f"{decision.decided_by_name} / {decision.advised_by_name}")
    for member in BoardMember.objects.filter(_mentions(words, "name", "contact")):
        add("places.boardmember", member, "name/contact", f"{member.name} {member.contact}".strip())
    for delegate in WorkingGroupMember.objects.filter(_mentions(words, "name")):
        add("capacity.workinggroupmember", delegate, "name", delegate.name)
    for support in BoardSupportRequest.objects.filter(_mentions(words, "contact_person", "description", "outcome")):
        add("capacity.boardsupportrequest", support, "contact_person/description", support.description)
    for idea in InitiativeRequest.objects.filter(_mentions(words, "name", "contact", "idea")):
        add("finder.initiativerequest", idea, "name/contact/idea", f"{idea.name} {idea.contact}")
    for event in AuditEvent.objects.filter(_mentions(words, "object_repr", "reason")).exclude(actor=user):
        add("core.auditevent", event, "object_repr/reason", event.object_repr)
    return found


def personal_data(user: User) -> dict[str, Any]:
    """All personal data of ``user`` that Ontmoet holds, as plain JSON-ready data (``ontmoet gdpr_export``)."""
    places = list(user.board_places.order_by("name"))
    own_applications = Application.objects.filter(Q(created_by=user) | Q(place__in=places)).distinct()
    letters = Letter.objects.filter(Q(application__in=own_applications) | (
        Q(sent_to__icontains=user.email) if user.email else Q(pk__in=[]))).distinct()
    return {
        "format": EXPORT_FORMAT,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "account": {
            "id": user.pk, "username": user.username, "first_name": user.first_name, "last_name": user.last_name,
            "email": user.email, "role": user.role, "is_active": user.is_active,
            "date_joined": _iso(user.date_joined), "last_login": _iso(user.last_login),
        },
        "places_acted_for": [{"id": p.pk, "name": p.name} for p in places],
        "board_memberships": [
            {"place": m.board.place.name, "name": m.name, "role": m.role, "contact": m.contact}
            for m in BoardMember.objects.filter(_mentions(identifiers(user), "name", "contact"))
            .select_related("board__place")],
        "applications": [
            {"reference": a.reference, "id": a.pk, "place": a.place.name, "scheme": a.scheme.name, "year": a.year,
             "state": a.state, "amount_requested": str(a.amount_requested), "amount_granted": str(a.amount_granted),
             "created_by_this_person": a.created_by_id == user.pk, "description": a.description}
            for a in own_applications.select_related("place", "scheme").order_by("id")],
        "letters": [
            {"id": letter.pk, "application": letter.application_id, "kind": letter.kind,
             "subject": letter.subject, "sent_to": letter.sent_to, "at": _iso(letter.at)}
            for letter in letters.order_by("id")],
        "documents_uploaded": [
            {"id": d.pk, "application": d.application_id, "kind": d.kind, "file_name": d.file_name,
             "content_type": d.content_type, "size": d.size, "sha256": _document_hash(d), "at": _iso(d.at)}
            for d in Document.objects.filter(uploaded_by=user).order_by("id")],
        "steps_taken": [
            {"application": s.application_id, "action": s.action, "at": _iso(s.at), "note": s.note}
            for s in Step.objects.filter(actor=user).order_by("id")],
        "advices": [{"application": a.application_id, "advice": a.advice, "at": _iso(a.at)}
                    for a in Advice.objects.filter(advisor=user).order_by("id")],
        "decisions": [{"application": d.application_id, "kind": d.kind, "outcome": d.outcome,
                       "decided_on": _iso(d.decided_on)}
                      for d in Decision.objects.filter(decided_by=user).order_by("id")],
        "community_work_requests": [
            {"id": r.pk, "place": r.place_id, "year": r.year, "fte": str(r.fte), "requested_on": _iso(r.requested_on)}
            for r in CommunityWorkRequest.objects.filter(requested_by=user).order_by("id")],
        "community_work_hours": [
            {"place": h.place_id, "month": _iso(h.month), "hours": str(h.hours)}
            for h in CommunityWorkHours.objects.filter(worker=user).order_by("id")],
        "board_support_requests": [
            {"id": r.pk, "place": r.place_id, "kind": r.kind, "status": r.status, "requested_on": _iso(r.requested_on)}
            for r in BoardSupportRequest.objects.filter(requested_by=user).order_by("id")],
        "activity_series_created": [
            {"id": s.pk, "place": s.place_id, "title": s.title}
            for s in ActivitySeries.objects.filter(created_by=user).order_by("id")],
        "initiatives": [
            {"id": i.pk, "place": i.place_id, "name": i.name, "contact": i.contact, "idea": i.idea,
             "created_at": _iso(i.created_at)}
            for i in InitiativeRequest.objects.filter(
                _mentions([w for w in (user.email, user.get_full_name().strip()) if w], "name", "contact"))
            .order_by("id")],
        "api_tokens": [
            {"name": t.name, "prefix": t.prefix, "scope": t.scope, "created_at": _iso(t.created_at),
             "expires_at": _iso(t.expires_at), "last_used_at": _iso(t.last_used_at),
             "revoked_at": _iso(t.revoked_at)}
            for t in ApiToken.objects.filter(user=user).order_by("id")],
        "login_attempts": [
            {"at": _iso(a.at), "address": a.address, "succeeded": a.succeeded}
            for a in LoginAttempt.objects.filter(username=user.username.lower()).order_by("id")],
        "sessions": len(user_sessions(user)),
        "audit_events_by_this_person": [
            {"at": _iso(e.at), "action": e.action, "object_type": e.object_type, "object_id": e.object_id,
             "object": e.object_repr}
            for e in AuditEvent.objects.filter(actor=user).order_by("at", "id")],
        "audit_events_about_this_account": [
            {"at": _iso(e.at), "action": e.action, "by": e.actor_name}
            for e in AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user.pk))
            .order_by("at", "id")],
        "mentions_in_free_text": mentions(user),
    }


# --- retention ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """A case whose retention period has passed: it may be destroyed (after the archivist's approval)."""

    case: str
    id: int
    reference: str
    result: str
    anchor: dt.date
    destroy_on: dt.date
    rule: str
    selectielijst: str

    def as_json(self) -> dict[str, Any]:
        return {"case": self.case, "id": self.id, "reference": self.reference, "result": self.result,
                "anchor": self.anchor.isoformat(), "destroy_on": self.destroy_on.isoformat(), "rule": self.rule,
                "selectielijst": self.selectielijst}


def _application_anchor(application: Application, anchor: str) -> dt.date | None:
    decisions = list(application.decisions.all())
    if anchor == "settlement":
        dates = [d.decided_on for d in decisions if d.kind == DecisionKind.SETTLEMENT]
        return max(dates) if dates else None
    if anchor == "decision":
        dates = [d.decided_on for d in decisions]
        if application.decided_on:
            dates.append(application.decided_on)
        return max(dates) if dates else None
    return timezone.localdate(application.updated_at)


def retention_due(on: dt.date | None = None) -> list[DueItem]:
    """Every case whose retention period has passed on ``on`` (today), by the rules of retention.toml."""
    on = on or timezone.localdate()
    due: list[DueItem] = []
    for rule in retention_rules():
        if rule.case == "subsidy_application":
            applications = Application.objects.filter(state__in=rule.results).prefetch_related("decisions")
            for application in applications.order_by("id"):
                anchor = _application_anchor(application, rule.anchor)
                if anchor is not None and rule.destroy_on(anchor) <= on:
                    due.append(DueItem("subsidy_application", application.pk, application.reference,
                                       application.state, anchor, rule.destroy_on(anchor), rule.key,
                                       rule.selectielijst))
        elif rule.case == "initiative":
            for idea in InitiativeRequest.objects.order_by("created_at", "id"):
                anchor = timezone.localdate(idea.created_at)
                if rule.destroy_on(anchor) <= on:
                    due.append(DueItem("initiative", idea.pk, f"idee {idea.pk}", "", anchor, rule.destroy_on(anchor),
                                       rule.key, rule.selectielijst))
    return sorted(due, key=lambda item: (item.destroy_on, item.case, item.id))
