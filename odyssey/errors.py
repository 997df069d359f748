"""Errors a user can act on.

Every error Odyssey raises on purpose is an ``OdysseyError``: its message is one
line that says what was wrong and what to do. The CLI prints that line (never a
stack trace) and exits with status 2.
"""

from __future__ import annotations


class OdysseyError(Exception):
    """Base class: a problem the user can fix; ``str(err)`` says how."""


class ValidationError(OdysseyError):
    """A record or request that breaks the model's rules (bad offsets, confidence out of range...)."""


class SchemaError(ValidationError):
    """A type name that the data model does not know."""


class StoreError(OdysseyError):
    """The graph store cannot be opened or used as asked."""


class NotFoundError(OdysseyError):
    """An id or label that is not in the store."""
