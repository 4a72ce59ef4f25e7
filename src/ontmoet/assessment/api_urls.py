"""API v1 routes of the assessment app (included under /api/v1/ by ontmoet.api.urls)."""

from django.urls import path

from ontmoet.assessment.api import AssessmentCreateApi

urlpatterns = [
    path("assessments", AssessmentCreateApi.as_view(), name="assessment-create"),
]
