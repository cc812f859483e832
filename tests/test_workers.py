"""`build --workers N`: extraction in N processes, the same bytes as one, stopped cleanly."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner
from midbuild import wait_until_writing

from graph.cli import main
from graph.extraction.workers import CHUNK_UNITS, chunks
from graph.records import Document

ROOT = Path(__file__).resolve().parent.parent
CALL = ("Prime Minister Ana Ruiz called President Tomas Berg on Tuesday.\n\n"
        "The two leaders agreed to meet in Lisbon next month, her office said.")


def test_chunks_hold_whole_documents_in_order_about_one_batch_each():
    documents = [Document(f"d{i}", "\n\n".join(["One paragraph."] * (1 + i % 5))) for i in range(100)]
    found = list(chunks(documents))
    assert [d for chunk in found for d in chunk] == documents
    assert len(found) > 3
    for chunk in found:
        units = sum(1 + int(d.id[1:]) % 5 for d in chunk)
        assert units <= CHUNK_UNITS or len(chunk) == 1
    big = Document("big", "\n\n".join(["Long."] * (CHUNK_UNITS * 2)))
    assert list(chunks([big, documents[0]])) == [[big], [documents[0]]]  # never split, never merged past a batch


@pytest.mark.model
def test_two_workers_write_the_same_bytes_as_one(tmp_path, nlp):
    runner = CliRunner()
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"dev-{workers}.nt"
        result = runner.invoke(main, ["build", str(ROOT / "tests" / "data" / "dev"), "-o", str(out), "-q",
                                      "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert len(list(chunks(Document(p.stem, p.read_text()) for p in (ROOT / "tests/data/dev").glob("*.txt")))) > 2
    assert outputs[0] == outputs[1] and len(outputs[0]) > 100_000


@pytest.mark.model
def test_ctrl_c_stops_every_worker_and_leaves_no_file(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"date 2024-11-07\n{CALL} They spoke {i} times."}) for i in range(3000)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "graph.nt"
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(tmp_path / "many.jsonl"), "-o",
                                str(out), "--workers", "2"], stderr=subprocess.PIPE, text=True)
    wait_until_writing(process, out, 180)  # the workers have sent documents back: they are written
    workers = psutil.Process(process.pid).children(recursive=True)
    assert len(workers) >= 2
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1] == "newsgraph: error: interrupted"
    assert "Traceback" not in stderr
    assert list(out.parent.iterdir()) == []
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


def test_the_heap_is_frozen_and_blas_kept_to_one_thread_only_in_a_process_of_our_own(monkeypatch):
    import gc

    from graph import process
    from graph.extraction import workers

    frozen, limited, thresholds = [], [], gc.get_threshold()
    monkeypatch.setattr(workers, "load_model", lambda model: "pipeline")
    monkeypatch.setattr(workers, "load_reference_data", lambda: thresholds_while_loading.append(gc.get_threshold()))
    monkeypatch.setattr(process.gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(workers, "single_threaded_blas", lambda: limited.append(True))
    monkeypatch.setitem(process._STATE, "ours", False)
    thresholds_while_loading: list = []
    assert workers.ready_model.__wrapped__(None) == "pipeline"
    # a notebook's or a Spark worker's process keeps its collector and its BLAS threads as they were
    assert not frozen and not limited and thresholds_while_loading == [thresholds]
    process.own_the_process()  # as the build command and each worker process say
    gc.enable()  # as spaCy's loading does around each file: collection stays paused all the same
    assert workers.ready_model.__wrapped__(None) == "pipeline"
    assert frozen == [True] and limited == [True]
    assert thresholds_while_loading[1][0] == process.LOADING_THRESHOLD  # no collection while the model loaded
    assert gc.get_threshold() == thresholds  # and collection as it was afterwards


HALF_A_RESULT = '''
import concurrent.futures, gc, multiprocessing, multiprocessing.queues, os, struct, sys, time
from pathlib import Path


def send_half_a_result(flag):
    """As a worker killed while it sends its outcomes: the start of a message on the result pipe, no more."""
    queue = next(o for o in gc.get_objects() if isinstance(o, multiprocessing.queues.SimpleQueue))
    os.write(queue._writer.fileno(), struct.pack("!i", 1_000_000) + b"half")
    Path(flag).touch()
    time.sleep(600)


if __name__ == "__main__":
    from graph.extraction.workers import _stop

    pool = concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(send_half_a_result, sys.argv[1])
    while not os.path.exists(sys.argv[1]):
        time.sleep(0.05)
    time.sleep(0.5)  # the pool's manager thread is now reading the message, and waits for the rest
    _stop(pool)
    print("stopped")
'''


def test_stopping_the_workers_while_one_sends_its_outcomes_does_not_hang_the_exit(tmp_path):
    # a build stopped by SIGTERM hung at exit when a worker died mid-message (seen 1 in 15 runs of the test above)
    script = tmp_path / "half_a_result.py"
    script.write_text(HALF_A_RESULT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(tmp_path / "sent")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "stopped"
