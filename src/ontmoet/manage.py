"""The ``ontmoet`` console script: Django's manage.py for this project.

Settings come from ``DJANGO_SETTINGS_MODULE`` (default ``ontmoet.config.settings``), which reads the environment
(``SECRET_KEY``, ``DATABASE_URL``, ``ONTMOET_PLAN``, ...; see the README). A setting that is missing or wrong is
one clear line on stderr and exit status 2, not a traceback.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.config.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loading the settings module is what may fail
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"ontmoet: {exc}\n")
        raise SystemExit(2) from None
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
