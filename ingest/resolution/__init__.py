"""Entity resolution: which records (what extraction wrote) are one person or organisation.

Judgements, not destructive merges: the store keeps every record, the machine's
judgements about pairs (score and reasons) and the analyst's decisions; an
entity is a group of records that can be regrouped at any time without losing a
mention. Modules, in the order data flows:

* :mod:`.records` — the record id a name gets at extraction (per document);
* :mod:`.context` — birth date and "known as" written next to a name;
* :mod:`.names` — folding, Arabic→Latin transliteration, particles, skeletons;
* :mod:`.blocking` — which pairs to score (never all pairs);
* :mod:`.score` — a scored, explained comparison of two records;
* :mod:`.cluster` — judged pairs to groups, under constraints;
* :mod:`.resolver` — the incremental run on a store, ``explain`` and ``judge``.
"""

from __future__ import annotations

from .resolver import Explanation, ResolveSummary, explain, judge, resolve

__all__ = ["Explanation", "ResolveSummary", "explain", "judge", "resolve"]
