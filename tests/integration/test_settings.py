"""Settings read from the environment: every variable documented, cookies Secure only behind TLS, SQLite WAL.

Each check loads the real settings module in a fresh interpreter with the environment under test, as a server
would start.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.keys import TEST_SECRET_KEY

pytestmark = pytest.mark.once  # settings only

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""(?:os\.environ\.get|os\.environ\.setdefault|os\.getenv|env_text|env_flag|env_int|env_list)"""
                  r"""\(\s*["']([A-Z][A-Z0-9_]*)["']""")


def _configuration_table() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("|"))


def _variables_read() -> set[str]:
    """Every environment variable the code reads (settings, server config, launcher, plan loader, CLI)."""
    names: set[str] = set()
    for module in (ROOT / "src" / "ontmoet").rglob("*.py"):
        if module.name != "settings_test.py":
            names |= set(READ.findall(module.read_text(encoding="utf-8")))
    return names - {"DJANGO_SETTINGS_MODULE"}


def test_the_scan_finds_the_variables_it_must():
    assert {"SECRET_KEY", "DATABASE_URL", "DEBUG", "BEHIND_TLS_PROXY", "WEB_CONCURRENCY", "ONTMOET_PLAN"} \
        <= _variables_read()


def test_every_variable_the_code_reads_is_in_the_readme_table():
    table = _configuration_table()
    missing = sorted(name for name in _variables_read() if f"`{name}`" not in table)
    assert not missing, f"README.md 'Configuration' lacks {missing}"


def _settings(tmp_path: Path, **env: str) -> dict:
    script = textwrap.dedent("""
        import json, django
        from django.conf import settings
        django.setup()
        db = settings.DATABASES["default"]
        print(json.dumps({
            "debug": settings.DEBUG, "session_secure": settings.SESSION_COOKIE_SECURE,
            "csrf_secure": settings.CSRF_COOKIE_SECURE, "ssl_redirect": settings.SECURE_SSL_REDIRECT,
            "proxy_header": settings.SECURE_PROXY_SSL_HEADER, "options": db.get("OPTIONS", {}),
            "conn_max_age": db["CONN_MAX_AGE"], "middleware": settings.MIDDLEWARE,
            "storage": settings.STORAGES["staticfiles"]["BACKEND"],
        }))
    """)
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "BEHIND_TLS_PROXY", "SECURE_SSL_REDIRECT"}}
    environment.update({"DJANGO_SETTINGS_MODULE": "ontmoet.config.settings", "SECRET_KEY": TEST_SECRET_KEY,
                        "DATABASE_URL": "", "ONTMOET_VAR_DIR": str(tmp_path), **env})
    result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                            timeout=60, check=True)
    return json.loads(result.stdout)


def test_over_plain_http_the_cookies_are_not_secure_so_logins_work(tmp_path):
    found = _settings(tmp_path)
    assert found["debug"] is False
    assert (found["session_secure"], found["csrf_secure"], found["ssl_redirect"]) == (False, False, False)


@pytest.mark.parametrize("flag", ["BEHIND_TLS_PROXY", "SECURE_SSL_REDIRECT"])
def test_behind_tls_the_cookies_are_secure(tmp_path, flag):
    found = _settings(tmp_path, **{flag: "1"})
    assert (found["session_secure"], found["csrf_secure"]) == (True, True)


def test_the_proxy_header_is_trusted_only_behind_a_tls_proxy(tmp_path):
    assert _settings(tmp_path)["proxy_header"] is None
    assert _settings(tmp_path, BEHIND_TLS_PROXY="1")["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_static_files_are_served_by_whitenoise_with_hashed_names(tmp_path):
    found = _settings(tmp_path)
    middleware = found["middleware"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == security + 1
    assert found["storage"] == "ontmoet.config.static_storage.StaticStorage"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    options = _settings(tmp_path)["options"]
    assert options["init_command"] == "PRAGMA journal_mode=WAL"
    assert options["timeout"] == 20 and options["transaction_mode"] == "IMMEDIATE"
    assert _settings(tmp_path, SQLITE_BUSY_TIMEOUT="5")["options"]["timeout"] == 5


def test_readers_are_not_refused_while_a_long_write_holds_the_lock(tmp_path):
    """B5: during a long import every page read failed with "database is locked"; in WAL mode it reads."""
    script = textwrap.dedent("""
        import threading, django
        django.setup()
        from django.db import connection, transaction
        with connection.cursor() as c:
            c.execute("PRAGMA journal_mode")
            print(c.fetchone()[0])
            c.execute("CREATE TABLE t (n integer)")
            c.execute("INSERT INTO t VALUES (1)")
        writing, done = threading.Event(), threading.Event()

        def long_write():
            with transaction.atomic():
                with connection.cursor() as c:
                    c.execute("INSERT INTO t VALUES (2)")
                writing.set()
                done.wait(30)

        writer = threading.Thread(target=long_write)
        writer.start()
        writing.wait(30)
        with connection.cursor() as c:  # this thread's own connection, while the writer holds the lock
            c.execute("SELECT count(*) FROM t")
            print(c.fetchone()[0])
        done.set()
        writer.join()
        with connection.cursor() as c:
            c.execute("SELECT count(*) FROM t")
            print(c.fetchone()[0])
    """)
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "ontmoet.config.settings", "SECRET_KEY": TEST_SECRET_KEY,
                   "DATABASE_URL": "", "ONTMOET_VAR_DIR": str(tmp_path), "SQLITE_BUSY_TIMEOUT": "1"}
    result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    # The reader saw the last committed state (1 row) without waiting for the writer, then the write landed.
    assert result.stdout.split() == ["wal", "1", "2"]


def _start_failure(tmp_path: Path, **env: str) -> str:
    """Start the real settings as the CLI does and return what it prints when it refuses to start."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(DJANGO_SETTINGS_MODULE="ontmoet.config.settings", DATABASE_URL="",
                       ONTMOET_VAR_DIR=str(tmp_path), **env)
    result = subprocess.run([str(Path(sys.executable).parent / "ontmoet"), "plan", "show"], env=environment,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    return result.stderr


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("SECURE_HSTS_SECONDS", "abc", "SECURE_HSTS_SECONDS='abc' is not a whole number."),
    ("SQLITE_BUSY_TIMEOUT", "²", "SQLITE_BUSY_TIMEOUT='²' is not a whole number."),
    ("DB_CONN_MAX_AGE", "-1", "DB_CONN_MAX_AGE='-1' is out of range: it must be at least 0."),
    ("BEHIND_TLS_PROXY", "misschien", "BEHIND_TLS_PROXY='misschien' is not a yes/no value"),
])
def test_a_wrong_value_stops_the_start_with_the_variable_named(tmp_path, name, value, expected):
    stderr = _start_failure(tmp_path, SECRET_KEY=TEST_SECRET_KEY, **{name: value})
    assert expected in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("key", ["x", "x" * 60, "django-insecure-" + "abcdefghij" * 5])
def test_a_weak_secret_key_is_refused_in_production(tmp_path, key):
    stderr = _start_failure(tmp_path, SECRET_KEY=key)
    assert "SECRET_KEY is too weak for production" in stderr and "Traceback" not in stderr


def test_a_short_key_is_accepted_by_the_developers_server(tmp_path):
    assert _settings(tmp_path, SECRET_KEY="x", DEBUG="1")["debug"] is True
