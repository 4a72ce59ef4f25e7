"""Pages of community work and board support, under /ondersteuning/."""

from django.urls import URLPattern

app_name = "capacity"
urlpatterns: list[URLPattern] = []
