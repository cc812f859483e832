"""`newsgraph report`: one offline HTML page with a corpus at a glance: its documents and their date
span, events by type over time, the most active actors and pairs, the interactive network and the
answers of the bundled who-called-whom and who-congratulated-whom queries.

Every figure is computed here from the same tables and views as the drawings, so the page and the
network it embeds agree; the tables come from the bundled SPARQL, as `newsgraph query` prints them.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from pathlib import Path

from ..errors import NewsgraphError
from ..rdf.ontology import bundled_queries
from ..rdf.palette import Palette, default_palette
from ..store.query import select
from .chart import events_over_time
from .networks import ACTOR, event_roles
from .page import DEFAULT_MAX_NODES, asset, fill, network_parts, page_config
from .sources import Source
from .tables import Tables, read_tables
from .views import ActorEdge, actor_edges, pair_summary, without_negated

TOP = 12  # rows of the "most active" tables
REPORT_QUERIES = ("who-called-whom", "who-congratulated-whom")
KIND_PLURALS = {"Person": "people", "Organization": "organizations", "Place": "places", "Group": "groups of people"}


class ReportError(NewsgraphError):
    """A report that cannot be made; the message is one line for the user."""


def _table(header: list[str], rows: list[list[str]], empty: str, numeric: tuple[int, ...] = ()) -> str:
    """An HTML table of already-escaped cells."""
    if not rows:
        return f'<p class="note">{html.escape(empty)}</p>'
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{html.escape(h)}</th>' for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(f'<td{" class=num" if i in numeric else ""}>{cell}</td>'
                                    for i, cell in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def overview(tables: Tables) -> str:
    """Documents, their date span, events and entities, in a sentence or two."""
    dates = sorted(row.date for row in tables.documents.values() if row.date)
    undated = len(tables.documents) - len(dates)
    span = (f"published {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1]
            else f"published {dates[0]}" if dates else "none dated")
    kinds = Counter(row.type for row in tables.entities.values())
    entities = ", ".join(f"{kinds[k]:,} {plural}" for k, plural in KIND_PLURALS.items() if kinds[k])
    negated = sum(e.negated for e in tables.events)
    event_dates = sorted(e.date for e in tables.events if e.date)
    happened = f"dated {event_dates[0]} to {event_dates[-1]}" if event_dates else "none dated"
    involved = {entity for e in tables.events for _, entity in event_roles(e)}
    return (f"<p class=lead><b>{len(tables.documents):,}</b> document{'s' if len(tables.documents) != 1 else ''}, "
            f"{html.escape(span)}{f' ({undated:,} undated)' if undated else ''}. "
            f"<b>{len(tables.events):,}</b> events ({html.escape(happened)}"
            f"{f'; {negated:,} the text says did not happen' if negated else ''}) "
            f"involving <b>{len(involved & set(tables.entities)):,}</b> of the {len(tables.entities):,} entities named "
            f"({html.escape(entities or 'none')}).</p>")


def most_active_actors(tables: Tables, edges: list[ActorEdge]) -> str:
    events = Counter(entity for e in tables.events for entity in dict.fromkeys(x for _, x in event_roles(e)))
    statements = Counter(e.agent for e in tables.events if e.type == "Statement" and e.agent)
    partners: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        partners[edge.source].add(edge.target)
        partners[edge.target].add(edge.source)
    ranked = sorted(events, key=lambda k: (-events[k], tables.name(k)))[:TOP]
    rows = [[html.escape(tables.name(k)), html.escape(tables.entities[k].type if k in tables.entities else "untyped"),
             f"{events[k]:,}", f"{len(partners[k]):,}", f"{statements[k]:,}"] for k in ranked]
    return _table(["entity", "kind", "events", "partners", "statements"], rows, "No entity takes part in an event.",
                  numeric=(2, 3, 4))


def most_active_pairs(tables: Tables, edges: list[ActorEdge], palette: Palette) -> str:
    pairs: dict[tuple[str, str], list[ActorEdge]] = defaultdict(list)
    for edge in edges:
        pairs[tuple(sorted((edge.source, edge.target)))].append(edge)
    total = {pair: sum(len(e.events) for e in group) for pair, group in pairs.items()}
    ranked = sorted(pairs, key=lambda p: (-total[p], tables.name(p[0]), tables.name(p[1])))[:TOP]
    rows = [[html.escape(tables.name(a)), html.escape(tables.name(b)),
             html.escape(pair_summary(palette, pairs[(a, b)])), f"{total[(a, b)]:,}"] for a, b in ranked]
    return _table(["one", "the other", "between them", "events"], rows, "No event joins two entities.", numeric=(3,))


def query_tables(source: Source) -> str:
    """The bundled queries' answers as HTML tables, with the command that prints them."""
    queries, parts = bundled_queries(), []
    for name in REPORT_QUERIES:
        table = select(source.store, queries[name])
        rows = [[html.escape(cell or "") for cell in row] for row in table.rows]
        parts.append(f'<section><h2>{html.escape(name.replace("-", " ").capitalize())}</h2>'
                     f'<p class="note"><code>newsgraph query GRAPH --name {html.escape(name)}</code></p>'
                     f'<div class="scroll">{_table(list(table.variables), rows, "No answer.")}</div></section>')
    return "".join(parts)


def report_page(source: Source, *, title: str = "newsgraph report", base: Path | None = None,
                max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """The report's HTML (one file, no network needed)."""
    palette = default_palette()
    tables = read_tables(source.store)
    if not tables.documents and not tables.events:
        raise ReportError("the graph holds no documents and no events to report on")
    happened = without_negated(tables)
    edges = actor_edges(happened)
    config = page_config(tables, projection=ACTOR, max_nodes=max_nodes, title=title, base=base, palette=palette)
    sections = {
        "<!--OVERVIEW-->": overview(tables),
        "<!--CHART-->": events_over_time(list(happened.events), palette),
        "<!--ACTORS-->": most_active_actors(happened, edges),
        "<!--PAIRS-->": most_active_pairs(happened, edges, palette),
        "<!--QUERIES-->": query_tables(source),
    }
    page = fill(asset("report.html"), {"<!--NETWORK-->": asset("network.html").replace("/*TITLE*/", "Network")})
    return fill(page, {"/*TITLE*/": html.escape(title), **sections, **network_parts(config)})
