"""Documents uploaded with an application: only PDF, XLSX and images, recognised from their first bytes (never
from the name or the browser's word), at most the plan's size, stored under var/uploads outside the web root."""

from __future__ import annotations

import secrets
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from ontmoet.subsidies import errors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class StoredUpload:
    path: str
    file_name: str
    content_type: str
    size: int


def sniff(content: bytes) -> str | None:
    """The type of ``content`` from its signature, or None when it is none of the accepted kinds."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(content)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            return XLSX
    return None


def upload_root() -> Path:
    return Path(getattr(settings, "SUBSIDY_UPLOAD_DIR", settings.VAR_DIR / "uploads"))


def _clean_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    kept = "".join(c for c in base if c.isalnum() or c in "._- ")[:150].strip(" .")
    return kept or "document"


def store_upload(content: bytes, file_name: str, *, limit: int) -> StoredUpload:
    if not content:
        raise ValidationError({"file": errors.UPLOAD_EMPTY})
    if len(content) > limit:
        raise ValidationError({"file": errors.UPLOAD_TOO_LARGE % {"limit": limit // 2**20}})
    content_type = sniff(content)
    if content_type is None:
        raise ValidationError({"file": errors.UPLOAD_TYPE})
    root = upload_root()
    root.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_hex(16)
    (root / stored).write_bytes(content)
    return StoredUpload(path=stored, file_name=_clean_name(file_name), content_type=content_type, size=len(content))


def read_upload(path: str) -> bytes:
    target = (upload_root() / path).resolve()
    if target.parent != upload_root().resolve():
        raise FileNotFoundError(path)
    return target.read_bytes()
