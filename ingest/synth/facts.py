"""Facts: what a report says about a network, before it is put into words.

Each builder draws participants from the network (preferring the report's
*focus* group so that one message keeps talking about the same few people) and
returns a :class:`~render.Fact` with its slots and the links a sentence
expressing it evidences. Builders return ``None`` when the network lacks what
the fact needs (no vessel, no forger...), and the caller picks another kind.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .data_misc import AMOUNTS
from .entities import Location, Network, Person
from .render import Count, Day, DocDesc, Fact, Imo, Money, Term, VehDesc
from .world import World

JOBS = ("hairdresser", "domestic", "waiter", "shop", "nanny", "farm")


@dataclass(slots=True)
class FactContext:
    """Inputs shared by the builders of one report."""

    world: World
    net: Network
    rng: random.Random
    date: dt.date
    focus: list[Person]
    params: dict[str, Any] = field(default_factory=dict)

    # ---------------------------------------------------------- pickers
    def members(self) -> list[Person]:
        return self.net.members + self.net.associates

    def member(
        self, pred: Callable[[Person], bool] | None = None, roles: tuple[str, ...] = ()
    ) -> Person | None:
        """A member satisfying ``pred``/``roles``, from the focus group when possible."""

        def ok(p: Person) -> bool:
            return (not roles or p.role in roles) and (pred is None or pred(p))

        cands = [p for p in self.focus if ok(p)]
        if not cands or self.rng.random() < 0.2:
            cands = [p for p in self.members() if ok(p)] or cands
        return self.rng.choice(cands) if cands else None

    def other(self, p: Person | None, roles: tuple[str, ...] = ()) -> Person | None:
        return self.member(lambda q: q is not p, roles)

    def victim(self, pred: Callable[[Person], bool] | None = None) -> Person | None:
        cands = [v for v in self.net.victims if pred is None or pred(v)]
        return self.rng.choice(cands) if cands else None

    def victims(self, k: int) -> list[Person]:
        pool = self.net.victims
        return self.rng.sample(pool, min(k, len(pool)))

    def money(self) -> Money:
        cur = self.rng.choice(self.net.route.currencies)
        lo, hi, step = AMOUNTS[cur]
        return Money(self.rng.randrange(lo, hi, step), cur)

    def past(self, lo: int = 3, hi: int = 200) -> Day:
        return Day(self.date - dt.timedelta(days=self.rng.randint(lo, hi)))

    def stop(self, where: str = "any") -> Location:
        stops = self.net.stops
        if where == "origin":
            return stops[0]
        if where == "destination":
            return stops[-1]
        return self.rng.choice(stops)

    def route_segment(self, n: int) -> list[Location]:
        stops = self.net.stops
        n = min(n, len(stops))
        start = self.rng.randint(0, len(stops) - n)
        return stops[start : start + n]

    def given(self, key: str, default: Any) -> Any:
        """A participant imposed by a pending (bridge/distractor) fact, else ``default``."""
        return self.params.get(key, default)


# ------------------------------------------------------------------ builders
def _phone(c: FactContext) -> Fact | None:
    p = c.given("p", None) or c.member(lambda q: bool(q.phones))
    if p is None or not p.phones:
        return None
    ph = c.given("ph", None) or c.rng.choice(p.phones)
    return Fact("phone", {"p": p, "ph": ph, "date": c.past(30, 400)}, (("USES", "p", "ph"),))


def _phone_contact(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.phones))
    p2 = c.other(p)
    if p is None or p2 is None:
        return None
    return Fact(
        "phone_contact",
        {"p": p, "p2": p2, "ph": c.rng.choice(p.phones), "n": Count(c.rng.randint(15, 300))},
        (("USES", "p", "ph"), ("ASSOCIATED_WITH", "p2", "p")),
    )


def _id_doc(c: FactContext) -> Fact | None:
    p = c.given("p", None) or c.member(lambda q: bool(q.documents))
    if p is None or not p.documents:
        return None
    doc = c.given("doc", None) or c.rng.choice(p.documents)
    return Fact(
        "id_doc",
        {
            "p": p,
            "doc": doc,
            "dd": DocDesc(doc.kind, doc.country),
            "issuer": c.world.country_loc(doc.country),
        },
        (("HOLDS", "p", "doc"),),
    )


def _forged_doc(c: FactContext) -> Fact | None:
    f = c.member(roles=("document_forger",))
    p = c.member(lambda q: bool(q.documents) and q is not f)
    if f is None or p is None:
        return None
    doc = c.rng.choice(p.documents)
    return Fact(
        "forged_doc",
        {"f": f, "p": p, "doc": doc, "dd": DocDesc(doc.kind, doc.country)},
        (("HOLDS", "p", "doc"), ("ASSOCIATED_WITH", "f", "doc")),
    )


def _bank(c: FactContext) -> Fact | None:
    p = c.given("p", None) or c.member(lambda q: bool(q.accounts))
    if p is None:
        return None
    acct = c.given("acct", None) or (c.rng.choice(p.accounts) if p.accounts else None)
    if acct is None:
        return None
    return Fact("bank", {"p": p, "acct": acct}, (("HOLDS", "p", "acct"),))


def _transfer_iban(c: FactContext) -> Fact | None:
    acct = c.given("acct", None)
    payer = c.given("p", None)
    holder = None
    if acct is None:
        holder = c.member(lambda q: bool(q.accounts))
        if holder is None:
            return None
        acct = c.rng.choice(holder.accounts)
        payer = c.victim() if c.rng.random() < 0.5 else c.other(holder)
    if payer is None:
        return None
    amt = c.money()
    day = c.past()
    slots: dict[str, Any] = {"p": payer, "acct": acct, "amt": amt, "date": day}
    if holder is not None:
        slots["p2"] = holder
    return Fact(
        "transfer_iban",
        slots,
        (("PAID", "p", "acct"), ("HOLDS", "p2", "acct")),
        {"amount": amt.amount, "currency": amt.currency, "date": day.date.isoformat()},
    )


def _hawala(c: FactContext) -> Fact | None:
    p2 = c.member(roles=("money_collector", "organiser"))
    p = c.victim() or c.other(p2)
    if p2 is None or p is None:
        return None
    amt = c.money()
    return Fact(
        "hawala",
        {"p": p, "p2": p2, "amt": amt, "loc": p2.city},
        (("PAID", "p", "p2"), ("LOCATED_AT", "p2", "loc")),
        {"amount": amt.amount, "currency": amt.currency},
    )


def _payment(c: FactContext) -> Fact | None:
    m = c.victim()
    p = c.member(roles=("money_collector", "organiser", "recruiter", "facilitator"))
    if m is None or p is None:
        return None
    amt = c.money()
    return Fact(
        "payment",
        {"m": m, "p": p, "amt": amt},
        (("PAID", "m", "p"),),
        {"amount": amt.amount, "currency": amt.currency},
    )


def _vehicle(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.vehicles))
    if p is None:
        return None
    veh = c.rng.choice(p.vehicles)
    where = [s for s in c.net.stops if s.country == veh.country] or [p.city]
    return Fact(
        "vehicle",
        {
            "p": p,
            "veh": veh,
            "vd": VehDesc(veh.make, veh.kind, veh.colour),
            "loc": c.rng.choice(where),
            "date": c.past(5, 120),
        },
        (("USES", "p", "veh"), ("LOCATED_AT", "veh", "loc")),
    )


def _vehicle_transport(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.vehicles), roles=("driver",))
    ms = c.victims(c.rng.randint(2, 3))
    if p is None or len(ms) < 2:
        return None
    veh = c.rng.choice(p.vehicles)
    return Fact(
        "vehicle_transport",
        {
            "p": p,
            "veh": veh,
            "ms": ms,
            "date": c.past(),
            "vd": VehDesc(veh.make, veh.kind, veh.colour),
        },
        (("TRANSPORTED", "p", "ms"), ("TRANSPORTED", "veh", "ms"), ("USES", "p", "veh")),
    )


def _vessel(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.vessels))
    if p is None:
        return None
    vs = c.rng.choice(p.vessels)
    dep = c.world.place(c.net.route.sea_leg[0]) if c.net.route.sea_leg else p.city
    return Fact(
        "vessel",
        {
            "p": p,
            "vs": vs,
            "imo": Imo(vs),
            "flag": vs.flag,
            "loc": dep,
            "vk": Term("vessel_kind", vs.kind),
        },
        (("USES", "p", "vs"), ("LOCATED_AT", "vs", "loc")),
    )


def _sea_crossing(c: FactContext) -> Fact | None:
    leg = c.net.route.sea_leg
    if not leg:
        return None
    p = c.member(roles=("boat_captain",))
    if p is None:
        return None
    slots: dict[str, Any] = {
        "p": p,
        "orig": c.world.place(leg[0]),
        "dest": c.world.place(leg[1]),
        "n": Count(c.rng.randint(25, 420)),
        "date": c.past(),
        "ms": c.victims(c.rng.randint(2, 3)),
    }
    if p.vessels:
        vs = c.rng.choice(p.vessels)
        slots.update(vs=vs, imo=Imo(vs), vk=Term("vessel_kind", vs.kind))
    if len(slots["ms"]) < 2:
        del slots["ms"]
    return Fact(
        "sea_crossing",
        slots,
        (
            ("TRANSPORTED", "p", "ms"),
            ("TRAVELLED_TO", "p", "dest"),
            ("TRAVELLED_TO", "vs", "dest"),
            ("ROUTE_CHAIN", ("orig", "dest")),
        ),
    )


def _email(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.emails))
    if p is None:
        return None
    return Fact("email", {"p": p, "em": c.rng.choice(p.emails)}, (("USES", "p", "em"),))


def _wallet(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.wallets))
    if p is None:
        return None
    w = c.rng.choice(p.wallets)
    return Fact("wallet", {"p": p, "w": w, "wc": Term("wallet", w.currency)}, (("USES", "p", "w"),))


def _address(c: FactContext) -> Fact | None:
    p = c.member(lambda q: q.address is not None)
    if p is None:
        return None
    return Fact("address", {"p": p, "addr": p.address}, (("LOCATED_AT", "p", "addr"),))


def _org(c: FactContext, pred: Callable[[Any], bool]) -> Any:
    cands = [o for o in c.net.orgs if pred(o)]
    return c.rng.choice(cands) if cands else None


def _person_by_id(c: FactContext, pid: str) -> Person | None:
    for p in c.members():
        if p.id == pid:
            return p
    return None


def _company(c: FactContext) -> Fact | None:
    org = _org(c, lambda o: bool(o.director))
    if org is None:
        return None
    p = _person_by_id(c, org.director)
    if p is None:
        return None
    return Fact(
        "company",
        {"p": p, "org": org, "ok": Term("org_kind", org.kind), "loc": org.city},
        (("DIRECTS", "p", "org"), ("LOCATED_AT", "org", "loc")),
    )


def _company_address(c: FactContext) -> Fact | None:
    org = _org(c, lambda o: o.address is not None)
    if org is None:
        return None
    return Fact(
        "company_address",
        {"org": org, "addr": org.address, "date": c.past()},
        (("LOCATED_AT", "org", "addr"),),
    )


def _company_employee(c: FactContext) -> Fact | None:
    org = _org(c, lambda o: bool(o.employees))
    if org is None:
        return None
    p = _person_by_id(c, c.rng.choice(org.employees))
    if p is None:
        return None
    return Fact("company_employee", {"p": p, "org": org}, (("MEMBER_OF", "p", "org"),))


def _company_vehicle(c: FactContext) -> Fact | None:
    org = _org(c, lambda o: bool(o.vehicles))
    if org is None:
        return None
    veh = c.rng.choice(org.vehicles)
    return Fact(
        "company_vehicle",
        {"org": org, "veh": veh, "vd": VehDesc(veh.make, veh.kind, veh.colour)},
        (("OWNS", "org", "veh"),),
    )


def _company_account(c: FactContext) -> Fact | None:
    org = _org(c, lambda o: bool(o.accounts))
    if org is None:
        return None
    return Fact(
        "company_account",
        {"org": org, "acct": c.rng.choice(org.accounts)},
        (("OWNS", "org", "acct"),),
    )


def _recruited(c: FactContext) -> Fact | None:
    v = c.victim()
    p = c.member(roles=("recruiter", "madam"))
    if v is None or p is None:
        return None
    return Fact(
        "recruited",
        {"v": v, "p": p, "loc": c.stop("origin"), "job": Term("job", c.rng.choice(JOBS), v.gender)},
        (("RECRUITED", "p", "v"), ("LOCATED_AT", "v", "loc")),
    )


def _exploited(c: FactContext) -> Fact | None:
    kind = c.net.route.exploitation or "labour"
    v = c.victim()
    roles = (
        ("madam", "organiser")
        if kind == "sexual"
        else ("organiser", "facilitator", "money_collector")
    )
    p = c.member(roles=roles)
    if v is None or p is None:
        return None
    loc = c.stop("destination") if kind != "ransom" else c.rng.choice(c.net.stops[-2:])
    return Fact(
        f"exploited_{kind}",
        {"v": v, "p": p, "loc": loc},
        (("EXPLOITED", "p", "v"), ("LOCATED_AT", "v", "loc")),
    )


def _debt(c: FactContext) -> Fact | None:
    v = c.victim()
    p = c.member(roles=("madam", "organiser", "recruiter"))
    if v is None or p is None:
        return None
    amt = c.money()
    return Fact(
        "debt",
        {"v": v, "p": p, "amt": amt},
        (("EXPLOITED", "p", "v"),),
        {"amount": amt.amount, "currency": amt.currency},
    )


def _juju(c: FactContext) -> Fact | None:
    if not c.net.route.key.startswith("nigeria"):
        return None
    v = c.victim()
    p = c.member(roles=("madam", "recruiter"))
    if v is None or p is None:
        return None
    return Fact("juju", {"v": v, "p": p}, (("EXPLOITED", "p", "v"),))


def _journey(c: FactContext) -> Fact | None:
    p = c.victim() if c.rng.random() < 0.7 else c.member()
    if p is None:
        return None
    seg = c.route_segment(c.rng.randint(3, 5))
    if len(seg) < 3:
        return None
    return Fact(
        "journey",
        {"p": p, "orig": seg[0], "via": seg[1], "dest": seg[-1], "route": seg, "date": c.past()},
        # the route's own order: orig, via and dest are stops of it, wherever the text names them
        (("TRAVELLED_TO", "p", "dest"), ("ROUTE_CHAIN", ("route",))),
    )


def _route(c: FactContext) -> Fact | None:
    seg = c.route_segment(c.rng.randint(3, 5))
    return Fact("route", {"route": seg}, (("ROUTE_CHAIN", ("route",)),))


def _travelled_with(c: FactContext) -> Fact | None:
    pair = c.victims(2)
    if len(pair) < 2:
        return None
    seg = c.route_segment(2)
    return Fact(
        "travelled_with",
        {
            "p": pair[0],
            "p2": pair[1],
            "orig": seg[0],
            "dest": seg[-1],
            "loc": c.stop(),
            "date": c.past(),
        },
        (
            ("TRAVELLED_WITH", "p", "p2"),
            ("TRAVELLED_TO", "p", "dest"),
            ("TRAVELLED_TO", "p2", "dest"),
            ("LOCATED_AT", "p", "loc"),
            ("LOCATED_AT", "p2", "loc"),
            ("ROUTE_CHAIN", ("orig", "dest")),
        ),
    )


def _arrest(c: FactContext) -> Fact | None:
    p = c.given("p", None) or c.member()
    if p is None:
        return None
    loc = p.city if c.rng.random() < 0.6 else c.stop()
    return Fact(
        "arrest",
        {"p": p, "loc": loc, "date": c.past(2, 90), "n": Count(c.rng.randint(3, 40))},
        (("LOCATED_AT", "p", "loc"),),
    )


def _seizure(c: FactContext) -> Fact | None:
    p = c.member(lambda q: bool(q.phones))
    if p is None:
        return None
    return Fact(
        "seizure",
        {"p": p, "ph": c.rng.choice(p.phones), "loc": p.city},
        (("USES", "p", "ph"), ("LOCATED_AT", "p", "loc")),
    )


def _associate(c: FactContext) -> Fact | None:
    p = c.given("p", None) or c.member()
    p2 = c.given("p2", None) or c.other(p)
    if p is None or p2 is None:
        return None
    return Fact("associate", {"p": p, "p2": p2}, (("ASSOCIATED_WITH", "p", "p2"),))


def _organiser(c: FactContext) -> Fact | None:
    p = c.member(roles=("organiser",))
    if p is None:
        return None
    return Fact("organiser", {"p": p, "loc": p.city}, (("LOCATED_AT", "p", "loc"),))


def _transported(c: FactContext) -> Fact | None:
    p = c.member(roles=("driver", "boat_captain", "facilitator"))
    ms = c.victims(c.rng.randint(2, 4))
    if p is None or len(ms) < 2:
        return None
    seg = c.route_segment(2)
    return Fact(
        "transported",
        {"p": p, "ms": ms, "orig": seg[0], "dest": seg[-1]},
        (
            ("TRANSPORTED", "p", "ms"),
            ("TRAVELLED_TO", "ms", "dest"),
            ("ROUTE_CHAIN", ("orig", "dest")),
        ),
    )


#: kind -> (builder, weight when trafficking, smuggling, other)
BUILDERS: dict[str, tuple[Callable[[FactContext], Fact | None], tuple[float, float, float]]] = {
    "phone": (_phone, (10, 10, 6)),
    "phone_contact": (_phone_contact, (3, 3, 2)),
    "id_doc": (_id_doc, (5, 5, 10)),
    "forged_doc": (_forged_doc, (1, 2, 9)),
    "bank": (_bank, (3, 3, 8)),
    "transfer_iban": (_transfer_iban, (2, 2, 8)),
    "hawala": (_hawala, (2, 4, 5)),
    "payment": (_payment, (3, 7, 2)),
    "vehicle": (_vehicle, (3, 4, 2)),
    "vehicle_transport": (_vehicle_transport, (2, 5, 0)),
    "vessel": (_vessel, (0, 4, 1)),
    "sea_crossing": (_sea_crossing, (0, 6, 0)),
    "email": (_email, (2, 2, 3)),
    "wallet": (_wallet, (1, 1, 4)),
    "address": (_address, (4, 3, 4)),
    "company": (_company, (3, 2, 6)),
    "company_address": (_company_address, (1, 1, 3)),
    "company_employee": (_company_employee, (1, 1, 2)),
    "company_vehicle": (_company_vehicle, (1, 1, 1)),
    "company_account": (_company_account, (1, 1, 4)),
    "recruited": (_recruited, (7, 1, 0)),
    "exploited": (_exploited, (7, 0, 0)),
    "debt": (_debt, (4, 0, 0)),
    "juju": (_juju, (3, 0, 0)),
    "journey": (_journey, (3, 6, 1)),
    "route": (_route, (1, 2, 0)),
    "travelled_with": (_travelled_with, (2, 3, 0)),
    "arrest": (_arrest, (5, 6, 4)),
    "seizure": (_seizure, (2, 2, 2)),
    "associate": (_associate, (4, 4, 4)),
    "organiser": (_organiser, (2, 2, 1)),
    "transported": (_transported, (1, 4, 0)),
}
_CAT_INDEX = {"trafficking": 0, "smuggling": 1, "other": 2}


def build(kind: str, ctx: FactContext) -> Fact | None:
    """Build one fact of ``kind`` (with pending-fact parameters in ``ctx.params``)."""
    return BUILDERS[kind][0](ctx)


def kind_weights(category: str, available: set[str]) -> tuple[tuple[str, float], ...]:
    """Fact kinds a report of ``category`` may draw, restricted to what the language has.

    ``exploited`` is available when the language has any ``exploited_*`` templates.
    """
    i = _CAT_INDEX[category]
    out = []
    for kind, (_, weights) in BUILDERS.items():
        probe = "exploited_labour" if kind == "exploited" else kind
        if weights[i] > 0 and probe in available:
            out.append((kind, float(weights[i])))
    return tuple(out)
