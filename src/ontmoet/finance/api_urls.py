"""API v1 routes of the finance app (included under /api/v1/ by ontmoet.api.urls)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
