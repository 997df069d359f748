"""Crypto wallet addresses whose checksum holds.

* Bitcoin P2PKH (``1...``) and P2SH (``3...``): base58check (``base58``),
  version byte 0x00 or 0x05. Value as written: base58 is case-sensitive.
* Bitcoin SegWit ``bc1...``: bech32 (witness v0) or bech32m (v1+, Taproot)
  checksum per BIP-173/BIP-350, coded here (a dozen lines of the BIPs'
  reference code; the ``bech32`` package on PyPI predates bech32m). Value
  lower-cased: bech32 is case-insensitive.
* Tron / USDT-TRC20 ``T...``: base58check, 34 characters, version byte 0x41.
* Ethereum ``0x`` + 40 hex digits: a mixed-case address must pass its EIP-55
  checksum (Keccak-256 from ``pycryptodome``); an all-lower or all-upper one
  has no checksum and gets a lower confidence. Value lower-cased: an Ethereum
  address is case-insensitive, and one key per wallet keeps the graph whole.

Testnet addresses, other chains (Litecoin, Monero, Solana...) and addresses
split over lines are not extracted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import base58
from Crypto.Hash import keccak

from odyssey.ingest.extract.found import Found

_B58 = "1-9A-HJ-NP-Za-km-z"
# The first character comes before the look-behind (which then spans it), so the
# pattern starts with a plain character and the scan jumps from one 1, 3 or T to the next.
_BTC_B58 = re.compile(rf"[13](?<![A-Za-z0-9].)[{_B58}]{{25,34}}(?![A-Za-z0-9])")
_TRON = re.compile(rf"T(?<![A-Za-z0-9].)[{_B58}]{{33}}(?![A-Za-z0-9])")
_BECH32 = re.compile(r"(?<![A-Za-z0-9])(?:bc|BC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![A-Za-z0-9])")
_ETH = re.compile(r"(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])")
_USDT = re.compile(r"USDT|Tether|TRC-?20|ERC-?20", re.IGNORECASE)

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3
_BECH32_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _bech32_polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate(_BECH32_GEN):
            if (top >> i) & 1:
                chk ^= g
    return chk


def _convert_bits(data: list[int], frombits: int, tobits: int) -> list[int] | None:
    acc = bits = 0
    out: list[int] = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None  # padding longer than a group, or not zero
    return out


def segwit_ok(address: str) -> bool:
    """True for a mainnet SegWit address whose bech32 (v0) or bech32m (v1+) checksum holds.

    >>> segwit_ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    True
    """
    if address.lower() != address and address.upper() != address:
        return False  # mixed case is never valid bech32
    addr = address.lower()
    hrp, _, data_part = addr.rpartition("1")
    if hrp != "bc" or len(addr) > 90 or len(data_part) < 7:
        return False
    data = [_BECH32_CHARSET.find(c) for c in data_part]
    if -1 in data:
        return False
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = _bech32_polymod(expanded + data)
    version, payload = data[0], data[1:-6]
    if version > 16 or const != (_BECH32_CONST if version == 0 else _BECH32M_CONST):
        return False
    program = _convert_bits(payload, 5, 8)
    if program is None or not 2 <= len(program) <= 40:
        return False
    return version != 0 or len(program) in (20, 32)


def _base58check(address: str, versions: tuple[int, ...]) -> bool:
    try:
        payload = base58.b58decode_check(address)
    except ValueError:
        return False
    return len(payload) == 21 and payload[0] in versions


def eip55_ok(address: str) -> bool:
    """True when a mixed-case ``0x`` address carries a valid EIP-55 checksum."""
    body = address[2:]
    digest = keccak.new(digest_bits=256, data=body.lower().encode("ascii")).hexdigest()
    return all(
        (c.isupper() if int(h, 16) >= 8 else c.islower())
        for c, h in zip(body, digest[:40], strict=True)
        if c.isalpha()
    )


def _token_near(text: str, start: int, end: int) -> bool:
    return _USDT.search(text, max(0, start - 40), min(len(text), end + 40)) is not None


def find_wallets(text: str) -> Iterator[Found]:
    """Checksum-valid Bitcoin, Ethereum and Tron addresses in ``text`` (any order)."""
    for m in _BTC_B58.finditer(text):
        if _base58check(m.group(), (0x00, 0x05)):
            yield _wallet(m, m.group(), "BTC", 0.99, {})
    # Scans that cannot match skip at once: the patterns need these letters as written.
    for m in _BECH32.finditer(text) if "bc1" in text or "BC1" in text else ():
        if segwit_ok(m.group()):
            yield _wallet(m, m.group().lower(), "BTC", 0.99, {})
    for m in _TRON.finditer(text):
        if _base58check(m.group(), (0x41,)):
            extra = {"token": "USDT"} if _token_near(text, m.start(), m.end()) else {}
            yield _wallet(m, m.group(), "TRX", 0.99, extra)
    for m in _ETH.finditer(text) if "0x" in text else ():
        body = m.group()[2:]
        extra = {"token": "USDT"} if _token_near(text, m.start(), m.end()) else {}
        if body.lower() == body or body.upper() == body:
            yield _wallet(m, m.group().lower(), "ETH", 0.85, extra)
        elif eip55_ok(m.group()):
            yield _wallet(m, m.group().lower(), "ETH", 0.99, extra | {"checksum": "eip55"})


def _wallet(
    m: re.Match[str], value: str, currency: str, confidence: float, extra: dict[str, str]
) -> Found:
    return Found(
        start=m.start(),
        end=m.end(),
        type="CryptoWallet",
        value=value,
        method="rule:crypto",
        confidence=confidence,
        properties={"currency": currency, **extra},
    )
