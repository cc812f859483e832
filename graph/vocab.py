"""The newsgraph vocabulary, declared once. `_fail = True` makes a misspelt term an error."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NG_IRI = "https://w3id.org/newsgraph/ontology#"
DEFAULT_BASE_IRI = "https://w3id.org/newsgraph/id/"


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
    Document: URIRef
    Mention: URIRef
    Sentence: URIRef
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
    verbCue: URIRef
    inverseVerbCue: URIRef
    nounCue: URIRef
    channelCue: URIRef
    communicationVerb: URIRef
    lightVerb: URIRef
    plannedCue: URIRef
    negationCue: URIRef
    attributionCue: URIRef
    titleCue: URIRef
    titleModifierCue: URIRef
    opponentVerbCue: URIRef
    honorificCue: URIRef
    maleCue: URIRef
    femaleCue: URIRef
    nameHeadCue: URIRef
    classNounCue: URIRef
    prepositionCue: URIRef
    symmetric: URIRef
