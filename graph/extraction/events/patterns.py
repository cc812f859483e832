"""Trigger forms: the shapes an event takes in a sentence, one-, two- and n-token patterns over the
ontology's cue words, found by looking each token's lemma up in tables built once per lexicon (the parse
relations a form needs, such as a compound's head, are checked on the match).

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

The patterns were spaCy `Matcher` patterns until the Matcher, which tests its set conditions by calling
back into Python for every token, was 10 % of the extraction; a lookup by lemma finds the same matches
in a fraction of the time (tests/test_patterns.py checks it against the Matcher).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.strings import get_string_id

from ...lexicon import Lexicon
from ..deps import AMOD, COMPOUND
from ..nlp import column, ids

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


def cue_forms(words) -> frozenset[str]:
    """The lemmas a cue word may have, whatever its case ("Talks" at a sentence start is "talks")."""
    return frozenset(form for w in words for form in (w, w.capitalize(), w.title(), w.upper()))


def cue_lemmas(words) -> frozenset[int]:
    return ids(cue_forms(words))


@dataclass(frozen=True)
class _OneToken:
    """A form matched by one token: its lemma (looked up), part of speech and, if named, dependency label."""

    form: str
    parts_of_speech: frozenset[int]
    dependency: int | None = None


@dataclass(frozen=True)
class _Modified:
    """A form whose noun (looked up by lemma) has a compound before it among `modifiers`: right before it
    (`adjacent`), or anywhere before with no punctuation between."""

    form: str
    modifiers: frozenset[int]
    adjacent: bool


class TriggerPatterns:
    """The lexicon's trigger forms compiled once: tables from a lemma (or, for attribution phrases, a first
    word) to the forms it may start, and for each form the classes each cue word triggers (in the lexicon's
    class order)."""

    def __init__(self, lexicon: Lexicon):
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
        self._one_token: dict[int, list[_OneToken]] = {}
        self._modified: dict[int, list[_Modified]] = {}
        self._phrases: dict[int, list[list[int]]] = {}
        for phrase in sorted(lexicon.attribution_phrases):
            lowers = list(map(get_string_id, phrase.split()))  # compared with slices of a column
            self._phrases.setdefault(lowers[0], []).append(lowers)
        communication = frozenset().union(*(c.communication_verbs for c in lexicon.classes))
        if communication:
            self._add_one_token(communication, _OneToken(CHANNEL_VERB, ids(VERBAL)))
        for form in (NAMING_VERB, VERB, INVERSE_VERB):
            self._add_one_token(self.classes[form], _OneToken(form, ids(VERBAL)))
        self._add_one_token(self.classes[ADJECTIVE], _OneToken(ADJECTIVE, ids(["ADJ"]), get_string_id(AMOD)))
        pairs = [cue.split(" ", 1) for cue in self.classes[COMPOUND_NOUN]]
        if pairs:  # "phone call": the compound right before its noun
            self._add_modified({second for _, second in pairs},
                               _Modified(COMPOUND_NOUN, cue_lemmas({first for first, _ in pairs}), True))
        channel_pairs = [cue.split(" ", 1) for cue in self.classes[CHANNEL_NOUN]]
        if channel_pairs:  # "telephone talks": the channel compound anywhere before its noun
            self._add_modified({n for n, _ in channel_pairs},
                               _Modified(CHANNEL_NOUN, cue_lemmas({ch for _, ch in channel_pairs}), False))
        self._add_one_token(self.classes[NOUN], _OneToken(NOUN, ids(NOMINAL)))
        self._nominal, self._compound = ids(NOMINAL), get_string_id(COMPOUND)

    def _add_one_token(self, words, form: _OneToken) -> None:
        for lemma in cue_lemmas(words):
            self._one_token.setdefault(lemma, []).append(form)

    def _add_modified(self, nouns, form: _Modified) -> None:
        for lemma in cue_lemmas(nouns):
            self._modified.setdefault(lemma, []).append(form)

    def __call__(self, doc) -> dict[int, list[TriggerMatch]]:
        """The forms matched at each token, in FORM_ORDER and then in the lexicon's class order."""
        found: dict[int, list[TriggerMatch]] = {}
        if not len(doc):
            return found
        lemmas, parts, deps = column(doc, "LEMMA"), column(doc, "POS"), column(doc, "DEP")
        lowers, punct = column(doc, "LOWER"), column(doc, "IS_PUNCT")

        def add(form: str, token: int, key: str | None) -> None:
            names = [None] if key is None else self.classes[form].get(key, ())
            found.setdefault(token, []).extend(TriggerMatch(form, token, name) for name in names)

        def lemma(i: int) -> str:
            return doc.vocab.strings[lemmas[i]].lower()

        for i, lower in enumerate(lowers):
            for phrase in self._phrases.get(lower, ()):
                if lowers[i:i + len(phrase)] == phrase:
                    add(ATTRIBUTION, i, None)
            for one in self._one_token.get(lemmas[i], ()):
                if parts[i] in one.parts_of_speech and (one.dependency is None or deps[i] == one.dependency):
                    add(one.form, i, None if one.form == CHANNEL_VERB else lemma(i))
            if parts[i] not in self._nominal:
                continue
            for modified in self._modified.get(lemmas[i], ()):
                for start in self._modifiers(modified, i, lemmas, deps, punct):
                    if doc[start].head.i == i:  # "phone" must be the compound of this "call"
                        pair = (lemma(start), lemma(i)) if modified.adjacent else (lemma(i), lemma(start))
                        add(modified.form, i, " ".join(pair))
        return {token: sorted(dict.fromkeys(matches), key=lambda m: FORM_ORDER.index(m.form))
                for token, matches in found.items()}

    def _modifiers(self, form: _Modified, noun: int, lemmas, deps, punct) -> list[int]:
        """The compounds among the form's modifiers before a noun, left to right."""
        starts = []
        for start in range(noun - 1, -1, -1):
            if deps[start] == self._compound and lemmas[start] in form.modifiers:
                starts.append(start)
            if form.adjacent or punct[start]:
                break  # what lies between a channel and its noun is no punctuation
        return starts[::-1]


_COMPILED: dict[int, tuple[Lexicon, TriggerPatterns]] = {}


def trigger_patterns(lexicon: Lexicon) -> TriggerPatterns:
    """The compiled patterns of a lexicon, compiled once."""
    if id(lexicon) not in _COMPILED:
        _COMPILED[id(lexicon)] = (lexicon, TriggerPatterns(lexicon))  # holding it keeps the id its
    return _COMPILED[id(lexicon)][1]
