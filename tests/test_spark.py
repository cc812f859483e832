"""The Spark job in local[2]: its part files are the local build's quads, one label per entity across
runs, a second run adds new articles only, and the output bulk-loads into a store newsgraph queries."""
from __future__ import annotations

import glob
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.ingest import split_header

pyspark = pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install -e '.[spark]')")
pytestmark = [pytest.mark.spark, pytest.mark.model]
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
# Invented articles: the second names Ana Ruiz's organization first as "the Lisbon Group", then run 2
# names the same people again, so their labels must come from run 1.
RUIZ = ("date 2024-11-07\nPrime Minister Ana Ruiz called President Tomas Berg on Wednesday to congratulate him "
        "on his election victory, her office said.\n\nRuiz invited Berg to visit Lisbon next month.")
BERG = ("date 2024-11-09\nPresident Tomas Berg met Ana Ruiz in Lisbon on Friday.\n\n"
        "\"We agreed on the treaty,\" Berg told reporters after the meeting.")


@pytest.fixture(scope="module")
def spark():
    from graph.spark.job import session

    spark = session("local[2]", "newsgraph-tests")
    spark.conf.set("spark.sql.shuffle.partitions", "4")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Run 1: a JSON Lines file of the examples; run 2: a folder of texts, one the same article as a
    record of run 1 under another name."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "first").mkdir()
    examples = sorted((ROOT / "examples").glob("*.txt"))
    with (root / "first" / "news.jsonl").open("w", encoding="utf-8") as out:
        for path in examples[:3]:
            text, date, _ = split_header(path.read_text(encoding="utf-8"))
            out.write(json.dumps({"id": path.stem, "text": text, "date": date.isoformat()}) + "\n")
        out.write(json.dumps({"id": "ruiz-calls-berg", "text": RUIZ.split("\n", 1)[1], "date": "2024-11-07"}) + "\n")
    (root / "second").mkdir()
    (root / "second" / "berg-meets-ruiz.txt").write_text(BERG, encoding="utf-8")
    shutil.copy(examples[3], root / "second" / examples[3].name)
    shutil.copy(examples[0], root / "second" / "copy-of-the-first.txt")  # a repeat by text
    return root


def quads(pattern: str) -> set[ox.Quad]:
    found = set()
    for path in glob.glob(pattern):
        found |= set(ox.parse(path=path, format=ox.RdfFormat.N_QUADS))
    return found


@pytest.fixture(scope="module")
def runs(spark, corpus, tmp_path_factory):
    from graph.spark.job import run

    output = tmp_path_factory.mktemp("spark") / "out"
    first = run(spark, [str(corpus / "first")], str(output), partitions=2)
    first_files = {p: p.read_bytes() for p in (output / "graphs").rglob("*.nq")}
    second = run(spark, [str(corpus / "second")], str(output), partitions=2)
    return output, first, second, first_files


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "local.nq"
    result = CliRunner().invoke(main, ["build", str(corpus / "first"), str(corpus / "second"), "-o", str(out), "-q",
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    return out


def test_the_part_files_hold_the_local_builds_quads_and_nothing_else(runs, local_build):
    output, first, second, _ = runs
    built = set(ox.parse(path=str(local_build), format=ox.RdfFormat.N_QUADS))
    assert quads(f"{output}/graphs/*/part-*.nq") == built  # the same IRIs, labels and aliases: isomorphic
    merged = {q.triple for q in quads(f"{output}/merged/*/part-*.nt")}
    assert merged == {q.triple for q in built}


def test_a_second_run_adds_only_the_new_articles(runs):
    output, first, second, first_files = runs
    assert (first.built, first.repeated) == (4, 0)
    assert (second.built, second.repeated, second.bad) == (2, 1, 0)
    assert any("copy-of-the-first.txt: repeats" in m and "news.jsonl:1 (the same text)" in m for m in second.messages)
    assert {p: p.read_bytes() for p in (output / "graphs" / "run-0001").rglob("*.nq")} == first_files  # untouched
    assert sorted(p.name for p in (output / "runs").glob("run-*.json")) == ["run-0001.json", "run-0002.json"]


def test_the_entity_table_gives_each_entity_the_label_of_its_first_document(spark, runs, local_build):
    output, _, second, _ = runs
    table = {row["key"]: row for row in spark.read.parquet(str(output / "entities" / "run-0002")).collect()}
    assert len(table) == second.entities
    label, alias = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), \
        ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    built = set(ox.parse(path=str(local_build), format=ox.RdfFormat.N_QUADS))
    labels = {(q.subject.value, q.object.value) for q in built if q.predicate == label}
    assert labels == {(row["iri"], row["label"]) for row in table.values()}  # one label each, as built locally
    aliases = {(q.subject.value, q.object.value) for q in built if q.predicate == alias}
    assert aliases == {(row["iri"], name) for row in table.values() for name in row["aliases"]}
    berg = table["person/tomas-berg"]
    assert berg["label"] == "Tomas Berg" and berg["documents"] == 2 and berg["kinds"] == ["Person"]


def test_the_output_bulk_loads_into_a_store_newsgraph_queries(runs, corpus, tmp_path):
    output, *_ = runs
    store = ox.Store(str(tmp_path / "loaded"))
    for path in [output / "ontology.nq", *sorted(output.glob("graphs/*/part-*.nq")),
                 *sorted(output.glob("merged/*/part-*.nt"))]:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS if path.suffix == ".nq"
                        else ox.RdfFormat.N_TRIPLES)
    del store  # closes the folder
    runner = CliRunner()
    local = runner.invoke(main, ["build", str(corpus / "first"), str(corpus / "second"), "--store",
                                 str(tmp_path / "built"), "-q", "--workers", "1"])
    assert local.exit_code == 0, local.output
    for name in ("events", "entities", "who-called-whom"):
        answers = [runner.invoke(main, ["query", "--store", str(tmp_path / folder), "--name", name, "--format", "csv"])
                   for folder in ("loaded", "built")]
        assert answers[0].exit_code == 0, answers[0].output
        assert sorted(answers[0].output.splitlines()) == sorted(answers[1].output.splitlines())
    stats = [runner.invoke(main, ["stats", "--store", str(tmp_path / folder), "--json"]).output
             for folder in ("loaded", "built")]
    assert stats[0] == stats[1] and json.loads(stats[0])["documents"] == 6


def test_the_spark_command_says_what_it_did(spark, corpus, tmp_path):
    result = CliRunner().invoke(main, ["spark", str(corpus / "second"), "--output", str(tmp_path / "out"),
                                       "--master", "local[2]", "--partitions", "2"])
    assert result.exit_code == 0, result.output
    assert "run 1 into" in result.stderr and "3 documents built, 0 skipped, 0 repeated" in result.stderr
