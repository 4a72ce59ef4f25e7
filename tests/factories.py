"""factory_boy factories with traits for the register."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.places.models import Board, BoardMember, MeetingPlace, Neighbourhood, PlaceTypeChange


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.POLICY_OFFICER
    password = factory.django.Password("correct-horse-battery")


class PlaceFactory(factory.django.DjangoModelFactory):
    """A place with a first type event; ``type`` and ``since`` set that event."""

    class Meta:
        model = MeetingPlace
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Plek {n}")
    is_demo = True
    street = "Teststraat"
    house_number = factory.Sequence(lambda n: str(n + 1))
    postcode = "6211 AA"
    neighbourhood = factory.LazyFunction(lambda: Neighbourhood.objects.get(code="BU09350000"))
    latitude = Decimal("50.849390")
    longitude = Decimal("5.691900")

    @factory.post_generation
    def type_history(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            PlaceTypeChange.objects.create(
                place=self, to_type=self._type, effective_date=self._since, reason="factory")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):  # type: ignore[no-untyped-def]
        place_type = kwargs.pop("type", "community_house")
        since = kwargs.pop("since", dt.date(2018, 1, 1))
        obj = super()._create(model_class, *args, **kwargs)
        obj._type, obj._since = place_type, since
        return obj


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    place = factory.SubFactory(PlaceFactory)
    legal_name = factory.LazyAttribute(lambda o: f"Stichting {o.place.name}")


class BoardMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMember

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Bestuurder {n}")
