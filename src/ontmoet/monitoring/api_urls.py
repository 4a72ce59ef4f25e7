"""API v1 routes of the monitoring."""

from django.urls import path

from ontmoet.monitoring import api

urlpatterns = [
    path("indicators", api.IndicatorsApi.as_view(), name="api-indicators"),
]
