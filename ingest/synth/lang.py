"""One object per document language, wrapping its ``phrases_xx`` module.

:class:`Lang` compiles the module's templates once and answers the grammar
questions renderers ask: how to write "in/to/from <place>", a date, an amount,
a nationality, a document or vehicle description.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from . import phrases_ar, phrases_en, phrases_es, phrases_fr
from .data_places import COUNTRIES, Country

if TYPE_CHECKING:
    from .entities import Location, Person
    from .render import Template

LANGUAGES: dict[str, ModuleType] = {
    "en": phrases_en,
    "fr": phrases_fr,
    "es": phrases_es,
    "ar": phrases_ar,
}
#: Spanish articles of the few country names that take one.
_ES_ARTICLE = {"GB": "el", "NL": "los", "KM": "las"}
_IMO_LABEL = {"en": "IMO No. ", "fr": "IMO n° ", "es": "IMO n.º ", "ar": "IMO رقم "}


class Lang:
    """Language-specific wording and grammar for rendering."""

    def __init__(self, module: ModuleType) -> None:
        from .render import compile_template

        m = module
        self.m = m
        self.code: str = m.CODE
        self.labels: dict[str, str] = m.LABELS
        self.handling: dict[str, str] = m.HANDLING
        self.categories: dict[str, list[str]] = m.CATEGORY
        self.operation: str = m.OPERATION
        self.recipient_separator: str = m.RECIPIENT_SEPARATOR
        self.conjunction: str = m.CONJUNCTION
        self.imo_label = _IMO_LABEL[self.code]

        def comp(items: list[str]) -> list[Template]:
            return [compile_template(t) for t in items]

        self.templates: dict[str, list[Template]] = {k: comp(v) for k, v in m.TEMPLATES.items()}
        self.subjects = {k: comp(v) for k, v in m.SUBJECTS.items()}
        self.intros = {k: comp(v) for k, v in m.INTROS.items()}
        self.further = comp(m.FURTHER)
        self.fillers = {k: comp(v) for k, v in m.FILLERS.items()}
        self.request_leads = comp(m.REQUEST_LEADS)
        self.requests = {k: comp(v) for k, v in m.REQUESTS.items()}
        self.closings = comp(m.CLOSINGS)
        self.signatures: list[list[str]] = m.SIGNATURES
        self.annex = compile_template(m.ANNEX)
        self.email_greetings: list[str] = m.EMAIL_GREETINGS
        self.email_openers = comp(m.EMAIL_OPENERS)
        self.email_requests: list[str] = m.EMAIL_REQUESTS
        self.email_signoffs: list[list[str]] = m.EMAIL_SIGNOFFS
        self.email_attachment_note = compile_template(m.EMAIL_ATTACHMENT_NOTE)

    # -------------------------------------------------------------- grammar
    def loc_parts(self, loc: Location, mod: str) -> tuple[str, str]:
        """(preposition/article, name) for a location written with modifier ``mod``."""
        code = self.code
        if code == "fr":
            if mod in ("to", "in"):
                return loc.fr_to
            if mod in ("from", "de"):
                return loc.fr_from
            if mod == "the":
                return loc.fr_plain
            if mod == "of":  # "les autorités de la Tunisie / du Niger / de l'Italie"
                art = loc.fr_plain[0]
                if loc.kind == "country":
                    return {"la ": "de la ", "l'": "de l'", "le ": "du ", "les ": "des "}.get(
                        art, "de "
                    ), loc.names["fr"]
                return loc.fr_from
            return "", loc.names["fr"]
        name = loc.names[code]
        if code == "en":
            the = "the " if loc.en_the else ""
            if mod == "to":
                return "to " + the, name
            if mod == "in":
                return "in " + the, name
            if mod == "from":
                return "from " + the, name
            if mod == "the":
                return the, name
            return "", name
        if code == "es":
            art = _ES_ARTICLE.get(loc.country) if loc.kind == "country" else None
            if mod == "to":
                return ("al " if art == "el" else f"a {art} " if art else "a "), name
            if mod == "in":
                return (f"en {art} " if art else "en "), name
            if mod in ("from", "de"):
                return ("del " if art == "el" else f"de {art} " if art else "de "), name
            if mod == "the":
                return (f"{art} " if art else ""), name
            return "", name
        # Arabic: separate-word prepositions
        if mod == "to":
            return "إلى ", name
        if mod == "in":
            return "في ", name
        if mod == "from":
            return "من ", name
        return "", name

    def date_text(self, d: dt.date, rng: random.Random, levantine: bool = False) -> str:
        return self.m.date_text(d, rng, levantine)

    def date_header(self, d: dt.date, rng: random.Random, levantine: bool = False) -> str:
        return self.m.date_header(d, rng, levantine)

    def money(self, amount: int, currency: str, rng: random.Random) -> str:
        return self.m.money(amount, currency, rng)

    def number(self, n: int) -> str:
        return self.m.number(n)

    def doc_gender(self, kind: str) -> str:
        return self.m.doc_gender(kind) if hasattr(self.m, "doc_gender") else "m"

    def doc_desc(self, kind: str, country: Country, mod: str) -> str:
        if self.code == "en":
            return self.m.doc_desc(kind, country.adj_en, country.adj_en, mod)
        if self.code == "fr":
            return self.m.doc_desc(kind, country.adj_fr_m, country.adj_fr_f, mod)
        if self.code == "es":
            return self.m.doc_desc(kind, country.adj_es_m, country.adj_es_f, mod)
        return self.m.doc_desc(kind, country.adj_ar_m, country.adj_ar_f, mod)

    def vehicle_desc(self, make: str, kind: str, colour: str, mod: str) -> str:
        return self.m.vehicle_desc(make, kind, colour, mod)

    def term(self, group: str, key: str, gender: str, mod: str) -> str:
        if group == "vessel_kind":
            return self.m.VESSEL_KINDS[key]
        if group == "org_kind":
            return self.m.org_kind(key, mod)
        if group == "job":
            return self.m.job(key, gender, mod)
        if group == "wallet":
            if self.code == "ar":
                return "بيتكوين" if key == "BTC" else "USDT (TRC-20)"
            return "bitcoin" if key == "BTC" else "USDT (TRC-20)"
        raise KeyError(group)

    def nationality(self, country: str, gender: str) -> str:
        c = COUNTRIES[country]
        if self.code == "en":
            return c.adj_en
        if self.code == "fr":
            return c.adj_fr_f  # "de nationalité libyenne"
        if self.code == "es":
            return c.adj_es_f  # "de nacionalidad libia"
        return c.adj_ar_m if gender == "m" else c.adj_ar_f

    def descriptor(self, p: Person, rng: random.Random) -> str:
        birth = dt.date.fromisoformat(p.birth_date)
        return self.m.descriptor(p.gender, birth, self.nationality(p.nationality, p.gender), rng)

    def alias_forms(self, gender: str) -> list[tuple[str, str]]:
        return self.m.alias_forms(gender)

    def category_label(self, key: str, rng: random.Random) -> str:
        return rng.choice(self.categories[key])


@cache
def get_lang(code: str) -> Lang:
    """The (cached) :class:`Lang` for a language code."""
    return Lang(LANGUAGES[code])
