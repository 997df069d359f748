"""Blocking: which pairs of records are worth scoring (never all pairs).

Each record gets a few keys; only records sharing a key are compared:

* ``d:<document>`` — records of one report (a surname alone is resolved against
  the full name written earlier in the same report);
* ``n:<skeleton>|<skeleton>`` — every pair of words of a full name, by skeleton,
  so word order, a missing middle name and transliteration do not matter; and
  the same pair without each word's last consonant (``WONGSAWAT``/``WONGSAWAD``,
  ``GASHI``/``GASHAJ``), for spellings that differ at the end;
* ``a:<word>`` — each word of a full name (its skeleton, or its letters where the
  skeleton is too short: ``Adeyemi`` is ``dm``), so names sharing one word whose
  other words are spelled apart meet (``Tunde``/``Babatunde ADEYEMI``);
* ``i:<word>|<letter>`` / ``I:<word>|<letter>`` and ``b:<word>|<birth date>`` — a
  word with the initial of another word, or with the birth date: where
  ``S. WONGSAWAD`` or a surname written alone with a birth date meets the full
  name in another report. A short form holds ``i`` and looks up the full names'
  ``I`` (their oldest 64), and meets its likes; full names meet each other by
  ``I`` only as a walk over distinct names (below), since two full names that
  agree already meet by their words. A one-word name gets these keys only when
  it could match in another report at all (:func:`~.score.may_match_elsewhere`);
* ``k:<key>`` / ``q:<key>`` — a "known as" / a one-word name: a lone word meets
  the records known by it (``q`` looks up ``k``, its oldest 64), never the other
  lone words (a lone surname in another report cannot reach the threshold by itself).

A block larger than its cap (``max_block``; 40 for ``i:``, 200 for a report) is
walked. A word block (``a:``, and ``I:`` always) is walked over its *distinct
names* (:class:`_NameWalk`): each record meets the oldest record of the name just
before and just after its own, with the rest of the name read forwards and read
backwards, so spellings that share a start or an end meet, however many reports
repeat one spelling (walking records, fifty ``Chukwuemeka NWOSU`` filled every
window and hid ``Chukwuma NWOSU``). Other blocks are walked as sorted
neighbourhoods of records, ``window`` either side; their short forms (an initial,
a birth date) meet the oldest 64 records whatever their place. A record then has
a bounded number of partners per key. In a walked full-name or initial block each
record also meets the oldest record naming each person or identifier its reports
name (:func:`_context_partners`): two namesakes of two networks share one name's
block, and a walk by records can leave one man's report beside none of his own.
Pairs grow with the store: on
``bench/resolution_scale.py`` 6.6 partners a record at 10 000 mentions, 7.6 at
100 000 (6.8 and 9.7 before the walk over names).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations, islice

from .names import Token
from .score import Profile, may_match_elsewhere


def word_key(t: Token) -> str:
    """A word as blocking keys hold it: its skeleton, or its letters where the skeleton is short."""
    return t.skeleton if len(t.skeleton) >= 3 else t.text


def keys(p: Profile) -> Iterator[str]:
    """The blocking keys of one record."""
    for doc in p.documents:
        yield f"d:{doc}"
    words = [t for t in p.name.tokens if not t.initial]
    # two words may share a skeleton (``Ali ALAOUI``: ``l`` and ``l``) and are still two words
    skeletons = sorted(t.skeleton for t in words if t.skeleton)
    if len(skeletons) >= 2:
        for x, y in dict.fromkeys(combinations(skeletons, 2)):
            yield f"n:{p.type}:{x}|{y}"
            sx, sy = sorted((stem(x), stem(y)))
            if (sx, sy) != (x, y):
                yield f"n:{p.type}:{sx}|{sy}"
        for t in words:  # one word in common, the others spelled apart (Tunde / Babatunde)
            if len(t.skeleton) >= 3 or len(t.text) >= 4:
                yield f"a:{p.type}:{word_key(t)}"
    elif words:
        yield f"q:{p.type}:{p.name.key}"  # where it meets a record it is the "known as" of
    # where a surname written alone meets the full name: with the birth date or the initial
    given = {w.text[:1] for w in words} | {t.text[:1] for t in p.name.tokens if t.initial}
    for t in words if p.name.full or may_match_elsewhere(p) else ():
        if p.birth_date:
            yield f"b:{p.type}:{word_key(t)}|{p.birth_date}"
        for letter in sorted(given - {t.text[:1]} if p.name.full else given):
            yield f"{'I' if p.name.full else 'i'}:{p.type}:{word_key(t)}|{letter}"
    for alias in p.aliases:
        if alias.key:
            yield f"k:{p.type}:{alias.key}"


def stem(skeleton: str) -> str:
    """A skeleton without its last consonant, so ``wngst``/``wngsd`` and ``gs``/``gsj`` meet."""
    return skeleton[:-1] if len(skeleton) >= 3 else skeleton


#: A report's records are all compared with each other up to this many (a long table past it).
REPORT_BLOCK = 200
#: One-sided keys: a lone word (``q``) meets the records known by it (``k``), never its likes; a
#: short form with an initial (``i``) meets the full names with that word and a word of that
#: letter (``I``) as well as its likes. Full names meet each other by ``I`` only as a walk over
#: names: compared in full, ``I`` blocks gave 0.9 partners a record at 10 000 mentions and 2.5
#: at 100 000.
LOOKS_UP = {"q": "k", "i": "I"}
LOOKED_UP = {v: k for k, v in LOOKS_UP.items()}
#: The most records of a one-sided block a lone word meets, and of a walked block a short
#: form meets (the oldest).
ONE_SIDED_BLOCK = 64


#: A word and an initial (``i:``) is where most spellings of one name meet: walked past this.
INITIAL_BLOCK = 40


def _cap(key: str, max_block: int) -> int:
    """The largest block of this kind compared in full."""
    return (
        REPORT_BLOCK
        if key.startswith("d:")
        else INITIAL_BLOCK
        if key.startswith("i:")
        else 1  # a full name's word and initial: always walked over names
        if key.startswith("I:")
        else max_block
    )


def _rest(p: Profile, word: str) -> str:
    """The words of ``p``'s name besides ``word`` (a word key), in letter order."""
    return " ".join(sorted(t.text for t in p.name.tokens if not t.initial and word_key(t) != word))


#: In a walked word block, how many records of each neighbouring name a record meets (the oldest)...
NAME_SAMPLE = 1
#: ... and how many names either side of its own, in each order.
NAME_WINDOW = 1


@dataclass(slots=True)
class _NameWalk:
    """A large word block walked by distinct names: who holds each rest of name, in two orders.

    Walking records would let one name written in fifty reports fill every
    window (``Chukwuemeka NWOSU`` fifty times hides ``Chukwuma NWOSU``); walking
    the distinct rests of name, each record meets the oldest :data:`NAME_SAMPLE`
    records of the ``window`` names either side of its own. Records of its own
    name it meets by the full-name key (``n:``).
    """

    rest: dict[str, str]
    holders: dict[str, dict[str, Profile]]
    orders: list[tuple[list[str], dict[str, int]]]

    @classmethod
    def of(cls, key: str, members: list[Profile]) -> _NameWalk:
        word = key.split(":", 2)[2].split("|")[0]
        rest = {m.id: _rest(m, word) for m in members}
        holders: dict[str, dict[str, Profile]] = defaultdict(dict)
        for m in sorted(members, key=lambda m: m.seq):
            if len(holders[rest[m.id]]) < NAME_SAMPLE:
                holders[rest[m.id]][m.id] = m
        orders = []
        for order in (sorted(holders), sorted(holders, key=lambda r: (r[::-1], r))):
            orders.append((order, {r: i for i, r in enumerate(order)}))
        return cls(rest, dict(holders), orders)

    def near(self, x: Profile, window: int) -> Iterator[dict[str, Profile]]:
        """The holders (by id) of the names ``window`` either side of ``x``'s, in each order."""
        own = self.rest[x.id]
        for order, place in self.orders:
            i = place[own]
            for r in order[max(0, i - window) : i + window + 1]:
                if r != own:
                    yield self.holders[r]


#: In a walked full-name or initial block, how many records holding each co-mention a record meets.
CONTEXT_SAMPLE = 1


def _holders(members: Iterable[Profile]) -> dict[str, list[Profile]]:
    """Each co-mention (identifier or associate) -> the oldest :data:`CONTEXT_SAMPLE` members naming it."""
    holders: dict[str, list[Profile]] = {}
    for m in members:  # oldest first
        for item in m.identifiers | m.associates:
            held = holders.setdefault(item, [])
            if len(held) < CONTEXT_SAMPLE:
                held.append(m)
    return holders


def _context_partners(
    blocks: Mapping[str, Mapping[str, Profile]], max_block: int
) -> dict[str, dict[str, Profile]]:
    """Who meets whom by co-mention in the walked full-name and initial blocks, both ways.

    A name written in many reports (two namesakes of two networks, or ``Ilir
    KOLA`` in thirty reports) fills a walked block, and a walk puts one man's
    records beside the other's as often as beside his own: a record may then meet
    no earlier record of its own man and is never joined to them. So in a walked
    ``n:`` or ``I:`` block each record also meets the oldest :data:`CONTEXT_SAMPLE`
    records that name one of the people or identifiers its own reports name (where
    one man is written again, his network is named again); a short form with an
    initial (``i:``) meets those of the full names it looks up, and they meet it.
    Kept as a symmetric relation so that a pair is found from either end.
    """
    met: dict[str, dict[str, Profile]] = defaultdict(dict)
    for key, block in blocks.items():
        if not key.startswith(("n:", "I:")) or len(block) <= max_block:
            continue  # (an ``I:`` block is always walked; a small one's walk meets most of it)
        holders = _holders(block.values())
        short = blocks.get("i" + key[1:]) if key[0] == "I" else None
        for x in (*block.values(), *(short.values() if short else ())):
            for item in x.identifiers | x.associates:
                for h in holders.get(item, ()):
                    met[x.id][h.id] = h
                    met[h.id][x.id] = x
    return met


def _orders(key: str, members: list[Profile]) -> list[dict[str, int]]:
    """The name orders a large block is walked in: member id -> place, per order.

    An initial block (``i:``) is sorted by the rest of each name, once forwards and
    once read backwards, so ``Uche``/``Uchechukwu`` (same start) and
    ``Tunde``/``Babatunde`` (same end) fall near each other; other blocks by name.
    """
    if key.startswith("i:"):
        word = key.split(":", 2)[2].split("|")[0]
        rest = {m.id: _rest(m, word) for m in members}
        sorts = [
            sorted(members, key=lambda m: (rest[m.id], m.seq)),
            sorted(members, key=lambda m: (rest[m.id][::-1], m.seq)),
        ]
    else:
        sorts = [sorted(members, key=lambda m: (m.name.key, m.birth_date or "", m.seq))]
    return [{m.id: i for i, m in enumerate(order)} for order in sorts]


def candidate_pairs(
    profiles: Iterable[Profile],
    new: set[str] | None = None,
    *,
    max_block: int = 12,
    window: int = 3,
) -> Iterator[tuple[str, str]]:
    """Pairs ``(a, b)`` with ``a < b`` of one type sharing a key, each once; with ``new``, only pairs touching it.

    A block of more than ``max_block`` records is walked as sorted
    neighbourhoods (:func:`_orders`): each record meets the ``window`` records
    either side of it in each order, so a record has a bounded number of partners
    per key and the pairs grow with the store, not with its square.

    Generated record by record (a record's partners gathered over its keys, then
    dropped), so memory holds the blocks, never the pairs.
    """
    everyone = list(profiles)
    # each record's keys, computed once: the walk below needs an anchor's keys again
    keyed = {p.id: tuple(dict.fromkeys(keys(p))) for p in everyone}
    # a block is its members by id, oldest first: an anchor takes a whole block in one update
    blocks: dict[str, dict[str, Profile]] = defaultdict(dict)
    for p in everyone:
        for key in keyed[p.id]:
            blocks[key][p.id] = p
    # the oldest members of a block that has more: what a one-sided or walked block shows
    heads = {
        key: dict(islice(members.items(), ONE_SIDED_BLOCK))
        for key, members in blocks.items()
        if len(members) > ONE_SIDED_BLOCK
    }
    walks: dict[str, list[tuple[list[Profile], dict[str, int]]]] = {}
    name_walks: dict[str, _NameWalk] = {}
    # in a walked block, the first ONE_SIDED_BLOCK members meet its short forms (a surname with
    # an initial, a birth date) whatever their place: both ways, so each pair is seen from each end
    shorts: dict[str, dict[str, Profile]] = {}
    by_context = _context_partners(blocks, max_block)
    for key, block in blocks.items():
        if len(block) > _cap(key, max_block):
            first = heads.get(key, block)
            shorts[key] = {i: m for i, m in first.items() if not m.name.full}
            walks[key] = []
            members = list(block.values())
            if key.startswith(("a:", "I:")):
                name_walks[key] = _NameWalk.of(key, members)
                continue
            for place in _orders(key, members):
                ordered = sorted(members, key=lambda m: place[m.id])
                walks[key].append((ordered, place))
    anchors = everyone if new is None else [p for p in everyone if p.id in new]
    anchor_ids = {p.id for p in anchors}
    nobody: dict[str, Profile] = {}
    for x in anchors:
        xid, full = x.id, x.name.full
        partners: dict[str, Profile] = {}
        for key in keyed[xid]:
            if (
                key[0] in LOOKS_UP
            ):  # a lone word or an initial meets the full records (their oldest)
                other = LOOKS_UP[key[0]] + key[1:]
                partners.update(heads.get(other) or blocks.get(other, nobody))
                if key[0] == "q":
                    continue  # a lone word never meets its likes
            # the same pairs seen from the looked-up end: only its oldest are looked up
            if key[0] in LOOKED_UP and (key not in heads or xid in heads[key]):
                partners.update(blocks.get(LOOKED_UP[key[0]] + key[1:], nobody))
            block = blocks[key]
            if key not in walks:
                partners.update(block)
                continue
            if xid in heads.get(key, block):
                partners.update(shorts[key] if full else heads.get(key, block))
            if key in name_walks:
                for holders in name_walks[key].near(x, NAME_WINDOW):
                    partners.update(holders)
                continue
            w = window * INITIAL_BLOCK // max_block if key.startswith("i:") else window
            for ordered, place in walks[key]:  # sorted neighbourhoods: ``w`` either side
                i = place[xid]
                for y in ordered[max(0, i - w) : i + w + 1]:
                    partners[y.id] = y
        partners.update(by_context.get(xid, nobody))
        xtype = x.type
        for yid, y in partners.items():
            if y.type != xtype or yid == xid or (yid in anchor_ids and yid < xid):
                continue  # a pair of two anchors is given once, by the one with the smaller id
            yield (xid, yid) if xid < yid else (yid, xid)
