from django.urls import path

from ontmoet.finder import views

app_name = "finder"
urlpatterns = [
    path("plekken/<int:pk>", views.place_page, name="place"),
    path("toegankelijkheid", views.accessibility_statement, name="accessibility"),
    path("taal/<str:code>", views.choose_language, name="language"),
]
urlpatterns += [
    path("plekken/<int:pk>/activiteiten.ics", views.place_feed, name="place_feed"),
    path("activiteiten.ics", views.city_feed, name="city_feed"),
]
urlpatterns += [
    path("plekken/<int:pk>/iets-organiseren", views.organise, name="organise"),
]
