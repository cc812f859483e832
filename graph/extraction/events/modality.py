"""Modality of a trigger: planned (will, plan to, invited … to) or negated (did not, refused to)."""
from __future__ import annotations

from ...lexicon import Lexicon
from ..deps import ACL, ADVCL, AMOD, AUX, CCOMP, DOBJ, NEG, NSUBJPASS, RELCL, XCOMP
from .mention import children_with


def has_word(tokens, words) -> bool:
    return any(t.lower_ in words or t.lemma_ in words for t in tokens)


def modality(trigger, lexicon: Lexicon) -> tuple[bool, bool]:
    """(planned, negated) from auxiliaries, negation, governing verbs and relative clauses."""
    planned = negated = False
    scope = [trigger]
    node = trigger
    # a noun takes the modality of the light verb over it ("will hold talks", "did not make a call")
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == DOBJ:
        scope.append(trigger.head)
        node = trigger.head
    for token in scope:
        auxes = children_with(token, AUX)
        planned |= has_word(auxes, lexicon.planned_cues)
        negated |= bool(children_with(token, NEG)) or has_word(children_with(token, NEG), lexicon.negation_cues)
    # "said Lee would visit", "said Lee would travel to Lisbon to meet Ruiz"
    reported = node.head if node.dep_ in (XCOMP, ADVCL) and node.head.dep_ == CCOMP else node
    if reported.dep_ == CCOMP and reported.head.lemma_.lower() in lexicon.speech_verbs:
        planned |= has_word(children_with(reported, AUX), lexicon.reported_future_cues)
    if trigger.pos_ in ("NOUN", "PROPN"):
        for clause in children_with(trigger, RELCL, ACL):
            planned |= has_word(children_with(clause, AUX), lexicon.planned_cues)
        planned |= has_word(children_with(trigger, AMOD), lexicon.planned_cues)
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in (DOBJ, NSUBJPASS):
        # "cancelled a trip", "the meeting was postponed": put off is still planned, called off never happens
        governor = trigger.head.lemma_.lower()
        negated |= governor in lexicon.cancelling_verbs
        planned |= governor in lexicon.deferring_verbs
    if node.dep_ == ACL and node.head.dep_ == DOBJ and node.head.head.lemma_ in lexicon.negation_cues:
        negated = True  # "declined Ruiz's invitation to visit Porto": no visit
    if node.dep_ in (XCOMP, ADVCL, CCOMP, ACL) and node.head != node:  # ACL: "plans for Modi to visit"
        governor = node.head
        # control reaches an infinitive only ("invited X to", "an invitation to"): "a statement that Ruiz
        # had met Lee" reports a meeting that happened
        infinitive = any(child.lower_ == "to" for child in children_with(node, AUX))
        controlled = infinitive and (governor.lemma_ in lexicon.object_control_verbs and node.dep_ != CCOMP or
                                     node.dep_ == ACL and lexicon.controls_object(governor.lemma_.lower()))
        if governor.lemma_.lower() in lexicon.planned_cues or controlled:
            planned = True
        if governor.lemma_ in lexicon.negation_cues or children_with(governor, NEG):
            negated = negated or governor.lemma_ in lexicon.negation_cues or node.dep_ == XCOMP
        planned |= has_word(children_with(governor, AUX), lexicon.planned_cues) and node.dep_ == XCOMP
    return planned, negated
