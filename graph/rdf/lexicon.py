"""Reads the extractor's lexicon (`graph.lexicon.Lexicon`) from the ontology.

The ontology is the single source of truth for event classes: their role patterns (ng:rolePattern)
and cue words. The extractor never lists a trigger itself; the pipeline builds the lexicon here and
hands it over, so extraction needs no RDF library.
"""
from __future__ import annotations

import functools

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SDO

from ..errors import NewsgraphError
from ..lexicon import DIRECTED, SYMMETRIC, UNARY, EventClass, Lexicon
from ..records import ENTITY_KINDS
from .ontology import ontology_graph
from .vocab import NG

ROLE_PATTERN_NAMES = {NG.symmetricRoles: SYMMETRIC, NG.directedRoles: DIRECTED, NG.unaryRoles: UNARY}


class OntologyError(NewsgraphError):
    """An ontology the lexicon cannot be read from (a class without a role pattern …)."""


def _words(graph: Graph, subject: URIRef, prop: URIRef) -> frozenset[str]:
    return frozenset(str(o).lower() for o in graph.objects(subject, prop) if isinstance(o, Literal))


def _flag(graph: Graph, subject: URIRef, prop: URIRef) -> bool:
    return any(bool(o.toPython()) for o in graph.objects(subject, prop) if isinstance(o, Literal))


def _role_pattern(graph: Graph, subject: URIRef, name: str) -> str:
    patterns = {ROLE_PATTERN_NAMES.get(o) for o in graph.objects(subject, NG.rolePattern)}
    if len(patterns) != 1 or None in patterns:
        raise OntologyError(f"event class {name} needs exactly one ng:rolePattern "
                            "(ng:symmetricRoles, ng:directedRoles or ng:unaryRoles)")
    return patterns.pop()


def lexicon_from_graph(graph: Graph) -> Lexicon:
    """Build the lexicon from any graph holding the ontology (tests pass an edited copy)."""
    classes = []
    for subject in sorted(set(graph.transitive_subjects(RDFS.subClassOf, NG.Event)) - {NG.Event}):
        name = str(subject).rsplit("#", 1)[-1]
        classes.append(EventClass(
            name=name,
            role_pattern=_role_pattern(graph, subject, name),
            verbs=_words(graph, subject, NG.verbCue),
            inverse_verbs=_words(graph, subject, NG.inverseVerbCue),
            nouns=_words(graph, subject, NG.nounCue),
            communication_verbs=_words(graph, subject, NG.communicationVerb),
            channels=_words(graph, subject, NG.channelCue),
            attributions=_words(graph, subject, NG.attributionCue),
            opponent_verbs=_words(graph, subject, NG.opponentVerbCue),
            adjectives=_words(graph, subject, NG.adjectiveCue),
            communication_nouns=_words(graph, subject, NG.communicationNoun),
            addresses_person=_flag(graph, subject, NG.addressesPerson),
            arrival_preps=_words(graph, subject, NG.arrivalPreposition),
            judges_acts=_flag(graph, subject, NG.judgesActs),
            naming_verbs=_words(graph, subject, NG.namingVerbCue),
        ))
    return Lexicon(
        classes=tuple(classes),
        light_verbs=_words(graph, NG.Event, NG.lightVerb),
        planned_cues=_words(graph, NG.Event, NG.plannedCue),
        reported_future_cues=_words(graph, NG.Event, NG.reportedFutureCue),
        negation_cues=_words(graph, NG.Event, NG.negationCue),
        cancelling_verbs=_words(graph, NG.Event, NG.cancellingVerb),
        deferring_verbs=_words(graph, NG.Event, NG.deferringVerb),
        object_control_verbs=_words(graph, NG.Event, NG.objectControlVerb),
        receiving_verbs=_words(graph, NG.Event, NG.receivingVerb),
        quoting_verbs=_words(graph, NG.Event, NG.quotingVerb),
        carrier_nouns=_words(graph, NG.Event, NG.carrierNounCue),
        title_cues=_words(graph, NG.Role, NG.titleCue),
        title_modifiers=_words(graph, NG.Role, NG.titleModifierCue),
        generic_titles=_words(graph, NG.Role, NG.genericTitleCue),
        honorifics=_words(graph, NG.Role, NG.honorificCue),
        speaks_for=_words(graph, NG.Role, NG.speaksForCue),
        given_name_titles=_words(graph, NG.Role, NG.givenNameTitleCue),
        sovereign_styles=_words(graph, NG.Role, NG.sovereignStyleCue),
        sovereign_titles=_words(graph, NG.Role, NG.sovereignTitleCue),
        becoming_verbs=_words(graph, NG.Role, NG.becomingVerbCue),
        male_cues=_words(graph, NG.Role, NG.maleCue),
        female_cues=_words(graph, NG.Role, NG.femaleCue),
        name_heads=tuple((kind, _words(graph, SDO[kind], NG.nameHeadCue)) for kind in ENTITY_KINDS),
        class_nouns=tuple((kind, _words(graph, SDO[kind], NG.classNounCue)) for kind in ENTITY_KINDS),
        prepositions=tuple((kind, _words(graph, SDO[kind], NG.prepositionCue)) for kind in ENTITY_KINDS),
        body_nouns=_words(graph, SDO.Organization, NG.bodyNounCue),
        outlet_verbs=_words(graph, SDO.Organization, NG.outletVerbCue),
        example_cues=_words(graph, SDO.Thing, NG.exampleListCue),
        occasion_heads=_words(graph, NG.Event, NG.occasionHeadCue),
        work_nouns=_words(graph, SDO.CreativeWork, NG.workNounCue),
        titling_verbs=_words(graph, SDO.CreativeWork, NG.titlingVerbCue),
        media_preps=tuple((kind, _words(graph, SDO[kind], NG.mediumPreposition)) for kind in ENTITY_KINDS),
        modified_nouns=tuple((kind, _words(graph, SDO[kind], NG.modifiedNounCue)) for kind in ENTITY_KINDS),
    )


@functools.cache
def default_lexicon() -> Lexicon:
    return lexicon_from_graph(ontology_graph())
