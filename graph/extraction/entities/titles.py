"""Titles around names: the run of title words before a name ("US Vice President"), apposed titles
("Jo Lam, Acme Communications Director"), and organizations that are only part of a title."""
from __future__ import annotations

import functools

from spacy.symbols import PROPN

from ...lexicon import Lexicon
from ..deps import APPOS, COMPOUND, POBJ, PREP
from ..nlp import column, span

QUALIFIER_LABELS = {"GPE", "NORP"}  # "US Vice President", "Democratic nominee": qualify a title


FUNCTION_WORDS = {"of", "the", "and", "for"}  # inside multi-word titles, never at their edge


@functools.cache
def title_words(lexicon: Lexicon) -> frozenset[str]:
    words = set()
    for phrase in lexicon.title_cues | lexicon.title_modifiers:
        words.update(phrase.split())
    return frozenset(words - FUNCTION_WORDS)


def is_title_head(words: list[str], lexicon: Lexicon) -> bool:
    text = " ".join(words)
    return bool(words) and (words[-1] in lexicon.title_cues or text in lexicon.title_cues
                            or any(text.endswith(" " + cue) for cue in lexicon.title_cues))


def title_case(title: str) -> str:
    return title if any(c.isupper() for c in title) else " ".join(w[:1].upper() + w[1:] for w in title.split())


def title_segments(doc, first: int, last: int, lexicon: Lexicon) -> list[tuple[int, int, list[int]]]:
    """Split the title run doc[first:last] at qualifiers into (start, end, qualifier tokens) segments."""
    segments, qualifiers, start = [], [], None
    for i in range(first, last):
        token = doc[i]
        if token.ent_type_ in QUALIFIER_LABELS and token.lower_ not in title_words(lexicon):
            if start is not None:
                segments.append((start, i, qualifiers))
                start, qualifiers = None, []
            qualifiers = qualifiers + [i]
            continue
        if start is None:
            start = i
    if start is not None:
        segments.append((start, last, qualifiers))
    return segments


def segment_words(doc, start: int, end: int) -> list[str]:
    # "President-elect" is three tokens; glue hyphenated parts back together.
    text = span(doc, start, end).text.lower().replace(" - ", "-")
    return text.split()


def title_run_start(doc, name_start: int, lexicon: Lexicon) -> int:
    """Leftmost token of the run of title words (and qualifiers) right before a name."""
    words = title_words(lexicon)
    i = name_start
    name = doc[name_start]
    if name_start > 0 and doc[name_start - 1].pos_ == "ADJ" and name.dep_ == COMPOUND and name.head.pos_ == "NOUN" \
            and name.head.i > name_start:
        return name_start  # "his official Twitter account": the adjective is the account's, no title
    while i > 0:
        token = doc[i - 1]
        if token.lower_ in words or token.lower_ == "elect":
            i -= 1
        elif token.text in ("-", "of") and i >= 2 and doc[i - 2].lower_ in words:
            i -= 1  # "President-elect", "Secretary of State"
        elif token.ent_type_ in QUALIFIER_LABELS and (token.is_title or token.is_upper):
            i -= 1
        elif token.is_title and not token.ent_type_ and token.pos_ in ("PROPN", "NOUN") and i < name_start \
                and doc[i].lower_ in words:
            i -= 1  # a portfolio before a title: "Energy Minister", "Trade Secretary"
        else:
            break
    # qualifiers at the left edge belong to the title only when a title follows them
    while i < name_start and doc[i].ent_type_ in QUALIFIER_LABELS and doc[i].lower_ not in words:
        i += 1
    return i


def apposed_title(doc, name_head, lexicon: Lexicon) -> tuple[str, tuple[int, int] | None] | None:
    """'Jo Lam, Acme Campaign Communications Director' → ('Communications Director', org span); the title may
    come first too: 'the current president, Jair Bolsonaro'."""
    before = name_head.head if name_head.dep_ == APPOS and name_head.head.i < name_head.i else None
    for child in [*name_head.children, *([before] if before is not None else [])]:
        if child.dep_ != APPOS and child is not before or child.lower_ not in lexicon.title_cues:
            continue
        left = min(t.i for t in child.subtree)
        title_start = child.i
        while title_start > left and doc[title_start - 1].lower_ in lexicon.title_modifiers:
            title_start -= 1
        title = span(doc, title_start, child.i + 1).text
        org = (left, title_start) if title_start > left and doc[title_start - 1].ent_type_ == "ORG" else None
        if org is None:
            of = next((c for c in child.children if c.dep_ == PREP and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == POBJ), None) if of is not None else None
            if pobj is not None and pobj.ent_type_ == "ORG":
                org = (min(t.i for t in pobj.subtree), pobj.i + 1)
        return title_case(title), org
    return None


@functools.cache
def _title_heads(lexicon: Lexicon) -> frozenset[str]:
    return lexicon.title_cues | lexicon.generic_titles  # "visiting Head of State"


def part_of_title(doc, start: int, end: int, label: str, lexicon: Lexicon) -> bool:
    """'Professor Emeritus', 'Shadow Home' + 'Secretary', 'Secretary of' + 'State': an organization made only
    of title words, holding a title or next to one, is part of a title ('Labour' or 'Treasury' alone is no title)."""
    words = title_words(lexicon)
    before = start - 2 if start >= 2 and doc[start - 1].lower_ == "of" else start - 1  # "Secretary of" + "State"
    name = span(doc, start, end)
    heads = _title_heads(lexicon)
    return label == "ORG" and all(t.lower_ in words or t.lower_ in heads or t.lower_ in FUNCTION_WORDS for t in name) \
        and not all(t.lower_ in FUNCTION_WORDS for t in name) and (
            any(t.lower_ in heads for t in name) or end < len(doc) and doc[end].lower_ in words
            or before >= 0 and doc[before].lower_ in words)


def qualifier_before_title(doc, start: int, end: int, label: str, lexicon: Lexicon) -> bool:
    """'Moldovan' + 'President Elena Rusu': one word the model took for a person, before another person's
    title, is a nationality or a place qualifying that title, not a person. (Before a lower-case title,
    'Zentro adviser Ana Lee', it is where the title is held.)"""
    if label != "PERSON" or end - start != 1 or end < len(doc) and doc[end].is_lower:
        return False
    after = end
    while after < len(doc) and doc[after].lower_ in title_words(lexicon):
        after += 1
    return end < after < len(doc) and doc[after].ent_type_ == "PERSON"


def title_led_names(doc, taken: set[int], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Proper-noun runs right after a capitalised title that the model did not tag ('Taoiseach Conor Walsh')."""
    spans = []
    for i, part_of_speech in enumerate(column(doc, "POS")):
        if part_of_speech != PROPN or i == 0 or i in taken:
            continue
        token = doc[i]
        before = doc[token.i - 1]
        if not (before.lower_ in lexicon.title_cues and (before.is_title or before.is_upper)) or before.i in taken:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in taken and doc[end].lower_ not in \
                title_words(lexicon):
            end += 1
        if end - token.i >= 2 or token.dep_ != COMPOUND:
            spans.append((token.i, end))
            taken.update(range(token.i, end))
    return spans
