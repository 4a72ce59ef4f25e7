"""API v1 routes of the register."""

urlpatterns: list = []
