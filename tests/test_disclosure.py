"""Small-count suppression: 1 to 4 never leave as numbers."""

from __future__ import annotations

import doctest

import pytest

from odyssey import disclosure
from odyssey.disclosure import SUPPRESSED, is_suppressed, suppress
from odyssey.errors import ValidationError


def test_the_docstring_examples_run() -> None:
    assert doctest.testmod(disclosure).failed == 0


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_counts_below_five_become_the_marker(count: int) -> None:
    assert suppress(count) == "<5" == SUPPRESSED
    assert is_suppressed(suppress(count))


@pytest.mark.parametrize("count", [0, 5, 6, 99, 1_000_000])
def test_zero_and_counts_from_five_stay_numbers(count: int) -> None:
    assert suppress(count) == count
    assert not is_suppressed(suppress(count))


def test_numpy_integers_are_counts_too() -> None:
    numpy = pytest.importorskip("numpy")
    assert suppress(numpy.int64(3)) == SUPPRESSED
    assert suppress(numpy.int64(7)) == 7 and type(suppress(numpy.int64(7))) is int


@pytest.mark.parametrize("bad", [-1, 2.5, "3", None, True])
def test_what_is_not_a_count_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError):
        suppress(bad)  # type: ignore[arg-type]
