"""Pages of community work and board support, under /ondersteuning/."""

from django.urls import path

from ontmoet.capacity import views

app_name = "capacity"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("opbouwwerk", views.community_work, name="community_work"),
    path("opbouwwerk/aanvragen", views.request_create, name="request_create"),
    path("opbouwwerk/verdelen", views.allocate, name="allocate"),
    path("opbouwwerk/uren", views.hours, name="hours"),
    path("opbouwwerk/uren/schrijven", views.hours_record, name="hours_record"),
    path("besturen", views.boards, name="boards"),
    path("besturen/vacatures/nieuw", views.vacancy_create, name="vacancy_create"),
    path("besturen/vacatures/<int:pk>/vervuld", views.vacancy_fill, name="vacancy_fill"),
    path("vragen", views.support_list, name="support_list"),
    path("vragen/nieuw", views.support_create, name="support_create"),
    path("vragen/<int:pk>", views.support_detail, name="support_detail"),
    path("vragen/<int:pk>/oppakken", views.support_take_up, name="support_take_up"),
    path("vragen/<int:pk>/afsluiten", views.support_close, name="support_close"),
    path("werkgroep", views.working_group, name="working_group"),
    path("werkgroep/leden/nieuw", views.working_group_member_add, name="working_group_member_add"),
    path("werkgroep/bijeenkomsten/nieuw", views.working_group_meeting_add, name="working_group_meeting_add"),
    path("export/<str:kind>.<str:fmt>", views.export, name="export"),
]
