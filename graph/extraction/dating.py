"""Dates event mentions: the most specific date expression whose clause holds the trigger.

Expressions resolve against the article date (temporal.py); "earlier in the day" takes the last date
the article established; a caption's own dates stay in the caption.
"""
from __future__ import annotations

import datetime as dt

from .events import EventMention
from .nlp import ParsedDocument
from .temporal import SAME_DAY, anchor_of, date_expressions, governs, resolve


def sentence_id(parsed: ParsedDocument, mention: EventMention) -> tuple[int, int]:
    """(paragraph, first token) of the sentence holding a mention's trigger."""
    return mention.paragraph, parsed.paragraphs[mention.paragraph].doc[mention.token].sent.start


def mention_dates(parsed: ParsedDocument, mentions: list[EventMention]) -> list[dt.date | None]:
    """The day of each mention: the most specific date expression whose clause holds the trigger."""
    article_date = parsed.document.date
    reference = article_date
    by_sentence: dict[tuple[int, int], list] = {}
    for p_index, unit in enumerate(parsed.paragraphs):
        for sentence in unit.doc.sents:
            resolved = []
            for span in date_expressions(sentence):
                resolved.append((span, anchor_of(span)))
            by_sentence[(p_index, sentence.start)] = (resolved, reference)
            if not unit.paragraph.is_caption:
                for span, _ in resolved:
                    if not SAME_DAY.search(span.text):
                        day = resolve(span.text, article_date, reference=reference)
                        if day:
                            reference = day
                            break
    dates = []
    for mention in mentions:
        resolved, reference = by_sentence[sentence_id(parsed, mention)]
        trigger = parsed.paragraphs[mention.paragraph].doc[mention.token]
        best = None
        for span, anchor in resolved:
            # a noun ("his victory") is dated only by a date on itself or on the verb it depends on
            # ("made a call on Thursday"), not by any clause around it
            clause = trigger.doc[mention.clause_token] if mention.clause_token is not None else None
            if mention.nominal:
                applies = trigger in span.root.ancestors or clause is not None and governs(anchor, clause)
            else:
                applies = governs(anchor, trigger)
            if applies:
                size = len(list(anchor.subtree))
                day = resolve(span.text, article_date, future=mention.planned, reference=reference)
                if day and (best is None or size < best[0]):
                    best = (size, day)
        dates.append(best[1] if best else None)
    return dates
