"""Trigger forms are spaCy Matcher patterns built from the ontology's cue words (graph/extraction/events/patterns.py)."""
from __future__ import annotations

from conftest import make_doc, ontology_copy, parsed
from rdflib import Literal

from graph.extraction import extract_document
from graph.extraction.events.patterns import (
    ADJECTIVE,
    ATTRIBUTION,
    CHANNEL_NOUN,
    COMPOUND_NOUN,
    NAMING_VERB,
    NOUN,
    VERB,
    trigger_patterns,
)
from graph.rdf.lexicon import default_lexicon, lexicon_from_graph
from graph.rdf.vocab import NG

# "Ruiz made a congratulatory phone call to Lee, according to the ministry, and held telephone talks."
SENTENCE = ("Ruiz/PROPN/nsubj/1 made/VERB/ROOT/1/make a/DET/det/5 congratulatory/ADJ/amod/5 phone/NOUN/compound/5 "
            "call/NOUN/dobj/1 to/ADP/prep/5 Lee/PROPN/pobj/6 ,/PUNCT/punct/1 according/VERB/prep/1/accord/VBG "
            "to/ADP/prep/9 the/DET/det/12 ministry/NOUN/pobj/10 ,/PUNCT/punct/1 and/CCONJ/cc/1 held/VERB/conj/1/hold "
            "telephone/NOUN/compound/17 talks/NOUN/dobj/15/talk/NNS ./PUNCT/punct/1")


def forms_at(doc, lexicon):
    return {doc[i].text: [(m.form, m.class_name) for m in matches]
            for i, matches in trigger_patterns(doc.vocab, lexicon)(doc).items()}


def test_each_trigger_form_is_matched_at_its_token_in_order():
    doc = make_doc(SENTENCE, ents=[(0, 1, "PERSON"), (7, 8, "PERSON")])
    assert forms_at(doc, default_lexicon()) == {
        "congratulatory": [(ADJECTIVE, "Congratulation")],
        "call": [(COMPOUND_NOUN, "PhoneCall"), (NOUN, "PhoneCall")],
        "according": [(ATTRIBUTION, None)],
        "talks": [(CHANNEL_NOUN, "PhoneCall"), (NOUN, "Meeting")],
    }


def test_the_first_noun_form_that_names_a_class_wins():
    # "telephone talks" are a call, not a meeting
    doc = make_doc(SENTENCE, ents=[(0, 1, "PERSON"), (7, 8, "PERSON")])
    kinds = sorted(e.kind for e in extract_document(parsed(doc), default_lexicon()).events)
    assert kinds == ["Congratulation", "PhoneCall"]


def test_a_cue_added_to_the_ontology_is_a_new_pattern():
    # "Ruiz had a video link with Lee." is no event until "video link" is a PhoneCall noun cue
    doc = make_doc("Ruiz/PROPN/nsubj/1 had/VERB/ROOT/1/have a/DET/det/4 video/NOUN/compound/4 link/NOUN/dobj/1 "
                   "with/ADP/prep/4 Lee/PROPN/pobj/5 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (6, 7, "PERSON")])
    assert extract_document(parsed(doc), default_lexicon()).events == ()
    edited = ontology_copy()
    edited.add((NG.PhoneCall, NG.nounCue, Literal("video link")))
    lexicon = lexicon_from_graph(edited)
    assert forms_at(doc, lexicon)["link"] == [(COMPOUND_NOUN, "PhoneCall")]
    events = extract_document(parsed(doc), lexicon).events
    assert [(e.kind, e.participants) for e in events] == [("PhoneCall", ("person/lee", "person/ruiz"))]


def test_a_verb_form_matches_whatever_the_case_of_its_lemma():
    doc = make_doc("Ruiz/PROPN/nsubj/1 Called/VERB/ROOT/1/Call Lee/PROPN/dobj/1 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert forms_at(doc, default_lexicon())["Called"] == [(NAMING_VERB, "Statement"), (VERB, "PhoneCall")]
