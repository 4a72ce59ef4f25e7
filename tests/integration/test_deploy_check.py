"""``ontmoet check --deploy`` with production settings reports nothing: Django's deployment checklist (security.W0xx)
and the OpenAPI document's own checks (drf-spectacular) pass. Run as the installed console script, as an operator
runs it before a release (docs/security.md, README "Configuration")."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.once  # settings only

ONTMOET = Path(sys.executable).parent / "ontmoet"


def _check_deploy(tmp_path: Path, **production: str) -> subprocess.CompletedProcess[str]:
    # A production environment: nothing of the test run's own (the browser tests' worker process sets
    # DJANGO_ALLOW_ASYNC_UNSAFE for Playwright, which check --deploy rightly refuses).
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN", "DEBUG", "BEHIND_TLS_PROXY", "SECURE_SSL_REDIRECT",
                        "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update({"SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": "0", "SECURE_HSTS_SECONDS": "31536000",
                "ALLOWED_HOSTS": "ontmoet.example.nl", "CSRF_TRUSTED_ORIGINS": "https://ontmoet.example.nl",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}", "ONTMOET_VAR_DIR": str(tmp_path),
                **production})
    return subprocess.run([str(ONTMOET), "check", "--deploy"], env=env, capture_output=True, text=True,
                          check=False, timeout=300)


@pytest.mark.parametrize("tls", [{"BEHIND_TLS_PROXY": "1"}, {"SECURE_SSL_REDIRECT": "1"}],
                         ids=["behind a TLS proxy", "redirect to https"])
def test_check_deploy_with_production_settings_prints_no_warning(tmp_path, tls):
    result = _check_deploy(tmp_path, **tls)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert not re.search(r"\b[WE]\d{3}\b", output), output


def test_check_deploy_without_tls_still_warns(tmp_path):
    """The silenced checks are silenced only where their reason holds: plain http is still reported."""
    result = _check_deploy(tmp_path, SECURE_HSTS_SECONDS="0")
    output = result.stdout + result.stderr
    assert "security.W004" in output and "security.W008" in output, output
