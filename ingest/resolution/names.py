"""Names as resolution compares them: folded, transliterated, particle-aware tokens.

One person is written ``Mohamed ABDELRAHMAN`` in a French report, ``Mohammed
Abdel Rahman`` in an English one, ``ABDERRAHMANE Mohamed`` in a Spanish one and
``محمد عبد الرحمن`` in an Arabic one. :func:`parse` turns each into the same
comparable tokens:

* case and diacritics folded, punctuation dropped, order kept but never relied on
  (surname-first layouts compare like the others);
* Arabic script transliterated to Latin letters (consonants only: Arabic rarely
  writes short vowels, which is why every token also gets a *skeleton*);
* articles ``al-``/``el-``/``ul`` dropped; ``abd``/``abdel``/``abdul``, ``abu``,
  ``ben``/``bin``/``ibn`` and ``... ed-din`` joined to the word they bind, so
  ``Abdel Rahman``, ``Abderrahmane`` and ``عبد الرحمن`` are one token;
* a *skeleton* per token: consonants after merging the letters transliteration
  swaps (q/k, ch/sh/s, ou/u, doubled letters...), so ``Ebrahim``, ``Ibrahim``,
  ``Brahim`` and ``إبراهيم`` share ``brhm``.

>>> [t.skeleton for t in parse("ABDERRAHMANE Mohamed").tokens]
['bdrhmn', 'mhmd']
>>> sorted(t.skeleton for t in parse("محمد عبد الرحمن").tokens)
['bdrhmn', 'mhmd']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from odyssey.text import LETTERS

_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a", "ء": "", "ؤ": "",
    "ئ": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y",
}  # fmt: skip
#: Words that only bind or mark the next word (dropped); and those joined to it.
ARTICLES = frozenset({"al", "el", "ul", "de", "del", "della", "di", "da", "du", "des", "la", "le",
                      "los", "las", "van", "von", "der", "den", "y", "e"})  # fmt: skip
BINDERS = frozenset({"abu", "abou", "bou", "ben", "bin", "ibn", "bint", "ould", "abd", "abdel",
                     "abdul", "abdool", "abdal", "abdoul", "abdou", "abdu", "abder", "abdur", "abw", "bn",
                     "abn", "bnt"})  # fmt: skip
#: Particles that are also whole name words elsewhere (Vietnamese ``Lê``, ``Văn``; ``La``): dropped
#: only where written in lower case (``Ludwig van Beethoven``) or after another particle
#: (``DE LA CRUZ``), so ``LE Van Nam`` keeps three words and does not shrink to ``Nam``.
NAME_PARTICLES = frozenset({"le", "la", "van"})
#: Binders of the ``abd`` family join only the divine attributes that follow "servant of"
#: (``Abdel Rahman``, ``Abd al-Kader``), and only in a name of three words or more; elsewhere
#: ``Abdou``/``Abdul`` is a given name of its own (``Abdou MAÏGA`` is two words, as ``MAÏGA
#: Abdou`` is, and ``Abdul RAHMAN`` a given name and a surname).
_ABD_BINDERS = frozenset({"abd", "abdel", "abdul", "abdool", "abdal", "abdoul", "abdou", "abdu",
                          "abder", "abdur"})  # fmt: skip
_ATTRIBUTES = ("rahman", "rahmane", "rahim", "allah", "llah", "lah", "ellah", "aziz", "karim",
               "kader", "qader", "qadir", "kadir", "salam", "salem", "latif", "hamid", "majid",
               "mejid", "malik", "nasser", "nasir", "wahab", "wahhab", "razzaq", "razak", "jalil",
               "ghani", "halim", "hakim", "fattah", "basit", "hadi", "moneim", "monem", "samad",
               "sattar", "wahid", "wahed", "jabbar", "hafiz", "muttalib", "ilah", "elah", "haq",
               "hak", "qawi", "raouf", "rauf", "ghafour", "ghafur", "jawad", "nour", "nur",
               "moumen", "mumin", "ghaffar", "karim", "jalal", "salem", "mannan", "bari")  # fmt: skip
#: Titles that are not part of a name.
TITLES = frozenset({"mr", "mrs", "ms", "dr", "m", "mme", "mlle", "sr", "sra", "srta", "don",
                    "dona", "sheikh", "cheikh", "haj", "hajj", "el-hadj", "alsayed", "sayed"})  # fmt: skip
#: Titles that are also given names (``Cheikh SOW``, a Senegalese given name): dropped as a title
#: only before two name words or more (``Sheikh Hamad AL-THANI``), kept as the name word otherwise.
GIVEN_NAME_TITLES = frozenset({"sheikh", "cheikh"})
_ABD = re.compile(r"^abd(?:(?:ou|u|e|a|o)(?:l|r|s|n|z|t|d)?)?(?=[a-z]{3})")
_DIGRAPHS = (("sch", "s"), ("sh", "s"), ("ch", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"),
             ("dh", "d"), ("ph", "f"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("c", "k"))  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWELS = re.compile(r"[aeiou]")
_FRENCH_W = re.compile(r"^ou(?=[aei])")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name: its folded Latin spelling and its consonant skeleton."""

    text: str
    skeleton: str
    initial: bool = False
    #: Transliterated from Arabic script: no vowels to compare, only the skeleton.
    arabic: bool = False
    #: The spelling with the letters transliterations swap for one sound made one (:func:`sound`).
    sound: str = ""


@dataclass(frozen=True, slots=True)
class Name:
    """A parsed name: its tokens (particles and titles removed, binders joined)."""

    written: str
    tokens: tuple[Token, ...]
    #: How many tokens are whole words (not initials).
    words: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", sum(not t.initial for t in self.tokens))

    @property
    def key(self) -> str:
        """Order-free skeleton key: equal for spellings that only differ by transliteration."""
        return " ".join(sorted(t.skeleton for t in self.tokens if not t.initial))

    @property
    def full(self) -> bool:
        """True for a name of two words or more (a given name and a surname at least)."""
        return self.words >= 2


def fold(text: str) -> str:
    """Lower case, no diacritics, Arabic letters transliterated, Arabic marks dropped."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.casefold().translate(LETTERS)):
        if unicodedata.combining(ch) or ch == "\u0640":  # accents, harakat, tatweel
            continue
        out.append(_ARABIC.get(ch, ch))
    return "".join(out)


def skeleton(word: str) -> str:
    """The consonants of a folded word, after merging what transliterations swap.

    >>> skeleton("youssef"), skeleton("yusuf"), skeleton("hammami"), skeleton("hamami")
    ('ysf', 'ysf', 'hm', 'hm')
    >>> skeleton("ouazzani") == skeleton("wazzani"), skeleton("oussama") == skeleton("usama")
    (True, True)
    >>> skeleton("berishaj") == skeleton("berisha"), skeleton("gashaj") == skeleton("gashi")
    (True, True)
    """
    if len(word) >= 6 and word.endswith("aj"):
        word = word[:-1]  # Albanian -aj: GASHAJ is GASHI's, BERISHAJ BERISHA's family name
    if word[:1] == "v":
        word = "w" + word[1:]  # one letter, two romanisations: Thai Wichai/Vichai, Persian Vahid
    w = _SOFT_C.sub("s", word)
    w = _FRENCH_W.sub("w", w)  # French writes an Arabic w as "ou": Ouazzani, Wazzani
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    head, rest = w[:1], w[1:].replace("y", "").replace("w", "")  # y/w: consonants only first
    w = _VOWELS.sub("", head + rest).rstrip("h") or w[:1]
    return re.sub(r"(.)\1+", r"\1", w)


def _words(written: str) -> list[tuple[str, bool]]:
    """Folded words of a written name, each with whether it was written with a capital."""
    arabic_script = any("\u0600" <= ch <= "\u06ff" for ch in written)
    words = []
    for raw in re.split(r"[\s,;/()\"«»“”]+", written):
        if not raw:
            continue
        if arabic_script and raw.startswith("ال") and len(raw) > 3:
            raw = raw[2:]  # the article, written attached
        elif arabic_script and raw.startswith("بال") and len(raw) > 4:
            raw = raw[3:]
        capital = raw[:1].isupper()
        # an apostrophe marks a letter inside one word (N'DIAYE, ZU'BI, O'Brien); a hyphen joins two
        for part in re.split(r"[-‐]", re.sub(r"['’ʼ`]", "", fold(raw))):
            part = re.sub(r"[^a-z.]", "", part)
            if part:
                words.append((part, capital))
    return words


@lru_cache(maxsize=200_000)
def parse(written: str) -> Name:
    """Parse a written name (any script, any order) into comparable tokens."""
    written_words = _words(written)
    words = [w for w, _ in written_words]
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in written)
    tokens: list[Token] = []
    pending = ""
    dropped = -2  # the last particle dropped
    for i, raw in enumerate(words):
        word = raw.rstrip(".")
        initial = (raw.endswith(".") and len(word) <= 2) or (len(word) == 1 and len(words) > 1)
        if not word or (
            word in TITLES
            and not pending
            and not tokens
            and sum(w not in ARTICLES for w in words[i + 1 :])
            >= (2 if word in GIVEN_NAME_TITLES else 1)
        ):
            continue  # a title before a name; a title alone ("al-Hajj") is a nickname, kept
        if word in ARTICLES and i < len(words) - 1:
            capital = written_words[i][1]
            if word not in NAME_PARTICLES or not capital or dropped == i - 1:
                dropped = i  # a particle; "Le"/"Van" written as a name word stay
                continue
        if word.startswith(("al", "el")) and len(word) > 5 and word[2:3] == word[3:4]:
            word = word[2:]  # assimilated article written attached: "errahmane", "addin"
        if word in BINDERS and i < len(words) - 1 and _binds(word, words, i):
            pending += word
            continue
        if pending:
            word, pending = pending + word, ""
        token = _word_token(word, initial, arabic)
        # "Nour El Din", "Salah Eddine": one name — but never the whole name ("Rafiqul UDDIN")
        if (
            token.skeleton == "dn"
            and not initial
            and (len(tokens) >= 2 or (tokens and i < len(words) - 1))
        ):
            token = _word_token(tokens.pop().text + token.text, False, arabic)
        tokens.append(token)
    if pending:
        tokens.append(_word_token(pending, False, arabic))
    return Name(written, tuple(tokens))


def _word_token(word: str, initial: bool, arabic: bool) -> Token:
    """A name word as a token: ``abd…`` normalised, its skeleton computed."""
    if word.startswith("abd"):
        word = _ABD.sub("abd", word)
    return Token(word, skeleton(word), initial, arabic, sound(word))


def sound(word: str) -> str:
    """A folded word with the letters transliterations swap for one sound made one.

    ``y``/``i`` (``Leidy``/``Leydi``), a leading ``j``/``y`` (``Jeison``/``Yeison``,
    ``Jonas``/``Yonas``), ``th``/``s`` (``Othman``/``Osman``, Arabic ث), ``v``/``w``
    (Thai ``Wichai``/``Vichai``), Albanian ``xh``/``j`` (``Xhensila``/``Jensila``)
    and the long vowels English and French spell double, ``oo``/``ou``/``u`` and
    ``ee``/``i`` (Thai ``BOONMEE``/``BUNMI``, ``Mansour``/``Mansur``).
    """
    word = word.replace("xh", "j").replace("v", "w")
    if word[:1] == "j":
        word = "y" + word[1:]
    word = word.replace("oo", "u").replace("ou", "u").replace("ee", "i")
    return word.replace("th", "s").replace("y", "i")


@lru_cache(maxsize=200_000)
def joined(name: Name) -> tuple[tuple[Token, Name], ...]:
    """``name`` with two neighbouring words written as one, each way it can be done.

    One surname is written in one word or two: ``LE GALL``/``LEGALL``, ``BU
    ZAID``/``Abou Zaid``/``BOUZID``, ``ABDEL AZIZ``/``ABDELAZIZ``, ``SAE
    TANG``/``SAETANG``, ``TESFA MARIAM``/``TESFAMARIAM``. Scoring tries these
    where the words as written leave one unmatched.

    Each variant comes with the word it made.

    >>> [(w.text, [t.text for t in n.tokens]) for w, n in joined(parse("Stéphane LE GALL"))]
    [('stephanele', ['stephanele', 'gall']), ('legall', ['stephane', 'legall'])]
    >>> joined(parse("Musa SOW")), joined(parse("DO Thi Hoa"))
    ((), ())
    """
    tokens = name.tokens
    if name.words < 3:
        return ()  # two words written as one would leave a single word: not a full name
    out = []
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.initial or b.initial:
            continue
        one = _word_token(a.text + b.text, False, a.arabic or b.arabic)
        # the two words' consonants run on into the one word's (``l``+``gl``, ``b``+``zd``), so
        # a short word swallowed by its neighbour's skeleton (``Thi``+``Hoa``: ``t``) is no join
        if one.skeleton != a.skeleton + b.skeleton or len(one.skeleton) < 3:
            continue
        out.append((one, Name(name.written, (*tokens[:i], one, *tokens[i + 2 :]))))
    return tuple(out)


@lru_cache(maxsize=1)
def _attribute_skeletons() -> frozenset[str]:
    return frozenset(skeleton(w) for w in _ATTRIBUTES)


def _binds(binder: str, words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]``, a binder, joins the next name word (``abd``: see ``_ABD_BINDERS``)."""
    if binder not in _ABD_BINDERS:
        return True
    following = [w for w in words[i + 1 :] if w not in ARTICLES] or list(words[i + 1 :])
    nxt = following[0].rstrip(".")
    if sum(w not in ARTICLES and w not in TITLES for w in words) < 3:
        return False
    return nxt in BINDERS or skeleton(nxt) in _attribute_skeletons()
