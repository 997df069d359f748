"""``odyssey analyze``: the graph analytics on the command line, through the Workbench.

Every verb projects the visible graph (filtered by ``--type``, ``--case``,
``--since``/``--until``, ``--min-confidence``; ``--people`` for the one-mode
person view), runs one analysis and prints it readably, or as JSON with ``--json``.

    odyssey analyze communities --method leiden --seed 7
    odyssey analyze centrality --measure betweenness --top 10 --json
    odyssey analyze path "Ali HASSAN" "José GARCÍA" --k 3
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import click

from odyssey.schema import ENTITY_TYPES, LINK_TYPES

_MEASURES = ("degree", "betweenness", "closeness", "eigenvector", "pagerank", "katz")


def _emit(data: Any) -> None:
    from odyssey.graph.analytics import to_jsonable

    click.echo(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2, sort_keys=True))


def _graph_options(verb: Callable[..., None]) -> Callable[..., None]:
    """The options every verb shares: which graph to analyse, which engine, JSON or not."""
    day = click.DateTime(formats=["%Y-%m-%d"])
    options = [
        click.option("--type", "entity_types", multiple=True, type=click.Choice(ENTITY_TYPES),
                     help="Only entities of these types (repeat)."),
        click.option("--link-type", "link_types", multiple=True, type=click.Choice(LINK_TYPES),
                     help="Only links of these types (repeat)."),
        click.option("--case", "cases", multiple=True, metavar="REF",
                     help="Only links stated in reports of these cases (repeat)."),
        click.option("--since", type=day, help="Only links dated on or after YYYY-MM-DD."),
        click.option("--until", type=day, help="Only links dated on or before YYYY-MM-DD."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0,
                     show_default=True, help="Only links at least this sure."),
        click.option("--people", is_flag=True,
                     help="One-mode view: people joined directly or by a shared identifier."),
        click.option("--backend", type=click.Choice(["auto", "networkx", "igraph"]),
                     default="auto", show_default=True,
                     help="networkx (reference) or igraph (fast path); auto picks by size."),
        click.option("--json", "as_json", is_flag=True, help="Print the result as JSON."),
    ]  # fmt: skip

    @functools.wraps(verb)
    def run(obj: Any, **kw: Any) -> None:
        filters = {
            "entity_types": kw.pop("entity_types") or None,
            "link_types": kw.pop("link_types") or None,
            "cases": kw.pop("cases") or None,
            "start": (since := kw.pop("since")) and since.date(),
            "end": (until := kw.pop("until")) and until.date(),
            "min_confidence": kw.pop("min_confidence"),
            "people": kw.pop("people"),
        }
        with obj.open() as wb:
            verb(wb, wb.graph(**filters), **kw)

    for option in reversed(options):
        run = option(run)
    return click.pass_obj(run)


@click.group()
def analyze() -> None:
    """Analyse the graph: communities, key players, disruption, paths, missing and cross-case links."""


@analyze.command()
@click.option(
    "--method",
    type=click.Choice(["louvain", "leiden", "label-propagation"]),
    default="louvain",
    show_default=True,
)
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same answer.")
@click.option(
    "--resolution", default=1.0, show_default=True, type=float, help="Above 1: smaller communities."
)
@click.option(
    "--show", default=10, show_default=True, type=int, help="Members listed per community."
)
@_graph_options
def communities(wb: Any, graph: Any, method: str, seed: int, resolution: float, show: int,
                backend: str, as_json: bool) -> None:  # fmt: skip
    """Groups in the network, with the partition's modularity."""
    result = wb.communities(graph, method=method, seed=seed, resolution=resolution, backend=backend)
    if as_json:
        _emit(result)
        return
    click.echo(
        f"{len(result.communities)} communities, modularity {result.modularity:.3f} "
        f"({result.method}, {result.backend}; {graph.number_of_nodes()} entities)"
    )
    for i, members in enumerate(result.communities, 1):
        names = ", ".join(m.label for m in members[:show])
        more = f", … {len(members) - show} more" if len(members) > show else ""
        click.echo(f"  #{i} ({len(members)}): {names}{more}")


@analyze.command()
@click.option("--measure", type=click.Choice(_MEASURES), default="degree", show_default=True)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1))
@click.option("--k", type=click.IntRange(2), help="Betweenness: sample this many sources.")
@click.option("--seed", default=0, show_default=True, type=int)
@_graph_options
def centrality(wb: Any, graph: Any, measure: str, top: int, k: int | None, seed: int,
               backend: str, as_json: bool) -> None:  # fmt: skip
    """Entities ranked by a centrality measure (who holds the network together)."""
    ranked = wb.centrality(graph, measure=measure, top=top, k=k, seed=seed, backend=backend)
    if as_json:
        _emit({"measure": measure, "ranking": ranked})
        return
    click.echo(f"top {len(ranked)} by {measure} ({graph.number_of_nodes()} entities)")
    for i, row in enumerate(ranked, 1):
        click.echo(f"{i:>4}. {row.score:10.4f}  {row.node.type or '':<12} {row.node}")


@analyze.command()
@click.option(
    "--strategy",
    type=click.Choice(["degree", "betweenness", "katz", "collective-influence"]),
    default="degree",
    show_default=True,
)
@click.option(
    "--mode",
    type=click.Choice(["sequential", "block"]),
    default="sequential",
    show_default=True,
    help="sequential re-ranks after every removal.",
)
@click.option("--steps", default=10, show_default=True, type=click.IntRange(1))
@click.option("--k", type=click.IntRange(2), help="Betweenness: sample this many sources.")
@_graph_options
def disrupt(wb: Any, graph: Any, strategy: str, mode: str, steps: int, k: int | None,
            backend: str, as_json: bool) -> None:  # fmt: skip
    """Remove key players one by one; the largest component's share after each removal."""
    result = wb.disrupt(graph, strategy=strategy, mode=mode, steps=steps, k=k, backend=backend)
    if as_json:
        _emit(result)
        return
    click.echo(f"{strategy}, {mode}: largest component {result.lcc_fraction[0]:.1%} of "
               f"{graph.number_of_nodes()} entities before any removal")  # fmt: skip
    for i, (row, lcc) in enumerate(zip(result.removed, result.lcc_fraction[1:], strict=True), 1):
        click.echo(f"{i:>4}. remove {row.node} (score {row.score:.4g}) -> {lcc:.1%}")


@analyze.command()
@click.argument("a")
@click.argument("b")
@click.option("--k", default=3, show_default=True, type=click.IntRange(1), help="How many paths.")
@click.option("--evidence", default=5, show_default=True, type=click.IntRange(1),
              help="Link records printed per hop, earliest first (--json gives all).")  # fmt: skip
@_graph_options
def path(wb: Any, graph: Any, a: str, b: str, k: int, evidence: int, backend: str,
         as_json: bool) -> None:  # fmt: skip
    """Shortest paths from A to B (ids or labels) with the evidence of every hop."""
    paths = wb.paths(a, b, k=k, graph=graph)
    if as_json:
        _emit(paths)
        return
    if not paths:
        click.echo(f"no path between {a!r} and {b!r} in this graph")
    for i, found in enumerate(paths, 1):
        labels = [
            found["hops"][0]["source"]["label"],
            *(h["target"]["label"] for h in found["hops"]),
        ]
        click.echo(f"path {i} ({len(found['hops'])} hops): {' -> '.join(labels)}")
        for hop in found["hops"]:
            click.echo(f"  {hop['source']['label']} - {hop['target']['label']}")
            for link in hop["links"][:evidence]:
                where = ", ".join(str(x) for x in (link.get("reference"), link.get("date")) if x)
                click.echo(f"    {link['type']}: {(link.get('text') or '').strip()!r} ({where})")
            if len(hop["links"]) > evidence:
                click.echo(f"    … {len(hop['links']) - evidence} more (--evidence N, or --json)")


@analyze.command()
@click.option(
    "--method",
    type=click.Choice(["adamic-adar", "resource-allocation", "katz"]),
    default="adamic-adar",
    show_default=True,
)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1))
@_graph_options
def predict(wb: Any, graph: Any, method: str, top: int, backend: str, as_json: bool) -> None:
    """Likely missing links, with the reason (common neighbours, short walks)."""
    found = wb.predict(graph, method=method, top=top)
    if as_json:
        _emit({"method": method, "predictions": found})
        return
    click.echo(f"top {len(found)} likely missing links by {method}")
    for i, p in enumerate(found, 1):
        click.echo(f"{i:>4}. {p.a} -- {p.b}  ({p.score:.4g}): {p.reason}")


@analyze.command()
@_graph_options
def crosscase(wb: Any, graph: Any, backend: str, as_json: bool) -> None:
    """Entities shared by cases of different countries or crime types, and the case-to-case links."""
    result = wb.crosscase(graph)
    if as_json:
        _emit(result)
        return
    if not result.shared:
        click.echo(f"no entity is shared by two cases ({len(result.cases)} case(s) in this graph)")
        return
    click.echo(
        f"{len(result.shared)} entities shared by more than one case, strongest first "
        "(!! across crime types, ! across borders)"
    )
    for s in result.shared:
        flag = "!! " if s.cross_crime else "!  " if s.cross_border else "   "
        click.echo(f"{flag}{s.why}")
    if result.case_links:
        click.echo("case links:")
    for link in result.case_links:
        click.echo(f"  {link.a.id} -- {link.b.id} ({len(link.shared)}): {link.why}")


@analyze.command()
@click.option("--by", type=click.Choice(["month", "quarter"]), default="month", show_default=True)
@click.option("--measure", type=click.Choice(_MEASURES), default="degree", show_default=True)
@click.option("--top", default=5, show_default=True, type=click.IntRange(1))
@_graph_options
def periods(wb: Any, graph: Any, by: str, measure: str, top: int, backend: str,
            as_json: bool) -> None:  # fmt: skip
    """The measure per month or quarter, and who rose and who fell."""
    result = wb.periods(graph, by=by, measure=measure, top=top, backend=backend)
    if as_json:
        _emit(result)
        return
    if not result.slices:
        click.echo(
            f"no dated links to slice by {by} ({result.undated_links} links without a date: "
            "a link is dated by when it happened, else by its report's date)"
        )
        return
    with_data = sum(1 for s in result.slices if s.links)
    click.echo(
        f"{measure} by {by}: {len(result.slices)} periods ({with_data} with dated links), "
        f"{result.undated_links} undated links left out"
    )
    quiet: list[str] = []  # a run of periods with no dated links, printed as one line
    for s in [*result.slices, None]:
        if s is not None and s.links == 0:
            quiet.append(s.period)
            continue
        if quiet:
            span = quiet[0] if len(quiet) == 1 else f"{quiet[0]} to {quiet[-1]}"
            click.echo(f"  {span}: no dated links")
            quiet = []
        if s is not None:
            best = ", ".join(f"{row.node.label} {row.score:.3g}" for row in s.top)
            click.echo(f"  {s.period}: {s.entities} entities, {s.links} links; top: {best}")
    for change in result.changes:
        rose = ", ".join(f"{m.node.label} +{m.change:.3g}" for m in change.rose) or "none"
        fell = ", ".join(f"{m.node.label} {m.change:.3g}" for m in change.fell) or "none"
        gap = f" (skipping {len(change.skipped)} with no data)" if change.skipped else ""
        click.echo(f"  {change.before} -> {change.after}{gap}: rose {rose}; fell {fell}")
