"""Who a short name stands for inside one report: within-document coreference.

Police reports introduce a person once in full (``Mohamed MANSOUR``, ``Kanokwan
SUKPRASERT alias "Mama Lek"``) and then write the surname alone (``MANSOUR``),
an initial and the surname (``M. MANSOUR``) or the nickname. Inside one report
that is not a question for cross-report resolution: the writer means the person
introduced, and when two people share the surname (``Mohamed MANSOUR`` and
``Hesham MANSOUR``) the one named last before it. :func:`antecedents` makes that
decision once, with the positions extraction knows, so the short form's mention
points at the full name's record and carries its words as evidence.

A short form is tied to a fuller name of the same report when every word of it
is in that name (transliteration-aware, any order, initials agreeing), or when it
is a "known as" of that name. Among several such names, the nearest one before
it wins; with none before, the nearest after. A short form matching no fuller
name stays its own record, for resolution to weigh across reports.

>>> antecedents([(0, "Hesham MANSOUR", ()), (40, "Mohamed MANSOUR", ()), (90, "MANSOUR", ()),
...              (120, "H. MANSOUR", ()), (150, "Mama Lek", ()), (160, "Kanokwan SUKPRASERT", ("Mama Lek",))])
{2: 1, 3: 0, 4: 5}
"""

from __future__ import annotations

from collections.abc import Sequence

from .names import Name, Token, parse


def _words(name: Name) -> int:
    return sum(not t.initial for t in name.tokens)


def _same_word(a: Token, b: Token) -> bool:
    """One word written twice in one report: the same letters, give or take a transliteration.

    Stricter than resolution's similarity, which lets ``Mahmoud`` and ``Mohamed``
    share a skeleton: inside a report the writer spells a name the same way, so
    two Latin spellings must be one (``AL-MAHMOUDI`` is not short for ``Mahmoud
    al-HALABI``); only a word read from Arabic script, which writes no vowels,
    is matched by its skeleton.
    """
    if a.text == b.text:
        return True
    return (a.arabic or b.arabic) and a.skeleton == b.skeleton


def _stands_for(short: Name, full: Name) -> bool:
    """Whether ``short`` can be an abbreviation of ``full`` (fewer words, all of them in it)."""
    if _words(short) == 0 or _words(short) >= _words(full):
        return False
    words = [t for t in full.tokens if not t.initial]
    for t in short.tokens:
        if t.initial:
            if not any(w.text[:1] == t.text[:1] for w in words):
                return False
        elif not any(_same_word(t, w) for w in words):
            return False
    return True


def antecedents(names: Sequence[tuple[int, str, Sequence[str]]]) -> dict[int, int]:
    """For one report's person names ``(start, written, aliases)``, map short forms to full names.

    Returns index → index of the name each short form stands for (never a short
    form itself, so one step always reaches a full name).
    """
    parsed = [parse(written) for _, written, _ in names]
    alias_of: dict[str, list[int]] = {}
    for j, (_, _, aliases) in enumerate(names):
        for alias in aliases:
            if key := parse(alias).key:
                alias_of.setdefault(key, []).append(j)
    words = [_words(name) for name in parsed]
    out: dict[int, int] = {}
    for i, (start, _, _) in enumerate(names):
        name = parsed[i]
        by_alias = [j for j in alias_of.get(name.key, ()) if j != i and parsed[j].key != name.key]
        options = by_alias or [
            j  # only a name of more words can be the full form (checked first: most are not)
            for j in range(len(names))
            if 0 < words[i] < words[j] and _stands_for(name, parsed[j])
        ]
        if not options:
            continue
        before = [j for j in options if names[j][0] < start]
        after = [j for j in options if names[j][0] > start]
        if before:
            out[i] = max(before, key=lambda j: names[j][0])
        elif after:
            out[i] = min(after, key=lambda j: names[j][0])
    # an alias-introduced name may itself be short for a fuller one: follow to the end
    for i, j in list(out.items()):
        seen = {i}
        while j in out and j not in seen:
            seen.add(j)
            j = out[j]
        if j == i:  # two nicknames given for each other: neither is the full name
            del out[i]
        else:
            out[i] = j
    return out
