"""A store at scale: opening writes nothing, readers never write, exports are the build's triples."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from seedlike import seed_like

from graph.cli import main
from graph.pipeline import document_statements
from graph.store import Store, StoreError
from graph.store.lock import locked_by_another_process

ROOT = Path(__file__).resolve().parent.parent


def folder_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of a folder with its content hash and modification time."""
    return {str(p.relative_to(folder)): (hashlib.sha1(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def store_dir(tmp_path) -> Path:
    with Store(tmp_path / "store") as store:
        store.add(document_statements(seed_like()))
    return tmp_path / "store"


def test_reopening_a_store_does_not_rewrite_its_ontology(store_dir, monkeypatch):
    # The bundled ontology is compared with the stored one as triples (it was Quads against Triples,
    # which never match, so every open rewrote the ontology's graph).
    def refuse(self, graphs):
        raise AssertionError(f"wrote {sorted(graphs)} on open")
    monkeypatch.setattr(Store, "_replace", refuse)
    with Store(store_dir) as store:
        assert store.stats().documents == 2


def test_read_only_commands_leave_every_file_of_the_store_as_it_was(store_dir, tmp_path):
    before = folder_state(store_dir)
    runner = CliRunner()
    for args in (["query", "--store", str(store_dir), "--name", "events"], ["stats", "--store", str(store_dir)],
                 ["export", str(store_dir), "-o", str(tmp_path / "x.ttl")],
                 ["export", str(store_dir), "-o", str(tmp_path / "x.csv")],
                 ["draw", str(store_dir), "-o", str(tmp_path / "x.html")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
    assert folder_state(store_dir) == before


def test_a_reader_is_refused_while_another_process_writes(store_dir):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from graph.store import Store\n"
                               "s = Store(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(store_dir)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open in another process"):
            Store(store_dir, create=False, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    with Store(store_dir, create=False, read_only=True) as store:  # free again
        assert store.stats().documents == 2


def test_a_read_only_store_refuses_changes(store_dir):
    with Store(store_dir, create=False, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.remove(["article-1"])


def test_documents_new_and_rebuilt_land_whole_with_the_merge_in_step(tmp_path):
    first, second = seed_like()
    with Store(tmp_path / "s") as store:
        store.add(document_statements([first]))
        store.add(document_statements([first, second]))  # one rebuilt through staging, one new
        assert not [g for g in store.oxigraph.named_graphs() if g.value.startswith("urn:newsgraph:staging:")]
        merged = {q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        assert set(store.merged_triples()) <= merged
        assert set(store.merged_triples()) == {q.triple for q in store.document_quads()}


@pytest.mark.model
def test_a_store_export_holds_the_build_files_triples_one_for_one(tmp_path):
    # One datatype for offsets everywhere: a store keeps xsd:integer, and so does the build file.
    runner = CliRunner()
    examples = str(ROOT / "examples")
    for args in (["build", examples, "-o", str(tmp_path / "built.nq"), "-q"],
                 ["build", examples, "--store", str(tmp_path / "store"), "-q"],
                 ["export", str(tmp_path / "store"), "-o", str(tmp_path / "exported.nq")],
                 ["export", str(tmp_path / "store"), "-o", str(tmp_path / "exported.nt")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
    built = set(ox.parse(path=str(tmp_path / "built.nq"), format=ox.RdfFormat.N_QUADS))
    exported = set(ox.parse(path=str(tmp_path / "exported.nq"), format=ox.RdfFormat.N_QUADS))
    assert built == exported and len(built) > 1000
    merged = {quad.triple for quad in ox.parse(path=str(tmp_path / "exported.nt"), format=ox.RdfFormat.N_TRIPLES)}
    assert merged == {quad.triple for quad in built}
    assert "nonNegativeInteger" not in (tmp_path / "built.nq").read_text()


def test_read_only_opening_is_quick_on_a_store_that_was_just_written(store_dir):
    started = time.perf_counter()
    for _ in range(5):
        with Store(store_dir, create=False, read_only=True) as store:
            store.document_iris()
    assert time.perf_counter() - started < 30  # a sanity bound, not a benchmark


def test_asking_whether_a_store_is_locked_keeps_this_process_s_own_lock(store_dir):
    # Closing any descriptor of LOCK would drop this process's record lock on it: a second writer could
    # then open the store a build is writing.
    with Store(store_dir) as writer:
        assert not locked_by_another_process(store_dir)  # ours, not another's
        assert not locked_by_another_process(store_dir)
        rival = subprocess.run([sys.executable, "-c", "import sys; from graph.store import Store\n"
                                "Store(sys.argv[1])", str(store_dir)], capture_output=True, text=True)
        assert rival.returncode != 0 and "open in another process" in rival.stderr
        assert writer.stats().documents == 2
