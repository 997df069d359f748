"""E-mail addresses, lower-cased.

ASCII addresses only (``name.surname+tag@mail.example.ly``); internationalised
addresses and obfuscated writings ("name [at] domain [dot] com") are left for
later. Every repetition is bounded and the local part can only start where a
run of address characters starts, so long runs of letters cost linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from odyssey.ingest.extract.found import Found

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])"
    r"[A-Za-z0-9_%+\-](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
    r"@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}"
    r"[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9\-@]|\.[A-Za-z0-9])"
)


def find_emails(text: str) -> Iterator[Found]:
    """E-mail addresses in ``text``; the value is the address lower-cased.

    >>> [f.value for f in find_emails("write to Ali.Ben@Mail.ly.")]
    ['ali.ben@mail.ly']
    """
    if "@" not in text:  # most reports hold no address; the scan costs far more than this
        return
    for m in _EMAIL.finditer(text):
        yield Found(
            start=m.start(),
            end=m.end(),
            type="Email",
            value=m.group().lower(),
            method="rule:email",
            confidence=0.97,
            properties={"domain": m.group().rsplit("@", 1)[1].lower()},
        )
