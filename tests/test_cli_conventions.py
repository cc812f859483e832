"""The conventions of the tools users like (sqlite-utils, csvkit, spaCy's CLI): - for stdout and stdin,
a store as SOURCE, predeclared prefixes, result formats, tables cut to the terminal, a version, shell
completion; and a build that shows its progress on a terminal and sums up what it did."""
from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import COMMAND_MODULES, main
from graph.store.query import Table
from graph.store.results import format_table, text_table

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("date 2024-11-07\nPresident Joe Biden called President-elect Donald Trump on Wednesday to congratulate "
           "him, the White House said.\n\nBiden invited Trump to the White House.")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    from graph.pipeline import build_graph

    folder = tmp_path_factory.mktemp("graph")
    (folder / "biden.txt").write_text(ARTICLE, encoding="utf-8")
    graph = build_graph([str(folder / "biden.txt")])
    graph.serialize(folder / "g.ttl", format="turtle")
    return folder / "g.ttl"


def help_example(command: str, contains: str) -> str:
    text = run(command, "--help").output
    return next(line.strip() for line in text.splitlines() if contains in line)


@pytest.mark.model
def test_the_query_help_example_works(graph_file):
    example = help_example("query", "rdfs:label ?name")  # used to fail: rdfs: was not declared
    sparql = re.search(r"'(.*)'", example).group(1)
    result = run("query", graph_file, sparql, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert set(result.stdout.splitlines()[1:]) == {"Joe Biden", "Donald Trump"}


@pytest.mark.model
def test_json_is_sparql_results_json_with_typed_values_and_jsonl_has_native_booleans(graph_file):
    sparql = "SELECT ?event ?planned WHERE { ?event a ng:PhoneCall ; ng:planned ?planned }"
    answer = json.loads(run("query", graph_file, sparql, "--format", "json").stdout)
    assert answer["head"]["vars"] == ["event", "planned"]
    (binding,) = answer["results"]["bindings"]
    assert binding["event"]["type"] == "uri"
    assert binding["planned"] == {"type": "literal", "value": "false",
                                  "datatype": "http://www.w3.org/2001/XMLSchema#boolean"}
    (row,) = [json.loads(line) for line in run("query", graph_file, sparql, "--format", "jsonl").stdout.splitlines()]
    assert row["planned"] is False
    ask = json.loads(run("query", graph_file, "ASK { ?s a schema:Person }", "--format", "json").stdout)
    assert ask == {"head": {}, "boolean": True}
    count = run("query", graph_file, "SELECT (COUNT(*) AS ?n) WHERE { ?s a schema:Person }", "--format", "jsonl")
    assert json.loads(count.stdout) == {"n": 2}


def test_tsv_and_markdown_escape_what_would_break_them():
    table = Table(("a", "b"), (("x\ty", "one | two"), (None, "line\nbreak")))
    assert format_table(table, "tsv") == "a\tb\nx\\ty\tone | two\n\tline\\nbreak\n"
    assert format_table(table, "markdown") == "| a | b |\n| --- | --- |\n| x y | one \\| two |\n|  | line break |\n"


def test_a_table_on_a_terminal_is_cut_to_its_width():
    table = Table(("name", "sentence"), (("Joe Biden", "President Joe Biden called " * 10),))
    lines = text_table(table, width=60).splitlines()
    assert max(len(line) for line in lines) <= 60
    assert lines[2].startswith("Joe Biden  President Joe Biden called") and lines[2].endswith("…")
    assert ("President Joe Biden called " * 10).strip() in text_table(table)  # a pipe or file gets it all


@pytest.mark.model
def test_dash_is_stdout_for_build_export_and_draw_and_stdin_for_query_export_and_draw(graph_file, tmp_path, nlp):
    built = run("build", "-", "-o", "-", "-q", input=ARTICLE.encode("utf-8"))
    assert built.exit_code == 0, built.output
    turtle = built.stdout
    assert len(Graph().parse(data=turtle, format="turtle")) > 50
    events = run("query", "-", "--name", "events", "--format", "csv", input=turtle.encode("utf-8"))
    assert events.exit_code == 0 and "PhoneCall" in events.stdout
    ntriples = run("export", "-", "-o", "-", "--format", "nt", input=turtle.encode("utf-8"))
    assert ntriples.exit_code == 0 and ntriples.stdout.count(" .\n") == len(Graph().parse(data=turtle))
    page = run("draw", "-", "-o", "-", input=turtle.encode("utf-8"))
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.model
def test_query_takes_a_store_folder_as_its_source(tmp_path, nlp):
    (tmp_path / "biden.txt").write_text(ARTICLE, encoding="utf-8")
    built = run("build", tmp_path / "biden.txt", "--store", tmp_path / "store")
    assert built.exit_code == 0, built.output
    first = built.stderr.splitlines()[0]
    assert first.startswith(f"newsgraph: added to {tmp_path / 'store'} (it holds 1 document, ")
    assert first.endswith("1 document built, 0 skipped, 0 repeated, 0 not in English")
    assert built.stderr.splitlines()[-1] == f"  next:    newsgraph query {tmp_path / 'store'} --name events"
    result = run("query", tmp_path / "store", "--name", "who-called-whom", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["caller"] == "Joe Biden"


def test_every_command_is_listed_and_runs_its_help_with_an_example():
    # Commands load lazily, module by module: one missing from the map would vanish from the tool.
    listed = re.findall(r"^  ([a-z]+) ", run("--help").output, flags=re.M)
    assert listed == sorted(COMMAND_MODULES) and len(listed) == 13
    for command in listed:
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example" in result.output, command
    for module in set(COMMAND_MODULES.values()):  # every registered command is in the map
        importlib.import_module(f"graph.cli.{module}")
    assert set(main.commands) == set(COMMAND_MODULES)
    assert run("bulid").exit_code == 2 and "No such command 'bulid'" in run("bulid").output


def test_version_and_shell_completion():
    from importlib.metadata import version

    from graph import __version__

    assert run("-V").output.strip() == f"newsgraph, version {__version__}"
    assert version("newsgraph") == __version__  # the installed package says the same (pyproject reads it)
    assert run("--version").exit_code == 0
    script = run("completion", "bash").stdout
    assert "_NEWSGRAPH_COMPLETE=bash_complete" in script and "complete -o nosort -F" in script
    completed = subprocess.run([sys.executable, "-m", "graph.cli"], env={**os.environ, "_NEWSGRAPH_COMPLETE":
                               "bash_complete", "COMP_WORDS": "newsgraph bu", "COMP_CWORD": "1"},
                               capture_output=True, text=True, cwd=ROOT)
    assert "build" in completed.stdout


@pytest.mark.model
def test_a_build_on_a_terminal_shows_a_progress_bar_and_off_one_nothing_extra(tmp_path, nlp):
    import pty

    lines = [json.dumps({"id": f"n{i}", "text": f"{ARTICLE} It was call number {i}."}) for i in range(40)]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "graph.cli", "build", str(tmp_path / "news.jsonl"), "-o", str(tmp_path / "a.ttl")]
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
                               env={**os.environ, "TERM": "xterm", "COLUMNS": "120"}, cwd=ROOT)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=120)
    os.close(leader)
    screen = seen.decode("utf-8", "replace")
    assert process.returncode == 0, screen
    assert "docs/s" in screen and "/40" in screen and "ETA" in screen  # documents, rate, time left
    assert "40 documents built" in screen
    piped = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert "docs/s" not in piped.stderr and piped.stderr.startswith("newsgraph: wrote")
    quiet = subprocess.run([*command, "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert quiet.returncode == 0 and quiet.stderr == ""
