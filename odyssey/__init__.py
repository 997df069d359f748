"""Odyssey: a link-analysis workbench for transnational trafficking and smuggling cases.

Three lines to start::

    import odyssey
    wb = odyssey.open("case.db")        # the embedded store, created on first use
    wb.search("abdelrahman")            # entities by name, any spelling of the query's words

The parts: ``odyssey.model`` (documents, mentions, entities, links, cases),
``odyssey.schema`` (their types), ``odyssey.graph`` (stores and, later,
analytics), ``odyssey.ingest`` (readers, extraction, the synthetic corpus).
"""

from odyssey.errors import OdysseyError
from odyssey.workbench import EvidenceView, Workbench, open

__all__ = ["EvidenceView", "OdysseyError", "Workbench", "open"]
__version__ = "0.1.0"
