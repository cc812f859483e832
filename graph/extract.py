"""Extraction of one parsed document: entities, event mentions, dates, then one node per event.

Repeated mentions of one event ("Ruiz called Okafor" … "in her call with Okafor" … "the call") become
one event with several provenance mentions when their type, key (participants, or agent and
recipient) and dates agree; a bare reference ("during the call") joins the latest compatible event
and lends the sentence that event's date.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from .entities import EntityAnalysis, analyse_entities
from .events import EventMention, find_event_mentions
from .nlp import ParsedDocument
from .ontology import Lexicon
from .records import PERSON, DocumentGraph, Event, Mention
from .temporal import SAME_DAY, anchor_of, date_expressions, governs, resolve

UNARY = {"Statement", "Victory", "Concession"}  # classes that need only an agent
# Acts aimed at a person that a sentence may leave implicit after naming them in a sibling clause
# ("called Okafor … and extended an invitation"): the recipient is the one the agent just addressed.
ADDRESSED_ACTS = {"Invitation", "Congratulation", "Praise", "Criticism"}


@dataclass
class _Draft:
    """An event being assembled from its mentions."""

    id: str
    mention: EventMention
    date: dt.date | None
    last_seen: tuple[int, int] = (0, 0)  # (paragraph, token) of its latest mention
    verbal_sentences: set[tuple[int, int]] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)


def _sentence_id(parsed: ParsedDocument, mention: EventMention) -> tuple[int, int]:
    return mention.paragraph, parsed.paragraphs[mention.paragraph].doc[mention.token].sent.start


def _provenance(parsed: ParsedDocument, mention: EventMention) -> Mention:
    unit = parsed.paragraphs[mention.paragraph]
    token = unit.doc[mention.token]
    sentence, offset = token.sent, unit.paragraph.begin
    return Mention(begin=offset + token.idx, end=offset + token.idx + len(token.text), text=token.text,
                   sentence_begin=offset + sentence.start_char, sentence_end=offset + sentence.end_char)


def _dates(parsed: ParsedDocument, mentions: list[EventMention]) -> list[dt.date | None]:
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
        resolved, reference = by_sentence[_sentence_id(parsed, mention)]
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


def _valid(mention: EventMention, symmetric: frozenset[str]) -> bool:
    if mention.kind in symmetric:
        return len(mention.participants) >= 2
    if mention.kind in UNARY:
        return bool(mention.agent)
    return bool(mention.agent and mention.recipient and mention.agent != mention.recipient)


def _entities_of(mention: EventMention) -> set[str]:
    return {k for k in (mention.agent, mention.recipient, *mention.participants) if k}


def _complete_roles(parsed: ParsedDocument, mentions: list[EventMention], analysis: EntityAnalysis,
                    symmetric: frozenset[str]) -> list[EventMention]:
    """Fill a directed event's missing recipient or agent from its sentence.

    "called Okafor … and extended an invitation": the invitation goes to the one the agent called.
    "a rally of Okafor's …, conceding …": a participle with no subject takes the nearest person before it.
    """
    sentences = [_sentence_id(parsed, m) for m in mentions]
    by_sentence: dict[tuple[int, int], list[EventMention]] = defaultdict(list)
    for mention, sentence in zip(mentions, sentences):
        by_sentence[sentence].append(mention)
    completed = []
    for mention, sentence in zip(mentions, sentences):
        same_sentence = [m for m in by_sentence[sentence] if m is not mention]
        if mention.kind in ADDRESSED_ACTS and mention.agent and not mention.recipient and (
                not mention.nominal or mention.kind == "Invitation"):
            for other in same_sentence:
                partners = _entities_of(other) - {mention.agent}
                if mention.agent in _entities_of(other) and partners:
                    recipient = other.recipient if other.recipient and other.recipient != mention.agent \
                        else sorted(partners)[0]
                    mention = replace(mention, recipient=recipient)
                    break
        if mention.kind == "Concession" and mention.agent and not mention.recipient:
            # "conceded defeat", "his concession speech": to the winner of the sentence's victory
            winners = [m.agent for m in same_sentence if m.kind == "Victory" and m.agent not in (None, mention.agent)]
            if winners:
                mention = replace(mention, recipient=winners[0])
        if not mention.agent and mention.kind not in symmetric and mention.kind != "Statement":
            doc = parsed.paragraphs[mention.paragraph].doc
            trigger = doc[mention.token]
            if trigger.tag_ in ("VBG", "VBN") and not any(c.dep_.startswith("nsubj") for c in trigger.children):
                taken = _entities_of(mention)
                for token in reversed(doc[trigger.sent.start:trigger.i]):
                    keys = analysis.keys_at(mention.paragraph, token.i)
                    if len(keys) == 1 and analysis.kinds.get(keys[0]) == PERSON and keys[0] not in taken:
                        mention = replace(mention, agent=keys[0])
                        break
        completed.append(mention)
    return completed


def _event_key(mention: EventMention, symmetric: frozenset[str]):
    if mention.kind in symmetric:
        return mention.kind, frozenset(mention.participants), mention.negated
    if mention.kind == "Statement":
        # one statement per quotation; unquoted ones are told apart by where they stand
        return mention.kind, mention.agent, mention.quote or (mention.paragraph, mention.token), mention.negated
    if mention.kind in UNARY:
        return mention.kind, mention.agent, mention.negated
    return mention.kind, mention.agent, mention.recipient, mention.negated


def _absorb(draft: _Draft, mention: EventMention, date: dt.date | None) -> None:
    """Add a further mention's roles, date and modality to an event."""
    base = draft.mention
    initiator = {} if base.agent or not mention.agent else {"agent": mention.agent, "recipient": mention.recipient}
    draft.mention = replace(
        base,
        **initiator,
        location=base.location or mention.location,
        opponent=base.opponent or mention.opponent,
        topic=base.topic or mention.topic,
        planned=base.planned and mention.planned,
        quote=base.quote or mention.quote,
    )
    draft.date = draft.date or date


def _reference_target(drafts: list[_Draft], mention: EventMention) -> _Draft | None:
    """The latest event of the same kind whose participants include everyone this mention names."""
    named = _entities_of(mention)
    candidates = [d for d in drafts if d.mention.kind == mention.kind and not d.mention.negated
                  and named <= _entities_of(d.mention)]
    return max(candidates, key=lambda d: d.last_seen, default=None)


def merge_mentions(parsed: ParsedDocument, mentions: list[EventMention], dates: list[dt.date | None],
                   symmetric: frozenset[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    owner: dict[int, _Draft] = {}
    references: list[tuple[tuple[int, int], _Draft]] = []
    for index, (mention, date) in enumerate(zip(mentions, dates)):
        sentence = _sentence_id(parsed, mention)
        if mention.nominal and not _valid(mention, symmetric):
            target = _reference_target(drafts, mention)
            fallback = replace(mention, participants=mention.fallback_participants)
            if target is None and _valid(fallback, symmetric):
                target = _Draft(f"e{len(drafts) + 1}", fallback, date)
                drafts.append(target)
            elif target is None:
                continue
            else:
                _absorb(target, mention, date)
        else:
            if not _valid(mention, symmetric):
                continue
            key = _event_key(mention, symmetric)
            target = next((d for d in drafts if _event_key(d.mention, symmetric) == key
                           and (d.date is None or date is None or d.date == date)), None)
            if target is None:
                target = _Draft(f"e{len(drafts) + 1}", mention, date)
                drafts.append(target)
            else:
                _absorb(target, mention, date)
        if mention.reference_prep:
            references.append((sentence, target))
        if not mention.nominal:
            target.verbal_sentences.add(sentence)
        target.last_seen = max(target.last_seen, (mention.paragraph, mention.token))
        provenance = _provenance(parsed, mention)
        if provenance not in target.mentions:
            target.mentions.append(provenance)
        owner[index] = target
    # "During the call, Okafor congratulated Ruiz": the sentence happens at the call's date.
    for sentence, target in references:
        for draft in drafts:
            if draft is not target and draft.date is None and sentence in draft.verbal_sentences and target.date:
                draft.date = target.date
    _link_reports(parsed, mentions, owner)
    return drafts


def _link_reports(parsed: ParsedDocument, mentions: list[EventMention], owner: dict[int, _Draft]) -> None:
    """A statement reports the events told inside its quotation or reported clause."""
    for index, statement in enumerate(mentions):
        if statement.kind != "Statement" or index not in owner:
            continue
        doc = parsed.paragraphs[statement.paragraph].doc
        for other_index, other in enumerate(mentions):
            if other_index == index or other_index not in owner or other.paragraph != statement.paragraph:
                continue
            inside = False
            if statement.quote_span:
                inside = statement.quote_span[0] <= doc[other.token].idx < statement.quote_span[1]
            elif statement.report_span:
                inside = statement.report_span[0] <= other.token < statement.report_span[1]
            reported = owner[other_index]
            if inside and reported is not owner[index] and reported.id not in owner[index].reports:
                owner[index].reports.append(reported.id)


def _event_record(draft: _Draft, article_date: dt.date | None, symmetric: frozenset[str]) -> Event:
    m = draft.mention
    planned = m.planned or bool(draft.date and article_date and draft.date > article_date)
    return Event(
        id=draft.id, kind=m.kind, agent=m.agent, recipient=m.recipient,
        participants=tuple(sorted(m.participants)) if m.kind in symmetric else (),
        location=m.location, opponent=m.opponent, topic=m.topic, date=draft.date, planned=planned,
        negated=m.negated, quote=m.quote, trigger=m.trigger, reports=tuple(draft.reports),
        mentions=tuple(sorted(draft.mentions, key=lambda x: x.begin)))


def extract_document(parsed: ParsedDocument, lexicon: Lexicon) -> DocumentGraph:
    """Entities and events of one parsed document."""
    analysis = analyse_entities(parsed, lexicon)
    symmetric = lexicon.symmetric_names
    mentions = find_event_mentions(parsed, analysis, lexicon)
    mentions = _complete_roles(parsed, mentions, analysis, symmetric)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].paragraph, mentions[i].token))
    mentions = [mentions[i] for i in order]
    drafts = merge_mentions(parsed, mentions, _dates(parsed, mentions), symmetric)
    events = tuple(_event_record(d, parsed.document.date, symmetric) for d in drafts)
    return DocumentGraph(parsed.document, analysis.entities, events)
