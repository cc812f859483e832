"""Time stage: resolve date expressions against the article date and attach them to event triggers.

"on Wednesday" in an article of Thursday 2024-11-07 is 2024-11-06 (the most recent Wednesday for a past
event, the next one for a planned event; "on Thursday" is the article's own day); "yesterday", "today",
"tomorrow" and explicit dates resolve directly; "earlier in the day" takes the last date the article
established; vague spans ("last week") stay undated rather than guessed.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from dateutil import parser as date_parser

from .nlp import ids

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
DAY_WORDS = frozenset((*WEEKDAYS, *DAY_OFFSETS))
_DAY_WORD_IDS = ids(DAY_WORDS)  # as a token's LOWER column gives them
# the day the story stands at, named again: "later that day", "earlier the same day", "the team on the day"
# (but "on the day of the vote" names its own day)
SAME_DAY = re.compile(r"\b(earlier|later) (in|that) the day\b|\bthis (morning|afternoon|evening)\b|\bthat day\b"
                      r"|\bthe same day\b|\bon the day\b(?! of)", re.I)
# what every SAME_DAY phrase holds: a paragraph without it needs no search of its sentences for them
SAME_DAY_WORD = re.compile(r"the day|that day|same day|morning|afternoon|evening", re.I)
MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
                   r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


@functools.lru_cache(maxsize=65536)  # a document's date expressions are resolved for each of its mentions
def resolve(expression: str, article_date: dt.date | None, *, future: bool = False,
            reference: dt.date | None = None) -> dt.date | None:
    """The calendar day an expression names, or None when it names no single day (or one off the
    calendar: "tomorrow" on 9999-12-31, "February 29" moved to a year without one)."""
    try:
        return _resolve(expression, article_date, future=future, reference=reference)
    except (OverflowError, ValueError):
        return None


def _resolve(expression: str, article_date: dt.date | None, *, future: bool,
             reference: dt.date | None) -> dt.date | None:
    text = expression.strip().lower()
    anchor = reference or article_date
    if SAME_DAY.search(text):
        return anchor
    for word, offset in DAY_OFFSETS.items():
        if re.search(rf"\b{word}\b", text):
            return article_date + dt.timedelta(days=offset) if article_date else None
    if MONTH.search(text):
        has_year = bool(re.search(r"\b\d{4}\b", text))
        if article_date is None and not has_year:
            return None  # "March 3" in an undated article names no day we can know (never today's year)
        default = dt.datetime.combine(article_date or dt.date(2000, 1, 1), dt.time())
        try:
            parsed = date_parser.parse(expression, default=default, fuzzy=True).date()
        except (ValueError, OverflowError):
            return None
        if article_date and not has_year:
            # a day and month without a year: the last such day for a past event, the next for a planned one
            candidates = [parsed.replace(year=article_date.year + shift) for shift in (-1, 0, 1)]
            if future:
                parsed = min((d for d in candidates if d >= article_date), default=parsed)
            else:
                parsed = max((d for d in candidates if d <= article_date), default=parsed)
        return parsed
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text) and article_date:
            # the article's own weekday is the article's day ("said on Tuesday" in Tuesday's paper),
            # unless the text says "next" or "last"
            ahead = (index - article_date.weekday()) % 7
            behind = (article_date.weekday() - index) % 7
            if re.search(r"\bnext\b", text):
                return article_date + dt.timedelta(days=ahead or 7)
            if re.search(r"\blast\b", text):
                return article_date - dt.timedelta(days=behind or 7)
            return article_date + dt.timedelta(days=ahead) if future else article_date - dt.timedelta(days=behind)
    return None


DURATION = re.compile(r"^(for\s+)?(about\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+)?"
                      r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few)"
                      r"[\s-]+(minutes?|hours?|days?|nights?|weeks?|months?|years?)(\s+long)?$", re.I)


# a time still to come: in a past clause it dates what was planned ("invited her for talks early next year"),
# never the story, which tells what happened
AHEAD = re.compile(r"\b(next|coming|upcoming|later this|later in the)\b", re.I)


def moves_the_narrative(expression: str) -> bool:
    """Whether a date expression that names no single day still places the story at another time
    ("earlier this month", "in 1984", "last week") rather than measuring it ("for 30 minutes", "three-day")."""
    text = expression.strip().lower()
    return not DURATION.match(text) and not re.search(r"\b(annually|daily|weekly|every)\b", text)


def date_expressions(sentence, lowers: list[int], same_day_possible: bool = True) -> list:
    """Spans of a spaCy sentence that may name a day: DATE/TIME entities and bare day words (found in
    `lowers`, the LOWER column of the sentence's Doc), and SAME_DAY phrases unless the caller knows there
    are none (`same_day_possible`: its paragraph holds no SAME_DAY_WORD)."""
    spans = [ent for ent in sentence.ents if ent.label_ in ("DATE", "TIME")]
    covered = {t.i for span in spans for t in span}
    doc = sentence.doc
    for i in range(sentence.start, sentence.end):
        if lowers[i] in _DAY_WORD_IDS and i not in covered:
            spans.append(doc[i:i + 1])
    match = SAME_DAY.search(sentence.text) if same_day_possible else None
    if match:
        span = sentence.doc.char_span(sentence.start_char + match.start(), sentence.start_char + match.end(),
                                      alignment_mode="expand")
        if span is not None:
            # "on the day" holds the entity "the day": the phrase says which day, so it replaces the entity
            inner = {t.i for t in span}
            spans = [s for s in spans if not inner & {t.i for t in s} or not {t.i for t in s} <= inner]
            if not any(inner & {t.i for t in s} for s in spans):
                spans.append(span)
    return spans


def anchor_of(span):
    """The clause a date expression modifies: its nearest verbal ancestor (or the sentence root)."""
    token = span.root
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return token


def governs(anchor, trigger) -> bool:
    """Whether a trigger lies in the clause the date modifies (its own verb, a conjunct, a complement)."""
    return trigger.i == anchor.i or anchor.is_ancestor(trigger)  # in its subtree, found from the trigger up
