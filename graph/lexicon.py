"""The extractor's lexicon: event classes, their role patterns and cue words, as plain frozen data.

The lexicon is read from the ontology (`graph.rdf.lexicon` builds it from `ontology/newsgraph.ttl`)
and handed to extraction, so extraction never loads rdflib and never lists a cue word itself.
Evaluation and tests read the role patterns from the same lexicon.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, fields

# How an event class is keyed (and which roles it needs), as the ontology's ng:rolePattern says.
SYMMETRIC = "symmetric"  # a set of participants, at least two: calls, meetings, agreements
DIRECTED = "directed"  # an agent acting on a recipient, both needed: congratulations, invitations
UNARY = "unary"  # an agent alone: the speaker of a statement, the winner of a victory
ROLE_PATTERNS = (SYMMETRIC, DIRECTED, UNARY)


@dataclass(frozen=True)
class EventClass:
    """An event class, its role pattern and the cue words that trigger it."""

    name: str
    role_pattern: str
    verbs: frozenset[str]
    inverse_verbs: frozenset[str]
    nouns: frozenset[str]
    communication_verbs: frozenset[str]
    channels: frozenset[str]
    attributions: frozenset[str]
    opponent_verbs: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()  # "a congratulatory call": the noun it modifies is the event
    communication_nouns: frozenset[str] = frozenset()  # "telephone talks": with a channel noun before it
    # a directed act addressed to a person (ng:addressesPerson): "to Lisbon" is where it happens, and a
    # sibling clause may name the person ("called Okafor … and extended an invitation"); for a visit,
    # "to Lisbon" is whom
    addresses_person: bool = False
    naming_verbs: frozenset[str] = frozenset()  # 'called the deal "a turning point"': a statement, no call
    judges_acts: bool = False  # "praised Haiti's efforts": the possessor of what was judged is the recipient
    arrival_preps: frozenset[str] = frozenset()  # "arrived in Amman": the place an intransitive verb goes to

    @property
    def symmetric(self) -> bool:
        return self.role_pattern == SYMMETRIC

    @property
    def directed(self) -> bool:
        return self.role_pattern == DIRECTED

    @property
    def unary(self) -> bool:
        return self.role_pattern == UNARY


@dataclass(frozen=True)
class Lexicon:
    classes: tuple[EventClass, ...]
    light_verbs: frozenset[str]
    planned_cues: frozenset[str]
    negation_cues: frozenset[str]
    title_cues: frozenset[str]
    title_modifiers: frozenset[str]
    reported_future_cues: frozenset[str] = frozenset()  # "said Brandt would visit": planned where reported
    cancelling_verbs: frozenset[str] = frozenset()  # "cancelled a trip": the trip will not happen
    deferring_verbs: frozenset[str] = frozenset()  # "postponed a visit": the visit is still planned
    # verbs whose infinitive complement has their object as subject ("invited Ruiz to visit"): the
    # complement's agent is that object, and the complement is planned
    object_control_verbs: frozenset[str] = frozenset()
    # verbs whose subject receives the event their object names ("accepted an invitation from Ruiz")
    receiving_verbs: frozenset[str] = frozenset()
    quoting_verbs: frozenset[str] = frozenset()  # "quoted Peskov as saying": Peskov speaks
    carrier_nouns: frozenset[str] = frozenset()  # "a message of congratulations": the message's roles
    generic_titles: frozenset[str] = frozenset()  # "the Russian leader": any title qualified "Russian"
    honorifics: frozenset[str] = frozenset()
    speaks_for: frozenset[str] = frozenset()  # "a spokesman for X said": X speaks
    given_name_titles: frozenset[str] = frozenset()  # "King Abdullah": a given name, not a surname
    sovereign_styles: frozenset[str] = frozenset()  # "His Majesty": the one monarch named
    sovereign_titles: frozenset[str] = frozenset()  # the titles a monarch holds (king, emir)
    becoming_verbs: frozenset[str] = frozenset()  # "became Prime Minister": a title for the subject
    male_cues: frozenset[str] = frozenset()
    female_cues: frozenset[str] = frozenset()
    # (kind, words) pairs: the head words and class nouns that mark a name's kind
    name_heads: tuple[tuple[str, frozenset[str]], ...] = ()
    class_nouns: tuple[tuple[str, frozenset[str]], ...] = ()
    prepositions: tuple[tuple[str, frozenset[str]], ...] = ()
    modified_nouns: tuple[tuple[str, frozenset[str]], ...] = ()  # "his Twitter account": an organization
    media_preps: tuple[tuple[str, frozenset[str]], ...] = ()  # "said on Twitter": the medium's kind
    outlet_verbs: frozenset[str] = frozenset()  # "told LA Weekly", "interviewed by Wikinews": an outlet
    example_cues: frozenset[str] = frozenset()  # "publications including X and Y": X and Y are publications
    occasion_heads: frozenset[str] = frozenset()  # "the Rugby World Cup": an occasion, no entity
    work_nouns: frozenset[str] = frozenset()  # "the album Blood Orange": a work's title, no entity
    titling_verbs: frozenset[str] = frozenset()  # "a story called …": the title follows
    body_nouns: frozenset[str] = frozenset()  # "the British embassy", "the Biden administration": one body

    # Extraction asks these of every name and token, and its caches keyed on a lexicon hash the lexicon at
    # every call: the hash is worked out once, and each answer is read from an index built once per lexicon
    # rather than from a scan of the tuples (the lexicon is frozen, so neither can go stale).
    def __hash__(self) -> int:
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(self)))  # what the dataclass's own hash is

    def __getstate__(self) -> dict:
        # a string's hash differs between processes: a worker process works out its own indexes and hash
        names = {f.name for f in fields(self)}
        return {name: value for name, value in self.__dict__.items() if name in names}

    def head_kind(self, word: str) -> str | None:
        """The kind of entity whose names end in (or lead an 'X of Y' name with) this word."""
        return self._head_kinds.get(word.lower())

    def preposition_kind(self, word: str) -> str | None:
        """The kind of entity a preposition's object is, when it is rarely a person ('in', 'near')."""
        return self._preposition_kinds.get(word.lower())

    def class_kind(self, lemma: str) -> str | None:
        """The kind of entity a common noun classifies ('school' → Organization); titles classify people."""
        lemma = lemma.lower()
        if lemma in self.title_cues:
            return "Person"
        return self._class_kinds.get(lemma)

    @functools.cached_property
    def _head_kinds(self) -> dict[str, str]:
        return _first_kinds(self.name_heads)

    @functools.cached_property
    def _preposition_kinds(self) -> dict[str, str]:
        return _first_kinds(self.prepositions)

    @functools.cached_property
    def _class_kinds(self) -> dict[str, str]:
        return _first_kinds(self.class_nouns)

    def by_name(self, name: str) -> EventClass:
        return self._classes_by_name[name]

    @functools.cached_property
    def _classes_by_name(self) -> dict[str, EventClass]:
        return {c.name: c for c in reversed(self.classes)}  # the first class of a name wins, as a scan finds it

    def verb_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.verbs]

    def inverse_verb_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.inverse_verbs]

    def noun_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.nouns]

    def controls_object(self, noun: str) -> bool:
        """A noun of a class triggered by an object-control verb ('invitation' ← 'invite'): the one it
        goes to does what its infinitive says ('her invitation to visit Porto')."""
        return any(c.verbs & self.object_control_verbs for c in self.noun_classes(noun))

    def adjective_classes(self, lemma: str) -> list[EventClass]:
        return [c for c in self.classes if lemma in c.adjectives]

    def channel_noun_class(self, noun: str, channel: str) -> EventClass | None:
        """'telephone talks', 'phone conversation': a conversation noun after a channel noun."""
        return next((c for c in self.classes if noun in c.communication_nouns and channel in c.channels), None)

    def channel_class(self, verb: str, channel: str) -> EventClass | None:
        return next((c for c in self.classes
                     if verb in c.communication_verbs and channel in c.channels), None)

    @functools.cached_property
    def attribution_phrases(self) -> frozenset[str]:
        return frozenset().union(*(c.attributions for c in self.classes))

    @functools.cached_property
    def speech_verbs(self) -> frozenset[str]:
        """Verbs of the class attributions make events of (Statement): "said", "told", "confirmed"."""
        return frozenset().union(*(c.verbs for c in self.classes if c.attributions))

    def attribution_class(self, phrase: str) -> EventClass | None:
        """The class an attribution phrase ('according to') makes its source the agent of."""
        return next((c for c in self.classes if phrase in c.attributions), None)

    def names_with(self, role_pattern: str) -> frozenset[str]:
        """Names of the event classes keyed by `role_pattern` (SYMMETRIC, DIRECTED or UNARY)."""
        return frozenset(c.name for c in self.classes if c.role_pattern == role_pattern)

    @property
    def symmetric_names(self) -> frozenset[str]:
        return self.names_with(SYMMETRIC)

    def role_pattern(self, name: str) -> str:
        return self.by_name(name).role_pattern


def _first_kinds(groups: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, str]:
    """Each word's kind from (kind, words) pairs: the first pair that holds the word, as a scan finds it."""
    kinds: dict[str, str] = {}
    for kind, words in groups:
        for word in words:
            kinds.setdefault(word, kind)
    return kinds
