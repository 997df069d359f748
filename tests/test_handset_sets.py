"""The hand-annotated evaluation sets stay consistent with their report files.

Runs ``bench/handset/check.py --strict`` (the real checker, on the real files) on each
set: every annotated text occurs where its ``occurrence`` says, no spans overlap or cut a
word, no header line carries a mention, IBAN and IMO check digits hold, and no annotated
string has an unannotated whole-word repeat. It never runs the extractor: the sets are for
evaluation only.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _checker():
    spec = importlib.util.spec_from_file_location("handset_check", BENCH / "handset" / "check.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", ["handset", "handset_blind", "handset_dev"])
def test_set_passes_strict_check(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = _checker().main(["--strict", "--folder", str(BENCH / folder)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "12 documents" in out and out.rstrip().endswith("OK")


def test_checker_rejects_a_wrong_occurrence(tmp_path: Path) -> None:
    (tmp_path / "01_a.txt").write_text("Tarek met Tarek in Oran.\n", encoding="utf-8")
    (tmp_path / "annotations.json").write_text(
        '{"documents": [{"file": "01_a.txt", "language": "en", "mentions": ['
        '{"type": "Person", "text": "Tarek", "occurrence": 3}]}]}',
        encoding="utf-8",
    )
    assert _checker().main(["--folder", str(tmp_path)]) == 1
