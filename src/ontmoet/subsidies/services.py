"""Writes of the subsidy module: one door per step of the lifecycle (docs/decisions/0302).

Each step runs as one transaction: the application's row is locked, its facts are gathered, the transition table
(``ontmoet.domain.subsidies.lifecycle``) decides, and the step, its letter, its money and its audit event are
written together. A refused step raises :class:`StepRefused` (409 in the API) or, for a role or the four-eyes
rule, ``PermissionDenied`` (403). A grant takes its scheme-year's lock first and checks and commits against the
ceiling in the same transaction (docs/decisions/0303); e-mails go out when the transaction has committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.doors import state_change
from ontmoet.accounts.models import User
from ontmoet.accounts.permissions import ensure_acts_for
from ontmoet.accounts.roles import SCHEME_KEEPERS, SUBSIDY_ACTORS, SUBSIDY_APPLICANTS, SUBSIDY_OFFICERS, Role
from ontmoet.assessment.evaluation import AssessmentRequest
from ontmoet.assessment.services import assessment_for_application
from ontmoet.core.audit import audit_record, nothing_changed
from ontmoet.core.locks import serialise
from ontmoet.core.plan import policy_plan
from ontmoet.domain.budget import compute_budget
from ontmoet.domain.subsidies import deadlines
from ontmoet.domain.subsidies.amounts import AmountRuleError, FixedPerPlaceType
from ontmoet.domain.subsidies.ceiling import DecisionReason as Reason
from ontmoet.domain.subsidies.ceiling import (
    DistributionMethod,
    grant_under_ceiling,
    objection_under_ceiling,
    rank_down,
)
from ontmoet.domain.subsidies.lifecycle import TRANSITIONS, Action, Facts, State, TransitionRefused, check_transition
from ontmoet.finance.services import commitment_record, realisation_record
from ontmoet.places.models import MeetingPlace
from ontmoet.subsidies import errors, letters, selectors
from ontmoet.subsidies.models import (
    Advice,
    AdviceChoice,
    Application,
    Decision,
    DecisionKind,
    Distribution,
    Document,
    Letter,
    LetterKind,
    Payment,
    PaymentKind,
    Scheme,
    SchemeYear,
    Step,
)
from ontmoet.subsidies.uploads import store_upload

LEDGER_SOURCE = "subsidies"
ZERO = Decimal(0)


class StepRefused(Exception):
    """A step the application's state or facts do not allow now (409), with the reason in Dutch and English."""

    def __init__(self, code: str, text_nl: str, text_en: str) -> None:
        super().__init__(text_nl)
        self.code, self.text_nl, self.text_en = code, text_nl, text_en


def _roles(action: Action) -> frozenset[str]:
    """The door's roles are the transition table's (one source for who may take a step)."""
    return frozenset(Role(r) for r in TRANSITIONS[action].roles)


# --- schemes ---------------------------------------------------------------------------------------------------


def _block_amount(block: str, year: int) -> int:
    plan = policy_plan()
    column = str(year) if str(year) in plan.columns else "structural"
    value = compute_budget(plan).value(block, column)
    return int(value or 0)


@state_change(roles=SCHEME_KEEPERS, system=True)
def schemes_from_plan(*, years: Sequence[int] | None = None, by: User | None, is_demo: bool = False) -> list[Scheme]:
    """Create (or bring up to date) the schemes the plan ships, with a ceiling per plan year."""
    plan = policy_plan()
    if plan.subsidies is None:
        nothing_changed()
        return []
    made: list[Scheme] = []
    for key, spec in plan.subsidies.schemes.items():
        fixed = ({"meeting_centre": plan.unit_amounts.meeting_centre,
                  "neighbourhood_house": plan.unit_amounts.neighbourhood_house}
                 if spec.amount_rule == "fixed_per_type" else {})
        scheme, _created = Scheme.objects.update_or_create(key=key, defaults={
            "name": spec.name, "regulation": spec.regulation, "chapter": spec.chapter,
            "legal_basis": spec.legal_basis, "block": spec.block, "decision_term_weeks": spec.decision_term_weeks,
            "supplement_term_days": spec.supplement_term_days, "partial_grants": spec.partial_grants,
            "amount_rule": spec.amount_rule, "fixed_amounts": fixed, "maximum_amount": spec.maximum_amount,
            "eligible_types": list(spec.eligible_types), "required_documents": list(spec.required_documents),
            "activity_types": list(spec.activity_types), "is_demo": is_demo})
        for year in years or plan.years:
            column = str(year) if str(year) in plan.columns else "structural"
            ceiling = spec.base_ceilings.get(column, 0) + (_block_amount(spec.block, year)
                                                            if spec.ceiling_adds_block else 0)
            scheme_year, created = SchemeYear.objects.get_or_create(
                scheme=scheme, year=year, defaults={"ceiling": ceiling, "distribution": spec.distribution,
                                                    "ranking_dates": list(spec.ranking_dates)})
            if not created and scheme_year.ceiling != ceiling and ceiling >= scheme_year.committed:
                serialise(scheme_year.lock_name)
                SchemeYear.objects.filter(pk=scheme_year.pk).update(ceiling=ceiling)
        made.append(scheme)
    audit_record(action="subsidy_schemes_from_plan", obj=made[0], by=by,
                 after={"schemes": [s.key for s in made], "plan": f"{plan.id} {plan.version}"})
    return made


@state_change(roles=SCHEME_KEEPERS)
def scheme_create(*, values: Mapping[str, Any], ceilings: Sequence[tuple[int, Decimal]], by: User) -> Scheme:
    """A scheme entered by hand (the API's POST /schemes): name, block, terms, distribution and ceilings."""
    from django.utils.text import slugify

    base = slugify(str(values.get("name", "")))[:50] or "regeling"
    key, n = base, 2
    while Scheme.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    distribution = values.get("distribution", Distribution.ORDER_OF_RECEIPT)
    fields = {k: v for k, v in values.items() if k in (
        "name", "legal_basis", "block", "decision_term_weeks", "supplement_term_days", "partial_grants",
        "amount_rule", "maximum_amount", "regulation", "chapter")}
    scheme = Scheme(key=key, **fields)
    scheme.full_clean()
    if distribution not in Distribution.values:
        raise ValidationError({"distribution": errors.ADVICE_CHOICE})
    scheme.save()
    years = []
    for year, amount in ceilings:
        scheme_year = SchemeYear(scheme=scheme, year=year, ceiling=amount, distribution=distribution)
        scheme_year.full_clean()
        scheme_year.save()
        years.append(f"{year}: {amount}")
    audit_record(action="subsidy_scheme_create", obj=scheme, by=by,
                 after={"name": scheme.name, "block": scheme.block, "ceilings": years, "distribution": distribution})
    return scheme


@state_change(roles=SCHEME_KEEPERS, system=True)
def scheme_publish(*, scheme: Scheme, channel: str, on: dt.date | None = None, by: User | None) -> Scheme:
    """Publish a scheme with its ceiling and distribution method (Awb 4:26) and tell the boards it concerns."""
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if scheme.published_on:
        raise ValidationError({"__all__": errors.ALREADY_PUBLISHED})
    scheme.published_on = on or timezone.localdate()
    scheme.publication_channel = channel
    scheme.full_clean()
    scheme.save(update_fields=["published_on", "publication_channel"])
    recipients = letters.board_addresses_for_scheme(scheme)
    subject, body = letters.publication_notice(scheme)
    _mail_on_commit(subject, body, recipients)
    audit_record(action="subsidy_scheme_publish", obj=scheme, by=by,
                 after={"published_on": scheme.published_on, "channel": channel, "boards_told": len(recipients)})
    return scheme


# --- applications ------------------------------------------------------------------------------------------------


def _amount(value: Any) -> Decimal:
    try:
        amount = Decimal(value).quantize(Decimal("0.01"))
    except (ArithmeticError, TypeError, ValueError) as exc:
        raise ValidationError({"amount": errors.AMOUNT_REQUIRED}) from exc
    if not amount.is_finite() or amount <= 0 or amount >= Decimal(10) ** 10:
        raise ValidationError({"amount": errors.AMOUNT_REQUIRED})
    return amount


@state_change(roles=SUBSIDY_APPLICANTS, system=True)
def application_create(*, scheme: Scheme, place: MeetingPlace, year: int, amount_requested: Any = None,
                       activity_type: str = "", description: str = "", by: User | None,
                       is_demo: bool = False) -> Application:
    """Start an application (a draft) for a place the person acts for."""
    if by is not None:
        ensure_acts_for(by, place)
    scheme_year = SchemeYear.objects.filter(scheme=scheme, year=year).first()
    if scheme_year is None:
        raise ValidationError({"year": errors.SCHEME_YEAR_MISSING % {"year": year}})
    place_type = selectors.place_type(place)
    if scheme.eligible_types and place_type not in scheme.eligible_types:
        raise ValidationError({"place": errors.PLACE_NOT_ELIGIBLE})
    rule = selectors.amount_rule_of(scheme)
    if isinstance(rule, FixedPerPlaceType) and amount_requested in (None, ""):
        try:  # a fixed amount per place type: the application asks for that amount
            requested = rule.amount_for(place_type=place_type, requested=ZERO)
        except AmountRuleError as exc:
            raise ValidationError({"place": errors.PLACE_NOT_ELIGIBLE}) from exc
    else:
        requested = _amount(amount_requested)
    application = Application(scheme=scheme, scheme_year=scheme_year, place=place, year=year,
                              amount_requested=requested, activity_type=activity_type, description=description,
                              created_by=by, is_demo=is_demo)
    application.full_clean()
    application.save()
    audit_record(action="subsidy_application_create", obj=application, by=by,
                 after={"scheme": scheme.name, "place": str(place), "year": year, "amount_requested": requested})
    return application


@state_change(roles=SUBSIDY_APPLICANTS)
def application_update(*, application: Application, values: Mapping[str, Any], by: User) -> Application:
    """Save changes to a draft."""
    ensure_acts_for(by, application.place_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.state != State.DRAFT:
        raise StepRefused("state", str(errors.ONLY_DRAFT), "Only a draft can still be changed.")
    before = {k: str(getattr(application, k)) for k in ("amount_requested", "activity_type", "description")}
    if "amount_requested" in values:
        application.amount_requested = _amount(values["amount_requested"])
    for name in ("activity_type", "description"):
        if name in values:
            setattr(application, name, values[name])
    application.full_clean()
    application.save()
    after = {k: str(getattr(application, k)) for k in before}
    if after == before:
        nothing_changed()
        return application
    audit_record(action="subsidy_application_update", obj=application, by=by, before=before, after=after)
    return application


@state_change(roles=SUBSIDY_ACTORS)
def document_upload(*, application: Application, kind: str, file_name: str, content: bytes, by: User) -> Document:
    """Store a document with the application (outside the web root; type sniffed from the content)."""
    ensure_acts_for(by, application.place_id)
    subsidy_plan = policy_plan().subsidies
    limit = subsidy_plan.max_upload_bytes if subsidy_plan else 10 * 2**20
    stored = store_upload(content, file_name, limit=limit)
    document = Document(application=application, kind=kind or "bijlage", file_name=stored.file_name,
                        content_type=stored.content_type, size=stored.size, storage_path=stored.path,
                        uploaded_by=by)
    document.full_clean()
    document.save()
    audit_record(action="subsidy_document_upload", obj=application, by=by,
                 after={"document": f"{document.kind}: {document.file_name} ({document.size} bytes)"})
    return document


# --- the steps ---------------------------------------------------------------------------------------------------


def _facts(application: Application, *, amount: Decimal | None = None) -> Facts:
    steps = list(application.steps.values_list("actor_id", "assesses", "decides"))
    return Facts(
        today=timezone.localdate(),
        assessor_ids=frozenset(a for a, assesses, _d in steps if assesses and a is not None),
        decider_ids=frozenset(a for a, _s, decides in steps if decides and a is not None),
        has_advice=application.advices.exists(),
        postponed_before=application.postponement_weeks > 0,
        decision_due=application.decision_due, supplement_due=application.supplement_due,
        objection_due=application.objection_due, amount_granted=application.amount_granted,
        advances_paid=application.advances_paid, amount=amount,
        settlement_reminder_sent=application.settlement_reminder_sent,
        state_before_objection=State(application.state_before_objection) if application.state_before_objection
        else None)


def _check(application: Application, action: Action, by: User | None, *, target: State | None = None,
           amount: Decimal | None = None) -> State:
    try:
        return check_transition(action, state=application.state_enum, role=getattr(by, "role", ""),
                                actor_id=getattr(by, "pk", None), facts=_facts(application, amount=amount),
                                target=target)
    except TransitionRefused as refused:
        if refused.forbidden:
            raise PermissionDenied(refused.text_nl) from refused
        raise StepRefused(refused.code, refused.text_nl, refused.text_en) from refused


def _locked(application: Application, by: User | None) -> Application:
    if by is not None:
        ensure_acts_for(by, application.place_id)
    return Application.objects.select_for_update().select_related("scheme", "scheme_year", "place").get(
        pk=application.pk)


def _record(application: Application, action: Action, to: State, by: User | None, *, amount: Decimal | None = None,
            note: str = "", fields: Sequence[str] = ()) -> Step:
    """Move the application to ``to``, keep the step for the timeline and the four-eyes rule, write the audit."""
    transition = TRANSITIONS[action]
    before = application.state
    application.state = to
    application.save(update_fields=["state", "updated_at", *fields])
    step = Step.objects.create(application=application, action=action.value, from_state=before, to_state=to,
                               actor=by, actor_name=by.get_username() if by else "systeem",
                               assesses=transition.assesses, decides=transition.is_decision, amount=amount,
                               note=note)
    after: dict[str, Any] = {"state": to.value}
    if amount is not None:
        after["amount"] = amount
    audit_record(action=f"subsidy_{action.value}", obj=application, by=by, before={"state": before}, after=after,
                 reason=note)
    return step


def _decision_term(application: Application) -> deadlines.Deadline:
    term = selectors.decision_term(application)
    assert term is not None
    return term


def _letter(application: Application, kind: str, **context: Any) -> Letter:
    subject, body = letters.compose(kind, application, **context)
    recipients = letters.board_addresses(application)
    letter = Letter.objects.create(application=application, kind=kind, subject=subject, body=body,
                                   sent_to=", ".join(recipients))
    _mail_on_commit(subject, body, recipients)
    return letter


def _mail_on_commit(subject: str, body: str, recipients: Sequence[str]) -> None:
    if not recipients:
        return
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients),
                                            fail_silently=True))


@state_change(roles=_roles(Action.SUBMIT))
def application_submit(*, application: Application, by: User) -> Application:
    """Submit: the receipt is confirmed electronically (Awb 4:3a) and the decision term starts (4:13)."""
    application = _locked(application, by)
    to = _check(application, Action.SUBMIT, by)
    now = timezone.now()
    application.submitted_at, application.received_on = now, timezone.localdate(now)
    application.completed_at = now  # complete until an officer asks for more (order of receipt)
    application.decision_due = _decision_term(application).end
    _record(application, Action.SUBMIT, to, by, fields=["submitted_at", "received_on", "completed_at",
                                                         "decision_due"])
    _letter(application, LetterKind.RECEIPT)
    return application


@state_change(roles=_roles(Action.REQUEST_SUPPLEMENT))
def application_request_supplement(*, application: Application, note: str, by: User) -> Application:
    """Ask the applicant to supplement within the scheme's term (4:5); the decision term is suspended (4:15)."""
    application = _locked(application, by)
    to = _check(application, Action.REQUEST_SUPPLEMENT, by)
    today = timezone.localdate()
    application.supplement_due = deadlines.supplement_deadline(
        today, days=application.scheme.supplement_term_days).end
    application.suspensions = [*application.suspensions, [today.isoformat(), today.isoformat()]]
    application.completed_at = None
    application.officer = application.officer or by
    _record(application, Action.REQUEST_SUPPLEMENT, to, by, note=note,
            fields=["supplement_due", "suspensions", "completed_at", "officer"])
    _letter(application, LetterKind.SUPPLEMENT_REQUEST, note=note)
    return application


def _end_suspension(application: Application, supplied: dt.date | None) -> None:
    """Close the open suspension as the pair the terms module counts (Awb 4:15 lid 1 sub a): resumed on the day of
    the supplement, or on the supplement term's last day when it was not supplemented within the term."""
    if application.suspensions:
        asked = dt.date.fromisoformat(application.suspensions[-1][0])
        pair = deadlines.suspension(asked, supplement_days=application.scheme.supplement_term_days,
                                    supplied=supplied)
        application.suspensions = [*application.suspensions[:-1], [day.isoformat() for day in pair]]
    application.decision_due = _decision_term(application).end


@state_change(roles=_roles(Action.SUPPLEMENT))
def application_supplement(*, application: Application, note: str = "", by: User) -> Application:
    """The applicant supplements: the suspension ends and the decision term runs on (4:15)."""
    application = _locked(application, by)
    to = _check(application, Action.SUPPLEMENT, by)
    now = timezone.now()
    _end_suspension(application, timezone.localdate(now))
    application.completed_at = now
    _record(application, Action.SUPPLEMENT, to, by, note=note,
            fields=["suspensions", "decision_due", "completed_at"])
    return application


@state_change(roles=_roles(Action.NOT_HANDLE))
def application_not_handle(*, application: Application, by: User) -> Application:
    """Not handled: the term to supplement passed unused (4:5)."""
    application = _locked(application, by)
    to = _check(application, Action.NOT_HANDLE, by)
    _end_suspension(application, None)
    _decided(application, DecisionKind.NOT_HANDLED, to, ZERO, "", by)
    _record(application, Action.NOT_HANDLE, to, by,
            fields=["suspensions", "decision_due", "decided_on", "objection_due"])
    _letter(application, LetterKind.NOT_HANDLED)
    return application


@state_change(roles=_roles(Action.COMPLETE))
def application_complete(*, application: Application, by: User) -> Application:
    """The application is complete: the afwegingskader runs and its findings are stored with it."""
    application = _locked(application, by)
    to = _check(application, Action.COMPLETE, by)
    _assessment, record = assessment_for_application(
        request=AssessmentRequest(place=application.place, type=selectors.place_type(application.place)),
        reference=application.reference, by=by)
    application.assessment = record
    application.officer = application.officer or by
    _record(application, Action.COMPLETE, to, by, fields=["assessment", "officer"])
    return application


@state_change(roles=_roles(Action.ADVISE))
def application_advise(*, application: Application, advice: str, motivation: str, amount: Any = None,
                       by: User) -> Advice:
    """The assessor's advice: grant (an amount) or refuse, with its motivation."""
    application = _locked(application, by)
    if advice not in AdviceChoice.values:
        raise ValidationError({"advice": errors.ADVICE_CHOICE})
    if not motivation.strip():
        raise ValidationError({"motivation": errors.MOTIVATION_REQUIRED})
    value = _amount(amount if amount not in (None, "") else application.amount_requested) \
        if advice == AdviceChoice.GRANT else ZERO
    to = _check(application, Action.ADVISE, by)
    record = Advice(application=application, advice=advice, amount=value, motivation=motivation, advisor=by,
                    advisor_name=by.get_full_name() or by.get_username())
    record.full_clean()
    record.save()
    _record(application, Action.ADVISE, to, by, amount=value, note=motivation)
    return record


@state_change(roles=_roles(Action.POSTPONE))
def application_postpone(*, application: Application, weeks: int, reason: str, by: User) -> Application:
    """Postpone the decision once, within the term, by a reasonable term (Awb 4:14)."""
    application = _locked(application, by)
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 8:
        raise ValidationError({"weeks": errors.POSTPONE_WEEKS})
    to = _check(application, Action.POSTPONE, by)
    application.postponement_weeks = weeks
    application.decision_due = _decision_term(application).end
    _record(application, Action.POSTPONE, to, by, note=reason, fields=["postponement_weeks", "decision_due"])
    _letter(application, LetterKind.POSTPONEMENT, reason=reason)
    return application


def _decided(application: Application, kind: str, outcome: State, amount: Decimal, reason: str,
             by: User) -> Decision:
    today = timezone.localdate()
    advice = application.advices.order_by("-at", "-id").first()
    decision = Decision.objects.create(application=application, kind=kind, outcome=outcome, amount=amount,
                                       reason=reason, decided_by=by,
                                       decided_by_name=by.get_full_name() or by.get_username(),
                                       advised_by_name=advice.advisor_name if advice else "", decided_on=today)
    application.decided_on = today
    application.objection_due = deadlines.objection_deadline(today).end
    return decision


def _commit(application: Application, amount: Decimal, step_tag: str, by: User, description: str) -> None:
    if amount:
        commitment_record(block=application.scheme.block, year=application.year, amount=amount,
                          source=LEDGER_SOURCE, reference=f"{application.pk}:{step_tag}",
                          description=description[:300], by=by)


def _realise(application: Application, amount: Decimal, step_tag: str, by: User, description: str) -> None:
    if amount:
        realisation_record(block=application.scheme.block, year=application.year, amount=amount,
                           source=LEDGER_SOURCE, reference=f"{application.pk}:{step_tag}",
                           description=description[:300], by=by)


def _change_committed(scheme_year_id: int, delta: Decimal) -> SchemeYear:
    scheme_year = SchemeYear.objects.select_for_update().get(pk=scheme_year_id)
    scheme_year.committed += delta
    scheme_year.save(update_fields=["committed"])
    return scheme_year


@state_change(roles=_roles(Action.DECIDE))
def application_decide(*, application: Application, decision: str, amount: Any = None, by: User) -> Decision:
    """Grant or refuse. A grant is checked and committed against the scheme-year's ceiling under its lock: what
    would exceed the ceiling is refused insofar (4:25 lid 2) or, without partial grants, refused for the ceiling."""
    if decision not in AdviceChoice.values:
        raise ValidationError({"decision": errors.DECISION_CHOICE})
    serialise(f"subsidies:ceiling:{application.scheme_year_id}")  # first: the write lock up front on SQLite
    application = _locked(application, by)
    target = State.GRANTED if decision == AdviceChoice.GRANT else State.REFUSED
    _check(application, Action.DECIDE, by, target=target)
    scheme_year = SchemeYear.objects.select_for_update().get(pk=application.scheme_year_id)
    if decision == AdviceChoice.GRANT:
        if scheme_year.distribution == Distribution.RANKING:
            raise StepRefused("ranking", "Deze regeling verdeelt op rangorde: de aanvragen worden op het peilmoment "
                              "samen besloten.", "This scheme distributes by ranking: applications are decided "
                              "together at the ranking date.")
        requested = _grant_amount(application, amount)
        outcome = grant_under_ceiling(requested, ceiling=scheme_year.ceiling, committed=scheme_year.committed,
                                      partial_allowed=application.scheme.partial_grants)
        granted, reason, left = outcome.granted, outcome.reason, outcome.remaining_before
    else:
        granted, reason, left = ZERO, Reason.REFUSED, scheme_year.remaining
    return _decide_one(application, granted, reason, left, by)


def _decide_one(application: Application, granted: Decimal, reason: Reason, left: Decimal, by: User) -> Decision:
    """Record a decision on the application whose outcome under the ceiling is known (the lock is held)."""
    to = State.GRANTED if granted > 0 else State.REFUSED
    application.amount_granted, application.decision_reason = granted, reason.value
    application.remaining_at_decision = left
    application.settlement_due = dt.date(application.year + 1, 7, 1)
    record = _decided(application, DecisionKind.APPLICATION, to, granted, reason.value, by)
    step = _record(application, Action.DECIDE, to, by, amount=granted, note=reason.value,
                   fields=["amount_granted", "decision_reason", "remaining_at_decision", "settlement_due",
                           "decided_on", "objection_due"])
    if granted:
        _change_committed(application.scheme_year_id, granted)
        _commit(application, granted, f"grant:{step.pk}", by, f"Verlening {application.reference}")
    _letter(application, LetterKind.GRANT if granted else LetterKind.REFUSAL, decision=record)
    return record


def _grant_amount(application: Application, amount: Any) -> Decimal:
    requested = _amount(amount if amount not in (None, "") else application.amount_requested)
    try:  # the scheme's amount rule: the fixed amount of the place's type, or the costs up to the maximum
        return selectors.amount_rule_of(application.scheme).amount_for(
            place_type=selectors.place_type(application.place), requested=requested)
    except AmountRuleError as exc:
        raise StepRefused("amount_rule", exc.text_nl, exc.text_en) from exc


@state_change(roles=_roles(Action.DECIDE), audit="per_object")
def scheme_year_rank(*, scheme_year: SchemeYear, by: User) -> list[Decision]:
    """The ranking date of a ranking scheme-year: every advised application is decided down the list ranked by
    its afwegingskader score (ties: the moment it became complete, then its number) until the ceiling is used;
    the rest is refused for the ceiling, or partly granted where the scheme allows. Advice to refuse is a refusal
    on the merits. Four eyes per application: whoever assessed one of them cannot rank. A year with ranking dates
    is ranked from its first date on, for the applications complete by the latest date passed (``selectors.
    ranking_moment``); those complete later wait for the next round."""
    serialise(f"subsidies:ceiling:{scheme_year.pk}")
    year = SchemeYear.objects.select_for_update().get(pk=scheme_year.pk)
    if year.distribution != Distribution.RANKING:
        raise StepRefused("not_ranking", "Deze regeling verdeelt niet op rangorde: de aanvragen worden een voor een "
                          "besloten.", "This scheme does not distribute by ranking: applications are decided one "
                          "by one.")
    moment = selectors.ranking_moment(year)
    if moment.too_early:
        assert moment.upcoming is not None
        raise StepRefused("before_ranking_date", f"De rangschikking van {year.year} is op "
                          f"{moment.upcoming:%d-%m-%Y}; eerder kan ze niet worden vastgesteld.",
                          f"The {year.year} ranking is on {moment.upcoming:%d-%m-%Y}; it cannot be decided earlier.")
    candidates = [_locked(a, by) for a in selectors.ranking_candidates(year, moment).order_by("pk")]
    if not candidates:
        raise StepRefused("nothing_to_rank", "Er zijn geen aanvragen met een advies meer om te rangschikken.",
                          "There are no advised applications left to rank.")
    ranked, refusals = [], []
    for application in candidates:
        advice = selectors.latest_advice(application)
        grant = advice is not None and advice.advice == AdviceChoice.GRANT
        _check(application, Action.DECIDE, by, target=State.GRANTED if grant else State.REFUSED)
        if not grant:
            refusals.append(application)
            continue
        assert advice is not None
        ranked.append((application, selectors.ranking_entry(application,
                                                            _grant_amount(application, advice.amount or None))))
    by_id = {a.pk: a for a, _r in ranked}
    decisions = [_decide_one(a, ZERO, Reason.REFUSED, year.remaining, by) for a in refusals]
    for item, outcome in rank_down([r for _a, r in ranked], method=DistributionMethod.RANKING, ceiling=year.ceiling,
                                   committed=year.committed, partial_allowed=year.scheme.partial_grants):
        decisions.append(_decide_one(by_id[item.id], outcome.granted, outcome.reason, outcome.remaining_before, by))
    return decisions


@state_change(roles=_roles(Action.PAY_ADVANCE))
def application_pay_advance(*, application: Application, amount: Any, by: User) -> Payment:
    """Pay an advance (a realisation on the ledger); the advances never exceed the grant."""
    application = _locked(application, by)
    value = _amount(amount)
    to = _check(application, Action.PAY_ADVANCE, by, amount=value)
    application.advances_paid += value
    payment = Payment.objects.create(application=application, kind=PaymentKind.ADVANCE, amount=value,
                                     paid_on=timezone.localdate())
    step = _record(application, Action.PAY_ADVANCE, to, by, amount=value, fields=["advances_paid"])
    _realise(application, value, f"advance:{step.pk}", by, f"Voorschot {application.reference}")
    return payment


@state_change(roles=_roles(Action.REQUEST_SETTLEMENT))
def application_request_settlement(*, application: Application, report: str, by: User) -> Application:
    """Request settlement with a content report (and the accounts as documents), Awb 4:44."""
    application = _locked(application, by)
    if not report.strip():
        raise ValidationError({"report": errors.REPORT_REQUIRED})
    to = _check(application, Action.REQUEST_SETTLEMENT, by)
    _record(application, Action.REQUEST_SETTLEMENT, to, by, note=report)
    return application


@state_change(roles=_roles(Action.SETTLE))
def application_settle(*, application: Application, amount: Any, by: User) -> Decision:
    """Settle at the grant or lower (4:46); a lower amount releases the rest of the commitment under the lock."""
    serialise(f"subsidies:ceiling:{application.scheme_year_id}")
    application = _locked(application, by)
    try:
        value = Decimal(amount).quantize(Decimal("0.01"))
    except (ArithmeticError, TypeError, ValueError) as exc:
        raise ValidationError({"amount": errors.AMOUNT_REQUIRED}) from exc
    to = _check(application, Action.SETTLE, by, amount=value)
    release = application.amount_granted - value
    application.amount_settled = value
    record = _decided(application, DecisionKind.SETTLEMENT, to, value, "", by)
    step = _record(application, Action.SETTLE, to, by, amount=value,
                   fields=["amount_settled", "decided_on", "objection_due"])
    if release:
        _change_committed(application.scheme_year_id, -release)
        _commit(application, -release, f"settle:{step.pk}", by, f"Vaststelling lager {application.reference}")
    balance = value - application.advances_paid
    _letter(application, LetterKind.SETTLEMENT if balance >= 0 else LetterKind.RECOVERY, decision=record,
            balance=balance)
    return record


@state_change(roles=_roles(Action.CLOSE))
def application_close(*, application: Application, by: User) -> Application:
    """Pay the balance, or recover what the advances exceed the settlement by, and close."""
    application = _locked(application, by)
    to = _check(application, Action.CLOSE, by)
    balance = (application.amount_settled or ZERO) - application.advances_paid
    step = _record(application, Action.CLOSE, to, by, amount=balance)
    if balance:
        Payment.objects.create(application=application, kind=PaymentKind.BALANCE if balance > 0
                               else PaymentKind.RECOVERY, amount=balance, paid_on=timezone.localdate())
        _realise(application, balance, f"close:{step.pk}", by,
                 f"{'Saldo' if balance > 0 else 'Terugvordering'} {application.reference}")
    return application


@state_change(roles=_roles(Action.WITHDRAW))
def application_withdraw(*, application: Application, by: User) -> Application:
    """The applicant withdraws the application before a decision."""
    application = _locked(application, by)
    to = _check(application, Action.WITHDRAW, by)
    _record(application, Action.WITHDRAW, to, by)
    return application


@state_change(roles=_roles(Action.CHANGE))
def application_change(*, application: Application, amount: Any, reason: str, by: User) -> Decision:
    """Lower a grant before settlement (4:48); the released amount goes back under the ceiling."""
    serialise(f"subsidies:ceiling:{application.scheme_year_id}")
    application = _locked(application, by)
    value = Decimal(amount).quantize(Decimal("0.01"))
    to = _check(application, Action.CHANGE, by, amount=value)
    release = application.amount_granted - value
    application.amount_granted = value
    record = _decided(application, DecisionKind.CHANGE, to, value, "", by)
    step = _record(application, Action.CHANGE, to, by, amount=value, note=reason,
                   fields=["amount_granted", "decided_on", "objection_due"])
    _change_committed(application.scheme_year_id, -release)
    _commit(application, -release, f"change:{step.pk}", by, f"Wijziging {application.reference}")
    _letter(application, LetterKind.CHANGE, decision=record, reason=reason)
    return record


@state_change(roles=_roles(Action.REVOKE))
def application_revoke(*, application: Application, reason: str, by: User) -> Decision:
    """Withdraw a grant before settlement (4:48); advances paid are recovered."""
    serialise(f"subsidies:ceiling:{application.scheme_year_id}")
    application = _locked(application, by)
    to = _check(application, Action.REVOKE, by)
    release = application.amount_granted
    application.amount_granted = ZERO
    record = _decided(application, DecisionKind.REVOCATION, to, ZERO, "", by)
    step = _record(application, Action.REVOKE, to, by, amount=ZERO, note=reason,
                   fields=["amount_granted", "decided_on", "objection_due"])
    _change_committed(application.scheme_year_id, -release)
    _commit(application, -release, f"revoke:{step.pk}", by, f"Intrekking {application.reference}")
    if application.advances_paid:
        Payment.objects.create(application=application, kind=PaymentKind.RECOVERY, amount=-application.advances_paid,
                               paid_on=timezone.localdate())
        _realise(application, -application.advances_paid, f"recover:{step.pk}", by,
                 f"Terugvordering {application.reference}")
        application.advances_paid = ZERO
        application.save(update_fields=["advances_paid"])
    _letter(application, LetterKind.CHANGE, decision=record, reason=reason)
    return record


@state_change(roles=_roles(Action.OBJECT))
def application_object(*, application: Application, grounds: str, by: User) -> Application:
    """Lodge an objection within six weeks of the day after notification (6:7, 6:8); decided within six weeks
    after the end of that term (7:10)."""
    application = _locked(application, by)
    if not grounds.strip():
        raise ValidationError({"grounds": errors.MOTIVATION_REQUIRED})
    to = _check(application, Action.OBJECT, by)
    application.state_before_objection = application.state
    assert application.objection_due is not None
    application.objection_decision_due = deadlines.objection_decision_deadline(application.objection_due).end
    _record(application, Action.OBJECT, to, by, note=grounds,
            fields=["state_before_objection", "objection_decision_due"])
    return application


@state_change(roles=_roles(Action.DECIDE_OBJECTION))
def application_decide_objection(*, application: Application, founded: bool, motivation: str,
                                 by: User) -> Decision:
    """Decide on the objection. Founded: the application is re-tested against the ceiling as it stood at the
    first decision (4:25 lid 3) and the extra is committed under the lock; unfounded: the decision stands."""
    serialise(f"subsidies:ceiling:{application.scheme_year_id}")
    application = _locked(application, by)
    previous = State(application.state_before_objection)
    target = State.GRANTED if founded and previous in (State.REFUSED, State.GRANTED) else previous
    to = _check(application, Action.DECIDE_OBJECTION, by, target=target)
    extra = ZERO
    reason = application.decision_reason
    if founded and to == State.GRANTED:
        scheme_year = SchemeYear.objects.select_for_update().get(pk=application.scheme_year_id)
        remaining_then = (application.remaining_at_decision if application.remaining_at_decision is not None
                          else scheme_year.remaining)
        outcome = objection_under_ceiling(application.amount_requested, ceiling=scheme_year.ceiling,
                                          remaining_at_first_decision=remaining_then,
                                          already_granted=application.amount_granted,
                                          committed_now=scheme_year.committed,
                                          partial_allowed=application.scheme.partial_grants)
        extra = outcome.granted - application.amount_granted
        reason = outcome.reason.value
        if outcome.granted == 0:
            to = previous
        application.amount_granted = outcome.granted
        if application.settlement_due is None:
            application.settlement_due = dt.date(application.year + 1, 7, 1)
    application.decision_reason = reason
    record = _decided(application, DecisionKind.OBJECTION, to, application.amount_granted, reason, by)
    step = _record(application, Action.DECIDE_OBJECTION, to, by, amount=application.amount_granted,
                   note=motivation, fields=["amount_granted", "decision_reason", "decided_on", "objection_due",
                                            "settlement_due"])
    if extra:
        _change_committed(application.scheme_year_id, extra)
        _commit(application, extra, f"objection:{step.pk}", by, f"Bezwaar gegrond {application.reference}")
    _letter(application, LetterKind.OBJECTION_DECISION, decision=record, founded=founded, motivation=motivation)
    return record


@state_change(roles=SUBSIDY_OFFICERS, system=True, audit="per_object")
def reminders_send(*, today: dt.date | None = None, by: User | None) -> int:
    """The daily job: remind boards whose settlement request is due (and mark them, so an officer may settle ex
    officio), and tell officers of terms that pass within the plan's reminder days. Returns the reminders sent."""
    day = today or timezone.localdate()
    sent = 0
    due = Application.objects.filter(state__in=[State.GRANTED, State.ADVANCE_PAID], settlement_reminder_sent=False,
                                     settlement_due__lte=day)
    reminded = list(due.select_related("place", "scheme"))
    for application in reminded:
        _letter(application, LetterKind.REMINDER)
        application.settlement_reminder_sent = True
        application.save(update_fields=["settlement_reminder_sent"])
        audit_record(action="subsidy_settlement_reminder", obj=application, by=by,
                     after={"settlement_reminder_sent": True, "settlement_due": application.settlement_due})
        sent += 1
    subsidy_plan = policy_plan().subsidies
    window = subsidy_plan.reminder_days if subsidy_plan else 7
    officers = letters.officer_term_digest(day, window)
    if officers:
        subject, body, recipients = officers
        _mail_on_commit(subject, body, recipients)
        sent += len(recipients)
    if not reminded:
        nothing_changed()  # only the officers' digest: an e-mail, no change of state
    return sent
