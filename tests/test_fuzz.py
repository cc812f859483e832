"""Arbitrary Unicode, bytes and JSON through `build` (Hypothesis): either exit 0 with a graph that rdflib
and Oxigraph read and that conforms to the shapes, or exit 1 with one error line and no file; never
a traceback. Where some documents of a file are bad, the file holds the rest and still conforms.

NEWSGRAPH_FUZZ_EXAMPLES (default 25 per strategy) sets how many inputs each strategy tries; the inputs
are the same every run unless NEWSGRAPH_FUZZ_RANDOM=1."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph.cli import main
from graph.rdf.validate import validate

pytestmark = pytest.mark.model
EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("NEWSGRAPH_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])

SENTENCES = ["President Ana Ruiz called Prime Minister Tomas Berg on Wednesday.",
             "Berg invited Ruiz to visit Oslo tomorrow, his office said.",
             '"We will meet again next week," Ruiz said.',
             "On March 3, Ruiz congratulated Berg on his victory.", "IMAGE: Ruiz and Berg in Oslo on Friday."]
HEADERS = ["", "date 2024-11-07\n", "date 0000-01-01\n", "date 9999-12-31\n", "date 9998-12-31\n",
           "date 0001-01-01\n", "date 2024-02-30\n", "date Nov 7, 2024\n", "date 2024/11/07\n", "\ufeffdate 2024-11-07\n",
           "Title line\n\nThursday, November 7, 2024\n\n", "<!doctype html><html><body><p>"]
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())  # lone surrogates too
texts = st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(min_size=0, max_size=40),
                           st.text(ANY_CHARACTER, max_size=20), st.sampled_from(["\n\n", "\n", " ", "\x00", "\r\n"])),
                 max_size=12).map("".join)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(ANY_CHARACTER, max_size=30), texts)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3) |
                           st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
records = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(ANY_CHARACTER, max_size=12), st.integers(), st.booleans(), st.none(), json_values),
    "text": st.one_of(st.builds(lambda h, t: h + t, st.sampled_from(HEADERS), texts), json_values),
    "date": st.one_of(st.sampled_from(["2024-11-07", "0000-01-01", "9999-12-31", "2024-02-30", "2024-11-07T10:00:00Z",
                                       "Nov 7, 2024", ""]), json_values),
    "title": json_values,
    "url": st.one_of(st.sampled_from(["https://example.org/a", "not a url", "http://[::1", "http://e.org/%zz",
                                      "mailto:x@example.org", "https://example.org/ü b"]), json_values)})


def _surrogate_safe_json(value) -> str:
    return json.dumps(value, ensure_ascii=True)  # \\ud800 stays an escape: valid JSON, invalid text


jsonl_lines = st.lists(st.one_of(records.map(_surrogate_safe_json), json_values.map(_surrogate_safe_json),
                                 st.text(max_size=30)), min_size=1, max_size=4)


def check_build(inputs: list[str], folder: Path, stdin: bytes | None = None) -> None:
    out = folder / "out" / "graph.ttl"
    result = CliRunner().invoke(main, ["build", *inputs, "-o", str(out), "--date", "2024-11-07", "-q"],
                                input=stdin)
    lines = result.stderr.splitlines()
    assert result.exception is None or isinstance(result.exception, SystemExit), (result.exception, result.stderr)
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    assert all(line.startswith("newsgraph: ") for line in lines), result.stderr
    assert result.exit_code in (0, 1), result.stderr
    if not out.exists():
        errors = [line for line in lines if line.startswith("newsgraph: error: ")]
        assert result.exit_code == 1 and len(errors) == 1, result.stderr
        assert not list(out.parent.glob("*")) if out.parent.exists() else True
        return
    assert result.exit_code == 0 or any(line.startswith("newsgraph: skipped ") for line in lines), result.stderr
    graph = Graph().parse(out, format="turtle")
    assert len(set(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))) == len(graph)  # documents may repeat an entity
    assert validate(graph) == ()
    assert [p.name for p in out.parent.iterdir()] == ["graph.ttl"]  # no temporary file left


@FUZZ
@given(header=st.sampled_from(HEADERS), body=texts)
@example(header="date 9999-12-31\n", body="Ruiz will call Berg tomorrow.")
@example(header="date 0001-01-01\n", body="Ruiz called Berg on Wednesday. On March 3, they met.")
@example(header="", body="😀" * 3000 + " Ruiz called Berg.")
def test_any_text_file(header, body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(header + body, encoding="utf-8", errors="surrogatepass")  # lone surrogates: invalid UTF-8
        check_build([str(path)], Path(folder))


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".warc.gz"]))
@example(data=b"\xff\xfe\x00d\x00a", suffix=".txt")
@example(data=b'{"text": "caf\xe9"}\n{"text": "Ruiz called Berg."}\n', suffix=".jsonl")
@example(data=b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort", suffix=".warc")
def test_any_bytes_in_a_file(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        check_build([str(path)], Path(folder))


@FUZZ
@given(lines=jsonl_lines)
@example(lines=["[" * 100_000 + "]" * 100_000])
@example(lines=[json.dumps({"id": "a", "text": "date 9999-12-31\nRuiz will call Berg tomorrow."})])
@example(lines=[json.dumps({"id": "\ud800", "text": "Ruiz called Berg."})])
@example(lines=[json.dumps({"text": "Ruiz called Berg.", "url": "not an iri"})])
@example(lines=['{"id": 1' + "0" * 5000 + ', "text": "Ruiz called Berg."}'])
def test_any_json_lines(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "news.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        check_build([str(path)], Path(folder))


@FUZZ
@given(data=st.one_of(st.binary(max_size=200), texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      jsonl_lines.map(lambda lines: "\n".join(lines).encode("utf-8"))))
@example(data=b'{"text": "Ruiz called Berg."}\n\xff\xfe\n')
def test_anything_on_stdin(data):
    with tempfile.TemporaryDirectory() as folder:
        check_build(["-"], Path(folder), stdin=data)
