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

>>> from datetime import date, datetime
>>> data = StrategicData(
...     reports={"r1": Report("r1", date(2026, 1, 5), "smuggling", "IT", "IT-1"),
...              "r2": Report("r2", date(2026, 1, 9), "trafficking", "NG", "NG-1")},
...     people=[("p1", "r1"), ("p1", "r2"), ("p2", "r2")], victims=frozenset({"p2"}))
>>> t = tally(data, breakdown="interpol")
>>> t.series["suspects"], t.totals["suspects"], t.totals["victims"]
({('2026-01', 'Africa'): 1, ('2026-01', 'Europe'): 1}, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np

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
    #: When the store was read.
    read_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    #: The arrays :func:`tally` counts with, built on first use (the data never changes).
    _index: _Index | None = field(default=None, repr=False, compare=False)

    def index(self) -> _Index:
        """The data as integer arrays (built once, then shared by every tally)."""
        if self._index is None:
            self._index = _Index(self)
        return self._index


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
    """Read what trends need from ``store`` (its scope applies): five reads, no report text.

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
    persons = store.entities(type="Person", limit=everything)
    nationality = {
        e.id: str(e.properties["nationality"]).upper()
        for e in persons
        if isinstance(e.properties.get("nationality"), str)
    }
    is_person = {e.id for e in persons}
    people, others = [], []
    for pair in store.occurrences(types=IDENTIFYING_TYPES):
        (people if pair[0] in is_person else others).append(pair)
    links = store.links(filters=GraphFilter(link_types=VICTIM_LINKS | {"ROUTE"}), limit=everything)
    routes = [link for link in links if link.type == "ROUTE"]
    places = {
        e.id: e.label
        for e in store.entities(
            {x for link in routes for x in (link.source, link.target)}, limit=everything
        )
    }
    return StrategicData(
        reports=reports,
        people=people,
        victims=frozenset(link.target for link in links if link.type in VICTIM_LINKS),
        others=others,
        nationality=nationality,
        route_legs=[
            (places.get(link.source, link.source), places.get(link.target, link.target), doc)
            for link in routes
            if (doc := link.evidence.document_id) in reports
        ],
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
    ``start``/``end`` (inclusive) bound the report dates. Counted with numpy on
    the data's integer index, so a call costs milliseconds to a few hundred on a
    store of hundreds of thousands of links.
    """
    if by not in PERIODS:
        raise ValidationError(f"unknown period {by!r}; use {', '.join(PERIODS)}")
    if breakdown not in BREAKDOWNS:
        raise ValidationError(f"unknown breakdown {breakdown!r}; use {', '.join(BREAKDOWNS)}")
    if start and end and start > end:
        raise ValidationError(f"the window starts ({start}) after it ends ({end})")
    ix = data.index()
    kept, window, lo, hi = ix.masks(start, end, categories, region)

    names, row_report, row_group = ix.groups(breakdown)
    keys = ix.period_keys(by)
    rows = np.flatnonzero(window[row_report])
    period_found = np.unique(keys[row_report[rows]])
    group_found = np.unique(row_group[rows])
    groups = _ordered_groups({names[g] for g in group_found}, breakdown)
    periods = [_period_label(k, by) for k in period_found]
    n_cells = len(periods) * len(groups)
    group_pos = np.full(len(names), -1)
    group_pos[[names.index(g) for g in groups]] = np.arange(len(groups))

    def cell_of(report_rows: np.ndarray) -> np.ndarray:
        period = np.searchsorted(period_found, keys[row_report[report_rows]])
        return period * len(groups) + group_pos[row_group[report_rows]]

    def distinct_per_cell(report_rows: np.ndarray, items: np.ndarray, n_items: int) -> np.ndarray:
        pairs = np.unique(cell_of(report_rows).astype(np.int64) * (n_items + 1) + items)
        return np.bincount(pairs // (n_items + 1), minlength=n_cells)

    counts = {
        "reports": np.bincount(cell_of(rows), minlength=n_cells),
    }
    with_case = rows[ix.case[row_report[rows]] >= 0]
    counts["cases"] = distinct_per_cell(with_case, ix.case[row_report[with_case]], len(ix.cases))
    totals = {
        "reports": int(window.sum()),
        "cases": int(np.unique(ix.case[window & (ix.case >= 0)]).size),
    }
    in_window = window[ix.occ_report] & ix.occ_person
    named: dict[str, np.ndarray] = {}
    for role, is_role in (("suspects", ~ix.victim), ("victims", ix.victim)):
        occ = np.flatnonzero(in_window & is_role[ix.occ_entity])
        report_rows, which = ix.expand(occ, breakdown)
        counts[role] = distinct_per_cell(report_rows, ix.occ_entity[which], len(ix.entities))
        named[role] = np.unique(ix.occ_entity[occ])
        totals[role] = int(named[role].size)
    series = {
        m: {
            (p, g): int(counts[m][i * len(groups) + j])
            for i, p in enumerate(periods)
            for j, g in enumerate(groups)
        }
        for m in MEASURES
    }
    nationalities: Counter[tuple[str, str]] = Counter()
    unknown = 0
    for role, people in named.items():
        codes = ix.nationality[people]
        unknown += int((codes < 0).sum())
        for code, n in zip(*np.unique(codes[codes >= 0], return_counts=True), strict=True):
            nationalities[ix.nationalities[code], role] += int(n)
    return Tally(
        periods=periods,
        groups=groups,
        series=series,
        totals=totals,
        routes=ix.routes(window),
        nationalities=[(c, role, n) for (c, role), n in _by_count(nationalities)],
        nationality_unknown=unknown,
        new_entities=ix.new_entities(kept, lo, hi),
        new_case_links=ix.new_case_links(kept, lo, hi),
    )


@dataclass(frozen=True, slots=True)
class ActiveCommunity:
    """A community of the whole network, as active in a selection of reports (raw counts)."""

    entities: int
    people: int
    cases: int
    countries: tuple[str, ...]
    categories: tuple[str, ...]


def active_communities(
    data: StrategicData,
    membership: dict[str, int],
    *,
    start: date | None = None,
    end: date | None = None,
    categories: Iterable[str] | None = None,
    region: str | None = None,
    top: int = 5,
) -> list[ActiveCommunity]:
    """The communities with the most members named in the selected reports, largest first.

    ``membership`` maps entity id -> community (of the whole network, found
    once: a community is a network, and a selection shows where it is active).
    A member counts when a report the filters keep names it; cases, countries
    and crime categories are those of such reports.
    """
    ix = data.index()
    _, window, _, _ = ix.masks(start, end, categories, region)
    community = np.array([membership.get(e, -1) for e in ix.entities], dtype=np.int64)
    occ = np.flatnonzero(window[ix.occ_report] & (community[ix.occ_entity] >= 0))
    if occ.size == 0:
        return []
    comm = community[ix.occ_entity[occ]]
    reports = ix.occ_report[occ]
    n_ent = len(ix.entities) + 1
    members_ = np.unique(comm * n_ent + ix.occ_entity[occ])
    sizes = np.bincount(members_ // n_ent)
    people = np.bincount(members_ // n_ent, weights=ix.is_person[members_ % n_ent])
    out = []
    for c in np.argsort(-sizes, kind="stable")[:top]:
        if sizes[c] == 0:
            break
        mine = reports[comm == c]
        cases = {int(x) for x in ix.case[mine] if x >= 0}
        out.append(
            ActiveCommunity(
                entities=int(sizes[c]),
                people=int(people[c]),
                cases=len(cases),
                countries=tuple(sorted({ix.countries[x] for x in ix.country[mine]} - {None})),
                categories=tuple(sorted({ix.categories[x] for x in ix.category[mine]})),
            )
        )
    return out


def _period_label(key: int, by: str) -> str:
    if by == "month":
        return f"{key // 12:04d}-{key % 12 + 1:02d}"
    if by == "quarter":
        return f"{key // 4:04d}-Q{key % 4 + 1}"
    return f"{key:04d}"


def _ordered_groups(found: set[str], breakdown: str) -> list[str]:
    order = {
        "crime_category": tuple(c.value for c in CrimeCategory),
        "interpol": (*INTERPOL_REGIONS, UNKNOWN_REGION),
        "bodies": (*REGIONAL_BODIES, NO_BODY),
    }.get(breakdown, ())
    return [g for g in order if g in found] + sorted(found - set(order))


def _by_count(counter: Counter) -> list:  # type: ignore[type-arg]
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _numbering(values: Iterable[Any]) -> tuple[list[Any], dict[Any, int]]:
    """Distinct values in first-seen order, and each value's number."""
    numbers: dict[Any, int] = {}
    for v in values:
        numbers.setdefault(v, len(numbers))
    return list(numbers), numbers


class _Index:
    """:class:`StrategicData` as integer arrays: reports, occurrences, route legs.

    Reports are numbered in ``reports`` order; entities, countries, cases and
    places get numbers of their own; a report's day is its ordinal (-1 undated).
    """

    def __init__(self, data: StrategicData) -> None:
        reports = list(data.reports.values())
        self.report_ids = [r.id for r in reports]
        number = {r.id: i for i, r in enumerate(reports)}
        self.day = np.array([r.day.toordinal() if r.day else -1 for r in reports], dtype=np.int64)
        self.year = np.array([r.day.year if r.day else 0 for r in reports], dtype=np.int64)
        self.month = np.array([r.day.month if r.day else 1 for r in reports], dtype=np.int64)
        self.categories, cat = _numbering(r.crime_category for r in reports)
        self.category = np.array([cat[r.crime_category] for r in reports], dtype=np.int64)
        self.countries, ctry = _numbering([None, *(r.country for r in reports)])
        self.country = np.array([ctry[r.country] for r in reports], dtype=np.int64)
        self.cases, case = _numbering(r.case_id for r in reports if r.case_id)
        self.case = np.array([case.get(r.case_id, -1) for r in reports], dtype=np.int64)
        occurrences = [(e, number[d], True) for e, d in data.people if d in number] + [
            (e, number[d], False) for e, d in data.others if d in number
        ]
        self.entities, ent = _numbering(e for e, _, _ in occurrences)
        self.occ_entity = np.array([ent[e] for e, _, _ in occurrences], dtype=np.int64)
        self.occ_report = np.array([d for _, d, _ in occurrences], dtype=np.int64)
        self.occ_person = np.array([p for _, _, p in occurrences], dtype=bool)
        self.victim = np.array([e in data.victims for e in self.entities], dtype=bool)
        self.is_person = np.zeros(len(self.entities), dtype=np.float64)
        self.is_person[self.occ_entity[self.occ_person]] = 1.0
        self.nationalities, nat = _numbering(sorted(set(data.nationality.values())))
        self.nationality = np.array(
            [nat.get(data.nationality.get(e, ""), -1) for e in self.entities], dtype=np.int64
        )
        legs = [(a, b, number[d]) for a, b, d in data.route_legs if d in number and a != b]
        self.places, place = _numbering(p for a, b, _ in legs for p in (a, b))
        self.leg_from = np.array([place[a] for a, _, _ in legs], dtype=np.int64)
        self.leg_to = np.array([place[b] for _, b, _ in legs], dtype=np.int64)
        self.leg_report = np.array([d for _, _, d in legs], dtype=np.int64)
        self._groups: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        self._case_firsts: dict[bytes, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def masks(
        self,
        start: date | None,
        end: date | None,
        categories: Iterable[str] | None,
        region: str | None,
    ) -> tuple[np.ndarray, np.ndarray, int, int]:
        """Reports the category and region filters keep (dated, any date: for the "new" KPIs),
        those of them inside the window, and the window as day ordinals."""
        kept = self.day >= 0
        if categories is not None:
            wanted = set(categories)
            kept &= np.array([c in wanted for c in self.categories], dtype=bool)[self.category]
        if region:
            area = members(region)
            kept &= np.array([c in area for c in self.countries], dtype=bool)[self.country]
        lo = start.toordinal() if start else -1
        hi = end.toordinal() if end else int(np.iinfo(np.int64).max)
        return kept, kept & (self.day >= lo) & (self.day <= hi), lo, hi

    def period_keys(self, by: str) -> np.ndarray:
        """Each report's period as a number: year*12+month-1, year*4+quarter-1, or the year."""
        if by == "month":
            return self.year * 12 + self.month - 1
        if by == "quarter":
            return self.year * 4 + (self.month - 1) // 3
        return self.year

    def groups(self, breakdown: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Group names, and (report, group) rows sorted by report: one per group a report is in."""
        if breakdown not in self._groups:
            names: list[str] = []
            reps: list[int] = []
            grps: list[int] = []
            for i, rid in enumerate(self.report_ids):
                report = Report(rid, None, self.categories[self.category[i]],
                                self.countries[self.country[i]], None)  # fmt: skip
                for g in groups_of_report(report, breakdown):
                    if g not in names:
                        names.append(g)
                    reps.append(i)
                    grps.append(names.index(g))
            self._groups[breakdown] = (names, np.array(reps, dtype=np.int64),
                                       np.array(grps, dtype=np.int64))  # fmt: skip
        return self._groups[breakdown]

    def expand(self, occ: np.ndarray, breakdown: str) -> tuple[np.ndarray, np.ndarray]:
        """For occurrences ``occ``, the (report, group) rows of their reports under ``breakdown``,
        and the occurrence of each row (a report in two groups counts its people in both)."""
        _, row_report, _ = self.groups(breakdown)
        everyone = np.arange(len(self.report_ids))
        starts = np.searchsorted(row_report, everyone)
        n_rows = np.searchsorted(row_report, everyone, side="right") - starts
        reports = self.occ_report[occ]
        n = n_rows[reports]
        which = np.repeat(occ, n)
        step = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        return np.repeat(starts[reports], n) + step, which

    def routes(self, window: np.ndarray) -> list[tuple[str, str, int]]:
        """(from, to, reports stating the leg) for the legs of reports in ``window``."""
        inside = window[self.leg_report]
        if not inside.any():
            return []
        n_places, n_reports = len(self.places), len(self.report_ids)
        leg = self.leg_from[inside] * n_places + self.leg_to[inside]
        distinct = np.unique(leg * n_reports + self.leg_report[inside]) // n_reports
        legs, counts = np.unique(distinct, return_counts=True)
        found = [
            (self.places[k // n_places], self.places[k % n_places], int(n))
            for k, n in zip(legs, counts, strict=True)
        ]
        return sorted(found, key=lambda r: (-r[2], r[0], r[1]))

    def new_entities(self, kept: np.ndarray, lo: int, hi: int) -> int:
        """Entities whose first kept report falls inside [lo, hi]."""
        occ = kept[self.occ_report]
        if not occ.any():
            return 0
        never = np.iinfo(np.int64).max
        first = np.full(len(self.entities), never)
        np.minimum.at(first, self.occ_entity[occ], self.day[self.occ_report[occ]])
        return int(((first >= lo) & (first <= hi) & (first != never)).sum())

    def new_case_links(self, kept: np.ndarray, lo: int, hi: int) -> int:
        """Pairs of cases whose first shared entity (in kept reports) appeared inside [lo, hi]."""
        entity, case, first = self._first_in_case(kept)
        return self._linked_by(entity, case, first, hi) - self._linked_by(
            entity, case, first, lo - 1
        )

    def _first_in_case(self, kept: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(entity, case, first day) for every entity named in a kept report of a case."""
        key = kept.tobytes()
        if key not in self._case_firsts:
            occ = kept[self.occ_report] & (self.case[self.occ_report] >= 0)
            entity = self.occ_entity[occ]
            case = self.case[self.occ_report[occ]]
            day = self.day[self.occ_report[occ]]
            pair = entity * len(self.cases) + case
            order = np.lexsort((day, pair))
            pair, day = pair[order], day[order]
            head = np.ones(len(pair), dtype=bool)
            head[1:] = pair[1:] != pair[:-1]
            pair, day = pair[head], day[head]
            self._case_firsts = {key: (pair // len(self.cases), pair % len(self.cases), day)}
        return self._case_firsts[key]

    def _linked_by(self, entity: np.ndarray, case: np.ndarray, first: np.ndarray, cut: int) -> int:
        """Pairs of cases sharing an entity first reported on or before ``cut``."""
        seen = first <= cut
        if not seen.any():
            return 0
        from scipy.sparse import coo_matrix

        incidence = coo_matrix(
            (np.ones(int(seen.sum()), dtype=np.int32), (entity[seen], case[seen])),
            shape=(len(self.entities), len(self.cases)),
        ).tocsr()
        shared = (incidence.T @ incidence).tocoo()
        return int((shared.row < shared.col).sum())


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
    #: First and last report date of all the data, for date pickers.
    span: tuple[date | None, date | None]
    #: When the store was read for these figures.
    as_of: datetime


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
    days = data.index().day
    days = days[days >= 0]
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
        span=(
            date.fromordinal(int(days.min())) if days.size else None,
            date.fromordinal(int(days.max())) if days.size else None,
        ),
        as_of=data.read_at,
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
    "ActiveCommunity",
    "CommunityProfile",
    "Report",
    "StrategicData",
    "StrategicTrends",
    "Tally",
    "active_communities",
    "gather",
    "groups_of_report",
    "period_of",
    "publish",
    "tally",
]
