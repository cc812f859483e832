"""The interactive network as one offline HTML file: Cytoscape.js with the fcose layout (vendored in
graph/output/assets, inlined), the page's own script and style, and the graph as JSON.

The JSON holds each entity, event and document once; the two views (actor network, every event)
refer to them by index, so the page can switch views, filter by type and date, and list the
events behind a node or an edge without asking anything of a server.
"""
from __future__ import annotations

import html
import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from ..rdf.palette import Palette, default_palette
from .networks import ACTOR, FULL, event_roles
from .safe_text import script_json
from .tables import DocumentRow, Tables
from .views import actor_degree, actor_edges, communities, folded_events, full_degree, hubs, involved, limit

DEFAULT_MAX_NODES = 5000
# in load order, each with its licence: cytoscape.min.js carries its own, the others' builds carry none
LIBRARIES = {"cytoscape.min.js": None, "layout-base.js": "layout-base.LICENSE", "cose-base.js": "cose-base.LICENSE",
             "cytoscape-fcose.js": "cytoscape-fcose.LICENSE"}
OWN_SCRIPTS = ("timeline.js", "network.js", "details.js")  # the page's own, after CONFIG


@cache
def asset(name: str) -> str:
    return files("graph.output").joinpath(f"assets/{name}").read_text(encoding="utf-8")


def _script(text: str) -> str:
    """Text to put between <script> and </script>: a library's own '</script' would end it early."""
    return text.replace("</script", "<\\/script")


def _licence(name: str | None) -> str:
    """A library's licence as a comment in front of its inlined code, so the page keeps it."""
    if name is None:
        return ""
    return "/*! " + asset(name).replace("*/", "* /").strip() + " */\n"


def document_link(row: DocumentRow, base: Path) -> str | None:
    """Where the page can open a document: its web address, else the file it was read from, as a path
    relative to the page's folder (no absolute path of this machine goes into a page someone may share)."""
    if row.url and row.url.lower().startswith(("https://", "http://")):
        return row.url
    if row.source and Path(row.source).is_file():
        relative = Path(os.path.relpath(Path(row.source).resolve(), base.resolve())).as_posix()
        return relative if relative.startswith("../") else "./" + relative  # never read as a scheme ("x:…")
    return None


def page_config(tables: Tables, *, projection: str = ACTOR, max_nodes: int = DEFAULT_MAX_NODES,
                title: str = "newsgraph", base: Path | None = None, palette: Palette | None = None,
                negated: bool = False) -> dict:
    """The JSON the page script draws from. `negated`: show the events the text says did not happen
    from the start (they are always in the page, behind a checkbox)."""
    palette = palette or default_palette()
    drawn = involved(tables)
    actor, full = limit(tables, max_nodes, ACTOR), limit(tables, max_nodes, FULL)
    events = [e for e in drawn.events if e.id in {x.id for x in actor.events} | {x.id for x in full.events}]
    entity_ids = list(dict.fromkeys([*actor.entities, *full.entities,
                                     *(entity for e in events for _, entity in event_roles(e))]))
    entity_index = {key: i for i, key in enumerate(entity_ids)}
    event_index = {e.id: i for i, e in enumerate(events)}
    documents = list(tables.documents.values())
    document_index = {row.id: i for i, row in enumerate(documents)}
    edges = actor_edges(actor)
    community = communities(list(actor.entities), [e for e in edges if not e.planned])
    names = {key: tables.name(key) for key in entity_ids}

    def entity_json(key: str) -> dict:
        row = tables.entities.get(key)
        return _compact(id=key, label=names[key], type=row.type if row else "Thing",
                        aliases="; ".join(row.aliases) if row else None, roles="; ".join(row.roles) if row else None,
                        mentions=row.mentions if row else None, community=community.get(key, len(community)))

    def event_json(e) -> dict:
        ref = entity_index.get
        return _compact(id=e.id, type=e.type, date=e.date, planned=e.planned or None, negated=e.negated or None,
                        agent=ref(e.agent), recipient=ref(e.recipient), participants=[ref(p) for p in e.participants],
                        location=ref(e.location), opponent=ref(e.opponent), sentence=e.sentence, quote=e.quote,
                        topic=e.topic, document=document_index.get(e.document))

    def view_json(shown: Tables, degree: dict[str, int]) -> dict:
        keys = list(shown.entities)
        return {"entities": [entity_index[k] for k in keys], "degree": [degree.get(k, 0) for k in keys],
                "hubs": [entity_index[k] for k in hubs({k: degree.get(k, 0) for k in keys}, names)],
                "leftOut": len(drawn.entities) - len(shown.entities)}

    base = base if base is not None else Path.cwd()
    return {
        "title": title,
        "start": projection,
        "showNegated": negated,
        "maxNodes": max_nodes,
        "palette": palette.as_json(),
        "entities": [entity_json(key) for key in entity_ids],
        "events": [event_json(e) for e in events],
        "documents": [_compact(id=row.id, title=row.title, date=row.date, href=document_link(row, base))
                      for row in documents],
        "views": {
            ACTOR: {**view_json(actor, actor_degree(list(actor.entities), edges)),
                    "edges": [_compact(s=entity_index[e.source], t=entity_index[e.target], type=e.type,
                                       directed=e.directed or None, planned=e.planned or None,
                                       negated=e.negated or None, events=[event_index[i] for i in e.events])
                              for e in edges],
                    "folded": {entity_index[k]: [event_index[i] for i in ids]
                               for k, ids in folded_events(actor).items() if k in entity_index}},
            FULL: {**view_json(full, full_degree(full.events)), "events": [event_index[e.id] for e in full.events]},
        },
        "totals": {"entities": len(drawn.entities), "unused": len(tables.entities) - len(drawn.entities),
                   "events": len(tables.events)},
    }


def _compact(**values) -> dict:
    """Leave out what is unknown, so that a large page carries no columns of nulls."""
    return {k: v for k, v in values.items() if v is not None and v != "" and v != []}


def network_parts(config: dict) -> dict[str, str]:
    """The pieces a page or the report puts together: the markup, the style and the scripts."""
    libraries = "".join(f"<script>{_licence(licence)}{_script(asset(name))}</script>\n"
                        for name, licence in LIBRARIES.items())
    return {"/*NETWORK_STYLE*/": asset("network.css"),
            "<!--SCRIPTS-->": (f"{libraries}<script>const CONFIG = {script_json(config)};\n</script>\n"
                               + "".join(f"<script>{_script(asset(name))}</script>\n" for name in OWN_SCRIPTS))}


def fill(template: str, parts: dict[str, str]) -> str:
    """The template with each placeholder replaced in one pass: what goes in (a library, the graph's
    text) is never searched for placeholders itself."""
    pattern = re.compile("|".join(re.escape(placeholder) for placeholder in parts))
    return pattern.sub(lambda match: parts[match.group()], template)


def shown_at_start(config: dict) -> tuple[int, int]:
    """(entities, events) the page shows when it opens, before any filter is touched: what the page
    script shows too (tested in Chromium), so the command can report it."""
    view, events = config["views"][config["start"]], config["events"]
    visible = {i for i, e in enumerate(events) if config["showNegated"] or not e.get("negated")}
    if "edges" in view:
        entities = {end for e in view["edges"] if visible & set(e["events"]) for end in (e["s"], e["t"])}
        entities |= {int(k) for k, ids in view["folded"].items() if visible & set(ids)}
        shown = {i for e in view["edges"] for i in e["events"]} | {i for ids in view["folded"].values() for i in ids}
    else:
        shown = set(view["events"])
        entities = {x for i in shown & visible for x in _parties(events[i])}
    return len(entities), len(shown & visible)


def _parties(event: dict) -> set[int]:
    found = {event.get(k) for k in ("agent", "recipient", "location", "opponent")} | set(event.get("participants", []))
    return found - {None}


def html_page(tables: Tables, *, projection: str = ACTOR, max_nodes: int = DEFAULT_MAX_NODES,
              title: str = "newsgraph", base: Path | None = None, negated: bool = False) -> str:
    """One HTML file, no network needed: the actor network and every event, one click apart; a legend,
    filters by event type, a timeline to brush dates with, search, and the events behind each node."""
    return render_page(page_config(tables, projection=projection, max_nodes=max_nodes, title=title, base=base,
                                   negated=negated))


def render_page(config: dict) -> str:
    title = config["title"]
    page = fill(asset("page.html"), {"<!--NETWORK-->": asset("network.html")})  # it holds a /*TITLE*/ too
    return fill(page, {"/*TITLE*/": html.escape(title), **network_parts(config)})


__all__ = ["ACTOR", "FULL", "DEFAULT_MAX_NODES", "html_page", "page_config", "render_page", "shown_at_start"]
