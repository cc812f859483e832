"""Places linked to GeoNames offline, only where the name leaves no doubt (no model needed)."""
from __future__ import annotations

import pytest
from rdflib import OWL, URIRef

from graph.extraction.entities.places import CITY, COUNTRY, STATE, link_places
from graph.rdf.mapping import to_rdf
from graph.rdf.vocab import SCHEMA
from graph.records import Document, DocumentGraph, Entity


def one(*forms, context=()):
    """The link of a place named by `forms`, in an article that also names the `context` places."""
    return link_places([list(forms), *([c] for c in context)])[0]


@pytest.mark.parametrize("forms, name, feature", [
    (("U.S.",), "United States", COUNTRY), (("America",), "United States", COUNTRY),
    (("United States of America",), "United States", COUNTRY), (("UK",), "United Kingdom", COUNTRY),
    (("Federative Republic of Brazil",), "Brazil", COUNTRY), (("Virginia",), "Virginia", STATE),
    (("Paris",), "Paris", CITY), (("New Delhi",), "New Delhi", CITY), (("Irving, Texas",), "Irving", CITY),
    (("Bombay",), "Mumbai", CITY),
])
def test_a_name_that_leaves_no_doubt_is_linked(forms, name, feature):
    link = one(*forms)
    assert (link.name, link.feature) == (name, feature)


def test_a_city_is_the_capital_not_its_namesakes_and_the_article_decides_between_equals():
    assert one("Paris").country_code == "FR"  # Paris, Texas is a hundredth of its size
    assert one("Paris", context=["United States"]).country_code == "FR"
    assert one("Arlington") is None  # Texas and Virginia have one each
    assert one("Arlington", context=["Virginia"]).region == "VA"


@pytest.mark.parametrize("forms", [("Korea",), ("Springfield",), ("Camp David",), ("Southern Luzon",),
                                   ("White House",)])  # a translation of Casablanca's name, not a name of it
def test_an_ambiguous_or_unknown_name_stays_unlinked(forms):
    assert one(*forms) is None


def test_georgia_is_the_state_only_in_an_american_story():
    assert one("Georgia").feature == COUNTRY
    assert one("Georgia", context=["Texas"]).feature == STATE


def test_a_linked_place_says_so_in_rdf_with_its_country():
    paris = Entity("place/paris", "Place", "Paris", geonames_id=2988507, contained_in=3017382)
    graph = to_rdf([DocumentGraph(Document("d", "Paris."), (paris,), ())])
    node = URIRef("https://w3id.org/newsgraph/id/place/paris")
    assert set(graph.objects(node, OWL.sameAs)) == {URIRef("https://sws.geonames.org/2988507/")}
    assert set(graph.objects(node, SCHEMA.containedInPlace)) == {URIRef("https://sws.geonames.org/3017382/")}


def test_the_gazetteer_is_built_once_and_then_read_from_the_cache(tmp_path, monkeypatch):
    from graph.extraction.entities import places

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    places.gazetteer.cache_clear()
    try:
        built = places.gazetteer()
        (cached,) = tmp_path.glob("gazetteer-*.pickle")
        places.gazetteer.cache_clear()
        read = places.gazetteer()
        assert read is not built and read.candidates(["Paris", "U.S."]) == built.candidates(["Paris", "U.S."])
        cached.write_bytes(b"not a pickle")  # a broken cache is rebuilt, not an error
        places.gazetteer.cache_clear()
        assert places.gazetteer().candidates(["Paris"]) == built.candidates(["Paris"])
    finally:
        places.gazetteer.cache_clear()
