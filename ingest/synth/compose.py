"""Composes one report: picks network, NCB, language and facts, writes the text.

A report is an NCB message (header + numbered paragraphs + requests) or, for
about one in ten, an e-mail between officers (sometimes with a CSV attachment);
some messages also carry call-detail or money-transfer tables. All randomness
of report ``i`` comes from its own ``random.Random`` seeded with (seed, i); the
little state shared across reports (reference counters, Arabic quota, tables
still to emit, pending bridge/distractor facts) evolves in report order.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import hashlib
import random
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from . import facts as factmod
from . import tables
from .data_places import IPSG, NCBS, Ncb, places_in
from .entities import Location, Network, Person
from .lang import Lang, get_lang
from .render import Day, DocContext, Fact, Template, TextBuilder
from .world import CAT_CODE, World

START_DATE = dt.date(2025, 1, 6)
SPAN_DAYS = 540
P_EMAIL = 0.10
P_OTHER = 0.07
AR_SHARE = 0.11
_LETTERS = {"ar": "أبجدهوزحطي", "default": "abcdefghij"}
_HANDLING = (("official", 0.6), ("restricted", 0.3), ("confidential", 0.1))
_GRADE_LETTER = (("A", 0.1), ("B", 0.4), ("C", 0.3), ("D", 0.1), ("E", 0.05), ("F", 0.05))
_GRADE_DIGIT = (("1", 0.15), ("2", 0.4), ("3", 0.3), ("4", 0.1), ("5", 0.03), ("6", 0.02))


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    r = rng.random() * sum(w for _, w in options)
    for key, w in options:
        r -= w
        if r <= 0:
            return key
    return options[-1][0]


def _fact_key(fact: Fact) -> tuple[Any, ...]:
    ids = []
    for name in sorted(fact.slots):
        v = fact.slots[name]
        for x in v if isinstance(v, list) else [v]:
            if hasattr(x, "id"):
                ids.append((name, x.id))
    return (fact.kind, tuple(ids))


@dataclass(slots=True)
class Part:
    """One text basis inside a file: the file itself, an e-mail body or an attachment."""

    doc: dict[str, Any]
    builder: TextBuilder


@dataclass(slots=True)
class DocOut:
    """A file to write plus the truth of every text basis it contains."""

    path: str
    kind: str
    data: bytes
    network: str
    parts: list[Part] = field(default_factory=list)


class Composer:
    """Turns report indices into documents, in order."""

    def __init__(self, world: World, languages: tuple[str, ...], seed: int, reports: int) -> None:
        self.world = world
        self.languages = languages
        self.seed = seed
        self.n = reports
        self.refs: dict[tuple[str, int, str], int] = {}
        self.ar_docs = 0
        sched = random.Random(f"odyssey-synth/schedule/{seed}")
        self.first_pass = list(world.networks)
        sched.shuffle(self.first_pass)
        self.cum: list[float] = []
        total = 0.0
        for net in world.networks:
            total += net.weight
            self.cum.append(total)
        # which networks get a calls / transfers table (attached to one of their messages)
        n_tables = max(1, len(world.networks) // 6) if reports >= 10 else 0
        picks = list(world.networks)
        sched.shuffle(picks)
        self.tables_due: dict[str, list[str]] = {}
        for k in range(min(n_tables, len(picks))):
            self.tables_due.setdefault(picks[k].id, []).append("calls")
            self.tables_due.setdefault(picks[-1 - k].id, []).append("transfers")
        self._weights_cache: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}

    # ------------------------------------------------------------ choices
    def _network(self, i: int, rng: random.Random) -> Network:
        if i < len(self.first_pass):
            return self.first_pass[i]
        r = rng.random() * self.cum[-1]
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < r:
                lo = mid + 1
            else:
                hi = mid
        return self.world.networks[lo]

    def _language(self, ncb: Ncb, rng: random.Random) -> str:
        opts = tuple((lang, w) for lang, w in ncb.languages if lang in self.languages)
        if opts:
            return _weighted(rng, opts)
        if "en" in self.languages:
            return "en"
        return rng.choice(self.languages)

    def _origin(self, net: Network, i: int, rng: random.Random) -> tuple[Ncb, str]:
        if "ar" in self.languages and self.ar_docs < AR_SHARE * (i + 1):
            arab = [c for c in net.countries if any(lang == "ar" for lang, _ in NCBS[c].languages)]
            if arab:
                return NCBS[rng.choice(arab)], "ar"
        opts = tuple(
            (c, 1.0 if any(lang in self.languages for lang, _ in NCBS[c].languages) else 0.15)
            for c in net.countries
        )
        ncb = NCBS[_weighted(rng, opts)]
        return ncb, self._language(ncb, rng)

    def _reference(self, ncb: Ncb, year: int, cat: str, rng: random.Random) -> str:
        key = (ncb.code, year, cat)
        n = self.refs.get(key)
        n = rng.randint(1, 60) if n is None else n + rng.randint(1, 3)
        self.refs[key] = n
        return f"NCB-{ncb.code}/{year}/{cat}/{n:04d}"

    # ------------------------------------------------------------ report
    def report(self, i: int) -> list[DocOut]:
        """All files of report ``i`` (a message or e-mail, plus any tables)."""
        rng = random.Random(f"odyssey-synth/report/{self.seed}/{i}")
        net = self._network(i, rng)
        category = net.category
        other_kind = ""
        if net.other_case and rng.random() < P_OTHER:
            category = "other"
            other_kind = "fraud" if rng.random() < 0.5 else "laundering"
            ncb = NCBS[net.other_case.country]
            language = self._language(ncb, rng)
            case = net.other_case
        else:
            ncb, language = self._origin(net, i, rng)
            case = net.cases[ncb.country]
        if language == "ar":
            self.ar_docs += 1
        body_lang = language
        if language == "ar" and rng.random() > 0.78 and "en" in self.languages:
            body_lang = "en"
        date = START_DATE + dt.timedelta(days=(i * SPAN_DAYS) // self.n)
        cat = CAT_CODE[category]
        reference = self._reference(ncb, date.year, cat, rng)
        others = [c for c in net.countries if c != ncb.country]
        recipients = [NCBS[c].name for c in rng.sample(others, min(len(others), rng.randint(1, 3)))]
        if not recipients or rng.random() < 0.4:
            recipients.append(IPSG)
        doc: dict[str, Any] = {
            "language": language,
            "body_language": body_lang,
            "reference": reference,
            "originating_ncb": ncb.name,
            "recipients": recipients,
            "date": date.isoformat(),
            "case": case.id,
            "crime_category": category,
            "handling_code": _weighted(rng, _HANDLING),
            "grading": _weighted(rng, _GRADE_LETTER) + _weighted(rng, _GRADE_DIGIT),
            "networks": [net.id],
        }
        stem = reference.replace("/", "_")
        is_email = rng.random() < P_EMAIL
        facts = self._facts(
            net, category, get_lang(body_lang), rng, date, 3 if is_email else rng.randint(4, 8)
        )
        due = [] if is_email else self.tables_due.pop(net.id, [])
        files = [f"tables/{kind}_{stem}.csv" for kind in due]
        if is_email:
            out = [
                self._email(
                    net, ncb, doc, case, facts, language, body_lang, rng, date, stem, other_kind
                )
            ]
        else:
            out = [
                self._message(
                    net,
                    ncb,
                    doc,
                    case,
                    facts,
                    language,
                    body_lang,
                    rng,
                    date,
                    stem,
                    other_kind,
                    files,
                )
            ]
        for kind, path in zip(due, files, strict=True):
            out.append(self._table(kind, path, net, ncb, doc, rng, date))
        net.last_message[ncb.code] = (reference, date.isoformat())
        return out

    # ------------------------------------------------------------ facts
    def _facts(
        self, net: Network, category: str, lang: Lang, rng: random.Random, date: dt.date, n: int
    ) -> list[Fact]:
        members = net.members + net.associates
        focus = rng.sample(members, min(len(members), rng.randint(3, 6)))
        ctx = factmod.FactContext(self.world, net, rng, date, focus)
        out: list[Fact] = []
        for _ in range(2):
            if not net.pending:
                break
            kind, params = net.pending.pop(0)
            ctx.params = params
            fact = factmod.build(kind, ctx)
            ctx.params = {}
            if fact is None:
                continue
            if self._template(lang, fact, rng) is None:
                # this language has no sentence for it: leave it to a later report
                net.pending.append((kind, params))
                break
            out.append(fact)
        key = (lang.code, category)
        weights = self._weights_cache.get(key)
        if weights is None:
            weights = factmod.kind_weights(category, set(lang.templates))
            self._weights_cache[key] = weights
        counts: dict[str, int] = {}
        seen = {_fact_key(f) for f in out}
        tries = 0
        while len(out) < n and tries < 4 * n:
            tries += 1
            kind = _weighted(rng, weights)
            if counts.get(kind, 0) >= 2:
                continue
            fact = factmod.build(kind, ctx)
            if fact is None or self._template(lang, fact, rng) is None:
                continue
            key = _fact_key(fact)
            if key in seen:  # never state the same thing twice in one report
                continue
            seen.add(key)
            counts[kind] = counts.get(kind, 0) + 1
            out.append(fact)
        return out

    @staticmethod
    def _template(lang: Lang, fact: Fact, rng: random.Random) -> Template | None:
        cands = [
            t
            for t in lang.templates.get(fact.kind, ())
            if all(fact.slots.get(s) is not None for s in t.slots)
        ]
        return rng.choice(cands) if cands else None

    @staticmethod
    def _pick(
        rng: random.Random, templates: list[Template], slots: dict[str, Any]
    ) -> Template | None:
        cands = [t for t in templates if all(slots.get(s) is not None for s in t.slots)]
        return rng.choice(cands) if cands else None

    def _city(self, net: Network, country: str, rng: random.Random) -> Location:
        cands = [s for s in net.stops if s.country == country and s.kind != "region"]
        if not cands:
            cands = [self.world.place(p.key) for p in places_in(country) if p.kind != "region"]
        return rng.choice(cands) if cands else self.world.country_loc(country)

    # ------------------------------------------------------------ paragraphs
    def _fact_sentences(self, ctx: DocContext, facts: list[Fact]) -> list[list[Fact]]:
        groups: list[list[Fact]] = []
        k = 0
        while k < len(facts):
            size = ctx.rng.randint(1, 3)
            groups.append(facts[k : k + size])
            k += size
        return groups

    def _write_fact(self, ctx: DocContext, fact: Fact) -> None:
        tpl = self._template(ctx.lang, fact, ctx.rng)
        if tpl is not None:
            ctx.sentence(tpl, fact)

    def _filler(self, ctx: DocContext, category: str) -> None:
        pool = ctx.lang.fillers.get(category, []) + ctx.lang.fillers["any"]
        ctx.sentence(ctx.rng.choice(pool), Fact("filler", {}))

    def _requests(
        self, ctx: DocContext, facts: list[Fact], rng: random.Random
    ) -> list[tuple[Template, Fact]]:
        """Request items about entities the message has already named."""
        lang = ctx.lang
        cands: list[tuple[str, dict[str, Any], tuple[tuple[Any, ...], ...]]] = []
        for f in facts:
            s = f.slots
            p = s.get("p")
            if s.get("ph") is not None and isinstance(p, Person):
                cands.append(("phone", {"ph": s["ph"], "p": p}, (("USES", "p", "ph"),)))
            if isinstance(p, Person) and p.role not in ("victim", "migrant"):
                cands.append(("person", {"p": p}, ()))
            if s.get("doc") is not None and isinstance(p, Person):
                cands.append(
                    ("id_doc", {"p": p, "doc": s["doc"], "dd": s["dd"]}, (("HOLDS", "p", "doc"),))
                )
            if s.get("acct") is not None:
                cands.append(("bank", {"acct": s["acct"]}, ()))
            if s.get("veh") is not None:
                cands.append(("vehicle", {"veh": s["veh"]}, ()))
            if s.get("vs") is not None:
                cands.append(("vessel", {"vs": s["vs"], "imo": s["imo"]}, ()))
            if s.get("org") is not None:
                cands.append(("org", {"org": s["org"]}, ()))
            if s.get("addr") is not None and isinstance(p, Person):
                cands.append(
                    ("address", {"p": p, "addr": s["addr"]}, (("LOCATED_AT", "p", "addr"),))
                )
        rng.shuffle(cands)
        out: list[tuple[Template, Fact]] = []
        used: set[str] = set()
        for kind, slots, links in cands:
            if kind in used or kind not in lang.requests:
                continue
            tpl = self._pick(rng, lang.requests[kind], slots)
            if tpl is None:
                continue
            used.add(kind)
            out.append((tpl, Fact(f"request_{kind}", slots, links)))
            if len(out) >= rng.randint(2, 4):
                break
        return out

    def _subject(
        self, ctx: DocContext, net: Network, category: str, other_kind: str, slots_ok: bool
    ) -> None:
        key = f"other:{other_kind}" if category == "other" else category
        slots = {
            "orig": self.world.country_loc(net.stops[0].country),
            "dest": self.world.country_loc(net.stops[-1].country),
        }
        if slots["orig"] is slots["dest"] or not slots_ok:
            slots = {}
        tpl = self._pick(ctx.rng, ctx.lang.subjects[key], slots)
        if tpl is None:
            tpl = self._pick(ctx.rng, ctx.lang.subjects[key], {})
        assert tpl is not None
        ctx.sentence(tpl, Fact("subject", slots))

    # ------------------------------------------------------------ message
    def _message(
        self,
        net: Network,
        ncb: Ncb,
        doc: dict[str, Any],
        case: Any,
        facts: list[Fact],
        language: str,
        body_lang: str,
        rng: random.Random,
        date: dt.date,
        stem: str,
        other_kind: str,
        annex: list[str],
    ) -> DocOut:
        head = get_lang(language)
        body = get_lang(body_lang)
        ctx = DocContext(head, ncb, rng, self.world.locations)
        b = ctx.b
        sep = " : " if language == "fr" else ": "
        labels = head.labels
        category = doc["crime_category"]

        def line(label: str, value: str) -> None:
            b.add(f"{labels[label]}{sep}{value}\n")

        line("from", ncb.name)
        line("to", head.recipient_separator.join(doc["recipients"]))
        line("reference", doc["reference"])
        line("date", head.date_header(date, rng, ncb.levantine))
        b.add(f"{labels['subject']}{sep}")
        s0 = b.pos
        self._subject(ctx, net, category, other_kind, True)
        s1 = b.pos
        b.add("\n")
        line("case", f"{case.id} ({head.operation} {case.operation})")
        cat_key = f"other:{other_kind}" if category == "other" else category
        line("category", head.category_label(cat_key, rng))
        line("handling", head.handling[doc["handling_code"]])
        line("grading", doc["grading"])
        b.add("\n")

        ctx.lang = body
        para = 1
        b.add(f"{para}. ")
        intro = self._pick(
            rng,
            body.intros["other" if category == "other" else category],
            {"ncb": "x", "city": "x", "route": "x"},
        )
        seg_len = min(len(net.stops), rng.randint(3, 5))
        start = rng.randint(0, len(net.stops) - seg_len)
        assert intro is not None
        ctx.sentence(
            intro,
            Fact(
                "intro",
                {
                    "ncb": ncb.name,
                    "city": self._city(net, ncb.country, rng),
                    "route": net.stops[start : start + seg_len],
                },
                (("ROUTE_CHAIN", ("route",)),),
            ),
        )
        if ncb.code in net.last_message and rng.random() < 0.6:
            b.add(" ")
            prev_ref, prev_date = net.last_message[ncb.code]
            ctx.sentence(
                rng.choice(body.further),
                Fact(
                    "further",
                    {"prevref": prev_ref, "prevdate": Day(dt.date.fromisoformat(prev_date))},
                ),
            )
        b.add("\n\n")
        for group in self._fact_sentences(ctx, facts):
            para += 1
            b.add(f"{para}. ")
            for k, fact in enumerate(group):
                if k:
                    b.add(" ")
                self._write_fact(ctx, fact)
            if rng.random() < 0.3:
                b.add(" ")
                self._filler(ctx, category)
            b.add("\n\n")
        if annex:
            para += 1
            b.add(f"{para}. ")
            ctx.sentence(
                body.annex, Fact("annex", {"file": ", ".join(a.rsplit("/", 1)[-1] for a in annex)})
            )
            b.add("\n\n")
        requests = self._requests(ctx, facts, rng)
        if requests:
            para += 1
            target = next((r for r in doc["recipients"] if r != IPSG), doc["recipients"][0])
            b.add(f"{para}. ")
            ctx.sentence(rng.choice(body.request_leads), Fact("lead", {"ncb": target}))
            b.add("\n")
            letters = _LETTERS["ar" if body_lang == "ar" else "default"]
            for k, (tpl, fact) in enumerate(requests):
                b.add(f"   {letters[k]}) ")
                ctx.sentence(tpl, fact)
                b.add("\n")
            b.add("\n")
        para += 1
        b.add(f"{para}. ")
        ctx.sentence(rng.choice(body.closings), Fact("closing", {"ncb": ncb.name}))
        b.add("\n\n")
        for sig_line in rng.choice(body.signatures):
            b.add(sig_line.format(ncb=ncb.name) + "\n")
        text = b.text()
        path = f"messages/{stem}.txt"
        doc = dict(doc, id=path, path=path, kind="message", text_basis="file", subject=text[s0:s1])
        return DocOut(path, "message", text.encode("utf-8"), net.id, [Part(doc, b)])

    # ------------------------------------------------------------ e-mail
    def _email(
        self,
        net: Network,
        ncb: Ncb,
        doc: dict[str, Any],
        case: Any,
        facts: list[Fact],
        language: str,
        body_lang: str,
        rng: random.Random,
        date: dt.date,
        stem: str,
        other_kind: str,
    ) -> DocOut:
        body = get_lang(body_lang)
        ctx = DocContext(body, ncb, rng, self.world.locations)
        b = ctx.b
        category = doc["crime_category"]
        b.add(rng.choice(body.email_greetings) + "\n\n")
        ctx.sentence(
            rng.choice(body.email_openers),
            Fact("opener", {"case": case.id, "ref": doc["reference"]}),
        )
        b.add("\n\n")
        for k, fact in enumerate(facts):
            if k:
                b.add(" " if rng.random() < 0.6 else "\n\n")
            self._write_fact(ctx, fact)
        b.add("\n\n")
        requests = self._requests(ctx, facts, rng)
        if requests:
            b.add(rng.choice(body.email_requests) + "\n")
            for tpl, fact in requests:
                b.add("- ")
                ctx.sentence(tpl, fact)
                b.add("\n")
            b.add("\n")
        attachment: TextBuilder | None = None
        att_name = "numbers.csv"
        if rng.random() < 0.35:
            people = list(
                dict.fromkeys(
                    p for f in facts for p in f.slots.values() if isinstance(p, Person) and p.phones
                )
            )
            attachment = tables.numbers_csv(people, ncb, rng, date)
        if attachment is not None:
            ctx.sentence(body.email_attachment_note, Fact("note", {"file": att_name}))
            b.add("\n\n")
        for sig_line in rng.choice(body.email_signoffs):
            b.add(sig_line.format(ncb=ncb.name) + "\n")
        text = b.text()

        # subject line (header only: not part of the text basis)
        sub_ctx = DocContext(get_lang(language), ncb, rng, self.world.locations)
        self._subject(sub_ctx, net, category, other_kind, True)
        subject = f"RE: {doc['reference']} – {sub_ctx.b.text()}"
        if doc["handling_code"] != "official":
            subject = f"[{get_lang(language).handling[doc['handling_code']]}] {subject}"

        msg = EmailMessage(policy=email.policy.default)
        sender = f"ops.{ncb.code.lower()}@{ncb.domain}"
        msg["From"] = email.utils.formataddr((f"{ncb.name} - Operations", sender))
        to = []
        for r in doc["recipients"]:
            code = "ipsg" if r == IPSG else next(n.code for n in NCBS.values() if n.name == r)
            domain = "interpol.example" if r == IPSG else f"ncb-{code.lower()}.interpol.example"
            to.append(email.utils.formataddr((r, f"liaison@{domain}")))
        msg["To"] = ", ".join(to)
        msg["Subject"] = subject
        tz = dt.timezone(dt.timedelta(minutes=ncb.utc_offset))
        when = dt.datetime(
            date.year,
            date.month,
            date.day,
            rng.randint(7, 19),
            rng.randint(0, 59),
            rng.randint(0, 59),
            tzinfo=tz,
        )
        msg["Date"] = email.utils.format_datetime(when)
        msg["Message-ID"] = f"<{stem.lower()}.{rng.randint(1000, 9999)}@{ncb.domain}>"
        msg.set_content(text)
        if attachment is not None:
            msg.add_attachment(attachment.text(), subtype="csv", filename=att_name)
            token = hashlib.sha256(f"{self.seed}/{stem}".encode()).hexdigest()[:24]
            msg.set_boundary(f"=_odyssey_{token}")
        path = f"emails/{stem}.eml"
        parts = [
            Part(
                dict(
                    doc, id=path, path=path, kind="email", text_basis="email_body", subject=subject
                ),
                b,
            )
        ]
        if attachment is not None:
            basis = f"attachment:{att_name}"
            parts.append(
                Part(
                    dict(
                        doc,
                        id=f"{path}#{basis}",
                        path=path,
                        kind="email",
                        text_basis=basis,
                        subject=subject,
                        language=None,
                        body_language=None,
                    ),
                    attachment,
                )
            )
        return DocOut(path, "email", msg.as_bytes(), net.id, parts)

    # ------------------------------------------------------------ tables
    def _table(
        self,
        kind: str,
        path: str,
        net: Network,
        ncb: Ncb,
        doc: dict[str, Any],
        rng: random.Random,
        date: dt.date,
    ) -> DocOut:
        if kind == "calls":
            builder = tables.calls_table(net, ncb, rng, date)
        else:
            builder = tables.transfers_table(self.world, net, ncb, rng, date)
        tdoc = dict(
            doc,
            id=path,
            path=path,
            kind="table",
            text_basis="file",
            language=None,
            body_language=None,
            subject=f"{kind} records annexed to {doc['reference']}",
            table=kind,
        )
        return DocOut(path, "table", builder.text().encode("utf-8"), net.id, [Part(tdoc, builder)])
