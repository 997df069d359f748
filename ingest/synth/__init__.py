"""Synthetic INTERPOL NCB correspondence with exact ground truth.

``generate(out, reports, seed)`` writes a corpus of NCB messages (``.txt``),
officer e-mails (``.eml``, some with CSV attachments) and call / money-transfer
tables (``.csv``) about planted trafficking and smuggling networks, plus
``truth.json``: every document's metadata, every entity with its written
forms, every mention with exact character offsets, every link with its
evidence span, every nationality and birth date a report states about a
person (``attributes``), the networks, cases, bridges and distractors.

Same seed and arguments give byte-identical output.

Modules: :mod:`world` (networks, people, identifiers), :mod:`names` (name
variants), :mod:`identifiers` (phones, IBANs, plates... and their written
forms), :mod:`facts` (what a report asserts), ``phrases_xx`` (wording per
language), :mod:`render` (text with offsets), :mod:`compose` (one report),
:mod:`tables` (CSV), :mod:`writers` (files and truth).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from .compose import Composer
from .lang import LANGUAGES
from .summary import SynthSummary
from .world import World
from .writers import CorpusWriter, Ledger

__all__ = ["LANGUAGES_SUPPORTED", "MAX_REPORTS", "SynthSummary", "generate"]

MAX_REPORTS = 1_000_000
LANGUAGES_SUPPORTED = tuple(LANGUAGES)
GENERATOR_VERSION = 1


def _check(
    out: str | os.PathLike[str], reports: int, seed: int, languages: Sequence[str]
) -> tuple[Path, tuple[str, ...]]:
    if isinstance(reports, bool) or not isinstance(reports, int):
        raise ValueError(f"reports must be an integer, got {reports!r}")
    if reports < 1:
        raise ValueError(f"reports must be at least 1 (got {reports})")
    if reports > MAX_REPORTS:
        raise ValueError(
            f"reports must be at most {MAX_REPORTS:,} (got {reports:,}); "
            "generate several corpora with different seeds instead"
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if isinstance(languages, str):
        languages = [x.strip() for x in languages.split(",")]
    langs: list[str] = []
    for code in languages:
        code = str(code).strip().lower()
        if code not in LANGUAGES:
            raise ValueError(
                f"unknown language {code!r}: choose among {', '.join(LANGUAGES_SUPPORTED)}"
            )
        if code not in langs:
            langs.append(code)
    if not langs:
        raise ValueError(f"no language given: choose among {', '.join(LANGUAGES_SUPPORTED)}")
    path = Path(out)
    if path.exists():
        if not path.is_dir():
            raise ValueError(f"output path {str(path)!r} is a file: choose an empty folder")
        if any(path.iterdir()):
            raise ValueError(f"output folder {str(path)!r} is not empty: choose an empty folder")
    return path, tuple(langs)


def generate(
    out: str | os.PathLike[str],
    reports: int,
    seed: int = 0,
    languages: Sequence[str] = ("en", "fr", "es", "ar"),
    progress: Callable[[int], None] | None = None,
) -> SynthSummary:
    """Generate ``reports`` reports into the empty folder ``out``.

    ``progress(n)`` is called with the number of reports written since the last
    call (in small batches), e.g. to advance a tqdm bar. Raises ``ValueError``
    for bad arguments (reports outside 1..1,000,000, unknown language code,
    non-empty output folder).
    """
    path, langs = _check(out, reports, seed, languages)
    path.mkdir(parents=True, exist_ok=True)
    world = World(seed, reports)
    watch = [b["entity"] for b in world.bridges]
    for d in world.distractors:
        watch += [d["a"], d["b"]]
    ledger = Ledger(watch)
    writer = CorpusWriter(path, ledger)
    composer = Composer(world, langs, seed, reports)
    step = max(1, min(500, reports // 200))
    pending = 0
    for i in range(reports):
        for doc in composer.report(i):
            writer.write(doc)
        pending += 1
        if progress is not None and pending >= step:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)
    generator = {
        "name": "odyssey-synth",
        "version": GENERATOR_VERSION,
        "seed": seed,
        "reports": reports,
        "languages": list(langs),
    }
    realised = writer.finalize(world, generator)
    return SynthSummary(
        out=str(path),
        reports=reports,
        seed=seed,
        files={
            "messages": writer.files["message"],
            "emails": writer.files["email"],
            "tables": writer.files["table"],
        },
        languages=dict(sorted(writer.languages.items())),
        documents=writer.n_documents,
        entities=len(world.entities),
        entities_mentioned=sum(1 for e in world.entities if ledger.counts.get(e.id)),
        mentions=writer.n_mentions,
        links=writer.n_links,
        networks=len(world.networks),
        cases=len(world.cases),
        bridges=realised["bridges"],
        distractors=realised["distractors"],
        bytes_written=writer.bytes,
        truth=str(path / "truth.json"),
    )
