"""The lifecycle of a subsidy application (Awb title 4.2, domain.md §6) as one transition table.

Every change of state is an :class:`Action` with the states it may start from, the states it may lead to, the
roles that may take it, whether it is an assessment of the application, whether the four-eyes rule applies and a
guard on the facts of the application. Nothing is allowed "from any state": an action not listed for a state is
refused. :func:`check_transition` is the one place where these rules are applied; the services call it inside the
transaction that makes the change (docs/decisions/0302).

Roles are the role codes of the accounts (plain strings: the pure core knows no Django).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"  # concept
    SUBMITTED = "submitted"  # ingediend: receipt confirmed (4:3a), the decision term runs
    INCOMPLETE = "incomplete"  # onvolledig: supplement term, decision term suspended (4:5, 4:15)
    SUPPLEMENTED = "supplemented"  # aangevuld
    NOT_HANDLED = "not_handled"  # buiten behandeling (4:5)
    IN_ASSESSMENT = "in_assessment"  # in beoordeling: the afwegingskader runs
    ADVISED = "advised"  # advies uitgebracht
    POSTPONED = "postponed"  # verdaagd (4:14)
    GRANTED = "granted"  # verleend: a commitment under the ceiling
    REFUSED = "refused"  # afgewezen
    ADVANCE_PAID = "advance_paid"  # voorschot betaald
    SETTLEMENT_REQUESTED = "settlement_requested"  # vaststelling aangevraagd (4:44)
    SETTLED = "settled"  # vastgesteld (4:46)
    CLOSED = "closed"  # afgesloten
    WITHDRAWN = "withdrawn"  # ingetrokken door de aanvrager
    REVOKED = "revoked"  # ingetrokken door de gemeente vóór de vaststelling (4:48)
    OBJECTION = "objection"  # bezwaar (6:7, 7:10)


class Action(StrEnum):
    SUBMIT = "submit"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLEMENT = "supplement"
    NOT_HANDLE = "not_handle"
    COMPLETE = "complete"
    ADVISE = "advise"
    POSTPONE = "postpone"
    DECIDE = "decide"
    PAY_ADVANCE = "pay_advance"
    REQUEST_SETTLEMENT = "request_settlement"
    SETTLE = "settle"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    CHANGE = "change"
    REVOKE = "revoke"
    OBJECT = "object"
    DECIDE_OBJECTION = "decide_objection"


# Role codes (ontmoet.accounts.roles.Role values).
BOARD = "board_member"
OFFICER = "grant_officer"
DECIDER = "decision_maker"
FINANCE = "finance_advisor"


class TransitionRefused(Exception):
    """A transition the table does not allow. ``forbidden`` means the person may not take it (role, four-eyes:
    403); otherwise the application's state or facts do not allow it now (409)."""

    def __init__(self, code: str, text_nl: str, text_en: str, *, forbidden: bool = False) -> None:
        super().__init__(text_en)
        self.code, self.text_nl, self.text_en, self.forbidden = code, text_nl, text_en, forbidden


@dataclass(frozen=True)
class Facts:
    """What the guards need to know about an application at the moment of the transition."""

    today: dt.date
    #: Ids of everyone who assessed this application (completeness, supplement request, advice).
    assessor_ids: frozenset[int] = frozenset()
    #: Ids of everyone who took an earlier decision on it (the contested decision, for an objection).
    decider_ids: frozenset[int] = frozenset()
    has_advice: bool = False
    postponed_before: bool = False
    decision_due: dt.date | None = None
    supplement_due: dt.date | None = None
    objection_due: dt.date | None = None
    amount_granted: Decimal = Decimal(0)
    advances_paid: Decimal = Decimal(0)
    #: The amount of this transition (an advance, a settlement, a changed grant).
    amount: Decimal | None = None
    settlement_reminder_sent: bool = False
    balance_open: bool = False
    state_before_objection: State | None = None
    #: The role of the person taking the step (filled in by check_transition).
    role: str = ""


Guard = Callable[[Facts, State], "tuple[str, str, str] | None"]


def _no_guard(facts: Facts, target: State) -> tuple[str, str, str] | None:
    return None


def _supplement_term_passed(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Awb 4:5: not handled only after the term to supplement has passed unused.
    if facts.supplement_due is None or facts.today <= facts.supplement_due:
        return ("supplement_term_running", "De termijn voor aanvulling loopt nog.",
                "The term to supplement has not yet passed.")
    return None


def _postpone_within_term(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Awb 4:14 lid 1-3: once, and the notice goes out before the decision term ends.
    if facts.postponed_before:
        return ("already_postponed", "De beslissing is al eens verdaagd.", "The decision was postponed before.")
    if facts.decision_due is not None and facts.today > facts.decision_due:
        return ("decision_term_passed", "De beslistermijn is al verstreken; verdagen kan alleen binnen de termijn.",
                "The decision term has passed; a postponement must be sent within the term.")
    return None


def _advice_given(facts: Facts, target: State) -> tuple[str, str, str] | None:
    if not facts.has_advice:
        return ("no_advice", "Er is nog geen advies over deze aanvraag.", "There is no advice on this application.")
    return None


def _amount_positive(facts: Facts) -> tuple[str, str, str] | None:
    if facts.amount is None or facts.amount <= 0:
        return ("amount_required", "Vul een bedrag groter dan nul in.", "Enter an amount greater than zero.")
    return None


def _advance_within_grant(facts: Facts, target: State) -> tuple[str, str, str] | None:
    missing = _amount_positive(facts)
    if missing:
        return missing
    assert facts.amount is not None
    if facts.advances_paid + facts.amount > facts.amount_granted:
        return ("advances_exceed_grant", "De voorschotten samen zouden hoger worden dan de verleende subsidie.",
                "The advances together would exceed the subsidy granted.")
    return None


def _settlement_by_whom(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Awb 4:44: the recipient requests settlement; the municipality settles ex officio only after a reminder.
    if facts.role != BOARD and not facts.settlement_reminder_sent:
        return ("no_reminder", "Ambtshalve vaststellen kan pas na een herinnering aan de ontvanger.",
                "Settlement ex officio is possible only after a reminder to the recipient.")
    return None


def _settlement_within_grant(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Awb 4:46: the subsidy is settled at the grant or lower, never higher.
    if facts.amount is None or facts.amount < 0:
        return ("amount_required", "Vul het vast te stellen bedrag in.", "Enter the amount to settle.")
    if facts.amount > facts.amount_granted:
        return ("settlement_exceeds_grant", "Het vastgestelde bedrag mag niet hoger zijn dan de verleende subsidie "
                "(artikel 4:46 Awb).", "The settled amount may not exceed the subsidy granted (Awb 4:46).")
    return None


def _balance_handled(facts: Facts, target: State) -> tuple[str, str, str] | None:
    if facts.balance_open:
        return ("balance_open", "Het saldo is nog niet uitbetaald of teruggevorderd.",
                "The balance has not been paid or recovered yet.")
    return None


def _change_lowers(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Awb 4:48: a change before settlement; it may not fall below what has been paid already.
    if facts.amount is None or facts.amount < 0 or facts.amount >= facts.amount_granted:
        return ("change_not_lower", "Een wijziging vóór de vaststelling verlaagt de subsidie.",
                "A change before settlement lowers the subsidy.")
    if facts.amount < facts.advances_paid:
        return ("change_below_advances", "Het nieuwe bedrag is lager dan de betaalde voorschotten; trek in of stel "
                "vast en vorder terug.", "The new amount is below the advances paid; revoke or settle and recover.")
    return None


def _objection_in_term(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Awb 6:7/6:8: six weeks from the day after notification.
    if facts.objection_due is None or facts.today > facts.objection_due:
        return ("objection_term_passed", "De bezwaartermijn van zes weken is verstreken.",
                "The six-week term for an objection has passed.")
    return None


def _objection_outcome(facts: Facts, target: State) -> tuple[str, str, str] | None:
    # Founded: the application is granted (again, or more); unfounded: the contested decision stands.
    if target not in (State.GRANTED, facts.state_before_objection):
        return ("objection_outcome", "Een beslissing op bezwaar verleent of laat het bestreden besluit staan.",
                "A decision on objection grants or upholds the contested decision.")
    return None


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    targets: frozenset[State]
    roles: frozenset[str]
    #: The person may not have assessed the application (nor, for an objection, taken the contested decision).
    four_eyes: bool = False
    #: Taking it counts as an assessment of the application (so that person may not decide it later).
    assesses: bool = False
    guard: Guard = field(default=_no_guard)
    #: A decision (besluit) with its own remedy: the objection term starts on the day after notification.
    is_decision: bool = False
    #: The application stays in the state it is in (a change of the grant).
    stays: bool = False


def _t(action: Action, sources: set[State], targets: set[State], roles: set[str], **kw: object) -> Transition:
    return Transition(action, frozenset(sources), frozenset(targets), frozenset(roles), **kw)  # type: ignore[arg-type]


S = State
_OPEN = {S.SUBMITTED, S.INCOMPLETE, S.SUPPLEMENTED, S.IN_ASSESSMENT, S.ADVISED, S.POSTPONED}

#: The transition table: the only changes of state an application knows.
TRANSITIONS: dict[Action, Transition] = {t.action: t for t in (
    # An officer registers what a board sent on paper or by e-mail: a submission, a supplement, an objection.
    _t(Action.SUBMIT, {S.DRAFT}, {S.SUBMITTED}, {BOARD, OFFICER}),
    _t(Action.REQUEST_SUPPLEMENT, {S.SUBMITTED, S.SUPPLEMENTED, S.IN_ASSESSMENT}, {S.INCOMPLETE}, {OFFICER},
       assesses=True),
    _t(Action.SUPPLEMENT, {S.INCOMPLETE}, {S.SUPPLEMENTED}, {BOARD, OFFICER}),
    _t(Action.NOT_HANDLE, {S.INCOMPLETE}, {S.NOT_HANDLED}, {OFFICER, DECIDER}, guard=_supplement_term_passed,
       is_decision=True),
    _t(Action.COMPLETE, {S.SUBMITTED, S.SUPPLEMENTED}, {S.IN_ASSESSMENT}, {OFFICER}, assesses=True),
    _t(Action.ADVISE, {S.IN_ASSESSMENT, S.POSTPONED}, {S.ADVISED}, {OFFICER}, assesses=True),
    _t(Action.POSTPONE, {S.IN_ASSESSMENT, S.ADVISED}, {S.POSTPONED}, {OFFICER, DECIDER},
       guard=_postpone_within_term),
    _t(Action.DECIDE, {S.ADVISED, S.POSTPONED}, {S.GRANTED, S.REFUSED}, {OFFICER, DECIDER}, four_eyes=True,
       guard=_advice_given, is_decision=True),
    _t(Action.PAY_ADVANCE, {S.GRANTED, S.ADVANCE_PAID}, {S.ADVANCE_PAID}, {OFFICER, FINANCE},
       guard=_advance_within_grant),
    _t(Action.REQUEST_SETTLEMENT, {S.GRANTED, S.ADVANCE_PAID}, {S.SETTLEMENT_REQUESTED}, {BOARD, OFFICER},
       guard=_settlement_by_whom),
    _t(Action.SETTLE, {S.SETTLEMENT_REQUESTED}, {S.SETTLED}, {OFFICER, DECIDER}, four_eyes=True,
       guard=_settlement_within_grant, is_decision=True),
    _t(Action.CLOSE, {S.SETTLED}, {S.CLOSED}, {OFFICER, FINANCE}, guard=_balance_handled),
    _t(Action.WITHDRAW, {S.DRAFT, *_OPEN}, {S.WITHDRAWN}, {BOARD}),
    _t(Action.CHANGE, {S.GRANTED, S.ADVANCE_PAID}, {S.GRANTED, S.ADVANCE_PAID}, {DECIDER}, four_eyes=True,
       guard=_change_lowers, is_decision=True, stays=True),
    _t(Action.REVOKE, {S.GRANTED, S.ADVANCE_PAID}, {S.REVOKED}, {DECIDER}, four_eyes=True, is_decision=True),
    _t(Action.OBJECT, {S.GRANTED, S.REFUSED, S.NOT_HANDLED, S.SETTLED, S.REVOKED}, {S.OBJECTION}, {BOARD, OFFICER},
       guard=_objection_in_term),
    _t(Action.DECIDE_OBJECTION, {S.OBJECTION}, {S.GRANTED, S.REFUSED, S.NOT_HANDLED, S.SETTLED, S.REVOKED},
       {OFFICER, DECIDER}, four_eyes=True, guard=_objection_outcome, is_decision=True),
)}

_STATE_NL = {
    S.DRAFT: "concept", S.SUBMITTED: "ingediend", S.INCOMPLETE: "onvolledig", S.SUPPLEMENTED: "aangevuld",
    S.NOT_HANDLED: "buiten behandeling", S.IN_ASSESSMENT: "in beoordeling", S.ADVISED: "advies",
    S.POSTPONED: "verdaagd", S.GRANTED: "verleend", S.REFUSED: "afgewezen", S.ADVANCE_PAID: "voorschot betaald",
    S.SETTLEMENT_REQUESTED: "vaststelling aangevraagd", S.SETTLED: "vastgesteld", S.CLOSED: "afgesloten",
    S.WITHDRAWN: "ingetrokken", S.REVOKED: "ingetrokken door de gemeente", S.OBJECTION: "bezwaar",
}


def state_label_nl(state: State) -> str:
    return _STATE_NL[state]


def allowed_actions(state: State, role: str) -> list[Action]:
    """The actions this role may start from this state (the buttons an application page offers)."""
    return [a for a, t in TRANSITIONS.items() if state in t.sources and role in t.roles]


def check_transition(action: Action, *, state: State, role: str, actor_id: int | None, facts: Facts,
                     target: State | None = None) -> State:
    """The state the application goes to, or :class:`TransitionRefused` with the reason.

    ``target`` chooses among several targets (a decision: granted or refused; a change: stays where it is).
    ``actor_id`` None is the system itself (a scheduled job); it passes the role check only for actions the
    services run on its behalf, and the four-eyes rule never lets the system decide."""
    transition = TRANSITIONS[action]
    if actor_id is not None and role not in transition.roles:
        raise TransitionRefused("role", "Uw rol mag deze stap niet zetten.", "Your role may not take this step.",
                                forbidden=True)
    if state not in transition.sources:
        raise TransitionRefused(
            "state", f"Deze stap kan niet bij een aanvraag met de status '{state_label_nl(state)}'.",
            f"This step is not possible for an application in state '{state.value}'.")
    if transition.four_eyes:
        if actor_id is None:
            raise TransitionRefused("four_eyes", "Een besluit neemt altijd een persoon.",
                                    "A decision is always taken by a person.", forbidden=True)
        if actor_id in facts.assessor_ids:
            raise TransitionRefused(
                "four_eyes", "Vier ogen: wie deze aanvraag heeft beoordeeld of geadviseerd, neemt het besluit niet.",
                "Four eyes: whoever assessed or advised on this application does not take the decision.",
                forbidden=True)
        if action is Action.DECIDE_OBJECTION and actor_id in facts.decider_ids:
            raise TransitionRefused(
                "four_eyes", "Vier ogen: wie het bestreden besluit nam, beslist niet op het bezwaar (artikel 7:5 Awb).",
                "Four eyes: whoever took the contested decision does not decide on the objection (Awb 7:5).",
                forbidden=True)
    if target is None:
        if len(transition.targets) == 1:
            (target,) = transition.targets
        elif state in transition.targets:
            target = state
        else:
            raise TransitionRefused("target", "Kies de uitkomst van deze stap.", "Choose the outcome of this step.")
    if target not in transition.targets or (transition.stays and target != state):
        raise TransitionRefused("target", "Deze uitkomst hoort niet bij deze stap.",
                                "This outcome does not belong to this step.")
    problem = transition.guard(replace(facts, role=role), target)
    if problem:
        raise TransitionRefused(*problem)
    return target
