# Arabic letters are meant here
"""People's names in Arabic script, read from the words that introduce them.

Arabic has no capitals and no statistical NER here (see the README), but reports
introduce a person with a fixed word: المدعو / المدعوة ("the so-called"), المتهم
("the accused"), المشتبه به ("the suspect"), المواطن ("the citizen"), السيد, الربان.
After such a word come two to five words of the name, up to a word that ends it
(a preposition, a relative pronoun, "born", "living in", an adjective such as
الرئيسي, or a nationality: المواطن الفرنسي ...). A name also stands right before
its Latin transliteration in brackets (``سفيان المرزوقي (Sofiane MARZOUKI)``): as many
Arabic words as the transliteration has, at most four. The family name (a last word
with the article, ``القماطي``, or ``بن صالح``) is then found again alone, with a
one-letter clitic (و، ب، ل) left out, and so is the full name written again.

>>> text = "أوقف المدعو عبد السلام مفتاح القماطي في زوارة، واعترف القماطي بذلك."
>>> [text[a:b] for a, b in cue_names(text)]
['عبد السلام مفتاح القماطي']
>>> [text[a:b] for a, b in family_names_again(text, cue_names(text))]
['القماطي']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from odyssey.ingest.extract.countries import nationality_of_value

_WORD = r"[\u0621-\u064a\u0671-\u06d3]+"
_LETTERS = "\u0621-\u064a\u0671-\u06d3"
_CUE = re.compile(
    rf"(?<![{_LETTERS}])[وف]?(?:المدعوة?|المتهمة?|المشتبه[ ](?:به|بها|فيه|فيها)|المواطنة?|المسماة?|"
    rf"السيدة?|الربان|ربانه|ربانها|مديره|مديرها|صاحبه|صاحبها)[ ]"
)
_RUN = re.compile(rf"{_WORD}(?:[ ]{_WORD}){{0,5}}")
# Words that end a name: prepositions, pronouns, verbs of the report, "born", "living", rank
# adjectives, kinship words.
_ENDS_WORDS = (
    "في من إلى الى على عن مع الذي التي الذين وهو وهي هو هي كان كانت قد وقد تم بأنه بأن "
    "أنه أن لأنه المولود المولودة المقيم المقيمة الساكن القاطن المقيمين زوجة زوج زوجته "
    "شقيق شقيقه شقيقة ابنه ابنته الرئيسي الرئيسية الأول الثاني الثالث الآخر صاحب مالك "
    "بتاريخ بعد قبل حيث عند منذ أيضا ايضا والذي والتي "
)
_ENDS = frozenset(_ENDS_WORDS.split())
_LINKS = frozenset({"بن", "ابن", "بنت", "ولد", "أبو", "ابو", "بو"})
_BEFORE = re.compile(rf"(?:{_WORD}[ ]){{0,3}}{_WORD}$")
#: Fewest and most words of a name introduced by a cue word.
MIN_WORDS, MAX_WORDS = 2, 5


def _name_words(words: list[str]) -> int:
    """How many of ``words`` (after a cue) belong to the name."""
    n = 0
    for word in words[:MAX_WORDS]:
        if word in _ENDS or nationality_of_value(word) is not None:
            break
        n += 1
    while n and words[n - 1] in _LINKS:  # "... بن" cut short: the link needs its name
        n -= 1
    return n


def cue_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names written after a cue word (see the module doc)."""
    spans = []
    for cue in _CUE.finditer(text):
        run = _RUN.match(text, cue.end())
        if run is None or _CUE.match(text, cue.end()):  # "ربانه المدعو ...": the next cue reads it
            continue
        words = run.group().split(" ")
        n = _name_words(words)
        if n >= MIN_WORDS:
            spans.append((run.start(), run.start() + len(" ".join(words[:n]))))
    return spans


def before_transliteration(text: str, latin: tuple[int, int]) -> tuple[int, int] | None:
    """The Arabic name right before the Latin name ``latin`` written in brackets after it."""
    open_at = text.rfind("(", max(0, latin[0] - 3), latin[0])
    if open_at < 0:
        return None
    end = open_at - 1 if open_at > 0 and text[open_at - 1] == " " else open_at
    m = _BEFORE.search(text, max(0, end - 80), end)
    if m is None:
        return None
    words = m.group().split()
    keep = min(len(words), len(text[latin[0] : latin[1]].split()), 4)
    words = words[len(words) - keep :]
    while words and (words[0] in _ENDS or nationality_of_value(words[0]) is not None):
        words.pop(0)
    if len(words) < MIN_WORDS:
        return None
    return end - len(" ".join(words)), end


def family_names_again(text: str, names: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Where the family names of ``names`` stand alone in ``text`` (not inside the names)."""
    keys = set()
    for a, b in names:
        words = text[a:b].split()
        if len(words) >= 2:
            keys.add(" ".join(words))  # the full name written again
        if len(words) >= 3 and words[-2] in _LINKS:
            keys.add(f"{words[-2]} {words[-1]}")
        elif len(words) >= 2 and words[-1].startswith("ال") and len(words[-1]) >= 5:
            keys.add(words[-1])
    if not keys:
        return
    alternatives = "|".join(sorted(map(re.escape, keys), key=len, reverse=True))
    pattern = re.compile(rf"(?<![{_LETTERS}])[وبلفك]?(?P<name>{alternatives})(?![{_LETTERS}])")
    taken = list(names)
    for m in pattern.finditer(text):
        start, end = m.span("name")
        if not any(a < end and start < b for a, b in taken):
            yield start, end


def arabic_transliterated(
    text: str, latin_spans: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Arabic names written right before those of ``latin_spans`` that stand in brackets."""
    for start, end in latin_spans:
        if _OPENS.search(text, max(0, start - 2), start) and _CLOSES.match(text, end):
            span = before_transliteration(text, (start, end))
            if span is not None:
                yield span


_OPENS = re.compile(r"\([ ]?$")
_CLOSES = re.compile(r"[ ]?\)")
