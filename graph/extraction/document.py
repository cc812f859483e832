"""Extraction of one parsed document: entities, event mentions, dates, then one node per event.

Repeated mentions of one event ("Ruiz called Okafor" … "in her call with Okafor" … "the call") become
one event with several provenance mentions when their type, key (participants, or agent and
recipient) and dates agree; a bare reference ("during the call") joins the latest compatible event
and lends the sentence that event's date.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..lexicon import SYMMETRIC, UNARY, Lexicon
from ..records import PERSON, PLACE, DocumentGraph, Event, Mention
from .dating import mention_dates, sentence_id
from .deps import ACL
from .entities import EntityAnalysis, analyse_entities
from .events import EventMention, find_event_mentions
from .events.mention import replaced
from .events.roles import acted_on_gerund
from .nlp import ParsedDocument


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
    mention_set: set[Mention] = field(default_factory=set)  # `mentions` as a set: a membership test in O(1)


def _provenance(parsed: ParsedDocument, mention: EventMention) -> Mention:
    unit = parsed.paragraphs[mention.paragraph]
    token = unit.doc[mention.token]
    offset = unit.paragraph.begin
    sentence_begin, sentence_end = unit.sentence_chars(mention.token)
    return Mention(begin=offset + token.idx, end=offset + token.idx + len(token.text), text=token.text,
                   sentence_begin=offset + sentence_begin, sentence_end=offset + sentence_end)


def _valid(mention: EventMention, lexicon: Lexicon) -> bool:
    """Whether a mention has the roles its class's pattern needs."""
    pattern = lexicon.role_pattern(mention.kind)
    if pattern == SYMMETRIC:
        return len(mention.participants) >= 2
    if pattern == UNARY:
        return bool(mention.agent)
    return bool(mention.agent and mention.recipient and mention.agent != mention.recipient)


def _entities_of(mention: EventMention) -> set[str]:
    return {k for k in (mention.agent, mention.recipient, *mention.participants) if k}


def _complete_roles(parsed: ParsedDocument, mentions: list[EventMention], analysis: EntityAnalysis,
                    lexicon: Lexicon) -> list[EventMention]:
    """Fill a directed event's missing recipient or agent from its sentence (a concession's from the document).

    "called Okafor … and extended an invitation": the invitation goes to the one the agent called.
    "a rally of Okafor's …, conceding …": a participle with no subject takes the nearest person before it.
    "Ruiz defeated Okafor … Okafor conceded": to the winner.
    """
    sentences = [sentence_id(parsed, m) for m in mentions]
    by_sentence: dict[tuple[int, int], list[EventMention]] = defaultdict(list)
    for mention, sentence in zip(mentions, sentences):
        by_sentence[sentence].append(mention)
    completed = []
    for mention, sentence in zip(mentions, sentences):
        same_sentence = [m for m in by_sentence[sentence] if m is not mention]
        # a noun only as an act someone performs ("sent congratulations", "extended an invitation")
        acted = not mention.nominal or mention.clause_token is not None or mention.kind == "Invitation"
        if lexicon.by_name(mention.kind).addresses_person and mention.agent and not mention.recipient and acted:
            for other in same_sentence:
                partners = {k for k in _entities_of(other) - {mention.agent} if analysis.kinds.get(k) != PLACE}
                if mention.agent in _entities_of(other) and partners:
                    recipient = other.recipient if other.recipient and other.recipient != mention.agent \
                        else sorted(partners)[0]
                    mention = replaced(mention, recipient=recipient)
                    break
        if not mention.agent and lexicon.role_pattern(mention.kind) != SYMMETRIC and mention.kind != "Statement":
            doc = parsed.paragraphs[mention.paragraph].doc
            trigger = doc[mention.token]
            # (not "the summit hosted by Lee", whose participle has the noun it modifies for subject)
            reduced_relative = trigger.tag_ == "VBN" and trigger.dep_ == ACL
            if trigger.tag_ in ("VBG", "VBN") and not any(c.dep_.startswith("nsubj") for c in trigger.children) \
                    and not acted_on_gerund(trigger) and not reduced_relative:
                taken = _entities_of(mention)
                for token in reversed(doc[trigger.sent.start:trigger.i]):
                    keys = analysis.keys_at(mention.paragraph, token.i)
                    if len(keys) == 1 and analysis.kinds.get(keys[0]) == PERSON and keys[0] not in taken:
                        mention = replaced(mention, agent=keys[0])
                        break
        completed.append(mention)
    # concessions last, once every victory has its winner
    for index, (mention, sentence) in enumerate(zip(completed, sentences)):
        if mention.kind == "Concession" and mention.agent and not mention.recipient:
            same_sentence = [m for m, s in zip(completed, sentences) if s == sentence and m is not mention]
            recipient = _winner_conceded_to(mention, same_sentence, completed, analysis.kinds)
            completed[index] = replaced(mention, recipient=recipient)
    return completed


def _confirmed(parsed: ParsedDocument, mentions: list[EventMention]) -> list[EventMention]:
    """Keep a tentative conversation ("spoke with Okafor") as the call it is where the text says so: a
    call between the same parties elsewhere in the article ("…during a phone call. He spoke to Okafor on
    Saturday"), or a bare mention of calls next to it ("spoke with Lee and Berg. In each call, …")."""
    order = {key: number for number, key in enumerate(
        (p, s.start) for p, unit in enumerate(parsed.paragraphs) for s in unit.doc.sents)}
    number = [order[sentence_id(parsed, m)] for m in mentions]
    kept = []
    for index, mention in enumerate(mentions):
        if not mention.tentative:
            kept.append(mention)
            continue
        parties = frozenset(mention.participants)
        same_parties = any(not m.tentative and m.kind == mention.kind
                           and frozenset(m.participants or m.fallback_participants) == parties for m in mentions)
        bare_nearby = any(m.kind == mention.kind and m.nominal and not m.has_roles and not m.fallback_participants
                          and abs(number[other] - number[index]) <= 1 for other, m in enumerate(mentions))
        if same_parties or bare_nearby:
            kept.append(replaced(mention, tentative=False))
    return kept


def _winner_conceded_to(concession: EventMention, same_sentence: list[EventMention],
                        mentions: list[EventMention], kinds: dict[str, str]) -> str | None:
    """Whom "conceded defeat" or "his concession speech" concedes to: the winner of a victory in the
    sentence; else the one the conceder congratulates in it ("conceded and congratulated Mahama"); else
    the one who beat the conceder in the document ("X defeated Y … Y conceded"); else the document's
    only winner (of the conceder's kind, when a party and its leader both won)."""
    def winners(of: list[EventMention], loser: str | None = None) -> list[str]:
        return list(dict.fromkeys(m.agent for m in of if m.kind == "Victory" and m.agent not in (None, concession.agent)
                                  and (loser is None or m.opponent == loser)))

    congratulated = [m.recipient for m in same_sentence if m.kind == "Congratulation"
                     and m.agent == concession.agent and m.recipient not in (None, concession.agent)]
    found = winners(same_sentence) or congratulated or winners(mentions, concession.agent)
    if found:
        return found[0]
    everyone = winners(mentions)
    if len(everyone) > 1:
        everyone = [w for w in everyone if kinds.get(w) == kinds.get(concession.agent)]
    return everyone[0] if len(everyone) == 1 else None


def _event_key(mention: EventMention, lexicon: Lexicon):
    """What makes two mentions one event: their class's role pattern, and modality."""
    pattern = lexicon.role_pattern(mention.kind)
    if pattern == SYMMETRIC:
        return mention.kind, frozenset(mention.participants), mention.negated
    if mention.kind == "Statement":
        # one statement per quotation; unquoted ones are told apart by where they stand
        return mention.kind, mention.agent, mention.quote or (mention.paragraph, mention.token), mention.negated
    if pattern == UNARY:
        return mention.kind, mention.agent, mention.negated
    return mention.kind, mention.agent, mention.recipient, mention.negated


def _absorb(draft: _Draft, mention: EventMention, date: dt.date | None) -> None:
    """Add a further mention's roles, date and modality to an event."""
    base = draft.mention
    initiator = {} if base.agent or not mention.agent else {"agent": mention.agent, "recipient": mention.recipient}
    draft.mention = replaced(
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
                   story_days: list[dt.date | None], lexicon: Lexicon) -> list[_Draft]:
    drafts: list[_Draft] = []
    owner: dict[int, _Draft] = {}
    references: list[tuple[tuple[int, int], _Draft]] = []
    for index, (mention, date) in enumerate(zip(mentions, dates)):
        sentence = sentence_id(parsed, mention)
        if mention.nominal and not _valid(mention, lexicon):
            target = _reference_target(drafts, mention)
            fallback = replaced(mention, participants=mention.fallback_participants)
            if target is None and _valid(fallback, lexicon):
                target = _Draft(f"e{len(drafts) + 1}", fallback, date)
                drafts.append(target)
            elif target is None:
                continue
            else:
                _absorb(target, mention, date)
        else:
            if not _valid(mention, lexicon):
                continue
            key = _event_key(mention, lexicon)
            target = next((d for d in drafts if _event_key(d.mention, lexicon) == key
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
        if provenance not in target.mention_set:
            target.mentions.append(provenance)
            target.mention_set.add(provenance)
        owner[index] = target
    # "During the call, Okafor congratulated Ruiz": the sentence happens at the call's date.
    for sentence, target in references:
        for draft in drafts:
            if draft is not target and draft.date is None and sentence in draft.verbal_sentences and target.date \
                    and not draft.mention.planned:
                draft.date = target.date
    # what nothing dates takes the day the story stood at where it was first told
    for index, draft in owner.items():
        draft.date = draft.date or story_days[index]
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


def _event_record(draft: _Draft, article_date: dt.date | None, lexicon: Lexicon) -> Event:
    m = draft.mention
    planned = m.planned or bool(draft.date and article_date and draft.date > article_date)
    return Event(
        id=draft.id, kind=m.kind, agent=m.agent, recipient=m.recipient,
        participants=tuple(sorted(m.participants)) if lexicon.role_pattern(m.kind) == SYMMETRIC else (),
        location=m.location, opponent=m.opponent, topic=m.topic, date=draft.date, planned=planned,
        negated=m.negated, quote=m.quote, trigger=m.trigger, reports=tuple(draft.reports),
        mentions=tuple(sorted(draft.mentions, key=lambda x: x.begin)))


def extract_document(parsed: ParsedDocument, lexicon: Lexicon) -> DocumentGraph:
    """Entities and events of one parsed document."""
    analysis = analyse_entities(parsed, lexicon)
    mentions = _confirmed(parsed, find_event_mentions(parsed, analysis, lexicon))
    mentions = _complete_roles(parsed, mentions, analysis, lexicon)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].paragraph, mentions[i].token))
    mentions = [mentions[i] for i in order]
    drafts = merge_mentions(parsed, mentions, *mention_dates(parsed, mentions), lexicon)
    events = tuple(_event_record(d, parsed.document.date, lexicon) for d in drafts)
    return DocumentGraph(parsed.document, analysis.entities, events)
