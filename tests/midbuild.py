"""Waiting for a `newsgraph build` in a child process to be mid-way: writing its temporary output."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest


def wait_until_writing(process: subprocess.Popen, out: Path, seconds: float) -> None:
    """Return once documents are being written into the build's temporary file (or fail the test)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        partial = list(out.parent.glob(".*.tmp")) if out.parent.exists() else []
        if partial and partial[0].stat().st_size > 0:
            return
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"the build wrote nothing in {seconds:.0f} s")
