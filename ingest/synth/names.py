"""Person names and the ways police write them.

A name is a list of tokens, each with its alternative Latin transliterations and
Arabic-script spellings. A :class:`PersonName` renders the name in one *layout*
("surname_upper": ``Mohamed ABDELRAHMAN``, "surname_first_comma":
``ABDELRAHMAN, Mohamed``...) with one *spelling* (the person's own, or another
transliteration). The layout plus modifiers becomes the mention's ``variant``
in the ground truth, e.g. ``"surname_first_upper+translit+no_middle"``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

from .data_names import (
    ALIAS_POOL_OF,
    ALIASES,
    DOUBLE_SURNAME,
    PATRONYMIC,
    POOLS,
    SURNAME_FIRST,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One name token: Latin spellings (most common first) and Arabic spellings."""

    latin: tuple[str, ...]
    arabic: tuple[str, ...]


def _dedupe(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for s in items:
        if s and s not in out:
            out.append(s)
    return tuple(out)


def parse_entry(entry: str) -> tuple[Token, ...]:
    """Parse ``"Juan+Carlos"`` / ``"Mohamed|Mohammed=محمد"`` into tokens."""
    latin, _, arabic = entry.partition("=")
    parts = latin.split("+")
    ar = _dedupe(arabic.split("|")) if arabic else ()
    return tuple(Token(_dedupe(p.split("|")), ar if len(parts) == 1 else ()) for p in parts)


@cache
def pool(nationality: str, key: str) -> tuple[tuple[Token, ...], ...]:
    """Parsed name pool ``key`` ("m", "f", "sur", "sur_f") of a nationality."""
    pools = POOLS.get(nationality) or POOLS["LY"]
    if key == "sur_f" and "sur_f" not in pools:
        key = "sur"
    return tuple(parse_entry(e) for e in pools[key])


#: Aliases read as masculine / feminine from their first word ("Abu", "El", "Mama"...).
_MALE_ALIAS = (
    "Abu ",
    "al-",
    "El ",
    "le ",
    "il ",
    "der ",
    "o ",
    "de ",
    "Oga ",
    "Baba ",
    "Big ",
    "Uncle ",
    "Kaptan",
    "Dayı",
    "Reis",
    "Kapetanios",
    "'u ",
    "Chairman",
    "Sunny Boy",
    "Grand Pa",
    "Papis",
    "Tonton",
)
_FEMALE_ALIAS = ("La ", "la ", "Mama ", "Madam ", "Umm ", "Sister ")


@cache
def alias_pool(nationality: str) -> tuple[tuple[str, str | None, str], ...]:
    """Aliases available to a nationality as (latin, arabic or None, gender "m"/"f"/"*")."""
    name = ALIAS_POOL_OF.get(nationality, nationality)
    out = []
    for entry in ALIASES.get(name, ALIASES["arab"]):
        gender = "*"
        if entry.endswith(("/f", "/m")):
            entry, gender = entry[:-2], entry[-1]
        elif entry.startswith(_MALE_ALIAS):
            gender = "m"
        elif entry.startswith(_FEMALE_ALIAS):
            gender = "f"
        latin, _, arabic = entry.partition("=")
        out.append((latin, arabic or None, gender))
    return tuple(out)


#: First-mention layouts per document language, with weights.
LAYOUTS: dict[str, tuple[tuple[str, float], ...]] = {
    "en": (
        ("surname_upper", 0.32),
        ("full", 0.20),
        ("surname_first_upper", 0.15),
        ("surname_first_comma", 0.08),
        ("all_upper", 0.07),
        ("initial", 0.06),
        ("short_given", 0.06),
        ("full_title", 0.06),
    ),
    "fr": (
        ("surname_first_upper", 0.45),
        ("surname_upper", 0.25),
        ("surname_first_comma", 0.10),
        ("full", 0.08),
        ("all_upper", 0.07),
        ("initial", 0.05),
    ),
    "es": (
        ("surname_upper", 0.35),
        ("all_upper", 0.20),
        ("full", 0.20),
        ("surname_first_comma", 0.15),
        ("surname_first_upper", 0.10),
    ),
    "ar": (("surname_upper", 0.4), ("full", 0.3), ("surname_first_upper", 0.3)),
    "table": (("surname_first_upper", 0.6), ("all_upper", 0.3), ("surname_first_comma", 0.1)),
}


def _initials(words: list[str]) -> str:
    out = []
    for w in words:
        for part in w.replace("-", " ").split():
            out.append(part[0].upper() + ".")
    return " ".join(out)


@dataclass(slots=True)
class Spelling:
    """The spelling a document uses for one person (chosen once per document)."""

    latin: tuple[int, ...]
    arabic: tuple[int, ...]
    translit: bool
    arabic_translit: bool


@dataclass(slots=True)
class PersonName:
    """A person's name tokens and their own (canonical) spelling indices.

    ``given`` holds the personal name token(s) then, for patronymic cultures, the
    father's name; ``n_personal`` says how many of them are the personal name.
    """

    given: tuple[Token, ...]
    surnames: tuple[Token, ...]
    n_personal: int
    own: tuple[int, ...]
    surname_first: bool
    aligned: bool

    # ---------------------------------------------------------------- basics
    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.given + self.surnames

    @property
    def has_arabic(self) -> bool:
        return all(t.arabic for t in self.tokens)

    def canonical(self) -> str:
        """The person's name as the truth records it (own spelling, natural order)."""
        return self.latin(self.own_spelling(), "full")[0]

    def canonical_arabic(self) -> str | None:
        if not self.has_arabic:
            return None
        return " ".join(t.arabic[0] for t in self.tokens)

    def own_spelling(self) -> Spelling:
        return Spelling(self.own, (0,) * len(self.tokens), False, False)

    def choose_spelling(self, rng: random.Random, p_translit: float) -> Spelling:
        """Pick the spelling one document will use for this person."""
        idx = list(self.own)
        translit = False
        if rng.random() < p_translit:
            toks = self.tokens
            multi = [i for i, t in enumerate(toks) if len(t.latin) > 1]
            if multi:
                if self.aligned:
                    for i in multi:
                        idx[i] = 1 if self.own[i] == 0 else 0
                else:
                    for i in multi:
                        if rng.random() < 0.55:
                            idx[i] = rng.choice(
                                [k for k in range(len(toks[i].latin)) if k != self.own[i]]
                            )
                    if idx == list(self.own):
                        i = rng.choice(multi)
                        idx[i] = rng.choice(
                            [k for k in range(len(toks[i].latin)) if k != self.own[i]]
                        )
                translit = True
        ar = [0] * len(self.tokens)
        ar_translit = False
        if self.has_arabic and rng.random() < 0.3:
            multi_ar = [i for i, t in enumerate(self.tokens) if len(t.arabic) > 1]
            if multi_ar:
                ar[rng.choice(multi_ar)] = 1
                ar_translit = True
        return Spelling(tuple(idx), tuple(ar), translit, ar_translit)

    # ---------------------------------------------------------------- rendering
    def latin(
        self, sp: Spelling, layout: str, no_middle: bool = False, one_surname: bool = False
    ) -> tuple[str, str]:
        """Render in ``layout``; returns (text, variant label).

        The label gets "+translit" only when a token actually written differs
        from the person's own spelling.
        """
        toks = self.tokens
        n_given = len(self.given)
        g_idx = list(range(n_given))
        s_idx = list(range(n_given, len(toks)))
        if no_middle:
            g_idx = g_idx[: self.n_personal]
        if one_surname:
            s_idx = s_idx[:1]
        given = [toks[i].latin[sp.latin[i]] for i in g_idx]
        surn = [toks[i].latin[sp.latin[i]] for i in s_idx]
        g = " ".join(given)
        s = " ".join(surn)
        su = s.upper()
        used = g_idx + s_idx
        if self.surname_first:
            if layout == "short_given":
                text, used = f"{given[-1]} {su}", [g_idx[-1], *s_idx]
            else:
                text = {
                    "full": f"{s} {g}",
                    "full_title": f"{s} {g}",
                    "surname_upper": f"{su} {g}",
                    "surname_first_upper": f"{su} {g}",
                    "surname_first_comma": f"{su}, {g}",
                    "all_upper": f"{s} {g}".upper(),
                    "given_first_upper": f"{g} {su}",
                    "initial": f"{su} {g}",
                    "surname_only": f"{su} {g}",
                }[layout]
        elif layout == "surname_only":
            text, used = su, s_idx
        elif layout == "initial":
            text, used = f"{_initials(given[:1])} {su}", s_idx
        elif layout == "short_given":
            text, used = f"{given[0]} {su}", [g_idx[0], *s_idx]
        else:
            text = {
                "full": f"{g} {s}",
                "full_title": f"{g} {s}",
                "surname_upper": f"{g} {su}",
                "surname_first_upper": f"{su} {g}",
                "surname_first_comma": f"{su}, {g}",
                "all_upper": f"{g} {s}".upper(),
                "given_first_upper": f"{g} {su}",
            }[layout]
        variant = layout
        if any(sp.latin[i] != self.own[i] for i in used):
            variant += "+translit"
        if no_middle and n_given > self.n_personal and layout not in ("surname_only", "initial"):
            variant += "+no_middle"
        if one_surname and len(self.surnames) > 1:
            variant += "+one_surname"
        return text, variant

    def arabic(self, sp: Spelling, short: bool = False) -> tuple[str, str]:
        """Arabic-script rendering (only when :attr:`has_arabic`)."""
        toks = self.tokens
        idx = list(range(len(toks)))
        if short:
            idx = list(range(self.n_personal)) + list(range(len(self.given), len(toks)))
        text = " ".join(toks[i].arabic[min(sp.arabic[i], len(toks[i].arabic) - 1)] for i in idx)
        variant = "arabic_script"
        if any(sp.arabic[i] and len(toks[i].arabic) > 1 for i in idx):
            variant += "+translit"
        if short and len(self.given) > self.n_personal:
            variant += "+no_middle"
        return text, variant

    def arabic_surname(self, sp: Spelling) -> tuple[str, str]:
        n = len(self.given)
        text = " ".join(
            t.arabic[min(sp.arabic[n + i], len(t.arabic) - 1)] for i, t in enumerate(self.surnames)
        )
        variant = "arabic_script_surname_only"
        if any(sp.arabic[n + i] and len(t.arabic) > 1 for i, t in enumerate(self.surnames)):
            variant += "+translit"
        return text, variant

    def all_latin_forms(self) -> list[str]:
        """Every Latin spelling of every token (used to build e-mail local parts)."""
        return [t.latin[i] for t, i in zip(self.tokens, self.own, strict=True)]


def make_name(rng: random.Random, nationality: str, gender: str) -> PersonName:
    """Draw a realistic name for a person of ``nationality`` and ``gender``."""
    first = rng.choice(pool(nationality, "m" if gender == "m" else "f"))
    given: list[Token] = list(first)
    n_personal = len(given)
    if nationality in PATRONYMIC and rng.random() < 0.4:
        father = rng.choice(pool(nationality, "m"))
        if father != first:
            given.extend(father)
    sur_key = "sur_f" if gender == "f" else "sur"
    surnames: list[Token] = list(rng.choice(pool(nationality, sur_key)))
    if nationality in DOUBLE_SURNAME:
        second = rng.choice(pool(nationality, sur_key))
        if second[0] != surnames[0]:
            surnames.extend(second)
    toks = given + surnames
    own = tuple(
        0 if len(t.latin) == 1 or rng.random() < 0.75 else rng.randrange(len(t.latin)) for t in toks
    )
    aligned = nationality in {"VN", "RO", "AL", "TR", "CO", "MX", "PE", "ES", "DE"}
    if aligned:
        own = (0,) * len(toks)
    return PersonName(
        tuple(given), tuple(surnames), n_personal, own, nationality in SURNAME_FIRST, aligned
    )


@cache
def _spellings(token: Token) -> frozenset[str]:
    """A token's Latin spellings as a reader compares them: no case, article or punctuation."""
    out = set()
    for s in token.latin:
        s = s.lower()
        for article in ("al-", "el-", "al ", "el "):
            s = s.removeprefix(article)
        out.add("".join(ch for ch in s if ch.isalpha()))
    return frozenset(out)


def reads_as_same(a: PersonName, b: PersonName) -> bool:
    """Whether a reader would take ``a`` and ``b`` for one name: same personal name and surname.

    Token by token, any transliteration of one matching any of the other, middle
    (father's) names and second surnames left out since reports drop them: ``Hoda
    al-Halabi`` and ``Hoda Halabi``, ``Wichai SRISUK`` and ``Vichai SRISOOK``,
    ``Jairo ÁLVAREZ RESTREPO`` and ``Jairo ÁLVAREZ`` read as one name.
    """
    # the first surname only: reports drop the second (``Jairo ÁLVAREZ`` for Jairo ÁLVAREZ RESTREPO)
    xs = a.given[: a.n_personal] + a.surnames[:1]
    ys = b.given[: b.n_personal] + b.surnames[:1]
    return len(xs) == len(ys) and all(
        _spellings(x) & _spellings(y) for x, y in zip(xs, ys, strict=True)
    )


def short_form_clashes(a: PersonName, b: PersonName, *, initial: bool) -> bool:
    """Whether ``a``'s surname alone (``initial``: with its first initial) could be ``b``'s too.

    A report that names ``Moussa FAYE`` and ``Abdoulaye FAYE`` does not go on to
    write ``FAYE`` alone (nor ``M. FAYE`` beside ``Mamadou FAYE``): the reader
    could not tell whom it means.
    """
    if not any(_spellings(x) & _spellings(y) for x in a.surnames for y in b.surnames):
        return False
    if not initial:
        return True
    first = {s[:1] for s in _spellings(a.given[0])} if a.given else set()
    return not b.given or bool(first & {s[:1] for s in _spellings(b.given[0])})


def same_name(name: PersonName) -> PersonName:
    """A namesake: another person's name with identical tokens and spelling."""
    return PersonName(
        name.given, name.surnames, name.n_personal, name.own, name.surname_first, name.aligned
    )
