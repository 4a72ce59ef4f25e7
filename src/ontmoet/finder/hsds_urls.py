from django.urls import path

from ontmoet.finder import hsds_views

app_name = "hsds"
urlpatterns = [
    path("", hsds_views.hsds_root, name="root"),
    path("/services", hsds_views.services, name="services"),
    path("/services/<str:service_id>", hsds_views.service, name="service"),
]
