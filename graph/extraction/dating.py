"""Dates event mentions: the most specific date expression whose clause holds the trigger.

Expressions resolve against the article date (temporal.py); "earlier in the day" takes the last date
the article established; a caption's own dates stay in the caption.
"""
from __future__ import annotations

import datetime as dt

from .deps import ACL, AMOD, AUX, AUXPASS, COMPOUND
from .events import EventMention
from .nlp import ParsedDocument, column
from .quotation import inside
from .temporal import AHEAD, SAME_DAY, SAME_DAY_WORD, anchor_of, date_expressions, governs, moves_the_narrative, resolve


def sentence_id(parsed: ParsedDocument, mention: EventMention) -> tuple[int, int]:
    """(paragraph, first token) of the sentence holding a mention's trigger."""
    return mention.paragraph, parsed.paragraphs[mention.paragraph].sentence_starts[mention.token]


def _depth(token) -> int:
    depth = 0
    while token.head != token:
        token, depth = token.head, depth + 1
    return depth


def _past(verb) -> bool:
    """A clause told in the past: 'met', 'was postponed', 'has invited', 'the deal signed on Friday'."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and (verb.dep_ == ACL or any(c.dep_ in (AUX, AUXPASS)
                                                                               for c in verb.children))


def _narrative_days(parsed: ParsedDocument, until: tuple[int, int]
                    ) -> dict[tuple[int, int], tuple[list, dt.date | None, dt.date | None]]:
    """For each sentence up to the one `until` names: its date expressions with their anchors, the day
    the story stood at before it, and the day it stands at after it.

    The story's day starts at the article date; a sentence naming a day moves it there; one that places
    the story at a time that is no day ("earlier this month", "in 1984") leaves it unknown; a duration
    ("for 30 minutes") or a sentence with no date keeps it. Captions keep their dates to themselves, and
    quotes theirs: a speaker's "hours before the match" is the speaker's time, not the story's."""
    article_date = parsed.document.date
    reference = article_date
    found = {}
    for p_index, unit in enumerate(parsed.paragraphs[:until[0] + 1]):
        quotes, lowers = unit.quotes, column(unit.doc, "LOWER")
        same_day_possible = SAME_DAY_WORD.search(unit.text) is not None  # most paragraphs have no such word
        for sentence in unit.doc.sents:
            if (p_index, sentence.start) > until:
                break  # the story's day only flows forward: no later sentence changes these
            resolved = [(span, anchor_of(span)) for span in date_expressions(sentence, lowers, same_day_possible)]
            before = reference
            # only what the story tells as past moves it ("met on Monday"), not plans ("will meet on May 16")
            told = [span for span, anchor in resolved if not SAME_DAY.search(span.text) and _past(anchor)
                    and not AHEAD.search(span.text) and not inside(quotes, span.start_char)]
            # the main clause's day before a relative clause's ("Ruiz, who won on Friday, spoke on Saturday")
            told.sort(key=lambda span: _depth(anchor_of(span)))
            if not unit.paragraph.is_caption and told:
                named = next((day for day in (resolve(span.text, article_date, reference=reference) for span in told)
                              if day), None)
                if named:
                    reference = named
                elif any(moves_the_narrative(span.text) for span in told if span.label_ != "TIME"):
                    reference = None  # but a time of day ("at 10:30 p.m.") keeps the day
            found[(p_index, sentence.start)] = (resolved, before, reference)
    return found


def _owned_by_a_noun(span, anchor, nouns: set[int]) -> bool:
    """'invited Okafor … during a phone call on Tuesday': a date on an event noun is that event's, not
    the clause's around it."""
    token = span.root.head
    while token != anchor and token.head != token:
        if token.i in nouns:
            return True
        token = token.head
    return False


def mention_dates(parsed: ParsedDocument, mentions: list[EventMention]
                  ) -> tuple[list[dt.date | None], list[dt.date | None]]:
    """The day of each mention, and the day the story stands at when no expression dates it.

    A mention's own day comes from the most specific date expression whose clause holds the trigger.
    A past event that no expression dates may take the story's day (news tells a day's events in turn:
    "Ruiz arrived on Sunday. He met Okafor." met on Sunday); the document stage uses it only when
    nothing else, not even the call it happened during, dates the event."""
    article_date = parsed.document.date
    if not mentions:
        return [], []
    by_sentence = _narrative_days(parsed, max(sentence_id(parsed, m) for m in mentions))
    subtree_sizes: dict[tuple[int, int], int] = {}  # mentions of one clause share their anchors
    nouns = {(m.paragraph, m.token) for m in mentions if m.nominal}
    dates, story_days = [], []
    for mention in mentions:
        resolved, reference, story_day = by_sentence[sentence_id(parsed, mention)]
        unit = parsed.paragraphs[mention.paragraph]
        trigger = unit.doc[mention.token]
        if trigger.dep_ in (COMPOUND, AMOD) and trigger.head.pos_ == "NOUN":
            trigger = trigger.head  # "his concession speech on Sunday": dated as the speech
        other_nouns = {i for p, i in nouns if p == mention.paragraph and i != mention.token}
        best, expressed = None, False
        for span, anchor in resolved:
            # a noun ("his victory") is dated only by a date on itself or on the verb it depends on
            # ("made a call on Thursday"), not by any clause around it
            clause = trigger.doc[mention.clause_token] if mention.clause_token is not None else None
            if mention.nominal:
                applies = trigger in span.root.ancestors or clause is not None and governs(anchor, clause)
            else:
                applies = governs(anchor, trigger) and not _owned_by_a_noun(span, anchor, other_nouns)
            if applies:
                expressed = True
                size = subtree_sizes.get((mention.paragraph, anchor.i))
                if size is None:
                    size = subtree_sizes[(mention.paragraph, anchor.i)] = len(list(anchor.subtree))
                day = resolve(span.text, article_date, future=mention.planned, reference=reference)
                # the closest clause's expression wins even when it names no day: "confirmed on Wednesday
                # that Brandt would visit Warsaw next month" dates no visit on a Wednesday
                if best is None or size < best[0] or size == best[0] and day and not best[1]:
                    best = (size, day)
        dates.append(best[1] if best else None)
        # a past event is never dated after the article (the story may have moved on to plans)
        weak = best is None and not expressed and not (mention.planned or mention.negated) \
            and not unit.paragraph.is_caption
        story_days.append(story_day if weak and story_day and (article_date is None or story_day <= article_date)
                          else None)
    return dates, story_days
