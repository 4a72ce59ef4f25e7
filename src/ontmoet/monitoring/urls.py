from django.urls import path

from ontmoet.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("openbaar", views.public_dashboard, name="public"),
    path("vaststellen", views.lock, name="lock"),
    path("raadsrapportage.pdf", views.report, name="report"),
    path("open-data/indicatoren.csv", views.open_data, {"name": "indicatoren", "fmt": "csv"},
         name="open_indicators_csv"),
    path("open-data/indicatoren.json", views.open_data, {"name": "indicatoren", "fmt": "json"},
         name="open_indicators_json"),
    path("open-data/register.csv", views.open_data, {"name": "register", "fmt": "csv"}, name="open_register_csv"),
    path("open-data/register.json", views.open_data, {"name": "register", "fmt": "json"},
         name="open_register_json"),
]
