"""The vocabularies newsgraph writes, declared once. `_fail = True` makes a misspelt ng: term an error.

The prefixes (Turtle output, SPARQL text) and the ontology's graph name are declared once, as strings, in
iris.py (so that the store's commands need no rdflib) and re-exported here.
"""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

from .iris import (
    DEFAULT_BASE_IRI,
    NG_IRI,
    NIF_IRI,
    ONTOLOGY_GRAPH,
    PREFIXES,
    QUERY_PREFIXES,
    SCHEMA_IRI,
    SEM_IRI,
    sparql_prefixes,
)

NIF = Namespace(NIF_IRI)
SEM = Namespace(SEM_IRI)
SCHEMA = Namespace(SCHEMA_IRI)
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


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the usual prefixes in an rdflib graph (what its Turtle is written with)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph
