"""RDF mapping: vocabulary declared once, readable deterministic IRIs, SHACL-valid graphs, lossless formats."""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.output.export import serialize_documents
from graph.rdf.files import read_graph
from graph.rdf.mapping import IriMinter, document_triples, to_rdf
from graph.rdf.ontology import ontology_graph
from graph.rdf.validate import validate
from graph.rdf.vocab import NG, NG_IRI, SCHEMA
from graph.records import Document, DocumentGraph, Entity, Event, Mention, Role, slug

TEXT = "Joe Biden called Donald Trump on Wednesday and congratulated him."


def mention(begin, end):
    return Mention(begin, end, TEXT[begin:end], 0, len(TEXT))


def sample() -> DocumentGraph:
    document = Document("sample-1", TEXT, dt.date(2024, 11, 7), title="A call", url="https://example.org/a")
    biden = Entity("person/joe-biden", "Person", "Joe Biden", ("Biden", "President Joe Biden"),
                   (mention(0, 9),), (Role("President"),))
    trump = Entity("person/donald-trump", "Person", "Donald Trump", ("Trump",), (mention(17, 29),))
    call = Event("e1", "PhoneCall", participants=("person/donald-trump", "person/joe-biden"),
                 date=dt.date(2024, 11, 6), trigger="call", mentions=(mention(10, 16),))
    congratulation = Event("e2", "Congratulation", agent="person/joe-biden", recipient="person/donald-trump",
                           trigger="congratulate", mentions=(mention(47, 60),))
    return DocumentGraph(document, (biden, trump), (call, congratulation))


def test_every_ng_term_the_output_uses_is_declared_in_the_ontology():
    declared = {s for s in ontology_graph().subjects() if str(s).startswith(NG_IRI)}
    used = {t for triple in document_triples(sample()) for t in triple
            if isinstance(t, URIRef) and str(t).startswith(NG_IRI)}
    assert used and used <= declared


def test_vocabulary_class_matches_the_ontology_file():
    declared = {str(s)[len(NG_IRI):] for s in ontology_graph().subjects() if str(s).startswith(NG_IRI)}
    assert declared == set(NG.__annotations__)
    with pytest.raises(AttributeError):
        NG.PhoneCal  # a typo fails  # noqa: B018


def test_iris_are_readable_and_valid_for_any_unicode_name():
    assert slug("Donald J. Trump") == "donald-j-trump"
    assert slug("Élysée Palace") == "élysée-palace"
    assert slug("習近平") == "習近平"
    assert slug("!!!").startswith("x")
    iri = IriMinter("https://example.org/kg").entity("person/" + slug("Zoë O'Neill"))
    assert str(iri) == "https://example.org/kg/person/zoë-o-neill"


def test_event_carries_roles_date_and_provenance():
    graph = document_triples(sample())
    call = URIRef("https://w3id.org/newsgraph/id/event/sample-1/e1")
    assert (call, RDF.type, NG.PhoneCall) in graph
    assert set(graph.objects(call, SCHEMA.participant)) == {
        URIRef("https://w3id.org/newsgraph/id/person/joe-biden"), URIRef("https://w3id.org/newsgraph/id/person/donald-trump")}
    assert str(graph.value(call, NG.date)) == "2024-11-06"
    sentence_text = graph.value(graph.value(graph.value(call, NG.mention), URIRef(
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sentence")),
        URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"))
    assert str(sentence_text) == TEXT


def test_graph_conforms_to_the_shapes_and_a_broken_one_does_not():
    graph = document_triples(sample())
    assert validate(graph) == ()
    broken = Graph() + graph
    broken.remove((URIRef("https://w3id.org/newsgraph/id/event/sample-1/e1"), NG.planned, None))
    violations = validate(broken)
    assert any("planned" in v.message for v in violations)


def test_an_entity_written_two_ways_by_two_documents_keeps_one_canonical_name():
    first = DocumentGraph(Document("d1", "Al Qaeda said."), (Entity("organization/al-qaeda", "Organization", "Al Qaeda"),), ())
    second = DocumentGraph(Document("d2", "al-Qaeda said."), (Entity("organization/al-qaeda", "Organization", "al-Qaeda"),), ())
    graph = to_rdf([first, second])
    node = URIRef("https://w3id.org/newsgraph/id/organization/al-qaeda")
    assert list(graph.objects(node, RDFS.label)) == [Literal("Al Qaeda")]
    assert list(graph.objects(node, SKOS.altLabel)) == [Literal("al-Qaeda")]
    assert validate(graph) == ()


def test_same_input_gives_byte_identical_turtle():
    first = serialize_documents([("d", document_triples(sample()))], "turtle")
    second = serialize_documents([("d", document_triples(sample()))], "turtle")
    assert first == second


@pytest.mark.parametrize("extension, rdf_format", [
    (".ttl", "turtle"), (".nt", "nt"), (".nq", "nquads"), (".trig", "trig"), (".jsonld", "json-ld"), (".rdf", "xml")])
def test_each_format_round_trips_to_an_isomorphic_graph(tmp_path, extension, rdf_format):
    graph = document_triples(sample())
    path = tmp_path / f"g{extension}"
    path.write_bytes(serialize_documents([("https://w3id.org/newsgraph/id/document/sample-1", graph)], rdf_format))
    assert isomorphic(read_graph(path), graph)


def test_a_group_of_people_is_an_ng_group_that_acts_in_events_and_conforms():
    text = "The Palestinians blamed Israel."
    document = Document("g1", text, dt.date(2024, 11, 7))
    group = Entity("group/palestinians", "Group", "Palestinians", (), (Mention(4, 16, "Palestinians", 0, len(text)),))
    israel = Entity("place/israel", "Place", "Israel", (), (Mention(24, 30, "Israel", 0, len(text)),))
    blame = Event("e1", "Criticism", agent="group/palestinians", recipient="place/israel", trigger="blame",
                  mentions=(Mention(17, 23, "blamed", 0, len(text)),))
    graph = document_triples(DocumentGraph(document, (group, israel), (blame,)))
    node = URIRef("https://w3id.org/newsgraph/id/group/palestinians")
    assert (node, RDF.type, NG.Group) in graph and (node, RDF.type, SCHEMA.Person) not in graph
    assert (URIRef("https://w3id.org/newsgraph/id/event/g1/e1"), SCHEMA.agent, node) in graph
    assert validate(graph) == ()


def test_a_group_is_counted_and_listed_as_a_group(tmp_path):
    from graph.output.tables import read_tables
    from graph.rdf.ontology import bundled_queries
    from graph.store.query import load_graph_file, select

    text = "The Palestinians blamed Israel."
    group = Entity("group/palestinians", "Group", "Palestinians", (), (Mention(4, 16, "Palestinians", 0, len(text)),))
    path = tmp_path / "g.ttl"
    to_rdf([DocumentGraph(Document("g1", text), (group,), ())]).serialize(path, format="turtle")
    store = load_graph_file(path)
    assert [e.type for e in read_tables(store).entities.values()] == ["Group"]
    assert select(store, bundled_queries()["entities"]).rows == (("Palestinians", "Group", None, None),)


# a text whose literals need every escape N-Triples has: quotes, a backslash, line breaks, a tab,
# a control character, and characters outside ASCII
AWKWARD = 'He said "no\\yes"\r\nthen\tleft\x07, über 😀'


def awkward_sample() -> DocumentGraph:
    text = f"{TEXT} {AWKWARD}"
    quote = Mention(len(TEXT) + 1, len(text), AWKWARD, len(TEXT) + 1, len(text))
    base = sample()
    document = Document("sample-2", text, dt.date(2024, 11, 7), title=AWKWARD, source="in/a \"b\".txt")
    speaker = Entity("person/joe-biden", "Person", "Joe Biden", (AWKWARD,), (quote,))
    statement = Event("e3", "Statement", agent="person/joe-biden", quote=AWKWARD, trigger="said", mentions=(quote,))
    return DocumentGraph(document, (*base.entities, speaker), (*base.events, statement))


@pytest.mark.parametrize("rdf_format", ["nt", "nquads"])
def test_the_builds_lines_are_the_bytes_oxigraph_writes_for_the_same_triples(rdf_format):
    import pyoxigraph as ox

    from graph.rdf.mapping import document_statements

    iri = "https://w3id.org/newsgraph/id/document/sample-2"
    statements = document_statements(awkward_sample(), IriMinter())
    triples = statements.triples()
    assert len(triples) == len(statements) > 60  # each line parses back to one triple
    as_terms = serialize_documents([(iri, triples)], rdf_format)  # the way of terms: Oxigraph's writer
    assert serialize_documents([(iri, statements)], rdf_format) == as_terms
    assert AWKWARD in {t.object.value for t in ox.parse(as_terms, format=ox.RdfFormat.N_QUADS)
                       if isinstance(t.object, ox.Literal)}  # the text came back whole


def test_a_sentence_with_two_mentions_is_described_once():
    graph = document_triples(sample())  # every mention of the sample is in its one sentence
    sentences = set(graph.subjects(RDF.type, NG.Sentence))
    assert len(sentences) == 1
    assert len(list(graph.triples((next(iter(sentences)), None, None)))) == 5


@pytest.mark.parametrize("extension, rdf_format", [
    (".ttl", "turtle"), (".nt", "nt"), (".nq", "nquads"), (".trig", "trig"), (".jsonld", "json-ld"), (".rdf", "xml")])
def test_what_the_build_writes_in_each_format_reparses_to_the_documents_graph(tmp_path, extension, rdf_format):
    from graph.rdf.mapping import document_statements

    iri = "https://w3id.org/newsgraph/id/document/sample-2"
    path = tmp_path / f"g{extension}"  # the build hands the writer each document's statements as they are
    path.write_bytes(serialize_documents([(iri, document_statements(awkward_sample(), IriMinter()))], rdf_format))
    expected = document_triples(awkward_sample())
    if rdf_format == "xml":
        from graph.output.safe_text import xml_safe

        # XML 1.0 cannot hold the control character: it becomes U+FFFD (the carriage return stays)
        expected = Graph()
        for subject, predicate, value in document_triples(awkward_sample()):
            if isinstance(value, Literal):
                value = Literal(xml_safe(str(value)), lang=value.language, datatype=value.datatype)
            expected.add((subject, predicate, value))
    assert isomorphic(read_graph(path), expected)
