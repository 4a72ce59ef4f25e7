"""Pages of the financial framework, under /financien/."""

from django.urls import path

from ontmoet.finance import views

app_name = "finance"
urlpatterns = [
    path("", views.budget, name="budget"),
    path("export.<str:fmt>", views.budget_export, name="export"),
    path("scenarios", views.scenario_list, name="scenarios"),
    path("scenarios/nieuw", views.scenario_create, name="scenario_create"),
    path("scenarios/vergelijken", views.scenario_compare, name="scenario_compare"),
    path("scenarios/<int:pk>", views.scenario_detail, name="scenario_detail"),
    path("scenarios/<int:pk>/wijzigen", views.scenario_edit, name="scenario_edit"),
    path("scenarios/<int:pk>/verwijderen", views.scenario_delete, name="scenario_delete"),
    path("scenarios/<int:pk>/scenario.toml", views.scenario_file, name="scenario_file"),
    path("investeringen", views.project_list, name="projects"),
    path("investeringen/nieuw", views.project_create, name="project_create"),
    path("investeringen/<int:pk>", views.project_detail, name="project_detail"),
    path("investeringen/<int:pk>/wijzigen", views.project_edit, name="project_edit"),
    path("investeringen/<int:pk>/fase", views.project_phase, name="project_phase"),
    path("investeringen/<int:pk>/participatie", views.project_participation, name="project_participation"),
    path("investeringen/<int:pk>/plannen", views.project_related_plan, name="project_related_plan"),
    path("onzekerheid", views.uncertainty, name="uncertainty"),
    path("verplichtingen", views.commitments, name="commitments"),
]
