"""Repairs of the spans the model tags as names: determiners, titles and possessives trimmed, names cut
short extended ("Ursula von" + "der Leyen"), hyphenated modifiers cut, credits and glued people split."""
from __future__ import annotations

from ...ingest import CAPTION_WORDS
from ...lexicon import Lexicon
from ...records import ORGANIZATION, PERSON, PLACE
from ..deps import ACL, APPOS, ATTR, COMPOUND, CONJ, DOBJ, OPRD, XCOMP
from ..nlp import span, span_root
from .cues import (
    CONNECTORS,
    KIND_LABEL,
    is_given_name,
    is_name_word,
    name_head,
)
from .cues import LABEL_KIND as NER_KIND
from .evidence import known_place
from .kinds import cue_kind
from .places import COUNTRY, gazetteer
from .titles import title_words

NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "do", "dos", "das", "di", "du", "del", "della", "la", "le",
                  "bin", "al", "el", "ibn"}


# An editor's note inside a quotation: "(to Wang Yi - Ed.)", "(the minister—Ed.)": the dash and "Ed." close the
# note, they are not the name's last words.
EDITOR_MARK = "ed"
DASHES = {"-", "–", "—", "--"}
TITLE_WINDOW = 10  # tokens before an "of the <organization> <person>" name where the person's title may stand


def _hyphenated_modifier(doc, start: int) -> bool:
    """'pro-Ixland', 'Pan-democrat', 'anti-war': a hyphenated word with a lower-case half is a modifier,
    not (part of) a name; 'al-Assad' is a name."""
    first, hyphen, second = doc[start], doc[start + 1], doc[start + 2]
    return (hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_ and first.is_alpha
            and second.is_alpha and (first.is_lower or second.is_lower) and first.lower_ not in NAME_PARTICLES)


def opening_participle(token) -> bool:
    """'Congratulating Moon on …', 'Writing and additional reporting by …': a capitalised -ing word the small
    model takes for part of a name, at a sentence's start or as a common noun; no given name ('Irving')."""
    return (len(token) > 4 and token.text[0].isupper() and token.lower_.endswith("ing")
            and (token.is_sent_start or token.pos_ in ("NOUN", "VERB")) and not is_given_name(token.text))


def common_word_opening(doc, start: int, end: int, lower_ids: frozenset[int], capitalised_ids: frozenset[int]) -> bool:
    """'Tropical cyclones are …', 'Hydrogen peroxide reduced …': one capitalised word opening a sentence that
    the document writes in lower case elsewhere, and never capitalised inside a sentence, is a common word
    the model took for a name (the words as string ids: `written_forms`)."""
    word = doc[start]
    opening = word.is_sent_start or start > 0 and doc[start - 1].is_sent_start and doc[start - 1].is_quote
    return end - start == 1 and opening and word.is_title and word.lower in lower_ids \
        and word.orth not in capitalised_ids


def occasion_name(doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """'the Rugby World Cup', 'the 2012 Summer Paralympics': an occasion's name (`ng:occasionHeadCue`), which
    the model often tags as an organization or a place."""
    return doc[end - 1].lower_ in lexicon.occasion_heads


TITLED = {OPRD, DOBJ, ATTR, XCOMP}  # how the parser hangs a title on "called", "titled", "named"


def work_title(doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """'the album Blood Orange', 'his latest book, Hegemony or Survival', 'a story called Thad's World
    Destruction': a name written right after a work's noun (`ng:workNounCue`), as the noun's compound, its
    apposition or what a titling verb calls it, is the work's title; it names no person, organization or
    place. ('the book Lee wrote' is Lee's: the name is the subject of a clause, none of those.)"""
    def work(token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.work_nouns

    root = span_root(doc, start, end)
    while root.dep_ == CONJ and root.head.i < root.i and not any(t.is_punct for t in span(doc, root.head.i, root.i)):
        root = root.head  # "Hegemony or Survival": one title
    head = root.head
    before = doc[start - 1] if start > 0 else None
    return before is not None and work(before) and before.dep_ == COMPOUND and before.head.i == root.i \
        or root.dep_ == APPOS and head.i < root.i and work(head) \
        or root.dep_ in TITLED and head.lemma_.lower() in lexicon.titling_verbs and head.dep_ == ACL \
        and work(head.head)


def plural_description(doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """'Ivy League elites and Professors', 'Heads of Government': a capitalised plural of a title or of a noun
    that classifies people, with no article, describes many people; it names no one ('the Cardinals' and
    'the Senators' are teams)."""
    root = span_root(doc, start, end)
    if root.tag_ not in ("NNS", "NNPS") or not root.lower_.endswith("s"):
        return False
    if start > 0 and doc[start - 1].lower_ == "the":
        return False
    if end < len(doc) and doc[end].tag_ == "POS":
        return False  # "the Kurdistan Workers' Party": the plural is inside a longer name
    lemma = root.lemma_.lower()
    singular = lemma if lemma != root.lower_ else lemma[:-1]  # the tagger leaves a proper noun's lemma alone
    return lexicon.class_kind(singular) == PERSON


def clean_span(doc, start: int, end: int, label: str, lexicon: Lexicon) -> tuple[int, int]:
    """Trim determiners, a person's titles, opening participles, possessives and punctuation from an entity
    span."""
    words = title_words(lexicon)
    while start < end and opening_participle(doc[start]):
        start += 1
    while end - start > 1 and doc[start].is_lower and doc[start].pos_ in ("ADJ", "VERB", "NOUN") \
            and doc[start + 1].is_title:
        start += 1  # "a united Germany", "magician David Gish": a common word before a name is not part of it
    while end - start >= 3 and _hyphenated_modifier(doc, start):
        start += 3  # "pro-Ixland Labour Front", "Pan-democrat Ana Ruiz"
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct
                           or (label == "PERSON" and end - start > 1
                               and (doc[start].lower_ in words or doc[start].lower_ == "elect"))):
        start += 1
    if end - start > 2 and doc[end - 1].lower_.rstrip(".") == EDITOR_MARK and doc[end - 2].text in DASHES \
            and (doc[end - 3].whitespace_ or doc[end - 2].text != "-"):  # "Ruiz-Ed" would be a double name
        end -= 2
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "'")
                           or end - start > 1 and doc[end - 1].lower_ in CONNECTORS  # "King Abdullah of"
                           or end < len(doc) and doc[end].text == ":" and doc[end - 1].lower_ in CAPTION_WORDS):
        end -= 1  # "… in Ottawa Image: Defence Ministry": the caption label is not the name
    while label == "PERSON" and end - start > 1 and doc[end - 1].lower_.removesuffix("(s") in lexicon.title_cues \
            and (not is_given_name(doc[start].text) or known_place(span(doc, start, end - 1).text)):
        end -= 1  # "Which Virginia Governor(s) do you admire?": a title after a place names no one ("Tom King" does)
    # "European Commission President" + "Ursula von der Leyen": the title belongs to the person after it
    while label == "ORG" and end - start > 1 and end < len(doc) and doc[end].pos_ == "PROPN" and (
            doc[end - 1].lower_ in lexicon.title_cues):
        end -= 1
        while end - start > 1 and doc[end - 1].lower_ in lexicon.title_modifiers:
            end -= 1
    # "Acme Campaign Communications" + "Director": the trailing modifier belongs to the title after it
    if end < len(doc) and doc[end].lower_ in lexicon.title_cues:
        while end - start > 1 and doc[end - 1].lower_ in lexicon.title_modifiers:
            end -= 1
    return start, end


def extend_name(doc, start: int, end: int, label: str, lexicon: Lexicon,
                 person_tokens: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Grow a name the model cut short: 'Ursula von' + 'der Leyen' → 'Ursula von der Leyen'.

    A name's last token that is a compound of a proper noun to its right is not the name's end; the
    words in between must be particles or proper nouns. An organization or a place does not grow
    into a person's name ('Ambassador to the Republic of Norland' + 'Daniel Okafor').
    """
    while end < len(doc):
        last = doc[end - 1]
        head = last.head
        between = span(doc, end, head.i)
        if last.dep_ == COMPOUND and head.i >= end and head.pos_ == "PROPN" and all(
                t.pos_ == "PROPN" or t.lower_ in NAME_PARTICLES for t in between) and not any(
                t.lower_ in title_words(lexicon) for t in span(doc, end, head.i + 1)) and not (
                head.lower_ in CAPTION_WORDS and head.i + 1 < len(doc) and doc[head.i + 1].text == ":") \
                and not (label != "PERSON" and any(i in person_tokens for i in range(end, head.i + 1))):
            end = head.i + 1
        elif label == "ORG" and doc[end].lower_ in CONNECTORS and (longer := _name_continues(doc, start, end, lexicon)):
            end = longer
        elif label == "PERSON" and doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) \
                and doc[end + 1].pos_ == "PROPN":
            end += 2
        elif label == "PERSON" and doc[end].text == "-" and end + 1 < len(doc) and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # a hyphenated given name cut at the hyphen: "Wong Kwok" + "-hing"
        else:
            break
    return start, end


def _name_continues(doc, start: int, end: int, lexicon: Lexicon) -> int:
    """'Joint Board' + 'for the Protection of Rivers': an organization's name goes on after a connector.

    Returns the new end, or 0. Only a name whose head word marks an organization goes on, and only
    over capitalised words that are not another person or a date.
    """
    if lexicon.head_kind(name_head(doc, start, end).text) != ORGANIZATION:
        return 0
    after = end + 1
    if after < len(doc) and doc[after].lower_ == "the":
        after += 1
    stop = after
    while stop < len(doc) and is_name_word(doc[stop], False) and doc[stop].ent_type_ != "PERSON":
        stop += 1
    return stop if stop > after else 0


def extend_name_left(doc, start: int, end: int, label: str, lexicon: Lexicon) -> int:
    """'Harbour Trust Daniel' + 'Okafor': an untagged given name right before a person's name is part of it."""
    while label == "PERSON" and start > 0:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and is_given_name(before.text) and not before.ent_type_ \
                and before.lower_ not in title_words(lexicon) and before.lower_ not in lexicon.honorifics:
            start -= 1
        else:
            break
    return start


def norp_prefix(doc, start: int, label: str) -> int:
    """'the Japanese Foreign Ministry': a nationality adjective before an organization is part of its name."""
    if label == "ORG" and start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].head.i >= start:
        return start - 1
    return start


def shared_head(doc, start: int, end: int, label: str) -> str | None:
    """'North and South Korea' names two places sharing 'Korea'; returns the shared words, else None."""
    words = span(doc, start, end)
    if NER_KIND.get(label) != PLACE or len(words) < 4 or words[1].lower_ != "and":
        return None
    if not all(t.text[:1].isupper() and t.is_alpha for t in (words[0], words[2], *words[3:])):
        return None
    return span(doc, start + 3, end).text


def post_nominal(doc, start: int, end: int, label: str) -> bool:
    """'Mark Tedeschi, QC': letters after a person's name are a distinction, not an entity."""
    text = span(doc, start, end).text
    return (label != "PERSON" and end - start == 1 and text.isupper() and len(text) <= 3 and start >= 2
            and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "PERSON")


def split_glued(doc, start: int, end: int, label: str, lexicon: Lexicon,
                people: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Names the model glued together, apart; `people`: the words of the document's person names."""
    for split in (_split_credit, _split_possessive):
        parts = split(doc, start, end, label) if split is _split_credit else split(doc, start, end, label, people)
        if len(parts) > 1:
            return [part for span in parts for part in split_glued(doc, *span, lexicon, people)]
    return [_titled_person(doc, *span, lexicon) for span in _split_trailing_person(doc, start, end, label, lexicon)]


JOINED_NAME_WORDS = 4  # words after "and" a country's name may take ("Saint Vincent and the Grenadines")


def joined_country_names(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Trinidad and Tobago', 'Antigua and Barbuda': a name, "and" (or "and the") and the capitalised words
    after it that together are a country's name are one place, whatever the model made of the halves."""
    joined, absorbed_until = [], -1
    for start, end, label in sorted(spans):
        if start < absorbed_until:
            continue  # a half inside a country's name joined before
        after = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        if end < len(doc) and doc[end].lower_ == "and":
            for stop in range(min(len(doc), after + JOINED_NAME_WORDS), after, -1):
                if all(t.text[:1].isupper() for t in span(doc, after, stop)) and any(
                        link.feature == COUNTRY for link in gazetteer().candidates([span(doc, start, stop).text])):
                    end, label, absorbed_until = stop, "GPE", stop
                    break
        joined.append((start, end, label))
    return joined


def _split_possessive(doc, start: int, end: int, label: str, people: frozenset[str]) -> list[tuple[int, int, str]]:
    """'Ruiz's Civic Party' tagged as one organization: the possessor and what it owns are two names."""
    for i in range(start + 1, end - 1):
        if doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "’s"):
            owner = span(doc, start, i).text
            # a name of its own ("Buhari" said elsewhere, a country, "Ana Ruiz"), not "Korean People's Army"
            named_elsewhere = any(span(doc, j, j + i - start).text == owner
                                  for j in range(len(doc)) if not start <= j < end) \
                or i - start == 1 and owner in people
            if named_elsewhere or is_given_name(doc[start].text):
                return [(start, i, "PERSON" if label == "ORG" else label), (i + 1, end, label)]
            if gazetteer().candidates([owner]):
                return [(start, i, "GPE"), (i + 1, end, label)]
            break
    return [(start, end, label)]


def _titled_person(doc, start: int, end: int, label: str, lexicon: Lexicon) -> tuple[int, int, str]:
    """'General Ana Ruiz' tagged as an organization: a title before a personal name makes a person."""
    words = title_words(lexicon)
    first = start
    while first < end - 1 and (doc[first].lower_ in words or doc[first].lower_ in lexicon.honorifics):
        first += 1
    if label != "ORG" or first == start or not is_given_name(doc[first].text) or \
            lexicon.head_kind(doc[end - 1].text) == ORGANIZATION:
        return start, end, label
    return start, end, "PERSON"


def _split_trailing_person(doc, start: int, end: int, label: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """'Director of the Harbour Trust Daniel Okafor': the model glued the person to the
    organization named before him. Split when a title stands shortly before and the last two words
    are a given name and a surname."""
    whole = [(start, end, label)]
    if label not in ("ORG", "GPE", "FAC") or end - start < 3:
        return whole
    given, surname = doc[end - 2], doc[end - 1]
    if not (given.pos_ == "PROPN" and surname.pos_ == "PROPN" and is_given_name(given.text)
            and doc[end - 3].lower_ not in CONNECTORS and lexicon.head_kind(surname.text) is None):
        return whole
    window = doc[max(doc[start].sent.start, start - TITLE_WINDOW):start]
    if not any(t.lower_ in lexicon.title_cues for t in window):
        return whole
    return [(start, end - 2, label), (end - 2, end, "PERSON")]


def _split_credit(doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A photo credit 'Jo Lam/AFP' is a person and an organization."""
    for i in range(start, end):
        if doc[i].text == "/" and start < i < end - 1:
            return [(start, i, "PERSON"), (i + 1, end, "ORG")]
    return [(start, end, label)]


def relabel(doc, start: int, end: int, label: str, lexicon: Lexicon) -> str:
    """The label the name's context gives it ('Lakeside Sun' is a newspaper), else the model's."""
    kind = cue_kind(doc, start, end, label, lexicon)
    return KIND_LABEL[kind] if kind and kind != NER_KIND[label] else label
