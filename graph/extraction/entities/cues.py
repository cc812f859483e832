"""What the words and syntax around a name say about its kind, read with the ontology's cue words.

The small English model leaves names untagged ("the Harbour Gazette reported"), types them wrongly
("Lakeside Sun" as a person, "the town of X" as an organization) or glues a person to the
organization before it. This module gathers the evidence the entity stage uses to repair that:

- the name's head word (`ng:nameHeadCue`): the Harbour *Gazette*, the *Municipality* of Orvik,
  Quarry *Road*;
- a class noun (`ng:classNounCue`, or a title) apposed to the name, governing it or right before it:
  "X, a school in Pisella", "the town of X", "student X";
- an affiliation: in "Jo Lam of the KVP" what follows "of" is an organization, and in "Zentro
  co-founder Jo Lam" what comes before the title;
- a region: in "Pisella, Umbrosa" what follows the comma is a place; so is a one-word "person" after
  "in" or "near" (`ng:prepositionCue`), visited, or before a place noun ("the Orvik peninsula");
- a list: an untagged name among people ("Oroma, Tavi, Kesh") is a person too;
- a given name: an untagged "Maria Oyelaran", or "Dean Okafor" tagged as an organization, is a person
  (gender-guesser's bundled list of given names).

Functions take a spaCy Doc and token offsets [start, end) and return a kind or spans; they never
change the Doc. Kinds are the records' ("Person", "Organization", "Place").
"""
from __future__ import annotations

import functools
from collections import Counter

from ...lexicon import Lexicon
from ...records import GROUP, ORGANIZATION, PERSON, PLACE
from ..cache import built_once
from ..deps import AGENT, AMOD, APPOS, ATTR, COMPOUND, CONJ, DATIVE, DOBJ, NSUBJ, POBJ, PREP
from ..nlp import children_with, span_root
from ..tokenizer import CREDIT_WORDS

# "GROUP" is no label of the model's: a nationality it tags NORP that names people by a plural (mentions.py)
LABEL_KIND = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "GROUP": GROUP}
KIND_LABEL = {PERSON: "PERSON", ORGANIZATION: "ORG", PLACE: "GPE", GROUP: "GROUP"}

CONNECTORS = {"of", "on", "for"}  # inside names: "University of Texas", "Council on …", "Party for Freedom"
AFFILIATION_PREPOSITIONS = {"of", "from"}  # "Jo Lam of the KVP", "Ana Ruiz from the Civic Party"
NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
FINITE_VERB_TAGS = {"VBZ", "VBD", "VBP"}
MIN_LIST_AGREEMENT = 2  # tagged members of a list that must agree before an untagged one takes their kind


def _new_given_names() -> dict[str, str]:
    """gender-guesser's answer for every name it knows, worked out once: the answers load far faster
    than its detector (every build loads them)."""
    from gender_guesser import detector

    names = detector.Detector(case_sensitive=False)
    return {name: names.get_gender(name) for name in names.names}


@functools.cache
def _given_names() -> dict[str, str]:
    return built_once("given-names", _new_given_names, __file__, ("gender-guesser",))


def given_name_gender(word: str) -> str:
    """gender-guesser's answer for a first name: male, female, mostly_male, mostly_female, andy or unknown."""
    return _given_names().get(word.lower(), "unknown")  # as its case-insensitive detector looks names up


@functools.lru_cache(maxsize=65536)  # rules ask it of the same words many times
def is_given_name(word: str) -> bool:
    """A word that is, unambiguously, a first name ('Maria', 'Daniel'; not 'Sydney' or 'Morgan')."""
    return word[:1].isupper() and given_name_gender(word) in ("male", "female")


def name_head(doc, start: int, end: int):
    """The word that says what a name names: before its first connector, else its last word."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in CONNECTORS:
            return doc[i - 1]
    return doc[end - 1]


def head_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """'Lakeside Sun', 'University of Orvik': the kind its head word marks (names of two words or more).

    A person's surname may be a head word too ('Grace Park'): cue_kind leaves such names alone.
    """
    if end - start < 2:
        return None
    return lexicon.head_kind(name_head(doc, start, end).text)


def class_noun_kind(doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """'X, a catholic school', 'the town of X', 'localist group X', 'student X': what the noun classifies."""
    root = span_root(doc, start, end)
    for child in children_with(root, APPOS):
        if child.pos_ == "NOUN" and child.i >= end:
            kind = lexicon.class_kind(child.lemma_)
            if kind:
                return kind
    if root.dep_ == APPOS and root.head.pos_ == "NOUN" and root.head.i < start:
        kind = lexicon.class_kind(root.head.lemma_)
        if kind:
            return kind
    # "the town of X": only places, since "a member of X" or "the leader of X" classify the member
    governor = root.head.head
    if root.dep_ == POBJ and root.head.lower_ == "of" and governor.pos_ == "NOUN" and not governor.is_title \
            and lexicon.class_kind(governor.lemma_) == PLACE:
        return PLACE
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.is_lower and not _modifies_next(doc, root, end, lexicon):
        return lexicon.class_kind(before.lemma_)
    if root.dep_ == NSUBJ and root.head.lemma_ == "be":  # "Aner Shalev is an Israeli mathematician"
        for attr in children_with(root.head, ATTR):
            if attr.pos_ == "NOUN" and attr.i > root.i:
                return lexicon.class_kind(attr.lemma_)
    before_name = start > 0 and doc[start - 1].pos_ == "PROPN"
    return None if before_name else exemplified_kind(root, lexicon)  # "like AM New York": not all of the name


def exemplified_kind(root, lexicon: Lexicon) -> str | None:
    """'publications including the Gazette, Jezebel and Glimmer', 'religions such as Wicca', 'teams like
    Arsenal': every name of a list of examples (`ng:exampleListCue`) is of the kind its plural class noun
    says, however the model tagged it one by one."""
    first = root
    while first.dep_ == CONJ and first.head.i < first.i:
        first = first.head
    prep = first.head
    if first.dep_ != POBJ or prep.dep_ != PREP:
        return None
    cue = "such as" if prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children) else prep.lower_
    noun = prep.head
    if cue not in lexicon.example_cues or noun.tag_ != "NNS" or noun.i > prep.i:
        return None
    modifiers = [c.lower_ for c in children_with(noun, COMPOUND) if c.is_lower]
    compound = " ".join([*modifiers[-1:], noun.lemma_.lower()])  # "search engines"
    return lexicon.class_kind(compound) or lexicon.class_kind(noun.lemma_)


def _modifies_next(doc, root, end: int, lexicon: Lexicon) -> bool:
    """'nominee US Vice President Kamala Harris', 'the Norlandic team': the name qualifies the noun or title
    after it, so the noun before it classifies something else."""
    after = doc[end] if end < len(doc) else None
    if after is not None and (after.lower_ in lexicon.title_cues or after.lower_ in lexicon.title_modifiers):
        return True
    return root.dep_ in (COMPOUND, AMOD) and root.head.pos_ != "PROPN"


def affiliation_kind(doc, start: int, end: int) -> str | None:
    """'Jo Lam of the KVP', 'Ana Ruiz from Civic Hope': the name after a person's 'of' is an organization."""
    root = span_root(doc, start, end)
    prep = root.head
    if root.dep_ == POBJ and prep.lower_ in AFFILIATION_PREPOSITIONS and prep.dep_ == PREP \
            and prep.head.ent_type_ == "PERSON" and prep.head.i < start:
        return ORGANIZATION
    return None


def _list_members(token) -> list:
    top = token
    while top.dep_ == CONJ and top.head.i != top.i:
        top = top.head
    members, stack = [], [top]
    while stack:
        member = stack.pop()
        members.append(member)
        stack.extend(children_with(member, CONJ))
    return members


def list_kind(doc, start: int, end: int, label: str | None) -> str | None:
    """The kind the other names of a list agree on: 'Oroma, Tavi, Kesh and Lumo'.

    An untagged name takes the kind that at least two of its tagged neighbours, and most of them,
    agree on ("Kesh" among "Oroma, Tavi" and a mistagged "Lumo"). A one-word name tagged otherwise
    becomes a person only among people: a country listed with organizations may well be a country.
    """
    root = span_root(doc, start, end)
    others = [m for m in _list_members(root) if not start <= m.i < end]
    if len(others) < MIN_LIST_AGREEMENT:
        return None  # too few other names to agree on a kind (most names are in no list)
    kinds = Counter(LABEL_KIND.get(m.ent_type_) for m in others if m.ent_type_)
    if not kinds:
        return None
    (kind, agreeing), = kinds.most_common(1)
    if kind is None or agreeing < MIN_LIST_AGREEMENT or agreeing <= kinds.total() - agreeing:
        return None
    if label is None or (kind == PERSON and end - start == 1):
        return kind
    return None


def region_kind(doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """'Pisella, Umbrosa': a name set off by a comma after a place is the region it lies in; but after
    a title's place ('the new president of Uruguay, Yamandú Orsi') it is the one who holds the title."""
    root = span_root(doc, start, end)
    if root.dep_ == APPOS and start > 0 and doc[start - 1].text == "," and root.head.i < start \
            and root.head.ent_type_ in ("GPE", "LOC"):
        place = root.head
        titled = place.dep_ == POBJ and place.head.lower_ == "of" \
            and place.head.head.lemma_.lower() in lexicon.title_cues
        return PERSON if titled else PLACE
    return None


def personal_name_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """'Dean Okafor' tagged as an organization or a place: a given name and one more proper noun name a
    person, unless the second word is a given name too ('Philip Morris') or marks a kind ('Jo Foods'), or the
    name takes an article, as people's do not ('the Brooklyn Paper')."""
    if label in (None, "PERSON") or end - start != 2 or start > 0 and doc[start - 1].lower_ == "the":
        return None
    given, other = doc[start], doc[start + 1]
    if is_given_name(given.text) and other.pos_ == "PROPN" and other.is_title and not is_given_name(other.text) \
            and given_name_gender(other.text) == "unknown" and lexicon.head_kind(other.text) is None:
        return PERSON
    return None


# the words a wire story's credit line gives its people by, as the tokenizer splits them where glued
CREDIT_HEADS = frozenset(word.lower() for word in CREDIT_WORDS if word.isalpha())


def credit_kind(doc, start: int, end: int) -> str | None:
    """'Reporting by Jeff Mason; Editing by Alistair Bell': whoever a credit line names is a person."""
    root = span_root(doc, start, end)
    by = root.head
    if root.dep_ == POBJ and by.lower_ == "by" and by.head.lower_ in CREDIT_HEADS and by.head.i < by.i:
        return PERSON
    if root.dep_ == CONJ:  # "Editing by Leslie Adler and Chizu Nomiyama"
        first = root.head
        if first.dep_ == POBJ and first.head.lower_ == "by" and first.head.head.lower_ in CREDIT_HEADS:
            return PERSON
    return None


def employer_kind(doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """'Zentro co-founder Ana Ruiz': a name before a person's lower-case title is where the
    title is held, an organization."""
    i = end
    if i < len(doc) and doc[i].tag_ == "POS":
        return None  # "Ruiz's adviser Ana Lee": Ruiz is the boss, not an employer
    while i < len(doc) and i - end < 4 and (doc[i].is_lower or doc[i].text == "-"):
        i += 1
    if i == end or i >= len(doc) or doc[i].ent_type_ != "PERSON":
        return None
    title = doc[end:i].text.replace(" - ", "-").split()
    if title and (title[-1] in lexicon.title_cues or " ".join(title) in lexicon.title_cues):
        return ORGANIZATION
    return None


def outlet_kind(doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """'told LA Weekly', 'Wikinews interviewed the founder', 'interviewed by Wikinews': an untagged name told
    something or interviewing is a news outlet (people the model tags)."""
    root = span_root(doc, start, end)
    head = root.head
    if _interviewing_headline(doc, end, lexicon) and not is_given_name(doc[start].text):
        return ORGANIZATION
    if root.dep_ == POBJ and head.lower_ == "by":
        root, head = head, head.head  # "interviewed by X"
    lemma = head.lemma_.lower()
    if lemma not in lexicon.outlet_verbs or head.pos_ != "VERB" or is_given_name(doc[start].text):
        return None
    last = doc[end - 1].text
    if len(last) > 2 and last.endswith("s") and last[:-1].isupper():
        return None  # "told MSPs": members, people
    told = lemma == "tell" and root.dep_ in (DOBJ, DATIVE)
    interviewing = lemma != "tell" and root.dep_ in (NSUBJ, AGENT)
    return ORGANIZATION if told or interviewing else None


def _interviewing_headline(doc, end: int, lexicon: Lexicon) -> bool:
    """'Wikinews interviews Ana Ruiz': a name right before a finite interviewing verb is its subject, however
    the model parses a headline (it often makes the name a compound of the verb)."""
    verb = doc[end] if end < len(doc) else None
    return verb is not None and verb.tag_ in FINITE_VERB_TAGS and verb.lemma_.lower() in lexicon.outlet_verbs \
        and verb.lemma_.lower() != "tell"


def place_context_kind(doc, start: int, end: int, label: str | None, lexicon: Lexicon) -> str | None:
    """'in Dunmore', 'visited Velbury', 'the Orvik peninsula': where a place is expected.

    Only a one-word name the model took for a person, with no given name to show for it, is retyped
    by a preposition or a visit ('in Ana' is rare, 'in Google' is not); any name modifying a place
    noun is a place.
    """
    root = span_root(doc, start, end)
    if root.dep_ == COMPOUND and root.head.pos_ == "NOUN" and root.head.is_lower and root.head.i >= end \
            and lexicon.class_kind(root.head.lemma_) == PLACE:
        return PLACE
    if label != "PERSON" or end - start != 1 or given_name_gender(doc[start].text) != "unknown":
        return None
    if root.dep_ == POBJ and lexicon.preposition_kind(root.head.lower_) == PLACE:
        return PLACE
    if root.dep_ == DOBJ and root.head.pos_ == "VERB" and root.head.lemma_ in _visit_verbs(lexicon):
        return PLACE
    return None


@functools.cache
def _visit_verbs(lexicon: Lexicon) -> frozenset[str]:
    return frozenset().union(*(c.verbs for c in lexicon.classes if c.name == "Visit"))


def capitalised(token) -> bool:
    return token.text[:1].isupper() and (len(token) > 1 or token.is_alpha)


@functools.lru_cache(maxsize=65536)
def written_as_name(word: str) -> bool:
    """Whether a word is written as a name's may be: capitalised (as `capitalised`), with a letter."""
    return word[:1].isupper() and (len(word) > 1 or word.isalpha()) and any(c.isalpha() for c in word)


def is_name_word(token, sentence_start: bool) -> bool:
    """A capitalised word that may belong to a name (a common word only where its capital is not the sentence's)."""
    if token.ent_type_ in NOT_NAME_LABELS or not written_as_name(token.text):
        return False
    return token.pos_ == "PROPN" or (token.pos_ in ("NOUN", "ADJ") and not sentence_start)
