"""API test fixtures: a token per role (the API's own authentication)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ontmoet.accounts.services import token_issue


@pytest.fixture
def api_client_for(user_with_role, transactional_db):
    def make(role: str, **kwargs):
        user = user_with_role(role, **kwargs)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user, by=None)}")
        client.user = user
        return client

    return make
