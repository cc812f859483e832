"""Weighing what a name's context says of its kind (cues.py gathers the evidence), and finding the names
the model left untagged.

The strongest evidence wins: a head word, a class noun, a region, a place's context; then
affiliations, employers, lists and given names; then what the world knows (evidence.py): the article
before a one-word name, the noun a name modifies, a personal title, the gazetteer.
"""
from __future__ import annotations

from spacy.attrs import POS
from spacy.symbols import NOUN as NOUN_POS

from ...lexicon import Lexicon
from ...records import ORGANIZATION, PERSON, PLACE
from ..deps import COMPOUND, DET, NSUBJ
from ..nlp import children_with, column
from .cues import (
    CONNECTORS,
    KIND_LABEL,
    affiliation_kind,
    capitalised,
    class_noun_kind,
    credit_kind,
    employer_kind,
    head_kind,
    is_given_name,
    is_name_word,
    list_kind,
    outlet_kind,
    personal_name_kind,
    place_context_kind,
    region_kind,
    written_as_name,
)
from .evidence import medium_kind, regnal_kind, world_kind


def cue_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """The kind the name's context says, strongest evidence first; None when it says nothing.

    A name tagged as a person that starts with a given name stays a person: the parse around it is
    less reliable than that ('governor of the Orvik region, Daniel Okafor' is no region, whatever the parse attaches).
    """
    if label == "PERSON" and end - start >= 2 and is_given_name(doc[start].text):
        return None
    kind = credit_kind(doc, start, end) or regnal_kind(doc, start, end, label, lexicon) \
        or head_kind(doc, start, end, label, lexicon) \
        or class_noun_kind(doc, start, end, lexicon) \
        or region_kind(doc, start, end, lexicon) or place_context_kind(doc, start, end, label, lexicon)
    if kind:
        return kind
    if label not in ("GPE", "LOC", "FAC") and affiliation_kind(doc, start, end):
        return ORGANIZATION
    if (label is None or label == "PERSON" and end - start == 1) and employer_kind(doc, start, end, lexicon):
        return ORGANIZATION  # "Zentro co-founder Ana Ruiz", "Wikinews reporter Tom Berg"
    return list_kind(doc, start, end, label) or personal_name_kind(doc, start, end, label, lexicon) \
        or world_kind(doc, start, end, label, lexicon)


def _name_runs(doc, taken: set[int]):
    """Maximal runs of capitalised words outside tagged names, with inner connectors and hyphens."""
    strings = doc.vocab.strings
    written = [written_as_name(strings[orth]) for orth in column(doc, "ORTH")]  # what is_name_word asks first
    i = 0
    while i < len(doc):
        if i in taken or not written[i] or not is_name_word(doc[i], doc[i].is_sent_start):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken:
            token = doc[end]
            if is_name_word(token, False):
                end += 1
            elif token.text == "-" and not doc[end - 1].whitespace_ and not token.whitespace_ \
                    and end + 1 < len(doc) and is_name_word(doc[end + 1], False) and end + 1 not in taken:
                end += 2
            elif token.lower_ in CONNECTORS:
                after = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
                if after < len(doc) and after not in taken and is_name_word(doc[after], False):
                    end = after + 1
                else:
                    break
            else:
                break
        yield i, end
        i = end


def _looks_like_personal_name(doc, start: int, end: int, lexicon: Lexicon, title_words: frozenset[str]) -> bool:
    words = doc[start:end]
    return (2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and capitalised(t) for t in words)
            and is_given_name(words[0].text) and not doc[start].is_sent_start
            and not (start > 0 and doc[start - 1].lower_ == "the")  # "the Rio Grande" is no person
            and not any(t.lower_ in title_words or lexicon.head_kind(t.text) for t in words))


def _speaking_name(doc, start: int, end: int, lexicon: Lexicon, title_words: frozenset[str]) -> bool:
    """'Ekmeleddin İhsanoğlu congratulated …', '… said İhsanoğlu': proper nouns the model left untagged that
    speak or act as an event's subject are a person's name (foreign names the small model does not know)."""
    words = doc[start:end]
    root = words.root
    verb = root.head
    acts = verb.lemma_.lower() in lexicon.speech_verbs or bool(lexicon.verb_classes(verb.lemma_.lower()))
    return (1 <= len(words) <= 3 and all(t.pos_ == "PROPN" and capitalised(t) for t in words)
            and root.dep_ == NSUBJ and verb.pos_ == "VERB" and acts
            and not any(t.lower_ in title_words or lexicon.head_kind(t.text) for t in words)
            and not (start > 0 and doc[start - 1].lower_ == "the"))


PLURAL_PROPER_NOUN = "NNPS"  # "Rights" in "Human Rights Watch"


def _capitalised_article(doc, start: int) -> bool:
    """'a writer for The Onion', 'quoted by The Daily Lantern': an article capitalised inside a sentence
    belongs to the name after it, as papers, magazines and bands write theirs."""
    article = doc[start - 1] if start > 0 else None
    return article is not None and article.text == "The" and not article.is_sent_start \
        and doc[start].pos_ == "PROPN"


def untagged_names(doc, taken: set[int], lexicon: Lexicon, title_words: frozenset[str]) -> list[tuple[int, int, str]]:
    """Names the model left untagged, with the label their context gives them.

    A run of capitalised words becomes a name when its head word, a class noun, an affiliation or
    a list says what it is; or when it is two or three proper nouns led by a given name. A single
    word needs a class noun, a list, or to be an acronym after a person's 'of'.
    """
    found = []
    for start, end in _name_runs(doc, taken):
        while start < end and doc[start].lower_ in title_words:
            start += 1  # "Interior Minister Jo Lam": a title is not part of a name
        # "Norlandic", "Democrats": nationalities and parties as adjectives are no entities; but "near the town
        # of Samarra" names a place, whatever the model says
        if start >= end or all(t.ent_type_ == "NORP" for t in doc[start:end]) \
                and class_noun_kind(doc, start, end, lexicon) != PLACE:
            continue
        kind = cue_kind(doc, start, end, None, lexicon) or outlet_kind(doc, start, end, lexicon)
        if kind is None and _looks_like_personal_name(doc, start, end, lexicon, title_words):
            kind = PERSON
        elif kind is None and _speaking_name(doc, start, end, lexicon, title_words):
            # no one's name holds a plural noun: "Human Rights Watch said" is an organization speaking
            kind = ORGANIZATION if any(t.tag_ == PLURAL_PROPER_NOUN for t in doc[start:end - 1]) else PERSON
        opens_with_the = _capitalised_article(doc, start) and end not in taken
        if kind is None and opens_with_the:
            kind = ORGANIZATION
        if kind is None:
            continue
        if end - start == 1 and head_kind(doc, start, end, None, lexicon) is None:
            word = doc[start]
            acronym = word.is_upper and 2 <= len(word) <= 6
            by_context = class_noun_kind(doc, start, end, lexicon) or list_kind(doc, start, end, None) \
                or region_kind(doc, start, end, lexicon) or employer_kind(doc, start, end, lexicon) \
                or outlet_kind(doc, start, end, lexicon) or medium_kind(doc, start, end, lexicon) \
                or opens_with_the
            if not (by_context or (acronym and affiliation_kind(doc, start, end))):
                continue
        found.append((start, end, KIND_LABEL[kind]))
    return found


# "the British embassy", "the U.S. government", "the Biden administration"
BODY_MODIFIER_LABELS = {"NORP", "GPE", "PERSON"}


def body_names(doc, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """'the British embassy', 'the Cuban government', 'the Biden administration': a definite body noun
    (`ng:bodyNounCue`) led by a nationality, a country or a leader's name names one organization, which
    says, criticises and receives calls; the modifier alone would wrongly make the country or the
    leader the actor."""
    found = []
    for i in (i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos == NOUN_POS) if len(doc) else ():
        noun = doc[i]
        if noun.lemma_.lower() not in lexicon.body_nouns or noun.dep_ == COMPOUND:
            continue  # "government officials": the officials are the actors
        if not any(child.lower_ == "the" for child in children_with(noun, DET)):
            continue
        start = noun.i
        while start > 0 and doc[start - 1].ent_type_ in BODY_MODIFIER_LABELS and doc[start - 1].head.i >= start:
            start -= 1
        if start < noun.i and doc[start].ent_iob_ == "B" and len({t.ent_type_ for t in doc[start:noun.i]}) == 1:
            found.append((start, noun.i + 1, "ORG"))
    return found
