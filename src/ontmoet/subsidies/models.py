"""Subsidy schemes with a ceiling per year, applications with their lifecycle, and what each step leaves behind
(advice, decision, letters, payments, documents). Every write goes through ``subsidies.services``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ontmoet.core.blocks import BlockChoices
from ontmoet.core.validators import plain_line, plain_text
from ontmoet.domain.subsidies.ceiling import DecisionReason as DomainReason
from ontmoet.domain.subsidies.lifecycle import Action, State, state_label_nl


class Distribution(models.TextChoices):
    ORDER_OF_RECEIPT = "order_of_receipt", _("Volgorde van binnenkomst (volledige aanvraag)")
    RANKING = "ranking", _("Rangschikking op het peilmoment")


class AmountRule(models.TextChoices):
    FIXED_PER_TYPE = "fixed_per_type", _("Vast bedrag per soort plek")
    COST_BASED = "cost_based", _("Op basis van kosten, met een maximum")


class ApplicationState(models.TextChoices):
    DRAFT = State.DRAFT.value, _("Concept")
    SUBMITTED = State.SUBMITTED.value, _("Ingediend")
    INCOMPLETE = State.INCOMPLETE.value, _("Onvolledig")
    SUPPLEMENTED = State.SUPPLEMENTED.value, _("Aangevuld")
    NOT_HANDLED = State.NOT_HANDLED.value, _("Buiten behandeling")
    IN_ASSESSMENT = State.IN_ASSESSMENT.value, _("In beoordeling")
    ADVISED = State.ADVISED.value, _("Advies")
    POSTPONED = State.POSTPONED.value, _("Verdaagd")
    GRANTED = State.GRANTED.value, _("Verleend")
    REFUSED = State.REFUSED.value, _("Afgewezen")
    ADVANCE_PAID = State.ADVANCE_PAID.value, _("Voorschot betaald")
    SETTLEMENT_REQUESTED = State.SETTLEMENT_REQUESTED.value, _("Vaststelling aangevraagd")
    SETTLED = State.SETTLED.value, _("Vastgesteld")
    CLOSED = State.CLOSED.value, _("Afgesloten")
    WITHDRAWN = State.WITHDRAWN.value, _("Ingetrokken")
    REVOKED = State.REVOKED.value, _("Ingetrokken door de gemeente")
    OBJECTION = State.OBJECTION.value, _("Bezwaar")


class DecisionReason(models.TextChoices):
    GRANTED = DomainReason.GRANTED.value, _("Verleend zoals aangevraagd")
    PARTIAL_CEILING = DomainReason.PARTIAL_CEILING.value, _("Gedeeltelijk verleend: het subsidieplafond is bereikt")
    REFUSED_CEILING = DomainReason.REFUSED_CEILING.value, _("Afgewezen: het subsidieplafond is bereikt")
    REFUSED = DomainReason.REFUSED.value, _("Afgewezen op inhoudelijke gronden")


class Scheme(models.Model):
    """A subsidy scheme (regeling, or a chapter of one) as data (issue: schemes as data; Awb 4:23, 4:26)."""

    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200, validators=[plain_line])
    regulation = models.CharField(_("regeling"), max_length=300, blank=True, validators=[plain_line])
    chapter = models.CharField(_("hoofdstuk"), max_length=100, blank=True, validators=[plain_line])
    legal_basis = models.CharField(_("wettelijke grondslag"), max_length=300, blank=True, validators=[plain_line])
    block = models.CharField(_("bouwsteen"), max_length=2, choices=BlockChoices.choices)
    decision_term_weeks = models.PositiveSmallIntegerField(_("beslistermijn (weken)"), default=8)
    supplement_term_days = models.PositiveSmallIntegerField(_("aanvullingstermijn (dagen)"), default=14)
    partial_grants = models.BooleanField(_("gedeeltelijk verlenen tot het plafond"), default=True)
    amount_rule = models.CharField(_("bedragregel"), max_length=20, choices=AmountRule.choices,
                                   default=AmountRule.COST_BASED)
    fixed_amounts = models.JSONField(_("vaste bedragen per soort plek"), default=dict, blank=True)
    maximum_amount = models.PositiveIntegerField(_("maximumbedrag per aanvraag"), null=True, blank=True)
    eligible_types = models.JSONField(_("soorten plekken die kunnen aanvragen"), default=list, blank=True)
    required_documents = models.JSONField(_("verplichte stukken"), default=list, blank=True)
    activity_types = models.JSONField(_("soorten activiteiten"), default=list, blank=True)
    published_on = models.DateField(_("gepubliceerd op"), null=True, blank=True)
    publication_channel = models.CharField(_("publicatiekanaal"), max_length=200, blank=True,
                                           validators=[plain_line])
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["block", "name", "id"]
        verbose_name = _("subsidieregeling")
        verbose_name_plural = _("subsidieregelingen")

    def __str__(self) -> str:
        return self.name


class SchemeYear(models.Model):
    """A scheme's ceiling in one year and what is committed against it. ``committed`` changes only under the
    scheme-year's lock (docs/decisions/0303); the database refuses a total above the ceiling as a last guard."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("jaar"))
    ceiling = models.DecimalField(_("subsidieplafond (€)"), max_digits=14, decimal_places=2)
    committed = models.DecimalField(_("verleend (€)"), max_digits=14, decimal_places=2, default=0)
    distribution = models.CharField(_("verdeelmethode"), max_length=20, choices=Distribution.choices,
                                    default=Distribution.ORDER_OF_RECEIPT)
    ranking_dates = models.JSONField(_("peilmomenten"), default=list, blank=True)

    class Meta:
        ordering = ["scheme", "year"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year"], name="subsidies_scheme_year_unique"),
            models.CheckConstraint(condition=Q(committed__gte=0) & Q(committed__lte=F("ceiling")),
                                   name="subsidies_committed_within_ceiling"),
        ]
        verbose_name = _("plafond per jaar")
        verbose_name_plural = _("plafonds per jaar")

    def __str__(self) -> str:
        return f"{self.scheme} {self.year}"

    @property
    def remaining(self):  # type: ignore[no-untyped-def]
        return self.ceiling - self.committed

    @property
    def lock_name(self) -> str:
        return f"subsidies:ceiling:{self.pk}"


class Application(models.Model):
    """A subsidy application of a place's board for one scheme and year."""

    scheme = models.ForeignKey(Scheme, verbose_name=_("regeling"), on_delete=models.PROTECT,
                               related_name="applications")
    scheme_year = models.ForeignKey(SchemeYear, verbose_name=_("plafondjaar"), on_delete=models.PROTECT,
                                    related_name="applications")
    place = models.ForeignKey("places.MeetingPlace", verbose_name=_("plek"), on_delete=models.PROTECT,
                              related_name="subsidy_applications")
    year = models.PositiveSmallIntegerField(_("jaar"))
    state = models.CharField(_("status"), max_length=24, choices=ApplicationState.choices,
                             default=ApplicationState.DRAFT)
    activity_type = models.CharField(_("soort activiteit"), max_length=100, blank=True, validators=[plain_line])
    description = models.TextField(_("toelichting"), blank=True, validators=[plain_text])
    amount_requested = models.DecimalField(_("aangevraagd bedrag (€)"), max_digits=12, decimal_places=2)
    amount_granted = models.DecimalField(_("verleend bedrag (€)"), max_digits=12, decimal_places=2, default=0)
    amount_settled = models.DecimalField(_("vastgesteld bedrag (€)"), max_digits=12, decimal_places=2, null=True,
                                         blank=True)
    advances_paid = models.DecimalField(_("betaalde voorschotten (€)"), max_digits=12, decimal_places=2, default=0)
    decision_reason = models.CharField(_("grond van het besluit"), max_length=20, choices=DecisionReason.choices,
                                       blank=True)
    #: What was left of the ceiling before the first decision (4:25 lid 3, for an objection).
    remaining_at_decision = models.DecimalField(_("plafondruimte bij het eerste besluit (€)"), max_digits=14,
                                                decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    received_on = models.DateField(_("ontvangen op"), null=True, blank=True)
    #: When the application became complete: the order of receipt goes by this moment.
    completed_at = models.DateTimeField(_("volledig op"), null=True, blank=True)
    supplement_due = models.DateField(_("aanvullen uiterlijk"), null=True, blank=True)
    #: Periods in which the decision term is suspended (4:15): [[from, to], ...] as ISO dates.
    suspensions = models.JSONField(_("opschortingen"), default=list, blank=True)
    postponement_weeks = models.PositiveSmallIntegerField(_("verdaagd met (weken)"), default=0)
    decision_due = models.DateField(_("beslissen uiterlijk"), null=True, blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    objection_due = models.DateField(_("bezwaar uiterlijk"), null=True, blank=True)
    objection_decision_due = models.DateField(_("beslissen op bezwaar uiterlijk"), null=True, blank=True)
    state_before_objection = models.CharField(_("status vóór bezwaar"), max_length=24,
                                              choices=ApplicationState.choices, blank=True)
    settlement_due = models.DateField(_("vaststelling aanvragen uiterlijk"), null=True, blank=True)
    settlement_reminder_sent = models.BooleanField(_("herinnering vaststelling verstuurd"), default=False)
    assessment = models.ForeignKey("assessment.AssessmentRecord", verbose_name=_("afweging"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("behandelaar"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-id"]
        # The queue: the first term to pass first (decision_due, id), over every state or one (state, ...).
        indexes = [models.Index(fields=["state", "decision_due"]), models.Index(fields=["scheme", "year"]),
                   models.Index(fields=["decision_due", "id"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount_requested__gte=0), name="subsidies_requested_not_negative"),
            models.CheckConstraint(condition=Q(amount_granted__gte=0), name="subsidies_granted_not_negative"),
        ]
        verbose_name = _("subsidieaanvraag")
        verbose_name_plural = _("subsidieaanvragen")

    def __str__(self) -> str:
        return f"{self.reference}: {self.scheme} — {self.place}"

    @property
    def reference(self) -> str:
        return f"SUB-{self.year}-{self.pk:05d}" if self.pk else "SUB-nieuw"

    @property
    def state_enum(self) -> State:
        return State(self.state)

    @property
    def state_nl(self) -> str:
        return state_label_nl(self.state_enum)


class Step(models.Model):
    """One step of the lifecycle, as it happened: the timeline, and who assessed and who decided (four eyes)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("stap"), max_length=24, choices=[(a.value, a.value) for a in Action])
    from_state = models.CharField(_("van"), max_length=24, choices=ApplicationState.choices)
    to_state = models.CharField(_("naar"), max_length=24, choices=ApplicationState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    actor_name = models.CharField(_("door"), max_length=150)
    assesses = models.BooleanField(default=False)
    decides = models.BooleanField(default=False)
    amount = models.DecimalField(_("bedrag (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True, validators=[plain_text])
    at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self) -> str:
        return f"{self.application_id} {self.action}"


class AdviceChoice(models.TextChoices):
    GRANT = "grant", _("Verlenen")
    REFUSE = "refuse", _("Afwijzen")


class Advice(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="advices")
    advice = models.CharField(_("advies"), max_length=10, choices=AdviceChoice.choices)
    amount = models.DecimalField(_("geadviseerd bedrag (€)"), max_digits=12, decimal_places=2, default=0)
    motivation = models.TextField(_("motivering"), validators=[plain_text])
    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    advisor_name = models.CharField(_("adviseur"), max_length=150)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.advice}"


class DecisionKind(models.TextChoices):
    APPLICATION = "application", _("Besluit op de aanvraag")
    SETTLEMENT = "settlement", _("Vaststelling")
    CHANGE = "change", _("Wijziging")
    REVOCATION = "revocation", _("Intrekking")
    OBJECTION = "objection", _("Beslissing op bezwaar")
    NOT_HANDLED = "not_handled", _("Buiten behandeling")


class Decision(models.Model):
    """A decision (besluit) with both names: who advised and who decided (four eyes)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("soort besluit"), max_length=12, choices=DecisionKind.choices)
    outcome = models.CharField(_("uitkomst"), max_length=24, choices=ApplicationState.choices)
    amount = models.DecimalField(_("bedrag (€)"), max_digits=12, decimal_places=2, default=0)
    reason = models.CharField(_("grond"), max_length=20, choices=DecisionReason.choices, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by_name = models.CharField(_("besluitnemer"), max_length=150)
    advised_by_name = models.CharField(_("adviseur"), max_length=150, blank=True)
    decided_on = models.DateField(_("datum"))
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.kind} {self.outcome}"


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("Ontvangstbevestiging")
    SUPPLEMENT_REQUEST = "supplement_request", _("Verzoek om aanvulling")
    NOT_HANDLED = "not_handled", _("Buiten behandeling")
    POSTPONEMENT = "postponement", _("Verdaging")
    GRANT = "grant", _("Verleningsbeschikking")
    REFUSAL = "refusal", _("Afwijzing")
    SETTLEMENT = "settlement", _("Vaststellingsbeschikking")
    RECOVERY = "recovery", _("Terugvordering")
    OBJECTION_DECISION = "objection_decision", _("Beslissing op bezwaar")
    CHANGE = "change", _("Wijziging of intrekking")
    REMINDER = "reminder", _("Herinnering")


class Letter(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("soort brief"), max_length=20, choices=LetterKind.choices)
    subject = models.CharField(_("onderwerp"), max_length=300)
    body = models.TextField(_("tekst"))
    #: Path of the PDF under the private storage (var/), never under the web root.
    pdf_path = models.CharField(_("pdf"), max_length=300, blank=True)
    sent_to = models.CharField(_("verstuurd aan"), max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.application_id}"


class PaymentKind(models.TextChoices):
    ADVANCE = "advance", _("Voorschot")
    BALANCE = "balance", _("Betaling saldo")
    RECOVERY = "recovery", _("Terugvordering")


class Payment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="payments")
    kind = models.CharField(_("soort"), max_length=10, choices=PaymentKind.choices)
    amount = models.DecimalField(_("bedrag (€)"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("datum"))
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["paid_on", "id"]
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"


class Document(models.Model):
    """An uploaded document, stored outside the web root (var/uploads), its type sniffed from its content."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("soort stuk"), max_length=100, validators=[plain_line])
    file_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    storage_path = models.CharField(max_length=300)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self) -> str:
        return self.file_name
