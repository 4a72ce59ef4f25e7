from django.urls import path

from ontmoet.home import views

urlpatterns = [path("", views.home, name="home")]
