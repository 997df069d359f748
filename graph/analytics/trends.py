"""Strategic trends: reports, cases, suspects and victims per period, by crime type or region.

Managers read these; they count, they do not name. The data is read from a
store once (:func:`gather`, through the ``GraphStore`` interface only) and then
filtered and grouped in memory (:func:`tally`), so changing a filter or a
breakdown costs no query and every count of distinct things stays exact (a
person named in two Italian reports of one month is one person for Europe that
month).

Definitions (they hold in every view and export):

* a **report** counts in the period of its date; undated reports are left out;
* its **region** is that of its country: the originating NCB's country, else
  its case's country (``country_of`` says which country an NCB is);
* a **case** counts in every period and group in which one of its reports does;
* a **victim** is a person at the receiving end of an ``EXPLOITED``,
  ``RECRUITED`` or ``TRANSPORTED`` link in any visible report (smuggled people
  included: the network moved them); every other person a report names is a
  **suspect**. People count in the periods and groups of the reports naming them;
* a **route leg** is a ``ROUTE`` link (place to place), counted by the reports stating it;
* a **new entity** is a person, organisation, identifier, address, vehicle or
  vessel (not a place or an event) whose first report (among those the filters
  keep) falls in the window; a **new cross-case link** is a pair of cases that
  first came to share such an entity in the window.

Distinct counts per group do not add up to the total: a person in a
trafficking and a smuggling report is one person in each group and one in all.
Figures here are raw; strategic views publish them through
:func:`odyssey.disclosure.suppress`.

>>> from datetime import date
>>> data = StrategicData(
...     reports={"r1": Report("r1", date(2026, 1, 5), "smuggling", "IT", "IT-1"),
...              "r2": Report("r2", date(2026, 1, 9), "trafficking", "NG", "NG-1")},
...     people=[("p1", "r1"), ("p1", "r2"), ("p2", "r2")], victims=frozenset({"p2"}))
>>> t = tally(data, breakdown="interpol")
>>> t.series["suspects"], t.totals["suspects"], t.totals["victims"]
({('2026-01', 'Africa'): 1, ('2026-01', 'Europe'): 1}, 1, 1)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from odyssey.errors import ValidationError
from odyssey.graph.store import GraphFilter, GraphStore
from odyssey.model import CrimeCategory
from odyssey.regions import (
    INTERPOL_REGIONS,
    REGIONAL_BODIES,
    bodies_of,
    interpol_region,
    members,
)

#: Link types whose target person is a victim (or a smuggled person).
VICTIM_LINKS = frozenset({"EXPLOITED", "RECRUITED", "TRANSPORTED"})
#: Entity types that identify someone or something (new entities, cross-case links).
IDENTIFYING_TYPES = frozenset(
    {
        "Person",
        "Organization",
        "Address",
        "Phone",
        "Email",
        "IdentityDocument",
        "Vehicle",
        "Vessel",
        "BankAccount",
        "CryptoWallet",
    }
)
MEASURES = ("reports", "cases", "suspects", "victims")
#: How series are split: not at all, by crime category, by INTERPOL region, by regional body.
BREAKDOWNS = ("none", "crime_category", "interpol", "bodies")
PERIODS = ("month", "quarter", "year")
#: Group names for reports whose country is unknown or in no regional body.
UNKNOWN_REGION = "Unknown"
NO_BODY = "No regional body"
ALL = "All"


@dataclass(frozen=True, slots=True)
class Report:
    """What a strategic count needs of a report."""

    id: str
    day: date | None
    crime_category: str
    country: str | None
    case_id: str | None


@dataclass(slots=True)
class StrategicData:
    """Everything trends are computed from, read once from a store."""

    reports: dict[str, Report]
    #: (person id, report id), each pair once.
    people: list[tuple[str, str]] = field(default_factory=list)
    victims: frozenset[str] = frozenset()
    #: (entity id, report id) for the other identifying types.
    others: list[tuple[str, str]] = field(default_factory=list)
    #: person id -> ISO-2 nationality, where a report or table states it.
    nationality: dict[str, str] = field(default_factory=dict)
    #: (from place, to place, report id) for every ROUTE link; places by label.
    route_legs: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Tally:
    """Raw counts for one choice of filters, period and breakdown."""

    periods: list[str]
    groups: list[str]
    #: measure -> (period, group) -> count; zero where a group had nothing that period.
    series: dict[str, dict[tuple[str, str], int]]
    #: measure -> distinct count over the whole window.
    totals: dict[str, int]
    #: (from, to, reports) for every leg, most reported first.
    routes: list[tuple[str, str, int]]
    #: (ISO-2, role, people), most first; role is "suspects" or "victims".
    nationalities: list[tuple[str, str, int]]
    #: people named in the window whose nationality no report states.
    nationality_unknown: int
    new_entities: int
    new_case_links: int


def gather(store: GraphStore, country_of_ncb: Callable[[str | None], str | None]) -> StrategicData:
    """Read what trends need from ``store`` (its scope applies): seven reads, no text.

    ``country_of_ncb`` turns an originating NCB's name into its ISO-2 country
    (``odyssey.ingest.ncbs.country_of_ncb``); a report whose NCB is unknown
    takes its case's country.
    """
    case_country = {c.id: c.country for c in store.cases()}
    reports = {}
    for f in store.document_facts():
        country = country_of_ncb(f.originating_ncb) or case_country.get(f.case_id or "")
        reports[f.id] = Report(f.id, f.date, f.crime_category, country, f.case_id)
    everything = 10**12  # "no limit": the interface reads take a limit
    victims = frozenset(
        link.target
        for link in store.links(filters=GraphFilter(link_types=VICTIM_LINKS), limit=everything)
    )
    nationality = {
        e.id: str(e.properties["nationality"]).upper()
        for e in store.entities(type="Person", limit=everything)
        if isinstance(e.properties.get("nationality"), str)
    }
    route_links = store.links(filters=GraphFilter(link_types={"ROUTE"}), limit=everything)
    places = {
        e.id: e.label
        for e in store.entities(
            {x for link in route_links for x in (link.source, link.target)}, limit=everything
        )
    }
    legs = [
        (places.get(link.source, link.source), places.get(link.target, link.target), doc)
        for link in route_links
        if (doc := link.evidence.document_id) in reports
    ]
    return StrategicData(
        reports=reports,
        people=store.occurrences(types=["Person"]),
        victims=victims,
        others=store.occurrences(types=sorted(IDENTIFYING_TYPES - {"Person"})),
        nationality=nationality,
        route_legs=legs,
    )


def period_of(day: date, by: str = "month") -> str:
    """The period a day falls in, written as the stores write it: ``2026-03``, ``2026-Q1``, ``2026``."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year:04d}-Q{(day.month + 2) // 3}"
    if by == "year":
        return f"{day.year:04d}"
    raise ValidationError(f"unknown period {by!r}; use {', '.join(PERIODS)}")


def groups_of_report(report: Report, breakdown: str) -> tuple[str, ...]:
    """The groups a report counts in under ``breakdown`` (several only for overlapping bodies)."""
    if breakdown == "none":
        return (ALL,)
    if breakdown == "crime_category":
        return (report.crime_category,)
    if breakdown == "interpol":
        return (interpol_region(report.country) or UNKNOWN_REGION,)
    if breakdown == "bodies":
        return tuple(sorted(bodies_of(report.country))) or (NO_BODY,)
    raise ValidationError(f"unknown breakdown {breakdown!r}; use {', '.join(BREAKDOWNS)}")


def tally(
    data: StrategicData,
    *,
    start: date | None = None,
    end: date | None = None,
    categories: Iterable[str] | None = None,
    region: str | None = None,
    by: str = "month",
    breakdown: str = "crime_category",
) -> Tally:
    """Count reports, cases, suspects and victims per period and group, with routes and KPIs.

    ``categories`` keeps reports of these crime categories; ``region`` (an
    INTERPOL region or a regional body) keeps reports from its countries;
    ``start``/``end`` (inclusive) bound the report dates.
    """
    if by not in PERIODS:
        raise ValidationError(f"unknown period {by!r}; use {', '.join(PERIODS)}")
    if breakdown not in BREAKDOWNS:
        raise ValidationError(f"unknown breakdown {breakdown!r}; use {', '.join(BREAKDOWNS)}")
    if start and end and start > end:
        raise ValidationError(f"the window starts ({start}) after it ends ({end})")
    wanted = set(categories) if categories is not None else None
    area = members(region) if region else None
    # reports the category and region filters keep, at any date (for "new" KPIs), and in the window
    kept = {
        r.id: r
        for r in data.reports.values()
        if r.day is not None
        and (wanted is None or r.crime_category in wanted)
        and (area is None or r.country in area)
    }
    window = {
        i: r
        for i, r in kept.items()
        if (start is None or r.day >= start) and (end is None or r.day <= end)  # type: ignore[operator]
    }
    cell: dict[str, tuple[str, tuple[str, ...]]] = {
        i: (period_of(r.day, by), groups_of_report(r, breakdown))  # type: ignore[arg-type]
        for i, r in window.items()
    }
    sets: dict[str, dict[tuple[str, str], set[str]]] = {m: defaultdict(set) for m in MEASURES}
    totals: dict[str, set[str]] = {m: set() for m in MEASURES}

    def add(measure: str, item: str, report: str) -> None:
        period, groups = cell[report]
        for group in groups:
            sets[measure][period, group].add(item)
        totals[measure].add(item)

    for i, r in window.items():
        add("reports", i, i)
        if r.case_id:
            add("cases", r.case_id, i)
    named: dict[str, set[str]] = {"suspects": set(), "victims": set()}
    for person, report in data.people:
        if report in cell:
            role = "victims" if person in data.victims else "suspects"
            add(role, person, report)
            named[role].add(person)
    periods = sorted({p for p, _ in cell.values()})
    groups = _ordered_groups({g for _, gs in cell.values() for g in gs}, breakdown)
    series = {
        m: {(p, g): len(sets[m].get((p, g), ())) for p in periods for g in groups} for m in MEASURES
    }
    nationalities: Counter[tuple[str, str]] = Counter()
    unknown = 0
    for role, people in named.items():
        for person in people:
            if code := data.nationality.get(person):
                nationalities[code, role] += 1
            else:
                unknown += 1
    return Tally(
        periods=periods,
        groups=groups,
        series=series,
        totals={m: len(items) for m, items in totals.items()},
        routes=_routes(data.route_legs, window),
        nationalities=[(c, role, n) for (c, role), n in _by_count(nationalities)],
        nationality_unknown=unknown,
        new_entities=_new_entities(data, kept, start, end),
        new_case_links=_new_case_links(data, kept, start, end),
    )


def _ordered_groups(found: set[str], breakdown: str) -> list[str]:
    order = {
        "crime_category": tuple(c.value for c in CrimeCategory),
        "interpol": (*INTERPOL_REGIONS, UNKNOWN_REGION),
        "bodies": (*REGIONAL_BODIES, NO_BODY),
    }.get(breakdown, ())
    return [g for g in order if g in found] + sorted(found - set(order))


def _by_count(counter: Counter) -> list:  # type: ignore[type-arg]
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _routes(
    legs: list[tuple[str, str, str]], window: dict[str, Report]
) -> list[tuple[str, str, int]]:
    reports: dict[tuple[str, str], set[str]] = defaultdict(set)
    for origin, destination, report in legs:
        if report in window and origin != destination:
            reports[origin, destination].add(report)
    ranked = sorted(reports.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(a, b, len(docs)) for (a, b), docs in ranked]


def _first_seen(data: StrategicData, kept: dict[str, Report]) -> dict[str, date]:
    first: dict[str, date] = {}
    for entity, report in (*data.people, *data.others):
        r = kept.get(report)
        if r is not None and (entity not in first or r.day < first[entity]):  # type: ignore[operator]
            first[entity] = r.day  # type: ignore[assignment]
    return first


def _inside(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _new_entities(
    data: StrategicData, kept: dict[str, Report], start: date | None, end: date | None
) -> int:
    return sum(1 for day in _first_seen(data, kept).values() if _inside(day, start, end))


def _new_case_links(
    data: StrategicData, kept: dict[str, Report], start: date | None, end: date | None
) -> int:
    """Pairs of cases whose first shared identifying entity appeared in the window."""
    first: dict[str, dict[str, date]] = defaultdict(dict)  # entity -> case -> first report date
    for entity, report in (*data.people, *data.others):
        r = kept.get(report)
        if r is None or not r.case_id:
            continue
        seen = first[entity].get(r.case_id)
        if seen is None or r.day < seen:  # type: ignore[operator]
            first[entity][r.case_id] = r.day  # type: ignore[assignment]
    linked: dict[tuple[str, str], date] = {}
    for by_case in first.values():
        if len(by_case) < 2:
            continue
        for a, b in combinations(sorted(by_case), 2):
            day = max(by_case[a], by_case[b])
            if (a, b) not in linked or day < linked[a, b]:
                linked[a, b] = day
    return sum(1 for day in linked.values() if _inside(day, start, end))


@dataclass(frozen=True, slots=True)
class StrategicTrends:
    """Trends as a strategic view publishes them: every count through ``suppress``.

    ``rows`` are ``(measure, period, group, value)``; ``routes`` keep the
    most reported legs stated in at least :data:`~odyssey.disclosure.SMALL_COUNT`
    reports (a Sankey draws widths, and a width would give a small count away);
    ``routes_hidden`` says how many legs were left out.
    """

    by: str
    breakdown: str
    periods: list[str]
    groups: list[str]
    rows: list[tuple[str, str, str, int | str]]
    totals: dict[str, int | str]
    routes: list[tuple[str, str, int]]
    routes_hidden: int
    #: (ISO-2, role, people).
    nationalities: list[tuple[str, str, int | str]]
    nationality_unknown: int | str
    new_entities: int | str
    new_case_links: int | str
    #: First and last report date the filters keep (before the window), for date pickers.
    span: tuple[date | None, date | None]


@dataclass(frozen=True, slots=True)
class CommunityProfile:
    """A community as a strategic view shows it: counts and places, never names."""

    size: int | str
    people: int | str
    cases: int | str
    countries: tuple[str, ...]
    categories: tuple[str, ...]


def publish(
    result: Tally, data: StrategicData, *, by: str, breakdown: str, top_routes: int = 15
) -> StrategicTrends:
    """``result`` with every count suppressed (``odyssey.disclosure``), ready to show or export."""
    from odyssey.disclosure import SMALL_COUNT, suppress

    rows = [
        (measure, period, group, suppress(result.series[measure][period, group]))
        for measure in MEASURES
        for period in result.periods
        for group in result.groups
    ]
    shown = [leg for leg in result.routes if leg[2] >= SMALL_COUNT][:top_routes]
    days = [r.day for r in data.reports.values() if r.day is not None]
    return StrategicTrends(
        by=by,
        breakdown=breakdown,
        periods=result.periods,
        groups=result.groups,
        rows=rows,
        totals={m: suppress(n) for m, n in result.totals.items()},
        routes=shown,
        routes_hidden=len(result.routes) - len(shown),
        nationalities=[(c, role, suppress(n)) for c, role, n in _disclosed_order(result)],
        nationality_unknown=suppress(result.nationality_unknown),
        new_entities=suppress(result.new_entities),
        new_case_links=suppress(result.new_case_links),
        span=(min(days, default=None), max(days, default=None)),
    )


def _disclosed_order(result: Tally) -> list[tuple[str, str, int]]:
    """Nationalities with a shown count first, by count; the rest by code (their order says nothing)."""
    from odyssey.disclosure import SMALL_COUNT

    best: dict[str, int] = {}
    for code, _role, n in result.nationalities:
        best[code] = max(best.get(code, 0), n)
    shown = sorted((c for c in best if best[c] >= SMALL_COUNT), key=lambda c: (-best[c], c))
    small = sorted(c for c in best if best[c] < SMALL_COUNT)
    rank = {c: i for i, c in enumerate(shown + small)}
    return sorted(result.nationalities, key=lambda row: (rank[row[0]], row[1]))


__all__ = [
    "BREAKDOWNS",
    "IDENTIFYING_TYPES",
    "MEASURES",
    "PERIODS",
    "VICTIM_LINKS",
    "CommunityProfile",
    "Report",
    "StrategicData",
    "StrategicTrends",
    "Tally",
    "gather",
    "groups_of_report",
    "period_of",
    "publish",
    "tally",
]
