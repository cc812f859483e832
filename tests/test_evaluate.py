"""Scoring against gold files, on graphs built by hand (no spaCy model)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.cli import main
from graph.evaluation.gold import read_gold
from graph.evaluation.report import Report, format_report
from graph.evaluation.scores import Ratio, Score, normalise_name
from graph.evaluation.scoring import score_document
from graph.ingest import InputError
from graph.rdf.vocab import NG

SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://example.org/id/")
# XSD datatypes spelt out: importing rdflib's XSD namespace into a test module makes pytest warn.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DATETIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")

GOLD = {
    "id": "doc-1", "text": "doc-1.txt", "date": "2024-11-07",
    "entities": [
        {"id": "trump", "name": "Donald Trump", "type": "Person", "aliases": ["Trump"]},
        {"id": "harris", "name": "Kamala Harris", "type": "Person", "aliases": ["Harris"]},
        {"id": "biden", "name": "Joe Biden", "type": "Person", "aliases": ["Biden"]},
        {"id": "whitehouse", "name": "White House", "type": ["Organization", "Place"], "aliases": []},
    ],
    "optional_entities": [{"id": "us", "name": "United States", "type": "Place", "aliases": ["U.S."]}],
    "roles": [{"entity": "harris", "title": "Vice President"}, {"entity": "biden", "title": "President"}],
    "events": [
        {"type": "PhoneCall", "participants": ["trump", "harris"], "date": "2024-11-06"},
        {"type": "Congratulation", "agent": "harris", "recipient": "trump", "date": "2024-11-06"},
        {"type": "Statement", "agent": "biden"},
    ],
    "optional_events": [{"type": "Statement", "agent": "trump"}],
}


def gold_record(tmp_path, **changes):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({**GOLD, **changes}) + "\n", encoding="utf-8")
    (tmp_path / "doc-1.txt").write_text("Trump and Harris spoke.\n", encoding="utf-8")
    return read_gold(path)[0]


class GraphBuilder:
    """Writes the triples newsgraph emits, one call per entity or event."""

    def __init__(self):
        self.graph = Graph()
        self.document = ID["document/doc-1"]
        self.graph.add((self.document, RDF.type, NG.Document))
        self.graph.add((self.document, DCTERMS.issued, Literal("2024-11-07", datatype=XSD_DATE)))
        self.count = 0

    def entity(self, key, kind, label, *aliases):
        node = ID[key]
        self.graph.add((node, RDF.type, SCHEMA[kind]))
        self.graph.add((node, RDFS.label, Literal(label)))
        for alias in aliases:
            self.graph.add((node, SKOS.altLabel, Literal(alias)))
        return node

    def event(self, kind, agent=None, recipient=None, participants=(), date=None, negated=False, planned=False):
        self.count += 1
        node = ID[f"event/doc-1/e{self.count}"]
        self.graph.add((node, RDF.type, NG[kind]))
        self.graph.add((node, PROV.wasDerivedFrom, self.document))
        self.graph.add((node, NG.planned, Literal(planned)))
        if negated:
            self.graph.add((node, NG.negated, Literal(True)))
        for predicate, value in ((SCHEMA.agent, agent), (SCHEMA.recipient, recipient)):
            if value is not None:
                self.graph.add((node, predicate, value))
        for participant in participants:
            self.graph.add((node, SCHEMA.participant, participant))
        if date:
            self.graph.add((node, NG.date, Literal(date, datatype=XSD_DATE)))
        return node


def people(builder):
    return (builder.entity("person/donald-trump", "Person", "Donald Trump", "Trump"),
            builder.entity("person/kamala-harris", "Person", "Kamala Harris"),
            builder.entity("person/joe-biden", "Person", "Joe Biden"))


def test_names_ignore_case_punctuation_and_a_leading_the():
    assert normalise_name("the White House") == normalise_name("WHITE HOUSE")
    assert normalise_name("U.S.") == normalise_name("US")
    assert normalise_name("Irving , Texas") == normalise_name("Irving, Texas")
    assert normalise_name("Theresa May") != normalise_name("resa May")


def test_events_match_through_aliases_the_and_case(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump = b.entity("person/trump", "Person", "TRUMP")
    harris = b.entity("person/harris", "Person", "Vice President", "harris")
    b.event("Congratulation", agent=harris, recipient=trump)
    score = score_document(b.graph, record)
    assert score.events.tp == 1
    assert score.events.fp == 0


def test_symmetric_keys_ignore_order_but_directed_keys_do_not(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, harris, _ = people(b)
    b.event("PhoneCall", participants=[harris, trump])
    b.event("Congratulation", agent=trump, recipient=harris)  # gold says Harris congratulated Trump
    score = score_document(b.graph, record)
    assert dict(score.events_by_type)["PhoneCall"].tp == 1
    assert dict(score.events_by_type)["Congratulation"].tp == 0
    assert score.false_positive_events == ("Congratulation(Donald Trump -> Kamala Harris)",)
    assert "Congratulation(Kamala Harris -> Donald Trump)" in score.missed_events


def test_a_symmetric_event_may_name_its_parties_as_agent_and_recipient(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, harris, _ = people(b)
    b.event("PhoneCall", agent=trump, recipient=harris)
    assert score_document(b.graph, record).events.tp == 1


def test_unary_events_are_keyed_by_agent_alone(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, harris, biden = people(b)
    b.event("Statement", agent=biden, recipient=harris)
    b.event("Statement", agent=harris)
    score = score_document(b.graph, record)
    assert dict(score.events_by_type)["Statement"] == Score(tp=1, fp=1, fn=0)
    assert score.false_positive_events == ("Statement(Kamala Harris)",)


def test_duplicates_of_one_key_count_once(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, harris, _ = people(b)
    for _ in range(3):
        b.event("PhoneCall", participants=[trump, harris])
        b.event("Meeting", participants=[trump, harris])
    score = score_document(b.graph, record)
    assert (score.events.tp, score.events.fp) == (1, 1)


def test_optional_events_are_neither_rewarded_nor_penalised(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, _, biden = people(b)
    b.event("Statement", agent=trump)
    b.event("Statement", agent=biden)
    score = score_document(b.graph, record)
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 2)


def test_negated_events_are_not_asserted(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, harris, _ = people(b)
    b.event("PhoneCall", participants=[trump, harris], negated=True)
    b.event("Meeting", participants=[trump, harris], negated=True)
    score = score_document(b.graph, record)
    assert (score.events.tp, score.events.fp) == (0, 0)


def test_an_event_with_an_unknown_party_is_a_false_positive(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, _, _ = people(b)
    stranger = b.entity("person/x", "Person", "John Doe")
    b.event("PhoneCall", participants=[trump, stranger])
    score = score_document(b.graph, record)
    assert score.false_positive_events == ("PhoneCall(<John Doe>, Donald Trump)",)


def test_dates_count_on_the_event_or_one_node_away_but_not_the_publication_date(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    trump, harris, _ = people(b)
    b.event("PhoneCall", participants=[trump, harris], date="2024-11-06")
    congratulation = b.event("Congratulation", agent=harris, recipient=trump)
    when = BNode()
    b.graph.add((congratulation, URIRef("http://www.w3.org/2006/time#hasTime"), when))
    b.graph.add((when, URIRef("http://www.w3.org/2006/time#inXSDDateTime"),
                 Literal("2024-11-06T15:00:00", datatype=XSD_DATETIME)))
    assert score_document(b.graph, record).dates.hits == 2

    b2 = GraphBuilder()  # same events, dated only by the document's dcterms:issued (2024-11-07)
    trump, harris, _ = people(b2)
    b2.event("PhoneCall", participants=[trump, harris], date="2024-11-07")
    b2.event("Congratulation", agent=harris, recipient=trump)
    score = score_document(b2.graph, record)
    assert (score.dates.hits, score.dates.total) == (0, 2)
    assert score.wrong_dates[0] == "PhoneCall(Donald Trump, Kamala Harris): 2024-11-07, gold 2024-11-06"


def test_places_count_the_located_gold_events_found_at_their_place(tmp_path):
    events = [{"type": "PhoneCall", "participants": ["trump", "harris"], "location": "whitehouse"},
              {"type": "Congratulation", "agent": "harris", "recipient": "trump", "location": "whitehouse"},
              {"type": "Statement", "agent": "biden", "location": "whitehouse"}]
    record = gold_record(tmp_path, events=events)
    b = GraphBuilder()
    trump, harris, biden = people(b)
    white_house = b.entity("place/white-house", "Place", "the White House")
    call = b.event("PhoneCall", participants=[trump, harris])
    b.graph.add((call, SCHEMA.location, white_house))
    b.event("Congratulation", agent=harris, recipient=trump)  # found, but at no place; the Statement is missed
    score = score_document(b.graph, record)
    assert (score.places.hits, score.places.total) == (1, 2)
    assert score.wrong_places == ("Congratulation(Kamala Harris -> Donald Trump): no place, gold White House",)
    assert "places 0.50 (1/2)" in format_report(Report((score,)))


def test_role_titles_count_within_two_hops_or_on_a_node_pointing_at_the_entity(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    _, harris, biden = people(b)
    role = ID["person/kamala-harris/role/vp"]
    b.graph.add((harris, NG.holdsRole, role))
    b.graph.add((role, SCHEMA.roleName, Literal("vice-president")))
    appointment = ID["appointment/1"]
    b.graph.add((appointment, SCHEMA.member, biden))
    b.graph.add((appointment, SCHEMA.roleName, Literal("President")))
    assert score_document(b.graph, record).roles == Ratio(2, 2)


def test_a_role_three_hops_away_is_missed(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    _, harris, _ = people(b)
    first, second = ID["n1"], ID["n2"]
    b.graph.add((harris, NG.holdsRole, first))
    b.graph.add((first, SCHEMA.about, second))
    b.graph.add((second, SCHEMA.roleName, Literal("Vice President")))
    score = score_document(b.graph, record)
    assert score.roles.hits == 0
    assert "Kamala Harris: Vice President" in score.missed_roles


def test_entities_split_in_two_nodes_raise_nodes_per_entity(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    people(b)
    b.entity("person/trump", "Person", "Trump")
    score = score_document(b.graph, record)
    assert (score.nodes_per_entity.hits, score.nodes_per_entity.total) == (4, 3)
    assert score.split_entities == ("Donald Trump: 2 nodes",)


def test_entity_precision_and_recall(tmp_path):
    record = gold_record(tmp_path)
    b = GraphBuilder()
    people(b)
    b.entity("place/us", "Place", "U.S.")  # optional: neither right nor wrong
    b.entity("person/john-doe", "Person", "John Doe")
    b.entity("person/white-house", "Person", "White House")  # right name, wrong kind
    score = score_document(b.graph, record)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (3, 2, 1)
    assert score.false_positive_entities == ("John Doe (Person)", "White House (Person)")
    assert score.missed_entities == ("White House",)


def test_report_micro_averages_and_ends_with_the_headlines(tmp_path):
    record = gold_record(tmp_path)
    good, bad = GraphBuilder(), GraphBuilder()
    trump, harris, _ = people(good)
    good.event("PhoneCall", participants=[trump, harris], date="2024-11-06")
    trump, harris, _ = people(bad)
    bad.event("Meeting", participants=[trump, harris])
    report = Report((score_document(good.graph, record), score_document(bad.graph, record)))
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 5)
    lines = format_report(report, verbose=True).splitlines()
    assert lines[-3] == "events P=0.50 R=0.17 F1=0.25"
    assert lines[-2].startswith("entities P=1.00 R=0.75 F1=0.86 nodes/entity=1.00")
    # dates count only over dated gold events that were found: the call, dated right
    assert lines[-1].startswith("dates 1.00 (1/1)  places n/a (0/0)  roles 0.00 (0/4)")
    assert "  false positive event: Meeting(Donald Trump, Kamala Harris)" in lines
    assert report.as_dict(verbose=True)["per_document"][1]["false_positive_events"] == [
        "Meeting(Donald Trump, Kamala Harris)"]


@pytest.mark.parametrize("line, message", [
    ("{not json", "malformed JSON"),
    (json.dumps({**GOLD, "events": [{"type": "Hug", "agent": "trump"}]}), "unknown event type"),
    (json.dumps({**GOLD, "events": [{"type": "Statement", "agent": "nobody"}]}), "unknown entity 'nobody'"),
    (json.dumps({**GOLD, "entities": [{"id": "x", "name": "X", "type": "Thing"}]}), "use Person, Organization"),
    (json.dumps({**GOLD, "events": [{"type": "Statement", "agent": "biden", "location": "mars"}]}),
     "unknown location 'mars'"),
])
def test_malformed_gold_lines_are_input_errors(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_gold(path)


def test_cli_reports_a_missing_gold_file_or_text_in_one_line(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert result.output.strip().endswith("no such gold file")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == 1
    assert "doc-1.txt: no such text file" in result.output
    assert "Traceback" not in result.output


def test_gold_date_wins_over_the_text_header(tmp_path):
    from graph.evaluation.gold import gold_document

    record = gold_record(tmp_path)
    (tmp_path / "doc-1.txt").write_text("date 2020-01-01 Trump and Harris spoke.\n", encoding="utf-8")
    document = gold_document(record)
    assert (document.id, document.date, document.text) == ("doc-1", dt.date(2024, 11, 7), "Trump and Harris spoke.")


def test_alias_coverage_counts_gold_names_missing_from_found_nodes(tmp_path):
    b = GraphBuilder()
    b.entity("person/donald-trump", "Person", "Donald Trump", "Trump")
    b.entity("person/kamala-harris", "Person", "Kamala Harris")  # "Harris" missing
    score = score_document(b.graph, gold_record(tmp_path))
    # found: Trump (2 names, both present) and Harris (1 of 2); Biden and the White House are not found
    assert (score.aliases.hits, score.aliases.total) == (3, 4)
    assert score.missed_aliases == ("Kamala Harris: harris",)


def test_place_links_score_against_the_listed_geonames_ids(tmp_path):
    from rdflib import OWL

    from graph.evaluation.links import read_links

    listed = tmp_path / "links.tsv"
    listed.write_text("# checked by hand\ndocument\tname\tgeonames_id\ndoc-1\tWhite House\t-\n"
                      "doc-1\tParis\t2988507\ndoc-1\tPorto\t2735943\n", encoding="utf-8")
    links = read_links(listed)["doc-1"]
    b = GraphBuilder()
    house = b.entity("place/white-house", "Place", "White House")
    b.graph.add((house, OWL.sameAs, URIRef("https://sws.geonames.org/4140963/")))  # wrong: no link is right
    paris = b.entity("place/paris", "Place", "Paris")
    b.graph.add((paris, OWL.sameAs, URIRef("https://sws.geonames.org/2988507/")))
    b.entity("place/porto", "Place", "Porto")  # not linked: coverage, not precision
    score = score_document(b.graph, gold_record(tmp_path), links)
    assert (score.links.hits, score.links.total) == (1, 2)
    assert (score.link_coverage.hits, score.link_coverage.total) == (1, 2)
    assert score.wrong_links == ("White House: https://sws.geonames.org/4140963/, listed no link",)
    bad = tmp_path / "bad.tsv"
    bad.write_text("document\tname\tgeonames_id\ndoc-1\tParis\tParis\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tsv:2"):
        read_links(bad)


def test_typed_counts_found_entities_with_the_right_kind(tmp_path):
    b = GraphBuilder()
    b.entity("person/donald-trump", "Person", "Donald Trump")
    b.entity("organization/kamala-harris", "Organization", "Kamala Harris")  # found, wrong kind
    score = score_document(b.graph, gold_record(tmp_path))
    assert (score.typed.hits, score.typed.total) == (1, 2)
    assert score.wrong_kinds == ("Kamala Harris: Person, found as Organization",)
