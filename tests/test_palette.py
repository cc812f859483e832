"""One visual language: colours and line styles declared once in the ontology, read through the rdf
layer, used alike by the page, the pictures and the report; colours a colour-blind reader tells apart."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ontology_copy
from rdflib import Literal

from graph.output.draw import draw, has_graphviz, page_config
from graph.output.tables import EntityRow, EventRow, Tables
from graph.rdf.lexicon import default_lexicon
from graph.rdf.palette import PaletteError, default_palette, palette_from_graph
from graph.rdf.vocab import NG

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from palette_check import closest_pair  # noqa: E402

MIN_DELTA_E = 10  # CIEDE2000: two colours this far apart are told apart at a glance


def test_every_event_class_has_its_colour_and_plural_in_the_ontology():
    palette = default_palette()
    assert set(palette.events) == {c.name for c in default_lexicon().classes}
    assert len({s.colour for s in palette.events.values()}) == len(palette.events)
    assert palette.events["PhoneCall"].plural == "phone calls" and palette.events["PhoneCall"].label == "Phone call"
    assert set(palette.roles) == {"agent", "recipient", "participant", "location", "opponent"}
    assert palette.planned_line == "dashed" and all(s.line != "dashed" for s in palette.roles.values())


@pytest.mark.parametrize("group", ["events", "entities"])
def test_colours_stay_apart_for_colour_blind_readers(group):
    palette = default_palette()
    colours = {n: s.colour for n, s in palette.events.items()} if group == "events" else dict(palette.entities)
    distance, a, b, vision = closest_pair(colours)
    assert distance >= MIN_DELTA_E, f"{a} and {b} are only {distance:.1f} apart ({vision})"


def test_the_palette_is_read_from_the_ontology_and_checked():
    edited = ontology_copy()
    edited.set((NG.Statement, NG.colour, Literal("#123456")))
    assert palette_from_graph(edited).events["Statement"].colour == "#123456"
    edited.remove((NG.Statement, NG.colour, None))
    with pytest.raises(PaletteError, match="Statement needs exactly one ng:colour"):
        palette_from_graph(edited)
    edited.set((NG.Statement, NG.colour, Literal("blue")))
    with pytest.raises(PaletteError, match="not an sRGB colour"):
        palette_from_graph(edited)
    edited.set((NG.Statement, NG.colour, Literal("#123456")))
    edited.set((NG.planned, NG.lineStyle, Literal("wavy")))
    with pytest.raises(PaletteError, match="wavy"):
        palette_from_graph(edited)


def small_graph() -> Tables:
    """A drawing with other types than the seed's, so colours by position would differ."""
    entities = {f"urn:{n}": EntityRow(f"urn:{n}", "Person", n, (), (), 1) for n in "AB"}
    events = (EventRow("urn:e1", "Statement", "2024-01-01", False, False, "urn:A", None, (), None, None, "A said.", "d"),
              EventRow("urn:e2", "Visit", "2024-01-02", False, False, "urn:A", "urn:B", (), None, None, "A went.", "d"))
    return Tables(entities, events)


def test_pages_carry_the_ontologys_palette_whatever_they_draw(seed_tables):
    expected = default_palette().as_json()
    assert page_config(seed_tables)["palette"] == expected == page_config(small_graph())["palette"]


@pytest.mark.skipif(not has_graphviz(), reason="Graphviz is not installed: apt-get install graphviz")
def test_a_type_has_one_colour_in_every_picture(seed_tables, tmp_path):
    def fills(tables) -> set[str]:
        svg = draw(tables, tmp_path / "g.svg", projection="full").content.decode()
        return {fill.upper()[:7] for fill in re.findall(r'<title>n\d+</title>\s*<path fill="([^"]+)"[^>]*/>\s*<text[^>]*>Statement', svg)}
    colour = default_palette().event("Statement").colour
    assert fills(seed_tables) == fills(small_graph()) == {colour}
