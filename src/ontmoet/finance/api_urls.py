"""API v1 routes of the finance app (included under /api/v1/ by ontmoet.api.urls)."""

from django.urls import path

from ontmoet.finance import api

urlpatterns = [
    path("budget", api.BudgetApi.as_view(), name="api-budget"),
    path("budget/scenarios", api.BudgetScenariosApi.as_view(), name="api-budget-scenarios"),
    path("budget/scenarios/<int:pk>", api.BudgetScenarioApi.as_view(), name="api-budget-scenario"),
    path("budget/positions", api.BudgetPositionsApi.as_view(), name="api-budget-positions"),
    path("budget/investment-projects", api.InvestmentProjectsApi.as_view(), name="api-budget-investment-projects"),
]
