"""Person resolution two ways on one corpus: Odyssey's resolver next to a splink Fellegi–Sunter model.

Issue 4 asks to measure the field's libraries against ours. This generates the
synthetic corpus (seed 6161 by default, the evaluation seed), writes it into a
store exactly as ``bench/resolution_quality.py`` does (``--mode truth``: the
truth's own mentions as records; ``extracted``: the real pipeline), and resolves
the *same Person records* with:

* ``odyssey`` — ``odyssey.ingest.resolution.resolve`` (hand-set log-odds weights,
  rapidfuzz, constrained clustering);
* ``splink`` — splink 4 on DuckDB: a Fellegi–Sunter model over the resolver's own
  profiles (``resolver.profiles``: the same folding, transliteration and skeletons
  from ``names.py``, the same birth dates, nationalities, identifiers and
  co-mentioned names), blocked on the resolver's own blocking keys
  (``blocking.keys``, exploded), trained **without labels**: λ from a deterministic
  rule with an assumed recall, u by random sampling, m by expectation maximisation;
  then connected components of the pairs at or above a match probability (``--threshold``,
  0.5 by default: where the model says "more likely one than two"; a sweep is printed too);
* ``splink+cluster`` — splink's pair scores (its per-comparison log2 Bayes factors
  as the reasons) fed to Odyssey's constrained clustering (``cluster.cluster``),
  to tell the scoring apart from the clustering.

Each runs in a forked child (``bench/forked.py``) that opens the store itself and
reads its records: wall time and the rise of the peak resident set cover reading,
profiling, blocking, training, scoring and clustering (Odyssey's also writes its
judgements and assignments; splink's results stay in memory). The truth is read
only to score. Scores are ``odyssey.ingest.synth.scoring``'s, Person only:
pairwise and B-cubed P/R/F1 per document language and over all pairs, and the
planted namesake pairs that ended up in one entity. splink needs the bench extra:
``pip install -e '.[bench]'``.

    python bench/resolution_splink.py [--reports 200] [--seed 6161] [--mode truth|extracted|both]
                                      [--threshold 0.5]
"""

from __future__ import annotations

import argparse
import logging
import math
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forked import Measured, forked, status
from resolution_quality import corpus, load

from odyssey.graph import SqliteStore
from odyssey.ingest.resolution import resolve
from odyssey.ingest.resolution.blocking import candidate_pairs, keys
from odyssey.ingest.resolution.cluster import cluster
from odyssey.ingest.resolution.resolver import profiles
from odyssey.ingest.resolution.score import Profile
from odyssey.ingest.synth.scoring import (
    Found,
    Truth,
    found_in_store,
    match_mentions,
    merged_distractors,
    resolution_scores,
)

#: Match probabilities whose clusterings are also scored (the declared one is ``--threshold``).
SWEEP = (0.5, 0.8, 0.9, 0.95, 0.99)
#: splink comparison -> the reason Odyssey's clustering knows it by (see ``score.CORROBORATING``).
REASONS = {
    "name": "name",
    "alias": "alias",
    "same_report": "same_report",
    "birth_date": "birth_date",
    "nationality": "nationality",
    "identifiers": "shared_identifiers",
    "associates": "shared_associates",
}
#: The DuckDB table splink reads: one row per Person record, columns and types.
COLUMNS = {
    "unique_id": "VARCHAR",
    "name_key": "VARCHAR",  # order-free skeleton key (names.Name.key)
    "name_text": "VARCHAR",  # the folded words, sorted (full names only)
    "n_words": "INTEGER",  # words that are not initials
    "skeletons": "VARCHAR[]",
    "birth_date": "VARCHAR",
    "nationality": "VARCHAR",
    "documents": "VARCHAR[]",
    "identifiers": "VARCHAR[]",  # identifiers named in the record's reports
    "associates": "VARCHAR[]",  # other full names named in the record's reports
    "alias_keys": "VARCHAR[]",  # keys of its "known as"
    "name_keys": "VARCHAR[]",  # keys of its name and its "known as"
    "block_keys": "VARCHAR[]",  # the resolver's own blocking keys
}


def person_rows(profs: Iterable[Profile]) -> list[dict[str, Any]]:
    """One row per Person profile, in :data:`COLUMNS` order."""
    rows = []
    for p in profs:
        if p.type != "Person":
            continue
        words = [t for t in p.name.tokens if not t.initial]
        rows.append(
            {
                "unique_id": p.id,
                "name_key": p.name.key or None,
                "name_text": " ".join(sorted(t.text for t in words)) if len(words) >= 2 else None,
                "n_words": len(words),
                "skeletons": sorted({t.skeleton for t in words}),
                "birth_date": p.birth_date,
                "nationality": p.nationality,
                "documents": sorted(p.documents),
                "identifiers": sorted(p.identifiers),
                "associates": sorted(p.associates),
                "alias_keys": sorted({a.key for a in p.aliases if a.key}),
                "name_keys": sorted({n.key for n in (p.name, *p.aliases) if n.key}),
                "block_keys": sorted(set(keys(p))),
            }
        )
    return rows


def settings() -> Any:
    """The splink model: comparisons on the resolver's features, blocking on its keys."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    full = "n_words_l >= 2 AND n_words_r >= 2"
    in_one_report = "list_has_any(documents_l, documents_r)"
    contained = "(list_has_all(skeletons_r, skeletons_l) OR list_has_all(skeletons_l, skeletons_r))"

    def co_mention(column: str, sizes: tuple[int, ...], what: str) -> Any:
        # in one report two records share every identifier and name of it: no information
        return cl.CustomComparison(
            output_column_name=column,
            comparison_levels=[
                cll.CustomLevel(
                    f"len({column}_l) = 0 OR len({column}_r) = 0 OR {in_one_report}",
                    f"no {what} to compare, or one report",
                ).configure(is_null_level=True),
                *(
                    cll.CustomLevel(
                        f"len(list_intersect({column}_l, {column}_r)) >= {n}", f"{n}+ shared {what}"
                    )
                    for n in sizes
                ),
                cll.ElseLevel(),
            ],
        )

    comparisons = [
        cl.CustomComparison(
            output_column_name="name",
            comparison_levels=[
                cll.NullLevel("name_key"),
                cll.ExactMatchLevel("name_text", term_frequency_adjustments=True).configure(
                    label_for_charts="same full name"
                ),
                cll.CustomLevel(f"name_key_l = name_key_r AND {full}", "same skeletons"),
                cll.CustomLevel(
                    "(list_has_all(skeletons_r, skeletons_l) AND n_words_l >= 2)"
                    " OR (list_has_all(skeletons_l, skeletons_r) AND n_words_r >= 2)",
                    "2+ words, all in the other name",
                ),
                cll.CustomLevel(
                    f"jaro_winkler_similarity(name_text_l, name_text_r) >= 0.9 AND {full}",
                    "Jaro-Winkler >= 0.9",
                ),
                cll.CustomLevel(
                    "(n_words_l = 1 AND list_has_all(skeletons_r, skeletons_l))"
                    " OR (n_words_r = 1 AND list_has_all(skeletons_l, skeletons_r))",
                    "one word, a word of the other",
                ),
                cll.ElseLevel(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="alias",
            comparison_levels=[
                cll.CustomLevel(
                    "len(alias_keys_l) = 0 AND len(alias_keys_r) = 0", "no known-as"
                ).configure(is_null_level=True),
                cll.CustomLevel(
                    "list_has_any(alias_keys_l, name_keys_r) OR list_has_any(alias_keys_r, name_keys_l)",
                    "a known-as of one is a name of the other",
                ),
                cll.ElseLevel(),
            ],
        ),
        cl.CustomComparison(
            output_column_name="same_report",
            comparison_levels=[
                cll.CustomLevel(f"NOT {in_one_report}", "different reports").configure(
                    is_null_level=True
                ),
                cll.CustomLevel(contained, "one report, one name inside the other"),
                cll.ElseLevel(),
            ],
        ),
        cl.ExactMatch("birth_date"),
        cl.ExactMatch("nationality"),
        co_mention("identifiers", (3, 1), "identifiers"),
        co_mention("associates", (2, 1), "associates"),
    ]
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[
            block_on("block_keys", arrays_to_explode=["block_keys"])
        ],
        retain_intermediate_calculation_columns=True,
    )


@dataclass
class SplinkRun:
    """What the splink child hands back: pairs, clusterings, learned weights, phase times."""

    records: int = 0
    pairs: int = 0
    prior: float = 0.0
    #: threshold -> record id -> cluster id
    clusters: dict[float, dict[str, str]] = field(default_factory=dict)
    #: Odyssey's clustering of splink's pairs at the declared threshold: record id -> group
    hybrid: dict[str, str] = field(default_factory=dict)
    #: (comparison, level, m, u, log2 Bayes factor)
    weights: list[tuple[str, str, float, float, float]] = field(default_factory=list)
    #: phase -> (seconds, the child's peak resident set so far in MiB)
    phases: dict[str, tuple[float, float]] = field(default_factory=dict)


def run_splink(db: Path, threshold: float, seed: int) -> SplinkRun:
    """Train splink without labels on the store's Person records, predict and cluster."""
    import duckdb
    import pandas as pd
    from splink import DuckDBAPI, Linker
    from splink.blocking_rule_library import CustomRule, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)  # its training notes; the model is printed
    out = SplinkRun()
    clock = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        out.phases[name] = (now - clock, status("VmHWM") / 2**20)
        clock = now

    with SqliteStore(db) as store:
        profs = profiles(store.records())
    rows = person_rows(profs.values())
    out.records = len(rows)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))  # noqa: F841 - read by DuckDB below
    con = duckdb.connect()
    con.execute(f"CREATE TABLE persons ({', '.join(f'{c} {t}' for c, t in COLUMNS.items())})")
    con.execute(f"INSERT INTO persons SELECT {', '.join(COLUMNS)} FROM frame")
    linker = Linker("persons", settings(), DuckDBAPI(connection=con), set_up_basic_logging=False)
    phase("profiles")

    # λ: pairs written with one full name, assumed to be 60 % of the true pairs (no labels)
    linker.training.estimate_probability_two_random_records_match(
        [CustomRule("l.name_text = r.name_text AND l.n_words >= 2")], recall=0.6
    )
    phase("λ")
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=seed)
    phase("u")
    # EM three times, each learning the comparisons its blocking rule does not use: blocked
    # on the name key (every other comparison), on the birth date and on an identifier
    # named in two different reports (the name levels)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name_key"))
    phase("EM name")
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    phase("EM birth")
    linker.training.estimate_parameters_using_expectation_maximisation(
        CustomRule(
            "list_has_any(l.identifiers, r.identifiers)"
            " AND NOT list_has_any(l.documents, r.documents)"
        )
    )
    phase("EM identifier")

    predictions = linker.inference.predict()
    pairs = predictions.as_pandas_dataframe()
    out.pairs = len(pairs)
    phase("predict")
    for t in sorted({*SWEEP, threshold}):
        clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=t
        ).as_pandas_dataframe()
        out.clusters[t] = dict(
            zip(clustered["unique_id"], clustered["cluster_id"].astype(str), strict=True)
        )
        if t == threshold:
            phase("cluster")
    phase("cluster sweep")

    model = linker.misc.save_model_to_json()
    out.prior = model["probability_two_random_records_match"]
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            bf = math.log2(m / u) if m and u else float("nan")
            out.weights.append(
                (comparison["output_column_name"], level["label_for_charts"], m or 0, u or 0, bf)
            )

    # splink's scores, Odyssey's clustering: reasons are splink's log2 Bayes factors
    machine = []
    for row in pairs[pairs["match_probability"] >= threshold].itertuples(index=False):
        reasons = {}
        for comparison, reason in REASONS.items():
            bf = getattr(row, f"bf_{comparison}", 1.0) * getattr(
                row, f"bf_tf_adj_{comparison}", 1.0
            )
            if bf and not math.isclose(bf, 1.0):
                reasons[reason] = math.log2(bf)
        machine.append((row.unique_id_l, row.unique_id_r, reasons))
    people = sorted((p for p in profs.values() if p.type == "Person"), key=lambda p: p.seq)
    groups = cluster(
        [p.id for p in people],
        {p.id: p.birth_date for p in people},
        {p.id: p.identifiers | p.associates for p in people},
        machine,
        names={p.id: (p.name, *p.aliases) for p in people},
    )
    out.hybrid = {m: root for root, members in groups.items() for m in members}
    phase("odyssey cluster")
    return out


def run_odyssey(db: Path) -> tuple[list[Found], int]:
    """Resolve the store with Odyssey's resolver; its mentions with their entities, pairs scored."""
    with SqliteStore(db) as store:
        summary = resolve(store)
        return found_in_store(store), summary.pairs_scored


def relabel(found: Iterable[Found], entity_of: Mapping[str, str]) -> list[Found]:
    """Mentions as they were before resolution, their Person records put in ``entity_of``'s groups."""
    return [
        f._replace(entity=entity_of.get(f.entity, f.entity)) if f.type == "Person" else f
        for f in found
    ]


def score_rows(label: str, truth: Truth, found: list[Found]) -> tuple[list[str], str]:
    """Table rows of the Person scores of ``found``, and its merged-distractor line."""
    matching = match_mentions(truth, found)
    rows = [
        f"{label:<22}{r.language:<6}{r.items:>6}{r.gold_entities:>6}{r.predicted_entities:>6}"
        f"  {r.pairwise_precision:6.3f}{r.pairwise_recall:6.3f}{r.pairwise_f1:6.3f}"
        f"  | {r.bcubed_precision:6.3f}{r.bcubed_recall:6.3f}{r.bcubed_f1:6.3f}"
        for r in resolution_scores(matching)
        if r.group == "Person"
    ]
    merged, seen = merged_distractors(truth, matching)
    people = [d for d in seen if d["kind"] == "namesake"]
    merged_people = [d for d in merged if d in people]
    return (
        rows,
        f"{label:<22}{len(merged_people)} of {len(people)} namesake pairs merged"
        + "".join(f"\n  MERGED {d['kind']}: {d['why']}" for d in merged_people),
    )


def compare(db: Path, truth: Truth, threshold: float, seed: int) -> None:
    """Resolve one store both ways and print the figures side by side."""
    with SqliteStore(db) as store:
        before = found_in_store(store)
        people = [p for p in profiles(store.records()).values() if p.type == "Person"]
        n_pairs = sum(1 for _ in candidate_pairs(people))
    sk: Measured[SplinkRun] = forked(
        lambda: run_splink(db, threshold, seed), before=lambda: __import__("splink")
    )
    od: Measured[tuple[list[Found], int]] = forked(lambda: run_odyssey(db))
    run = sk.result
    print(
        f"\nPerson records: {run.records}; Person pairs compared: odyssey {n_pairs}, "
        f"splink {run.pairs} (the same keys, exploded; no cap on a block's size)"
    )
    print(f"{'system':<22}{'seconds':>8}{'peak rise MiB':>15}")
    print(f"{'odyssey':<22}{od.seconds:>8.2f}{od.rise_mib:>15.0f}")
    print(f"{'splink (all below)':<22}{sk.seconds:>8.2f}{sk.rise_mib:>15.0f}")
    print(
        "  splink phases (seconds, peak MiB so far): "
        + ", ".join(f"{k} {s:.2f} s {m:.0f}" for k, (s, m) in run.phases.items())
    )

    print(f"\nsplink, learned without labels (λ = {run.prior:.2e}):")
    print(f"  {'comparison':<13}{'level':<42}{'m':>8}{'u':>10}{'log2 BF':>9}")
    for comparison, level, m, u, bf in run.weights:
        print(f"  {comparison:<13}{level:<42}{m:8.4f}{u:10.6f}{bf:9.2f}")

    header = (
        f"\n{'Person':<22}{'lang':<6}{'items':>6}{'gold':>6}{'pred':>6}"
        f"  {'pairwise P':>10}{'R':>5}{'F1':>6}  | {'B3 P':>6}{'R':>6}{'F1':>6}"
    )
    systems = [
        ("odyssey", od.result[0]),
        (f"splink p>={threshold}", relabel(before, run.clusters[threshold])),
        (f"splink+cluster p>={threshold}", relabel(before, run.hybrid)),
    ]
    print(header)
    distractor_lines = []
    for label, found in systems:
        rows, merged = score_rows(label, truth, found)
        print("\n".join(rows))
        distractor_lines.append(merged)
    print("\n" + "\n".join(distractor_lines))

    print(
        "\nsplink threshold sweep (all languages; picking the best of these by the truth "
        "would be tuning on the evaluation seed):"
    )
    print(header)
    for t in SWEEP:
        rows, merged = score_rows(f"splink p>={t}", truth, relabel(before, run.clusters[t]))
        print(rows[-1] + f"   {merged.splitlines()[0].split(maxsplit=2)[2]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--seed", type=int, default=6161)
    parser.add_argument("--mode", choices=("extracted", "truth", "both"), default="truth")
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        help="splink match probability (0.5: the model's own odds)",
    )
    parser.add_argument("--corpus", type=Path, help="reuse a corpus generated earlier")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, truth = corpus(args.corpus, Path(tmp), args.reports, args.seed, "resolution_splink")
        for mode in ("truth", "extracted") if args.mode == "both" else (args.mode,):
            db = Path(tmp) / f"{mode}.db"
            with SqliteStore(db) as store:
                load(store, mode, root, truth)
            print(f"\n== {mode} mode")
            compare(db, truth, args.threshold, args.seed)


if __name__ == "__main__":
    main()
