"""Table mappings: which columns hold which entities, and which links each row states.

A mapping is a small TOML file, in the spirit of i2 import specifications and
followthemoney mappings::

    name = "call records"

    [entities.caller]                       # a name for this end, used by links
    type = "Phone"
    columns = ["caller", "calling_number"]  # the first of these present in the table

    [entities.callee]
    type = "Phone"
    columns = ["callee", "called_number"]

    [[links]]
    type = "CALLED"
    source = "caller"
    target = "callee"
    date = ["start", "date"]                # when it happened (optional)
    properties = ["start", "duration_s"]    # columns copied onto the link (optional)

Entity properties come from columns too: ``properties = { birth_date = "dob" }``.
A mapping fits a table when the columns of at least one link's two ends are
there; the mapping that can state the most links is chosen.
Built-in mappings (call records, money transfers, subject lists) live in
``ingest/mappings/``; ``odyssey ingest --mapping FILE`` adds one of your own.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from odyssey.errors import ValidationError
from odyssey.schema import entity_type, link_type


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """One entity per row, read from the first present of ``columns``."""

    name: str
    type: str
    columns: tuple[str, ...]
    properties: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """One link per row between two mapped entities."""

    type: str
    source: str
    target: str
    date: tuple[str, ...] = ()
    properties: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mapping:
    """A whole mapping: its name, entity specs and link specs."""

    name: str
    entities: tuple[EntitySpec, ...]
    links: tuple[LinkSpec, ...]

    def column_for(self, spec: EntitySpec | Sequence[str], columns: Iterable[str]) -> str | None:
        """The table column that ``spec`` (or a list of column names) reads, if present."""
        wanted = spec.columns if isinstance(spec, EntitySpec) else tuple(spec)
        by_folded = {c.strip().lower(): c for c in columns}
        return next((by_folded[w.lower()] for w in wanted if w.lower() in by_folded), None)

    def fit(self, columns: Sequence[str]) -> int:
        """How many of the mapping's links a table with these columns can state (0: it does not fit)."""
        present = {e.name for e in self.entities if self.column_for(e, columns)}
        return sum(link.source in present and link.target in present for link in self.links)


def _names(value: str | Sequence[str] | None, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValidationError(f"{where} must be a column name or a list of them")


def parse_mapping(text: str, source: str) -> Mapping:
    """A mapping from TOML text; ``ValidationError`` says what is wrong and where."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ValidationError(f"mapping {source} is not valid TOML ({err})") from None
    entities = []
    for name, spec in raw.get("entities", {}).items():
        where = f"mapping {source}, entities.{name}"
        if "type" not in spec or not (spec.get("columns") or spec.get("column")):
            raise ValidationError(f"{where} needs a type and columns")
        entity_type(spec["type"])
        props = tuple(
            (prop, _names(cols, f"{where}.properties.{prop}"))
            for prop, cols in spec.get("properties", {}).items()
        )
        entities.append(
            EntitySpec(
                name, spec["type"], _names(spec.get("columns", spec.get("column")), where), props
            )
        )
    known = {e.name: e for e in entities}
    links = []
    for i, spec in enumerate(raw.get("links", [])):
        where = f"mapping {source}, links[{i}]"
        for end in ("source", "target"):
            if spec.get(end) not in known:
                raise ValidationError(
                    f"{where}: {end} must name one of the entities ({', '.join(known)})"
                )
        kind = link_type(spec.get("type", ""))
        if not kind.allows(known[spec["source"]].type, known[spec["target"]].type):
            raise ValidationError(
                f"{where}: a {kind.name} link cannot join {known[spec['source']].type} to {known[spec['target']].type}"
            )
        links.append(
            LinkSpec(
                kind.name, spec["source"], spec["target"],
                _names(spec.get("date"), f"{where}.date"), _names(spec.get("properties"), f"{where}.properties"),
            )
        )  # fmt: skip
    if not links:
        raise ValidationError(f"mapping {source} states no links; add at least one [[links]] table")
    return Mapping(raw.get("name", Path(source).stem), tuple(entities), tuple(links))


def load_mapping(path: str | Path) -> Mapping:
    """The mapping in the TOML file at ``path``."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as err:
        raise ValidationError(f"cannot read mapping {path} ({err.strerror})") from None
    return parse_mapping(text, str(path))


def builtin_mappings() -> list[Mapping]:
    """The mappings shipped with Odyssey, by file name."""
    folder = resources.files("odyssey.ingest").joinpath("mappings")
    return [
        parse_mapping(item.read_text("utf-8"), item.name)
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith(".toml")
    ]


def choose_mapping(columns: Sequence[str], mappings: Sequence[Mapping]) -> Mapping | None:
    """The mapping that states the most links from a table with these columns (the first on a tie)."""
    best = max(mappings, key=lambda m: m.fit(columns), default=None)
    return best if best is not None and best.fit(columns) > 0 else None
