"""Browser tests: Playwright for Python driving Debian's /usr/bin/chromium (never a downloaded browser).

Fixtures: ``browser`` (one per session), ``page`` (fresh context per test), ``login(page, role)`` (creates a
user with that role and logs in through the real login page) and ``assert_accessible(page)`` (axe-core).
:func:`log_in` logs an existing account in through the pages: the password, then for staff (and board members who
enrolled) the TOTP code of their device, as an authenticator app would show it (tests/two_factor.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; the ORM calls of fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI needs /usr/bin/chromium for the browser tests")
    skip = pytest.mark.skip(reason="Debian chromium (/usr/bin/chromium) is not installed")
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


PASSWORD = "correct-horse-battery"
VERIFY_PATH = "/accounts/tweestapsverificatie"


def log_in(page, username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Log in through the login page and, where the account needs it, the second step (a staff account without
    a device gets one first, as if it had enrolled earlier). Returns the user."""
    from ontmoet.accounts import two_factor
    from ontmoet.accounts.models import User
    from tests.two_factor import current_code, verified_device

    user = User.objects.get(username=username)
    if user.role in two_factor.TWO_FACTOR_REQUIRED:
        verified_device(user)
    page.goto("/accounts/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/accounts/login" not in url)
    if VERIFY_PATH in page.url:
        page.get_by_label("Code uit de app of herstelcode").fill(current_code(user))
        page.get_by_role("button", name="Controleren").click()
        page.wait_for_url(lambda url: VERIFY_PATH not in url)
    return user


@pytest.fixture
def login(transactional_db, live_server) -> Callable[..., object]:  # type: ignore[no-untyped-def]
    from tests.factories import UserFactory

    def do_login(page, role: str, username: str | None = None, **user_kwargs):  # type: ignore[no-untyped-def]
        user = UserFactory(username=username or f"e2e-{role}", role=role, password=PASSWORD, **user_kwargs)
        log_in(page, user.username)
        return user

    return do_login


@pytest.fixture
def assert_accessible() -> Callable[[object], None]:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> None:  # type: ignore[no-untyped-def]
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture(autouse=True)
def page_cache(settings) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The browser tests commit, so they run with the page cache on, as production does (ADR 0030); it starts
    empty for each test, since the database (and with it the data version) starts anew."""
    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "e2e-pages"}}
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def no_csp_violations(request) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every browser test fails on a Content-Security-Policy violation: an inline script, style or handler
    without the request's nonce would silently not work for users."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield
    assert not refused, f"CSP violations: {refused}"
