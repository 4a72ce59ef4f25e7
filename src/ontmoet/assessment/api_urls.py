"""API v1 routes of the assessment app (included under /api/v1/ by ontmoet.api.urls)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
