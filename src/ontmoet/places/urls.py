from django.urls import path

from ontmoet.places import views

app_name = "places"
urlpatterns = [
    path("", views.place_list, name="list"),
    path("kaart", views.place_map, name="map"),
]
