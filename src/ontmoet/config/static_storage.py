"""How ``collectstatic`` stores the static files that WhiteNoise serves.

WhiteNoise's manifest storage gives every file a content hash in its name (served with a year's cache) and
writes compressed copies beside it. It compresses with gzip and, when the brotli module is installed (it comes
with WeasyPrint's font tools), with brotli at its slowest level too: that took over a minute for the API
documentation's bundles on every ``make demo``. gzip alone takes seconds and every browser accepts it.
"""

from __future__ import annotations

from typing import Any

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]  # whitenoise has no types
    def create_compressor(self, **kwargs: Any) -> Compressor:
        return Compressor(**{**kwargs, "use_brotli": False})
