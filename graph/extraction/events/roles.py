"""Roles of an event from the dependency parse: subjects, objects, possessors, locations, topics.

Subjects climb through coordination, purpose clauses and relative clauses; object control
("invited Ruiz to visit") makes the object the agent of the complement; passives take the by-phrase.
"""
from __future__ import annotations

from ...lexicon import EventClass, Lexicon
from ...records import ORGANIZATION, PERSON, PLACE
from ..deps import (
    ACL,
    ADVCL,
    AGENT,
    ATTR,
    AUX,
    CLAUSE_LINKS,
    COMPOUND,
    DATIVE,
    DOBJ,
    NSUBJ,
    NSUBJPASS,
    OPRD,
    PCOMP,
    POBJ,
    POSS,
    RELCL,
    XCOMP,
)
from .mention import DATE_LABELS, LOCATION_PREPS, TOPIC_PREPS, TokenEntities, children_with, prep_objects, replaced

RELATIVE_PRONOUN_TAGS = {"WP", "WDT"}
OBJECT_ORIENTED_PREPS = {"on", "for", "of", "over"}  # "praised X for V-ing": X is the one who V-ed


def subject_keys(verb, sentence: TokenEntities, depth: int = 0) -> tuple[str, ...]:
    """The verb's subject, climbing through coordination and purpose clauses; object control wins."""
    for child in children_with(verb, NSUBJ):
        if child.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == RELCL:
            return sentence.group(verb.head)  # "Otieno, who later said": the relative's antecedent
        return sentence.group(child)
    for child in children_with(verb, AGENT):  # passive: "by Okafor"
        for pobj in children_with(child, POBJ):
            return sentence.group(pobj)
    if depth > 4 or verb.head == verb or verb.dep_ not in CLAUSE_LINKS:
        return ()
    head = verb.head
    if verb.dep_ == PCOMP and head.lower_ in OBJECT_ORIENTED_PREPS and head.head.pos_ in ("VERB", "AUX"):
        # "congratulated Okafor on winning", "thanked them for sending", "accused Ruiz of lying": the one
        # acted on did it; with no object ("after meeting Ruiz, Okafor said"), the verb's subject did
        objects = children_with(head.head, DOBJ)
        if objects:  # "thanked the government for hosting": the government, whoever that is
            return tuple(k for c in objects for k in sentence.group(c))
        return subject_keys(head.head, sentence, depth + 1)
    if verb.dep_ == XCOMP and children_with(head, NSUBJPASS):
        # "Ruiz is expected to meet Lee", "Ruiz was asked to call Lee": the passive subject does it
        return passive_subject_keys(head, sentence)
    if verb.dep_ in (XCOMP, ADVCL) and head.lemma_ in sentence.lexicon.object_control_verbs:
        objects = [k for c in children_with(head, DOBJ) for k in sentence.group(c)]
        if objects:
            return tuple(objects)
    if verb.dep_ in (ACL, RELCL) and head.dep_ == ATTR and head.head.lemma_ in ("be", "become"):
        # "Okafor was one of the first leaders to call Ruiz", "came to be the first to make a call": the
        # copula's subject does it
        return subject_keys(head.head, sentence, depth + 1)
    if verb.dep_ == ACL and head.pos_ == "NOUN" and sentence.lexicon.controls_object(head.lemma_.lower()):
        return invitee_keys(head, sentence)  # "Ruiz's invitation to visit Porto": the invitee visits
    if verb.dep_ in (ACL, RELCL) and head.pos_ in ("NOUN", "PROPN"):
        return sentence.group(head) or possessor_keys(head, sentence)
    if head.pos_ in ("NOUN", "PROPN") and verb.dep_ in (ACL,):
        return possessor_keys(head, sentence)
    return subject_keys(head, sentence, depth + 1)


def acted_on_gerund(verb) -> bool:
    """'thanked the government for hosting': a gerund whose doer is the governing verb's object."""
    head = verb.head
    return verb.dep_ == PCOMP and head.lower_ in OBJECT_ORIENTED_PREPS and bool(children_with(head.head, DOBJ))


def purpose_partners(verb, sentence: TokenEntities) -> tuple[str, ...]:
    """'called to congratulate Okafor', 'made a call to invite her': the one a purpose clause addresses is
    the other party of the verb's event."""
    for clause in children_with(verb, ADVCL):
        if any(c.lower_ == "to" for c in children_with(clause, AUX)):
            keys = tuple(k for k in object_keys(clause, sentence) if sentence.kind(k) in (PERSON, ORGANIZATION))
            if keys:
                return keys
    return ()


def invitee_keys(noun, sentence: TokenEntities) -> tuple[str, ...]:
    """Whom an invitation goes to: 'an invitation to Okafor', or the one who accepts or declines it."""
    people = [k for _, pobj in prep_objects(noun, {"to", "for"}) for k in sentence.group(pobj)
              if sentence.kind(k) == PERSON]
    if people:
        return tuple(people)
    if noun.dep_ == DOBJ and noun.head.lemma_ in sentence.lexicon.receiving_verbs:
        return subject_keys(noun.head, sentence)
    return ()


def possessor_keys(noun, sentence: TokenEntities) -> tuple[str, ...]:
    for child in children_with(noun, POSS):
        return sentence.group(child)
    return ()


def object_keys(verb, sentence: TokenEntities) -> tuple[str, ...]:
    # the small parser sometimes labels a named object an object predicate ("called Starmer/oprd")
    for child in children_with(verb, DOBJ, DATIVE, OPRD):
        keys = sentence.group(child)
        if keys:
            return keys
    return ()


def passive_subject_keys(verb, sentence: TokenEntities) -> tuple[str, ...]:
    for child in children_with(verb, NSUBJPASS):
        return sentence.group(child)
    return ()


def _first_entity(sentence: TokenEntities, tokens, kinds) -> str | None:
    for token in tokens:
        for key in sentence.keys(token):
            if sentence.kind(key) in kinds:
                return key
    return None


def location_key(token, sentence: TokenEntities, kinds=frozenset({PLACE, ORGANIZATION})) -> str | None:
    pobjs = [pobj for _, pobj in prep_objects(token, LOCATION_PREPS)]
    return _first_entity(sentence, pobjs, kinds)


def party_location_key(head, sentence: TokenEntities) -> str | None:
    """'met Olivera in Montevideo', 'talks with Abiy Ahmed in Nairobi', 'meet King Abdullah II in Tel Aviv': the
    parser hangs the event's place on the person met; a person named in the clause is not otherwise 'in' a place."""
    parties = [*children_with(head, DOBJ), *(pobj for _, pobj in prep_objects(head, {"with"}))]
    for party in parties:
        key = location_key(party, sentence, {PLACE}) \
            if any(sentence.kind(k) == PERSON for k in sentence.keys(party)) else None
        if key:
            return key
    return None


def topic_text(trigger) -> str | None:
    """What the event is about: 'on his re-election' (a date after 'on' is no topic)."""
    doc = trigger.doc
    for _, pobj in prep_objects(trigger, TOPIC_PREPS):
        if pobj.ent_type_ in DATE_LABELS:
            continue
        start, end = min(t.i for t in pobj.subtree), max(t.i for t in pobj.subtree) + 1
        while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha or \
                end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 1  # keep hyphenated words whole ("re-election")
        return doc[start:end].text
    return None


def place_roles(event_class: EventClass, agents, others) -> dict:
    """Place agents and their counterparts by the class's role pattern (ng:rolePattern).

    A symmetric event keeps all its participants; when one side acted on the other ("Ruiz called
    Okafor") it also records who initiated it and towards whom. A unary event keeps its agent only.
    """
    if event_class.symmetric:
        roles = {"participants": tuple(dict.fromkeys((*agents, *others)))}
        if len(agents) == 1 and len(others) == 1 and agents[0] != others[0]:
            roles |= {"agent": agents[0], "recipient": others[0]}
        return roles
    if event_class.unary:
        return {"agent": agents[0] if agents else None}
    return {"agent": agents[0] if agents else None, "recipient": others[0] if others else None}


def role_sets(event_class: EventClass, agents, others, *, distributive: bool = False) -> list[dict]:
    """The roles of each event a clause tells of: coordinated agents and recipients act one by one.

    "Lee and Berg congratulated Ruiz" is two congratulations, "Ruiz congratulated Lee and Berg" two as
    well, "Lee and Berg said" two statements. A symmetric event with one party on one side and several
    on the other is one event with each ("Ruiz called Lee and Berg", or with `distributive` for a plural
    noun, "calls from Lee and Berg"), otherwise one event of them all ("Ruiz and Lee met")."""
    agents, others = tuple(dict.fromkeys(agents)), tuple(dict.fromkeys(others))
    if event_class.symmetric:
        if len(agents) == 1 and len(others) >= 2 or distributive and len(others) == 1 and len(agents) >= 2:
            pairs = [(a, o) for a in agents for o in others if a != o]
            return [place_roles(event_class, (a,), (o,)) for a, o in pairs]
        return [place_roles(event_class, agents, others)]
    if event_class.unary:
        return [{"agent": a} for a in agents] or [{"agent": None}]
    pairs = [{"agent": a, "recipient": r} for a in agents or (None,) for r in others or (None,) if a is None or a != r]
    return pairs or [place_roles(event_class, agents, others)]


def represented_speaker(verb, sentence: TokenEntities) -> tuple[str, ...]:
    """'a spokesman for Ruiz said', 'Ruiz's spokeswoman said', 'a Harbour Trust spokesman said': an
    unnamed spokesperson speaks for the one named with them."""
    for subject in children_with(verb, NSUBJ):
        if subject.lemma_.lower() not in sentence.lexicon.speaks_for or sentence.keys(subject):
            continue
        for child in subject.children:
            if child.dep_ in (POSS, COMPOUND) and sentence.keys(child):
                return sentence.keys(child)
        for _, pobj in prep_objects(subject, {"for", "of"}):
            if sentence.group(pobj):
                return sentence.group(pobj)
    return ()


def quoted_speaker(verb, sentence: TokenEntities) -> tuple[str, ...]:
    """'Interfax quoted Peskov as saying …', 'King Hassan was quoted as saying …' (`ng:quotingVerb`): the one
    quoted said it, not the one quoting."""
    prep = verb.head
    quoting = prep.head
    if verb.dep_ != PCOMP or prep.lower_ != "as" or quoting.lemma_.lower() not in sentence.lexicon.quoting_verbs:
        return ()
    for child in children_with(quoting, NSUBJPASS, DOBJ):
        if sentence.group(child):
            return sentence.group(child)
    return ()


def inverted_speaker(verb, sentence: TokenEntities) -> tuple[str, ...]:
    """'"…," said the Foreign Ministry after …': the speaker right after the verb, however it was parsed.

    Only a verb with no subject of its own, right after the quotation it closes ('…," said X')."""
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and doc[before].is_punct and not doc[before].is_quote:
        before -= 1
    if children_with(verb, NSUBJ) or before < 0 or not doc[before].is_quote:
        return ()
    i = verb.i + 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    return sentence.analysis.keys_at(sentence.paragraph, i) if i < len(doc) else ()


def with_invited_destinations(mentions: list, doc, sentence: TokenEntities, lexicon: Lexicon) -> list:
    """'invite him to visit Washington', 'an invitation to Patil for a visit to Beijing', 'invites Wang Yi to
    visit Ukraine': an invitation (an act addressed to a person, of an object-control verb) is to where the visit
    it asks for goes, when the sentence names no other place. The visit hangs below the invitation (or its
    light verb) with no other event between them, and is made by the invitee or by no one named."""
    triggers = {m.token for m in mentions}
    visits = [m for m in mentions if lexicon.by_name(m.kind).arrival_preps and m.recipient
              and sentence.kind(m.recipient) == PLACE]
    placed = []
    for mention in mentions:
        event_class = lexicon.by_name(mention.kind)
        asks = event_class.addresses_person and event_class.verbs & lexicon.object_control_verbs  # not "told X to"
        if asks and mention.location is None:
            visit = next((v for v in visits if v.agent in (mention.recipient, None)
                          and _below(doc[v.token], {mention.token, mention.clause_token}, triggers)), None)
            if visit is not None:
                mention = replaced(mention, location=visit.recipient)
        placed.append(mention)
    return placed


def _below(token, heads: set, triggers: set[int]) -> bool:
    """Whether one of `heads` governs the token through words that trigger no event."""
    while token.head.i != token.i:
        token = token.head
        if token.i in heads:
            return True
        if token.i in triggers:
            return False
    return False
