"""Schemathesis against the published OpenAPI document: no input makes the API answer with a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import token_issue
from tests.factories import PlaceFactory, UserFactory

# The document is read once from the running application (no database access is needed for it).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def admin_token(transactional_db):
    PlaceFactory(name="Fuzz plek", type="community_house")
    user = UserFactory(username="fuzz-admin", role=Role.ADMINISTRATOR)
    return token_issue(user=user, by=None)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_never_answers_with_a_server_error(case, admin_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_token}"},
                           checks=[not_a_server_error, response_schema_conformance])
