"""Text building with exact offsets: templates, slot writers, links.

Texts are never searched after the fact. A :class:`TextBuilder` appends pieces
and records each entity mention's ``[start, end)`` as it writes it; a template
is a pre-compiled list of literal / slot / gender-agreement operations.

Template syntax::

    {p}            write slot "p" (entity, list of entities, or localisable value)
    {dest|to}      ... with a modifier (locations: to/in/from/the; French persons: de;
                   descriptions: a/un/le/du/el/del)
    {?p:he|she}    masculine or feminine text depending on slot "p"

A sentence records which entities it mentioned; a fact's link is emitted only if
both ends were mentioned in that sentence, with the sentence as evidence span.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from dataclasses import dataclass, field
from typing import Any

from . import identifiers as ids
from .data_places import ARABIC_NCB_COUNTRIES, COUNTRIES, Ncb
from .entities import (
    Address,
    BankAccount,
    CryptoWallet,
    Email,
    IdentityDocument,
    Location,
    Organization,
    Person,
    Phone,
    Vehicle,
    Vessel,
)
from .lang import Lang
from .names import LAYOUTS, Spelling, short_form_clashes

LIT, SLOT, GENDER = 0, 1, 2
_TOKEN = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True, slots=True)
class Template:
    """A compiled template: operations and the slot names it needs."""

    text: str
    ops: tuple[tuple[Any, ...], ...]
    slots: frozenset[str]


def compile_template(text: str) -> Template:
    ops: list[tuple[Any, ...]] = []
    slots: set[str] = set()
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            ops.append((LIT, text[pos : m.start()]))
        body = m.group(1)
        if body.startswith("?"):
            name, _, alts = body[1:].partition(":")
            masc, _, fem = alts.partition("|")
            ops.append((GENDER, name, masc, fem))
        else:
            name, _, mod = body.partition("|")
            ops.append((SLOT, name, mod))
        slots.add(name)
        pos = m.end()
    if pos < len(text):
        ops.append((LIT, text[pos:]))
    return Template(text, tuple(ops), frozenset(slots))


# ------------------------------------------------------------------ values


@dataclass(frozen=True, slots=True)
class Money:
    amount: int
    currency: str


@dataclass(frozen=True, slots=True)
class Day:
    date: dt.date


@dataclass(frozen=True, slots=True)
class Count:
    n: int


@dataclass(frozen=True, slots=True)
class DocDesc:
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class VehDesc:
    make: str
    kind: str
    colour: str


@dataclass(frozen=True, slots=True)
class Term:
    """A localised word: group in ("vessel_kind", "org_kind", "job", "wallet")."""

    group: str
    key: str
    gender: str = "m"


@dataclass(frozen=True, slots=True)
class Imo:
    """The IMO-number mention of a vessel (the vessel's name is the other mention)."""

    vessel: Vessel


@dataclass(slots=True)
class Fact:
    """Something the text asserts: slot values and the links the sentence evidences.

    ``links`` holds (TYPE, source slot, target slot) or ("ROUTE_CHAIN", slot names):
    ROUTE legs between consecutive mentioned locations of those slots.
    """

    kind: str
    slots: dict[str, Any]
    links: tuple[tuple[Any, ...], ...] = ()
    props: dict[str, Any] | None = None


# ------------------------------------------------------------------ builder


class TextBuilder:
    """Appends text and records mentions and links with exact offsets."""

    __slots__ = ("attributes", "links", "mentions", "parts", "pos")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[tuple[int, int, str, Any, str]] = []
        self.links: list[tuple[str, str, str, int, int, dict[str, Any] | None]] = []
        #: (start, end, entity id, properties): what a descriptor states about a person.
        self.attributes: list[tuple[int, int, str, dict[str, str]]] = []

    def add(self, s: str) -> None:
        if s:
            if s[0] == "." and self.parts and self.parts[-1].endswith("."):
                s = s[1:]  # "... Co." + "." -> one full stop
                if not s:
                    return
            self.parts.append(s)
            self.pos += len(s)

    def mention(self, s: str, entity: Any, variant: str) -> None:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        self.mentions.append((start, self.pos, s, entity, variant))

    def state(self, s: str, person: Any) -> None:
        """Append a person's descriptor and record what it states (nationality, birth date)."""
        start = self.pos
        self.add(s)
        props = {"nationality": person.nationality, "birth_date": person.birth_date}
        self.attributes.append((start, self.pos, person.id, props))

    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """The piece introducing a person ("(born 02/05/1984, Libyan national)"): a statement, not a mention."""

    person: Any


@dataclass(slots=True)
class PersonState:
    spelling: Spelling
    introduced: bool = False
    script: str = "latin"
    layout: str = "surname_upper"
    no_middle: bool = False
    one_surname: bool = False


_TRANSLIT_P = {"en": 0.35, "fr": 0.4, "es": 0.35, "ar": 0.3, "table": 0.25}
Piece = tuple[str, Any, str]


@dataclass(slots=True)
class DocContext:
    """Per-document rendering state (language, writer's NCB, people already named)."""

    lang: Lang
    ncb: Ncb
    rng: random.Random
    locs: dict[str, Location]
    b: TextBuilder = field(default_factory=TextBuilder)
    people: dict[str, PersonState] = field(default_factory=dict)
    #: The people named so far, in order (their short forms must not clash).
    named: dict[str, Person] = field(default_factory=dict)
    sent: set[str] = field(default_factory=set)

    # -------------------------------------------------------------- sentences
    def sentence(self, tpl: Template, fact: Fact) -> tuple[int, int]:
        """Render one template for ``fact``; emit the links it evidences."""
        b = self.b
        start = b.pos
        self.sent = set()
        slots = fact.slots
        for op in tpl.ops:
            if op[0] == LIT:
                b.add(op[1])
            elif op[0] == SLOT:
                self.write(slots[op[1]], op[2])
            else:
                b.add(op[2] if _gender(slots[op[1]], self.lang) == "m" else op[3])
        end = b.pos
        self._links(fact, start, end)
        return start, end

    def _links(self, fact: Fact, start: int, end: int) -> None:
        seen = self.sent
        for link in fact.links:
            if link[0] == "ROUTE_CHAIN":
                chain: list[Location] = []
                for name in link[1]:
                    for loc in _as_list(fact.slots.get(name)):
                        if loc.id in seen and (not chain or chain[-1] is not loc):
                            chain.append(loc)
                for a, c in itertools.pairwise(chain):
                    self.b.links.append(("ROUTE", a.id, c.id, start, end, None))
                continue
            ltype, s, t = link
            for src in _as_list(fact.slots.get(s)):
                if src.id not in seen:
                    continue
                for tgt in _as_list(fact.slots.get(t)):
                    if tgt.id in seen and tgt is not src:
                        self.b.links.append((ltype, src.id, tgt.id, start, end, fact.props))

    # -------------------------------------------------------------- writing values
    def write(self, value: Any, mod: str = "") -> None:
        if isinstance(value, list):
            self._write_list(value, mod)
            return
        if isinstance(value, str):
            self.b.add(value)
            return
        writer = _WRITERS.get(type(value))
        if writer is None:
            raise TypeError(f"cannot render {type(value).__name__}")
        self.emit(writer(self, value, mod))

    def emit(self, pieces: list[Piece]) -> None:
        b = self.b
        if self.lang.code == "es" and pieces and b.parts and b.parts[-1].endswith(" y "):
            head = _lead(pieces).lower()
            if head.startswith("i") or (head.startswith("hi") and head[2:3] not in "aeiou"):
                b.parts[-1] = b.parts[-1][:-2] + "e "
        for text, ent, variant in pieces:
            if ent is None:
                b.add(text)
            elif isinstance(ent, Descriptor):
                b.state(text, ent.person)
            else:
                b.mention(text, ent, variant)
                self.sent.add(ent.id)

    def _write_list(self, items: list[Any], mod: str) -> None:
        """Persons: "A, B and C" (no comma-inside names); locations: a route "A – B – C"."""
        n = len(items)
        code = self.lang.code
        route = bool(items) and isinstance(items[0], Location)
        for i, item in enumerate(items):
            writer = _WRITERS[type(item)]
            pieces = writer(self, item, "list" if isinstance(item, Person) else mod)
            if i > 0:
                if route:
                    self.b.add(" – " if code != "ar" else " - ")
                elif i < n - 1:
                    self.b.add("، " if code == "ar" else ", ")
                elif code == "ar":
                    first = _lead(pieces)[:1]
                    self.b.add(" و" if "\u0600" <= first <= "\u06ff" else " و ")
                else:
                    self.b.add(f" {self.lang.conjunction} ")
            self.emit(pieces)

    # -------------------------------------------------------------- people
    def state(self, p: Person) -> PersonState:
        st = self.people.get(p.id)
        if st is None:
            sp = p.name.choose_spelling(self.rng, _TRANSLIT_P.get(self.lang.code, 0.3))
            st = PersonState(sp)
            self.people[p.id] = st
            self.named[p.id] = p
        return st

    def ambiguous(self, p: Person, *, initial: bool) -> bool:
        """Whether ``p``'s surname alone (or initial and surname) could mean another person named here."""
        return any(
            short_form_clashes(p.name, q.name, initial=initial)
            for q in self.named.values()
            if q.id != p.id
        )


def _lead(pieces: list[Piece]) -> str:
    """Text of the first non-empty piece (prepositions may come first, empty)."""
    for text, _, _ in pieces:
        if text:
            return text
    return ""


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    if isinstance(v, list):
        return v
    if isinstance(v, Imo):
        return [v.vessel]
    return [v] if hasattr(v, "id") else []


def _gender(value: Any, lang: Lang) -> str:
    if isinstance(value, Person):
        return value.gender
    if isinstance(value, DocDesc):
        return lang.doc_gender(value.kind)
    if isinstance(value, Term):
        return value.gender
    return "m"


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    r = rng.random() * sum(w for _, w in options)
    for name, w in options:
        r -= w
        if r <= 0:
            return name
    return options[-1][0]


# ------------------------------------------------------------------ entity writers


def person_pieces(ctx: DocContext, p: Person, mod: str) -> list[Piece]:
    """The written form of a person at this point of the document."""
    st = ctx.state(p)
    rng = ctx.rng
    code = ctx.lang.code
    name = p.name
    pieces: list[Piece] = []
    if not st.introduced:
        st.introduced = True
        parenthesis = False
        if code == "ar" and name.has_arabic and rng.random() < 0.8:
            st.script = "arabic"
            text, var = name.arabic(st.spelling, short=rng.random() < 0.3)
            pieces.append((text, p, var))
            if rng.random() < 0.35:
                lt, lv = name.latin(st.spelling, rng.choice(("surname_upper", "full", "all_upper")))
                pieces += [(" (", None, ""), (lt, p, lv), (")", None, "")]
                parenthesis = True
        else:
            st.layout = _weighted(rng, LAYOUTS[code])
            if mod == "list" and st.layout == "surname_first_comma":
                st.layout = "surname_first_upper"
            if st.layout == "initial" and ctx.ambiguous(p, initial=True):
                st.layout = "surname_upper"  # a newcomer is not introduced by another's initials
            st.no_middle = len(name.given) > name.n_personal and rng.random() < 0.4
            st.one_surname = len(name.surnames) > 1 and rng.random() < 0.35
            text, var = name.latin(st.spelling, st.layout, st.no_middle, st.one_surname)
            pieces.append((text, p, var))
            if (
                code == "en"
                and name.has_arabic
                and ctx.ncb.country in ARABIC_NCB_COUNTRIES
                and rng.random() < 0.35
            ):
                at, av = name.arabic(st.spelling)
                pieces += [(" (", None, ""), (at, p, av), (")", None, "")]
                parenthesis = True
        p_desc = 0.25 if p.role in ("victim", "migrant") else 0.35
        if not parenthesis and mod != "list" and rng.random() < p_desc:
            pieces.append((ctx.lang.descriptor(p, rng), Descriptor(p), ""))
            parenthesis = True
        if p.aliases and rng.random() < 0.45:
            latin, arabic = p.aliases[0]
            forms = ctx.lang.alias_forms(p.gender)
            if parenthesis:  # no second parenthesis right after the first
                forms = [f for f in forms if not f[0].startswith(" (")] or forms
            pre, post = rng.choice(forms)
            if code == "ar" and arabic:
                pieces += [(pre, None, ""), (arabic, p, "alias_arabic"), (post, None, "")]
            else:
                pieces += [(pre, None, ""), (latin, p, "alias"), (post, None, "")]
    elif st.script == "arabic":
        if rng.random() < 0.5 and not ctx.ambiguous(p, initial=False):
            text, var = name.arabic_surname(st.spelling)
        else:
            text, var = name.arabic(st.spelling, short=True)
        pieces.append((text, p, var))
    elif name.surname_first:
        text, var = name.latin(st.spelling, st.layout)
        pieces.append((text, p, var))
    else:
        r = rng.random()
        layout = st.layout
        if mod == "list" and layout == "surname_first_comma":
            layout = "surname_first_upper"
        if r < 0.6 and not ctx.ambiguous(p, initial=False):
            text, var = name.latin(st.spelling, "surname_only", False, st.one_surname)
        elif r < 0.85 or ctx.ambiguous(p, initial=True):
            text, var = name.latin(st.spelling, layout, st.no_middle, st.one_surname)
        else:
            text, var = name.latin(st.spelling, "initial")
        pieces.append((text, p, var))
    if mod == "de":
        first = _lead(pieces)[:1].lower()
        pieces.insert(0, ("d'" if first in "aeiouyéèêâîôû" else "de ", None, ""))
    return pieces


def location_pieces(ctx: DocContext, loc: Location, mod: str) -> list[Piece]:
    prefix, name = ctx.lang.loc_parts(loc, mod)
    return [(prefix, None, ""), (name, loc, f"name_{ctx.lang.code}")]


def phone_pieces(ctx: DocContext, ph: Phone, mod: str) -> list[Piece]:
    text, kind = ids.pick_phone_form(ctx.rng, ph.value, ph.country, ctx.ncb.country, ctx.lang.code)
    return [(text, ph, kind)]


def document_pieces(ctx: DocContext, doc: IdentityDocument, mod: str) -> list[Piece]:
    forms = ids.document_forms(doc.number, doc.kind, doc.country)
    kind = ctx.rng.choice(list(forms))
    return [(forms[kind], doc, kind)]


def account_pieces(ctx: DocContext, acct: BankAccount, mod: str) -> list[Piece]:
    forms = ids.iban_forms(acct.value)
    kind = "grouped" if ctx.rng.random() < 0.55 else "compact"
    return [(forms[kind], acct, kind)]


def vehicle_pieces(ctx: DocContext, veh: Vehicle, mod: str) -> list[Piece]:
    forms = ids.plate_forms(veh.plate)
    r = ctx.rng.random()
    kind = (
        "as_registered"
        if r < 0.45
        else "spaced"
        if r < 0.6
        else "dashed"
        if r < 0.75
        else "compact"
    )
    return [(forms[kind], veh, kind)]


def vessel_pieces(ctx: DocContext, vs: Vessel, mod: str) -> list[Piece]:
    if ctx.rng.random() < 0.75:
        return [(vs.name, vs, "name")]
    return [(vs.name.title(), vs, "name_title")]


def imo_pieces(ctx: DocContext, imo: Imo, mod: str) -> list[Piece]:
    r = ctx.rng.random()
    if r < 0.6:
        return [(f"IMO {imo.vessel.imo}", imo.vessel, "imo_spaced")]
    if r < 0.85:
        return [(f"IMO{imo.vessel.imo}", imo.vessel, "imo_compact")]
    return [(ctx.lang.imo_label, None, ""), (imo.vessel.imo, imo.vessel, "imo_number")]


def email_pieces(ctx: DocContext, em: Email, mod: str) -> list[Piece]:
    forms = ids.email_forms(em.value)
    kind = "capitalised" if ctx.rng.random() < 0.15 else "lower"
    return [(forms[kind], em, kind)]


def wallet_pieces(ctx: DocContext, w: CryptoWallet, mod: str) -> list[Piece]:
    return [(w.value, w, "as_written")]


def address_pieces(ctx: DocContext, a: Address, mod: str) -> list[Piece]:
    if ctx.lang.code == "ar" and a.arabic and ctx.rng.random() < 0.85:
        return [(a.arabic, a, "arabic_script")]
    return [(a.latin, a, "latin")]


def org_pieces(ctx: DocContext, o: Organization, mod: str) -> list[Piece]:
    rng = ctx.rng
    if ctx.lang.code == "ar" and o.arabic and rng.random() < 0.8:
        return [(o.arabic, o, "arabic_script")]
    r = rng.random()
    if r < 0.5 or not o.suffix:
        return [(o.name, o, "full")]
    if r < 0.8:
        return [(o.base, o, "without_legal_form")]
    return [(o.name.upper(), o, "upper")]


def _money(ctx: DocContext, v: Money, mod: str) -> list[Piece]:
    return [(ctx.lang.money(v.amount, v.currency, ctx.rng), None, "")]


def _day(ctx: DocContext, v: Day, mod: str) -> list[Piece]:
    return [(ctx.lang.date_text(v.date, ctx.rng, ctx.ncb.levantine), None, "")]


def _count(ctx: DocContext, v: Count, mod: str) -> list[Piece]:
    return [(ctx.lang.number(v.n), None, "")]


def _docdesc(ctx: DocContext, v: DocDesc, mod: str) -> list[Piece]:
    c = COUNTRIES[v.country]
    return [(ctx.lang.doc_desc(v.kind, c, mod), None, "")]


def _vehdesc(ctx: DocContext, v: VehDesc, mod: str) -> list[Piece]:
    return [(ctx.lang.vehicle_desc(v.make, v.kind, v.colour, mod), None, "")]


def _term(ctx: DocContext, v: Term, mod: str) -> list[Piece]:
    return [(ctx.lang.term(v.group, v.key, v.gender, mod), None, "")]


_WRITERS: dict[type, Any] = {
    Person: person_pieces,
    Location: location_pieces,
    Phone: phone_pieces,
    IdentityDocument: document_pieces,
    BankAccount: account_pieces,
    Vehicle: vehicle_pieces,
    Vessel: vessel_pieces,
    Imo: imo_pieces,
    Email: email_pieces,
    CryptoWallet: wallet_pieces,
    Address: address_pieces,
    Organization: org_pieces,
    Money: _money,
    Day: _day,
    Count: _count,
    DocDesc: _docdesc,
    VehDesc: _vehdesc,
    Term: _term,
}
