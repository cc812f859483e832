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

    with Store(store_dir, create=False, read_only=True) as store:
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
              metavar="SECONDS", help="End a query (503) still running this long after it arrived.")
@click.option("--max-result-mb", default=16.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Refuse results larger than this many megabytes (the client should add a LIMIT).")
@click.option("--max-query-mb", default=500.0, show_default=True, type=click.FloatRange(min=50),
              help="End a query (503) whose worker process grows past this much resident memory.")
@click.option("--max-queries", default=8, show_default=True, type=click.IntRange(2, 64),
              help="Queries running at once (one worker process each); more wait in a queue.")
@click.option("--max-long-queries", type=click.IntRange(1, 63), metavar="N",
              help="Of those, how many may run longer than a second (default: half): "
                   "the rest stay free for quick queries.")
@click.option("--update-token", envvar="NEWSGRAPH_UPDATE_TOKEN", metavar="TOKEN",
              help="Accept SPARQL updates from clients sending 'Authorization: Bearer TOKEN' "
                   "(or set NEWSGRAPH_UPDATE_TOKEN). Without it the endpoint is read-only.")
@click.option("--cors", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let pages from this origin (e.g. https://newsroom.example) query from a browser; repeatable.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this Host name (default: the --host address and localhost); "
                   "repeatable. Needed behind a proxy or when clients use the machine's name.")
@click.option("--allow-federation", "federation_hosts", multiple=True, metavar="HOST[:PORT]",
              help="Let SERVICE (and LOAD in updates) reach this host; repeatable. Default: none.")
@click.option("--request-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              metavar="SECONDS", help="Close a connection whose request headers (or body) take longer to arrive.")
@click.option("--idle-timeout", default=5.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              metavar="SECONDS", help="Close a keep-alive connection idle this long.")
@user_errors
def serve(store_dir, host, port, timeout, max_result_mb, max_query_mb, max_queries, max_long_queries, update_token,
          cors_origins, allowed_hosts, federation_hosts, request_timeout, idle_timeout):
    """Serve a store as a SPARQL 1.1 endpoint (/sparql) with a query page (/).

    Each query runs in a worker process that is ended at --timeout or --max-query-mb; SERVICE and
    LOAD are refused unless --allow-federation names the host.

    \b
    Example:
      newsgraph serve --store out/store
      newsgraph serve --store out/store --host 0.0.0.0 --allow-host graph.newsroom.example
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql
    """
    from ..store import Store
    from ..store.federation import check_federation
    from ..store.serve import ServerConfig, make_server

    for entry in federation_hosts:  # a malformed entry is an error now, not at the first SERVICE
        check_federation(f"SELECT * {{ SERVICE <http://{entry}/> {{}} }}", [entry])
    long_queries = max_long_queries or max(1, max_queries // 2)
    if long_queries >= max_queries:
        fail("--max-long-queries must be smaller than --max-queries (some workers stay for quick queries)")
    config = ServerConfig(timeout=timeout, max_result_bytes=int(max_result_mb * 1_000_000), update_token=update_token,
                          workers=max_queries, max_long_queries=long_queries,
                          max_query_bytes=int(max_query_mb * 1_000_000), request_timeout=request_timeout,
                          idle_timeout=idle_timeout, cors_origins=tuple(cors_origins),
                          allowed_hosts=tuple(allowed_hosts), federation_hosts=tuple(federation_hosts))
    with Store(store_dir, create=False) as store:
        server = make_server(store, host, port, config)
        mode = "accepts updates with its token" if update_token else "read-only"
        click.echo(f"serving {store_dir} at {server.url} (SPARQL endpoint {server.url}sparql, {mode}); Ctrl-C stops",
                   err=True)
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        click.echo("stopped", err=True)


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
        with Store(store_dir, create=False, read_only=True) as store:
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
