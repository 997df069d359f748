"""The one record every extractor returns: a typed, normalised identifier at exact offsets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: The entity types an identifier can have (names of ``odyssey/schema.toml``).
TYPES: frozenset[str] = frozenset(
    {"Phone", "Email", "BankAccount", "IdentityDocument", "Vehicle", "Vessel", "CryptoWallet"}
)


@dataclass(frozen=True, slots=True)
class Found:
    """One identifier found in a text.

    ``text[start:end]`` is exactly the written form; ``value`` is the normalised
    key that makes the same identifier one entity however it was written;
    ``method`` names the rule that found it (``rule:phone``, ``rule:iban``...);
    ``confidence`` is high (0.95 and up) when a checksum or numbering plan
    validated it, lower when only a cue word tells what the number is.
    ``properties`` (a private copy, to be treated as read-only) are left out of
    the hash, so a ``Found`` can still go into a set.
    """

    start: int
    end: int
    type: str
    value: str
    method: str
    confidence: float
    properties: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")
        if self.type not in TYPES:
            raise ValueError(f"unknown identifier type {self.type!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is not within 0..1")
        object.__setattr__(self, "properties", dict(self.properties))
