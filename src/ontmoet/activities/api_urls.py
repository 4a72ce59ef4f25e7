"""API v1 routes of the activities."""

from django.urls import path

from ontmoet.activities import api

urlpatterns = [
    path("activities", api.ActivityListCreateApi.as_view(), name="api-activities"),
    path("activities/<int:pk>", api.ActivityDetailApi.as_view(), name="api-activity"),
]
