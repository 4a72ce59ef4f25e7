"""The mixed workload of the load benchmark (tests/perf/test_bench_load.py), for locust.

Three kinds of users, weighted as a working day looks: officers on the API with a read token (lists and
details of places, applications, schemes, indicators), board members logged in on their pages (their place in
the register, their subsidy applications), and residents on the public pages (finder, a place page, the city
feed, the open data). The token, the board member's password and the ids come from the environment the
benchmark sets: ``LOAD_TOKEN``, ``LOAD_BOARD_USER``, ``LOAD_BOARD_PASSWORD``, ``LOAD_PLACES`` (comma-separated
place ids), ``LOAD_APPLICATIONS`` (ids the officer reads), ``LOAD_BOARD_PLACE``.

Run only by the benchmark (locust imports gevent, which patches the standard library: never in pytest itself).
"""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, task

PLACES = [p for p in os.environ.get("LOAD_PLACES", "").split(",") if p]
APPLICATIONS = [a for a in os.environ.get("LOAD_APPLICATIONS", "").split(",") if a]
YEAR = os.environ.get("LOAD_YEAR", "2026")


class Officer(HttpUser):
    """A subsidy or policy officer's tools on the API (read token)."""

    weight = 3
    # An officer's tool on the API is a program (a report, a link with the financial system), not a person
    # reading a page: it waits 10-50 ms between calls. People on pages wait longer (below).
    wait_time = between(0.01, 0.05)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {os.environ['LOAD_TOKEN']}"

    @task(3)
    def place_list(self) -> None:
        self.client.get("/api/v1/places?pageSize=20", name="API list /places")

    @task(3)
    def place_detail(self) -> None:
        self.client.get(f"/api/v1/places/{random.choice(PLACES)}", name="API detail /places/{id}")

    @task(2)
    def application_list(self) -> None:
        self.client.get("/api/v1/applications", name="API list /applications")

    @task(2)
    def application_detail(self) -> None:
        if APPLICATIONS:
            self.client.get(f"/api/v1/applications/{random.choice(APPLICATIONS)}",
                            name="API detail /applications/{id}")

    @task(1)
    def schemes(self) -> None:
        self.client.get("/api/v1/schemes", name="API list /schemes")

    @task(1)
    def indicators(self) -> None:
        self.client.get(f"/api/v1/indicators?year={YEAR}", name="API /indicators")


class BoardMember(HttpUser):
    """A volunteer board member, logged in, on their own pages."""

    weight = 1
    wait_time = between(0.2, 0.5)

    def on_start(self) -> None:
        page = self.client.get("/accounts/login", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, "the login page has a CSRF token"
        with self.client.post("/accounts/login", name="login", catch_response=True, allow_redirects=False, data={
                "csrfmiddlewaretoken": token.group(1), "username": os.environ["LOAD_BOARD_USER"],
                "password": os.environ["LOAD_BOARD_PASSWORD"]}, headers={"Referer": self.host + "/accounts/login"},
                ) as answer:
            if answer.status_code != 302:
                answer.failure(f"login answered {answer.status_code}")

    @task(2)
    def own_place(self) -> None:
        self.client.get(f"/register/{os.environ['LOAD_BOARD_PLACE']}", name="board: own place")

    @task(2)
    def own_applications(self) -> None:
        self.client.get("/subsidies/", name="board: own applications")

    @task(1)
    def register(self) -> None:
        self.client.get("/register/", name="board: register list")


class Resident(HttpUser):
    """A resident on the public pages."""

    weight = 3
    wait_time = between(0.1, 0.4)

    @task(3)
    def finder(self) -> None:
        self.client.get("/", name="public: finder")

    @task(2)
    def place_page(self) -> None:
        self.client.get(f"/plekken/{random.choice(PLACES)}", name="public: place page")

    @task(1)
    def city_feed(self) -> None:
        self.client.get("/activiteiten.ics", name="public: city iCal")

    @task(1)
    def open_data(self) -> None:
        self.client.get("/api/v1/hsds/services", name="public: HSDS list")
