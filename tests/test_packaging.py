"""Packaging: every package folder is in the distribution, and the CLI is installed."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    for name, folder in config["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            package = ".".join([name, *rel.parts])
            assert package in listed, (
                f"{package} ({init.parent}) is missing from pyproject packages"
            )


def test_the_console_script_is_installed() -> None:
    assert shutil.which("odyssey") or (ROOT / ".venv" / "bin" / "odyssey").exists()
