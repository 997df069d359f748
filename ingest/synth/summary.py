"""The summary :func:`odyssey.ingest.synth.generate` returns (and the CLI prints)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SynthSummary:
    """What a generation run wrote.

    ``files`` counts files by kind ("messages", "emails", "tables"); ``languages``
    counts messages and e-mails by document language; entity/mention/link counts
    are those of ``truth.json``; bridges and distractors count only the ones
    actually realised in the text (both sides mentioned).
    """

    out: str
    reports: int
    seed: int
    files: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    entities: int = 0
    entities_mentioned: int = 0
    mentions: int = 0
    links: int = 0
    networks: int = 0
    cases: int = 0
    bridges: int = 0
    distractors: int = 0
    bytes_written: int = 0
    truth: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable dict (for ``--json`` output)."""
        return asdict(self)
