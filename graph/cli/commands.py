"""query, validate, evaluate (build is in build_command.py)."""
from __future__ import annotations

from pathlib import Path

import click

from . import fail, main, user_errors
from .terminal import stdout_width

RESULT_FORMATS = ["table", "csv", "tsv", "json", "jsonl", "markdown"]


def print_table(table, output_format: str) -> None:
    """Print a query.Table in the chosen format; a table on a terminal is cut to its width."""
    from ..store.results import format_table

    click.echo(format_table(table, output_format, stdout_width() if output_format == "table" else None), nl=False)


@main.command()
@click.argument("source", required=False, type=click.Path(allow_dash=True))
@click.argument("sparql", required=False)
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Query this store folder (the same as giving the folder as SOURCE).")
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file.")
@click.option("--name", help="Run a bundled query by name (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and exit.")
@click.option("--format", "output_format", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help="table (cut to the terminal's width), csv, tsv, json (SPARQL 1.1 Query Results JSON), "
                   "jsonl (one object a row, typed values) or markdown.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on the query after this many seconds (default: no limit).")
@user_errors
def query(source, sparql, store_dir, query_file, name, list_queries, output_format, timeout):
    """Answer a SPARQL query over SOURCE: a graph file, a store folder, or - for a graph on stdin.

    The prefixes rdf rdfs xsd owl skos schema prov dcterms nif ng (and sem) are declared already.
    Over a store, all documents are merged; GRAPH <document IRI> { … } reaches one.

    \b
    Example:
      newsgraph query out/graph.ttl --name who-called-whom
      newsgraph query out/graph.ttl 'SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }'
      newsgraph query out/graph.ttl -f my.rq --format csv
      newsgraph query out/store --name events --timeout 10 --format jsonl
      newsgraph build article.txt -o - | newsgraph query - --name events
    """
    from ..rdf.ontology import bundled_queries
    from ..store import Store
    from ..store.query import call_with_timeout, load_graph_file, resolve_query, select

    if list_queries:
        for query_name, text in bundled_queries().items():
            first = next((line.lstrip("# ") for line in text.splitlines() if line.startswith("#")), "")
            click.echo(f"{query_name:24} {first}")
        return
    if store_dir is not None:
        if sparql is not None:
            fail("give SOURCE or --store DIR, not both")
        source, sparql = store_dir, source  # with --store the one positional argument is the query text
    if source is None:
        fail("give a graph file, a store folder or - to query")
    sparql_text = resolve_query(sparql, file=query_file, name=name)
    if store_dir is not None or source != "-" and Path(source).is_dir():
        with Store(source, create=False, read_only=True) as store:
            print_table(store.query(sparql_text, timeout=timeout), output_format)
        return
    graph = load_graph_file(source)
    print_table(call_with_timeout(lambda: select(graph, sparql_text), timeout), output_format)


@main.command()
@click.argument("graph_file", type=click.Path(dir_okay=False))
@user_errors
def validate(graph_file):
    """Check GRAPH_FILE against the bundled SHACL shapes; exit 1 listing the violations.

    \b
    Example:
      newsgraph validate out/graph.ttl
    """
    from ..rdf.files import read_graph
    from ..rdf.validate import validate as run_validation

    violations = run_validation(read_graph(graph_file))
    if not violations:
        click.echo(f"{graph_file}: conforms to the newsgraph shapes")
        return
    for v in violations:
        click.echo(f"{v.focus}  {v.path}  {v.message}")
    fail(f"{graph_file}: {len(violations)} SHACL violation{'s' if len(violations) != 1 else ''}")


@main.command()
@click.argument("gold", type=click.Path(dir_okay=False), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List each document's misses and false positives.")
@click.option("--model", default=None, help="spaCy pipeline to load.")
@click.option("--gum", "gum_dir", type=click.Path(file_okay=False), default=None,
              help="Also score entities against GUM annotations in this folder (texts are its parent folder).")
@click.option("--links", "links_file", type=click.Path(dir_okay=False), default=None,
              help="Also score place links against this list (document, name, GeoNames id; tab-separated).")
@user_errors
def evaluate(gold, as_json, verbose, model, gum_dir, links_file):
    """Run the pipeline on each document of a gold .jsonl file (and/or GUM articles) and score it.

    \b
    Example:
      newsgraph evaluate ../shared/eval/seed/seed.gold.jsonl
      newsgraph evaluate ../shared/eval/seed/seed.gold.jsonl --json
      newsgraph evaluate --gum ../shared/eval/wikinews/gum
      newsgraph evaluate ../shared/eval/realnews/realnews.gold.jsonl --links tests/data/place_links.tsv
    """
    from ..evaluation.gum import evaluate_gum, format_gum_report
    from ..evaluation.report import evaluate_gold, format_report

    if not gold and not gum_dir:
        fail("give a gold .jsonl file, --gum DIR, or both")
    # GUM first, so that the gold report's headline figures stay the last lines printed.
    gum_report = evaluate_gum(gum_dir, model=model) if gum_dir else None
    report = evaluate_gold(gold, model=model, links=links_file) if gold else None
    if as_json:
        payload = report.as_dict(verbose) if report else {}
        if gum_report:
            payload["gum"] = gum_report.as_dict(verbose)
        import json  # here only: a query's start-up need not load it

        click.echo(json.dumps(payload, indent=2))
        return
    if gum_report:
        click.echo(format_gum_report(gum_report, verbose))
    if report:
        click.echo(format_report(report, verbose))
