"""API v1 routes of the subsidies (included under /api/v1/ by ontmoet.api.urls)."""

from django.urls import path

from ontmoet.subsidies import api

STEPS = {
    "submit": api.SubmitApi, "request-supplement": api.RequestSupplementApi, "supplement": api.SupplementApi,
    "complete": api.CompleteApi, "advice": api.AdviceApi, "postpone": api.PostponeApi, "decision": api.DecisionApi,
    "advance": api.AdvanceApi, "settlement-request": api.SettlementRequestApi, "settlement": api.SettlementApi,
    "withdraw": api.WithdrawApi, "objection": api.ObjectionApi,
}

urlpatterns = [
    path("schemes", api.SchemeListCreateApi.as_view(), name="api-schemes"),
    path("schemes/<int:pk>", api.SchemeDetailApi.as_view(), name="api-scheme"),
    path("schemes/<int:pk>/rank", api.SchemeRankApi.as_view(), name="api-scheme-rank"),
    path("applications", api.ApplicationListCreateApi.as_view(), name="api-applications"),
    path("applications/<int:pk>", api.ApplicationDetailApi.as_view(), name="api-application"),
    *(path(f"applications/<int:pk>/{step}", view.as_view(), name=f"api-application-{step}")
      for step, view in STEPS.items()),
]
