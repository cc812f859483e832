"""`newsgraph draw`: a self-contained interactive HTML page (page.py) or a static SVG/PNG picture
(static.py), of the whole graph or of one entity's neighbourhood.

Both start from the same tables and the same views (views.py) and speak one visual language, read
from the ontology (graph/rdf/palette.py). Events the text says did not happen are left out of the
pictures unless asked for; the page carries them behind a checkbox.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .networks import ACTOR, FULL
from .page import DEFAULT_MAX_NODES, html_page, page_config, render_page, shown_at_start
from .static import DrawError, has_graphviz, render_static, static_source
from .tables import Tables
from .views import involved, limit, without_negated

__all__ = ["ACTOR", "DEFAULT_MAX_NODES", "FULL", "DrawError", "Drawing", "draw", "has_graphviz", "html_page",
           "involved", "limit", "page_config"]


@dataclass(frozen=True)
class Drawing:
    """The bytes of a drawing and what it shows: the command reports these counts, not the input's."""

    content: bytes
    entities: int  # drawn (in the first view, for a page)
    events: int
    left_out: int  # entities left out by the node limit

    def summary(self) -> str:
        left = f"; {self.left_out:,} less active entities left out (--max-nodes)" if self.left_out else ""
        return f"{self.entities:,} entities, {self.events:,} events{left}"


def draw(tables: Tables, path: str | Path, *, projection: str = ACTOR, max_nodes: int = DEFAULT_MAX_NODES,
         title: str = "newsgraph", negated: bool = False) -> Drawing:
    """A drawing for `path`: an HTML page for .html, a picture for .svg or .png. `negated`: draw the
    events the text says did not happen too (the page always carries them, hidden until asked)."""
    if projection not in (ACTOR, FULL):
        raise DrawError(f"unknown projection '{projection}' (known: {ACTOR}, {FULL})")
    if not tables.events:
        raise DrawError("the graph has no events to draw")
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        config = page_config(tables, projection=projection, max_nodes=max_nodes, title=title, base=path.parent,
                             negated=negated)
        entities, events = shown_at_start(config)
        return Drawing(render_page(config).encode("utf-8"), entities, events, config["views"][projection]["leftOut"])
    chosen = tables if negated else without_negated(tables)
    if not chosen.events:
        raise DrawError("every event of the graph is one the text says did not happen (add --negated to draw them)")
    shown = limit(chosen, max_nodes, projection)
    drawing = static_source(shown, projection)
    return Drawing(render_static(drawing, path), drawing.entities, drawing.events,
                   len(involved(chosen).entities) - len(shown.entities))
