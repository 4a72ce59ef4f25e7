"""API v1 routes of community work and board support."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
