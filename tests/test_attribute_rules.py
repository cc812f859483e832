"""The attribute ruler's fast matcher finds exactly the matches spaCy's Matcher finds, and its setter sets
what spaCy's own sets."""
from __future__ import annotations

import pytest
import spacy
from conftest import make_doc

from graph.extraction.attribute_rules import FastMatcher, speed_up_attribute_ruler, token_setter

# the forms the English pipelines' rulers take: a tag, a form with a tag, sets, exclusions, a regex,
# a dependency label, two tokens with the attributes set on the second, whitespace
PATTERNS = [
    ([[{"TAG": "VBD"}]], {"POS": "VERB"}, 0),
    ([[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]], {"POS": "PART", "LEMMA": "not"}, 0),
    ([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], {"POS": "AUX"}, 0),
    ([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, 1),
    ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], {"POS": "VERB"}, 1),
    ([[{"IS_SPACE": True}]], {"POS": "SPACE"}, 0),
    ([[{"TAG": "VBD", "LOWER": "did"}]], {"LEMMA": "do"}, 0),  # later than the tag's rule: it wins
]


def ruler_of(patterns, vocab=True):
    nlp = spacy.blank("en", vocab=vocab)  # the Docs' own vocabulary, as in a pipeline
    ruler = nlp.add_pipe("attribute_ruler")
    for pattern, attrs, index in patterns:
        ruler.add(pattern, attrs, index=index)
    return nlp, ruler


def test_the_fast_matcher_finds_what_the_matcher_finds_in_its_order():
    # "There was nothin' he did not do, gon na say" as a parse would tag it
    doc = make_doc("There/PRON/expl/1//EX was/VERB/ROOT/1/be/VBD nothin'/PRON/attr/1//NN he/PRON/nsubj/5//PRP "
                   "did/AUX/aux/5/do/VBD not/PART/neg/5//RB do/VERB/relcl/2//VB ,/PUNCT/punct/1//, "
                   "gon/VERB/conj/1//VBG na/PART/aux/10//TO say/VERB/xcomp/8//VB")
    _, ruler = ruler_of(PATTERNS, doc.vocab)
    expected = ruler.match(doc)
    assert expected  # the patterns do match this text
    assert FastMatcher.of(ruler)(doc) == expected


def tagged_text():
    # "There was nothin' he did not do, gon na say" as a parse would tag it
    return make_doc("There/PRON/expl/1//EX was/VERB/ROOT/1/be/VBD nothin'/PRON/attr/1//NN he/PRON/nsubj/5//PRP "
                    "did/AUX/aux/5/do/VBD not/PART/neg/5//RB do/VERB/relcl/2//VB ,/PUNCT/punct/1//, "
                    "gon/VERB/conj/1//VBG na/PART/aux/10//TO say/VERB/xcomp/8//VB")


def annotations(doc):
    return [(t.pos_, t.lemma_, str(t.morph), t.norm_) for t in doc]


def test_the_token_setter_sets_what_spacys_own_sets():
    ours, theirs = tagged_text(), tagged_text()
    _, ruler = ruler_of([*PATTERNS, ([[{"TAG": "PRP"}]], {"MORPH": "Case=Nom|Person=3", "NORM": "him"}, 0),
                         ([[{"LOWER": "not"}, {"LOWER": "do"}]], {"NORM": "never"}, -2)], ours.vocab)
    matches = ruler.match(ours)
    before = annotations(ours)
    token_setter(ruler)(ours, matches)
    type(ruler).set_annotations(ruler, theirs, matches)
    assert annotations(ours) == annotations(theirs) != before
    assert annotations(ours)[3][2:] == ("Case=Nom|Person=3", "him")  # "he": the last rule to match it
    assert annotations(ours)[5][3] == "never"  # "not": an index counted from the match's end


def test_a_pattern_that_sets_a_token_outside_its_match_keeps_spacys_setter_and_error():
    nlp, ruler = ruler_of([([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, 2)])
    assert token_setter(ruler) is None
    speed_up_attribute_ruler(nlp)
    with pytest.raises(ValueError, match="E1001"):
        ruler(nlp.make_doc("gon na say"))


def test_a_ruler_with_a_pattern_form_it_does_not_read_keeps_spacys_matcher():
    nlp, ruler = ruler_of([([[{"ORTH": "Ms."}]], {"LEMMA": "Ms."}, 0)])
    assert FastMatcher.of(ruler) is None
    matcher = ruler.match
    speed_up_attribute_ruler(nlp)
    assert ruler.match == matcher


@pytest.mark.model
def test_the_models_ruler_sets_the_same_attributes_with_either_matcher(nlp):
    text = ("Y'all ain't gonna believe it, let's go. There is nothin' here, and I gave it to you. "
            "Officials did not say whether the talks, which were held in Geneva, would resume.")
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, FastMatcher)  # load_model swapped it in
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = nlp(text)
    assert ruler.match(doc) == type(ruler).match(ruler, doc)  # the class's own: spaCy's Matcher
