"""API v1 routes of the register."""

from django.urls import path

from ontmoet.places import api

urlpatterns = [
    path("places", api.PlaceListCreateApi.as_view(), name="api-places"),
    path("places/<int:pk>", api.PlaceDetailApi.as_view(), name="api-place"),
    path("places/<int:pk>/type-changes", api.PlaceTypeChangesApi.as_view(), name="api-place-type-changes"),
    path("places/<int:pk>/type-changes/<int:changeId>", api.PlaceTypeChangeApi.as_view(),
         name="api-place-type-change"),
    path("neighbourhoods", api.NeighbourhoodListApi.as_view(), name="api-neighbourhoods"),
    path("neighbourhoods/<str:code>", api.NeighbourhoodDetailApi.as_view(), name="api-neighbourhood"),
]
