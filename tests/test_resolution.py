"""Entity resolution: names across scripts and orders, namesakes, analyst decisions, undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from odyssey.errors import StoreError
from odyssey.graph import Batch, GraphStore, SqliteStore
from odyssey.ingest.resolution import explain, judge, resolve
from odyssey.ingest.resolution.context import describe
from odyssey.ingest.resolution.names import parse
from odyssey.ingest.resolution.records import name_record_id
from odyssey.model import Document, Entity, Mention, entity_id


@pytest.mark.parametrize(
    "spellings",
    [
        # the smuggler: French, English, Spanish (surname first), Arabic script
        ["Mohamed ABDELRAHMAN", "Mohammed Abdel Rahman", "ABDERRAHMANE Mohamed", "محمد عبد الرحمن"],
        ["Ibrahim HAMMAMI", "HAMMAMI, Ibrahim", "Brahim AL-HAMMAMI", "إبراهيم الحمامي"],
        ["Youssef BEN ALI", "Yusuf Benali", "يوسف بن علي"],
        ["Nour El Din al-Mahmoudi", "NURADDIN AL-MAHMOUDI", "نور الدين المحمودي"],
        ["José GARCÍA", "GARCIA, Jose", "Jose Garcia"],
        ["Sherko QADIR", "KADER, Shirko", "شيركو قادر"],
        ["Wichai THONGDEE", "Vichai Thongdee"],  # Thai ว: w or v
    ],
)
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    keys = {parse(s).key for s in spellings}
    assert len(keys) == 1, {s: parse(s).key for s in spellings}


def test_different_names_keep_different_keys() -> None:
    assert parse("Mohamed HASSAN").key != parse("Ali HASSAN").key
    assert not parse("HASSAN").full and parse("Ali HASSAN").full


@pytest.mark.parametrize(
    ("text", "birth", "nationality", "aliases"),
    [
        (
            'Ali HASSAN (born 02/05/1984, Libyan national) alias "Abu Khaled" was',
            "1984-05-02",
            "LY",
            ("Abu Khaled",),
        ),
        (
            "Ali HASSAN (né le 2 mai 1984, de nationalité libyenne) dit « Le Borgne » a",
            "1984-05-02",
            "LY",
            ("Le Borgne",),
        ),
        (
            "Ali HASSAN (de nacionalidad libia, nacido el 2 de mayo de 1984) fue",
            "1984-05-02",
            "LY",
            (),
        ),
        (
            'Ali HASSAN (من مواليد 1984/05/02، ليبي الجنسية) الملقب بـ"أبو خالد" و',
            "1984-05-02",
            "LY",
            ("أبو خالد",),
        ),
        ("Ali HASSAN (DOB 1984-05-02, Libyan) was", "1984-05-02", "LY", ()),
        ("Ali HASSAN (Eritrean national) was", None, "ER", ()),
        ("Ali HASSAN (born 02/05/1984 in Tripoli, Libya) was", "1984-05-02", None, ()),
        ("Ali HASSAN was seen in Zuwara (Libya) on 2 May 2024.", None, None, ()),
    ],
)
def test_birth_dates_nationalities_and_aliases_are_read_in_four_languages(
    text: str, birth: str | None, nationality: str | None, aliases: tuple[str, ...]
) -> None:
    props, found = describe(text, len("Ali HASSAN") if text.startswith("Ali") else 7)
    assert props.get("birth_date") == birth
    assert props.get("nationality") == nationality
    assert found == aliases


# -- on a store ------------------------------------------------------------------------------


def _report(
    store: GraphStore, text: str, names: list[str], phones: tuple[str, ...] = ()
) -> dict[str, str]:
    """Store a report as extraction would: each name a record of this document; phones by value."""
    doc = Document.from_text(text, source=f"r{abs(hash(text)) % 10**8}.txt", language="en")
    batch = Batch(documents=[doc])
    ids = {}
    for name in names:
        start = text.index(name)
        props, aliases = describe(text, start + len(name))
        ent = Entity(name_record_id("Person", name, doc.id), "Person", name, aliases, props)
        batch.entities.append(ent)
        batch.mentions.append(
            Mention.at(
                doc,
                start,
                start + len(name),
                type="Person",
                method="test",
                confidence=0.9,
                entity_id=ent.id,
            )
        )
        ids[name] = ent.id
    for phone in phones:
        start = text.index(phone)
        ent = Entity(entity_id("Phone", phone), "Phone", phone)
        batch.entities.append(ent)
        batch.mentions.append(
            Mention.at(
                doc,
                start,
                start + len(phone),
                type="Phone",
                method="test",
                confidence=0.9,
                entity_id=ent.id,
            )
        )
    store.put(batch)
    return ids


def _entity(store: GraphStore, record: str) -> str:
    return next(r.entity_id for r in store.records() if r.id == record)


@pytest.fixture
def store(tmp_path: Path) -> GraphStore:
    with SqliteStore(tmp_path / "r.db") as s:
        yield s


def test_one_smuggler_across_four_languages_becomes_one_entity(store: GraphStore) -> None:
    fr = _report(
        store,
        "Mohamed ABDELRAHMAN utilise le +218912345678.",
        ["Mohamed ABDELRAHMAN"],
        ("+218912345678",),
    )
    en = _report(
        store,
        "Mohammed Abdel Rahman uses +218912345678.",
        ["Mohammed Abdel Rahman"],
        ("+218912345678",),
    )
    es = _report(
        store,
        "ABDERRAHMANE Mohamed usa el +218912345678.",
        ["ABDERRAHMANE Mohamed"],
        ("+218912345678",),
    )
    ar = _report(
        store, "محمد عبد الرحمن يستخدم +218912345678.", ["محمد عبد الرحمن"], ("+218912345678",)
    )
    summary = resolve(store)
    ids = {_entity(store, r) for d in (fr, en, es, ar) for r in d.values()}
    assert len(ids) == 1
    assert summary.by_type["Person"] == {"records": 4, "entities": 1}
    mentions = store.mentions(entity_id=ids.pop())
    assert sorted(m.text for m in mentions if m.type == "Person") == sorted(
        ["Mohamed ABDELRAHMAN", "Mohammed Abdel Rahman", "ABDERRAHMANE Mohamed", "محمد عبد الرحمن"]
    )
    again = resolve(store)  # incremental: nothing new, nothing scored, nothing moved
    assert (again.new_records, again.pairs_scored, again.moved) == (0, 0, 0)


def test_namesakes_with_different_birth_dates_stay_two_and_a_bare_mention_bridges_nothing(
    store: GraphStore,
) -> None:
    a = _report(
        store,
        "Ali HASSAN (born 11/02/1979, Libyan national) uses +218911111111.",
        ["Ali HASSAN"],
        ("+218911111111",),
    )
    b = _report(
        store,
        "Ali HASSAN (born 03/07/1990, Libyan national) uses +218922222222.",
        ["Ali HASSAN"],
        ("+218922222222",),
    )
    bare = _report(store, "Ali HASSAN was seen in Zuwara.", ["Ali HASSAN"])
    resolve(store)
    ea, eb, ebare = (_entity(store, d["Ali HASSAN"]) for d in (a, b, bare))
    assert len({ea, eb, ebare}) == 3
    why = explain(store, ea, eb)
    assert not why.same_entity and why.best is not None
    assert why.best.reasons["birth_date"] < 0 and any(
        "birth dates differ" in c for c in why.conflicts
    )


def test_a_surname_is_resolved_within_its_report_only_when_unambiguous(store: GraphStore) -> None:
    one = _report(store, "Ali HASSAN met Omar. Later HASSAN left.", ["Ali HASSAN", "HASSAN"])
    two = _report(
        store,
        "Ali HASSAN and Mohamed HASSAN met. Later HASSAN left.",
        ["Ali HASSAN", "Mohamed HASSAN", "HASSAN"],
    )
    resolve(store)
    assert _entity(store, one["HASSAN"]) == _entity(store, one["Ali HASSAN"])
    assert _entity(store, two["HASSAN"]) not in {
        _entity(store, two["Ali HASSAN"]),
        _entity(store, two["Mohamed HASSAN"]),
    }


def test_analyst_decisions_survive_a_rerun_and_a_split_undoes_a_merge(store: GraphStore) -> None:
    a = _report(store, "Karim BENALI uses +33611111111.", ["Karim BENALI"], ("+33611111111",))
    b = _report(store, "Karim BEN ALI uses +33611111111.", ["Karim BEN ALI"], ("+33611111111",))
    resolve(store)
    merged = _entity(store, a["Karim BENALI"])
    assert _entity(store, b["Karim BEN ALI"]) == merged
    mention_ids = {m.id for m in store.mentions()}
    judge(store, "split", merged, records=[b["Karim BEN ALI"]], note="jdoe: two cousins")
    resolve(store)
    assert _entity(store, b["Karim BEN ALI"]) != _entity(store, a["Karim BENALI"])
    assert {m.id for m in store.mentions()} == mention_ids  # no mention lost
    # a new report that matches both must not glue them back together
    _report(store, "Karim BENALI called +33611111111 again.", ["Karim BENALI"], ("+33611111111",))
    resolve(store)
    resolve(store, full=True)
    assert _entity(store, b["Karim BEN ALI"]) != _entity(store, a["Karim BENALI"])
    # and "same" joins what the machine kept apart
    judge(store, "forget", a["Karim BENALI"], b["Karim BEN ALI"])
    judge(store, "not_same", a["Karim BENALI"], b["Karim BEN ALI"])
    resolve(store)
    assert _entity(store, b["Karim BEN ALI"]) != _entity(store, a["Karim BENALI"])
    judge(store, "same", a["Karim BENALI"], b["Karim BEN ALI"], note="jdoe: checked the passport")
    resolve(store)
    assert _entity(store, b["Karim BEN ALI"]) == _entity(store, a["Karim BENALI"])


def test_a_store_written_before_resolution_is_refused_with_a_way_out(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    SqliteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="ingest its files again"):
        SqliteStore(path)


def test_a_nickname_two_men_share_does_not_make_them_one(store: GraphStore) -> None:
    kadir = _report(
        store,
        "Hussein KADIR, alias al-Doktor, uses +218911111111.",
        ["Hussein KADIR", "al-Doktor"],
        ("+218911111111",),
    )
    masry = _report(
        store,
        "Ali EL MASRY, alias al-Doktor, uses +218922222222.",
        ["Ali EL MASRY", "al-Doktor"],
        ("+218922222222",),
    )
    bare = _report(store, "al-Doktor paid the crossing.", ["al-Doktor"])
    resolve(store)
    assert _entity(store, kadir["Hussein KADIR"]) != _entity(store, masry["Ali EL MASRY"])
    # the bare nickname may join one of them, never both
    assert _entity(store, bare["al-Doktor"]) in {
        _entity(store, bare["al-Doktor"]),
        _entity(store, kadir["Hussein KADIR"]),
        _entity(store, masry["Ali EL MASRY"]),
    }


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Erion GASHI", "Erion GASHAJ"),  # Albanian surname with and without -aj
        ("Fatmir KOLA", "KOLAJ Fatmir"),
        ("Somchai WONGSAWAD", "Somchay Wongsawat"),  # Thai: one sound, two spellings
        ("Dang Van Hung", "ĐẶNG Văn Hùng"),  # Vietnamese đ has no decomposition
    ],
)
def test_spellings_that_differ_at_the_end_meet_and_merge_with_a_shared_phone(
    store: GraphStore, one: str, other: str
) -> None:
    a = _report(store, f"{one} uses +218911111111.", [one], ("+218911111111",))
    b = _report(store, f"{other} uses +218911111111.", [other], ("+218911111111",))
    resolve(store)
    assert _entity(store, a[one]) == _entity(store, b[other])


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("LE Van Nam", ["le", "van", "nam"]),  # Vietnamese Lê and Văn are name words
        ("Lê Văn Nam", ["le", "van", "nam"]),
        ("Juan DE LA CRUZ", ["juan", "cruz"]),  # a particle after a particle
        ("Ludwig van Beethoven", ["ludwig", "beethoven"]),  # written in lower case
        ("Abdou MAÏGA", ["abdou", "maiga"]),  # a given name, not "servant of"
        ("MAÏGA Abdou", ["maiga", "abdou"]),
        ("Abd al-Kader HAMMAMI", ["abdkader", "hammami"]),
        ("Abdul RAHMAN", ["abdul", "rahman"]),  # a given name and a surname (Bangladesh)
        ("Abdool RAHMAN", ["abdool", "rahman"]),
        ("Cheikh SOW", ["cheikh", "sow"]),  # a Senegalese given name, not a title
        ("Sheikh Hamad AL-THANI", ["hamad", "thani"]),  # a title before a full name
        ("Mamadou N'DIAYE", ["mamadou", "ndiaye"]),  # an apostrophe inside one word
        ("Osama AL ZU'BI", ["osama", "zubi"]),
    ],
)
def test_particles_and_binders_are_told_from_name_words(written: str, words: list[str]) -> None:
    assert [t.text for t in parse(written).tokens] == words


def test_vietnamese_names_differing_in_the_surname_stay_apart(store: GraphStore) -> None:
    """``LE Duc Cuong`` is not ``TRAN Duc Cuong``: dropping "Le" as an article made it a subset."""
    a = _report(store, "TRAN Duc Cuong uses +84911111111.", ["TRAN Duc Cuong"], ("+84911111111",))
    b = _report(store, "LE Duc Cuong uses +84911111111.", ["LE Duc Cuong"], ("+84911111111",))
    c = _report(store, "Lê Đức Cường: +84911111111.", ["Lê Đức Cường"], ("+84911111111",))
    resolve(store)
    assert _entity(store, a["TRAN Duc Cuong"]) != _entity(store, b["LE Duc Cuong"])
    assert _entity(store, b["LE Duc Cuong"]) == _entity(store, c["Lê Đức Cường"])


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Babatunde ADEYEMI", "Tunde Adeyemi"),  # short forms of one given name
        ("Uchechukwu UWAIFO", "UWAIFO, Uche"),
        ("Abdou MAÏGA", "MAÏGA Abdou"),
        ("Othman EL AMRANI", "Osman Amrani"),  # Arabic th/s
        ("Yeison LONDOÑO RAMÍREZ", "JEISON LONDONO RAMIREZ"),  # y/j
        ("RODRÍGUEZ DE LA CRUZ Leidy", "Leydi Rodriguez de la Cruz"),  # y/i
        ("Abdool RAHMAN", "Abdul RAHMAN"),
        ("Mamadou NDIAYE", "N'DIAYE Mamadou"),
        ("Osama AL ZU'BI", "أسامة الزعبي"),
        ("Stéphane LE GALL", "LEGALL, Stéphane"),  # one surname in one word or two
        ("Salim BU ZAID", "Salem BOUZID"),
        ("Yonas TESFA MARIAM", "TESFAMARIAM Yonas"),
        ("Wichai SRISUK", "Vichai SRISOOK"),
        ("Xhensila KRASNIQI", "Jensila KRASNIKI"),  # Albanian xh is English j
    ],
)
def test_short_given_names_and_spelling_variants_merge(
    store: GraphStore, one: str, other: str
) -> None:
    a = _report(store, f"{one} uses +2348011111111.", [one], ("+2348011111111",))
    b = _report(store, f"{other} uses +2348011111111.", [other], ("+2348011111111",))
    resolve(store)
    assert _entity(store, a[one]) == _entity(store, b[other])


def test_a_given_name_that_is_also_a_title_keeps_two_men_apart(store: GraphStore) -> None:
    """``Cheikh SOW`` and ``Moussa SOW`` are two men; reading Cheikh as a title left "SOW" alone."""
    a = _report(store, "Cheikh SOW uses +221771111111.", ["Cheikh SOW"], ("+221771111111",))
    b = _report(store, "Moussa SOW uses +221771111111.", ["Moussa SOW"], ("+221771111111",))
    c = _report(store, "SOW Cheikh paid.", ["SOW Cheikh"])
    d = _report(store, "Cheikh SOW (born 01/02/1980) uses +221771111111.", ["Cheikh SOW"],
                ("+221771111111",))  # fmt: skip
    resolve(store)
    assert _entity(store, a["Cheikh SOW"]) != _entity(store, b["Moussa SOW"])
    assert _entity(store, a["Cheikh SOW"]) == _entity(store, c["SOW Cheikh"])
    assert _entity(store, a["Cheikh SOW"]) == _entity(store, d["Cheikh SOW"])


def test_extraction_points_a_short_form_at_the_person_named_last_before_it() -> None:
    from odyssey.ingest.extractor import Extractor
    from odyssey.ingest.readers import read_bytes

    text = (
        "Subject: smuggling network\n\n"
        "Ali HASSAN and Mohamed HASSAN were arrested in Zuwara on 2 May 2024. "
        'Later HASSAN told officers that Kanokwan SUKPRASERT, alias "Mama Lek", paid him. '
        "Mama Lek denied it. K. SUKPRASERT left for Bangkok.\n"
    )
    (found,) = Extractor().extract([read_bytes("report.txt", text.encode())])
    people = {m.text: m.entity_id for m in found.mentions if m.type == "Person"}
    assert people["HASSAN"] == people["Mohamed HASSAN"] != people["Ali HASSAN"]
    assert people["Mama Lek"] == people["K. SUKPRASERT"] == people["Kanokwan SUKPRASERT"]
    for m in found.mentions:  # the short forms keep their own words as evidence
        assert found.document.text[m.start : m.end] == m.text


def _profile(i: int, written: str, doc: str, birth: str | None = None, aliases: tuple = ()):
    from odyssey.ingest.resolution.score import Profile

    return Profile(
        f"r{i:05d}", "Person", i, parse(written), tuple(parse(a) for a in aliases),
        frozenset({doc}), birth,
    )  # fmt: skip


def test_blocking_keeps_lone_surnames_out_of_other_reports_unless_they_could_match() -> None:
    from odyssey.ingest.resolution.blocking import candidate_pairs

    full = _profile(1, "Khady NDIAYE", "d1")
    lone = _profile(2, "NDIAYE", "d2")  # no initial, no birth date: cannot reach the threshold
    dated = _profile(3, "NDIAYE", "d3", birth="1980-01-01")
    dated_full = _profile(4, "Mamadou NDIAYE", "d4", birth="1980-01-01")  # another man
    initial = _profile(5, "K. NDIAYE", "d5")  # ("M." would be Monsieur)
    nickname = _profile(6, "Papis", "d6")
    known_as = _profile(7, "Pape SARR", "d7", aliases=("Papis",))
    same_report = _profile(8, "NDIAYE", "d1")
    pairs = set(
        candidate_pairs([full, lone, dated, dated_full, initial, nickname, known_as, same_report])
    )
    assert ("r00001", "r00002") not in pairs and ("r00002", "r00003") not in pairs
    assert ("r00003", "r00004") in pairs  # the birth date key
    assert ("r00001", "r00005") in pairs  # the initial key
    assert ("r00006", "r00007") in pairs  # a lone word meets the record known by it
    assert ("r00001", "r00008") in pairs  # inside its report


def test_blocking_gives_each_record_a_bounded_number_of_partners_in_a_common_name() -> None:
    from collections import Counter

    from odyssey.ingest.resolution.blocking import candidate_pairs

    # 400 people sharing a surname, each written once, plus one spelling variant of one of them
    given = [
        f"{a}{b}" for a in ("Ka", "Ri", "Mo", "Ha", "Sa") for b in ("lim", "dor", "ben", "tus")
    ]
    people = [
        _profile(i, f"{given[i % 20]}{'ab'[i // 20 % 2]}{i // 40:02d} OGBEBOR", f"d{i}")
        for i in range(400)
    ]
    people.append(_profile(400, "Limkaa03 OGBEBOR", "d400"))  # not in the same block
    pairs = list(candidate_pairs(people))
    assert len(pairs) == len(set(pairs))
    partners = Counter(x for pair in pairs for x in pair)
    assert max(partners.values()) < 60  # 400 share "OGBEBOR"; all-pairs would be 399 each
    # two spellings of one given name (same end) still meet inside the common surname's block
    tunde = _profile(401, "Babatunde OGBEBOR", "d401")
    short = _profile(402, "Tunde OGBEBOR", "d402")
    assert ("r00401", "r00402") in set(candidate_pairs([*people, tunde, short]))


def test_a_spelling_repeated_in_many_reports_does_not_hide_a_variant_in_its_word_block() -> None:
    """Walking records, fifty ``Chukwuemeka NWOSU`` filled the window around ``Chukwuma NWOSU``."""
    from odyssey.ingest.resolution.blocking import candidate_pairs

    repeated = [_profile(i, "Chukwuemeka NWOSU", f"d{i}") for i in range(50)]
    others = [
        _profile(50 + i, f"{g} NWOSU", f"e{i}")
        for i, g in enumerate(["Mercy", "Princess", "Friday", "Obinna", "Esosa", "Godwin"] * 5)
    ]
    variant = _profile(99, "Chukwuma NWOSU", "f1")
    pairs = set(candidate_pairs([*repeated, *others, variant]))
    assert any(a == "r00099" or b == "r00099" for a, b in pairs & {
        (p.id, "r00099") for p in repeated})  # fmt: skip
    assert len(pairs) < 10 * 81  # each record meets a few names: all pairs would be 3 240


def test_an_initial_meets_the_full_names_but_full_names_do_not_meet_by_initial() -> None:
    from odyssey.ingest.resolution.blocking import candidate_pairs

    fulls = [_profile(i, f"K{'aeiou'[i % 5]}{'mnrst'[i // 5]}o RISA", f"d{i}") for i in range(25)]
    initial = _profile(30, "K. RISA", "d30")
    pairs = set(candidate_pairs([*fulls, initial]))
    assert all((p.id, "r00030") in pairs for p in fulls)  # the short form meets every full name
    among = {(a, b) for a, b in pairs if "r00030" not in (a, b)}
    assert len(among) < 25 * 24 // 2 // 3  # the full names meet their neighbours, not each other


def test_an_initial_and_a_surname_weigh_the_same_whichever_record_comes_first() -> None:
    """``N. SRISUK`` against ``SRISUK, Nattaya`` (two tokens each) scored +1 one way, +2 the other."""
    from odyssey.ingest.resolution.score import score_pair

    short = _profile(1, "N. SRISUK", "d1")
    full = _profile(2, "SRISUK, Nattaya", "d2")
    other = _profile(3, "Suda SRISUK", "d3")
    assert score_pair(short, full).reasons == score_pair(full, short).reasons
    assert score_pair(short, full).reasons["name"] == 2.0  # the initial agrees
    assert score_pair(short, other).reasons == score_pair(other, short).reasons
    assert score_pair(short, other).reasons["name"] < 0  # the initial conflicts


def test_two_words_with_one_skeleton_are_still_a_full_name_for_blocking() -> None:
    """``Ali ALAOUI`` is ``l`` and ``l``: read as one word it lost its full-name key, and two
    of its reports met only if the walk over a crowded ``ALAOUI`` block put them side by side."""
    from odyssey.ingest.resolution.blocking import candidate_pairs

    crowd = [_profile(i, f"{g} ALAOUI", f"d{i}") for i, g in enumerate(
        ["Karim", "Youssef", "Hassan", "Omar", "Rachid", "Said", "Nabil", "Hamid"] * 3)]  # fmt: skip
    ali = [_profile(50 + i, "Ali ALAOUI", f"e{i}") for i in range(3)]
    pairs = set(candidate_pairs([*crowd, *ali]))
    assert {("r00050", "r00051"), ("r00050", "r00052"), ("r00051", "r00052")} <= pairs


def test_each_report_of_a_namesake_in_a_crowded_name_meets_an_earlier_report_of_his_network() -> (
    None
):
    """Two ``Ilir KOLA`` of two networks, one written in 36 reports, the other in 4 between them:
    walking the name's block by records put the rarer man's reports beside the other's only."""
    from dataclasses import replace

    from odyssey.ingest.resolution.blocking import candidate_pairs

    rare = {0, 10, 20, 30}
    people = [
        replace(
            _profile(i, "Ilir KOLA", f"d{i}"),
            associates=frozenset({"Person:a" if i in rare else "Person:b", f"Person:x{i % 3}"}),
        )
        for i in range(40)
    ]
    pairs = set(candidate_pairs(people))
    for i in sorted(rare)[1:]:
        assert any((f"r{j:05d}", f"r{i:05d}") in pairs for j in rare if j < i), i


@pytest.mark.parametrize(
    ("one", "other"),
    [("Musa SOW", "Moussa FAYE"), ("DO Thi Hoa", "DO Thi Linh"), ("Thi Hoa DO", "Thi Linh DO")],
)
def test_two_words_written_as_one_do_not_make_other_names_agree(one: str, other: str) -> None:
    """``Musa``+``SOW`` has the skeleton of ``Moussa``, ``Thi``+``Hoa`` that of ``Thi``."""
    from odyssey.ingest.resolution.score import compare_names

    m = compare_names(parse(one), parse(other))
    assert m.missing or m.matched < 2 or m.similarity < 0.9


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("DUONG Thi Linh", "DANG Thi Linh"),
        ("Dương Thị Lan", "Dương Thu Lan"),
        ("DANG Van Hai", "DUNG Van Hai"),
    ],
)
def test_one_syllable_words_with_other_vowels_are_other_names(one: str, other: str) -> None:
    """Vietnamese ``Dương``, ``Đặng`` and ``Dũng`` share the skeleton ``dng``: their vowel is the name."""
    from odyssey.ingest.resolution.score import compare_names

    assert compare_names(parse(one), parse(other)).missing == 1
    assert compare_names(parse("Omar HAMDI"), parse("Umar HAMDI")).missing == 0  # two syllables


def test_a_known_as_that_is_the_name_in_another_script_is_no_nickname() -> None:
    """``Osman RAMADHAN`` "known as" ``عثمان حسن رمضان`` is his name written again: against another
    ``Othman Hassan RAMADAN`` (seed 13's planted namesake) it says "same name", not "same man"."""
    from odyssey.ingest.resolution.score import corroborated, score_pair

    written_twice = _profile(1, "Osman RAMADHAN", "d1", aliases=("عثمان حسن رمضان",))
    namesake = _profile(2, "Othman Hassan RAMADAN", "d2")
    s = score_pair(written_twice, namesake)
    assert s.same and not corroborated(s.reasons)
    nicknamed = _profile(3, "Osman RAMADHAN", "d3", aliases=("Abu Salah",))
    also = _profile(4, "Abu Salah", "d4")
    assert score_pair(nicknamed, also).reasons.get("alias") == 4.0
