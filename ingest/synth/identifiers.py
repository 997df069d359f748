"""Identifiers (phones, IBANs, passports, plates, IMO numbers, wallets, e-mails).

Two jobs: *make* valid values (phone numbers that ``phonenumbers`` accepts,
IBANs with correct check digits via ``schwifty``, IMO numbers with their check
digit, base58check crypto addresses) and *write* each value in the forms police
actually use ("+218 91-2345678", "00218912345678", "091-2345678"...). The
normalised key stored in the truth never depends on the written form.
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from functools import cache

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from schwifty import IBAN

from .data_misc import BANK_CODES, MAIL_DOMAINS

# ============================================================== phones


@cache
def _mobile_template(region: str) -> tuple[int, str]:
    """(country calling code, national significant number) of an example mobile."""
    ex = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    return ex.country_code, str(ex.national_number)


def new_phone(rng: random.Random, region: str, used: set[str]) -> str:
    """A new valid mobile number of ``region`` in E.164, not in ``used``."""
    cc, nsn = _mobile_template(region)
    keep = max(2, len(nsn) - 7)
    for _ in range(200):
        digits = nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
        e164 = f"+{cc}{digits}"
        if e164 in used:
            continue
        num = phonenumbers.parse(e164)
        if phonenumbers.is_valid_number(num):
            used.add(e164)
            return e164
    raise RuntimeError(f"could not draw a valid phone number for {region}")


def near_phone(rng: random.Random, e164: str, used: set[str]) -> str:
    """A valid number differing from ``e164`` by exactly one of its last 4 digits."""
    for _ in range(200):
        pos = len(e164) - 1 - rng.randrange(4)
        old = e164[pos]
        new = rng.choice([d for d in "0123456789" if d != old])
        cand = e164[:pos] + new + e164[pos + 1 :]
        if cand in used:
            continue
        if phonenumbers.is_valid_number(phonenumbers.parse(cand)):
            used.add(cand)
            return cand
    raise RuntimeError("could not draw a near phone number")


@cache
def idd_00_ok(region: str) -> bool:
    """Whether a "00..." international form parses correctly with ``region`` as default."""
    try:
        n = phonenumbers.parse("00393123456789", region)
    except phonenumbers.NumberParseException:
        return False
    return n.country_code == 39 and n.national_number == 3123456789


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@cache
def phone_forms(e164: str) -> dict[str, str]:
    """All written forms of a number (national ones included; filter by region)."""
    num = phonenumbers.parse(e164)
    cc = str(num.country_code)
    nsn = str(num.national_number)
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    groups = [nsn[:2], nsn[2:5], nsn[5:]] if len(nsn) > 7 else [nsn[:2], nsn[2:]]
    return {
        "e164": e164,
        "international": intl,
        "grouped": f"+{cc} " + " ".join(g for g in groups if g),
        "dashed": intl.replace(" ", "-"),
        "idd_00": f"00{cc}{nsn}",
        "paren_cc": f"(+{cc}) {nsn}",
        "national": national,
        "national_compact": "".join(ch for ch in national if ch.isdigit()),
        "arabic_indic": e164.translate(_ARABIC_INDIC),
    }


def phone_country(e164: str) -> str:
    """ISO region of a number."""
    return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or "ZZ"


def pick_phone_form(
    rng: random.Random, e164: str, country: str, reader_country: str, lang: str
) -> tuple[str, str]:
    """Choose how a document from ``reader_country`` writes the number.

    National forms only when the number is domestic for the writer, so a parser
    using the writing NCB's region recovers the number; "00" only where that
    prefix is the writer's international prefix.
    """
    forms = phone_forms(e164)
    choices = ["international", "international", "grouped", "e164", "dashed", "paren_cc"]
    if idd_00_ok(reader_country):
        choices += ["idd_00", "idd_00"]
    if country == reader_country:
        choices += ["national", "national", "national_compact"]
    if lang == "ar" and rng.random() < 0.12:
        return forms["arabic_indic"], "arabic_indic"
    kind = rng.choice(choices)
    return forms[kind], kind


# ============================================================== IBAN


def _iban_with(country: str, bank: str, branch: str, account: str) -> str:
    return str(
        IBAN.generate(country, bank_code=bank, account_code=account, branch_code=branch).compact
    )


def new_iban(rng: random.Random, country: str, used: set[str]) -> str:
    """A valid IBAN of ``country`` (one of :data:`BANK_CODES`), not in ``used``."""
    for _ in range(50):
        bank, branch = rng.choice(BANK_CODES[country])
        length = rng.choice((10, 11, 12))
        account = "".join(rng.choice("0123456789") for _ in range(length))
        for cut in (length, 10, 8, 7):
            try:
                iban = _iban_with(country, bank, branch, account[-cut:])
                break
            except Exception:  # account longer than the country's BBAN allows
                continue
        else:
            continue
        if iban not in used:
            used.add(iban)
            return iban
    raise RuntimeError(f"could not draw an IBAN for {country}")


def near_iban(rng: random.Random, iban: str, used: set[str]) -> str:
    """A valid IBAN of the same bank whose account number differs by one digit."""
    parsed = IBAN(iban)
    account = str(parsed.account_code)
    bank = str(parsed.bank_code)
    branch = str(parsed.branch_code or "")
    country = str(parsed.country_code)
    digits = [i for i, ch in enumerate(account) if ch.isdigit()]
    for _ in range(100):
        pos = rng.choice(digits[-6:])
        new = rng.choice([d for d in "0123456789" if d != account[pos]])
        acc = account[:pos] + new + account[pos + 1 :]
        try:
            cand = _iban_with(country, bank, branch, acc)
        except Exception:
            continue
        if cand not in used and cand != iban:
            used.add(cand)
            return cand
    raise RuntimeError("could not draw a near IBAN")


def iban_forms(iban: str) -> dict[str, str]:
    """Compact and 4-grouped forms."""
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return {"compact": iban, "grouped": grouped}


# ============================================================== identity documents

# pattern letters: "A" letter, "#" digit, "X" letter or digit
PASSPORT_PATTERNS: dict[str, str] = {
    "NG": "A########",
    "LY": "A#######",
    "EG": "A########",
    "SD": "P########",
    "ER": "P#######",
    "TN": "A######",
    "MA": "AA#######",
    "SY": "N########",
    "IQ": "A########",
    "JO": "N######",
    "AF": "P########",
    "IT": "AA#######",
    "FR": "##AA#####",
    "ES": "AAA######",
    "DE": "C##X##X##",
    "GB": "#########",
    "GR": "AA#######",
    "TR": "U########",
    "AL": "AA#######",
    "RO": "0########",
    "VN": "C#######",
    "CO": "AA######",
    "MX": "G########",
    "PE": "#########",
    "TH": "AA#######",
    "SN": "A########",
    "NE": "##AA#####",
    "ML": "AA#######",
    "BD": "AA#######",
    "NL": "AAXXXXXX#",
    "US": "#########",
}
ID_CARD_PATTERNS: dict[str, str] = {
    "IT": "CA#####AA",
    "FR": "############",
    "ES": "DNI",
    "RO": "AA######",
    "AL": "A########A",
    "GR": "AA######",
    "NG": "###########",
    "MA": "AA######",
    "TN": "########",
    "CO": "CEDULA",
    "EG": "##############",
    "DE": "L##X##X##",
    "TR": "###########",
}
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _fill(rng: random.Random, pattern: str) -> str:
    out = []
    for ch in pattern:
        if ch == "A":
            out.append(rng.choice(_LETTERS))
        elif ch == "#":
            out.append(rng.choice("0123456789"))
        elif ch == "X":
            out.append(rng.choice("0123456789CFGHJKLMNPRTVWXYZ"))
        else:
            out.append(ch)
    return "".join(out)


def new_document_number(rng: random.Random, kind: str, country: str, used: set[str]) -> str:
    """A document number in the issuing country's style (unique within ``used``)."""
    for _ in range(100):
        if kind == "id_card":
            pat = ID_CARD_PATTERNS.get(country, "A#######")
            if pat == "DNI":
                n = rng.randrange(10_000_000, 99_999_999)
                number = f"{n}{_DNI_LETTERS[n % 23]}"
            elif pat == "CEDULA":
                number = str(rng.randrange(1_000_000_000, 1_199_999_999))
            else:
                number = _fill(rng, pat)
        else:
            number = _fill(rng, PASSPORT_PATTERNS.get(country, "A#######"))
        key = f"{kind}:{country}:{number}"
        if key not in used:
            used.add(key)
            return number
    raise RuntimeError("could not draw a document number")


def near_document_number(
    rng: random.Random, kind: str, country: str, number: str, used: set[str]
) -> str:
    """Same number with exactly one digit changed (the DNI letter is recomputed)."""
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    for _ in range(100):
        pos = rng.choice(digits)
        new = rng.choice([d for d in "0123456789" if d != number[pos]])
        cand = number[:pos] + new + number[pos + 1 :]
        if kind == "id_card" and ID_CARD_PATTERNS.get(country) == "DNI":
            if pos == len(number) - 1:
                continue
            cand = cand[:-1] + _DNI_LETTERS[int(cand[:-1]) % 23]
        if kind == "id_card" and ID_CARD_PATTERNS.get(country) == "CEDULA" and cand[0] == "0":
            continue
        key = f"{kind}:{country}:{cand}"
        if key not in used:
            used.add(key)
            return cand
    raise RuntimeError("could not draw a near document number")


def document_forms(number: str, kind: str, country: str) -> dict[str, str]:
    """Compact, spaced ("A 01234567") and, for Colombian cédulas, dotted forms."""
    forms = {"compact": number}
    i = 0
    while i < len(number) and number[i].isalpha():
        i += 1
    if 0 < i < len(number):
        forms["spaced"] = f"{number[:i]} {number[i:]}"
    if kind == "id_card" and ID_CARD_PATTERNS.get(country) == "CEDULA":
        rev = number[::-1]
        forms["dotted"] = ".".join(rev[j : j + 3] for j in range(0, len(rev), 3))[::-1]
    if kind == "id_card" and ID_CARD_PATTERNS.get(country) == "DNI":
        forms["dashed"] = f"{number[:-1]}-{number[-1]}"
    if len(number) == 12 and number.isdigit():
        forms["grouped"] = " ".join(number[j : j + 4] for j in range(0, 12, 4))
    return forms


# ============================================================== vehicle plates

# written pattern with the country's separators
PLATE_PATTERNS: dict[str, str] = {
    "FR": "AA-###-AA",
    "IT": "AA ### AA",
    "ES": "#### AAA",
    "DE": "A AA ####",
    "GB": "AA## AAA",
    "GR": "AAA-####",
    "TR": "34 AAA ###",
    "AL": "AA ### AA",
    "RO": "B ### AAA",
    "LY": "#-######",
    "MA": "#####-A-##",
    "TN": "### TU ####",
    "CO": "AAA ###",
    "MX": "AAA-###-A",
    "NG": "AAA-###AA",
    "SN": "DK ####AA",
    "NL": "##-AAA-#",
}


def new_plate(rng: random.Random, country: str, used: set[str]) -> str:
    """A plate number written the way it appears on the plate."""
    pat = PLATE_PATTERNS[country]
    for _ in range(100):
        written = _fill(rng, pat)
        if country == "MA":  # Moroccan plates: number - Arabic letter (transcribed) - region
            written = written[:6] + rng.choice("ABDEHW") + written[7:]
        compact = plate_key(written)
        if f"{country}:{compact}" not in used:
            used.add(f"{country}:{compact}")
            return written
    raise RuntimeError("could not draw a plate")


def plate_key(written: str) -> str:
    """Plate without spaces or dashes, upper-cased."""
    return "".join(ch for ch in written.upper() if ch.isalnum())


def plate_forms(written: str) -> dict[str, str]:
    """As on the plate, with spaces, with dashes, compact."""
    tokens = written.replace("-", " ").split()
    return {
        "as_registered": written,
        "spaced": " ".join(tokens),
        "dashed": "-".join(tokens),
        "compact": "".join(tokens),
    }


# ============================================================== IMO numbers


def imo_check_digit(six: str) -> int:
    """IMO check digit: sum of digit_i * (7 - i) over the first six digits, mod 10."""
    return sum(int(d) * (7 - i) for i, d in enumerate(six)) % 10


def new_imo(rng: random.Random, used: set[str]) -> str:
    """A 7-digit IMO number with a valid check digit."""
    for _ in range(100):
        six = str(rng.choice((7, 8, 9))) + "".join(rng.choice("0123456789") for _ in range(5))
        imo = six + str(imo_check_digit(six))
        if imo not in used:
            used.add(imo)
            return imo
    raise RuntimeError("could not draw an IMO number")


def imo_valid(imo: str) -> bool:
    return len(imo) == 7 and imo.isdigit() and imo_check_digit(imo[:6]) == int(imo[6])


# ============================================================== crypto wallets

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check(payload: bytes) -> str:
    """Base58Check encoding (version byte included in ``payload``)."""
    check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    data = payload + check
    n = int.from_bytes(data, "big")
    out = []
    while n:
        n, r = divmod(n, 58)
        out.append(_B58[r])
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + "".join(reversed(out))


def b58check_valid(address: str) -> bool:
    n = 0
    for ch in address:
        if ch not in _B58:
            return False
        n = n * 58 + _B58.index(ch)
    pad = len(address) - len(address.lstrip("1"))
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    data = b"\0" * pad + raw
    if len(data) < 5:
        return False
    payload, check = data[:-4], data[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == check


def new_wallet(rng: random.Random, currency: str) -> str:
    """A syntactically valid address: BTC P2PKH/P2SH or TRON (USDT TRC-20)."""
    body = bytes(rng.randrange(256) for _ in range(20))
    if currency == "USDT":
        return b58check(b"\x41" + body)
    return b58check((b"\x00" if rng.random() < 0.7 else b"\x05") + body)


# ============================================================== e-mail


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("ı", "i").replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in s if ch.isascii() and (ch.isalnum())).lower()


def new_email(rng: random.Random, words: list[str], year: int, used: set[str]) -> str:
    """A plausible webmail address built from the holder's name (fictitious domain)."""
    parts = [_ascii(w) for w in words if _ascii(w)]
    first, last = parts[0], parts[-1]
    for _ in range(50):
        style = rng.randrange(4)
        if style == 0:
            local = f"{first}.{last}{year % 100:02d}"
        elif style == 1:
            local = f"{first[0]}{last}{rng.randrange(1, 999)}"
        elif style == 2:
            local = f"{last}_{first}"
        else:
            local = f"{first}{last[:3]}{rng.randrange(10, 99)}"
        addr = f"{local}@{rng.choice(MAIL_DOMAINS)}"
        if addr not in used:
            used.add(addr)
            return addr
    raise RuntimeError("could not draw an e-mail address")


def email_forms(addr: str) -> dict[str, str]:
    """Lower-case and a capitalised local part ("Ahmed.Tarhouni84@...")."""
    local, _, domain = addr.partition("@")
    cap = ".".join(p[:1].upper() + p[1:] for p in local.split("."))
    return {"lower": addr, "capitalised": f"{cap}@{domain}"}
