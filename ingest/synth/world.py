"""Builds the synthetic world: networks, people, identifiers, companies, cases.

The structure planted here is what analysts are meant to find: networks of 6-25
members spanning several countries, victims or migrants, front companies,
*bridges* (a person, phone or bank account shared by a trafficking and a
smuggling network) and *distractors* (namesakes and near-identical numbers that
must not be merged). Everything is drawn from one ``random.Random`` seeded from
the user's seed, in a fixed order, so the same seed gives the same world.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from . import identifiers as ids
from .data_misc import (
    ADDRESS_FORMATS,
    ADDRESS_FORMATS_AR,
    ARAB_COMPANY_COUNTRIES,
    BANK_CODES,
    BANK_COUNTRY_FALLBACK,
    BRAND_WORDS,
    BRAND_WORDS_AR,
    COLOURS,
    COMPANY_PATTERNS,
    OPERATION_WORDS,
    PLATE_COUNTRIES,
    POSTCODES,
    STREETS,
    VEHICLES,
    VEHICLES_SAHARA,
    VESSEL_KINDS,
    VESSEL_NAMES,
)
from .data_places import COUNTRIES, NCBS, PLACES, places_in
from .data_routes import Route, routes_for
from .entities import (
    Address,
    BankAccount,
    Case,
    CryptoWallet,
    Email,
    IdentityDocument,
    Location,
    Network,
    Organization,
    Person,
    Phone,
    Vehicle,
    Vessel,
)
from .names import PersonName, alias_pool, make_name, reads_as_same, same_name

_VOWELS = "AEIOUÉÈÊÂÎÔÛ"
ORIGIN_KINDS = frozenset({"travel_agency", "recruitment", "modelling"})
DESTINATION_KINDS = frozenset(
    {"massage", "nail_salon", "car_wash", "hair_salon", "nightclub", "agriculture", "construction"}
)
CAT_CODE = {"trafficking": "TEH", "smuggling": "SOM", "other": "OTH"}


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    r = rng.random() * sum(w for _, w in options)
    for key, w in options:
        r -= w
        if r <= 0:
            return key
    return options[-1][0]


def _route_languages(route: Route) -> set[str]:
    return {lang for c in route.countries if c in NCBS for lang, _ in NCBS[c].languages}


def _random_date(rng: random.Random, y0: int, y1: int) -> str:
    start = dt.date(y0, 1, 1).toordinal()
    end = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end)).isoformat()


class World:
    """All planted entities and structure for one corpus.

    ``entities`` keeps creation order (which is deterministic) and gives the
    order of the truth file; ids are type prefix + running number.
    """

    def __init__(self, seed: int, reports: int) -> None:
        self.rng = random.Random(f"odyssey-synth/world/{seed}")
        self.seed = seed
        self.reports = reports
        self.entities: list[Any] = []
        self.networks: list[Network] = []
        self.cases: list[Case] = []
        self.bridges: list[dict[str, Any]] = []
        self.distractors: list[dict[str, Any]] = []
        self.locations: dict[str, Location] = {}
        self._counters: dict[str, int] = {}
        self._used: dict[str, set[str]] = {
            k: set() for k in ("phone", "iban", "doc", "plate", "imo", "email")
        }
        self._case_numbers: dict[tuple[str, str, int], int] = {}
        self._build_locations()
        n_networks = max(6, reports // 30)
        self._build_networks(n_networks)
        self._build_bridges(max(2, n_networks // 4))
        self._build_distractors(max(4, n_networks // 3))

    # ------------------------------------------------------------ ids & registry
    def _id(self, prefix: str) -> str:
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}{n:04d}"

    def _add(self, entity: Any) -> Any:
        self.entities.append(entity)
        return entity

    def country_loc(self, code: str) -> Location:
        return self.locations[f"country:{code}"]

    def place(self, key: str) -> Location:
        return self.locations[key]

    # ------------------------------------------------------------ locations
    def _build_locations(self) -> None:
        for c in COUNTRIES.values():
            art = c.fr_article
            if art in ("la ", "l'"):
                fr_to = ("en ", c.fr)
                fr_from = ("d'", c.fr) if c.fr[0] in _VOWELS else ("de ", c.fr)
            elif art == "le ":
                fr_to, fr_from = ("au ", c.fr), ("du ", c.fr)
            else:
                fr_to, fr_from = ("aux ", c.fr), ("des ", c.fr)
            loc = Location(
                self._id("L"),
                f"country:{c.code}",
                "country",
                c.code,
                {"en": c.en, "fr": c.fr, "es": c.es, "ar": c.ar},
                fr_to,
                fr_from,
                (art, c.fr),
                c.en_the,
            )
            self.locations[loc.key] = self._add(loc)
        for p in PLACES.values():
            fr_to = p.fr_to or ("à ", p.fr)
            fr_from = p.fr_from or (("d'", p.fr) if p.fr[0].upper() in _VOWELS else ("de ", p.fr))
            loc = Location(
                self._id("L"),
                p.key,
                p.kind,
                p.country,
                {"en": p.en, "fr": p.fr, "es": p.es, "ar": p.ar},
                fr_to,
                fr_from,
                ("", p.fr),
            )
            self.locations[loc.key] = self._add(loc)

    def city_in(self, country: str, prefer: list[Location] | None = None) -> Location:
        """A place in ``country``: one of ``prefer`` (route stops) when possible."""
        rng = self.rng
        if prefer:
            cands = [loc for loc in prefer if loc.country == country and loc.kind != "region"]
            if cands and rng.random() < 0.75:
                return rng.choice(cands)
        places = [self.locations[p.key] for p in places_in(country) if p.kind != "region"]
        if not places:
            return self.country_loc(country)
        return rng.choice(places)

    # ------------------------------------------------------------ networks
    def _build_networks(self, n: int) -> None:
        rng = self.rng
        teh_routes = routes_for("trafficking")
        som_routes = routes_for("smuggling")
        order: dict[str, list[Route]] = {"trafficking": [], "smuggling": []}
        covered: set[str] = set()
        for k in range(n):
            category = "trafficking" if k % 2 == 0 else "smuggling"
            pool = teh_routes if category == "trafficking" else som_routes
            queue = order[category]
            if not queue:  # every route once (shuffled) before any repeats
                queue.extend(pool)
                rng.shuffle(queue)
            # prefer a route whose bureaus write a language not covered yet, so that
            # even a small corpus has documents in every language
            pick = len(queue) - 1
            for j in range(len(queue) - 1, -1, -1):
                if _route_languages(queue[j]) - covered:
                    pick = j
                    break
            route = queue.pop(pick)
            covered |= _route_languages(route)
            self.networks.append(self._build_network(k + 1, category, route))

    def _build_network(self, idx: int, category: str, route: Route) -> Network:
        rng = self.rng
        countries = [c for c in route.countries if c in NCBS]
        net = Network(
            f"N{idx:02d}", category, route, "", countries, rng.uniform(0.6, 1.6) * route.weight
        )
        net.stops = [self.place(k) for k in route.stops]
        for role in self._roles(route, rng.randint(6, 25)):
            net.members.append(self._member(net, role))
        n_victims = rng.randint(4, 12) if category == "trafficking" else rng.randint(5, 14)
        for _ in range(n_victims):
            net.victims.append(self._victim(net))
        for _ in range(rng.randint(1, 3)):
            org = self._organization(net)
            if org:
                net.orgs.append(org)
        self._cases(net)
        boss = net.members[0]
        surname = boss.name.latin(boss.name.own_spelling(), "surname_only")[0]
        net.name = f"{surname} network – {route.label}"
        return net

    def _roles(self, route: Route, size: int) -> list[str]:
        rng = self.rng
        roles = ["organiser"]
        if size >= 15:
            roles.append("organiser")
        roles += ["recruiter"] * rng.randint(1, 3)
        if route.exploitation == "sexual":
            roles += ["madam"] * rng.randint(1, 3)
        roles += ["driver"] * (
            rng.randint(2, 4) if route.category == "smuggling" else rng.randint(1, 2)
        )
        if route.sea_leg:
            roles += ["boat_captain"] * rng.randint(1, 2)
        roles += ["money_collector"] * rng.randint(1, 2)
        if rng.random() < 0.7:
            roles.append("document_forger")
        while len(roles) < size:
            roles.append("facilitator")
        return roles[: max(size, 6)]

    def _residence(self, net: Network, role: str, nationality: str) -> str:
        rng = self.rng
        route = net.route
        stops = net.stops
        if role == "recruiter":
            return stops[0].country
        if role == "madam":
            return stops[-1].country
        if role == "boat_captain" and route.sea_leg:
            return self.place(route.sea_leg[0]).country
        if role == "driver" and len(stops) > 2:
            return rng.choice(stops[1:-1]).country
        if nationality in net.countries and rng.random() < 0.6:
            return nationality
        return rng.choice(net.countries)

    def _person(
        self, net: Network, role: str, nationality: str, gender: str, birth_years: tuple[int, int]
    ) -> Person:
        rng = self.rng
        pid = self._id("P")
        name = self._distinct_name(
            net, pid, nationality, gender, make_name(rng, nationality, gender)
        )
        residence = (
            self._residence(net, role, nationality)
            if role not in ("victim", "migrant")
            else rng.choice([s.country for s in net.stops])
        )
        p = Person(
            pid,
            name,
            gender,
            _random_date(rng, *birth_years),
            nationality,
            role,
            net.id,
            residence,
            self.city_in(residence, net.stops),
        )
        p.networks.append(net.id)
        return self._add(p)

    def _distinct_name(
        self, net: Network, pid: str, nationality: str, gender: str, name: PersonName
    ) -> PersonName:
        """``name``, or another draw when a person of ``net`` already reads as that name.

        Pools are small (five Thai given names), so independent draws would give one
        network of fifteen two or three ``Bui Van Thanh`` whom its reports could not
        tell apart; a real network rarely holds two people of one full name.
        Namesakes across networks stay (and are planted on purpose). Redraws use
        their own generator, so the rest of the corpus is drawn as before.
        """
        taken = [q.name for q in (*net.members, *net.victims)]
        side = random.Random(f"odyssey-synth/names/{self.seed}/{pid}")
        for _ in range(30):
            if not any(reads_as_same(name, other) for other in taken):
                break
            name = make_name(side, nationality, gender)
        return name

    def _member(self, net: Network, role: str) -> Person:
        rng = self.rng
        route = net.route
        nationality = _weighted(rng, route.members)
        if role == "boat_captain" and route.sea_leg:
            dep = self.place(route.sea_leg[0]).country
            if any(c == dep for c, _ in route.members):
                nationality = dep
        gender = (
            "f"
            if role == "madam"
            else (
                "f"
                if role == "recruiter" and route.category == "trafficking" and rng.random() < 0.4
                else "m"
                if rng.random() < 0.9
                else "f"
            )
        )
        p = self._person(net, role, nationality, gender, (1962, 1996))
        aliases = alias_pool(nationality)
        if aliases and rng.random() < (0.6 if role == "organiser" else 0.3):
            choices = [a for a in aliases if a[2] in ("*", gender)]
            if choices:
                latin, arabic, _ = rng.choice(choices)
                p.aliases.append((latin, arabic))
        self._identifiers(net, p)
        return p

    def _victim(self, net: Network) -> Person:
        rng = self.rng
        route = net.route
        nationality = _weighted(rng, route.victims)
        if route.category == "smuggling":
            role, female = "migrant", 0.2
        else:
            role = "victim"
            female = {"sexual": 0.95, "labour": 0.4, "ransom": 0.35}.get(route.exploitation, 0.5)
        gender = "f" if rng.random() < female else "m"
        p = self._person(net, role, nationality, gender, (1988, 2006))
        if rng.random() < 0.45:
            self._add_phone(p, rng.choice([nationality, p.residence]))
        if rng.random() < 0.5:
            self._add_document(p, "passport", nationality)
        return p

    # ------------------------------------------------------------ identifiers
    def _add_phone(self, p: Person, country: str) -> Phone:
        value = ids.new_phone(self.rng, country, self._used["phone"])
        ph = self._add(Phone(self._id("PH"), value, country, [p.id]))
        p.phones.append(ph)
        return ph

    def _add_document(
        self, p: Person, kind: str, country: str, number: str | None = None
    ) -> IdentityDocument:
        rng = self.rng
        if number is None:
            number = ids.new_document_number(rng, kind, country, self._used["doc"])
        doc = self._add(
            IdentityDocument(
                self._id("ID"), kind, country, number, p.id, _random_date(rng, 2026, 2034)
            )
        )
        p.documents.append(doc)
        return doc

    def _bank_country(self, country: str) -> str:
        if country in BANK_CODES:
            return country
        return BANK_COUNTRY_FALLBACK.get(country, "IT")

    def _add_account(
        self, holder: Person | Organization, country: str, value: str | None = None
    ) -> BankAccount:
        country = self._bank_country(country)
        if value is None:
            value = ids.new_iban(self.rng, country, self._used["iban"])
        acct = self._add(BankAccount(self._id("BA"), value, value[:2], holder.id))
        holder.accounts.append(acct)
        return acct

    def _plate_country(self, net: Network, preferred: str) -> str | None:
        if preferred in PLATE_COUNTRIES:
            return preferred
        cands = [c for c in net.countries if c in PLATE_COUNTRIES]
        return self.rng.choice(cands) if cands else None

    def _add_vehicle(
        self, net: Network, user: Person, owner: Person | Organization, country: str
    ) -> Vehicle | None:
        rng = self.rng
        pc = self._plate_country(net, country)
        if pc is None:
            return None
        sahara = pc in ("LY", "NE", "SD")
        make, kind = rng.choice(VEHICLES_SAHARA if sahara else VEHICLES)
        plate = ids.new_plate(rng, pc, self._used["plate"])
        veh = self._add(
            Vehicle(self._id("V"), plate, pc, make, kind, rng.choice(COLOURS), user.id, owner.id)
        )
        user.vehicles.append(veh)
        return veh

    def _identifiers(self, net: Network, p: Person) -> None:
        rng = self.rng
        role = p.role
        self._add_phone(p, p.residence)
        if rng.random() < 0.5:
            self._add_phone(p, p.nationality if rng.random() < 0.6 else p.residence)
        if rng.random() < 0.2:
            self._add_phone(p, p.residence)
        if rng.random() < 0.9:
            self._add_document(p, "passport", p.nationality)
        if rng.random() < 0.35 and p.nationality in ids.ID_CARD_PATTERNS:
            self._add_document(p, "id_card", p.nationality)
        p_bank = {"organiser": 0.7, "money_collector": 0.9}.get(role, 0.15)
        if rng.random() < p_bank:
            self._add_account(p, p.residence)
        p_car = {"driver": 1.0, "organiser": 0.4}.get(role, 0.1)
        if rng.random() < p_car:
            self._add_vehicle(net, p, p, p.residence)
            if role == "driver" and rng.random() < 0.3:
                self._add_vehicle(net, p, p, p.residence)
        if role == "boat_captain" and net.route.sea_leg:
            flag = rng.choice(net.route.vessel_flags) if net.route.vessel_flags else "LY"
            name = rng.choice(VESSEL_NAMES)
            vs = self._add(
                Vessel(
                    self._id("VS"),
                    name,
                    ids.new_imo(rng, self._used["imo"]),
                    self.country_loc(flag),
                    rng.choice(VESSEL_KINDS),
                    p.id,
                )
            )
            p.vessels.append(vs)
            net.vessels.append(vs)
        if rng.random() < 0.3:
            words = p.name.all_latin_forms()
            addr = ids.new_email(rng, words, int(p.birth_date[:4]), self._used["email"])
            p.emails.append(self._add(Email(self._id("EM"), addr, p.id)))
        p_wallet = 0.3 if role in ("organiser", "money_collector") else 0.03
        if rng.random() < p_wallet:
            currency = "BTC" if rng.random() < 0.5 else "USDT"
            w = self._add(
                CryptoWallet(self._id("CW"), ids.new_wallet(rng, currency), currency, p.id)
            )
            p.wallets.append(w)
        if rng.random() < 0.6:
            p.address = self._address(p.residence, p.city)

    # ------------------------------------------------------------ addresses & companies
    def _address(self, country: str, city: Location) -> Address:
        rng = self.rng
        fmt = ADDRESS_FORMATS.get(country, "{s} {n}, {c}")
        street = rng.choice(STREETS.get(country, ["Main Street"]))
        latin_street, _, arabic_street = street.partition("=")
        n = str(rng.randint(1, 180))
        if country == "CO":
            n = f"{rng.randint(10, 120)}"
            z = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        else:
            z = "".join(
                rng.choice("0123456789")
                if ch == "#"
                else rng.choice("ABDEFHJLNPRTW")
                if ch == "A"
                else ch
                for ch in POSTCODES.get(country, "")
            )
        latin = fmt.format(n=n, s=latin_street, c=city.names["en"], z=z).replace(" ,", ",")
        arabic = None
        if arabic_street and country in ADDRESS_FORMATS_AR:
            arabic = ADDRESS_FORMATS_AR[country].format(n=n, s=arabic_street, c=city.names["ar"])
        return self._add(Address(self._id("A"), country, city, latin, arabic))

    def _organization(self, net: Network) -> Organization | None:
        rng = self.rng
        route = net.route
        kind = rng.choice(route.companies)
        stops = net.stops
        if kind in ORIGIN_KINDS:
            country = stops[0].country
        elif kind in DESTINATION_KINDS:
            country = stops[-1].country
        elif kind == "fishing" and route.sea_leg:
            country = self.place(route.sea_leg[0]).country
        else:
            country = rng.choice([s.country for s in stops[1:-1]] or [stops[0].country])
        patterns = COMPANY_PATTERNS[kind]
        pattern = rng.choice(patterns.get(country) or patterns["*"])
        latin_pat, _, arabic_pat = pattern.partition("=")
        directors = [
            p
            for p in net.members
            if p.role in ("organiser", "facilitator", "money_collector", "recruiter")
            and p.org is None
        ]
        if not directors:
            return None
        director = rng.choice(directors)
        surname = director.name.latin(director.name.own_spelling(), "surname_only")[0].title()
        if country in ARAB_COMPANY_COUNTRIES and arabic_pat:
            w_latin, w_arabic = rng.choice(BRAND_WORDS_AR)
            arabic: str | None = arabic_pat.format(a=w_arabic)
        else:
            w_latin, arabic = rng.choice(BRAND_WORDS), None
        name = latin_pat.format(w=w_latin, s=surname)
        base, _, suffix = name.partition(" ~ ")
        city = self.city_in(country, stops)
        org = self._add(Organization(self._id("O"), base, suffix, arabic, kind, country, city))
        org.director = director.id
        director.org = org
        if rng.random() < 0.7:
            org.address = self._address(country, city)
        if rng.random() < 0.4:
            self._add_account(org, country)
        staff = [p for p in net.members if p.role in ("driver", "facilitator") and p.org is None]
        for p in rng.sample(staff, min(len(staff), rng.randint(0, 2))):
            org.employees.append(p.id)
        if kind == "transport":
            drivers = [p for p in net.members if p.role == "driver"]
            for d in drivers[:2]:
                veh = self._add_vehicle(net, d, org, country)
                if veh:
                    org.vehicles.append(veh)
        return org

    # ------------------------------------------------------------ cases
    def _case_id(self, country: str, cat: str, year: int) -> str:
        key = (country, cat, year)
        n = self._case_numbers.get(key)
        n = self.rng.randint(3, 40) if n is None else n + self.rng.randint(1, 5)
        self._case_numbers[key] = n
        return f"{country}-{cat}-{year}-{n:03d}"

    def _cases(self, net: Network) -> None:
        rng = self.rng
        code = CAT_CODE[net.category]
        for country in net.countries:
            word = rng.choice(OPERATION_WORDS)
            year = 2024 if rng.random() < 0.6 else 2025
            case = Case(
                self._case_id(country, code, year),
                f"Operation {word}",
                word,
                country,
                NCBS[country].name,
                net.category,
                net.id,
            )
            net.cases[country] = case
            self.cases.append(case)
        country = rng.choice(net.countries)
        word = rng.choice(OPERATION_WORDS)
        case = Case(
            self._case_id(country, "OTH", 2025),
            f"Operation {word}",
            word,
            country,
            NCBS[country].name,
            "other",
            net.id,
        )
        net.other_case = case
        self.cases.append(case)

    # ------------------------------------------------------------ bridges
    def _build_bridges(self, n: int) -> None:
        rng = self.rng
        teh = [x for x in self.networks if x.category == "trafficking"]
        som = [x for x in self.networks if x.category == "smuggling"]
        kinds = ("shared_person", "shared_phone", "shared_account")
        for k in range(n):
            a, b = rng.choice(teh), rng.choice(som)
            if rng.random() < 0.5:
                a, b = b, a
            kind = kinds[k % 3]
            b_member = rng.choice(b.members)
            if kind == "shared_person":
                cands = [
                    p
                    for p in a.members
                    if p.role in ("facilitator", "document_forger", "money_collector", "driver")
                    and len(p.networks) == 1
                ]
                p = rng.choice(cands or a.members)
                if b.id not in p.networks:
                    p.networks.append(b.id)
                b.associates.append(p)
                a.pending.append(("phone", {"p": p}))
                b.pending.append(("associate", {"p": p, "p2": b_member}))
                b.pending.append(("phone", {"p": p}))
                entity = p.id
            elif kind == "shared_phone":
                holder = rng.choice(a.members)
                ph = rng.choice(holder.phones)
                if b_member.id not in ph.holders:
                    ph.holders.append(b_member.id)
                    b_member.phones.append(ph)
                a.pending.append(("phone", {"p": holder, "ph": ph}))
                b.pending.append(("phone", {"p": b_member, "ph": ph}))
                entity = ph.id
            else:
                cands = [p for p in a.members if p.accounts]
                holder = rng.choice(cands) if cands else rng.choice(a.members)
                acct = (
                    holder.accounts[0]
                    if holder.accounts
                    else self._add_account(holder, holder.residence)
                )
                acct.users.append(b_member.id)
                a.pending.append(("bank", {"p": holder, "acct": acct}))
                b.pending.append(("transfer_iban", {"p": b_member, "acct": acct}))
                entity = acct.id
            self.bridges.append({"entity": entity, "networks": [a.id, b.id], "kind": kind})

    # ------------------------------------------------------------ distractors
    def _build_distractors(self, n: int) -> None:
        rng = self.rng
        kinds = ("namesake", "near_phone", "near_passport", "near_iban")
        for k in range(n):
            a_net, b_net = rng.sample(self.networks, 2)
            kind = kinds[k % 4]
            a = rng.choice(a_net.members)
            b = rng.choice(b_net.members)
            if kind == "namesake":
                twin = self._person(b_net, "facilitator", a.nationality, a.gender, (1962, 1996))
                twin.name = same_name(a.name)
                while abs(int(twin.birth_date[:4]) - int(a.birth_date[:4])) < 2:
                    twin.birth_date = _random_date(rng, 1962, 1996)
                self._identifiers(b_net, twin)
                b_net.members.append(twin)
                a_net.pending.append(("arrest", {"p": a}))
                b_net.pending.append(("arrest", {"p": twin}))
                canon = a.name.canonical()
                self.distractors.append(
                    {
                        "a": a.id,
                        "b": twin.id,
                        "kind": kind,
                        "why": f"same name {canon}, born {a.birth_date} vs {twin.birth_date}, "
                        f"networks {a_net.id} vs {b_net.id}",
                    }
                )
            elif kind == "near_phone":
                src = rng.choice(a.phones)
                value = ids.near_phone(rng, src.value, self._used["phone"])
                ph = self._add(Phone(self._id("PH"), value, src.country, [b.id]))
                b.phones.append(ph)
                a_net.pending.append(("phone", {"p": a, "ph": src}))
                b_net.pending.append(("phone", {"p": b, "ph": ph}))
                self.distractors.append(
                    {
                        "a": src.id,
                        "b": ph.id,
                        "kind": kind,
                        "why": f"{src.value} vs {value}: one digit apart, different holders in "
                        f"networks {a_net.id} and {b_net.id}",
                    }
                )
            elif kind == "near_passport":
                src_docs = [d for d in a.documents if d.kind == "passport"]
                src = src_docs[0] if src_docs else self._add_document(a, "passport", a.nationality)
                number = ids.near_document_number(
                    rng, "passport", src.country, src.number, self._used["doc"]
                )
                doc = self._add_document(b, "passport", src.country, number)
                a_net.pending.append(("id_doc", {"p": a, "doc": src}))
                b_net.pending.append(("id_doc", {"p": b, "doc": doc}))
                self.distractors.append(
                    {
                        "a": src.id,
                        "b": doc.id,
                        "kind": kind,
                        "why": f"passport {src.number} vs {number} ({src.country}): one digit "
                        f"apart, different holders in networks {a_net.id} and {b_net.id}",
                    }
                )
            else:
                src = a.accounts[0] if a.accounts else self._add_account(a, a.residence)
                value = ids.near_iban(rng, src.value, self._used["iban"])
                acct = self._add_account(b, src.country, value)
                a_net.pending.append(("bank", {"p": a, "acct": src}))
                b_net.pending.append(("bank", {"p": b, "acct": acct}))
                self.distractors.append(
                    {
                        "a": src.id,
                        "b": acct.id,
                        "kind": kind,
                        "why": f"IBAN {src.value} vs {value}: same bank, account number one digit "
                        f"apart (both valid), networks {a_net.id} and {b_net.id}",
                    }
                )
