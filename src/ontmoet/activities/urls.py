from django.urls import path

from ontmoet.activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list_view, name="list"),
    path("nieuw", views.activity_create, name="create"),
    path("<int:pk>/wijzigen", views.activity_edit, name="edit"),
    path("<int:pk>/vervallen", views.activity_cancel, name="cancel"),
]
