"""A throwaway PostgreSQL server of a test's own, which the test may stop and start again:
``initdb`` and ``pg_ctl`` on loopback and a free port, as scripts/test-postgres.sh makes
the suite's. As root it runs as the ``postgres`` user, since PostgreSQL refuses root.

Tests that use it run in the normal suite wherever the binaries are, and fail in CI
(``CI`` set) when they are missing rather than skip.
"""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .ports import free_port
from .processes import require


def binaries() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or None."""
    initdb = shutil.which("initdb")
    candidates = [Path(initdb).resolve().parent] if initdb else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


class PostgresServer:
    """One PostgreSQL server in a temporary folder, on 127.0.0.1 and ``port``."""

    def __init__(self) -> None:
        folder = binaries()
        require("PostgreSQL (initdb, pg_ctl)", folder, "apt-get install postgresql-15")
        self.bin = folder
        self.port = free_port()
        # Not under pytest's tmp_path: its folders are private to root, and the server
        # runs as postgres when the tests run as root.
        self.folder = Path(tempfile.mkdtemp(prefix="kommunnatverk-outage-pg-"))
        self.as_server_user: list[str] = []
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.as_server_user = ["runuser", "-u", "postgres", "--"]
        self._run(
            "initdb", "-D", str(self.folder / "db"), "-U", "kommunnatverk", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        self.start()

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.as_server_user, str(self.bin / program), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )

    def url(self, database: str = "postgres") -> str:
        return f"postgres://kommunnatverk@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder}"
        options += " -c fsync=off -c full_page_writes=off"
        self._run(
            "pg_ctl", "-D", str(self.folder / "db"), "-l", str(self.folder / "server.log"),
            "-w", "-o", options, "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """``fast``: what an operator's restart does; open connections are cut."""
        self._run("pg_ctl", "-D", str(self.folder / "db"), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        pg_ctl = [*self.as_server_user, str(self.bin / "pg_ctl")]
        status = subprocess.run(
            [*pg_ctl, "status", "-D", str(self.folder / "db")],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        return status.returncode == 0

    def ensure_started(self) -> None:
        """After a test that failed while its server was stopped."""
        if not self.running():
            self.start()

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.folder, ignore_errors=True)
