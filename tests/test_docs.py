"""The examples in docstrings are run, so what researchers copy works."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "odyssey",
    "odyssey.model",
    "odyssey.schema",
    "odyssey.text",
    "odyssey.journeys",
    "odyssey.workbench",
    "odyssey.frames",
    "odyssey.ingest.synth.scoring",
    "odyssey.dashboards.app",
    "odyssey.graph",
    "odyssey.graph.store",
    "odyssey.graph.sqlite_store",
    "odyssey.ingest.readers",
    "odyssey.ingest.readers.header",
    "odyssey.ingest.language",
    "odyssey.ingest.ncbs",
    "odyssey.ingest.ner_rules",
    "odyssey.ingest.names",
    "odyssey.ingest.addresses",
    "odyssey.ingest.routes",
    "odyssey.ingest.nationality",
    "odyssey.ingest.extract.countries",
    "odyssey.ingest.extract.cells",
    "odyssey.ingest.extract.identifiers",
    "odyssey.ingest.pipeline",
    "odyssey.ingest.resolution.context",
    "odyssey.ingest.resolution.coref",
    "odyssey.ingest.resolution.names",
    "odyssey.ingest.resolution.records",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
