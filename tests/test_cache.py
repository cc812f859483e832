"""Data built once per machine and read from the user's cache (graph/extraction/cache.py)."""
from __future__ import annotations

from graph.extraction import cache


def test_built_once_builds_then_reads_and_rebuilds_a_broken_or_stale_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"names": ["Paris"]}

    stale = tmp_path / "demo-0000000000000000.pickle"
    stale.write_bytes(b"from an earlier version")
    assert cache.built_once("demo", build, cache.__file__, ("pytest",)) == {"names": ["Paris"]}
    assert cache.built_once("demo", build, cache.__file__, ("pytest",)) == {"names": ["Paris"]}
    assert len(calls) == 1  # the second came from the file
    (written,) = tmp_path.glob("demo-*.pickle")  # the stale one is gone
    written.write_bytes(b"not a pickle")
    assert cache.built_once("demo", build, cache.__file__, ("pytest",)) == {"names": ["Paris"]}
    assert len(calls) == 2


def test_an_unwritable_cache_folder_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(blocker / "newsgraph"))
    assert cache.built_once("demo", lambda: 42, cache.__file__, ("pytest",)) == 42
