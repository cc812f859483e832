"""Maps extraction records to RDF. Knows the vocabulary and RDF terms; knows nothing of spaCy.

Model, in short:
- entities: schema:Person / schema:Organization / schema:Place, rdfs:label (canonical name),
  skos:altLabel (every surface form), ng:holdsRole → ng:Role (schema:roleName, schema:memberOf, ng:asOf);
- events: one node typed ng:<Class> (subclass of ng:Event), schema:agent / schema:recipient /
  schema:participant / schema:location, ng:date (xsd:date), ng:planned, prov:wasDerivedFrom the document;
- provenance: the document is an ng:Document (nif:Context) with its text; each entity or event points
  (ng:mention) to an ng:Mention (nif:Phrase) with begin/end offsets (xsd:integer, the type a store keeps)
  and its ng:Sentence.
IRIs are readable and deterministic, so the same input always gives the same graph.

The triples are made as N-Triples terms (statements.py), which the build writes and stores as they
are (a pyoxigraph term object costs more than the string it prints as; an rdflib graph ten times more);
`document_triples` and `to_rdf` give the same as rdflib graphs for the library's users.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from ..errors import NewsgraphError
from ..records import ENTITY_KINDS, GROUP, Document, DocumentGraph, Entity, Event, Mention, slug
from .iris import is_absolute_iri
from .statements import Statements
from .vocab import DEFAULT_BASE_IRI, NG, NIF, SCHEMA, bind_prefixes


class BaseIriError(NewsgraphError):
    """A base IRI the minted IRIs cannot start with; the message is one line for the user."""


def check_base_iri(base: str) -> str:
    """The base IRI as minted IRIs start (with a final '/' unless it ends in '/' or '#'), or a BaseIriError."""
    minted = base if base.endswith(("/", "#")) else base + "/"
    if not is_absolute_iri(minted + "x"):
        raise BaseIriError(f"--base-iri '{base}' is not an absolute IRI (for example https://example.org/news/)")
    return minted


class IriMinter:
    """Deterministic IRIs (as strings) under one base: entities are shared across documents, the rest per document."""

    def __init__(self, base: str = DEFAULT_BASE_IRI):
        self.base = check_base_iri(base)

    def document(self, doc: Document) -> str:
        return f"{self.base}document/{slug(doc.id)}"

    def entity(self, key: str) -> str:
        return self.base + key

    def event(self, doc: Document, event_id: str) -> str:
        return f"{self.base}event/{slug(doc.id)}/{event_id}"

    def role(self, entity_key: str, title: str, organization: str | None) -> str:
        suffix = slug(title) + (f"-at-{organization.rsplit('/', 1)[-1]}" if organization else "")
        return f"{self.base}{entity_key}/role/{suffix}"

    def mention(self, doc: Document, mention: Mention) -> str:
        return f"{self.base}document/{slug(doc.id)}#char={mention.begin},{mention.end}"

    def sentence(self, doc: Document, mention: Mention) -> str:
        return f"{self.base}document/{slug(doc.id)}#sentence={mention.sentence_begin},{mention.sentence_end}"


def geonames_iri(geonames_id: int) -> str:
    """The GeoNames Semantic Web IRI of a feature (https://sws.geonames.org/ID/)."""
    return f"https://sws.geonames.org/{geonames_id}/"


def _iri(value: str) -> str:
    """An IRI as an N-Triples term, checked by Oxigraph (which writes a valid IRI as it is)."""
    return str(ox.NamedNode(value))


def _literal(value: str) -> str:
    """A plain literal as an N-Triples term, escaped as Oxigraph escapes it."""
    return str(ox.Literal(value))


def _typed(value: str, datatype) -> str:
    return f'"{value}"^^<{datatype}>'  # values that need no escaping: digits, ISO dates, booleans


class _Terms:
    """The vocabulary (graph/rdf/vocab.py) as N-Triples terms, made once."""

    def __init__(self):
        term = _iri
        self.type, self.label, self.alt_label, self.same_as = term(RDF.type), term(RDFS.label), term(SKOS.altLabel), \
            term(OWL.sameAs)
        self.true, self.false = _typed("true", XSD.boolean), _typed("false", XSD.boolean)
        self.kind_class = {kind: term(SCHEMA[kind]) for kind in ENTITY_KINDS} | {GROUP: term(NG.Group)}
        self.event_class: dict[str, str] = {}
        for name in ("mention", "Mention", "Sentence", "Document", "sourcePath", "holdsRole", "Role", "asOf", "planned",
                     "negated", "opponent", "topic", "date", "quote", "trigger", "reports"):
            setattr(self, "ng_" + name, term(NG[name]))
        for name in ("beginIndex", "endIndex", "anchorOf", "referenceContext", "sentence", "isString"):
            setattr(self, "nif_" + name, term(NIF[name]))
        for name in ("url", "containedInPlace", "roleName", "memberOf", "agent", "recipient", "participant",
                     "location"):
            setattr(self, "schema_" + name, term(SCHEMA[name]))
        self.identifier, self.issued, self.title = term(DCTERMS.identifier), term(DCTERMS.issued), term(DCTERMS.title)
        self.derived_from = term(PROV.wasDerivedFrom)

    def event_type(self, kind: str) -> str:
        if kind not in self.event_class:
            self.event_class[kind] = _iri(NG[kind])  # NG fails on a class the ontology lacks
        return self.event_class[kind]

    @staticmethod
    def offset(value: int) -> str:
        return _typed(str(int(value)), XSD.integer)

    @staticmethod
    def day(value) -> str:
        return _typed(value.isoformat(), XSD.date)


_TERMS: _Terms | None = None


def _terms() -> _Terms:
    global _TERMS
    if _TERMS is None:
        _TERMS = _Terms()
    return _TERMS


class _Triples:
    """The triples of one document, each once, in the order they were made."""

    def __init__(self):
        self.seen: dict[tuple[str, str, str], None] = {}

    def add(self, subject: str, predicate: str, value: str) -> None:
        self.seen[subject, predicate, value] = None


def _add_mention(out: _Triples, t: _Terms, doc: Document, doc_iri: str, doc_node: str, owner: str,
                 mention: Mention) -> None:
    # made from the document's IRI (checked once): "#char=" and digits need no checking
    node = f"<{doc_iri}#char={int(mention.begin)},{int(mention.end)}>"
    sentence = f"<{doc_iri}#sentence={int(mention.sentence_begin)},{int(mention.sentence_end)}>"
    out.add(owner, t.ng_mention, node)
    out.add(node, t.type, t.ng_Mention)
    out.add(node, t.nif_beginIndex, t.offset(mention.begin))
    out.add(node, t.nif_endIndex, t.offset(mention.end))
    out.add(node, t.nif_anchorOf, _literal(mention.text))
    out.add(node, t.nif_referenceContext, doc_node)
    out.add(node, t.nif_sentence, sentence)
    if (sentence, t.type, t.ng_Sentence) in out.seen:
        return  # the sentence was described with an earlier mention
    out.add(sentence, t.type, t.ng_Sentence)
    out.add(sentence, t.nif_beginIndex, t.offset(mention.sentence_begin))
    out.add(sentence, t.nif_endIndex, t.offset(mention.sentence_end))
    out.add(sentence, t.nif_anchorOf, _literal(doc.text[mention.sentence_begin:mention.sentence_end]))
    out.add(sentence, t.nif_referenceContext, doc_node)


def _add_document(out: _Triples, t: _Terms, iris: IriMinter, doc: Document) -> str:
    node = _iri(iris.document(doc))
    out.add(node, t.type, t.ng_Document)
    out.add(node, t.nif_isString, _literal(doc.text))
    out.add(node, t.identifier, _literal(doc.id))
    if doc.date:
        out.add(node, t.issued, t.day(doc.date))
    if doc.title:
        out.add(node, t.title, _literal(doc.title))
    if doc.url:
        out.add(node, t.schema_url, _iri(doc.url))
    if doc.source:
        out.add(node, t.ng_sourcePath, _literal(doc.source))
    return node


def _add_entity(out: _Triples, t: _Terms, iris: IriMinter, doc: Document, doc_iri: str, doc_node: str,
                entity: Entity, labels: dict[str, str]) -> None:
    node = _iri(iris.entity(entity.key))
    # One canonical name per node: documents may write one key differently ("al-Qaeda", "Al Qaeda");
    # the first wins and the others become alternative labels.
    name = labels.setdefault(entity.key, entity.name)
    out.add(node, t.type, t.kind_class[entity.kind])
    out.add(node, t.label, _literal(name))
    for alias in (entity.name, *entity.aliases):
        if alias != name:
            out.add(node, t.alt_label, _literal(alias))
    if entity.geonames_id:
        out.add(node, t.same_as, _iri(geonames_iri(entity.geonames_id)))
    if entity.contained_in:
        out.add(node, t.schema_containedInPlace, _iri(geonames_iri(entity.contained_in)))
    for role in entity.roles:
        role_node = _iri(iris.role(entity.key, role.title, role.organization))
        out.add(node, t.ng_holdsRole, role_node)
        out.add(role_node, t.type, t.ng_Role)
        out.add(role_node, t.schema_roleName, _literal(role.title))
        if role.organization:
            out.add(role_node, t.schema_memberOf, _iri(iris.entity(role.organization)))
        if doc.date:
            out.add(role_node, t.ng_asOf, t.day(doc.date))
    for mention in entity.mentions:
        _add_mention(out, t, doc, doc_iri, doc_node, node, mention)


def _add_event(out: _Triples, t: _Terms, iris: IriMinter, doc: Document, doc_iri: str, doc_node: str,
               event: Event) -> None:
    node = _iri(iris.event(doc, event.id))
    entity = lambda key: _iri(iris.entity(key))  # noqa: E731
    out.add(node, t.type, t.event_type(event.kind))
    out.add(node, t.derived_from, doc_node)
    out.add(node, t.ng_planned, t.true if event.planned else t.false)
    if event.negated:
        out.add(node, t.ng_negated, t.true)
    if event.agent:
        out.add(node, t.schema_agent, entity(event.agent))
    if event.recipient:
        out.add(node, t.schema_recipient, entity(event.recipient))
    for participant in event.participants:
        out.add(node, t.schema_participant, entity(participant))
    if event.location:
        out.add(node, t.schema_location, entity(event.location))
    if event.opponent:
        out.add(node, t.ng_opponent, entity(event.opponent))
    if event.topic:
        out.add(node, t.ng_topic, _literal(event.topic))
    if event.date:
        out.add(node, t.ng_date, t.day(event.date))
    if event.quote:
        out.add(node, t.ng_quote, _literal(event.quote))
    if event.trigger:
        out.add(node, t.ng_trigger, _literal(event.trigger))
    for reported in event.reports:
        out.add(node, t.ng_reports, _iri(iris.event(doc, reported)))
    for mention in event.mentions:
        _add_mention(out, t, doc, doc_iri, doc_node, node, mention)


def document_statements(result: DocumentGraph, iris: IriMinter,
                        labels: dict[str, str] | None = None) -> Statements:
    """The triples of one document: its node, entities, events and their mentions.

    `labels` (entity key → canonical name), shared by the documents of one build, keeps one
    rdfs:label per entity node across them: the first document to name an entity gives its label.
    """
    out, t, doc = _Triples(), _terms(), result.document
    labels = {} if labels is None else labels
    doc_iri = iris.document(doc)
    doc_node = _add_document(out, t, iris, doc)
    for entity in result.entities:
        _add_entity(out, t, iris, doc, doc_iri, doc_node, entity, labels)
    for event in result.events:
        _add_event(out, t, iris, doc, doc_iri, doc_node, event)
    return Statements(tuple(out.seen))


_XSD_STRING = str(XSD.string)


def rdflib_term(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    """A pyoxigraph IRI or literal as rdflib's term (a plain string literal stays plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def rdflib_graph(triples: Iterable[ox.Triple] | Statements, graph: Graph | None = None) -> Graph:
    """pyoxigraph triples (or a document's statements) added to an rdflib graph (a new one with the usual
    prefixes by default)."""
    graph = bind_prefixes(Graph()) if graph is None else graph
    for triple in triples:
        graph.add((rdflib_term(triple.subject), rdflib_term(triple.predicate), rdflib_term(triple.object)))
    return graph


def document_triples(result: DocumentGraph, base_iri: str = DEFAULT_BASE_IRI,
                     labels: dict[str, str] | None = None) -> Graph:
    """The graph of one document as an rdflib graph (see `document_statements`)."""
    return rdflib_graph(document_statements(result, IriMinter(base_iri), labels))


def to_rdf(results: Iterable[DocumentGraph], base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """One rdflib graph holding every document's triples (entity nodes shared by IRI)."""
    graph, iris, labels = bind_prefixes(Graph()), IriMinter(base_iri), {}
    for result in results:
        rdflib_graph(document_statements(result, iris, labels), graph)
    return graph
