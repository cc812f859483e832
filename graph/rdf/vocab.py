"""The vocabularies newsgraph writes, declared once. `_fail = True` makes a misspelt ng: term an error.

Also the one home of the prefixes (Turtle output, SPARQL text) and of the ontology's graph name.
"""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD, Graph, Namespace
from rdflib.namespace import DCTERMS, PROV, SKOS, DefinedNamespace
from rdflib.term import URIRef

from .iris import DEFAULT_BASE_IRI, NG_IRI, ONTOLOGY_GRAPH

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
__all__ = ["DEFAULT_BASE_IRI", "NG", "NG_IRI", "NIF", "ONTOLOGY_GRAPH", "PREFIXES", "QUERY_PREFIXES", "SCHEMA", "SEM",
           "bind_prefixes", "sparql_prefixes"]


class NG(DefinedNamespace):
    """Terms of ontology/newsgraph.ttl (a test checks the two agree)."""

    _NS = Namespace(NG_IRI)
    _fail = True

    # classes
    Event: URIRef
    PhoneCall: URIRef
    Meeting: URIRef
    Agreement: URIRef
    Congratulation: URIRef
    Invitation: URIRef
    Visit: URIRef
    Praise: URIRef
    Criticism: URIRef
    Concession: URIRef
    Victory: URIRef
    Statement: URIRef
    Role: URIRef
    Group: URIRef
    Document: URIRef
    Mention: URIRef
    Sentence: URIRef
    RolePattern: URIRef
    # role patterns
    symmetricRoles: URIRef
    directedRoles: URIRef
    unaryRoles: URIRef
    # properties
    holdsRole: URIRef
    asOf: URIRef
    date: URIRef
    planned: URIRef
    negated: URIRef
    topic: URIRef
    opponent: URIRef
    quote: URIRef
    reports: URIRef
    trigger: URIRef
    mention: URIRef
    mentionCount: URIRef
    sourcePath: URIRef
    # lexicon annotation properties
    rolePattern: URIRef
    addressesPerson: URIRef
    verbCue: URIRef
    inverseVerbCue: URIRef
    nounCue: URIRef
    adjectiveCue: URIRef
    communicationNoun: URIRef
    channelCue: URIRef
    communicationVerb: URIRef
    lightVerb: URIRef
    plannedCue: URIRef
    reportedFutureCue: URIRef
    negationCue: URIRef
    objectControlVerb: URIRef
    receivingVerb: URIRef
    quotingVerb: URIRef
    carrierNounCue: URIRef
    attributionCue: URIRef
    titleCue: URIRef
    titleModifierCue: URIRef
    opponentVerbCue: URIRef
    honorificCue: URIRef
    speaksForCue: URIRef
    givenNameTitleCue: URIRef
    sovereignStyleCue: URIRef
    sovereignTitleCue: URIRef
    becomingVerbCue: URIRef
    maleCue: URIRef
    femaleCue: URIRef
    nameHeadCue: URIRef
    classNounCue: URIRef
    prepositionCue: URIRef
    modifiedNounCue: URIRef
    bodyNounCue: URIRef
    mediumPreposition: URIRef
    outletVerbCue: URIRef
    exampleListCue: URIRef
    occasionHeadCue: URIRef
    workNounCue: URIRef
    titlingVerbCue: URIRef
    arrivalPreposition: URIRef
    judgesActs: URIRef
    cancellingVerb: URIRef
    namingVerbCue: URIRef
    genericTitleCue: URIRef
    deferringVerb: URIRef
    # drawing annotation properties
    colour: URIRef
    lineStyle: URIRef
    arrowhead: URIRef
    pluralLabel: URIRef


# prefix → namespace IRI: bound in every graph newsgraph writes, and declared in its SPARQL
PREFIXES: dict[str, str] = {
    "ng": NG_IRI, "schema": str(SCHEMA), "nif": str(NIF), "prov": str(PROV), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
}


# ... and declared in every ad-hoc query through graph.store.query (`newsgraph query`, Store.query), with
# the vocabularies people write queries in: `rdfs:label` needs no PREFIX line.
QUERY_PREFIXES: dict[str, str] = {
    "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "skos": str(SKOS), "schema": str(SCHEMA),
    "prov": str(PROV), "dcterms": str(DCTERMS), "nif": str(NIF), "ng": NG_IRI, "sem": str(SEM),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the usual prefixes in an rdflib graph (what its Turtle is written with)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def sparql_prefixes(*names: str) -> str:
    """PREFIX lines for the given prefixes (all of PREFIXES when none is named)."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in (names or PREFIXES))
