"""API v1 routes of community work and board support."""

from django.urls import path

from ontmoet.capacity import api

urlpatterns = [
    path("community-work-requests", api.CommunityWorkRequestsApi.as_view(), name="api-community-work-requests"),
    path("community-work-allocations", api.CommunityWorkAllocationsApi.as_view(),
         name="api-community-work-allocations"),
    path("community-work-hours", api.CommunityWorkHoursApi.as_view(), name="api-community-work-hours"),
    path("board-support-requests", api.BoardSupportRequestsApi.as_view(), name="api-board-support-requests"),
    path("board-support-requests/<int:pk>/take-up", api.BoardSupportTakeUpApi.as_view(),
         name="api-board-support-take-up"),
    path("board-support-requests/<int:pk>/close", api.BoardSupportCloseApi.as_view(),
         name="api-board-support-close"),
]
