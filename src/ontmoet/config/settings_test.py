"""Settings for the test suite: a fixed key, fast hashing; the database still comes from DATABASE_URL."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz")

from ontmoet.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The in-process API fuzzer (schemathesis) calls the WSGI app as "localhost"; the Django test client as "testserver".
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]

# Tests run without `collectstatic`: plain static names, and WhiteNoise finds the files where they are.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests run inside transactions that never commit, so the data version (raised after a commit) stands still:
# page parts are not cached here, except in tests/integration/test_page_cache.py, which commits.
CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
