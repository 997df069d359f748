"""Small-count suppression for strategic figures: a count of 1 to 4 is published as "<5".

Strategic dashboards and their exports leave the analysis unit; a count of two
victims of one nationality in one month can point at people. Every strategic
figure therefore goes through :func:`suppress` before it is shown or exported:
counts from 1 to ``SMALL_COUNT - 1`` become the text ``"<5"`` (the number never
leaves this function), zero and larger counts stay numbers. Zero identifies
nobody, and writing "<5" for it would tell a manager that something happened.

This is primary suppression only: where a total is shown next to its parts, a
single suppressed part can be derived by subtraction, so views show totals only
when they are themselves suppressed the same way, and never a total together
with all but one of its parts.

>>> [suppress(n) for n in (0, 1, 4, 5, 120)]
[0, '<5', '<5', 5, 120]
"""

from __future__ import annotations

import operator

from odyssey.errors import ValidationError

#: The smallest count published as a number (besides zero).
SMALL_COUNT = 5
#: What a suppressed count reads as.
SUPPRESSED = f"<{SMALL_COUNT}"


def suppress(count: int) -> int | str:
    """The count as a strategic view may publish it: ``"<5"`` for 1 to 4, else the count."""
    try:
        if isinstance(count, bool):
            raise TypeError
        n = operator.index(count)  # int, or numpy's integers
    except TypeError:
        raise ValidationError(f"a count must be a whole number, got {count!r}") from None
    if n < 0:
        raise ValidationError(f"a count cannot be negative, got {n}")
    return SUPPRESSED if 0 < n < SMALL_COUNT else n


def is_suppressed(value: int | str) -> bool:
    """True when ``value`` is a count that :func:`suppress` hid."""
    return value == SUPPRESSED


__all__ = ["SMALL_COUNT", "SUPPRESSED", "is_suppressed", "suppress"]
