"""The letters of an application: composed from Dutch templates the subsidy team can read
(``templates/subsidies/letters/<kind>.txt``), stored as text with the application and printed as PDF with
WeasyPrint when first asked for (``var/letters``, outside the web root)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ontmoet.domain.money import format_euro
from ontmoet.subsidies import selectors
from ontmoet.subsidies.models import Application, ApplicationState, Letter, LetterKind, Scheme

SUBJECTS = {
    LetterKind.RECEIPT: "Ontvangstbevestiging van uw subsidieaanvraag",
    LetterKind.SUPPLEMENT_REQUEST: "Verzoek om aanvulling van uw subsidieaanvraag",
    LetterKind.NOT_HANDLED: "Besluit: uw subsidieaanvraag wordt niet behandeld",
    LetterKind.POSTPONEMENT: "Verdaging van de beslissing op uw subsidieaanvraag",
    LetterKind.GRANT: "Besluit: verlening van subsidie",
    LetterKind.REFUSAL: "Besluit: afwijzing van uw subsidieaanvraag",
    LetterKind.SETTLEMENT: "Besluit: vaststelling van de subsidie",
    LetterKind.RECOVERY: "Besluit: vaststelling en terugvordering van de subsidie",
    LetterKind.OBJECTION_DECISION: "Beslissing op uw bezwaar",
    LetterKind.CHANGE: "Besluit: wijziging of intrekking van de subsidie",
    LetterKind.REMINDER: "Herinnering: vraag de vaststelling van uw subsidie aan",
}


def _date(day: dt.date | None) -> str:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    return f"{day.day} {months[day.month - 1]} {day.year}" if day else "-"


def motivation_lines(application: Application) -> list[str]:
    """The motivation from the afwegingskader's findings stored with the application (in Dutch)."""
    record = application.assessment
    if record is None:
        return []
    return [str(finding.get("explanation", "")) for finding in record.findings if finding.get("explanation")]


def compose(kind: str, application: Application, **extra: Any) -> tuple[str, str]:
    advice = application.advices.order_by("-at", "-id").first()
    context = {
        "application": application, "scheme": application.scheme, "place": application.place,
        "reference": application.reference, "today": _date(timezone.localdate()),
        "received_on": _date(application.received_on), "decision_due": _date(application.decision_due),
        "supplement_due": _date(application.supplement_due), "objection_due": _date(application.objection_due),
        "settlement_due": _date(application.settlement_due),
        # How each stated term was reached (Algemene termijnenwet; issue 9 point 3), in Dutch.
        "decision_reasons": selectors.reason_texts(selectors.decision_term(application)),
        "supplement_reasons": selectors.reason_texts(selectors.supplement_term(application)),
        "objection_reasons": selectors.reason_texts(selectors.objection_term(application)),
        "requested": format_euro(application.amount_requested), "granted": format_euro(application.amount_granted),
        "settled": format_euro(application.amount_settled), "advances": format_euro(application.advances_paid),
        "ceiling_reason": application.decision_reason in ("partial_ceiling", "refused_ceiling"),
        "partial": application.decision_reason == "partial_ceiling",
        "motivation": motivation_lines(application), "advice": advice,
        "advance_schedule": _advance_schedule(application),
        "remedy": kind in (LetterKind.NOT_HANDLED, LetterKind.GRANT, LetterKind.REFUSAL, LetterKind.SETTLEMENT,
                           LetterKind.RECOVERY, LetterKind.CHANGE, LetterKind.OBJECTION_DECISION),
        **{k: format_euro(v) if k == "balance" else v for k, v in extra.items()},
    }
    with translation.override("nl"):
        body = render_to_string(f"subsidies/letters/{kind}.txt", context).strip() + "\n"
    return f"{SUBJECTS[LetterKind(kind)]} ({application.reference})", body


def _advance_schedule(application: Application) -> list[tuple[str, str]]:
    """Advances in four quarterly instalments of the grant (the scheme's obligation text names them)."""
    if not application.amount_granted:
        return []
    quarter = (application.amount_granted / 4).quantize(application.amount_granted)
    first = application.amount_granted - 3 * quarter
    dates = [dt.date(application.year, m, 1) for m in (1, 4, 7, 10)]
    return [(_date(d), format_euro(first if i == 0 else quarter)) for i, d in enumerate(dates)]


def board_addresses(application: Application) -> list[str]:
    return sorted({u.email for u in application.place.board_accounts.all() if u.email})


def board_addresses_for_scheme(scheme: Scheme) -> list[str]:
    from ontmoet.accounts.models import User
    from ontmoet.places.models import MeetingPlace

    places = (MeetingPlace.objects.of_type(scheme.eligible_types) if scheme.eligible_types
              else MeetingPlace.objects.all())
    users = User.objects.filter(board_places__in=places, is_active=True).exclude(email="").distinct()
    return sorted({u.email for u in users})


def publication_text(scheme: Scheme) -> str:
    with translation.override("nl"):
        return render_to_string("subsidies/letters/publication.txt", {
            "scheme": scheme, "years": list(scheme.years.all()), "published_on": _date(scheme.published_on),
            }).strip() + "\n"


def publication_notice(scheme: Scheme) -> tuple[str, str]:
    return f"Nieuwe subsidieregeling: {scheme.name}", publication_text(scheme)


def officer_term_digest(day: dt.date, window: int) -> tuple[str, str, list[str]] | None:
    """One e-mail per day to the officers: the applications whose decision term passes within ``window`` days."""
    from ontmoet.accounts.models import User

    soon = list(Application.objects.filter(
        state__in=[ApplicationState.SUBMITTED, ApplicationState.SUPPLEMENTED, ApplicationState.IN_ASSESSMENT,
                   ApplicationState.ADVISED, ApplicationState.POSTPONED],
        decision_due__lte=day + dt.timedelta(days=window)).select_related("scheme", "place").order_by(
        "decision_due")[:200])
    recipients = sorted(set(User.objects.filter(role="grant_officer", is_active=True).exclude(email="")
                            .values_list("email", flat=True)))
    if not soon or not recipients:
        return None
    lines = [f"{a.reference} {a.place} — beslissen uiterlijk {_date(a.decision_due)}"
             + (" (VERSTREKEN)" if a.decision_due and a.decision_due < day else "") for a in soon]
    return "Beslistermijnen die binnenkort verstrijken", "\n".join(lines) + "\n", recipients


def letters_dir() -> Path:
    return Path(getattr(settings, "SUBSIDY_LETTER_DIR", settings.VAR_DIR / "letters"))


def pdf_for(letter: Letter) -> Path:
    """The letter as PDF (made once, then kept)."""
    target = letters_dir() / f"brief-{letter.pk}.pdf"
    if target.exists():
        return target
    from weasyprint import HTML

    with translation.override("nl"):
        html = render_to_string("subsidies/letters/letter.html", {
            "letter": letter, "application": letter.application, "paragraphs": letter.body.split("\n\n")})
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html).write_pdf(target)
    return target
