"""The ``odyssey`` command: a thin skin over the library.

Every verb calls the same API that notebooks use; ``--json`` gives machine
output; errors are one line on stderr with exit status 2, never a stack trace.

    odyssey synth --out corpus --reports 200 --seed 7
    odyssey --store case.db stats --json
    odyssey search "abdelrahman" --type Person
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

import odyssey
from odyssey.config import STORE_ENV, resolve_store_uri
from odyssey.errors import OdysseyError, ValidationError
from odyssey.graph import ReadScope
from odyssey.model import HANDLING_CODES
from odyssey.schema import ENTITY_TYPES

if TYPE_CHECKING:
    from odyssey.ingest.pipeline import IngestProgress


def _emit(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


class _Context:
    """What the group's options give every verb."""

    def __init__(self, store: str | None, clearance: str | None) -> None:
        self.store_uri = resolve_store_uri(store)
        self.scope = ReadScope.up_to(clearance) if clearance else ReadScope()

    def open(self) -> odyssey.Workbench:
        return odyssey.open(self.store_uri, scope=self.scope)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(odyssey.__version__, prog_name="odyssey")
@click.option(
    "--store",
    metavar="URI",
    help=f"Store to use: a file path, sqlite:///path or bolt://host:7687 (Neo4j; credentials "
    f"from $ODYSSEY_NEO4J_USER, $ODYSSEY_NEO4J_PASSWORD). Default: ${STORE_ENV}, "
    "else ~/.local/share/odyssey/odyssey.db.",
)
@click.option(
    "--clearance",
    type=click.Choice(HANDLING_CODES),
    help="Read only reports up to this handling code (default: everything).",
)
@click.pass_context
def cli(ctx: click.Context, store: str | None, clearance: str | None) -> None:
    """Odyssey: link analysis for transnational trafficking and smuggling cases."""
    ctx.obj = _Context(store, clearance)


@cli.command()
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Empty folder to write to.",
)
@click.option(
    "--reports", default=200, show_default=True, type=int, help="How many reports to write."
)
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same corpus.")
@click.option(
    "--languages",
    default="en,fr,es,ar",
    show_default=True,
    help="Comma-separated languages of the reports (en, fr, es, ar).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def synth(out: Path, reports: int, seed: int, languages: str, as_json: bool) -> None:
    """Write a realistic synthetic NCB corpus and its ground truth (truth.json).

    Messages, e-mails and call/transfer tables in English, French, Spanish and
    Arabic, with planted networks, spelling variants, cross-case bridges and
    look-alike distractors: a corpus to try Odyssey on and to measure it against.
    """
    from tqdm import tqdm

    from odyssey.ingest.synth import generate

    langs = [code.strip() for code in languages.split(",") if code.strip()]
    with tqdm(
        total=reports, unit="report", desc="synth", disable=as_json or None, file=sys.stderr
    ) as bar:
        try:
            summary = generate(
                out, reports=reports, seed=seed, languages=langs, progress=bar.update
            )
        except ValueError as err:
            raise ValidationError(str(err)) from None
    if as_json:
        _emit(summary.to_dict())
        return
    info = summary.to_dict()
    click.echo(f"wrote {reports} reports to {out}")
    for key, value in info.items():
        if key != "out":
            click.echo(f"  {key}: {value}")
    click.echo(f"ground truth: {Path(out) / 'truth.json'}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def stats(obj: _Context, as_json: bool) -> None:
    """Count what the store holds: documents, cases, mentions, entities and links by type."""
    with obj.open() as wb:
        counts = wb.counts().to_dict()
        uri = wb.store.uri
    if as_json:
        _emit({"store": uri, **counts})
        return
    click.echo(f"store: {uri}")
    for key in ("documents", "cases", "mentions"):
        click.echo(f"{key}: {counts[key]}")
    for key in ("entities", "links", "documents_by_language", "documents_by_category"):
        groups = counts[key]
        detail = ", ".join(f"{k} {v}" for k, v in groups.items()) or "none"
        click.echo(f"{key.replace('_', ' ')}: {sum(groups.values())} ({detail})")


@cli.command()
@click.argument("query")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(ENTITY_TYPES),
    help="Only these entity types.",
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_obj
def search(obj: _Context, query: str, types: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Find entities by name or identifier (case and accents ignored, word prefixes)."""
    with obj.open() as wb:
        hits = wb.search(query, types=types or None, limit=limit)
    rows = [
        {
            "id": h.entity.id,
            "type": h.entity.type,
            "label": h.entity.label,
            "aliases": list(h.entity.aliases),
            "score": round(h.score, 4),
        }
        for h in hits
    ]
    if as_json:
        _emit(rows)
        return
    if not rows:
        click.echo(f"no entity matches {query!r}")
    for row in rows:
        aka = f"  (also: {', '.join(row['aliases'])})" if row["aliases"] else ""
        click.echo(f"{row['type']:<16} {row['label']}  [{row['id']}]{aka}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--case",
    "case_id",
    metavar="REF",
    help="File documents without a case of their own under this case.",
)
@click.option(
    "--mapping",
    "mapping_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A table mapping (TOML) to try before the built-in ones; may be repeated.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0, max=64),
    default=0,
    show_default=True,
    help="Processes that extract: 0 = one per core (up to 4) when there are enough files; "
    "1 = all in this process.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def ingest(
    obj: _Context,
    paths: tuple[Path, ...],
    case_id: str | None,
    mapping_files: tuple[Path, ...],
    workers: int,
    as_json: bool,
) -> None:
    """Read reports, e-mails, PDF/DOCX and tables into the store (files and folders).

    Ingesting the same files again adds nothing; a file that cannot be read is
    reported and skipped while the rest lands.
    """
    from tqdm import tqdm

    with (
        obj.open() as wb,
        tqdm(unit="file", desc="ingest", disable=as_json or None, file=sys.stderr) as bar,
    ):

        def advance(step: IngestProgress) -> None:
            bar.total = step.total
            bar.update(len(step.files))

        summary = wb.ingest(
            paths, case=case_id, mappings=mapping_files, progress=advance, workers=workers
        )
        store_uri = wb.store.uri
    data = summary.to_dict()
    if as_json:
        _emit({"store": store_uri, **data})
        return
    click.echo(
        f"{data['new']} new, {data['skipped']} already ingested, {data['failed']} failed "
        f"-> {data['documents']} documents, {data['mentions']} mentions, {data['entities']} new entities, "
        f"{data['links']} links in {store_uri}"
    )
    for failed in data["failed_files"]:
        click.echo(f"  failed: {failed['path']}: {failed['reason']}")
    warned = sum(len(w["warnings"]) for w in data["warnings"])
    if warned:
        click.echo(
            f"  {warned} warning(s) in {len(data['warnings'])} file(s); see --json for details"
        )


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the extraction as JSON (the default is a readable list).",
)
def extract(file: Path, as_json: bool) -> None:
    """Extract entities and links from one file without storing anything."""
    from odyssey.ingest.extractor import Extractor
    from odyssey.ingest.readers import read_path

    extractions = Extractor().extract([read_path(file)])
    results = [_extraction_json(ex) for ex in extractions]
    data = {**results[0], "attachments": results[1:]}
    if as_json:
        _emit(data)
        return
    for result in results:
        document = result["document"]
        click.echo(f"{document['source']} [{document['language']}] {document['reference'] or ''}")
        for ent in result["entities"]:
            click.echo(
                f"  {ent['id']:>5} {ent['type']:<16} {ent['text']!r} -> {ent['value']} ({ent['method']})"
            )
        for link in result["links"]:
            click.echo(
                f"  {link['source']:>5} -{link['type']}-> {link['target']} ({link['confidence']})"
            )


def _extraction_json(ex: Any) -> dict[str, Any]:
    """One extraction in the documented ``odyssey extract --json`` shape (mention ids m1, m2...)."""
    doc = ex.document
    ids = {m.id: f"m{i + 1}" for i, m in enumerate(ex.mentions)}
    family = {"ner": "ner", "rule": "rule", "cue": "rule"}
    return {
        "document": {
            "source": doc.source, "language": doc.language, "reference": doc.reference,
            "date": doc.date.isoformat() if doc.date else None, "originator": doc.originating_ncb,
            "case": doc.case_id, "crime_category": doc.crime_category.value,
        },
        "entities": [
            {
                "id": ids[m.id], "type": m.type, "text": m.text,
                "value": m.value if m.value is not None else ex.entities[m.entity_id].label,
                "start": m.start, "end": m.end, "confidence": m.confidence,
                "method": family.get(m.method.split(":", 1)[0], "field"), "entity": m.entity_id,
            }
            for m in ex.mentions
        ],
        "links": [
            {
                "type": lk.type, "source": ids[lk.mention_ids[0]], "target": ids[lk.mention_ids[1]],
                "evidence": {"start": lk.evidence.start, "end": lk.evidence.end}, "confidence": lk.confidence,
                "method": lk.method,
            }
            for lk in ex.links
        ],
        "warnings": ex.warnings,
    }  # fmt: skip


@cli.command()
@click.option("--from", "source", required=True, metavar="URI", help="Store to copy from.")
@click.option("--to", "target", required=True, metavar="URI", help="Store to copy into.")
@click.option("--json", "as_json", is_flag=True, help="Print what was copied as JSON.")
def migrate(source: str, target: str, as_json: bool) -> None:
    """Copy everything from one store to another, then check the counts.

    For example, from a laptop to the team's Neo4j:
    odyssey migrate --from case.db --to bolt://localhost:7687
    """
    from odyssey.graph import open_store
    from odyssey.graph.migrate import migrate as run_migrate

    def progress(kind: str, n: int) -> None:
        if not as_json:
            click.echo(f"  {kind}: +{n}", err=True)

    with open_store(source) as src, open_store(target) as dst:
        if src.uri == dst.uri:
            raise ValidationError("--from and --to name the same store; give two different stores")
        result = run_migrate(src, dst, progress=progress)
        uris = {"from": src.uri, "to": dst.uri}
    copied = result.copied()
    if as_json:
        _emit({**uris, "copied": copied, "counts": result.counts.to_dict()})
        return
    click.echo(
        f"copied {', '.join(f'{n} {k}' for k, n in copied.items())} "
        f"from {uris['from']} to {uris['to']}; counts checked"
    )


# Verb groups that live in their own modules (imported here, after ``cli`` exists).
cli.add_command(__import__("odyssey.cli_analyze", fromlist=["analyze"]).analyze)
__import__("odyssey.cli_resolve", fromlist=["register"]).register(
    cli
)  # resolve, entities, explain, judge
cli.add_command(__import__("odyssey.cli_serve", fromlist=["serve"]).serve)


def main() -> None:
    """Console entry point: run the CLI, turning Odyssey's errors into one line and exit 2."""
    try:
        status = cli(standalone_mode=False)
    except OdysseyError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except Exception as err:  # a bug: one line for the user, the traceback only on request
        if os.environ.get("ODYSSEY_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(err).__name__}: {err} (set ODYSSEY_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(3)
    sys.exit(status if isinstance(status, int) else 0)
