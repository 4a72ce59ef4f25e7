"""Reflow (WCAG 2.2 SC 1.4.10, A11): every page of every app at 320 CSS px, on the demo data, with axe-core.

The pages come from the URL resolver, so a new page is walked without editing this file; a page that needs
objects in its URL says here which demo objects (ARGS), and what is not a page (downloads, the API, POST-only
actions, fragments) is skipped by name with the reason (SKIPPED). A URL name in neither fails the test.

On each page: no horizontal scroll of the page itself (``scrollWidth <= 320``), the H1 fully visible, every
element that scrolls sideways is a labelled, focusable region, and axe-core finds no violation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from ontmoet.accounts.demo import DEMO_PASSWORD
from ontmoet.accounts.permissions import PUBLIC
from ontmoet.accounts.roles import Role
from tests.e2e.conftest import log_in

WIDTH = 320
SCREENSHOTS = Path("/tmp/ontmoet-reflow") if Path("/tmp").is_dir() else None

#: Not pages: what the walk leaves out, and why.
SKIPPED: dict[str, str] = {
    "accounts:logout": "POST only (logs out)",
    "set_language": "POST only (language switch)",
    "accounts:user_deactivate": "POST only (a button on the user's page)",
    "accounts:user_reactivate": "POST only (a button on the user's page)",
    "accounts:token_issue": "POST only (a button on the user's page)",
    "accounts:token_revoke": "POST only (a button on the user's page)",
    "accounts:two_factor_reset": "POST only (a button on the user's page)",
    "places:board_member_add": "POST only (a form on the place's page)",
    "finance:scenario_delete": "POST only (a button on the scenario's page)",
    "finance:project_phase": "POST only (a form on the project's page)",
    "finance:project_participation": "POST only (a form on the project's page)",
    "finance:project_related_plan": "POST only (a form on the project's page)",
    "places:import_template_csv": "download",
    "places:import_template_xlsx": "download",
    "places:export_csv": "download",
    "accounts:security_csv": "download",
    "places:export_xlsx": "download",
    "finance:export": "download",
    "finance:scenario_file": "download",
    "places:neighbourhood_hint": "fragment for htmx inside the place form",
    "health": "probe for the load balancer (plain text)",
    "ready": "probe for the load balancer (plain text)",
    "api-schema": "API (OpenAPI JSON)",
    "api-docs": "API documentation rendered by its own viewer",
    "api-unknown": "API catch-all (problem+json)",
    "monitoring:report": "download (PDF)",
    "monitoring:open_indicators_csv": "download (open data)",
    "monitoring:open_indicators_json": "download (open data)",
    "monitoring:open_register_csv": "download (open data)",
    "monitoring:open_register_json": "download (open data)",
    "capacity:vacancy_fill": "POST only (a button on the boards page)",
    "capacity:export": "download",
    "finder:place_feed": "calendar feed (.ics, checked in tests/e2e/test_finder.py)",
    "finder:city_feed": "calendar feed (.ics, checked in tests/e2e/test_finder.py)",
    "finder:language": "redirect (sets the language cookie)",
    "hsds:root": "open data API (HSDS JSON)",
    "hsds:services": "open data API (HSDS JSON)",
    "hsds:service": "open data API (HSDS JSON)",
    "subsidies:step": "POST only (the step forms on the application's page)",
    "subsidies:upload": "POST only (the document form on the application's page)",
    "subsidies:letter": "download (PDF)",
    "subsidies:scheme_pdf": "download (PDF)",
    "subsidies:scheme_publish": "POST only (a button on the scheme's page)",
    "subsidies:scheme_rank": "POST only (the ranking form on the scheme's page)",
}

Objects = dict[str, Any]
#: URL name → (args, query) from the demo objects, for the pages whose URL names an object.
ARGS: dict[str, Callable[[Objects], tuple[list[Any], str]]] = {
    "accounts:user_detail": lambda o: ([o["account"].pk], ""),
    "accounts:password_reset": lambda o: ([o["account"].pk], ""),
    "places:detail": lambda o: ([o["place"].pk], ""),
    "places:edit": lambda o: ([o["place"].pk], ""),
    "places:change_type": lambda o: ([o["place"].pk], ""),
    "places:type_correct": lambda o: ([o["place"].pk], f"entry={o['first_entry'].pk}"),
    "places:type_retract": lambda o: ([o["future_entry"].place_id], f"entry={o['future_entry'].pk}"),
    "places:audit": lambda o: ([o["place"].pk], ""),
    "places:board_member_remove": lambda o: ([o["place"].pk, o["member"].pk], ""),
    "finance:scenario_detail": lambda o: ([o["scenario"].pk], ""),
    "finance:scenario_edit": lambda o: ([o["scenario"].pk], ""),
    "finance:scenario_compare": lambda o: ([], "&".join(f"scenarios={s.pk}" for s in o["scenarios"])),
    "finance:project_detail": lambda o: ([o["project"].pk], ""),
    "finance:project_edit": lambda o: ([o["project"].pk], ""),
    "assessment:rule": lambda o: (["co_location"], ""),
    "activities:edit": lambda o: ([_demo_activity(o)], ""),
    "activities:cancel": lambda o: ([_demo_activity(o)], ""),
    "capacity:support_detail": lambda o: ([_support_pk("taken_up")], ""),
    "capacity:support_take_up": lambda o: ([_support_pk("new")], ""),
    "capacity:support_close": lambda o: ([_support_pk("taken_up")], ""),
    "finder:place": lambda o: ([o["place"].pk], ""),
    "finder:organise": lambda o: ([o["place"].pk], ""),
    "subsidies:detail": lambda o: ([_board_application("settlement_requested").pk], ""),
    "subsidies:preview": lambda o: ([_board_application("advised", "postponed").pk], ""),
    "subsidies:scheme": lambda o: ([__import__("ontmoet.subsidies.models", fromlist=["Scheme"]).Scheme.objects
                                    .order_by("pk").first().pk], ""),
}


def _board_application(*states: str) -> Any:
    """A demo application in one of ``states``; the demo board member's own where there is one."""
    from ontmoet.subsidies.models import Application

    rows = Application.objects.filter(is_demo=True, state__in=states).order_by("pk")
    return rows.filter(place__board_accounts__username=BOARD_MEMBER).first() or rows.first()
def _demo_activity(o: Objects) -> int:
    """A demo activity of the demo board member's place (one of a series: its edit page offers "all dates")."""
    from ontmoet.activities.models import Activity

    activity = Activity.objects.filter(place=o["place"], series__isnull=False).order_by("pk").first()
    assert activity is not None, "the demo has activities at the board member's places"
    return activity.pk

#: Demo account per role (accounts/demo.py); a page is walked as the first of these its view allows ...
WALK_AS = [(Role.ADMINISTRATOR, "beheer"), (Role.POLICY_OFFICER, "beleid"), (Role.FINANCE_ADVISOR, "financien"),
           (Role.DATA_ANALYST, "data"), (Role.GRANT_OFFICER, "subsidie"), (Role.COMMUNITY_WORKER, "opbouwwerk")]
#: ... and a page a board member may open once more as the demo board member (their own place's pages differ).
BOARD_MEMBER = "bestuur"


def _pages(resolver: URLResolver, namespace: str = "") -> Any:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else (
                entry.namespace or namespace)
            yield from _pages(entry, inner or "")
        elif isinstance(entry, URLPattern):
            view_class = getattr(entry.callback, "view_class", None) or getattr(entry.callback, "cls", None)
            if view_class is not None and hasattr(view_class, "permission_classes"):
                continue  # an API view (tests/api)
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def _demo_objects() -> Objects:
    from ontmoet.accounts.models import User
    from ontmoet.finance.models import InvestmentProject, Scenario
    from ontmoet.places.models import BoardMember, MeetingPlace, PlaceTypeChange

    board_member = User.objects.get(username=BOARD_MEMBER)
    place = (MeetingPlace.objects.filter(board_accounts=board_member, board__members__isnull=False)
             .distinct().order_by("pk").first())
    assert place is not None, "the demo board member's places have a board with members"
    future = PlaceTypeChange.objects.in_force().filter(effective_date__gt=timezone.localdate()).order_by("pk").first()
    assert future is not None, "the demo has a scheduled type change"
    return {"place": place, "member": BoardMember.objects.filter(board__place=place).first(),
            "first_entry": place.type_history.order_by("effective_date", "pk").first(), "future_entry": future,
            "scenario": Scenario.objects.order_by("pk").first(), "scenarios": list(Scenario.objects.order_by("pk")[:3]),
            "project": InvestmentProject.objects.order_by("pk").first(),
            "account": User.objects.get(username="data")}


PAGE_CHECKS = """() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1)
      .filter(e => !e.parentElement.closest('[role=region][tabindex="0"]'))
      .slice(-4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.')
                                                                   : ''));
    const scrolled = document.documentElement.scrollWidth;
    problems.push(`page scrolls sideways: scrollWidth ${scrolled} > ${width} (${wide.join(', ')})`);
  }
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  for (const h1 of h1s) {
    const box = h1.getBoundingClientRect();
    if (box.left < 0 || box.right > width + 1 || h1.scrollWidth > h1.clientWidth + 1) {
      problems.push(`h1 cut off (${Math.round(box.left)}..${Math.round(box.right)}, scrollWidth ${h1.scrollWidth})`);
    }
  }
  for (const e of document.querySelectorAll('body *')) {
    const style = getComputedStyle(e);
    if (!['auto', 'scroll'].includes(style.overflowX) || e.scrollWidth <= e.clientWidth + 1) continue;
    const labelled = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
    if (e.getAttribute('role') !== 'region' || e.getAttribute('tabindex') !== '0' || !labelled) {
      const what = `${e.tagName.toLowerCase()}.${e.className}`;
      problems.push(`scrolls sideways without being a labelled, focusable region: ${what}`);
    }
  }
  return problems;
}"""


def test_every_page_reflows_at_320_px_and_passes_axe(browser, live_server, transactional_db):
    from axe_playwright_python.sync_playwright import Axe

    from ontmoet.accounts.models import User
    from ontmoet.core.demo import load_demo

    load_demo()
    objects = _demo_objects()
    walks: list[tuple[str, str, str]] = []  # (username or "", url name, url)
    unknown = []
    for name, pattern in _pages(get_resolver()):
        if name in SKIPPED:
            continue
        if pattern.pattern.converters and name not in ARGS:
            unknown.append(name)
            continue
        args, query = ARGS[name](objects) if name in ARGS else ([], "")
        url = reverse(name, args=args) + (f"?{query}" if query else "")
        allowed = getattr(pattern.callback, "allowed_roles", frozenset())
        if allowed == PUBLIC:
            walks.append(("", name, url))
            continue
        walker = next((username for role, username in WALK_AS if role in allowed), None)
        if walker is not None:
            walks.append((walker, name, url))
        if Role.BOARD_MEMBER in allowed:
            walks.append((BOARD_MEMBER, name, url))
    assert unknown == [], "say in ARGS which demo objects these pages need, or in SKIPPED why they are no page"
    assert {n for _u, n, _url in walks} >= {"home", "places:list", "finance:scenario_create", "accounts:users"}
    assert User.objects.filter(username=BOARD_MEMBER).exists()

    axe = Axe()
    problems: dict[str, list[str]] = {}
    contexts: dict[str, Any] = {}
    for username, name, url in sorted(walks):
        if username not in contexts:
            context = browser.new_context(base_url=live_server.url, locale="nl-NL",
                                          viewport={"width": WIDTH, "height": 900})
            context.set_default_timeout(20_000)
            page = context.new_page()
            if username:
                log_in(page, username, DEMO_PASSWORD)
            contexts[username] = (context, page)
        page = contexts[username][1]
        key = f"{name} ({username or 'anonymous'}) {url}"
        found = []
        try:
            response = page.goto(url)
        except Exception as exc:
            problems[key] = [f"not shown: {str(exc).splitlines()[0]}"]
            continue
        if response is None or response.status >= 400:
            found.append(f"status {response.status if response else 'none'}")
        found += page.evaluate(PAGE_CHECKS)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
        if results.violations_count:
            found.append(results.generate_report())
        if SCREENSHOTS is not None:
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{name.replace(':', '-')}-{username or 'anon'}.png"),
                            full_page=True)
        if found:
            problems[key] = found
    for context, _page in contexts.values():
        context.close()
    assert problems == {}, "\n\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in problems.items())


@pytest.mark.parametrize("name", ["finance:scenario_create", "finance:scenario_edit", "finance:uncertainty"])
def test_at_1280_px_the_scenario_form_and_the_band_totals_are_not_clipped(page, live_server, login, name):
    from ontmoet.finance.models import Scenario
    from tests.factories_finance import ScenarioFactory

    scenario = Scenario.objects.first() or ScenarioFactory()
    login(page, Role.FINANCE_ADVISOR)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse(name, args=[scenario.pk] if name == "finance:scenario_edit" else []))
    clipped = page.evaluate("""() => [...document.querySelectorAll('.ontmoet-table-wrapper, .ontmoet-table-scroll')]
        .filter(e => e.scrollWidth > e.clientWidth + 1)
        .map(e => `${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)""")
    if SCREENSHOTS is not None:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name.replace(':', '-')}-1280.png"), full_page=True)
    assert clipped == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def _support_pk(status: str) -> int:
    """A demo board support request in ``status`` (capacity/demo.py has one in every state)."""
    from ontmoet.capacity.models import BoardSupportRequest

    rows = BoardSupportRequest.objects.filter(status=status).order_by("pk")
    own = BoardSupportRequest.objects.filter(place__board_accounts__username=BOARD_MEMBER).order_by("pk")
    # The board member walks the detail page too: their own place's request, in this status where there is one.
    found = own.filter(status=status).first() or (own.first() if status == "taken_up" else None) or rows.first()
    assert found is not None, "the demo has board support requests"
    return found.pk
