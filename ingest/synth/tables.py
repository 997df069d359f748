"""CSV documents: call-detail records, money-transfer extracts, number lists.

Cells are written through a :class:`~render.TextBuilder` so every cell naming
an entity is a mention with exact offsets (inside the quotes when a cell needs
quoting), and every row is the evidence span of its links (CALLED with start
time and duration; PAID with amount, currency and date).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from . import identifiers as ids
from .data_misc import AMOUNTS
from .data_places import NCBS, Ncb
from .entities import Network, Person, Phone
from .names import LAYOUTS
from .render import TextBuilder
from .world import World

_MCC = {
    "LY": "606",
    "IT": "222",
    "FR": "208",
    "ES": "214",
    "GB": "234",
    "DE": "262",
    "GR": "202",
    "TR": "286",
    "NG": "621",
    "NE": "614",
    "TN": "605",
    "MA": "604",
    "EG": "602",
    "SD": "634",
    "IQ": "418",
    "JO": "416",
    "AL": "276",
    "RO": "226",
}


class CsvBuilder:
    """Writes CSV rows, quoting cells that need it, recording mentions per cell."""

    def __init__(self, header: list[str]) -> None:
        self.b = TextBuilder()
        self.b.add(",".join(header) + "\n")
        self.row_start = 0

    def start_row(self) -> None:
        self.row_start = self.b.pos

    def cell(self, text: str, entity: Any = None, variant: str = "", first: bool = False) -> None:
        b = self.b
        if not first:
            b.add(",")
        quote = any(ch in text for ch in ',"\n')
        if quote:
            text_q = text.replace('"', '""')
            b.add('"')
            if entity is not None and text_q == text:
                b.mention(text, entity, variant)
            else:
                b.add(text_q)
            b.add('"')
        elif entity is not None and text:
            b.mention(text, entity, variant)
        else:
            b.add(text)

    def end_row(self, links: list[tuple[str, str, str, dict[str, Any] | None]]) -> None:
        end = self.b.pos
        for ltype, src, tgt, props in links:
            self.b.links.append((ltype, src, tgt, self.row_start, end, props))
        self.b.add("\n")


def _phone_cell(rng: random.Random, ph: Phone, region: str, style: str) -> tuple[str, str]:
    forms = ids.phone_forms(ph.value)
    if ph.country == region and rng.random() < 0.5:
        return forms["national_compact"], "national_compact"
    if style == "idd_00" and ids.idd_00_ok(region):
        return forms["idd_00"], "idd_00"
    return forms["e164"], "e164"


def _name_cell(rng: random.Random, p: Person, spellings: dict[str, Any]) -> tuple[str, str]:
    sp = spellings.get(p.id)
    if sp is None:
        sp = spellings[p.id] = p.name.choose_spelling(rng, 0.25)
    r = rng.random() * sum(w for _, w in LAYOUTS["table"])
    layout = LAYOUTS["table"][-1][0]
    for name, w in LAYOUTS["table"]:
        r -= w
        if r <= 0:
            layout = name
            break
    return p.name.latin(sp, layout)


def calls_table(net: Network, ncb: Ncb, rng: random.Random, date: dt.date) -> TextBuilder:
    """Call-detail records between the network's phones over the weeks before ``date``."""
    people = [p for p in net.members + net.associates if p.phones]
    phones: list[tuple[Phone, Person]] = [(ph, p) for p in people for ph in p.phones]
    csv = CsvBuilder(["caller", "callee", "start", "duration_s", "call_type", "cell_id"])
    style = rng.choice(("e164", "idd_00"))
    hubs = [x for x in phones if x[1].role in ("organiser", "money_collector")] or phones
    mcc = _MCC.get(ncb.country, "000")
    base = dt.datetime(date.year, date.month, date.day, 8, 0)
    for _ in range(rng.randint(20, 90)):
        a = rng.choice(hubs) if rng.random() < 0.5 else rng.choice(phones)
        b = rng.choice(phones)
        if a[0] is b[0]:
            continue
        if rng.random() < 0.5:
            a, b = b, a
        start = base - dt.timedelta(seconds=rng.randint(3600, 3600 * 24 * 60))
        call_type = "voice" if rng.random() < 0.75 else "sms"
        duration = rng.randint(4, 1500) if call_type == "voice" else 0
        csv.start_row()
        text, var = _phone_cell(rng, a[0], ncb.country, style)
        csv.cell(text, a[0], var, first=True)
        text, var = _phone_cell(rng, b[0], ncb.country, style)
        csv.cell(text, b[0], var)
        csv.cell(start.isoformat())
        csv.cell(str(duration))
        csv.cell(call_type)
        csv.cell(
            f"{mcc}-{rng.randint(1, 9):02d}-{rng.randint(1000, 9999)}-{rng.randint(10000, 99999)}"
        )
        csv.end_row(
            [("CALLED", a[0].id, b[0].id, {"start": start.isoformat(), "duration_s": duration})]
        )
    return csv.b


def transfers_table(
    world: World, net: Network, ncb: Ncb, rng: random.Random, date: dt.date
) -> TextBuilder:
    """A money-transfer operator extract: victims and members sending to collectors."""
    receivers = [p for p in net.members if p.role in ("money_collector", "organiser", "madam")]
    senders = net.victims + [
        p for p in net.members if p.role in ("recruiter", "driver", "facilitator")
    ]
    csv = CsvBuilder(
        [
            "mtcn",
            "date",
            "sender_name",
            "sender_phone",
            "receiver_name",
            "receiver_country",
            "amount",
            "currency",
            "agent_id",
            "agent_city",
            "iban",
        ]
    )
    spellings: dict[str, Any] = {}
    for _ in range(rng.randint(10, 45)):
        s = rng.choice(senders)
        r = rng.choice(receivers or net.members)
        if s is r:
            continue
        cur = rng.choice(net.route.currencies)
        lo, hi, step = AMOUNTS[cur]
        amount = rng.randrange(lo, hi, step)
        day = date - dt.timedelta(days=rng.randint(1, 240))
        links: list[tuple[str, str, str, dict[str, Any] | None]] = [
            ("PAID", s.id, r.id, {"amount": amount, "currency": cur, "date": day.isoformat()})
        ]
        csv.start_row()
        csv.cell("".join(rng.choice("0123456789") for _ in range(10)), first=True)
        csv.cell(day.isoformat())
        text, var = _name_cell(rng, s, spellings)
        csv.cell(text, s, var)
        if s.phones:
            ph = s.phones[0]
            text, var = _phone_cell(rng, ph, ncb.country, "e164")
            csv.cell(text, ph, var)
            links.append(("USES", s.id, ph.id, None))
        else:
            csv.cell("")
        text, var = _name_cell(rng, r, spellings)
        csv.cell(text, r, var)
        country = world.country_loc(r.city.country)
        csv.cell(country.names["en"].upper(), country, "upper_en")
        csv.cell(str(amount))
        csv.cell(cur)
        csv.cell(f"AG{rng.randint(100000, 999999)}")
        if r.city.kind != "country":
            csv.cell(r.city.names["en"].upper(), r.city, "upper_en")
            links.append(("LOCATED_AT", r.id, r.city.id, None))
        else:
            csv.cell("")
        if r.accounts and rng.random() < 0.3:
            acct = r.accounts[0]
            csv.cell(acct.value, acct, "compact")
            links.append(("HOLDS", r.id, acct.id, None))
        else:
            csv.cell("")
        csv.end_row(links)
    return csv.b


def numbers_csv(
    people: list[Person], ncb: Ncb, rng: random.Random, date: dt.date
) -> TextBuilder | None:
    """A short attachment listing numbers and their presumed subscribers."""
    pairs = [(p, ph) for p in people for ph in p.phones]
    if not pairs:
        return None
    csv = CsvBuilder(["number", "subscriber", "first_seen"])
    spellings: dict[str, Any] = {}
    for p, ph in rng.sample(pairs, min(len(pairs), rng.randint(2, 6))):
        csv.start_row()
        forms = ids.phone_forms(ph.value)
        kind = rng.choice(("e164", "international"))
        csv.cell(forms[kind], ph, kind, first=True)
        text, var = _name_cell(rng, p, spellings)
        csv.cell(text, p, var)
        csv.cell((date - dt.timedelta(days=rng.randint(10, 400))).isoformat())
        csv.end_row([("USES", p.id, ph.id, None)])
    return csv.b


def table_ncb(net: Network, rng: random.Random) -> Ncb:
    return NCBS[rng.choice(net.countries)]
