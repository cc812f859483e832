"""Maps extraction records to RDF. Knows rdflib and the vocabulary; knows nothing of spaCy.

Model, in short:
- entities: schema:Person / schema:Organization / schema:Place, rdfs:label (canonical name),
  skos:altLabel (every surface form), ng:holdsRole → ng:Role (schema:roleName, schema:memberOf, ng:asOf);
- events: one node typed ng:<Class> (subclass of ng:Event), schema:agent / schema:recipient /
  schema:participant / schema:location, ng:date (xsd:date), ng:planned, prov:wasDerivedFrom the document;
- provenance: the document is an ng:Document (nif:Context) with its text; each entity or event points
  (ng:mention) to an ng:Mention (nif:Phrase) with begin/end offsets and its ng:Sentence.
IRIs are readable and deterministic, so the same input always gives the same graph.
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from ..errors import NewsgraphError
from ..records import Document, DocumentGraph, Entity, Event, Mention, slug
from .iris import is_absolute_iri
from .vocab import DEFAULT_BASE_IRI, NG, NIF, SCHEMA, bind_prefixes

KIND_CLASS = {"Person": SCHEMA.Person, "Organization": SCHEMA.Organization, "Place": SCHEMA.Place}


class BaseIriError(NewsgraphError):
    """A base IRI the minted IRIs cannot start with; the message is one line for the user."""


def check_base_iri(base: str) -> str:
    """The base IRI as minted IRIs start (with a final '/' unless it ends in '/' or '#'), or a BaseIriError."""
    minted = base if base.endswith(("/", "#")) else base + "/"
    if not is_absolute_iri(minted + "x"):
        raise BaseIriError(f"--base-iri '{base}' is not an absolute IRI (for example https://example.org/news/)")
    return minted


class IriMinter:
    """Deterministic IRIs under one base: entities are shared across documents, the rest per document."""

    def __init__(self, base: str = DEFAULT_BASE_IRI):
        self.base = check_base_iri(base)

    def document(self, doc: Document) -> URIRef:
        return URIRef(f"{self.base}document/{slug(doc.id)}")

    def entity(self, key: str) -> URIRef:
        return URIRef(self.base + key)

    def event(self, doc: Document, event_id: str) -> URIRef:
        return URIRef(f"{self.base}event/{slug(doc.id)}/{event_id}")

    def role(self, entity_key: str, title: str, organization: str | None) -> URIRef:
        suffix = slug(title) + (f"-at-{organization.rsplit('/', 1)[-1]}" if organization else "")
        return URIRef(f"{self.base}{entity_key}/role/{suffix}")

    def mention(self, doc: Document, mention: Mention) -> URIRef:
        return URIRef(f"{self.base}document/{slug(doc.id)}#char={mention.begin},{mention.end}")

    def sentence(self, doc: Document, mention: Mention) -> URIRef:
        return URIRef(f"{self.base}document/{slug(doc.id)}#sentence={mention.sentence_begin},{mention.sentence_end}")


def new_graph() -> Graph:
    return bind_prefixes(Graph())


def geonames_iri(geonames_id: int) -> URIRef:
    """The GeoNames Semantic Web IRI of a feature (https://sws.geonames.org/ID/)."""
    return URIRef(f"https://sws.geonames.org/{geonames_id}/")


def _add_mention(graph: Graph, iris: IriMinter, doc: Document, doc_iri: URIRef,
                 owner: URIRef, mention: Mention) -> None:
    node, sentence = iris.mention(doc, mention), iris.sentence(doc, mention)
    graph.add((owner, NG.mention, node))
    graph.add((node, RDF.type, NG.Mention))
    graph.add((node, NIF.beginIndex, Literal(mention.begin, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(mention.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.anchorOf, Literal(mention.text)))
    graph.add((node, NIF.referenceContext, doc_iri))
    graph.add((node, NIF.sentence, sentence))
    graph.add((sentence, RDF.type, NG.Sentence))
    graph.add((sentence, NIF.beginIndex, Literal(mention.sentence_begin, datatype=XSD.nonNegativeInteger)))
    graph.add((sentence, NIF.endIndex, Literal(mention.sentence_end, datatype=XSD.nonNegativeInteger)))
    graph.add((sentence, NIF.anchorOf, Literal(doc.text[mention.sentence_begin:mention.sentence_end])))
    graph.add((sentence, NIF.referenceContext, doc_iri))


def _add_document(graph: Graph, iris: IriMinter, doc: Document) -> URIRef:
    node = iris.document(doc)
    graph.add((node, RDF.type, NG.Document))
    graph.add((node, NIF.isString, Literal(doc.text)))
    graph.add((node, DCTERMS.identifier, Literal(doc.id)))
    if doc.date:
        graph.add((node, DCTERMS.issued, Literal(doc.date.isoformat(), datatype=XSD.date)))
    if doc.title:
        graph.add((node, DCTERMS.title, Literal(doc.title)))
    if doc.url:
        graph.add((node, SCHEMA.url, URIRef(doc.url)))
    if doc.source:
        graph.add((node, NG.sourcePath, Literal(doc.source)))
    return node


def _add_entity(graph: Graph, iris: IriMinter, doc: Document, doc_iri: URIRef, entity: Entity,
                labels: dict[str, str]) -> None:
    node = iris.entity(entity.key)
    # One canonical name per node: documents may write one key differently ("al-Qaeda", "Al Qaeda");
    # the first wins and the others become alternative labels.
    name = labels.setdefault(entity.key, entity.name)
    graph.add((node, RDF.type, KIND_CLASS[entity.kind]))
    graph.add((node, RDFS.label, Literal(name)))
    for alias in (entity.name, *entity.aliases):
        if alias != name:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    if entity.geonames_id:
        graph.add((node, OWL.sameAs, geonames_iri(entity.geonames_id)))
    if entity.contained_in:
        graph.add((node, SCHEMA.containedInPlace, geonames_iri(entity.contained_in)))
    for role in entity.roles:
        role_node = iris.role(entity.key, role.title, role.organization)
        graph.add((node, NG.holdsRole, role_node))
        graph.add((role_node, RDF.type, NG.Role))
        graph.add((role_node, SCHEMA.roleName, Literal(role.title)))
        if role.organization:
            graph.add((role_node, SCHEMA.memberOf, iris.entity(role.organization)))
        if doc.date:
            graph.add((role_node, NG.asOf, Literal(doc.date.isoformat(), datatype=XSD.date)))
    for mention in entity.mentions:
        _add_mention(graph, iris, doc, doc_iri, node, mention)


def _add_event(graph: Graph, iris: IriMinter, doc: Document, doc_iri: URIRef, event: Event) -> None:
    node = iris.event(doc, event.id)
    graph.add((node, RDF.type, NG[event.kind]))
    graph.add((node, PROV.wasDerivedFrom, doc_iri))
    graph.add((node, NG.planned, Literal(event.planned)))
    if event.negated:
        graph.add((node, NG.negated, Literal(True)))
    if event.agent:
        graph.add((node, SCHEMA.agent, iris.entity(event.agent)))
    if event.recipient:
        graph.add((node, SCHEMA.recipient, iris.entity(event.recipient)))
    for participant in event.participants:
        graph.add((node, SCHEMA.participant, iris.entity(participant)))
    if event.location:
        graph.add((node, SCHEMA.location, iris.entity(event.location)))
    if event.opponent:
        graph.add((node, NG.opponent, iris.entity(event.opponent)))
    if event.topic:
        graph.add((node, NG.topic, Literal(event.topic)))
    if event.date:
        graph.add((node, NG.date, Literal(event.date.isoformat(), datatype=XSD.date)))
    if event.quote:
        graph.add((node, NG.quote, Literal(event.quote)))
    if event.trigger:
        graph.add((node, NG.trigger, Literal(event.trigger)))
    for reported in event.reports:
        graph.add((node, NG.reports, iris.event(doc, reported)))
    for mention in event.mentions:
        _add_mention(graph, iris, doc, doc_iri, node, mention)


def document_triples(result: DocumentGraph, base_iri: str = DEFAULT_BASE_IRI,
                     labels: dict[str, str] | None = None) -> Graph:
    """The graph of one document: its node, entities, events and their mentions.

    `labels` (entity key → canonical name), shared by the documents of one build, keeps one
    rdfs:label per entity node across them.
    """
    graph, iris = new_graph(), IriMinter(base_iri)
    labels = {} if labels is None else labels
    doc_iri = _add_document(graph, iris, result.document)
    for entity in result.entities:
        _add_entity(graph, iris, result.document, doc_iri, entity, labels)
    for event in result.events:
        _add_event(graph, iris, result.document, doc_iri, event)
    return graph


def to_rdf(results: Iterable[DocumentGraph], base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """One graph holding every document's triples (entity nodes shared by IRI)."""
    graph, labels = new_graph(), {}
    for result in results:
        graph += document_triples(result, base_iri, labels)
    return graph
