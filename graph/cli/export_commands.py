"""export, draw and report: a graph file or store folder to another format, a table, a network, a picture
or a report page."""
from __future__ import annotations

from pathlib import Path

import click

from . import main, user_errors

FORMAT_NAMES = ["turtle", "nt", "nquads", "trig", "json-ld", "xml", "csv", "graphml", "gexf", "cytoscape"]


@main.command()
@click.argument("source", type=click.Path(allow_dash=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (- for stdout); its extension picks the format: .ttl .nt .nq .trig .jsonld "
                   ".rdf (RDF), .csv (a table), .graphml .gexf .cyjs (a network).")
@click.option("--format", "export_format", type=click.Choice(FORMAT_NAMES),
              help="Format, when the extension does not tell (default for -o -: turtle).")
@click.option("--table", type=click.Choice(["events", "entities"]), default="events", show_default=True,
              help="Which table a .csv holds.")
@click.option("--projection", type=click.Choice(["actor", "full"]), default="actor", show_default=True,
              help="Network of a .graphml/.gexf/.cyjs: actor (entities, events as edges) "
                   "or full (events as nodes too).")
@click.option("--raw-csv", is_flag=True,
              help="Write CSV cells as they are: by default a cell starting with = + - @, tab or CR gets a "
                   "leading ' so that a spreadsheet shows it instead of running it as a formula.")
@user_errors
def export(source, output, export_format, table, projection, raw_csv):
    """Write the graph in SOURCE (a graph file, a store folder, or - for stdin) to OUTPUT in another format.

    \b
    Example:
      newsgraph export out/graph.ttl -o out/graph.trig          # one named graph per document
      newsgraph export out/graph.ttl -o out/graph.jsonld
      newsgraph export out/graph.ttl -o out/events.csv
      newsgraph export out/graph.ttl -o out/entities.csv --table entities
      newsgraph export out/graph.ttl -o out/actors.gexf         # open in Gephi
      newsgraph export out/graph.ttl -o out/full.graphml --projection full
      newsgraph export out/store -o - --format nt | wc -l
    """
    from ..output.export import export as write_export
    from ..output.sources import open_source

    if output == "-" and export_format is None:
        export_format = "turtle"
    written = write_export(open_source(source), output, export_format, table=table, projection=projection,
                           csv_guard=not raw_csv)
    if output != "-":
        click.echo(f"wrote {output} ({written})", err=True)


@main.command()
@click.argument("source", type=click.Path(allow_dash=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Drawing to write (- for stdout): .html (interactive, works offline), .svg or .png "
                   "(static, needs Graphviz).")
@click.option("--format", "drawing_format", type=click.Choice(["html", "svg", "png"]),
              help="Format, when the extension does not tell (default for -o -: html).")
@click.option("--focus", metavar="NAME", help="Draw only this entity's neighbourhood (name or alias, any case).")
@click.option("--radius", type=click.IntRange(1, 5), default=1, show_default=True,
              help="With --focus: how many events away from the entity to go.")
@click.option("--projection", type=click.Choice(["actor", "full"]), default="actor", show_default=True,
              help="actor: who did what to whom (entities, one counted edge per pair and type, statements folded "
                   "into their speaker); full: every event as a node. The page switches between them in one click.")
@click.option("--negated", is_flag=True,
              help="Draw the events the text says did not happen too (the page has them behind a checkbox).")
@click.option("--max-nodes", type=click.IntRange(10, 50_000), default=5000, show_default=True,
              help="Keep the most active entities beyond this many nodes.")
@click.option("--title", help="Page title (default: the input's file name).")
@user_errors
def draw(source, output, drawing_format, focus, radius, projection, negated, max_nodes, title):
    """Draw the graph in SOURCE (a graph file, a store folder, or - for stdin).

    \b
    Example:
      newsgraph draw out/graph.ttl -o out/graph.html
      newsgraph draw out/graph.ttl -o out/biden.svg --focus "Joe Biden" --radius 2
      newsgraph draw out/graph.ttl -o docs/seed-graph.png --projection full
      newsgraph build article.txt -o - | newsgraph draw - -o - > article.html
    """
    from ..output.draw import draw as make_drawing
    from ..output.files import write_atomically
    from ..output.networks import neighbourhood
    from ..output.sources import open_source
    from ..output.tables import read_tables

    tables = read_tables(open_source(source).store)
    if focus:
        tables = neighbourhood(tables, focus, radius)
    name = "stdin" if source == "-" else Path(source).name
    title = title or (f"{focus} · {name}" if focus else name)
    # the drawing's kind follows a file name: for stdout (or --format), one that says it
    kind_name = f"drawing.{drawing_format or 'html'}" if output == "-" or drawing_format else output
    drawing = make_drawing(tables, kind_name, projection=projection, max_nodes=max_nodes, title=title, negated=negated)
    write_atomically(output, drawing.content)
    if output != "-":
        click.echo(f"wrote {output} ({drawing.summary()})", err=True)


@main.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The report page to write (.html).")
@click.option("--max-nodes", type=click.IntRange(10, 50_000), default=5000, show_default=True,
              help="Keep the most active entities beyond this many nodes in the network.")
@click.option("--title", help="Page title (default: the input's file name).")
@user_errors
def report(source, output, max_nodes, title):
    """Write a one-page HTML report of SOURCE (a graph file or a store folder): documents and their
    dates, events by type over time, the most active actors and pairs, the network, and who called
    and who congratulated whom. One file, works offline.

    \b
    Example:
      newsgraph report out/graph.ttl -o out/report.html
    """
    from ..output.files import write_atomically
    from ..output.report import ReportError, report_page
    from ..output.sources import open_source

    if Path(output).suffix.lower() not in (".html", ".htm"):
        raise ReportError(f"{output}: a report is an HTML page (use .html)")
    page = report_page(open_source(source), title=title or f"{Path(source).name}: report", base=Path(output).parent,
                       max_nodes=max_nodes)
    write_atomically(output, page.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)
