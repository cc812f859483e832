"""A real `newsgraph serve` in a child process on 127.0.0.1, for the endpoint's tests."""
from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager

import psutil

STARTUP_SECONDS = 60


@contextmanager
def served(store_dir, *options: str):
    """Start `newsgraph serve --store STORE_DIR --port 0 OPTIONS...`; yields (base URL, the process)."""
    command = [sys.executable, "-m", "graph.cli", "serve", "--store", str(store_dir), "--port", "0", *options]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    try:
        url = None
        while url is None:
            try:
                line = lines.get(timeout=STARTUP_SECONDS)
            except queue.Empty:
                raise AssertionError("newsgraph serve did not start") from None
            if found := re.search(r"at (http://\S+/) \(", line):
                url = found.group(1)
            elif process.poll() is not None:
                raise AssertionError(f"newsgraph serve exited: {line}")
        yield url, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def workers_of(process: subprocess.Popen) -> list[psutil.Process]:
    """The server's live query workers; one being replaced (exited, a zombie) is not one of them."""
    found = []
    for child in psutil.Process(process.pid).children():
        try:
            if "worker.py" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def resident_mb(process: subprocess.Popen) -> float:
    """Resident memory of the server and its workers together."""
    tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    total = 0
    for member in tree:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total / 1e6
