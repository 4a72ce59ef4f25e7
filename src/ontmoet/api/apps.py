from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ontmoet.api"
    label = "api"
    verbose_name = "API v1"
