"""What several stages read of a paragraph's parse, worked out once per paragraph or document."""
from __future__ import annotations

from conftest import make_doc, parsed

from graph.extraction.entities.mentions import written_forms


def two_sentences():
    # '"Talks ended," said Ana Lee. Then Lee Left the Summit.' as a parse would give it
    return make_doc('"/PUNCT/punct/4 Talks/NOUN/nsubj/2/talk ended/VERB/ccomp/4/end ,/PUNCT/punct/4 '
                    '"/PUNCT/punct/4 said/VERB/ROOT/4/say Ana/PROPN/compound/7 Lee/PROPN/nsubj/5 ./PUNCT/punct/5 '
                    'Then/ADV/advmod/11 Lee/PROPN/nsubj/11 Left/VERB/ROOT/11/leave the/DET/det/13 '
                    'Summit/PROPN/dobj/11 ./PUNCT/punct/11')


def test_each_token_knows_where_its_sentence_starts():
    unit = parsed(two_sentences()).paragraphs[0]
    assert unit.sentence_starts == [0] * 9 + [9] * 6
    assert unit.sentence_starts == [token.sent.start for token in unit.doc]


def test_written_forms_are_the_lower_case_words_and_the_capitals_inside_a_sentence():
    lower_case = make_doc("talks/NOUN/nsubj/1/talk resumed/VERB/ROOT/1/resume ./PUNCT/punct/1")
    lower, capitalised = written_forms(parsed(two_sentences(), lower_case))
    assert {"ended", "said", "the", "talks", "resumed"} <= lower and "Talks" not in lower
    # a sentence's first word is capitalised by rule, also behind the quotation mark that opens it
    assert capitalised == {"Ana", "Lee", "Left", "Summit"}
    assert "Then" not in capitalised and "Talks" not in capitalised
