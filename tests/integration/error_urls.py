"""The project's URLs and error handlers, plus two views that fail, to see the 500 answers (tests only)."""

from django.urls import path

from ontmoet.accounts.permissions import public
from ontmoet.config.urls import handler400, handler403, handler404, handler500  # noqa: F401 - Django reads them
from ontmoet.config.urls import urlpatterns as project_urlpatterns


@public
def boom(request):  # type: ignore[no-untyped-def]
    raise RuntimeError("a bug")


# Before the project's own: the API answers every other path under api/v1/ with its 404.
urlpatterns = [path("kapot", boom), path("api/v1/kapot", boom), *project_urlpatterns]
