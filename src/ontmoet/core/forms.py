"""Form helpers: NL Design System classes and accessible error wiring on every widget, and the one field for
every amount and decimal a user types (Dutch notation, issue 7 A10)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ontmoet.core.messages import LATITUDE_RANGE, LONGITUDE_RANGE
from ontmoet.domain.numbers import NumberFormatError, NumberProblem, format_number, parse_number

_WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.ClearableFileInput: "",
    forms.FileInput: "",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.NullBooleanSelect: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}


class StyledFormMixin:
    """Adds component classes, ``aria-describedby`` for help and errors, and ``aria-invalid``."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def style_widgets(self) -> None:
        for name, field in self.fields.items():
            widget = field.widget
            css = next((c for t, c in _WIDGET_CLASSES.items() if type(widget) is t),
                       "utrecht-textbox utrecht-textbox--html-input")
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            described = []
            if field.help_text:
                described.append(f"id_{self.add_prefix(name)}_help")  # type: ignore[attr-defined]
            # Read errors only once validated: touching ``self.errors`` here would validate too early.
            if name in (getattr(self, "_errors", None) or {}):
                described.append(f"id_{self.add_prefix(name)}_error")  # type: ignore[attr-defined]
                widget.attrs["aria-invalid"] = "true"
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        self.style_widgets()


def apply_validation_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names when the form has that field,
    otherwise above the form. The form keeps what the user typed."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


#: What the user is told, per reason the text is no number (``example`` is the field's own example).
NUMBER_MESSAGES = {
    NumberProblem.NOT_A_NUMBER: _("„%(value)s” is geen getal. Schrijf bijvoorbeeld %(example)s."),
    NumberProblem.TOO_LONG: _("Dit is te lang voor een getal. Schrijf bijvoorbeeld %(example)s."),
    NumberProblem.AMBIGUOUS: _("„%(value)s” kan %(thousands)s of %(decimal)s betekenen. Schrijf %(thousands)s "
                               "zonder punt, of gebruik een komma voor de decimalen: %(decimal)s."),
    NumberProblem.GROUPING: _("In „%(value)s” staan de punten niet op hun plaats: een punt scheidt groepen van "
                              "drie cijfers, zoals in 1.500.000."),
    NumberProblem.NO_GROUPING_HERE: _("Schrijf dit getal zonder punten voor duizendtallen, bijvoorbeeld "
                                      "%(example)s."),
    NumberProblem.SEPARATOR_ORDER: _("In „%(value)s” staat de komma voor de punt. Gebruik de komma voor de "
                                     "decimalen en de punt voor duizendtallen, bijvoorbeeld 1.500.000,00."),
    NumberProblem.SEVERAL_DECIMAL_SIGNS: _("„%(value)s” heeft meer dan één komma; een getal heeft één komma "
                                           "voor de decimalen, bijvoorbeeld %(example)s."),
}
WHOLE_NUMBER = _("Geef een heel getal, zonder decimalen, bijvoorbeeld %(example)s.")
WHOLE_EUROS = _("Geef een bedrag in hele euro's, bijvoorbeeld %(example)s.")
TOO_MANY_DECIMALS = _("Geef hoogstens %(places)s cijfers achter de komma, bijvoorbeeld %(example)s.")


class DutchNumberField(forms.DecimalField):
    """Every amount and decimal typed into a form: ``1.500.000,00``, ``€ 1.500.000``, ``50,85`` or ``50.85``,
    read by :func:`ontmoet.domain.numbers.parse_number` whatever the interface language (issue 7, A10 and A14).

    A text box with ``inputmode="decimal"`` (a number box drops the comma in some browsers and locales, which is
    how ``5,69`` became 569). ``grouping``: thousands points are taken (amounts); off for coordinates and
    percentages, where ``5.731`` is a decimal. ``round_places``: round to this many decimals instead of refusing
    more (a coordinate copied from a map has more than the six the register keeps). ``example`` appears in the
    messages; ``display_places`` fixes the decimals a stored value is shown with (cents: 2). Returns a Decimal, or
    None when empty and not required; the value shown is in Dutch notation.
    """

    widget = forms.TextInput
    whole_message = WHOLE_NUMBER

    def __init__(self, *, example: str = "", grouping: bool = True, symbols: tuple[str, ...] = (),
                 round_places: int | None = None, display_places: int | None = None, **kwargs: Any) -> None:
        self.example, self.grouping, self.symbols = example, grouping, symbols
        self.round_places, self.display_places = round_places, display_places
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("spellcheck", "false")

    @property
    def whole(self) -> bool:
        return self.decimal_places == 0

    def _example(self) -> str:
        if self.example:
            return self.example
        return "1.500" if self.whole else "0,25"

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # the stubs derive it from int
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, Decimal | int):
            number = Decimal(value)
        else:
            text = str(value)
            try:
                number = parse_number(text, grouping=self.grouping, whole=self.whole, symbols=self.symbols)
            except NumberFormatError as error:
                params: dict[str, Any] = {"value": error.text.strip(), "example": self._example()}
                if error.readings:
                    params["thousands"] = format_number(error.readings[0], grouping=False)
                    params["decimal"] = format_number(error.readings[1].normalize(), grouping=False)
                raise ValidationError(NUMBER_MESSAGES[error.problem], code="invalid", params=params) from error
        if self.whole:
            if number != number.to_integral_value():
                raise ValidationError(self.whole_message, code="invalid", params={"example": self._example()})
            return number.quantize(Decimal(1))
        if self.decimal_places is not None and -number.as_tuple().exponent > self.decimal_places:  # type: ignore[operator]
            if self.round_places is None:
                raise ValidationError(TOO_MANY_DECIMALS, code="max_decimal_places", params={
                    "places": self.decimal_places, "example": self._example()})
            number = number.quantize(Decimal(1).scaleb(-self.round_places))
        return number

    def prepare_value(self, value: Any) -> Any:
        """A stored value in Dutch notation (what the user typed stays as typed): ``display_places`` decimals, or
        as few as the value needs (``5,6909``, not ``5,690900``). Without thousands points unless the field is
        whole: ``1.500`` in a field with decimals would read as ambiguous."""
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            number = Decimal(value)
            if self.display_places is None and not self.whole:
                number = number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
            return format_number(number, places=self.display_places, grouping=self.grouping and self.whole)
        return value

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        for name in ("min", "max", "step"):
            attrs.pop(name, None)
        return attrs


class EuroField(DutchNumberField):
    """Whole euros (``€ 62.000``, ``62.000``, ``62000``, ``1.500.000,00``), as an int."""

    whole_message = WHOLE_EUROS

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("decimal_places", 0)
        kwargs.setdefault("symbols", ("€", "EUR"))
        kwargs.setdefault("example", "62.000")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> int | None:
        number = super().clean(value)
        return None if number is None else int(number)


#: (lowest, highest, message when outside) of each WGS84 axis.
_AXES = {"latitude": (-90, 90, LATITUDE_RANGE), "longitude": (-180, 180, LONGITUDE_RANGE)}


def coordinate_field(axis: str, *, label: Any, example: str, help_text: Any = "",
                     required: bool = False) -> DutchNumberField:
    """A WGS84 coordinate (``axis``: latitude or longitude) as the register keeps it, six decimals (about
    10 cm): a decimal point or comma (``50,8488`` or ``50.8488``), more decimals rounded, and this axis's own
    example in the messages."""
    low, high, outside = _AXES[axis]
    return DutchNumberField(label=label, required=required, grouping=False, min_value=Decimal(low),
                            max_value=Decimal(high), max_digits=9, decimal_places=6, round_places=6,
                            example=example, help_text=help_text,
                            error_messages={"min_value": outside, "max_value": outside})
