"""Event stage: find event triggers in parsed sentences and fill their roles from the dependency parse.

Triggers come from the ontology's lexicon: verbs ("called"), inverse verbs ("hosted"), nouns ("the
call", "his victory", under a light verb: "made a call"), and communication verbs with a channel
("spoke over the phone"). Roles come from subjects, objects, possessors and prepositions, through
coordination, purpose clauses, passives and resolved pronouns. Each trigger yields a frozen
`EventMention`; the extract stage dates them and merges repeated mentions into one event.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .coref import OBJECT_CONTROL
from .entities import EntityAnalysis
from .nlp import ParsedDocument
from .ontology import EventClass, Lexicon
from .records import PERSON, PLACE

# dependency labels (spaCy English, ClearNLP style)
NSUBJ, NSUBJPASS, DOBJ, POBJ, PREP, AGENT, CONJ = "nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "conj"
XCOMP, ADVCL, CCOMP, ACL, RELCL, POSS, NEG, AUX = "xcomp", "advcl", "ccomp", "acl", "relcl", "poss", "neg", "aux"
DATIVE, APPOS, COMPOUND, AMOD, PCOMP, ACOMP = "dative", "appos", "compound", "amod", "pcomp", "acomp"
CLAUSE_LINKS = {CONJ, XCOMP, ADVCL, ACL, RELCL, PCOMP, ACOMP}  # "is due to meet": due is an acomp
RELATIVE_PRONOUN_TAGS = {"WP", "WDT"}
OPRD = "oprd"
DATE_LABELS = {"DATE", "TIME"}
CHANNEL_PREPS = {"over", "by", "on", "via", "through"}
PARTNER_PREPS = {"with", "to", "between"}
LOCATION_PREPS = {"in", "at"}
TOPIC_PREPS = {"on", "for", "over", "about"}
REFERENCE_PREPS = {"during", "in", "after", "at"}  # "during the call", "in her call with Ruiz"
HELD_BY_VERB_PREPS = {"for", "during"}  # "hosted X for talks", "told X during talks": the verb's parties hold them
QUOTE_PATTERN = re.compile(r"\"[^\"]+\"|“[^”]+”|‘[^’]+’|(?<![\w])'(?=\S)[^']{12,}?[\w.,!?;:](?:'(?![\w]))")


@dataclass(frozen=True)
class EventMention:
    """One trigger of an event, with the roles the sentence gives it (entity keys)."""

    kind: str
    trigger: str
    paragraph: int
    token: int
    agent: str | None = None
    recipient: str | None = None
    participants: tuple[str, ...] = ()
    location: str | None = None
    opponent: str | None = None
    topic: str | None = None
    planned: bool = False
    negated: bool = False
    nominal: bool = False
    reference_prep: str | None = None  # "during" in "during the call"
    clause_token: int | None = None  # the verb whose clause dates this mention (a light verb for a noun)
    fallback_participants: tuple[str, ...] = ()  # "X hosted Y for talks": used when nothing else names them
    quote: str | None = None
    quote_span: tuple[int, int] | None = None  # character span (paragraph offsets) the quote covers
    report_span: tuple[int, int] | None = None  # token span of the reported clause

    @property
    def has_roles(self) -> bool:
        return bool(self.agent or self.recipient or self.participants)


class _Sentence:
    """The sentence being read, with access to entity keys of its tokens."""

    def __init__(self, paragraph: int, analysis: EntityAnalysis):
        self.paragraph = paragraph
        self.analysis = analysis

    def keys(self, token) -> tuple[str, ...]:
        keys = self.analysis.keys_at(self.paragraph, token.i)
        if keys:
            return keys
        for child in token.children:
            if child.dep_ in (APPOS, COMPOUND) and self.analysis.keys_at(self.paragraph, child.i):
                return self.analysis.keys_at(self.paragraph, child.i)
        # "his counterpart, Eleni Pappas," even where the parser lost the apposition
        doc = token.doc
        if token.pos_ == "NOUN" and token.i + 2 < len(doc) and doc[token.i + 1].text == ",":
            return self.analysis.keys_at(self.paragraph, doc[token.i + 2].i)
        return ()

    def group(self, token) -> tuple[str, ...]:
        """Keys of a token and of everything coordinated with it ('Ruiz and Okafor')."""
        keys = list(self.keys(token))
        for child in token.children:
            if child.dep_ == CONJ:
                keys.extend(self.group(child) or self._misattached_apposition(token, keys))
        return tuple(dict.fromkeys(keys))

    def _misattached_apposition(self, token, own: list[str]) -> tuple[str, ...]:
        # "Ruiz and her rival Senator Ngozi Okafor": the parser hangs the name on Ruiz as an
        # apposition instead of on "rival"; a second, different entity there is the conjunct's name.
        for child in token.children:
            keys = self.analysis.keys_at(self.paragraph, child.i)
            if child.dep_ == APPOS and keys and not set(keys) & set(own):
                return keys
        return ()

    def kind(self, key: str) -> str | None:
        return self.analysis.kinds.get(key)


def _children(token, *deps):
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token, preps) -> Iterator[tuple[str, object]]:
    for prep in _children(token, PREP, AGENT):
        if prep.lower_ in preps or prep.dep_ == AGENT and "by" in preps:
            for pobj in _children(prep, POBJ):
                yield prep.lower_, pobj


def _subject(verb, sentence: _Sentence, depth: int = 0) -> tuple[str, ...]:
    """The verb's subject, climbing through coordination and purpose clauses; object control wins."""
    for child in _children(verb, NSUBJ):
        if child.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == RELCL:
            return sentence.group(verb.head)  # "Otieno, who later said": the relative's antecedent
        return sentence.group(child)
    for child in _children(verb, AGENT):  # passive: "by Okafor"
        for pobj in _children(child, POBJ):
            return sentence.group(pobj)
    if depth > 4 or verb.head == verb or verb.dep_ not in CLAUSE_LINKS:
        return ()
    head = verb.head
    if verb.dep_ in (XCOMP, ADVCL) and head.lemma_ in OBJECT_CONTROL:
        objects = [k for c in _children(head, DOBJ) for k in sentence.group(c)]
        if objects:
            return tuple(objects)
    if verb.dep_ in (ACL, RELCL) and head.pos_ in ("NOUN", "PROPN"):
        return sentence.group(head) or _possessor(head, sentence)
    if head.pos_ in ("NOUN", "PROPN") and verb.dep_ in (ACL,):
        return _possessor(head, sentence)
    return _subject(head, sentence, depth + 1)


def _possessor(noun, sentence: _Sentence) -> tuple[str, ...]:
    for child in _children(noun, POSS):
        return sentence.group(child)
    return ()


def _objects(verb, sentence: _Sentence) -> tuple[str, ...]:
    # the small parser sometimes labels a named object an object predicate ("called Starmer/oprd")
    for child in _children(verb, DOBJ, DATIVE, OPRD):
        keys = sentence.group(child)
        if keys:
            return keys
    return ()


def _passive_subject(verb, sentence: _Sentence) -> tuple[str, ...]:
    for child in _children(verb, NSUBJPASS):
        return sentence.group(child)
    return ()


def _first_entity(sentence: _Sentence, tokens, kinds) -> str | None:
    for token in tokens:
        for key in sentence.keys(token):
            if sentence.kind(key) in kinds:
                return key
    return None


def _location(trigger, sentence: _Sentence) -> str | None:
    pobjs = [pobj for _, pobj in _prep_objects(trigger, LOCATION_PREPS)]
    return _first_entity(sentence, pobjs, {PLACE, "Organization"})


def _topic(trigger) -> str | None:
    """What the event is about: 'on his re-election' (a date after 'on' is no topic)."""
    doc = trigger.doc
    for _, pobj in _prep_objects(trigger, TOPIC_PREPS):
        if pobj.ent_type_ in DATE_LABELS:
            continue
        start, end = min(t.i for t in pobj.subtree), max(t.i for t in pobj.subtree) + 1
        while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha or \
                end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 1  # keep hyphenated words whole ("re-election")
        return doc[start:end].text
    return None


def _has_word(tokens, words) -> bool:
    return any(t.lower_ in words or t.lemma_ in words for t in tokens)


def _modality(trigger, lexicon: Lexicon) -> tuple[bool, bool]:
    """(planned, negated) from auxiliaries, negation, governing verbs and relative clauses."""
    planned = negated = False
    scope = [trigger]
    node = trigger
    # a noun takes the modality of the light verb over it ("will hold talks", "did not make a call")
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == DOBJ:
        scope.append(trigger.head)
        node = trigger.head
    for token in scope:
        auxes = _children(token, AUX)
        planned |= _has_word(auxes, lexicon.planned_cues)
        negated |= bool(_children(token, NEG)) or _has_word(_children(token, NEG), lexicon.negation_cues)
    if trigger.pos_ in ("NOUN", "PROPN"):
        for clause in _children(trigger, RELCL, ACL):
            planned |= _has_word(_children(clause, AUX), lexicon.planned_cues)
        planned |= _has_word(_children(trigger, AMOD), lexicon.planned_cues)
    if node.dep_ in (XCOMP, ADVCL, CCOMP, ACL) and node.head != node:  # ACL: "plans for Modi to visit"
        governor = node.head
        if governor.lemma_.lower() in lexicon.planned_cues or governor.lemma_ in OBJECT_CONTROL and node.dep_ != CCOMP:
            planned = True
        if governor.lemma_ in lexicon.negation_cues or _children(governor, NEG):
            negated = negated or governor.lemma_ in lexicon.negation_cues or node.dep_ == XCOMP
        planned |= _has_word(_children(governor, AUX), lexicon.planned_cues) and node.dep_ == XCOMP
    return planned, negated


def _roles(event_class: EventClass, agents, others) -> dict:
    """Place agents and their counterparts by the class's shape (symmetric or directed).

    A symmetric event keeps all its participants; when one side acted on the other ("Ruiz called
    Okafor") it also records who initiated it and towards whom.
    """
    if event_class.symmetric:
        roles = {"participants": tuple(dict.fromkeys((*agents, *others)))}
        if len(agents) == 1 and len(others) == 1 and agents[0] != others[0]:
            roles |= {"agent": agents[0], "recipient": others[0]}
        return roles
    return {"agent": agents[0] if agents else None, "recipient": others[0] if others else None}


def _verbal(trigger, event_class: EventClass, inverse: bool, sentence: _Sentence, lexicon: Lexicon) -> EventMention:
    passive = bool(_children(trigger, NSUBJPASS))
    agents = _subject(trigger, sentence)
    others = _passive_subject(trigger, sentence) if passive else _objects(trigger, sentence)
    if passive and not _children(trigger, AGENT):
        agents = ()
    location = _location(trigger, sentence)
    objects = _children(trigger, DOBJ)
    partner_phrases = [*_prep_objects(trigger, PARTNER_PREPS), *(pair for o in objects for pair in _prep_objects(o, {"to"}))]
    for prep, pobj in partner_phrases:
        keys = sentence.group(pobj)
        if not keys:
            continue
        if prep == "to" and all(sentence.kind(k) != PERSON for k in keys) and event_class.name == "Invitation":
            location = location or keys[0]
        elif not others:
            others = keys
    if inverse:
        agents, others = others, agents
    opponent = None
    if event_class.opponent_verbs:
        # "defeated Massa": the object is the loser; "won the race": the object is the prize, no one;
        # "won against/over X": X lost
        loser = others[0] if others and trigger.lemma_ in event_class.opponent_verbs else None
        against = [k for _, pobj in _prep_objects(trigger, {"against", "over"}) for k in sentence.group(pobj)]
        opponent, others = loser or (against[0] if against else None), ()
    if event_class.name == "Statement" and not agents:
        agents = _inverted_speaker(trigger, sentence)
    planned, negated = _modality(trigger, lexicon)
    roles = _roles(event_class, agents, others)
    if event_class.name in ("Statement", "Victory"):
        roles = {"agent": agents[0] if agents else None}
    return EventMention(kind=event_class.name, trigger=trigger.lemma_, paragraph=sentence.paragraph, token=trigger.i,
                        location=location, opponent=opponent, topic=_topic(trigger), planned=planned,
                        negated=negated, clause_token=trigger.i, **roles)


def _inverted_speaker(verb, sentence: _Sentence) -> tuple[str, ...]:
    """'"…," said the Foreign Ministry after …': the speaker right after the verb, however it was parsed."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    return sentence.analysis.keys_at(sentence.paragraph, i) if i < len(doc) else ()


def _nominal(trigger, event_class: EventClass, sentence: _Sentence, lexicon: Lexicon) -> EventMention:
    # "his concession speech": a noun modifying another noun shares that noun's possessor and phrases
    noun = trigger.head if trigger.dep_ == COMPOUND and trigger.head.pos_ == "NOUN" else trigger
    agents = list(_possessor(noun, sentence))
    others: list[str] = []
    location = _location(noun, sentence)
    clause_token = None
    for prep, pobj in _prep_objects(noun, PARTNER_PREPS | {"by", "of", "from"}):
        keys = sentence.group(pobj)
        if prep in ("by", "from") or prep == "of" and event_class.name in ("Victory", "Statement"):
            agents.extend(keys)
        elif prep == "to" and keys and all(sentence.kind(k) != PERSON for k in keys):
            location = location or keys[0]
        elif prep != "of":
            others.extend(keys)
    head = noun.head
    if noun.dep_ == DOBJ and head.lemma_ in lexicon.light_verbs:
        agents = agents or list(_subject(head, sentence))
        for _, pobj in _prep_objects(head, PARTNER_PREPS):
            others.extend(sentence.group(pobj))
        location = location or _location(head, sentence)
        clause_token = head.i
    elif noun.dep_ == DOBJ and agents and head.pos_ == "VERB":
        others.extend(_subject(head, sentence))  # "Vargas accepted an invitation from Ortiz"
    reference = head.lower_ if noun.dep_ == POBJ and head.lower_ in REFERENCE_PREPS else None
    planned, negated = _modality(noun, lexicon)
    fallback: tuple[str, ...] = ()
    verb = head.head if noun.dep_ == POBJ and head.dep_ == PREP and head.lower_ in HELD_BY_VERB_PREPS else None
    if event_class.symmetric and verb is not None and verb.pos_ in ("VERB", "AUX"):
        # "hosted Mukamana for talks", "told Al-Harbi during talks": the verb's parties hold the talks
        partners = [k for _, pobj in _prep_objects(verb, {"to", "with"}) for k in sentence.group(pobj)]
        parties = (*_subject(verb, sentence), *_objects(verb, sentence), *partners, *others)
        fallback = tuple(dict.fromkeys(k for k in parties if sentence.kind(k) != PLACE))  # not "to Guatemala City"
        planned = planned or _modality(verb, lexicon)[0]
        clause_token = verb.i
    roles = _roles(event_class, tuple(agents), tuple(others))
    if event_class.name in ("Statement", "Victory", "Concession"):
        roles = {"agent": agents[0] if agents else None}
    return EventMention(kind=event_class.name, trigger=trigger.lemma_, paragraph=sentence.paragraph, token=trigger.i,
                        location=location, topic=_topic(noun), planned=planned, negated=negated, nominal=True,
                        reference_prep=reference, clause_token=clause_token, fallback_participants=fallback, **roles)


def _own_clause(verb):
    """Tokens of the verb's clause, not of clauses inside it."""
    for token in verb.subtree:
        node = token
        while node != verb and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node == verb:
            yield token


def _channel_class(verb, lexicon: Lexicon) -> EventClass | None:
    """'spoke over the phone', 'talked by telephone': a communication verb with a channel noun.

    The small parser may take "by phone" for a passive agent or hang it on a nearby noun, so any
    channel phrase of the verb's own clause counts.
    """
    if not any(verb.lemma_ in c.communication_verbs for c in lexicon.classes):
        return None
    for prep in _own_clause(verb):
        if prep.dep_ in (PREP, AGENT) and prep.lower_ in CHANNEL_PREPS:
            for pobj in _children(prep, POBJ):
                found = lexicon.channel_class(verb.lemma_, pobj.lemma_.lower())
                if found:
                    return found
    return None


def _channel_event(verb, event_class: EventClass, sentence: _Sentence, lexicon: Lexicon) -> EventMention:
    mention = _verbal(verb, event_class, False, sentence, lexicon)
    others = list(mention.participants)
    for prep in _children(verb, PREP):  # "over the phone with Okafor": the partner hangs off the channel
        for pobj in _children(prep, POBJ):
            for _, partner in _prep_objects(pobj, {"with", "to"}):
                others.extend(sentence.group(partner))
    # "spoke by phone with Okafor" is mutual: no caller is named
    return replace(mention, participants=tuple(dict.fromkeys(others)), agent=None, recipient=None)


def _noun_lemma(token) -> str:
    compound = [c for c in token.children if c.dep_ == COMPOUND and c.i == token.i - 1]
    return f"{compound[0].lemma_.lower()} {token.lemma_.lower()}" if compound else token.lemma_.lower()


def _according_to(token, sentence: _Sentence) -> EventMention | None:
    """'according to X' attributes the sentence to X."""
    if token.lower_ != "according":
        return None
    for prep in _children(token, PREP):
        if prep.lower_ == "to":
            for pobj in _children(prep, POBJ):
                keys = sentence.group(pobj)
                if keys:
                    return EventMention(kind="Statement", trigger="according to", paragraph=sentence.paragraph,
                                        token=token.i, agent=keys[0])
    return None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_PATTERN.finditer(text)]


def _attach_quote(mention: EventMention, trigger, spans: list[tuple[int, int]]) -> EventMention:
    """A speech verb outside quotation marks takes the nearest quotation of its paragraph."""
    doc = trigger.doc
    position = trigger.idx
    outside = [span for span in spans if not span[0] <= position < span[1]]
    if outside:
        begin, end = min(outside, key=lambda s: min(abs(position - s[0]), abs(position - s[1])))
        quote = doc.text[begin + 1:end - 1].strip().rstrip(",").strip()
        return replace(mention, quote=quote, quote_span=(begin, end))
    for clause in _children(trigger, CCOMP):
        tokens = list(clause.subtree)
        return replace(mention, quote=doc[tokens[0].i:tokens[-1].i + 1].text,
                       report_span=(tokens[0].i, tokens[-1].i + 1))
    return mention


def find_event_mentions(parsed: ParsedDocument, analysis: EntityAnalysis, lexicon: Lexicon) -> list[EventMention]:
    """Every event trigger of the document with its roles, in reading order."""
    found: list[EventMention] = []
    attribution = lexicon.attribution_phrases
    for p_index, unit in enumerate(parsed.paragraphs):
        doc = unit.doc
        spans = _quote_spans(doc.text)
        sentence = _Sentence(p_index, analysis)
        for token in doc:
            lemma = token.lemma_.lower()
            attributed = _according_to(token, sentence) if "according to" in attribution else None
            if attributed:  # "according" is tagged as a verb or an adposition, depending on the sentence
                found.append(attributed)
            elif token.pos_ in ("VERB", "AUX"):
                channel = _channel_class(token, lexicon)
                if channel:
                    found.append(_channel_event(token, channel, sentence, lexicon))
                    continue
                for event_class in lexicon.verb_classes(lemma):
                    found.append(_verbal(token, event_class, False, sentence, lexicon))
                for event_class in lexicon.inverse_verb_classes(lemma):
                    found.append(_verbal(token, event_class, True, sentence, lexicon))
            elif token.pos_ in ("NOUN", "PROPN") and not analysis.keys_at(p_index, token.i):
                classes = lexicon.noun_classes(_noun_lemma(token)) or lexicon.noun_classes(lemma)
                for event_class in classes:
                    found.append(_nominal(token, event_class, sentence, lexicon))
        for index, mention in enumerate(found):
            if mention.paragraph == p_index and mention.kind == "Statement" and mention.trigger != "according to":
                found[index] = _attach_quote(mention, doc[mention.token], spans)
    return found
