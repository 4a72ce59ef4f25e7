"""The transition table of a subsidy application: every allowed and every forbidden transition."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ontmoet.domain.subsidies.lifecycle import (
    BOARD,
    DECIDER,
    FINANCE,
    OFFICER,
    TRANSITIONS,
    Action,
    Facts,
    State,
    TransitionRefused,
    allowed_actions,
    check_transition,
)

TODAY = dt.date(2026, 3, 10)
ROLES = (BOARD, OFFICER, DECIDER, FINANCE, "policy_officer", "data_analyst", "administrator", "community_worker")


def _passing_facts(action: Action, state: State) -> Facts:
    """Facts under which the guard of ``action`` lets it through (so only the state and role decide)."""
    return Facts(today=TODAY, has_advice=True, decision_due=TODAY + dt.timedelta(days=20),
                 supplement_due=TODAY - dt.timedelta(days=1), objection_due=TODAY + dt.timedelta(days=5),
                 amount_granted=Decimal(1000), advances_paid=Decimal(0),
                 amount=Decimal(500) if action is not Action.CHANGE else Decimal(800),
                 settlement_reminder_sent=True, state_before_objection=State.REFUSED)


def _a_target(action: Action, state: State) -> State:
    transition = TRANSITIONS[action]
    if transition.stays:
        return state
    if action is Action.DECIDE_OBJECTION:
        return State.GRANTED
    return sorted(transition.targets)[0]


ALLOWED = [(a, s, r) for a, t in TRANSITIONS.items() for s in sorted(t.sources) for r in sorted(t.roles)]
FORBIDDEN_STATES = [(a, s) for a, t in TRANSITIONS.items() for s in State if s not in t.sources]
FORBIDDEN_ROLES = [(a, r) for a, t in TRANSITIONS.items() for r in ROLES if r not in t.roles]


@pytest.mark.parametrize(("action", "state", "role"), ALLOWED)
def test_every_allowed_transition_goes_to_its_target(action, state, role):
    target = _a_target(action, state)
    assert check_transition(action, state=state, role=role, actor_id=7, facts=_passing_facts(action, state),
                            target=target) == target


@pytest.mark.parametrize(("action", "state"), FORBIDDEN_STATES)
def test_every_transition_from_a_state_not_in_the_table_is_refused(action, state):
    role = sorted(TRANSITIONS[action].roles)[0]
    with pytest.raises(TransitionRefused) as refused:
        check_transition(action, state=state, role=role, actor_id=7, facts=_passing_facts(action, state),
                         target=_a_target(action, state))
    assert refused.value.code == "state" and not refused.value.forbidden


@pytest.mark.parametrize(("action", "role"), FORBIDDEN_ROLES)
def test_every_role_not_in_the_table_is_forbidden(action, role):
    state = sorted(TRANSITIONS[action].sources)[0]
    with pytest.raises(TransitionRefused) as refused:
        check_transition(action, state=state, role=role, actor_id=7, facts=_passing_facts(action, state))
    assert refused.value.code == "role" and refused.value.forbidden


def test_no_action_starts_from_every_state():
    assert all(set(t.sources) != set(State) for t in TRANSITIONS.values())


def test_the_table_has_the_lifecycle_of_domain_md():
    edges = {(s, t, a) for a, tr in TRANSITIONS.items() for s in tr.sources for t in tr.targets}
    for step in [(State.DRAFT, State.SUBMITTED, Action.SUBMIT),
                 (State.SUBMITTED, State.INCOMPLETE, Action.REQUEST_SUPPLEMENT),
                 (State.INCOMPLETE, State.SUPPLEMENTED, Action.SUPPLEMENT),
                 (State.INCOMPLETE, State.NOT_HANDLED, Action.NOT_HANDLE),
                 (State.SUPPLEMENTED, State.IN_ASSESSMENT, Action.COMPLETE),
                 (State.IN_ASSESSMENT, State.ADVISED, Action.ADVISE),
                 (State.ADVISED, State.POSTPONED, Action.POSTPONE),
                 (State.ADVISED, State.GRANTED, Action.DECIDE), (State.ADVISED, State.REFUSED, Action.DECIDE),
                 (State.GRANTED, State.ADVANCE_PAID, Action.PAY_ADVANCE),
                 (State.ADVANCE_PAID, State.SETTLEMENT_REQUESTED, Action.REQUEST_SETTLEMENT),
                 (State.SETTLEMENT_REQUESTED, State.SETTLED, Action.SETTLE),
                 (State.SETTLED, State.CLOSED, Action.CLOSE),
                 (State.SUBMITTED, State.WITHDRAWN, Action.WITHDRAW),
                 (State.GRANTED, State.REVOKED, Action.REVOKE),
                 (State.REFUSED, State.OBJECTION, Action.OBJECT),
                 (State.OBJECTION, State.GRANTED, Action.DECIDE_OBJECTION)]:
        assert step in edges


# --- four eyes ------------------------------------------------------------------------------------------------

FOUR_EYES = [a for a, t in TRANSITIONS.items() if t.four_eyes]


@pytest.mark.parametrize("action", FOUR_EYES)
def test_whoever_assessed_the_application_never_takes_the_decision(action):
    state = sorted(TRANSITIONS[action].sources)[0]
    role = sorted(TRANSITIONS[action].roles)[0]
    facts = Facts(**{**_passing_facts(action, state).__dict__, "assessor_ids": frozenset({7})})
    with pytest.raises(TransitionRefused) as refused:
        check_transition(action, state=state, role=role, actor_id=7, facts=facts, target=_a_target(action, state))
    assert refused.value.code == "four_eyes" and refused.value.forbidden
    # another officer may
    assert check_transition(action, state=state, role=role, actor_id=8, facts=facts,
                            target=_a_target(action, state))


@pytest.mark.parametrize("action", FOUR_EYES)
def test_the_system_never_decides(action):
    state = sorted(TRANSITIONS[action].sources)[0]
    with pytest.raises(TransitionRefused) as refused:
        check_transition(action, state=state, role="", actor_id=None, facts=_passing_facts(action, state),
                         target=_a_target(action, state))
    assert refused.value.forbidden


def test_whoever_took_the_contested_decision_does_not_decide_on_the_objection():
    facts = Facts(today=TODAY, decider_ids=frozenset({3}), state_before_objection=State.REFUSED)
    with pytest.raises(TransitionRefused) as refused:
        check_transition(Action.DECIDE_OBJECTION, state=State.OBJECTION, role=DECIDER, actor_id=3, facts=facts,
                         target=State.GRANTED)
    assert refused.value.code == "four_eyes"


def test_the_assessing_steps_are_marked_so_the_service_records_their_actor():
    assert {a for a, t in TRANSITIONS.items() if t.assesses} == {
        Action.REQUEST_SUPPLEMENT, Action.COMPLETE, Action.ADVISE}


# --- guards -----------------------------------------------------------------------------------------------------


def _refused(action: Action, state: State, facts: Facts, role: str = OFFICER, target: State | None = None) -> str:
    with pytest.raises(TransitionRefused) as refused:
        check_transition(action, state=state, role=role, actor_id=1, facts=facts, target=target)
    assert not refused.value.forbidden
    return refused.value.code


def test_not_handled_only_after_the_supplement_term():
    facts = Facts(today=TODAY, supplement_due=TODAY)
    assert _refused(Action.NOT_HANDLE, State.INCOMPLETE, facts) == "supplement_term_running"
    later = Facts(today=TODAY + dt.timedelta(days=1), supplement_due=TODAY)
    assert check_transition(Action.NOT_HANDLE, state=State.INCOMPLETE, role=OFFICER, actor_id=1,
                            facts=later) == State.NOT_HANDLED


def test_postponement_once_and_within_the_term():
    assert _refused(Action.POSTPONE, State.ADVISED, Facts(today=TODAY, postponed_before=True)) == "already_postponed"
    late = Facts(today=TODAY, decision_due=TODAY - dt.timedelta(days=1))
    assert _refused(Action.POSTPONE, State.ADVISED, late) == "decision_term_passed"
    on_time = Facts(today=TODAY, decision_due=TODAY)
    assert check_transition(Action.POSTPONE, state=State.ADVISED, role=OFFICER, actor_id=1,
                            facts=on_time) == State.POSTPONED


def test_a_decision_needs_advice_and_an_outcome():
    assert _refused(Action.DECIDE, State.POSTPONED, Facts(today=TODAY), target=State.GRANTED) == "no_advice"
    assert _refused(Action.DECIDE, State.ADVISED, Facts(today=TODAY, has_advice=True)) == "target"
    assert _refused(Action.DECIDE, State.ADVISED, Facts(today=TODAY, has_advice=True),
                    target=State.CLOSED) == "target"


def test_advances_never_exceed_the_grant():
    facts = Facts(today=TODAY, amount_granted=Decimal(1000), advances_paid=Decimal(600), amount=Decimal(401))
    assert _refused(Action.PAY_ADVANCE, State.ADVANCE_PAID, facts) == "advances_exceed_grant"
    assert _refused(Action.PAY_ADVANCE, State.GRANTED, Facts(today=TODAY, amount=Decimal(0))) == "amount_required"


def test_settlement_is_at_most_the_grant():
    facts = Facts(today=TODAY, amount_granted=Decimal(1000), amount=Decimal("1000.01"))
    assert _refused(Action.SETTLE, State.SETTLEMENT_REQUESTED, facts) == "settlement_exceeds_grant"
    lower = Facts(today=TODAY, amount_granted=Decimal(1000), amount=Decimal(900))
    assert check_transition(Action.SETTLE, state=State.SETTLEMENT_REQUESTED, role=DECIDER, actor_id=1,
                            facts=lower) == State.SETTLED


def test_settlement_ex_officio_only_after_a_reminder():
    assert _refused(Action.REQUEST_SETTLEMENT, State.GRANTED, Facts(today=TODAY)) == "no_reminder"
    assert check_transition(Action.REQUEST_SETTLEMENT, state=State.GRANTED, role=BOARD, actor_id=1,
                            facts=Facts(today=TODAY)) == State.SETTLEMENT_REQUESTED


def test_closing_needs_the_balance_paid_or_recovered():
    assert _refused(Action.CLOSE, State.SETTLED, Facts(today=TODAY, balance_open=True)) == "balance_open"


def test_a_change_before_settlement_lowers_and_stays_above_the_advances():
    base = {"today": TODAY, "amount_granted": Decimal(1000), "advances_paid": Decimal(300)}
    assert _refused(Action.CHANGE, State.GRANTED, Facts(**base, amount=Decimal(1000)),
                    role=DECIDER) == "change_not_lower"
    assert _refused(Action.CHANGE, State.ADVANCE_PAID, Facts(**base, amount=Decimal(200)),
                    role=DECIDER) == "change_below_advances"
    assert _refused(Action.CHANGE, State.GRANTED, Facts(**base, amount=Decimal(500)), role=DECIDER,
                    target=State.ADVANCE_PAID) == "target"
    assert check_transition(Action.CHANGE, state=State.ADVANCE_PAID, role=DECIDER, actor_id=1,
                            facts=Facts(**base, amount=Decimal(500))) == State.ADVANCE_PAID


def test_objection_within_six_weeks_and_its_outcome():
    late = Facts(today=TODAY, objection_due=TODAY - dt.timedelta(days=1))
    assert _refused(Action.OBJECT, State.REFUSED, late, role=BOARD) == "objection_term_passed"
    facts = Facts(today=TODAY, state_before_objection=State.REFUSED)
    assert _refused(Action.DECIDE_OBJECTION, State.OBJECTION, facts, target=State.SETTLED) == "objection_outcome"
    for outcome in (State.GRANTED, State.REFUSED):
        assert check_transition(Action.DECIDE_OBJECTION, state=State.OBJECTION, role=DECIDER, actor_id=1,
                                facts=facts, target=outcome) == outcome


def test_the_actions_a_page_offers():
    assert allowed_actions(State.DRAFT, BOARD) == [Action.SUBMIT, Action.WITHDRAW]
    assert allowed_actions(State.ADVISED, DECIDER) == [Action.POSTPONE, Action.DECIDE]
    assert allowed_actions(State.CLOSED, OFFICER) == []
