"""``ontmoet generate_bench_data`` as the installed console script: on SQLite a clear refusal; on PostgreSQL the
places, activities, tallies and subsidy applications it says, with COPY, and a ledger that stays clean."""

from __future__ import annotations

import os
import subprocess

import pytest
from django.db import connection

from tests.integration.test_cli_subprocess import ONTMOET, cli_env, ontmoet  # noqa: F401 - the fixture
from tests.keys import TEST_SECRET_KEY


def test_on_sqlite_it_refuses_with_the_reason(cli_env):  # noqa: F811
    result = ontmoet(cli_env, "generate_bench_data", "--places", "2", "--activities", "10")
    assert result.returncode == 1
    assert "werkt alleen op PostgreSQL" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_it_writes_what_it_says():
    if connection.vendor != "postgresql":
        pytest.skip("generate_bench_data writes with COPY: PostgreSQL only")
    from ontmoet.activities.models import Activity
    from ontmoet.places.models import MeetingPlace
    from ontmoet.subsidies.models import Application

    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "ONTMOET_PLAN")}
    env.update(SECRET_KEY=TEST_SECRET_KEY, DATABASE_URL=url)
    run = subprocess.run([str(ONTMOET), "generate_bench_data", "--places", "30", "--activities", "5000",
                          "--applications", "400", "--years", "2"], env=env, capture_output=True, text=True,
                         timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert "30 plekken, 5,000 activiteiten" in run.stdout and "400 subsidieaanvragen." in run.stdout
    assert MeetingPlace.objects.filter(name__startswith="Testplek").count() == 30
    assert Activity.objects.count() == 5000
    assert Application.objects.count() == 400
    assert Application.objects.filter(state__in=["granted", "settled", "closed"]).count() == 0
    assert Application.objects.filter(place__name__startswith="Testplek").count() == 400
    ledger = subprocess.run([str(ONTMOET), "check_ledger"], env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert ledger.returncode == 0, ledger.stdout + ledger.stderr
    again = subprocess.run([str(ONTMOET), "generate_bench_data", "--places", "3"], env=env, capture_output=True,
                           text=True, timeout=120, check=False)
    assert again.returncode == 1 and "geef --yes" in again.stderr
