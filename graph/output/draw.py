"""Drawings of the graph: a self-contained interactive HTML page (Cytoscape.js, vendored in
graph/output/assets, inlined so the page works offline) and static SVG/PNG pictures laid out by Graphviz,
whose layouts keep node labels apart (`overlap=prism`) where matplotlib would let them collide.

Both draw the entities that take part in an event, and the events: as nodes of their own in the
full projection (every event shows, a one-person statement too), as edges in the actor projection.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx

from .files import ExportError
from .networks import ACTOR, FULL, actor_pairs, event_label, event_roles, project
from .safe_text import script_json, xml_safe
from .tables import Tables

# Colours of the Okabe–Ito palette, told apart by colour-blind readers too.
ENTITY_COLOURS = {"Person": "#0072B2", "Organization": "#E69F00", "Place": "#009E73", "Thing": "#999999"}
EVENT_COLOURS = ["#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#7f3c8d", "#a5aa99", "#e73f74", "#3969ac",
                 "#80ba5a", "#f2b701", "#11a579", "#008695"]
ROLE_STYLES = {"agent": ("#333333", "solid"), "recipient": ("#333333", "dashed"), "participant": ("#777777", "solid"),
               "location": ("#009E73", "dotted"), "opponent": ("#D55E00", "dashed")}
DEFAULT_MAX_NODES = 5000
SMALL_GRAPH = 400  # nodes: up to this, neato lays out (best for small graphs); beyond, sfdp (fast, multilevel)
STATIC_FORMATS = ("svg", "png")


class DrawError(ExportError):
    """A drawing that cannot be made; the message is one line for the user."""


def event_colours(tables: Tables) -> dict[str, str]:
    types = sorted({e.type for e in tables.events})
    return {t: EVENT_COLOURS[i % len(EVENT_COLOURS)] for i, t in enumerate(types)}


def involved(tables: Tables) -> Tables:
    """Only the entities some event involves (a picture of every mentioned name is a cloud of dots)."""
    used = {entity for event in tables.events for _, entity in event_roles(event)}
    return replace(tables, entities={k: v for k, v in tables.entities.items() if k in used})


def limit(tables: Tables, max_nodes: int, projection: str) -> Tables:
    """At most `max_nodes` nodes: the most active entities and the events among them.
    A browser stays responsive at a few thousand nodes; a whole archive would not be."""
    tables = involved(tables)
    count = lambda t: len(t.entities) + (len(t.events) if projection == FULL else 0)  # noqa: E731
    if count(tables) <= max_nodes:
        return tables
    activity: dict[str, int] = {}
    for event in tables.events:
        for _, entity in event_roles(event):
            activity[entity] = activity.get(entity, 0) + 1
    ranked = sorted(tables.entities, key=lambda k: (-activity.get(k, 0), tables.entities[k].name))

    def top(k: int) -> Tables:
        kept = set(ranked[:k])
        events = tuple(e for e in tables.events if {entity for _, entity in event_roles(e)} <= kept)
        return involved(replace(tables, entities={key: tables.entities[key] for key in ranked[:k]}, events=events))

    low, high = 0, len(ranked)  # the largest k whose drawing fits: count(top(k)) grows with k
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if count(top(middle)) <= max_nodes else (low, middle - 1)
    return top(low)


def has_graphviz() -> bool:
    return shutil.which("neato") is not None and shutil.which("sfdp") is not None


def _graphviz_missing() -> DrawError:
    return DrawError("Graphviz is not installed (its 'neato' and 'sfdp' commands lay the drawing out): "
                     "install it, e.g. 'apt-get install graphviz' or 'brew install graphviz'")


def layout(graph: nx.MultiDiGraph, font_size: int = 10) -> dict[str, tuple[float, float]]:
    """Node positions in points, y downwards (screen coordinates), with labels kept apart."""
    if len(graph) == 0:
        return {}
    if not has_graphviz():
        if len(graph) > 1000:
            raise _graphviz_missing()
        # without Graphviz, small graphs still get a layout (labels may then touch)
        positions = nx.spring_layout(nx.Graph(graph), seed=1, k=2 / max(len(graph), 1) ** 0.5)
        scale = 60 * len(graph) ** 0.5
        return {n: (float(x) * scale, -float(y) * scale) for n, (x, y) in positions.items()}
    import graphviz

    engine = "neato" if len(graph) <= SMALL_GRAPH else "sfdp"
    # each node a box the size of its label, edges short: the page's labels then sit apart at zoom 1
    dot = graphviz.Graph(engine=engine, graph_attr={"overlap": "prism", "sep": "+4", "splines": "false"},
                         node_attr={"shape": "box", "fontsize": str(font_size), "margin": "0.03,0.02"},
                         edge_attr={"len": "0.5"})
    names = {node: f"n{i}" for i, node in enumerate(graph)}
    for node, data in graph.nodes(data=True):
        # the page labels an event node with its type only (the date is in its tooltip)
        label = data["type"] if data.get("kind") == "event" else data.get("label", str(node))
        dot.node(names[node], label=xml_safe(label))
    for source, target in {(s, t) for s, t in graph.edges()}:
        dot.edge(names[source], names[target])
    layout_json = json.loads(_pipe(dot, "json0"))
    by_name = {v: k for k, v in names.items()}
    positions = {}
    for item in layout_json.get("objects", []):
        if item.get("name") in by_name and "pos" in item:
            x, y = (float(v) for v in item["pos"].split(","))
            positions[by_name[item["name"]]] = (x, -y)
    return positions


# ------------------------------------------------------------------ HTML


@cache
def _asset(name: str) -> str:
    return files("graph.output").joinpath(f"assets/{name}").read_text(encoding="utf-8")


def cytoscape_elements(graph: nx.MultiDiGraph, positions: dict) -> list[dict]:
    elements = []
    for node, data in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        elements.append({"group": "nodes", "data": {"id": node, **data}, "position": {"x": x, "y": y}})
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        elements.append({"group": "edges", "data": {"id": f"edge{index}", "source": source, "target": target, **data}})
    return elements


def html_page(tables: Tables, *, projection: str = FULL, max_nodes: int = DEFAULT_MAX_NODES,
              title: str = "newsgraph") -> str:
    """One HTML file, no network needed: the graph, a legend, filters by event type and date, search."""
    shown = limit(tables, max_nodes, projection)
    graph = project(shown, projection)
    positions = layout(graph)
    hidden = len(involved(tables).entities) - len(shown.entities)
    config = {
        "title": title,
        "projection": projection,
        "elements": cytoscape_elements(graph, positions),
        "entityColours": ENTITY_COLOURS,
        "eventColours": event_colours(tables),
        "roleStyles": {role: {"colour": c, "style": s} for role, (c, s) in ROLE_STYLES.items()},
        "dates": sorted({e.date for e in shown.events if e.date}),
        "note": (f"Showing the {len(shown.entities):,} most active entities; {hidden:,} fewer active ones "
                 f"are left out (use --focus or --max-nodes)." if hidden else ""),
    }
    page = _asset("page.html")
    return (page.replace("/*TITLE*/", _html_text(title))
                .replace("/*CYTOSCAPE*/", _asset("cytoscape.min.js").replace("</script", "<\\/script"))
                .replace("/*CONFIG*/", script_json(config)))


def _html_text(text: str) -> str:
    import html

    return html.escape(text)


# ------------------------------------------------------------------ static pictures


def static_source(tables: Tables, projection: str = FULL, font_size: int = 11):
    """A Graphviz drawing: entities coloured by type; events as labelled boxes (full projection) or
    labelled arrows, several events between one pair merged into one arrow (actor projection)."""
    import graphviz

    tables = involved(tables)
    if projection == ACTOR:  # only who acted on whom; dot places edge labels where nothing else is
        paired = {entity for event in tables.events for pair in actor_pairs(event) for entity in pair}
        tables = replace(tables, entities={k: v for k, v in tables.entities.items() if k in paired})
    dot = graphviz.Digraph(engine="neato" if projection == FULL else "dot", graph_attr={
        "overlap": "prism", "sep": "+10", "splines": "true", "outputorder": "edgesfirst", "bgcolor": "white",
        "pad": "0.3", "fontname": "Helvetica", "labelloc": "b", "fontsize": str(font_size + 1)},
        node_attr={"fontname": "Helvetica", "fontsize": str(font_size), "style": "filled", "penwidth": "0"},
        edge_attr={"fontname": "Helvetica", "fontsize": str(font_size - 1), "arrowsize": "0.6"})
    names = {key: f"n{i}" for i, key in enumerate([*tables.entities, *(e.id for e in tables.events)])}
    for key, row in tables.entities.items():
        dot.node(names[key], label=xml_safe(row.name), shape="ellipse",
                 fillcolor=ENTITY_COLOURS.get(row.type, "#999999"), fontcolor="white")
    colours = event_colours(tables)
    if projection == FULL:
        for event in tables.events:
            dot.node(names[event.id], label=xml_safe(event_label(event)).replace(" ", "\n", 1), shape="box",
                     style="filled,rounded", fillcolor=colours[event.type] + "55", fontsize=str(font_size - 1))
            for role, entity in event_roles(event):
                colour, style = ROLE_STYLES[role]
                ends = (names[entity], names[event.id]) if role == "agent" else (names[event.id], names[entity])
                dot.edge(*ends, color=colour, style=style)
        stroke = {"solid": "—", "dashed": "- -"}
        legend_rows = [(ROLE_STYLES[r][0], f"{stroke.get(ROLE_STYLES[r][1], '···')} {r}")
                       for r in ROLE_STYLES]
    else:
        merged: dict[tuple[str, str], list[str]] = {}
        for event in tables.events:
            for pair in actor_pairs(event):
                merged.setdefault(pair, []).append(event_label(event))
        for (source, target), labels in merged.items():
            dot.edge(names[source], names[target], label=xml_safe("\n".join(labels)), color="#555555")
        legend_rows = []
    legend = "".join(f'<td><font color="{c}">● {t}</font></td>' for t, c in ENTITY_COLOURS.items() if t != "Thing")
    legend += "".join(f'<td><font color="{c}">{text}</font></td>' for c, text in legend_rows)
    dot.attr(label=f"<<table border='0' cellspacing='6'><tr>{legend}</tr></table>>")
    return dot


def render_static(tables: Tables, path: str | Path, projection: str = FULL) -> bytes:
    """SVG or PNG bytes of the drawing; the format is the file's extension."""
    static_format = Path(path).suffix.lower().lstrip(".")
    if static_format not in STATIC_FORMATS:
        raise DrawError(f"{path}: cannot draw to '.{static_format}' (use .html, .svg or .png)")
    if not has_graphviz():
        raise _graphviz_missing()
    source = static_source(tables, projection)
    if static_format == "png":
        source.graph_attr["dpi"] = "110"  # sharp enough for a README, not a poster
    return _pipe(source, static_format)


def _pipe(source, output_format: str) -> bytes:
    """Graphviz's output, or a one-line DrawError when it is missing or fails."""
    import graphviz

    try:
        return source.pipe(format=output_format)
    except graphviz.ExecutableNotFound:
        raise _graphviz_missing() from None
    except graphviz.CalledProcessError as error:
        said = (error.stderr or b"").decode("utf-8", errors="replace").strip().splitlines()
        raise DrawError(f"Graphviz could not lay the drawing out ({said[0] if said else 'no reason given'})") from None


def draw(tables: Tables, path: str | Path, *, projection: str = FULL, max_nodes: int = DEFAULT_MAX_NODES,
         title: str = "newsgraph") -> bytes:
    """The bytes of a drawing for `path`: an HTML page for .html, a picture for .svg or .png."""
    if projection not in (ACTOR, FULL):
        raise DrawError(f"unknown projection '{projection}' (known: {ACTOR}, {FULL})")
    if not tables.events:
        raise DrawError("the graph has no events to draw")
    if Path(path).suffix.lower() in (".html", ".htm"):
        return html_page(tables, projection=projection, max_nodes=max_nodes, title=title).encode("utf-8")
    return render_static(limit(tables, max_nodes, projection), path, projection)
