"""Start and stop a real Neo4j Community 5.26 for tests, CI and benchmarks, without Docker.

The server is the small Java program next to this file (``Launcher.java``): an
embedded Neo4j DBMS with only the Bolt connector, bound to 127.0.0.1, its data
in a temporary folder. Maven fetches the jars from Maven Central once
(``build()``); :class:`Neo4jServer` starts it on a free port, waits until Bolt
answers and stops it cleanly (closing its stdin makes it shut down, so it never
outlives the process that started it).

This module imports nothing from Odyssey, so scripts can use it on its own::

    python services/neo4j/neo4j_launcher.py --build      # fetch jars, compile (idempotent)
    python services/neo4j/neo4j_launcher.py              # run a server until Ctrl-C

>>> with Neo4jServer(password="secret-pw") as server:   # doctest: +SKIP
...     server.uri
'bolt://127.0.0.1:40123'
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

HERE = Path(__file__).resolve().parent
TARGET = HERE / "target"
JAR = TARGET / "launcher.jar"
LIB = TARGET / "lib"
SOURCES = (
    HERE / "pom.xml",
    HERE / "src" / "main" / "java" / "org" / "odyssey" / "neo4j" / "Launcher.java",
)
MAIN_CLASS = "org.odyssey.neo4j.Launcher"
#: What Neo4j's own start script passes to a Java 17 VM (Netty and the page cache need them).
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
)


class LauncherError(RuntimeError):
    """The test server cannot be built or started; the message says why and what to do."""


def missing_tools() -> list[str]:
    """Which of the tools needed to build and run the server (java, mvn) are not on PATH."""
    return [tool for tool in ("java", "mvn") if shutil.which(tool) is None]


def is_built() -> bool:
    """True when the launcher jar exists and is newer than its sources."""
    if not (JAR.is_file() and LIB.is_dir() and any(LIB.glob("neo4j-bolt-*.jar"))):
        return False
    built = JAR.stat().st_mtime
    return all(src.stat().st_mtime <= built for src in SOURCES)


def build(*, force: bool = False) -> Path:
    """Fetch Neo4j from Maven Central and compile the launcher once; return the jar.

    Idempotent: does nothing when the jar is newer than ``pom.xml`` and the Java source.
    """
    if not force and is_built():
        return JAR
    if shutil.which("java") is None:
        raise LauncherError(
            "Java 17+ is not on PATH; install a JDK 17 to run the Neo4j test server"
        )
    if shutil.which("mvn") is None:
        raise LauncherError(
            "Maven is not on PATH; install Maven 3.8+ to build the Neo4j test server"
        )
    cmd = ["mvn", "-q", "-B", "--no-transfer-progress", "-Dstyle.color=never", "package"]
    done = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not JAR.is_file():
        tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
        raise LauncherError(
            "building the Neo4j test server failed (mvn package in services/neo4j):\n"
            + "\n".join(tail)
        )
    JAR.touch()  # newer than the sources even when Maven found nothing to recompile
    return JAR


class Neo4jServer:
    """A Neo4j server on a free localhost port, with its data in a temporary folder.

    ``password`` turns authentication on for user ``neo4j``; ``heap`` and
    ``pagecache_mb`` size the JVM. Use as a context manager or call
    :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        *,
        password: str | None = None,
        heap: str = "768m",
        pagecache_mb: int = 128,
        startup_timeout: float = 180.0,
    ) -> None:
        self.password = password
        self.heap = heap
        self.pagecache_mb = pagecache_mb
        self.startup_timeout = startup_timeout
        self.uri = ""
        self.port = 0
        self._process: subprocess.Popen[str] | None = None
        self._log_dir: Path | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> Neo4jServer:
        """Build if needed, start the JVM, and return once Bolt accepts connections."""
        build()
        self._log_dir = Path(tempfile.mkdtemp(prefix="odyssey-neo4j-log-"))
        stderr_log = (self._log_dir / "stderr.log").open("w")
        cmd = [
            "java",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            "-cp",
            f"{JAR}{os.pathsep}{LIB / '*'}",
            MAIN_CLASS,
            "--pagecache",
            str(self.pagecache_mb),
        ]
        env = dict(os.environ)
        env.pop("NEO4J_PASSWORD", None)
        if self.password:
            env["NEO4J_PASSWORD"] = self.password  # not on the command line, where ps shows it
        self._process = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr_log,
            text=True,
            env=env,
        )
        stderr_log.close()
        ready = self._wait_for_ready_line()
        self.uri = ready
        self.port = int(ready.rsplit(":", 1)[1])
        self._wait_for_bolt()
        # keep reading stdout so the pipe never fills up
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _wait_for_ready_line(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        found: list[str] = []

        def read() -> None:
            assert self._process is not None and self._process.stdout is not None
            for line in self._process.stdout:
                if line.startswith("READY "):
                    found.append(line.split(" ", 1)[1].strip())
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(self.startup_timeout)
        if not found:
            self.stop()
            raise LauncherError(
                f"Neo4j did not start within {self.startup_timeout:.0f} s; see {self._log_dir}/stderr.log"
                f": {self._stderr_tail()}"
            )
        return found[0]

    def _wait_for_bolt(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise LauncherError(f"Neo4j printed its ready line but port {self.port} does not answer")

    def _drain(self) -> None:
        process = self._process
        if process is not None and process.stdout is not None:
            for _ in process.stdout:
                pass

    def _stderr_tail(self) -> str:
        if self._log_dir is None:
            return ""
        path = self._log_dir / "stderr.log"
        lines = path.read_text(errors="replace").strip().splitlines() if path.exists() else []
        return " | ".join(lines[-5:]) or "(no output)"

    def stop(self, timeout: float = 60.0) -> None:
        """Shut Neo4j down cleanly (stdin closed), then terminate or kill if it hangs."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                if process.stdin is not None:
                    process.stdin.close()
                process.wait(timeout)
            except (subprocess.TimeoutExpired, OSError):
                process.terminate()
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if self._log_dir is not None:
            shutil.rmtree(self._log_dir, ignore_errors=True)
            self._log_dir = None

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """``--build`` compiles the launcher; otherwise run a server in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="only fetch the jars and compile")
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD"))
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args(argv)
    try:
        if args.build:
            build()
            return 0
        with Neo4jServer(password=args.password, heap=args.heap) as server:
            print(f"Neo4j is listening on {server.uri} (Ctrl-C stops it)", flush=True)
            while server.running:
                time.sleep(1)
    except LauncherError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
