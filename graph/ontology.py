"""Loads the bundled ontology, shapes and queries, and reads the extractor's lexicon from it.

The ontology is the single source of truth for event classes and their cue words: the extractor
never lists a trigger itself, it asks the `Lexicon` built here.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SDO

from .records import ENTITY_KINDS
from .vocab import NG

EVENT_CLASS_NAMES = (
    "PhoneCall", "Meeting", "Agreement", "Congratulation", "Invitation", "Visit",
    "Praise", "Criticism", "Concession", "Victory", "Statement",
)


def _data_file(name: str):
    return resources.files("graph.ontology_data").joinpath(name)


def ontology_text() -> str:
    return _data_file("newsgraph.ttl").read_text(encoding="utf-8")


def shapes_text() -> str:
    return _data_file("shapes.ttl").read_text(encoding="utf-8")


@functools.cache
def ontology_graph() -> Graph:
    return Graph().parse(data=ontology_text(), format="turtle")


def bundled_queries() -> dict[str, str]:
    """Name (file stem) → SPARQL text of every query in ontology/queries."""
    folder = _data_file("queries")
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


@dataclass(frozen=True)
class EventClass:
    """An event class and the cue words that trigger it."""

    name: str
    symmetric: bool
    verbs: frozenset[str]
    inverse_verbs: frozenset[str]
    nouns: frozenset[str]
    communication_verbs: frozenset[str]
    channels: frozenset[str]
    attributions: frozenset[str]
    opponent_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    classes: tuple[EventClass, ...]
    light_verbs: frozenset[str]
    planned_cues: frozenset[str]
    negation_cues: frozenset[str]
    title_cues: frozenset[str]
    title_modifiers: frozenset[str]
    honorifics: frozenset[str] = frozenset()
    male_cues: frozenset[str] = frozenset()
    female_cues: frozenset[str] = frozenset()
    # (kind, words) pairs: the head words and class nouns that mark a name's kind
    name_heads: tuple[tuple[str, frozenset[str]], ...] = ()
    class_nouns: tuple[tuple[str, frozenset[str]], ...] = ()
    prepositions: tuple[tuple[str, frozenset[str]], ...] = ()

    def head_kind(self, word: str) -> str | None:
        """The kind of entity whose names end in (or lead an 'X of Y' name with) this word."""
        return next((kind for kind, words in self.name_heads if word.lower() in words), None)

    def preposition_kind(self, word: str) -> str | None:
        """The kind of entity a preposition's object is, when it is rarely a person ('in', 'near')."""
        return next((kind for kind, words in self.prepositions if word.lower() in words), None)

    def class_kind(self, lemma: str) -> str | None:
        """The kind of entity a common noun classifies ('school' → Organization); titles classify people."""
        lemma = lemma.lower()
        if lemma in self.title_cues:
            return "Person"
        return next((kind for kind, words in self.class_nouns if lemma in words), None)

    def by_name(self, name: str) -> EventClass:
        return next(c for c in self.classes if c.name == name)

    def verb_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.verbs]

    def inverse_verb_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.inverse_verbs]

    def noun_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.nouns]

    def channel_class(self, verb: str, channel: str) -> EventClass | None:
        return next((c for c in self.classes
                     if verb in c.communication_verbs and channel in c.channels), None)

    @property
    def attribution_phrases(self) -> frozenset[str]:
        return frozenset().union(*(c.attributions for c in self.classes))

    @property
    def symmetric_names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.classes if c.symmetric)


def _words(graph: Graph, subject: URIRef, prop: URIRef) -> frozenset[str]:
    return frozenset(str(o).lower() for o in graph.objects(subject, prop) if isinstance(o, Literal))


def lexicon_from_graph(graph: Graph) -> Lexicon:
    """Build the lexicon from any graph holding the ontology (tests pass an edited copy)."""
    classes = []
    for subject in sorted(set(graph.transitive_subjects(RDFS.subClassOf, NG.Event)) - {NG.Event}):
        name = str(subject).rsplit("#", 1)[-1]
        symmetric = any(bool(o.toPython()) for o in graph.objects(subject, NG.symmetric))
        classes.append(EventClass(
            name=name,
            symmetric=symmetric,
            verbs=_words(graph, subject, NG.verbCue),
            inverse_verbs=_words(graph, subject, NG.inverseVerbCue),
            nouns=_words(graph, subject, NG.nounCue),
            communication_verbs=_words(graph, subject, NG.communicationVerb),
            channels=_words(graph, subject, NG.channelCue),
            attributions=_words(graph, subject, NG.attributionCue),
            opponent_verbs=_words(graph, subject, NG.opponentVerbCue),
        ))
    return Lexicon(
        classes=tuple(classes),
        light_verbs=_words(graph, NG.Event, NG.lightVerb),
        planned_cues=_words(graph, NG.Event, NG.plannedCue),
        negation_cues=_words(graph, NG.Event, NG.negationCue),
        title_cues=_words(graph, NG.Role, NG.titleCue),
        title_modifiers=_words(graph, NG.Role, NG.titleModifierCue),
        honorifics=_words(graph, NG.Role, NG.honorificCue),
        male_cues=_words(graph, NG.Role, NG.maleCue),
        female_cues=_words(graph, NG.Role, NG.femaleCue),
        name_heads=tuple((kind, _words(graph, SDO[kind], NG.nameHeadCue)) for kind in ENTITY_KINDS),
        class_nouns=tuple((kind, _words(graph, SDO[kind], NG.classNounCue)) for kind in ENTITY_KINDS),
        prepositions=tuple((kind, _words(graph, SDO[kind], NG.prepositionCue)) for kind in ENTITY_KINDS),
    )


@functools.cache
def default_lexicon() -> Lexicon:
    return lexicon_from_graph(ontology_graph())
