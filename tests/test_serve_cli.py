"""``odyssey serve``: what a user sees when the app cannot start (the running app: tests/browser)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path


def _odyssey(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "odyssey", *args], capture_output=True, text=True, timeout=120
    )


def test_a_port_in_use_is_one_line_saying_what_to_do(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _odyssey("--store", str(tmp_path / "o.db"), "serve", "--port", str(port))
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}")
    assert "choose another --port" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_binds_to_this_machine_unless_told_otherwise() -> None:
    done = _odyssey("serve", "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())  # click wraps the help text
    assert "[default: 127.0.0.1]" in text
    assert "[default: 8050;" in text
