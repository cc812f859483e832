"""Event stage: find event triggers in parsed sentences and fill their roles from the dependency parse.

Triggers come from the ontology's lexicon: verbs ("called"), inverse verbs ("hosted"), nouns ("the
call", "his victory", under a light verb: "made a call"), communication verbs with a channel
("spoke over the phone") and attribution phrases ("according to"). Roles come from subjects,
objects, possessors and prepositions (roles.py), modality from auxiliaries and governing verbs
(modality.py), a statement's words from its quotation (quotes.py). Each trigger yields a frozen
`EventMention`; the document stage dates them and merges repeated mentions into one event.
"""
from __future__ import annotations

from ...lexicon import EventClass, Lexicon
from ...records import PERSON, PLACE
from ..deps import ADVCL, AGENT, AMOD, COMPOUND, DATIVE, DOBJ, NSUBJPASS, POBJ, POSS, PREP, XCOMP
from ..entities import EntityAnalysis
from ..nlp import ParsedDocument
from .mention import (
    CHANNEL_PREPS,
    HELD_BY_VERB_PREPS,
    PARTNER_PREPS,
    REFERENCE_PREPS,
    EventMention,
    TokenEntities,
    children_with,
    prep_objects,
    replaced,
)
from .modality import modality
from .patterns import (
    ADJECTIVE,
    ATTRIBUTION,
    CHANNEL_VERB,
    FORM_ORDER,
    INVERSE_VERB,
    NAMING_VERB,
    NOUN_FORMS,
    VERB,
    TriggerMatch,
    trigger_patterns,
)
from .quotes import attach_quote, attribution, quoted_complement
from .roles import (
    OBJECT_ORIENTED_PREPS,
    inverted_speaker,
    location_key,
    object_keys,
    party_location_key,
    passive_subject_keys,
    possessor_keys,
    purpose_partners,
    quoted_speaker,
    represented_speaker,
    role_sets,
    subject_keys,
    topic_text,
    with_invited_destinations,
)


def _verbal(trigger, event_class: EventClass, inverse: bool, sentence: TokenEntities,
            lexicon: Lexicon) -> list[EventMention]:
    mention, agents, others = _verbal_parts(trigger, event_class, inverse, sentence, lexicon)
    return [replaced(mention, **roles) for roles in role_sets(event_class, agents, others)]


def _verbal_parts(trigger, event_class: EventClass, inverse: bool, sentence: TokenEntities,
                  lexicon: Lexicon) -> tuple[EventMention, tuple[str, ...], tuple[str, ...]]:
    """A verb trigger's mention without its roles, and the keys of its two sides."""
    passive = bool(children_with(trigger, NSUBJPASS))
    agents = subject_keys(trigger, sentence)
    others = passive_subject_keys(trigger, sentence) if passive else object_keys(trigger, sentence)
    if passive and not children_with(trigger, AGENT):
        agents = ()
    location = location_key(trigger, sentence) or party_location_key(trigger, sentence)
    objects = children_with(trigger, DOBJ)
    own_phrases = list(prep_objects(trigger, PARTNER_PREPS))
    partner_phrases = [*own_phrases, *(pair for o in objects for pair in prep_objects(o, {"to"}))]
    destination: tuple[str, ...] = ()
    for prep, pobj in partner_phrases:
        keys = sentence.group(pobj)
        if not keys:
            continue
        places = all(sentence.kind(k) != PERSON for k in keys)
        if prep == "to" and places and event_class.addresses_person:
            location = location or keys[0]  # "invited Ruiz to Lisbon"
        elif prep == "to" and places and event_class.directed and (prep, pobj) in own_phrases:
            destination = destination or keys  # "travelled to Porto", "welcomed Ruiz to Porto"
        elif not others:
            others = keys
    if not others and event_class.judges_acts and not passive:
        # "praised Haiti's efforts", "denounced Serbia's crackdown": whose act it was
        others = tuple(k for o in objects for p in children_with(o, POSS) for k in sentence.group(p))
    if not (others or destination or objects or passive) and event_class.arrival_preps:
        # "arrived in Amman", "arrives at Camp David": where the visit goes
        arrivals = [k for _, pobj in prep_objects(trigger, event_class.arrival_preps) for k in sentence.group(pobj)]
        destination = tuple(k for k in arrivals if sentence.kind(k) == PLACE)[:1]
        location = None if destination and location == destination[0] else location
    if inverse:
        # "welcomed Ruiz to Porto": Ruiz visits Porto, rather than the one who welcomed him
        agents, others = others, destination or agents
    others = others or destination or (purpose_partners(trigger, sentence) if event_class.symmetric else ())
    opponent = None
    if event_class.opponent_verbs:
        # "defeated Massa": the object is the loser; "won the race": the object is the prize, no one;
        # "won against/over X": X lost
        loser = others[0] if others and trigger.lemma_ in event_class.opponent_verbs else None
        against = [k for _, pobj in prep_objects(trigger, {"against", "over"}) for k in sentence.group(pobj)]
        opponent, others = loser or (against[0] if against else None), ()
    if event_class.name == "Statement" and not agents:
        agents = inverted_speaker(trigger, sentence) or represented_speaker(trigger, sentence) \
            or quoted_speaker(trigger, sentence)
    planned, negated = modality(trigger, lexicon)
    mention = EventMention(kind=event_class.name, trigger=trigger.lemma_, paragraph=sentence.paragraph,
                           token=trigger.i, location=location, opponent=opponent, topic=topic_text(trigger),
                           planned=planned, negated=negated, clause_token=trigger.i)
    return mention, tuple(agents), tuple(others)


def _nominal(trigger, event_class: EventClass, sentence: TokenEntities, lexicon: Lexicon) -> list[EventMention]:
    # "his concession speech", "a congratulatory message": a word modifying a noun shares its possessor and phrases
    noun = trigger.head if trigger.dep_ in (COMPOUND, AMOD) and trigger.head.pos_ == "NOUN" else trigger
    carrier = noun.head.head if noun.dep_ == POBJ and noun.head.lower_ == "of" else None
    phrases = []
    if carrier is not None and carrier.pos_ == "NOUN" and carrier.lemma_.lower() in lexicon.carrier_nouns:
        phrases = list(prep_objects(noun, PARTNER_PREPS | {"by", "from"}))
        noun = carrier  # "sent a message of congratulations to Okafor": the message's roles
    agents = list(possessor_keys(noun, sentence))
    others: list[str] = []
    location = location_key(noun, sentence) or party_location_key(noun, sentence)
    clause_token = None
    destination = event_class.directed and not event_class.addresses_person  # "her visit to Lisbon"
    for prep, pobj in [*prep_objects(noun, PARTNER_PREPS | {"by", "of", "from"}), *phrases]:
        keys = sentence.group(pobj)
        places = bool(keys) and all(sentence.kind(k) != PERSON for k in keys)
        if prep in ("by", "from") or prep == "of" and (event_class.unary or destination and not places):
            agents.extend(keys)  # "the victory of Ruiz", "the visit of Ruiz"
        elif prep in ("to", "of") and places and destination:
            others.extend(keys)  # "her visit to Lisbon", "his tour of Faro"
        elif prep == "to" and places:
            location = location or keys[0]
        elif prep != "of":
            others.extend(keys)
    head = noun.head
    if noun.dep_ == DOBJ and head.lemma_ in lexicon.light_verbs:
        agents = agents or list(subject_keys(head, sentence))
        for _, pobj in prep_objects(head, PARTNER_PREPS):
            others.extend(sentence.group(pobj))
        for dative in children_with(head, DATIVE):  # "sent Erdoğan a message of congratulations"
            others.extend(sentence.group(dative))
        if event_class.symmetric and not others:
            others.extend(purpose_partners(head, sentence))  # "made a call to congratulate Okafor"
        location = location or location_key(head, sentence) or party_location_key(head, sentence)
        clause_token = head.i
    elif noun.dep_ == DOBJ and head.lemma_ in lexicon.cancelling_verbs | lexicon.deferring_verbs:
        agents = agents or list(subject_keys(head, sentence))  # "Ruiz postponed a visit to Porto": Ruiz's
        clause_token = head.i
    elif noun.dep_ == DOBJ and head.lemma_ in lexicon.receiving_verbs and not others:
        others.extend(subject_keys(head, sentence))  # "Vargas accepted an invitation from Ortiz"
    elif noun.dep_ == POBJ and head.lower_ in OBJECT_ORIENTED_PREPS and head.head.pos_ == "VERB" and agents \
            and set(agents) <= set(object_keys(head.head, sentence)) and not others:
        others.extend(subject_keys(head.head, sentence))  # "thanked them for their congratulations": to the thanker
    reference = head.lower_ if noun.dep_ == POBJ and head.lower_ in REFERENCE_PREPS else None
    planned, negated = modality(noun, lexicon)
    fallback: tuple[str, ...] = ()
    verb = head.head if noun.dep_ == POBJ and head.dep_ == PREP and head.lower_ in HELD_BY_VERB_PREPS else None
    if verb is not None and verb.pos_ == "NOUN" and verb.dep_ == DOBJ:
        verb = verb.head  # "pay a visit to Washington for a summit": the summit of the verb's parties
    if event_class.symmetric and verb is not None and verb.pos_ in ("VERB", "AUX"):
        # "hosted Mukamana for talks", "told Al-Harbi during talks": the verb's parties hold the talks, and
        # those of the verb it completes ("invited Okafor to visit Porto during a call")
        verbs = [verb, verb.head] if verb.dep_ in (XCOMP, ADVCL) and verb.head.pos_ in ("VERB", "AUX") else [verb]
        # "extended an invitation to Okafor during a call": the object's "to" names a party too
        phrases = [pair for v in verbs for pair in prep_objects(v, {"to", "with"})]
        phrases += [pair for v in verbs for o in children_with(v, DOBJ) for pair in prep_objects(o, {"to"})]
        partners = [k for _, pobj in phrases for k in sentence.group(pobj)]
        if head.lower_ == "for":
            # and where: "travel to Guatemala City for talks", "host Mukamana in Mombasa for talks", "pay a visit
            # to Washington for a summit": talks a trip is for are where it goes ("invited Trump to Australia
            # during a call" is no call in Australia)
            location = location or next((k for k in partners if sentence.kind(k) == PLACE), None) \
                or location_key(verbs[0], sentence) or party_location_key(verbs[0], sentence)
        parties = (*(k for v in verbs for k in (*subject_keys(v, sentence), *object_keys(v, sentence))),
                   *partners, *others)
        fallback = tuple(dict.fromkeys(k for k in parties if sentence.kind(k) != PLACE))  # not "to Guatemala City"
        # the call of "invited … to visit during a call" happened; talks a visit is "for" are as planned as it
        planned = planned or modality(verbs[0] if head.lower_ == "for" else verbs[-1], lexicon)[0]
        clause_token = verbs[-1].i
    mention = EventMention(kind=event_class.name, trigger=trigger.lemma_, paragraph=sentence.paragraph,
                           token=trigger.i, location=location, topic=topic_text(noun), planned=planned,
                           negated=negated, nominal=True, reference_prep=reference, clause_token=clause_token,
                           fallback_participants=fallback)
    plural = trigger.tag_ in ("NNS", "NNPS")  # "calls from Lee and Berg": one call each
    return [replaced(mention, **roles) for roles in role_sets(event_class, agents, others, distributive=plural)]


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
            for pobj in children_with(prep, POBJ):
                found = lexicon.channel_class(verb.lemma_, pobj.lemma_.lower())
                if found:
                    return found
    return None


def _channel_event(verb, event_class: EventClass, sentence: TokenEntities, lexicon: Lexicon) -> list[EventMention]:
    mention, agents, others = _verbal_parts(verb, event_class, False, sentence, lexicon)
    others = list(others)
    for prep in children_with(verb, PREP):  # "over the phone with Okafor": the partner hangs off the channel
        for pobj in children_with(prep, POBJ):
            for _, partner in prep_objects(pobj, {"with", "to"}):
                others.extend(sentence.group(partner))
    # "spoke by phone with Okafor" is mutual: no caller is named
    return [replaced(mention, **{**roles, "agent": None, "recipient": None})
            for roles in role_sets(event_class, agents, tuple(others))]


def _conversation(verb, sentence: TokenEntities, lexicon: Lexicon) -> list[EventMention]:
    """'spoke with Okafor' with no channel: tentatively a call, for the classes whose communication
    verb it is; the document stage keeps it only where the text calls it a call."""
    classes = [c for c in lexicon.classes if verb.lemma_ in c.communication_verbs]
    if not classes or lexicon.verb_classes(verb.lemma_.lower()):
        return []  # "confer" is a meeting of its own
    if not any(prep.lower_ in ("with", "to") for prep in children_with(verb, PREP)):
        return []  # "spoke at the rally" is no conversation
    return [replaced(m, tentative=True) for c in classes for m in _channel_event(verb, c, sentence, lexicon)]


def _mentions_at(token, forms: list[TriggerMatch], sentence: TokenEntities, lexicon: Lexicon) -> list[EventMention]:
    """The mentions the forms matched at one token make (patterns.py), the first form that makes any
    winning where forms exclude each other."""
    classes = {form: [lexicon.by_name(m.class_name) for m in forms if m.form == form and m.class_name]
               for form in FORM_ORDER}
    if any(m.form == ATTRIBUTION for m in forms):
        attributed = attribution(token, sentence)  # "according" is tagged as a verb or an adposition
        if attributed:
            return [attributed]
    if token.pos_ in ("VERB", "AUX"):
        named = [c for c in classes[NAMING_VERB] if quoted_complement(token)]
        if named:  # 'called the deal "a turning point"': a statement, no phone call
            return [m for c in named for m in _verbal(token, c, False, sentence, lexicon)]
        found: list[EventMention] = []
        if any(m.form == CHANNEL_VERB for m in forms):
            channel = _channel_class(token, lexicon)
            if channel:
                return _channel_event(token, channel, sentence, lexicon)
            found.extend(_conversation(token, sentence, lexicon))
        for event_class in classes[VERB]:
            found.extend(_verbal(token, event_class, False, sentence, lexicon))
        for event_class in classes[INVERSE_VERB]:
            found.extend(_verbal(token, event_class, True, sentence, lexicon))
        return found
    if token.pos_ == "ADJ" and token.dep_ == AMOD and token.head.pos_ == "NOUN":
        return [m for c in classes[ADJECTIVE] for m in _nominal(token, c, sentence, lexicon)]  # "congratulatory"
    if token.pos_ in ("NOUN", "PROPN") and not sentence.analysis.keys_at(sentence.paragraph, token.i):
        # "phone call" before "call"; "telephone talks" before "talks"
        for form in NOUN_FORMS:
            if classes[form]:
                return [m for c in classes[form] for m in _nominal(token, c, sentence, lexicon)]
    return []


def find_event_mentions(parsed: ParsedDocument, analysis: EntityAnalysis, lexicon: Lexicon) -> list[EventMention]:
    """Every event trigger of the document with its roles, in reading order."""
    found: list[EventMention] = []
    attribution_phrases = lexicon.attribution_phrases
    for p_index, unit in enumerate(parsed.paragraphs):
        doc = unit.doc
        spans = unit.quotes
        sentence = TokenEntities(p_index, analysis, lexicon)
        matches = trigger_patterns(lexicon)(doc)
        here = [m for index in sorted(matches) for m in _mentions_at(doc[index], matches[index], sentence, lexicon)]
        here = with_invited_destinations(here, doc, sentence, lexicon)
        found += [attach_quote(m, doc[m.token], spans) if m.kind == "Statement" and m.trigger not in attribution_phrases
                  else m for m in here]
    return found
