"""remove, stats, serve, push: the commands of a store folder (build --store and query are elsewhere); completion."""
from __future__ import annotations

import json

import click

from . import fail, main, user_errors

_STORE_OPTION = click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False),
                             help="The store folder (made by `newsgraph build INPUT... --store DIR`).")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@main.command()
@click.argument("doc_ids", nargs=-1, required=True)
@_STORE_OPTION
@user_errors
def remove(doc_ids, store_dir):
    """Remove documents (by id or IRI) and their triples from a store.

    Entities other documents mention stay, with what those documents say of them.

    \b
    Example:
      newsgraph remove --store out/store biden-calls-trump
      newsgraph remove --store out/store https://w3id.org/newsgraph/id/document/biden-calls-trump
    """
    from ..store import Store

    with Store(store_dir, create=False) as store:
        removed = store.remove(doc_ids)
        left = len(store.document_iris())
    for iri in removed:
        click.echo(iri)
    click.echo(f"removed {_plural(len(removed), 'document')} from {store_dir} (it holds {left})", err=True)


@main.command()
@_STORE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@user_errors
def stats(store_dir, as_json):
    """Count a store's documents, entities, events by type and triples.

    \b
    Example:
      newsgraph stats --store out/store
      newsgraph stats --store out/store --json
    """
    from ..store import Store

    with Store(store_dir, create=False) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures.as_dict(), indent=2))
        return
    kinds = ", ".join(f"{kind} {n}" for kind, n in figures.entities_by_kind)
    click.echo(f"documents  {figures.documents}")
    click.echo(f"entities   {figures.entities}" + (f"  ({kinds})" if kinds else ""))
    click.echo(f"events     {figures.events}")
    width = max((len(kind) for kind, _ in figures.events_by_type), default=0)
    for kind, n in figures.events_by_type:
        click.echo(f"  {kind:{width}}  {n}")
    click.echo(f"triples    {figures.triples}")


@main.command()
@_STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              metavar="SECONDS", help="Answer 503 to a query still running after this long.")
@click.option("--max-result-mb", default=16.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Refuse results larger than this many megabytes (the client should add a LIMIT).")
@click.option("--update-token", envvar="NEWSGRAPH_UPDATE_TOKEN", metavar="TOKEN",
              help="Accept SPARQL updates from clients sending 'Authorization: Bearer TOKEN' "
                   "(or set NEWSGRAPH_UPDATE_TOKEN). Without it the endpoint is read-only.")
@user_errors
def serve(store_dir, host, port, timeout, max_result_mb, update_token):
    """Serve a store as a SPARQL 1.1 endpoint (/sparql) with a query page (/).

    \b
    Example:
      newsgraph serve --store out/store
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql
    """
    from ..store import Store
    from ..store.serve import ServerConfig, make_server

    config = ServerConfig(timeout=timeout, max_result_bytes=int(max_result_mb * 1_000_000), update_token=update_token)
    with Store(store_dir, create=False) as store:
        server = make_server(store, host, port, config)
        mode = "accepts updates with its token" if update_token else "read-only"
        click.echo(f"serving {store_dir} at {server.url} (SPARQL endpoint {server.url}sparql, {mode}); Ctrl-C stops",
                   err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
        finally:
            server.server_close()


@main.command()
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False))
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Push this store instead of a GRAPH_FILE.")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL of the triple store (with --method update: its SPARQL Update URL).")
@click.option("--update-endpoint", metavar="URL",
              help="SPARQL Update URL, for --method update/auto and --merge-default (default: --endpoint).")
@click.option("--method", type=click.Choice(["auto", "gsp", "update"]), default="auto", show_default=True,
              help="auto: the Graph Store Protocol, or SPARQL Update when the endpoint lacks it.")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="For a triples file (.ttl, .nt, .jsonld, .rdf): the graph to replace (default: the default graph).")
@click.option("--merge-default", is_flag=True,
              help="Then make the endpoint's default graph the merge of its named graphs (for stores whose union "
                   "graph counts shared triples twice, such as Oxigraph 0.5 and Virtuoso).")
@click.option("--no-ontology", is_flag=True,
              help="Do not send the ontology's graph (queries over event classes need it).")
@click.option("--user", help="User name for HTTP Basic (or --digest) authentication.")
@click.option("--password", envvar="NEWSGRAPH_PUSH_PASSWORD", help="Password (or set NEWSGRAPH_PUSH_PASSWORD).")
@click.option("--digest", is_flag=True, help="Send --user/--password with HTTP Digest (Virtuoso's *-auth endpoints).")
@click.option("--token", envvar="NEWSGRAPH_PUSH_TOKEN", help="Bearer token (or set NEWSGRAPH_PUSH_TOKEN).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              metavar="SECONDS", help="How long to wait for each answer.")
@user_errors
def push(graph_file, store_dir, endpoint, update_endpoint, method, graph_iri, merge_default, no_ontology,
         user, password, digest, token, timeout):
    """Send a graph file or a store to an external triple store, one named graph per document,
    each replacing the graph of the same name there.

    \b
    Example:
      newsgraph push --store out/store --endpoint http://localhost:7879/store \\
          --update-endpoint http://localhost:7879/update --merge-default          # Oxigraph server
      newsgraph push out/graph.trig --endpoint http://localhost:3030/news/data --user admin  # Fuseki
    """
    from ..store import Store
    from ..store.push import Endpoint, file_payloads, store_payloads
    from ..store.push import push as push_graphs

    if (graph_file is None) == (store_dir is None):
        fail("give exactly one of GRAPH_FILE and --store DIR")
    if token and user:
        fail("give --user/--password or --token, not both")
    target = Endpoint(url=endpoint, update_url=update_endpoint, method=method, user=user, password=password,
                      token=token, digest=digest, timeout=timeout)
    if store_dir is not None:
        with Store(store_dir, create=False) as store:
            report = push_graphs(store_payloads(store, ontology=not no_ontology), target, merge_default=merge_default)
    else:
        payloads = file_payloads(graph_file, graph=graph_iri, ontology=not no_ontology)
        report = push_graphs(payloads, target, merge_default=merge_default)
    via = "the Graph Store Protocol" if report.method == "gsp" else "SPARQL Update"
    click.echo(f"pushed {_plural(report.graphs, 'graph')} ({_plural(report.triples, 'triple')}) "
               f"to {endpoint if report.method == 'gsp' else update_endpoint or endpoint} by {via}", err=True)


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell):
    """Print the script that completes newsgraph's commands and options in SHELL.

    \b
    Example:
      newsgraph completion bash > ~/.newsgraph-complete.bash    # then in ~/.bashrc:
      . ~/.newsgraph-complete.bash
      newsgraph completion zsh > ~/.newsgraph-complete.zsh      # then in ~/.zshrc: . ~/.newsgraph-complete.zsh
      newsgraph completion fish > ~/.config/fish/completions/newsgraph.fish
    """
    from click.shell_completion import get_completion_class

    script = get_completion_class(shell)(main, {}, "newsgraph", "_NEWSGRAPH_COMPLETE").source()
    click.echo(script)
