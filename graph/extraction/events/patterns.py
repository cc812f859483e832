"""Trigger forms: the shapes an event takes in a sentence, as spaCy `Matcher` patterns built from the
ontology's cue words (the parse relations a form needs, such as a compound's head, are checked on the match).

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

from spacy.matcher import Matcher

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
    """The lexicon's trigger forms compiled for one vocabulary: one pattern per form over the cue words of
    every class, and for each form the classes each cue word triggers (in the lexicon's class order)."""

    def __init__(self, vocab, lexicon: Lexicon):
        self.matcher = Matcher(vocab)
        self.forms: dict[int, str] = {}
        self.classes: dict[str, dict[str, list[str]]] = {form: {} for form in FORM_ORDER}
        words = {
            NAMING_VERB: lambda c: c.naming_verbs, VERB: lambda c: c.verbs, INVERSE_VERB: lambda c: c.inverse_verbs,
            ADJECTIVE: lambda c: c.adjectives, NOUN: lambda c: [n for n in c.nouns if " " not in n],
            COMPOUND_NOUN: lambda c: [n for n in c.nouns if " " in n],
            CHANNEL_NOUN: lambda c: [f"{n} {ch}" for n in c.communication_nouns for ch in c.channels],
        }
        for c in lexicon.classes:
            for form, cues in words.items():
                for cue in sorted(cues(c)):
                    self.classes[form].setdefault(cue, []).append(c.name)
        for phrase in sorted(lexicon.attribution_phrases):
            self._add(ATTRIBUTION, [[{"LOWER": word} for word in phrase.split()]])
        communication = frozenset().union(*(c.communication_verbs for c in lexicon.classes))
        if communication:
            self._add(CHANNEL_VERB, [[{"POS": {"IN": VERBAL}, **_cue(communication)}]])
        for form in (NAMING_VERB, VERB, INVERSE_VERB):
            if self.classes[form]:
                self._add(form, [[{"POS": {"IN": VERBAL}, **_cue(self.classes[form])}]])
        if self.classes[ADJECTIVE]:
            self._add(ADJECTIVE, [[{"POS": "ADJ", "DEP": AMOD, **_cue(self.classes[ADJECTIVE])}]])
        pairs = [cue.split(" ", 1) for cue in self.classes[COMPOUND_NOUN]]
        if pairs:
            self._add(COMPOUND_NOUN, [[{"DEP": COMPOUND, **_cue({first for first, _ in pairs})},
                                       {"POS": {"IN": NOMINAL}, **_cue({second for _, second in pairs})}]])
        channel_pairs = [cue.split(" ", 1) for cue in self.classes[CHANNEL_NOUN]]
        if channel_pairs:  # "telephone talks": the channel compound anywhere before its noun
            self._add(CHANNEL_NOUN, [[{"DEP": COMPOUND, **_cue({ch for _, ch in channel_pairs})},
                                      {"OP": "*", "IS_PUNCT": False},
                                      {"POS": {"IN": NOMINAL}, **_cue({n for n, _ in channel_pairs})}]])
        if self.classes[NOUN]:
            self._add(NOUN, [[{"POS": {"IN": NOMINAL}, **_cue(self.classes[NOUN])}]])

    def _add(self, form: str, patterns: list) -> None:
        self.matcher.add(form, patterns)
        self.forms[self.matcher.vocab.strings[form]] = form

    def __call__(self, doc) -> dict[int, list[TriggerMatch]]:
        """The forms matched at each token, in FORM_ORDER and then in the lexicon's class order."""
        found: dict[int, list[TriggerMatch]] = {}

        def add(form: str, token: int, key: str | None) -> None:
            names = [None] if key is None else self.classes[form].get(key, ())
            found.setdefault(token, []).extend(TriggerMatch(form, token, name) for name in names)

        for label, start, end in self.matcher(doc):
            form = self.forms[label]
            if form in (ATTRIBUTION, CHANNEL_VERB):
                add(form, start, None)
            elif form == COMPOUND_NOUN:
                if doc[start].head.i == end - 1:  # "phone" must be the compound of this "call"
                    add(form, end - 1, f"{doc[start].lemma_.lower()} {doc[end - 1].lemma_.lower()}")
            elif form == CHANNEL_NOUN:
                if doc[start].head.i == end - 1:  # the channel is a compound of this noun
                    add(form, end - 1, f"{doc[end - 1].lemma_.lower()} {doc[start].lemma_.lower()}")
            else:
                add(form, start, doc[start].lemma_.lower())
        return {token: sorted(dict.fromkeys(matches), key=lambda m: FORM_ORDER.index(m.form))
                for token, matches in found.items()}


_COMPILED: dict[tuple[int, int], tuple[object, Lexicon, TriggerPatterns]] = {}


def trigger_patterns(vocab, lexicon: Lexicon) -> TriggerPatterns:
    """The compiled patterns of a lexicon for a vocabulary, compiled once."""
    key = (id(vocab), id(lexicon))
    if key not in _COMPILED:
        _COMPILED[key] = (vocab, lexicon, TriggerPatterns(vocab, lexicon))  # holding both keeps the ids theirs
    return _COMPILED[key][2]
