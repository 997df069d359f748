"""Type names shared by the contract tests (the fixtures themselves live in tests/conftest.py)."""

from collections.abc import Callable

from odyssey.graph import GraphStore

Opener = Callable[..., GraphStore]
