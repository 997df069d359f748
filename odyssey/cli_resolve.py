"""Entity-resolution verbs: ``resolve``, ``entities``, ``explain``, ``judge``.

    odyssey resolve --json
    odyssey entities --type Person
    odyssey explain Person:1a2b... Person:3c4d...
    odyssey judge not-same Person:1a2b... Person:3c4d... --note "jdoe: born 1965 vs 1995"
    odyssey judge split Person:1a2b... --record Person:9f8e...

Registered on the main group by ``odyssey.cli`` with one line.
"""

from __future__ import annotations

from typing import Any

import click

from odyssey.schema import ENTITY_TYPES


def _emit(data: Any) -> None:
    from odyssey.cli import _emit as emit

    emit(data)


@click.command()
@click.option("--full", is_flag=True, help="Rescore every pair, not only those with new records.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def resolve(obj: Any, full: bool, as_json: bool) -> None:
    """Decide which people and organisations across reports are one (incremental)."""
    with obj.open() as wb:
        summary = wb.resolve(full=full)
    if as_json:
        _emit(summary.to_dict())
        return
    click.echo(
        f"{summary.records} records ({summary.new_records} new), {summary.pairs_scored} pairs scored, "
        f"{summary.entities} people/organisations, {summary.moved} records moved in {summary.seconds} s"
    )


@click.command()
@click.option("--type", "kind", type=click.Choice(sorted(ENTITY_TYPES)), help="Only this type.")
@click.option("--limit", default=1000, show_default=True, type=click.IntRange(1, 10**7))
@click.option("--json", "as_json", is_flag=True, help="Print the entities as JSON.")
@click.pass_obj
def entities(obj: Any, kind: str | None, limit: int, as_json: bool) -> None:
    """List entities with their aliases and every mention (source, text, start, end)."""
    with obj.open() as wb:
        found = wb.store.entities(type=kind, limit=limit)
        sources: dict[str, str] = {}
        out = []
        for e in found:
            mentions = []
            for m in wb.store.mentions(entity_id=e.id):
                if m.document_id not in sources:
                    doc = wb.store.document(m.document_id)
                    sources[m.document_id] = doc.source if doc else "?"
                mentions.append(
                    {
                        "source": sources[m.document_id],
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                    }
                )
            out.append(
                {"id": e.id, "type": e.type, "label": e.label, "aliases": list(e.aliases),
                 "properties": dict(e.properties), "mentions": mentions}
            )  # fmt: skip
    if as_json:
        _emit(out)
        return
    for e in out:
        aliases = f"  (also: {', '.join(e['aliases'][:6])})" if e["aliases"] else ""
        click.echo(
            f"{e['id']}  {e['type']}  {e['label']}{aliases}  [{len(e['mentions'])} mentions]"
        )


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.pass_obj
def explain(obj: Any, a: str, b: str, as_json: bool) -> None:
    """Say why two entities (or records) are, or are not, one."""
    with obj.open() as wb:
        ex = wb.explain(a, b)
    data = ex.to_dict()
    if as_json:
        _emit(data)
        return
    click.echo(f"{a} and {b} are {'ONE entity' if ex.same_entity else 'two entities'}")
    if ex.best is not None:
        click.echo(
            f"closest records: {ex.best.a} / {ex.best.b}: total {ex.best.total:+.2f} "
            f"(threshold {ex.threshold:+.2f}), score {ex.best.score:.2f}"
        )
        for feature, weight in sorted(ex.best.reasons.items(), key=lambda kv: -abs(kv[1])):
            verdict = "agrees" if weight > 0 else "conflicts" if weight < 0 else "neutral"
            click.echo(f"  {verdict:<9} {feature:<20} {weight:+.2f}")
    for line in ex.conflicts:
        click.echo(f"  constraint: {line}")
    for j in ex.judgements:
        if j.source == "analyst":
            click.echo(f"  analyst: {j.decision} {j.a} / {j.b} {j.note}")


@click.command()
@click.argument("decision", type=click.Choice(["same", "not-same", "split", "forget"]))
@click.argument("a")
@click.argument("b", required=False)
@click.option("--record", "records", multiple=True, help="For split: a record to take out of A.")
@click.option("--note", default="", help="Who decided and why (kept with the decision).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def judge(
    obj: Any,
    decision: str,
    a: str,
    b: str | None,
    records: tuple[str, ...],
    note: str,
    as_json: bool,
) -> None:
    """Record an analyst decision that every later resolution obeys, and apply it."""
    with obj.open() as wb:
        written = wb.judge(decision.replace("-", "_"), a, b, records=records, note=note)
    if as_json:
        _emit([{"a": j.a, "b": j.b, "decision": j.decision, "note": j.note} for j in written])
        return
    click.echo(f"{len(written)} decision(s) stored and applied")


COMMANDS = (resolve, entities, explain, judge)


def register(group: click.Group) -> None:
    """Add the resolution verbs to the ``odyssey`` group."""
    for command in COMMANDS:
        group.add_command(command)
