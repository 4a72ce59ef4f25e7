from django.urls import path

from ontmoet.places import views

app_name = "places"
urlpatterns = [
    path("", views.place_list_view, name="list"),
    path("nieuw", views.place_create, name="create"),
    path("kaart", views.place_map, name="map"),
    path("import", views.place_import, name="import"),
    path("import/sjabloon.csv", views.place_import_template, {"fmt": "csv"}, name="import_template_csv"),
    path("import/sjabloon.xlsx", views.place_import_template, {"fmt": "xlsx"}, name="import_template_xlsx"),
    path("buurt-bij-punt", views.neighbourhood_hint, name="neighbourhood_hint"),
    path("export.csv", views.place_export, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", views.place_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("<int:pk>", views.place_detail, name="detail"),
    path("<int:pk>/wijzigen", views.place_edit, name="edit"),
    path("<int:pk>/type", views.place_change_type, name="change_type"),
    path("<int:pk>/type/corrigeren", views.place_type_correct, name="type_correct"),
    path("<int:pk>/type/intrekken", views.place_type_retract, name="type_retract"),
    path("<int:pk>/audit", views.place_audit, name="audit"),
    path("<int:pk>/bestuursleden", views.board_member_add, name="board_member_add"),
    path("<int:pk>/bestuursleden/<int:member_pk>/verwijderen", views.board_member_remove, name="board_member_remove"),
]
