"""Pages of the afwegingskader, mounted at /afwegingskader/."""

from django.urls import path

from ontmoet.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("wat-als", views.what_if, name="what_if"),
    path("kwetsbaarheid", views.vulnerability, name="vulnerability"),
    path("buurtcijfers/importeren", views.statistics_import, name="statistics_import"),
    path("regels/<slug:rule_id>", views.rule_detail, name="rule"),
]
