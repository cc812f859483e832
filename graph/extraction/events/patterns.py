"""Trigger forms: the shapes an event takes in a sentence, as spaCy `Matcher` and `DependencyMatcher`
patterns built from the ontology's cue words.

A form is a pattern here and a builder in triggers.py that reads the roles of its matches, so a new
way reporters write an event is one more pattern, not one more branch. The forms of one token are
tried in FORM_ORDER; the first that yields a mention wins where the forms exclude each other (an
attribution phrase, a communication verb with a channel, the three noun forms).

| form | pattern | example |
| --- | --- | --- |
| ATTRIBUTION | the words of an `ng:attributionCue` | "according to the ministry" |
| NAMING_VERB | a verb of `ng:namingVerbCue` (its quoted complement is checked by the builder) | "called it “a model”" |
| CHANNEL_VERB | a verb of `ng:communicationVerb` (its channel is checked by the builder) | "spoke by phone" |
| VERB, INVERSE_VERB | a verb of `ng:verbCue`, `ng:inverseVerbCue` | "called", "hosted" |
| ADJECTIVE | an `ng:adjectiveCue` modifying a noun | "a congratulatory message" |
| COMPOUND_NOUN | a two-word `ng:nounCue`, its first word a compound right before the second | "phone call" |
| CHANNEL_NOUN | an `ng:communicationNoun` with an `ng:channelCue` compound | "telephone talks" |
| NOUN | an `ng:nounCue` | "the call", "his victory" |
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import DependencyMatcher, Matcher

from ...lexicon import Lexicon
from ..deps import AMOD, COMPOUND

ATTRIBUTION, NAMING_VERB, CHANNEL_VERB = "attribution", "naming-verb", "channel-verb"
VERB, INVERSE_VERB = "verb", "inverse-verb"
ADJECTIVE, COMPOUND_NOUN, CHANNEL_NOUN, NOUN = "adjective", "compound-noun", "channel-noun", "noun"
FORM_ORDER = (ATTRIBUTION, NAMING_VERB, CHANNEL_VERB, VERB, INVERSE_VERB, ADJECTIVE, COMPOUND_NOUN, CHANNEL_NOUN, NOUN)
NOUN_FORMS = (COMPOUND_NOUN, CHANNEL_NOUN, NOUN)  # the first that names a class is the noun's

VERBAL, NOMINAL = ["VERB", "AUX"], ["NOUN", "PROPN"]


@dataclass(frozen=True)
class TriggerMatch:
    """One form matched at one token; `class_name` is None where the builder decides the class."""

    form: str
    token: int
    class_name: str | None = None


def _cue(words) -> dict:
    """A lemma among the cue words, whatever its case ("Talks" at a sentence start is "talks"). The forms are
    listed rather than read through a Token extension: the Matcher compares native attributes in C."""
    return {"LEMMA": {"IN": sorted({form for w in words for form in (w, w.capitalize(), w.title(), w.upper())})}}


class TriggerPatterns:
    """The lexicon's trigger forms compiled for one vocabulary."""

    def __init__(self, vocab, lexicon: Lexicon):
        self.matcher = Matcher(vocab)
        self.dependencies = DependencyMatcher(vocab)
        self.labels: dict[int, tuple[str, str | None]] = {}
        self.class_order = {c.name: index for index, c in enumerate(lexicon.classes)}
        for phrase in sorted(lexicon.attribution_phrases):
            self._add(ATTRIBUTION, None, [[{"LOWER": word} for word in phrase.split()]])
        communication = frozenset().union(*(c.communication_verbs for c in lexicon.classes))
        if communication:
            self._add(CHANNEL_VERB, None, [[{"POS": {"IN": VERBAL}, **_cue(communication)}]])
        for c in lexicon.classes:
            single = [n for n in c.nouns if " " not in n]
            pairs = [n.split(" ", 1) for n in c.nouns if " " in n]
            if c.naming_verbs:
                self._add(NAMING_VERB, c.name, [[{"POS": {"IN": VERBAL}, **_cue(c.naming_verbs)}]])
            if c.verbs:
                self._add(VERB, c.name, [[{"POS": {"IN": VERBAL}, **_cue(c.verbs)}]])
            if c.inverse_verbs:
                self._add(INVERSE_VERB, c.name, [[{"POS": {"IN": VERBAL}, **_cue(c.inverse_verbs)}]])
            if c.adjectives:
                self._add(ADJECTIVE, c.name, [[{"POS": "ADJ", "DEP": AMOD, **_cue(c.adjectives)}]])
            if pairs:
                self._add(COMPOUND_NOUN, c.name, [[{"DEP": COMPOUND, **_cue([first])},
                                                   {"POS": {"IN": NOMINAL}, **_cue([second])}]
                                                  for first, second in pairs])
            if c.communication_nouns and c.channels:
                self._add(CHANNEL_NOUN, c.name, [[
                    {"RIGHT_ID": "noun", "RIGHT_ATTRS": {"POS": {"IN": NOMINAL}, **_cue(c.communication_nouns)}},
                    {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "channel",
                     "RIGHT_ATTRS": {"DEP": COMPOUND, **_cue(c.channels)}}]], dependency=True)
            if single:
                self._add(NOUN, c.name, [[{"POS": {"IN": NOMINAL}, **_cue(single)}]])

    def _add(self, form: str, class_name: str | None, patterns: list, dependency: bool = False) -> None:
        label = f"{form}:{class_name or ''}"
        (self.dependencies if dependency else self.matcher).add(label, patterns)
        self.labels[self.matcher.vocab.strings[label]] = (form, class_name)

    def __call__(self, doc) -> dict[int, list[TriggerMatch]]:
        """The forms matched at each token, in FORM_ORDER and then in the lexicon's class order."""
        found: dict[int, list[TriggerMatch]] = {}
        for label, start, end in self.matcher(doc):
            form, class_name = self.labels[label]
            token = start if form == ATTRIBUTION else end - 1  # a compound noun is its last word
            if form == COMPOUND_NOUN and doc[start].head.i != token:
                continue  # "phone" must be the compound of this "call"
            found.setdefault(token, []).append(TriggerMatch(form, token, class_name))
        for label, (noun, _channel) in self.dependencies(doc):
            form, class_name = self.labels[label]
            found.setdefault(noun, []).append(TriggerMatch(form, noun, class_name))
        order = self.class_order
        return {token: sorted(dict.fromkeys(matches), key=lambda m: (FORM_ORDER.index(m.form),
                                                                     order.get(m.class_name, -1)))
                for token, matches in found.items()}


_COMPILED: dict[tuple[int, int], tuple[object, Lexicon, TriggerPatterns]] = {}


def trigger_patterns(vocab, lexicon: Lexicon) -> TriggerPatterns:
    """The compiled patterns of a lexicon for a vocabulary, compiled once."""
    key = (id(vocab), id(lexicon))
    if key not in _COMPILED:
        _COMPILED[key] = (vocab, lexicon, TriggerPatterns(vocab, lexicon))  # holding both keeps the ids theirs
    return _COMPILED[key][2]
