"""Validators for what people type, attached to the model fields so that every door (page, API, import, CLI)
checks the same thing when a service calls ``full_clean()`` (one validation, in the service).

Control characters are refused at input: they cannot be stored in an XLSX file and have no place in a name
or an address (newline and tab are allowed in long text only). Formats follow the Dutch registers: PostNL
postcodes, BAG house numbers (number + letter + addition), KvK numbers of 8 digits.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTERS = _("Tekens zoals %(chars)s kunnen niet worden opgeslagen; verwijder ze.")
#: Long free text (descriptions, notes) may hold up to this many characters.
LONG_TEXT_MAX = 5000


def _control_characters(value: str, *, allow_newlines: bool) -> list[str]:
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    found = []
    for char in value:
        if char in allowed:
            continue
        category = unicodedata.category(char)
        # Cc: control characters (NUL, \x04, ...); Cs: lone surrogates; Cn: unassigned code points.
        if category in ("Cc", "Cs") or char in ("\u2028", "\u2029"):
            found.append(f"U+{ord(char):04X}")
    return found


@deconstructible
class PlainText:
    """Refuses control characters (and lone surrogates); ``multiline`` allows newlines and tabs."""

    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: object) -> None:
        if not isinstance(value, str):
            return
        found = _control_characters(value, allow_newlines=self.multiline)
        if found:
            raise ValidationError(CONTROL_CHARACTERS, code="control_characters",
                                  params={"chars": ", ".join(dict.fromkeys(found))})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainText) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash(self.multiline)


plain_line = PlainText(multiline=False)
plain_text = PlainText(multiline=True)

#: PostNL postcode: four digits not starting with 0, a space, two capitals (SA, SD and SS are not issued).
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$")
postcode_validator = RegexValidator(POSTCODE_RE, _("Vul een Nederlandse postcode in, zoals 6211 AB."), "postcode")
#: BAG house number 1–99999, optionally a letter and an addition ("12", "12a", "12 bis", "12-3").
HOUSE_NUMBER_RE = re.compile(r"^[1-9][0-9]{0,4}([A-Za-z])?([ -]?[A-Za-z0-9]{1,4})?$")
house_number_validator = RegexValidator(
    HOUSE_NUMBER_RE, _("Vul een huisnummer in van 1 tot 99999, eventueel met letter of toevoeging (12a, 12-3)."),
    "house_number")
kvk_validator = RegexValidator(r"^[0-9]{8}$", _("Een KvK-nummer bestaat uit 8 cijfers."), "kvk_number")


def normalise_postcode(value: str) -> str:
    """'6211ab' → '6211 AB'; anything that is not a postcode is returned trimmed, for the validator to refuse."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", compact):
        return f"{compact[:4]} {compact[4:]}"
    return (value or "").strip()


def not_in_future(value: dt.date | None) -> None:
    """A check that was done cannot be dated after today."""
    if value is not None and value > timezone.localdate():
        raise ValidationError(_("Een controledatum kan niet in de toekomst liggen."), code="future_date")
