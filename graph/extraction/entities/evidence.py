"""What the world knows of a name's kind, where its words and syntax say little (see kinds.py).

- an article: "the Dawn quoted …", "the Kremlin said": a one-word name after "the" is no person;
- the noun it modifies: "his Twitter account", "the Herald website" (`ng:modifiedNounCue`);
- the medium: "said on Twitter", "wrote via Telegram" (`ng:mediumPreposition`);
- the gazetteer: "Kyiv and Beijing" tagged as people are the capitals, unless the word is a given name;
  and "Angolan", "Sri Lankan" tagged as places are a country's adjective, no name of their own.
"""
from __future__ import annotations

import functools

from ...lexicon import Lexicon
from ...records import ORGANIZATION, PERSON, PLACE
from ..deps import AMOD, COMPOUND, DOBJ, POBJ
from ..nlp import children_with, span_root
from .cues import is_given_name
from .places import CITY, COUNTRY, LARGE_CITY, gazetteer

ARTICLES = {"the"}
# How English makes a country's adjective from its name (ending dropped, suffix added): Angola → Angolan,
# Sri Lanka → Sri Lankan, Brazil → Brazilian, Japan → Japanese, Pakistan → Pakistani, Kenya → Kenyan.
DEMONYM_FORMS = (("", "n"), ("", "an"), ("", "ian"), ("", "ese"), ("", "i"), ("a", "an"), ("a", "ese"), ("y", "an"))
MIN_STEM = 3


@functools.lru_cache(maxsize=65536)  # asked of the same words by several rules; the gazetteer never changes
def known_place(word: str):
    """The country, state or large city the gazetteer knows by this name, if any."""
    return next((link for link in gazetteer().candidates([word])
                 if link.feature != CITY or link.population >= LARGE_CITY), None)


def article_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """'the Dawn reported', 'the Kremlin said': people take no article; a known place stays a place."""
    if label != "PERSON" or end - start != 1 or start == 0 or doc[start - 1].lower_ not in ARTICLES:
        return None
    word = doc[start]
    if word.lower_ in lexicon.title_cues or end < len(doc) and doc[end].ent_type_ == "PERSON":
        return None  # "the President Ana Ruiz …"
    return PLACE if known_place(word.text) else ORGANIZATION


def modified_noun_kind(doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """'his Twitter account', 'the Herald website': what a name owns marks an organization."""
    root = span_root(doc, start, end)
    head = root.head
    if root.dep_ == COMPOUND and head.i >= end and head.pos_ == "NOUN" and head.is_lower:
        return next((kind for kind, words in lexicon.modified_nouns if head.lemma_.lower() in words), None)
    return None


def medium_kind(doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """'On Twitter, Ruiz said', 'said via Telegram', 'issued a message to Lee on Twitter', 'messages on
    Twitter': what words went out on, after a speech verb or a message (`ng:carrierNounCue`)."""
    root = span_root(doc, start, end)
    prep = root.head
    if end - start != 1 or root.dep_ != POBJ or not _carries_words(prep.head, lexicon):
        return None
    return next((kind for kind, words in lexicon.media_preps if prep.lower_ in words), None)


def _carries_words(token, lexicon: Lexicon) -> bool:
    """A speech verb, a message, or a verb whose object is a message ('issued a message')."""
    def message(t) -> bool:
        return t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.carrier_nouns
    return token.lemma_.lower() in lexicon.speech_verbs or message(token) \
        or token.pos_ == "VERB" and any(message(c) for c in children_with(token, DOBJ))


def regnal_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """'after the death of King Fahd' tagged as a place: a given-name title (`ng:givenNameTitleCue`) and one
    proper noun name a person, unless the gazetteer knows the two words as a place ('Prince George')."""
    if label not in ("GPE", "LOC", "FAC") or end - start != 2 or doc[start].lower_ not in lexicon.given_name_titles:
        return None
    name = doc[start + 1]
    if name.pos_ != "PROPN" or not name.is_title or gazetteer().candidates([doc[start:end].text]):
        return None
    return PERSON


def gazetteer_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """'Kyiv and Beijing' tagged as people: a one-word name the gazetteer knows as a country or a big city,
    and that is no given name, is the place; so is one tagged as an organization where a place is expected
    ('met in Entebbe'). A given name tagged as a place that the gazetteer does not know is a person."""
    word = doc[start]
    if end - start == 1 and label in ("GPE", "LOC") and is_given_name(word.text) \
            and not gazetteer().candidates([word.text]) \
            and not (word.dep_ in (COMPOUND, AMOD) and word.head.pos_ == "NOUN"):  # "Shona rebels": a people
        return PERSON  # "Raila on Tuesday said …": a first name the gazetteer knows as no place at all
    if end - start >= 3 and any(link.feature == COUNTRY for link in gazetteer().candidates([doc[start:end].text])):
        return PLACE  # "the Democratic Socialist Republic of Sri Lanka": a country's formal name, whatever the tag
    if end - start != 1 or not known_place(doc[start].text):
        return None
    if label == "PERSON":
        return None if is_given_name(doc[start].text) else PLACE
    root = doc[start]
    placed = root.dep_ == "pobj" and lexicon.preposition_kind(root.head.lower_) == PLACE
    return PLACE if label == "ORG" and placed else None


def world_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    kind = article_kind(doc, start, end, label, lexicon) or modified_noun_kind(doc, start, end, lexicon) \
        or medium_kind(doc, start, end, lexicon) or gazetteer_kind(doc, start, end, label, lexicon)
    return kind if kind != label and kind in (ORGANIZATION, PLACE, PERSON) else None


def national_adjective(doc, start: int, end: int, label: str) -> bool:
    """'Angolan Foreign Minister Teresa Nunes', 'his Sri Lankan counterpart': a country's adjective the
    model tagged as a place modifies the noun after it; it names nothing (as when tagged a nationality)."""
    root = span_root(doc, start, end)
    if label not in ("GPE", "LOC") or root.dep_ not in (COMPOUND, AMOD) or root.head.i < end:
        return False
    text = doc[start:end].text
    if known_place(text):
        return False
    for dropped, suffix in DEMONYM_FORMS:
        stem = text.removesuffix(suffix)
        if stem != text and len(stem) >= MIN_STEM and any(
                link.feature == COUNTRY for link in gazetteer().candidates([stem + dropped])):
            return True
    return False
