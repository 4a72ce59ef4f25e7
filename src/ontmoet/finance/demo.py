"""Demo data of the financial framework: the investment projects the council proposal names, and an example
scenario. Idempotent: a second run changes nothing. Figures come from the plan file, never typed again here.

Called by ``ontmoet load_demo`` (and ``ontmoet finance_demo``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from ontmoet.core.plan import policy_plan
from ontmoet.finance import services
from ontmoet.finance.models import InvestmentProject, ProjectPhase, RelatedPlanKind, Scenario

#: Seed §6 "Participatie": "Tijdens de Stadsronde op 12-11-2025 waren raadsleden in de gelegenheid om met besturen in
#: gesprek te gaan over het voorliggende beleidsplan Sociale Ontmoetingsplekken."
STADSRONDE = (dt.date(2025, 11, 12), "Raadsleden en besturen van gemeenschapshuizen (Stadsronde)",
              "Raadsleden gingen met besturen in gesprek over het voorliggende beleidsplan Sociale "
              "Ontmoetingsplekken.")
#: Seed §6, footnote 2: talks with board members on 18-9-2025, 23-9-2025 and (administratively) on 9-10-2025,
#: at the request of the council (Domeinvergadering 2-9-2025).
BOARD_TALKS = (dt.date(2025, 10, 9), "Bestuursleden van gemeenschapshuizen (gesprekken 18-9, 23-9 en 9-10-2025)",
               "Bevestigd dat het beleidsplan tegemoetkomt aan de wens van de besturen om ondersteuning "
               "(financieel, administratief, beheer en exploitatie).")
EXAMPLE_SCENARIO = "Minder ontmoetingscentra in 2027"


@dataclass(frozen=True)
class DemoProject:
    key: str
    name: str
    area: str
    description: str
    phase: str
    amount: int | None = None
    wider_need: tuple[int, int] | None = None
    participation: tuple[tuple[dt.date, str, str], ...] = ()
    related: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _projects() -> list[DemoProject]:
    plan = policy_plan()
    pottenberg, nazareth = plan.places.neighbourhood_house_explorations[:2]
    heeg = plan.investments.de_heeg
    exploration = ("In 2026 worden de opties voor een Huis van de Wijk in {area} onderzocht, in samenwerking met de "
                   "aanpak Veerkrachtige Wijken: of en in welke vorm er behoefte is aan een Huis van de Wijk. "
                   "Investeringen zijn nog niet in beeld (PM).")
    veerkrachtig = (RelatedPlanKind.VEERKRACHTIGE_WIJKEN,
                    "Het participatietraject loopt mee met de participatieaanpak Veerkrachtige Wijken.")
    return [
        DemoProject(
            key="hvdw-pottenberg", name=f"Huis van de Wijk {pottenberg} (verkenning)", area=pottenberg,
            description=exploration.format(area=pottenberg), phase=ProjectPhase.EXPLORATION,
            participation=(STADSRONDE,), related=(veerkrachtig,),
        ),
        DemoProject(
            key="hvdw-nazareth-limmel", name=f"Huis van de Wijk {nazareth} (verkenning)", area=nazareth,
            description=exploration.format(area=nazareth), phase=ProjectPhase.EXPLORATION,
            participation=(STADSRONDE,), related=(veerkrachtig,),
        ),
        DemoProject(
            key="centrumplan-de-heeg", name="Centrumplan De Heeg: De Boeckel verhuist", area="De Heeg",
            description=("De verplaatsing van De Boeckel, in samenhang met de nieuwe gymzaal en de nieuwe kerk, geeft "
                         "het Ontmoetingscentrum in De Heeg een meer zichtbare en centrale plek. De middelen in het "
                         "MJIP voor de businesscase zijn niet toereikend: er is naar schatting extra nodig. "
                         "Denkrichting: het sociaal domein draagt vanuit het thema 'ontmoeten' bij als "
                         "cofinanciering in het centrumplan (dat bedrag staat hier als investering)."),
            phase=ProjectPhase.PLAN, amount=heeg.co_financing_social_domain,
            wider_need=(heeg.extra_need_min, heeg.extra_need_max),
            participation=(BOARD_TALKS, STADSRONDE),
            related=(
                (RelatedPlanKind.MJIP, "Businesscase Centrumplan De Heeg in het Meerjareninvesteringsplan."),
                (RelatedPlanKind.IHP, "Nieuwe gymzaal in het centrumplan."),
                (RelatedPlanKind.SUSTAINABILITY, "Modernisering integraal met duurzaamheid en toegankelijkheid "
                                                 "(beslispunt 2 van het raadsvoorstel)."),
                (RelatedPlanKind.OMGEVINGSVISIE, "Omgevingsvisie 2040: ontwikkeling van het centrum van De Heeg."),
            ),
        ),
    ]


@transaction.atomic
def load_finance_demo() -> dict[str, int]:
    """Record the known projects (with phases, participation and related plans) and an example scenario."""
    plan = policy_plan()
    decided = dt.date.fromisoformat(plan.version)  # the college's decision on the proposal
    created = {"projects": 0, "scenarios": 0}
    for demo in _projects():
        if InvestmentProject.objects.filter(key=demo.key).exists():
            continue
        values = {"name": demo.name, "area": demo.area, "description": demo.description,
                  "amount_min": demo.amount, "amount_max": demo.amount}
        if demo.wider_need:
            values["wider_need_min"], values["wider_need_max"] = demo.wider_need
        project = services.project_create(values=values, by=None, key=demo.key, phase=demo.phase,
                                          phase_date=decided, is_demo=True)
        for date, who, outcome in demo.participation:
            services.participation_add(project=project, date=date, who=who, outcome=outcome, by=None)
        for kind, text in demo.related:
            services.related_plan_add(project=project, kind=kind, description=text, by=None)
        created["projects"] += 1
    if not Scenario.objects.filter(plan_id=plan.id, name=EXAMPLE_SCENARIO).exists():
        services.scenario_create(by=None, is_demo=True, data={
            "name": EXAMPLE_SCENARIO,
            "description": "Voorbeeld: in 2027 kiezen minder besturen voor een Ontmoetingscentrum (10 in plaats van "
                           "12) en één meer voor een Huis van de Wijk (3 in plaats van 2).",
            "counts": {"2027": {"meeting_centres": 10, "neighbourhood_houses": 3}},
        })
        created["scenarios"] += 1
    return created
