"""The same article twice: recognised by its id or by its text (under another name), built once."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.cli import main
from graph.ingest import REPEATED, Read, Skip, read_documents
from graph.rdf.vocab import NG

ARTICLE = ("date 2024-11-07\nPrime Minister Ana Ruiz called President Tomas Berg on Wednesday.\n\n"
           "The two leaders agreed to meet in Lisbon next month, her office said.")


def outcomes(paths) -> list[tuple[str, str]]:
    return [("read", item.place) if isinstance(item, Read) else (item.kind, item.message)
            for item in read_documents([str(p) for p in paths], english_only=False)]


def test_the_same_text_under_another_name_is_a_repeat_whatever_its_spacing(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    rewrapped = ARTICLE.replace("Tomas Berg on", "Tomas\u00a0Berg\non").replace(". ", ".  ") + "\n\n"
    (tmp_path / "copy of a.txt").write_text(rewrapped, encoding="utf-8")
    (tmp_path / "other.txt").write_text(ARTICLE.replace("Wednesday", "Thursday"), encoding="utf-8")
    found = outcomes([tmp_path])
    assert found == [("read", str(tmp_path / "a.txt")),
                     (REPEATED, f"{tmp_path / 'copy of a.txt'}: repeats {tmp_path / 'a.txt'} (the same text)"),
                     ("read", str(tmp_path / "other.txt"))]


def test_a_record_repeating_another_records_text_is_a_repeat(tmp_path):
    text = ARTICLE.split("\n", 1)[1]
    lines = [{"id": "wire-1", "text": text}, {"id": "site-9", "text": text}, {"id": "wire-1", "text": text}]
    (tmp_path / "news.jsonl").write_text("\n".join(map(json.dumps, lines)) + "\n", encoding="utf-8")
    found = outcomes([tmp_path / "news.jsonl"])
    assert found[0][0] == "read"
    assert found[1] == (REPEATED, f"{tmp_path / 'news.jsonl'}:2: repeats {tmp_path / 'news.jsonl'}:1 (the same text)")
    assert found[2] == (REPEATED, f"{tmp_path / 'news.jsonl'}:3: repeats {tmp_path / 'news.jsonl'}:1")  # by its id


def test_a_skip_is_never_remembered_as_the_first_reading(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe not UTF-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert [kind for kind, _ in outcomes([tmp_path])] == ["bad", "read"]
    assert all(not isinstance(item, Skip) or item.kind != REPEATED
               for item in read_documents([str(tmp_path)], english_only=False))


@pytest.mark.model
def test_a_build_says_which_file_repeats_which_and_counts_events_once(tmp_path, nlp):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out.ttl")])
    assert result.exit_code == 0, result.output
    assert f"newsgraph: note: {tmp_path / 'b.txt'}: repeats {tmp_path / 'a.txt'} (the same text); skipped" \
        in result.stderr.splitlines()
    assert "1 document built, 0 skipped, 1 repeated, 0 not in English" in result.stderr
    alone = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "alone.ttl"), "-q"])
    assert alone.exit_code == 0
    graph = Graph().parse(tmp_path / "out.ttl")
    assert isomorphic(graph, Graph().parse(tmp_path / "alone.ttl"))  # events once, not twice
    assert len(list(graph.subjects(predicate=NG.trigger))) >= 1
