"""Trigger forms are patterns built from the ontology's cue words, found by lemma lookup as spaCy's Matcher
would find them (graph/extraction/events/patterns.py)."""
from __future__ import annotations

from conftest import make_doc, ontology_copy, parsed
from rdflib import Literal

from graph.extraction import extract_document
from graph.extraction.events.patterns import (
    ADJECTIVE,
    ATTRIBUTION,
    CHANNEL_NOUN,
    COMPOUND_NOUN,
    FORM_ORDER,
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
            for i, matches in trigger_patterns(lexicon)(doc).items()}


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


def matcher_forms(doc, lexicon):
    """The forms as spaCy's Matcher finds them from the same patterns: the lookup's reference."""
    from spacy.matcher import Matcher

    from graph.extraction.events.patterns import CHANNEL_VERB, NOMINAL, VERBAL, cue_forms
    compiled = trigger_patterns(lexicon)
    cue = lambda words: {"LEMMA": {"IN": sorted(cue_forms(words))}}  # noqa: E731
    classes = compiled.classes
    matcher = Matcher(doc.vocab)
    matcher.add(ATTRIBUTION, [[{"LOWER": w} for w in p.split()] for p in sorted(lexicon.attribution_phrases)])
    communication = frozenset().union(*(c.communication_verbs for c in lexicon.classes))
    matcher.add(CHANNEL_VERB, [[{"POS": {"IN": VERBAL}, **cue(communication)}]])
    for form in (NAMING_VERB, VERB):
        matcher.add(form, [[{"POS": {"IN": VERBAL}, **cue(classes[form])}]])
    matcher.add(ADJECTIVE, [[{"POS": "ADJ", "DEP": "amod", **cue(classes[ADJECTIVE])}]])
    pairs = [c.split(" ", 1) for c in classes[COMPOUND_NOUN]]
    matcher.add(COMPOUND_NOUN, [[{"DEP": "compound", **cue({a for a, _ in pairs})},
                                 {"POS": {"IN": NOMINAL}, **cue({b for _, b in pairs})}]])
    pairs = [c.split(" ", 1) for c in classes[CHANNEL_NOUN]]
    matcher.add(CHANNEL_NOUN, [[{"DEP": "compound", **cue({ch for _, ch in pairs})}, {"OP": "*", "IS_PUNCT": False},
                                {"POS": {"IN": NOMINAL}, **cue({n for n, _ in pairs})}]])
    matcher.add(NOUN, [[{"POS": {"IN": NOMINAL}, **cue(classes[NOUN])}]])
    found = {}
    for label, start, end in matcher(doc):
        form = doc.vocab.strings[label]
        if form in (COMPOUND_NOUN, CHANNEL_NOUN) and doc[start].head.i != end - 1:
            continue
        words = [doc[start].lemma_.lower(), doc[end - 1].lemma_.lower()]
        key = {ATTRIBUTION: None, CHANNEL_VERB: None, COMPOUND_NOUN: " ".join(words),
               CHANNEL_NOUN: " ".join(words[::-1])}.get(form, words[0])
        token = end - 1 if form in (COMPOUND_NOUN, CHANNEL_NOUN) else start
        for name in [None] if key is None else classes[form].get(key, ()):
            found.setdefault(doc[token].text, []).append((form, name))
    order = {form: i for i, form in enumerate(FORM_ORDER)}
    return {word: sorted(dict.fromkeys(forms), key=lambda f: order[f[0]]) for word, forms in found.items()}


def test_the_lemma_lookup_finds_what_spacys_matcher_finds():
    lexicon = default_lexicon()
    docs = [
        make_doc(SENTENCE, ents=[(0, 1, "PERSON"), (7, 8, "PERSON")]),
        # two channels before one noun ("video phone talks"), and a channel cut off by a comma
        make_doc("Ruiz/PROPN/nsubj/1 held/VERB/ROOT/1/hold video/NOUN/compound/4 phone/NOUN/compound/4 "
                 "talks/NOUN/dobj/1/talk/NNS and/CCONJ/cc/4 phone/NOUN/compound/8 ,/PUNCT/punct/8 "
                 "Talks/NOUN/conj/4/talk/NNS ./PUNCT/punct/1"),
        # capitalised cues; "according to" twice; a compound that is not the noun's
        make_doc("According/VERB/prep/5/accord/VBG to/ADP/prep/0 Lee/PROPN/pobj/1 ,/PUNCT/punct/5 "
                 "Ruiz/PROPN/nsubj/5 Called/VERB/ROOT/5/Call phone/NOUN/compound/9 maker/NOUN/dobj/5 "
                 "early/ADV/advmod/5 call/NOUN/npadvmod/5 according/VERB/prep/5/accord/VBG to/ADP/prep/10 "
                 "reports/NOUN/pobj/11/report ./PUNCT/punct/5"),
    ]
    for doc in docs:
        assert forms_at(doc, lexicon) == matcher_forms(doc, lexicon)
    two_channels = forms_at(docs[1], lexicon)
    assert two_channels["talks"][0] == (CHANNEL_NOUN, "PhoneCall")
    assert two_channels["Talks"] == [(NOUN, "Meeting")]  # the comma cuts "phone" off
    assert forms_at(docs[2], lexicon)["According"] == [(ATTRIBUTION, None)]
