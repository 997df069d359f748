# Arabic letters and typographic quotes are meant here
"""Text helpers shared by the extractors: digit folding and walking from a cue word to a number.

Both keep offsets: folding maps one character to one character, and the walker
only ever returns positions in the text it was given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from re import _constants as _sre_constants  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

# Arabic-Indic (U+0660..U+0669) and Eastern Arabic-Indic (U+06F0..U+06F9) digits
# fold to ASCII one for one, so every offset into the folded text is an offset
# into the original.
_DIGITS = {0x0660 + i: ord("0") + i for i in range(10)} | {
    0x06F0 + i: ord("0") + i for i in range(10)
}


_ARABIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def fold_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits written as ASCII digits; same length, same offsets.

    >>> fold_digits("الرقم ٠٩١٢٣٤٥٦٧٨")
    'الرقم 0912345678'
    """
    # Most reports have none: looking for one costs far less than translating every character.
    return text.translate(_DIGITS) if _ARABIC_DIGIT.search(text) else text


# Between a cue word and its number: blanks and the punctuation of "n°", "No.:",
# "(Nigeria)", quotes. Possessive, so a long run never backtracks.
_SEP = re.compile(r"""[\s:#.,()\[\]'’"«»“”°º*\-–—]*+""")
# A filler word between cue and number ("number", "n", "issued", "nigérian", "رقم").
_WORD = re.compile(r"[^\W\d_]++")
# Where a cue's reach ends: a new clause, or a blank line (a new paragraph).
_STOP = frozenset(";؛")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Words that end a cue's reach: a conjunction starts another item, and the noun of
# another identifier means the number that follows is that one ("passport and phone
# 0912345678"). Compared case-folded; Arabic ones also with و or ال in front.
_STOP_WORDS = frozenset(
    (
        "and",
        "or",
        "but",
        "et",
        "ou",
        "mais",
        "y",
        "pero",
        "phone",
        "telephone",
        "téléphone",
        "teléfono",
        "telefono",
        "tel",
        "tél",
        "mobile",
        "móvil",
        "movil",
        "portable",
        "celular",
        "whatsapp",
        "viber",
        "telegram",
        "email",
        "courriel",
        "correo",
        "iban",
        "account",
        "compte",
        "cuenta",
        "هاتف",
        "جوال",
        "موبايل",
        "واتساب",
        "حساب",
        "بريد",
    )
)


@dataclass(frozen=True, slots=True)
class Reach:
    """What the walk from a cue word found: the number's match and the filler words passed."""

    match: re.Match[str]
    fillers: tuple[tuple[int, int], ...]


def walk_to_number(
    text: str,
    pos: int,
    number: re.Pattern[str],
    accept: Callable[[re.Match[str]], bool],
    *,
    max_words: int = 5,
) -> Reach | None:
    """The first ``number`` match after ``pos`` that ``accept`` takes, passing only filler words.

    From the end of a cue word, skip separators and up to ``max_words`` words of
    letters (no digits: "number", "n", "issued by", "ليبي", "رقم"); stop at a
    semicolon, a blank line, a conjunction, the noun of another identifier
    ("phone", "IBAN", "هاتف") or any other token holding a digit that is not the
    number. This bounds the work per cue and keeps a cue from reaching a number
    that belongs to another clause.
    """
    fillers: list[tuple[int, int]] = []
    end = len(text)
    for _ in range(max_words + 1):
        sep = _SEP.match(text, pos)
        assert sep is not None  # the pattern matches the empty string
        if "\n" in sep.group() and _BLANK_LINE.search(sep.group()):
            return None
        pos = sep.end()
        if pos >= end or text[pos] in _STOP:
            return None
        m = number.match(text, pos)
        if m is not None and accept(m):
            return Reach(m, tuple(fillers))
        word = _WORD.match(text, pos)
        if word is None or _is_stop(word.group()):
            return None
        fillers.append(word.span())
        pos = word.end()
    return None


def _is_stop(word: str) -> bool:
    w = word.casefold()
    if w in _STOP_WORDS:
        return True
    return any(w.startswith(p) and w[len(p) :] in _STOP_WORDS for p in ("وال", "ال", "و"))


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, behind a look-ahead for the characters its matches can start with.

    A long case-insensitive alternation of cue words is tried at every position
    of a text, each word in turn; the look-ahead (one character class) refuses
    most positions at once. The class holds every character the pattern can
    start with (case-insensitively where any of the pattern is), so the guarded
    pattern finds exactly the same matches, groups and all. When the first
    characters cannot be told (the pattern may match the empty string, or start
    with "any letter"), ``pattern`` is returned as it is.
    """
    try:
        first = _first_chars(_sre_parser.parse(pattern.pattern, pattern.flags))
    except (AttributeError, TypeError, ValueError, re.error):  # the parser's internals changed
        return pattern
    if first is None:
        return pattern
    chars = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in sorted(first))
    # case-insensitively, unless nothing in the pattern is (a plain class is tried faster)
    caseless = pattern.flags & re.IGNORECASE or _INLINE_FLAGS.search(pattern.pattern)
    guard = f"(?=(?i:[{chars}]))" if caseless else f"(?=[{chars}])"
    try:
        return re.compile(guard + pattern.pattern, pattern.flags)
    except re.error:  # e.g. global flags written at the pattern's start
        return pattern


def _first_chars(items: Iterable[tuple[Any, Any]]) -> set[tuple[int, int]] | None:
    """Code point ranges a match of the parsed ``items`` starts with; None when not known
    or when it can be empty."""
    found = _starts(items)
    return None if found is None or found[1] else found[0]


def _starts(items: Iterable[tuple[Any, Any]]) -> tuple[set[tuple[int, int]], bool] | None:
    """The first-character ranges of ``items`` and whether they can match the empty string."""
    c = _sre_constants
    ranges: set[tuple[int, int]] = set()
    for op, av in items:
        if op is c.LITERAL:
            ranges.add((av, av))
            return ranges, False
        if op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL:
                    ranges.add((value, value))
                elif kind is c.RANGE:
                    ranges.add(value)
                else:  # a negated class or a category: too broad to guard
                    return None
            return ranges, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        if op is c.SUBPATTERN:
            sub = _starts(av[3])
        elif op is c.ATOMIC_GROUP:
            sub = _starts(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub = _starts(av[2])
            if sub is not None and av[0] == 0:
                sub = (sub[0], True)
        elif op is c.BRANCH:
            subs = [_starts(branch) for branch in av[1]]
            if any(s is None for s in subs):
                return None
            sub = (set().union(*(s[0] for s in subs if s)), any(s[1] for s in subs if s))
        else:
            return None
        if sub is None:
            return None
        ranges |= sub[0]
        if not sub[1]:
            return ranges, False
    return ranges, True


def compact(s: str) -> str:
    """``s`` upper-cased without blanks, dashes and dots: the key form of a written number."""
    return re.sub(r"[\s\-.–]", "", s).upper()


def pick_languages(language: str | None, available: tuple[str, ...]) -> tuple[str, ...]:
    """The cue languages for a report: its own and English, or all of them when it is not given
    or has no cue list (a report in another language may still quote cue words)."""
    if language is None:
        return available
    lang = language.lower()[:2]
    if lang not in available:
        return available
    return tuple(dict.fromkeys((lang, "en")))


# -- case-insensitive cues, matched case-sensitively on lower-cased text -------------------------

#: The characters ``re.IGNORECASE`` matches to a letter otherwise than through their lower case:
#: dotless ı and dotted İ match "i", long ſ matches "s" (İ also lowers to two characters).
#: ``tests/test_extract_identifiers.py`` checks every code point against every letter of the
#: patterns made by :func:`case_sensitive`.
CASE_UNSAFE = "\u0130\u0131\u017f"


def lowered(text: str) -> str | None:
    """``text.lower()``, if patterns from :func:`case_sensitive` find in it exactly what their
    case-insensitive originals find in ``text``, at the same offsets; otherwise None.

    ``re`` tries a case-insensitive alternation of cue words about five times slower
    than the same words case-sensitively. A document is lower-cased once (in C), and
    every cue pattern then runs case-sensitively on it. Lower-casing maps each
    character to one character, keeps which characters are word characters (so
    ``\\b`` and ``\\w`` hold), and turns every character ``re.IGNORECASE`` would match
    to a lower-case letter into that letter, except those of :data:`CASE_UNSAFE`: a
    text holding one of them is left to the case-insensitive patterns.
    """
    if any(c in text for c in CASE_UNSAFE):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


_INLINE_FLAGS = re.compile(r"\(\?-?[aiLmsux]")
# Classes of characters by category: the same with or without re.IGNORECASE, and lower-casing
# keeps which class each character is in (letters stay letters, digits digits).
_CATEGORIES = re.compile(r"(?<!\\)\\[WSDB]")


def case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-insensitive ``pattern`` without its ``re.IGNORECASE``, for text from :func:`lowered`.

    Its letters must all be lower case: an upper-case letter would never match lower-cased
    text. Two exceptions, which read lower-cased text as the original reads the text:
    ``[A-Za-z]`` becomes ``[a-z]``, and category escapes (``\\W``, ``\\S``, ``\\D``, ``\\B``)
    stay. Inline flags are refused.
    """
    if not pattern.flags & re.IGNORECASE:
        raise ValueError(f"{pattern.pattern!r} is case-sensitive already")
    source = pattern.pattern.replace("[A-Za-z]", "[a-z]")
    if any(c.isupper() for c in _CATEGORIES.sub("", source)) or _INLINE_FLAGS.search(source):
        raise ValueError(f"{pattern.pattern!r} has upper-case letters or inline flags")
    made = re.compile(source, pattern.flags & ~re.IGNORECASE)
    MADE_CASE_SENSITIVE.append(made)
    return made


class CaseFreeCues:
    """A case-insensitive cue pattern, scanned over lower-cased text case-sensitively where
    that finds the same matches (:func:`lowered`), about five times faster; else as it is.

    Both are :func:`guarded`. A match's offsets and group names are the pattern's; its
    text may be lower-cased, so take the written form from the text by offsets.
    """

    __slots__ = ("_sensitive", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = guarded(pattern)
        self._sensitive = guarded(case_sensitive(pattern))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lowered(text)
        if low is None:
            return self.pattern.finditer(text)
        return self._sensitive.finditer(low)


#: Every pattern :func:`case_sensitive` made, for the test of :data:`CASE_UNSAFE`.
MADE_CASE_SENSITIVE: list[re.Pattern[str]] = []
