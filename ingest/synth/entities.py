"""The planted entities, networks and cases, and their ground-truth records.

Identifier entities expose ``value``, the normalised key of :mod:`odyssey`'s
schema (E.164 phone, compact IBAN, ``passport:NG:A01234567``, ``FR:AB123CD``,
``IMO9123456``, lower-case e-mail, wallet address as written), so that every
written form of the same identifier resolves to one node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from .data_routes import Route
from .names import PersonName


@dataclass(slots=True, eq=False)
class Location:
    TYPE: ClassVar[str] = "Location"
    id: str
    key: str
    kind: str
    country: str
    names: dict[str, str]
    fr_to: tuple[str, str]
    fr_from: tuple[str, str]
    fr_plain: tuple[str, str]
    en_the: bool = False

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "name": self.names["en"],
            "kind": self.kind,
            "country": self.country,
            "names": dict(self.names),
        }


@dataclass(slots=True, eq=False)
class Address:
    TYPE: ClassVar[str] = "Address"
    id: str
    country: str
    city: Location
    latin: str
    arabic: str | None

    def truth(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.TYPE,
            "name": self.latin,
            "country": self.country,
            "city": self.city.id,
        }
        if self.arabic:
            d["name_arabic"] = self.arabic
        return d


@dataclass(slots=True, eq=False)
class Phone:
    TYPE: ClassVar[str] = "Phone"
    id: str
    value: str
    country: str
    holders: list[str] = field(default_factory=list)

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "value": self.value,
            "country": self.country,
            "holder": self.holders[0] if self.holders else None,
            "holders": list(self.holders),
        }


@dataclass(slots=True, eq=False)
class Email:
    TYPE: ClassVar[str] = "Email"
    id: str
    value: str
    holder: str

    def truth(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.TYPE, "value": self.value, "holder": self.holder}


@dataclass(slots=True, eq=False)
class IdentityDocument:
    TYPE: ClassVar[str] = "IdentityDocument"
    id: str
    kind: str  # "passport" | "id_card"
    country: str
    number: str
    holder: str
    expiry_date: str

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.country}:{self.number}"

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "value": self.value,
            "kind": self.kind,
            "country": self.country,
            "number": self.number,
            "holder": self.holder,
            "expiry_date": self.expiry_date,
        }


@dataclass(slots=True, eq=False)
class Vehicle:
    TYPE: ClassVar[str] = "Vehicle"
    id: str
    plate: str  # as on the plate
    country: str
    make: str
    kind: str
    colour: str
    user: str
    owner: str

    @property
    def value(self) -> str:
        # The plate alone (the country is a property): reports often omit the country (odyssey/schema.toml).
        return "".join(ch for ch in self.plate.upper() if ch.isalnum())

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "value": self.value,
            "plate": self.plate,
            "country": self.country,
            "make": self.make,
            "kind": self.kind,
            "colour": self.colour,
            "user": self.user,
            "owner": self.owner,
        }


@dataclass(slots=True, eq=False)
class Vessel:
    TYPE: ClassVar[str] = "Vessel"
    id: str
    name: str
    imo: str
    flag: Location
    kind: str
    operator: str

    @property
    def value(self) -> str:
        return f"IMO{self.imo}"

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "value": self.value,
            "name": self.name,
            "imo": self.imo,
            "flag": self.flag.country,
            "kind": self.kind,
            "operator": self.operator,
        }


@dataclass(slots=True, eq=False)
class BankAccount:
    TYPE: ClassVar[str] = "BankAccount"
    id: str
    value: str  # IBAN, compact
    country: str
    holder: str
    users: list[str] = field(default_factory=list)

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "value": self.value,
            "iban": self.value,
            "country": self.country,
            "holder": self.holder,
            "users": list(self.users),
        }


@dataclass(slots=True, eq=False)
class CryptoWallet:
    TYPE: ClassVar[str] = "CryptoWallet"
    id: str
    value: str
    currency: str
    holder: str

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.TYPE,
            "value": self.value,
            "currency": self.currency,
            "holder": self.holder,
        }


@dataclass(slots=True, eq=False)
class Organization:
    TYPE: ClassVar[str] = "Organization"
    id: str
    base: str
    suffix: str
    arabic: str | None
    kind: str
    country: str
    city: Location
    address: Address | None = None
    director: str = ""
    employees: list[str] = field(default_factory=list)
    accounts: list[BankAccount] = field(default_factory=list)
    vehicles: list[Vehicle] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.base} {self.suffix}" if self.suffix else self.base

    def truth(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.TYPE,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "city": self.city.id,
            "director": self.director,
        }
        if self.arabic:
            d["name_arabic"] = self.arabic
        if self.address:
            d["address"] = self.address.id
        return d


@dataclass(slots=True, eq=False)
class Person:
    TYPE: ClassVar[str] = "Person"
    id: str
    name: PersonName
    gender: str
    birth_date: str
    nationality: str
    role: str
    network: str
    residence: str
    city: Location
    aliases: list[tuple[str, str | None]] = field(default_factory=list)
    networks: list[str] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    documents: list[IdentityDocument] = field(default_factory=list)
    accounts: list[BankAccount] = field(default_factory=list)
    vehicles: list[Vehicle] = field(default_factory=list)
    vessels: list[Vessel] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    wallets: list[CryptoWallet] = field(default_factory=list)
    address: Address | None = None
    org: Organization | None = None

    def truth(self) -> dict[str, Any]:
        aliases: list[str] = []
        for latin, arabic in self.aliases:
            aliases.append(latin)
            if arabic:
                aliases.append(arabic)
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.TYPE,
            "name": self.name.canonical(),
            "birth_date": self.birth_date,
            "nationality": self.nationality,
            "gender": self.gender,
            "role": self.role,
            "network": self.network,
            "networks": list(self.networks),
            "aliases": aliases,
            "residence": self.residence,
        }
        ar = self.name.canonical_arabic()
        if ar:
            d["name_arabic"] = ar
        return d


Entity = (
    Person
    | Organization
    | Location
    | Address
    | Phone
    | Email
    | IdentityDocument
    | Vehicle
    | Vessel
    | BankAccount
    | CryptoWallet
)


@dataclass(slots=True, eq=False)
class Case:
    """A national case file covering one country's part of a network."""

    id: str
    title: str  # "Operation TRITON"
    operation: str  # "TRITON"
    country: str
    ncb: str
    category: str
    network: str

    def truth(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "country": self.country,
            "ncb": self.ncb,
            "crime_category": self.category,
            "network": self.network,
        }


@dataclass(slots=True, eq=False)
class Network:
    """A criminal network: members, victims or migrants, front companies, cases."""

    id: str
    category: str
    route: Route
    name: str
    countries: list[str]
    weight: float
    members: list[Person] = field(default_factory=list)
    victims: list[Person] = field(default_factory=list)
    associates: list[Person] = field(default_factory=list)
    orgs: list[Organization] = field(default_factory=list)
    vessels: list[Vessel] = field(default_factory=list)
    stops: list[Location] = field(default_factory=list)
    cases: dict[str, Case] = field(default_factory=dict)
    other_case: Case | None = None
    pending: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: last message each NCB sent about this network: ncb code -> (reference, ISO date)
    last_message: dict[str, tuple[str, str]] = field(default_factory=dict)

    def truth(self) -> dict[str, Any]:
        cases = [c.id for c in self.cases.values()]
        if self.other_case:
            cases.append(self.other_case.id)
        return {
            "id": self.id,
            "crime_category": self.category,
            "name": self.name,
            "route": self.route.key,
            "countries": list(self.countries),
            "members": [p.id for p in self.members],
            "victims": [p.id for p in self.victims],
            "associates": [p.id for p in self.associates],
            "organizations": [o.id for o in self.orgs],
            "cases": cases,
        }
