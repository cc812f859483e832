"""How far apart the drawings' colours stay, for normal vision and simulated colour blindness.

    python scripts/palette_check.py

For each group (event classes, entity kinds) it prints the smallest CIEDE2000 difference between two
colours of the group as seen with normal vision and with protanopia, deuteranopia and tritanopia
(full severity; ColorAide's simulations: Brettel for tritanopia, Viénot for the others), and the
pair that comes closest. The palette is read from the ontology, as the drawings read it; the old
positional palette of draw.py (before issue 15) is measured the same way for comparison.
"""
from __future__ import annotations

import itertools

from coloraide import Color

VISIONS = ("normal", "protan", "deutan", "tritan")
OLD_EVENT_COLOURS = ["#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#7f3c8d", "#a5aa99", "#e73f74", "#3969ac",
                     "#80ba5a", "#f2b701", "#11a579"]  # the first 11, as 11 event classes got them


def seen(colour: str, vision: str) -> Color:
    c = Color(colour)
    return c.convert("lab-d65") if vision == "normal" else c.filter(vision).convert("srgb").clip().convert("lab-d65")


def closest_pair(colours: dict[str, str]) -> tuple[float, str, str, str]:
    """(smallest ΔE2000 over every vision, name, name, vision) of a group of named colours."""
    views = {name: {v: seen(c, v) for v in VISIONS} for name, c in colours.items()}
    return min((views[a][v].delta_e(views[b][v], method="2000"), a, b, v)
               for a, b in itertools.combinations(colours, 2) for v in VISIONS)


def main() -> None:
    from graph.rdf.palette import default_palette

    palette = default_palette()
    groups = {"event classes (ontology)": {n: s.colour for n, s in palette.events.items()},
              "entity kinds (ontology)": dict(palette.entities),
              "event colours before issue 15": {f"#{i + 1}": c for i, c in enumerate(OLD_EVENT_COLOURS)}}
    for title, colours in groups.items():
        distance, a, b, vision = closest_pair(colours)
        print(f"{title}: {len(colours)} colours, smallest ΔE2000 {distance:.1f} ({a} and {b}, {vision})")


if __name__ == "__main__":
    main()
