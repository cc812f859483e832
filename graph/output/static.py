"""Static pictures (SVG, PNG) laid out by Graphviz, whose layouts keep node labels apart
(`overlap=prism`) where matplotlib would let them collide.

They speak the page's visual language (graph/rdf/palette.py): the same colours per class, arrows
from the agent to the recipient, planned events dashed. The actor view draws one labelled edge per
pair and type ("3 phone calls"), as wide as its count, and folds statements into their speaker's
label; the full view draws events as boxes with role edges agent → event → recipient.
"""
from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..rdf.palette import Palette, default_palette
from .files import ExportError
from .networks import ACTOR, FULL, event_roles
from .safe_text import xml_safe
from .tables import Tables
from .views import actor_edges, count_label, folded_events, involved

STATIC_FORMATS = ("svg", "png")


class DrawError(ExportError):
    """A drawing that cannot be made; the message is one line for the user."""


@dataclass(frozen=True)
class StaticDrawing:
    """A Graphviz drawing and what it holds, so that what the command reports is what it drew."""

    source: object  # graphviz.Digraph
    entities: int
    events: int


def has_graphviz() -> bool:
    return shutil.which("neato") is not None and shutil.which("dot") is not None


def graphviz_missing() -> DrawError:
    return DrawError("Graphviz is not installed (its 'neato' and 'dot' commands lay the drawing out): "
                     "install it, e.g. 'apt-get install graphviz' or 'brew install graphviz'")


def _legend(palette: Palette, kinds: set[str], types: set[str], projection: str) -> str:
    """An HTML-like Graphviz label: the entity kinds, the event types drawn, and what the lines mean."""
    cells = [f'<td><font color="{c}">●</font> {k}</td>' for k, c in palette.entities.items() if k in kinds]
    cells += [f'<td><font color="{palette.event(t).colour}">■</font> {xml_safe(palette.event(t).label)}</td>'
              for t in sorted(types, key=lambda t: palette.event(t).label)]
    stroke = {"solid": "—", "dashed": "- -", "dotted": "···"}
    if projection == FULL:
        cells += [f'<td><font color="{s.colour}">{stroke[s.line]} {r}{" →" if s.arrowhead else ""}</font></td>'
                  for r, s in palette.roles.items()]
    else:
        cells.append('<td><font color="#555555">→ agent to recipient</font></td>')
    cells.append(f'<td><font color="#555555">{stroke[palette.planned_line]} planned</font></td>')
    rows = [cells[i:i + 8] for i in range(0, len(cells), 8)]
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return f"<<table border='0' cellspacing='6'>{body}</table>>"


def static_source(tables: Tables, projection: str = ACTOR, font_size: int = 11,
                  palette: Palette | None = None) -> StaticDrawing:
    """The Graphviz drawing of these tables (negated events already left out by the caller)."""
    import graphviz

    palette = palette or default_palette()
    tables = involved(tables)
    dot = graphviz.Digraph(engine="neato" if projection == FULL else "dot", graph_attr={
        "overlap": "prism", "sep": "+10", "splines": "true", "outputorder": "edgesfirst", "bgcolor": "white",
        "pad": "0.3", "fontname": "Helvetica", "labelloc": "b", "fontsize": str(font_size + 1)},
        node_attr={"fontname": "Helvetica", "fontsize": str(font_size), "style": "filled", "penwidth": "0"},
        edge_attr={"fontname": "Helvetica", "fontsize": str(font_size - 1), "arrowsize": "0.6"})
    names = {key: f"n{i}" for i, key in enumerate([*tables.entities, *(e.id for e in tables.events)])}
    folded = folded_events(tables) if projection == ACTOR else {}
    by_id = {e.id: e for e in tables.events}
    for key, row in tables.entities.items():
        label = row.name
        if folded.get(key):  # "Karine Jean-Pierre\n3 statements"; a place: "4 statements (as place)"
            counts = Counter((by_id[i].type, by_id[i].planned, by_id[i].negated, key not in by_id[i].entity_ids())
                             for i in folded[key])
            label += "\n" + ", ".join(count_label(palette, t, n, planned, negated) + (" (as place)" if place else "")
                                      for (t, planned, negated, place), n in sorted(counts.items()))
        dot.node(names[key], label=xml_safe(label), shape="ellipse", fillcolor=palette.entity(row.type),
                 fontcolor="white")
    if projection == FULL:
        for event in tables.events:
            planned = palette.planned_line if event.planned else None
            name = palette.event(event.type).label + (" (planned)" if planned else "")
            name = ("not " if event.negated else "") + name
            dot.node(names[event.id], label=xml_safe(name + (f"\n{event.date}" if event.date else "")), shape="box",
                     style="filled,rounded" + (f",{planned}" if planned else ""), penwidth="1.2" if planned else "0",
                     color="#333333", fillcolor=palette.event(event.type).colour + "66", fontsize=str(font_size - 1))
            for role, entity in event_roles(event):
                style = palette.roles[role]
                ends = (names[entity], names[event.id]) if role == "agent" else (names[event.id], names[entity])
                dot.edge(*ends, color=style.colour, style=planned or style.line,
                         arrowhead="normal" if style.arrowhead else "none")
        events, types = len(tables.events), {e.type for e in tables.events}
    else:
        drawn, edges = set(), actor_edges(tables)
        types = {edge.type for edge in edges}
        for edge in edges:
            count = len(edge.events)
            drawn.update(edge.events)
            dot.edge(names[edge.source], names[edge.target],
                     label=xml_safe(count_label(palette, edge.type, count, edge.planned, edge.negated)),
                     color=palette.event(edge.type).colour, fontcolor="#333333", penwidth=f"{min(1 + count, 8):g}",
                     style=palette.planned_line if edge.planned else "solid",
                     arrowhead="normal" if edge.directed else "none")
        events = len(drawn | {i for ids in folded.values() for i in ids})
    dot.attr(label=_legend(palette, {row.type for row in tables.entities.values()}, types, projection))
    return StaticDrawing(dot, len(tables.entities), events)


def render_static(drawing: StaticDrawing, path: str | Path) -> bytes:
    """SVG or PNG bytes of the drawing; the format is the file's extension."""
    static_format = Path(path).suffix.lower().lstrip(".")
    if static_format not in STATIC_FORMATS:
        raise DrawError(f"{path}: cannot draw to '.{static_format}' (use .html, .svg or .png)")
    if not has_graphviz():
        raise graphviz_missing()
    source = drawing.source
    if static_format == "png":
        source.graph_attr["dpi"] = "110"  # sharp enough for a README, not a poster
    return pipe(source, static_format)


def pipe(source, output_format: str) -> bytes:
    """Graphviz's output, or a one-line DrawError when it is missing or fails."""
    import graphviz

    try:
        return source.pipe(format=output_format)
    except graphviz.ExecutableNotFound:
        raise graphviz_missing() from None
    except graphviz.CalledProcessError as error:
        said = (error.stderr or b"").decode("utf-8", errors="replace").strip().splitlines()
        raise DrawError(f"Graphviz could not lay the drawing out ({said[0] if said else 'no reason given'})") from None
