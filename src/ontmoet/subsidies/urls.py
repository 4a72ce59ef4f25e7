"""Pages of the subsidies, under /subsidies/."""

from django.urls import path

from ontmoet.subsidies import views

app_name = "subsidies"
urlpatterns = [
    path("", views.index, name="index"),
    path("aanvragen/nieuw", views.apply, name="apply"),
    path("aanvragen/<int:pk>", views.detail, name="detail"),
    path("aanvragen/<int:pk>/stap/<slug:action>", views.step, name="step"),
    path("aanvragen/<int:pk>/documenten", views.upload, name="upload"),
    path("aanvragen/<int:pk>/voorbeeldbrief", views.preview, name="preview"),
    path("brieven/<int:pk>.pdf", views.letter_pdf, name="letter"),
    path("regelingen", views.schemes, name="schemes"),
    path("regelingen/<int:pk>", views.scheme, name="scheme"),
    path("regelingen/<int:pk>.pdf", views.scheme_pdf, name="scheme_pdf"),
    path("regelingen/<int:pk>/publiceren", views.scheme_publish, name="scheme_publish"),
    path("regelingen/<int:pk>/jaren/<int:year_pk>/rangschikken", views.scheme_rank, name="scheme_rank"),
]
