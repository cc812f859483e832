"""The record an event trigger yields, and the lookups every rule shares.

`EventMention` is one trigger with the roles its sentence gives it (entity keys); `TokenEntities`
answers which entities a token names, through appositions and coordination.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from ...lexicon import Lexicon
from ...records import PERSON
from ..deps import AGENT, APPOS, COMPOUND, CONJ, DATIVE, DOBJ, NSUBJ, NSUBJPASS, POBJ, PREP
from ..entities import EntityAnalysis
from ..nlp import children_with

CHANNEL_PREPS = {"over", "by", "on", "via", "through"}
PARTNER_PREPS = {"with", "to", "between"}
LOCATION_PREPS = {"in", "at"}
TOPIC_PREPS = {"on", "for", "over", "about"}
REFERENCE_PREPS = {"during", "in", "after", "at"}  # "during the call", "in her call with Ruiz"
HELD_BY_VERB_PREPS = {"for", "during"}  # "hosted X for talks", "told X during talks": the verb's parties hold them
DATE_LABELS = {"DATE", "TIME"}
INCLUDING_REACH = 8  # tokens after a plural noun where its "including" list may start


@dataclass(frozen=True)
class EventMention:
    """One trigger of an event, with the roles the sentence gives it (entity keys)."""

    kind: str
    trigger: str
    paragraph: int
    token: int
    agent: str | None = None
    recipient: str | None = None
    participants: tuple[str, ...] = ()
    location: str | None = None
    opponent: str | None = None
    topic: str | None = None
    planned: bool = False
    negated: bool = False
    nominal: bool = False
    reference_prep: str | None = None  # "during" in "during the call"
    clause_token: int | None = None  # the verb whose clause dates this mention (a light verb for a noun)
    fallback_participants: tuple[str, ...] = ()  # "X hosted Y for talks": used when nothing else names them
    quote: str | None = None
    quote_span: tuple[int, int] | None = None  # character span (paragraph offsets) the quote covers
    report_span: tuple[int, int] | None = None  # token span of the reported clause
    # "spoke with Okafor": a conversation that is a call only where the text says so (see document.py)
    tentative: bool = False

    @property
    def has_roles(self) -> bool:
        return bool(self.agent or self.recipient or self.participants)


_MENTION_FIELDS = frozenset(field.name for field in fields(EventMention))


def replaced(mention: EventMention, **changes) -> EventMention:
    """`dataclasses.replace(mention, **changes)`, made by copying the fields at once: the rules replace
    mentions about 4,900 times in 100 articles, and `replace` passes each of the 20 fields through the
    frozen class's __init__ one by one (an EventMention has no __post_init__ to run)."""
    unknown = changes.keys() - _MENTION_FIELDS
    if unknown:
        raise TypeError(f"EventMention has no field {sorted(unknown)[0]!r}")
    copy = object.__new__(EventMention)
    copy.__dict__.update(mention.__dict__)
    copy.__dict__.update(changes)
    return copy


class TokenEntities:
    """The paragraph being read, with the entity keys of its tokens (names, resolved pronouns)."""

    def __init__(self, paragraph: int, analysis: EntityAnalysis, lexicon: Lexicon):
        self.paragraph = paragraph
        self.analysis = analysis
        self.lexicon = lexicon

    def keys(self, token) -> tuple[str, ...]:
        keys = self.analysis.keys_at(self.paragraph, token.i)
        if keys:
            return keys
        # "US President Barack Obama" parsed as President ← (US, Obama): the apposed name first
        for dep in (APPOS, COMPOUND):
            for child in token.children:
                if child.dep_ == dep and self.analysis.keys_at(self.paragraph, child.i):
                    return self.analysis.keys_at(self.paragraph, child.i)
        # "the new president of Uruguay, Yamandú Orsi": the parser hangs the titled name on the title's place
        if token.lemma_.lower() in self.lexicon.title_cues:
            for _, place in prep_objects(token, {"of"}):
                for child in children_with(place, APPOS):
                    keys = self.analysis.keys_at(self.paragraph, child.i)
                    if keys and self._people(keys):
                        return keys
        # "his counterpart, Eleni Pappas," even where the parser lost the apposition; but in "welcomed the
        # talks, AFP reported" the name after the comma is the subject of its own clause
        doc = token.doc
        if token.pos_ == "NOUN" and token.i + 2 < len(doc) and doc[token.i + 1].text == ",":
            keys = self.analysis.keys_at(self.paragraph, doc[token.i + 2].i)
            name = doc[token.i + 2]
            while name.dep_ == COMPOUND and name.head.i > name.i:
                name = name.head
            if keys and name.dep_ not in (NSUBJ, NSUBJPASS):
                return keys
        return self._included(token) if token.tag_ == "NNS" else ()

    def _included(self, noun) -> tuple[str, ...]:
        """'leaders, including Putin and Karzai': the members a plural noun names.

        The parser hangs "including" on the noun or, as often, on the subject or the verb; the list
        counts when it follows the noun in its own clause with at most a phrase ("on Tuesday,") between."""
        doc, sentence_end = noun.doc, noun.sent.end
        for i in range(noun.i + 1, min(noun.i + INCLUDING_REACH, sentence_end)):
            if doc[i].lower_ in self.lexicon.example_cues:  # one-word cues: "including", "among"
                for pobj in children_with(doc[i], POBJ, DOBJ):
                    return self.group(pobj)
                return ()
            if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ != PREP:
                return ()
        return ()

    def group(self, token) -> tuple[str, ...]:
        """Keys of a token and of everything coordinated with it ('Ruiz and Okafor')."""
        keys = list(self.keys(token))
        for child in token.children:
            if child.dep_ == CONJ:
                conjunct = self.group(child)
                if not conjunct or self._only_qualifier(child, conjunct):
                    apposed = self._misattached_apposition(token, keys)
                    if not conjunct or self._people(apposed):
                        conjunct = apposed  # "Suga and U.S. President-elect Joe Biden": Biden, not the U.S.
                keys.extend(conjunct)
        return tuple(dict.fromkeys(keys))

    def _only_qualifier(self, title, keys) -> bool:
        """A title whose only name is a place or body qualifying it ('U.S. President-elect')."""
        return (title.lower_ in self.lexicon.title_cues or title.lower_ == "elect") and not self._people(keys)

    def _people(self, keys) -> bool:
        return any(self.kind(key) == PERSON for key in keys)

    def _misattached_apposition(self, token, own: list[str]) -> tuple[str, ...]:
        # "Ruiz and her rival Senator Ngozi Okafor": the parser hangs the name on Ruiz as an
        # apposition instead of on "rival"; a second, different entity there is the conjunct's name.
        for child in token.children:
            keys = self.analysis.keys_at(self.paragraph, child.i)
            if child.dep_ == APPOS and keys and not set(keys) & set(own):
                return keys
        return ()

    def kind(self, key: str) -> str | None:
        return self.analysis.kinds.get(key)


def prep_objects(token, preps) -> Iterator[tuple[str, object]]:
    """(preposition, its object) of the token's phrases among `preps` ("to" parsed as a dative too)."""
    for prep in children_with(token, PREP, AGENT, DATIVE):
        if prep.lower_ in preps or prep.dep_ == AGENT and "by" in preps:
            for pobj in children_with(prep, POBJ):
                yield prep.lower_, pobj
