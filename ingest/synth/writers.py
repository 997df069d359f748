"""Writes the corpus files and streams the ground truth to ``truth.json``.

Documents, mentions, links and attributes (what the parenthesis introducing a
person states: nationality, birth date) are appended to temporary JSON-lines
files as reports are produced (so memory stays flat for 100 000 reports) and
spliced into one ``truth.json`` at the end, keys sorted, one record per line,
UTF-8.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .compose import DocOut
from .world import World

_ENC = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
PARTS_DIR = ".truth-parts"


class Ledger:
    """What has been mentioned: counts, written forms, and documents per network
    for the entities whose presence must be proven (bridges, distractors)."""

    def __init__(self, watch: Iterable[str]) -> None:
        self.counts: dict[str, int] = {}
        self.forms: dict[str, dict[str, None]] = {}
        self.watch: dict[str, dict[str, list[str]]] = {eid: {} for eid in watch}

    def record(
        self, doc_id: str, network: str, mentions: list[tuple[int, int, str, Any, str]]
    ) -> None:
        counts, forms, watch = self.counts, self.forms, self.watch
        for _, _, text, ent, _ in mentions:
            eid = ent.id
            counts[eid] = counts.get(eid, 0) + 1
            f = forms.get(eid)
            if f is None:
                f = forms[eid] = {}
            f[text] = None
            w = watch.get(eid)
            if w is not None:
                docs = w.setdefault(network, [])
                if not docs or docs[-1] != doc_id:
                    docs.append(doc_id)


class CorpusWriter:
    """Writes files under ``out`` and keeps the running counts for the summary."""

    def __init__(self, out: Path, ledger: Ledger) -> None:
        self.out = out
        self.ledger = ledger
        for sub in ("messages", "emails", "tables"):
            (out / sub).mkdir(parents=True, exist_ok=True)
        self.parts = out / PARTS_DIR
        self.parts.mkdir(exist_ok=True)
        self._stack = contextlib.ExitStack()

        def part(name: str) -> TextIO:
            return self._stack.enter_context(
                open(self.parts / name, "w", encoding="utf-8", newline="\n")
            )

        self._docs = part("documents.jsonl")
        self._mentions = part("mentions.jsonl")
        self._links = part("links.jsonl")
        self._attributes = part("attributes.jsonl")
        self.files = {"message": 0, "email": 0, "table": 0}
        self.languages: dict[str, int] = {}
        self.n_mentions = 0
        self.n_links = 0
        self.n_documents = 0
        self.bytes = 0

    def write(self, doc: DocOut) -> None:
        path = self.out / doc.path
        path.write_bytes(doc.data)
        self.bytes += len(doc.data)
        self.files[doc.kind] += 1
        encode = _ENC.encode
        for part in doc.parts:
            meta = part.doc
            doc_id = meta["id"]
            if doc.kind != "table" and meta["text_basis"] in ("file", "email_body"):
                lang = meta["language"]
                self.languages[lang] = self.languages.get(lang, 0) + 1
            self._docs.write(encode(meta) + "\n")
            self.n_documents += 1
            b = part.builder
            lines = []
            for start, end, text, ent, variant in b.mentions:
                lines.append(
                    encode(
                        {
                            "doc": doc_id,
                            "start": start,
                            "end": end,
                            "text": text,
                            "type": ent.TYPE,
                            "entity": ent.id,
                            "variant": variant,
                        }
                    )
                )
            if lines:
                self._mentions.write("\n".join(lines) + "\n")
            self.n_mentions += len(lines)
            lines = []
            for ltype, src, tgt, start, end, props in b.links:
                rec: dict[str, Any] = {
                    "type": ltype,
                    "source": src,
                    "target": tgt,
                    "doc": doc_id,
                    "start": start,
                    "end": end,
                }
                if props:
                    rec["properties"] = props
                lines.append(encode(rec))
            if lines:
                self._links.write("\n".join(lines) + "\n")
            self.n_links += len(lines)
            lines = [
                encode(
                    {"doc": doc_id, "start": start, "end": end, "entity": eid, "properties": props}
                )
                for start, end, eid, props in b.attributes
            ]
            if lines:
                self._attributes.write("\n".join(lines) + "\n")
            self.ledger.record(doc_id, doc.network, b.mentions)

    # ------------------------------------------------------------ truth
    def finalize(self, world: World, generator: dict[str, Any]) -> dict[str, int]:
        """Write ``truth.json``; return counts of realised bridges/distractors."""
        self._stack.close()
        ledger = self.ledger
        bridges = []
        for br in world.bridges:
            seen = ledger.watch.get(br["entity"], {})
            docs = {net: seen.get(net, []) for net in br["networks"]}
            if all(docs.values()):
                bridges.append(dict(br, documents=docs))
        distractors = [
            d for d in world.distractors if ledger.counts.get(d["a"]) and ledger.counts.get(d["b"])
        ]
        cases = [c.truth() for c in world.cases]
        networks = [n.truth() for n in world.networks]

        def entities() -> Iterator[str]:
            for e in world.entities:
                rec = e.truth()
                rec["mention_count"] = ledger.counts.get(e.id, 0)
                rec["written_forms"] = sorted(ledger.forms.get(e.id, {}))
                yield _ENC.encode(rec)

        def lines(name: str) -> Iterator[str]:
            with open(self.parts / name, encoding="utf-8") as fh:
                for line in fh:
                    yield line.rstrip("\n")

        with open(self.out / "truth.json", "w", encoding="utf-8", newline="\n") as out:
            out.write("{\n")
            sections: list[tuple[str, Iterable[str] | str]] = [
                ("attributes", lines("attributes.jsonl")),
                ("bridges", (_ENC.encode(x) for x in bridges)),
                ("cases", (_ENC.encode(x) for x in cases)),
                ("distractors", (_ENC.encode(x) for x in distractors)),
                ("documents", lines("documents.jsonl")),
                ("entities", entities()),
                ("generator", _ENC.encode(generator)),
                ("links", lines("links.jsonl")),
                ("mentions", lines("mentions.jsonl")),
                ("networks", (_ENC.encode(x) for x in networks)),
            ]
            for k, (key, items) in enumerate(sections):
                out.write(f'"{key}": ')
                if isinstance(items, str):
                    out.write(items)
                else:
                    out.write("[")
                    first = True
                    for item in items:
                        out.write("\n" if first else ",\n")
                        out.write(item)
                        first = False
                    out.write("\n]")
                out.write(",\n" if k < len(sections) - 1 else "\n")
            out.write("}\n")
        self.bytes += (self.out / "truth.json").stat().st_size
        shutil.rmtree(self.parts)
        return {"bridges": len(bridges), "distractors": len(distractors)}
