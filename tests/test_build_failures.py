"""Issue 14's table of failures, one test (or more) per row: each once ended in a traceback, a silent
wrong result or a stray file, and now gives one line, a skip it counts, or the right graph."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from midbuild import wait_until_writing
from rdflib import RDFS, Graph

from graph.cli import main
from graph.rdf.vocab import NG, NIF

ARTICLE = ("date 2024-11-07\nPresident Joe Biden called President-elect Donald Trump on Wednesday to congratulate "
           "him, the White House said.")
CALL = "Biden called Trump on Wednesday."


def build(*args, input=None):
    return CliRunner().invoke(main, ["build", *map(str, args)], input=input)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("newsgraph: error:")]


def assert_one_line_error(result, output: Path, text: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == error_lines(result), result.stderr  # nothing but the error line
    assert len(error_lines(result)) == 1 and text in error_lines(result)[0], result.stderr
    assert not output.exists() and not list(output.parent.glob(".*.tmp"))


def model_must_not_load(monkeypatch):
    import graph.extraction.workers

    def refuse(name=None):
        raise AssertionError("the model was loaded")
    monkeypatch.setattr(graph.extraction.workers, "load_model", refuse)


# --- a `date 2024-02-30` header: was a traceback (day is out of range for month)
@pytest.mark.parametrize("header, message", [
    ("date 2024-02-30", "a.txt: date header: '2024-02-30' is not a date (no such day)"),
    ("date 0000-01-01", "a.txt: date header: '0000-01-01' is not a date (no such day)"),
    ("date 9999-12-31", "a.txt: date header: '9999-12-31' is outside the years 1–9998"),
    ("date 11/07/2024", "a.txt: date header '11/07/2024' is not a date (write date YYYY-MM-DD)"),
])
def test_an_impossible_date_header_is_one_line(tmp_path, monkeypatch, header, message):
    model_must_not_load(monkeypatch)
    (tmp_path / "a.txt").write_text(f"{header}\n{CALL}", encoding="utf-8")
    result = build(tmp_path / "a.txt", "-o", tmp_path / "a.ttl")
    assert_one_line_error(result, tmp_path / "a.ttl", message)


# --- `--base-iri 'not an iri'`: was 140 rdflib warnings and a traceback
def test_a_base_iri_that_is_no_iri_is_one_line_before_any_work(tmp_path, monkeypatch):
    model_must_not_load(monkeypatch)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = build(tmp_path / "a.txt", "-o", tmp_path / "a.ttl", "--base-iri", "not an iri")
    assert_one_line_error(result, tmp_path / "a.ttl", "--base-iri 'not an iri' is not an absolute IRI")


# --- a missing path: was reported only after the slow work on the inputs before it
def test_a_missing_path_fails_before_the_model_loads(tmp_path, monkeypatch):
    model_must_not_load(monkeypatch)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = build(tmp_path / "a.txt", tmp_path / "typo.txt", "-o", tmp_path / "a.ttl")
    assert_one_line_error(result, tmp_path / "a.ttl", "typo.txt: no such file or directory")


# --- `--store` on a store another process holds, or on a folder of other files: found only once the model
# had loaded and the first article was built
def test_a_store_held_by_another_process_fails_before_the_model_loads(tmp_path, monkeypatch):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from graph.store import Store\n"
                               "s = Store(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(store)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        model_must_not_load(monkeypatch)
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        result = build(tmp_path / "a.txt", "--store", store)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1 and result.stderr.splitlines() == error_lines(result), result.output
    assert "store is open in another process" in error_lines(result)[0]


def test_a_folder_of_other_files_as_store_fails_before_the_model_loads(tmp_path, monkeypatch):
    model_must_not_load(monkeypatch)
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = build(tmp_path / "texts" / "a.txt", "--store", tmp_path / "texts")
    assert result.exit_code == 1 and result.stderr.splitlines() == error_lines(result), result.output
    assert "is not a newsgraph store" in error_lines(result)[0]
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == ["a.txt"]


def test_a_store_build_that_builds_nothing_leaves_no_store(tmp_path, monkeypatch):
    model_must_not_load(monkeypatch)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "given").mkdir()
    for store in (tmp_path / "new" / "store", tmp_path / "given"):
        result = build(tmp_path / "empty.txt", "--store", store)
        assert result.exit_code == 1 and "the article has no text" in result.stderr, result.output
    assert not (tmp_path / "new" / "store").exists()
    assert list((tmp_path / "given").iterdir()) == []  # the folder the user made stays, empty


# --- one bad document among many: the whole build stopped
@pytest.mark.model
def test_bad_documents_are_skipped_with_their_place_and_the_rest_is_built(tmp_path, nlp):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("date 2024-11-07\n   \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("date 2024-11-07\nMacron a appelé Scholz à Noël.".encode("latin-1"))
    lines = [json.dumps({"id": "ok-1", "text": f"date 2024-11-08\n{CALL}"}), "{not json",
             b"\xff\xfe".decode("latin-1"), json.dumps({"id": ["x"], "text": CALL}),
             json.dumps({"id": "ok-2", "text": "Merkel met Macron.", "date": "2024-13-01"})]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(folder, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: skipped")]
    assert [line.split(": ", 2)[1].split(str(folder) + "/")[-1] for line in skipped] == [
        "empty.txt", "latin1.txt", "more.jsonl:2", "more.jsonl:3", "more.jsonl:4", "more.jsonl:5"]
    assert "not UTF-8 text" in skipped[1] and "malformed JSON" in skipped[2] and '"id" must be' in skipped[4]
    assert "'2024-13-01' is not a date" in skipped[5]
    assert "2 documents built, 6 skipped" in result.stderr
    graph = Graph().parse(tmp_path / "out.ttl")
    assert len(set(graph.subjects(predicate=None, object=NG.Document))) == 2


def test_strict_stops_at_the_first_bad_document(tmp_path, monkeypatch):
    model_must_not_load(monkeypatch)  # the bad document comes first: nothing is parsed
    (tmp_path / "a.jsonl").write_text('{broken\n' + json.dumps({"text": CALL}) + "\n", encoding="utf-8")
    result = build(tmp_path / "a.jsonl", "-o", tmp_path / "a.ttl", "--strict")
    assert_one_line_error(result, tmp_path / "a.ttl", "a.jsonl:1: malformed JSON")


# --- a folder that also holds other .jsonl files (annotations): the build stopped on the first
@pytest.mark.model
def test_annotation_files_in_a_folder_are_skipped_with_a_note(tmp_path, nlp):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gum").mkdir()
    for name in ("a.entities.jsonl", "b.entities.jsonl"):
        (tmp_path / "gum" / name).write_text(json.dumps({"eid": "1", "start_tok": 2, "end_tok": 3,
                                                         "text": "visa snags"}) + "\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "a", "text": "a.txt", "entities": []}) + "\n",
                                         encoding="utf-8")
    result = build(tmp_path, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: note:")]
    assert "holds no article records" in notes[0] and "2 more files of the same kind skipped" in notes[1]
    assert "1 document built, 0 skipped" in result.stderr


# --- a UTF-8 BOM: the date header was ignored and no event found; `date Nov 7, 2024`, `date 2024/11/07`
@pytest.mark.model
@pytest.mark.parametrize("raw", [
    "\ufeffdate 2024-11-07\n" + CALL,
    "date Nov 7, 2024\n" + CALL,
    "date 2024/11/07\n" + CALL,
    "Date: Thursday, November 7, 2024\n" + CALL,
    "date 7 November 2024\n" + CALL,
])
def test_boms_and_common_date_headers_are_read(tmp_path, nlp, raw):
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    result = build(tmp_path / "a.txt", "-o", tmp_path / "a.ttl", "-q")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "a.ttl")
    assert {str(t) for t in graph.objects(None, NG.trigger)} == {"call"}
    assert {str(d) for d in graph.objects(None, NG.date)} == {"2024-11-06"}  # Wednesday before Thursday 7
    assert [str(t) for t in graph.objects(None, NIF.isString)] == [CALL]  # the header is not text


# --- SIGTERM during `build`: a 1.6 MB `.…tmp` file was left behind (SIGINT cleaned up)
@pytest.mark.model
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_build_leaves_no_file(tmp_path, nlp, signum):
    lines = [json.dumps({"id": f"n{i}", "text": ARTICLE + f" Biden also called Okafor {i} times."})
             for i in range(2000)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "graph.nt"
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(tmp_path / "many.jsonl"),
                                "-o", str(out)], stderr=subprocess.PIPE, text=True)
    wait_until_writing(process, out, 120)  # mid-build: documents are being written into the temporary file
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, stderr[-2000:]
    assert stderr.strip().splitlines()[-1] == f"newsgraph: error: stopped by {signal.Signals(signum).name}", stderr
    assert "Traceback" not in stderr
    assert list(out.parent.iterdir()) == [], stderr[-2000:]


# --- HTML saved as .txt; a French or German article: accepted with tags in the text, junk entities
@pytest.mark.model
def test_a_saved_page_is_read_as_html_and_other_languages_are_counted(tmp_path, nlp):
    sys.path.insert(0, str(Path(__file__).parent))
    from webpages import FRENCH_PAGE, LINDQVIST_CALL, page

    (tmp_path / "saved.txt").write_text(page("Lindqvist calls Berg", LINDQVIST_CALL, "2024-11-07",
                                             "https://news.example.org/a"), encoding="utf-8")
    (tmp_path / "french.txt").write_text("date 2024-11-06\n\n" + "\n\n".join(FRENCH_PAGE), encoding="utf-8")
    (tmp_path / "german.txt").write_text(
        "date 2024-11-06\n\nBundeskanzlerin Petra Vogel hat am Mittwoch mit dem französischen Präsidenten "
        "telefoniert und ihn zu einem Besuch in Berlin eingeladen, teilte eine Regierungssprecherin mit. Die "
        "beiden Politiker sprachen über die Lage in der Ukraine und die gemeinsame Energiepolitik.", encoding="utf-8")
    result = build(tmp_path, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 0, result.output
    assert "1 document built, 0 skipped, 0 repeated, 2 not in English" in result.stderr
    graph = Graph().parse(tmp_path / "out.ttl")
    text = str(next(graph.objects(None, NIF.isString)))
    assert "<" not in text and text.startswith("Prime Minister Anna Lindqvist called")
    names = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Mittwoch" not in names and "Anna Lindqvist" in names
    everything = build(tmp_path, "-o", tmp_path / "all.ttl", "--lang", "any", "-q")
    assert everything.exit_code == 0
    assert len(set(Graph().parse(tmp_path / "all.ttl").subjects(None, NG.Document))) == 3


# --- a text over 1,000,000 characters: an 80-line traceback ending in spaCy's E088
@pytest.mark.model
def test_a_text_over_a_million_characters_is_built(tmp_path, nlp):
    blob = "x" * 1_000_000  # one run without a space: not parsed (no word is that long), kept in the text
    text = f"date 2024-11-07\n{CALL} {blob} President Macron met Chancellor Scholz in Paris on Tuesday."
    assert len(text) > 1_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    result = build(tmp_path / "long.txt", "-o", tmp_path / "long.ttl", "-q")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "long.ttl")
    assert {str(t) for t in graph.objects(None, NG.trigger)} == {"call", "meet"}


# --- one 100,000-character token (a run of emoji): over 120 s, spaCy's tokenizer being quadratic
@pytest.mark.model
def test_a_hundred_thousand_character_token_builds_in_under_five_seconds(tmp_path, nlp):
    emoji = "".join(chr(0x1F600 + i % 80) for i in range(100_000))
    (tmp_path / "emoji.txt").write_text(f"date 2024-11-07\n{CALL} {emoji}", encoding="utf-8")
    started = time.monotonic()
    result = build(tmp_path / "emoji.txt", "-o", tmp_path / "emoji.ttl", "-q")
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert elapsed < 5, f"{elapsed:.1f} s"  # the issue's own bound (the model is loaded already)


# --- output files: mode 0600 whatever the umask
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_files_honour_the_umask(tmp_path, umask, mode):
    from graph.output.files import write_atomically

    previous = os.umask(umask)
    try:
        write_atomically(tmp_path / "out.ttl", b"<a:b> <a:c> <a:d> .\n")
    finally:
        os.umask(previous)
    assert (tmp_path / "out.ttl").stat().st_mode & 0o777 == mode
