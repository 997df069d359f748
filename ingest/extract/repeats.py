"""Identifiers written again without their cue word.

A report names a plate, a vessel or a document number once behind its cue
("tracteur immatriculé GH-417-KT", "the cargo ship SEA FALCON (IMO 8712207)")
and then repeats it bare ("vérifier les passages de GH-417-KT", "SEA FALCON is
managed by ..."). The repeat is the same identifier: same value, a little less
confidence, method ``rule:repeat``. Only forms that cannot be chance matches are
looked for again: at least five letters or digits, and matched as whole words
with the same case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from odyssey.ingest.extract.found import Found

#: Types found only behind a cue word, so their repeats are missed without this pass.
CUED_TYPES = frozenset({"Vehicle", "Vessel", "IdentityDocument"})
_MIN_CHARACTERS = 5
_CONFIDENCE_STEP = 0.05
# A match is a whole word: no letter, digit or dash joined before it, nor after it.
_BEFORE = re.compile(r"(?<=[\w\-])")
_AFTER = re.compile(r"\w|-\w")


def repeats(text: str, found: Sequence[Found]) -> list[Found]:
    """Other whole-word occurrences in ``text`` of the cued identifiers in ``found``.

    Occurrences overlapping anything in ``found`` are left out; each written form
    is looked for once, with the value of its most confident finding.
    """
    best: dict[str, Found] = {}
    for f in found:
        written = text[f.start : f.end]
        if f.type not in CUED_TYPES or sum(c.isalnum() for c in written) < _MIN_CHARACTERS:
            continue
        if written not in best or f.confidence > best[written].confidence:
            best[written] = f
    if not best:
        return []
    taken = sorted((f.start, f.end) for f in found)
    out: list[Found] = []
    for written, f in best.items():
        at = text.find(written)
        while at != -1:
            end = at + len(written)
            whole = _BEFORE.match(text, at) is None and _AFTER.match(text, end) is None
            if not whole or any(at < b and a < end for a, b in taken):
                at = text.find(written, at + 1)
                continue
            taken.append((at, end))
            out.append(
                Found(
                    start=at,
                    end=end,
                    type=f.type,
                    value=f.value,
                    method="rule:repeat",
                    confidence=round(max(f.confidence - _CONFIDENCE_STEP, 0.5), 2),
                    properties=dict(f.properties),
                )
            )
            at = text.find(written, end)
    return out
