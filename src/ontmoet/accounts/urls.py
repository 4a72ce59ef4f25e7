from django.urls import path

from ontmoet.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login", views.login, name="login"),
    path("logout", views.logout, name="logout"),
]
