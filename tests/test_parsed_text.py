"""What several stages read of a paragraph's parse, worked out once per paragraph or document."""
from __future__ import annotations

import spacy
from conftest import make_doc, parsed

from graph.extraction.entities.mentions import person_words, written_forms
from graph.extraction.nlp import children_with, column, ids, lemma_positions, parse_documents, span, span_root
from graph.ingest import document_from_text


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
    lower_ids, capitalised_ids = written_forms(parsed(two_sentences(), lower_case))
    lower, capitalised = ({lower_case.vocab.strings[i] for i in ids} for ids in (lower_ids, capitalised_ids))
    assert {"ended", "said", "the", "talks", "resumed"} <= lower and "Talks" not in lower
    # a sentence's first word is capitalised by rule, also behind the quotation mark that opens it
    assert capitalised == {"Ana", "Lee", "Left", "Summit"}
    assert "Then" not in capitalised and "Talks" not in capitalised


def test_a_mention_s_sentence_is_the_one_spacy_finds_for_its_first_token():
    unit = parsed(two_sentences()).paragraphs[0]
    doc = unit.doc
    for first in range(len(doc)):
        for last in range(first, min(first + 3, len(doc))):  # across the sentence end too ("Lee ." + "Then")
            sentence = doc[first:last + 1].sent
            assert unit.sentence_chars(first) == (sentence.start_char, sentence.end_char)
    begin, end = unit.sentence_chars(7)  # "Lee"
    assert unit.text[begin:end] == '" Talks ended, " said Ana Lee.'
    begin, end = unit.sentence_chars(9)  # "Then"
    assert unit.text[begin:end] == "Then Lee Left the Summit."



def test_the_words_of_people_s_names_are_read_from_every_paragraph():
    first = make_doc("Ana/PROPN/compound/1 Lee/PROPN/nsubj/2 spoke/VERB/ROOT/2/speak ./PUNCT/punct/2",
                     ents=[(0, 2, "PERSON")])
    second = make_doc("Lee/PROPN/nsubj/1 called/VERB/ROOT/1/call Lisbon/PROPN/dobj/1 and/CCONJ/cc/2 "
                      "Tom/PROPN/conj/2 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "PERSON")])
    assert person_words(parsed(first, second)) == {"Ana", "Lee", "Tom"}
    assert person_words(parsed(make_doc("It/PRON/nsubj/1 rained/VERB/ROOT/1/rain"))) == frozenset()


def test_the_tokens_of_a_lemma_are_found_whatever_else_the_paragraph_says():
    doc = two_sentences()
    assert lemma_positions(doc, frozenset({"say", "leave"})) == [5, 11]
    assert lemma_positions(doc, frozenset({"Said", "speak"})) == []
    assert lemma_positions(make_doc("Hi/INTJ/ROOT/0")[0:0].as_doc(), frozenset({"hi"})) == []


def test_a_column_holds_each_token_s_attribute_as_the_ids_of_its_strings():
    doc = two_sentences()
    assert [i for i, pos in enumerate(column(doc, "POS")) if pos in ids(["PROPN"])] == [6, 7, 10, 13]
    assert [doc[i].text for i, lower in enumerate(column(doc, "LOWER")) if lower in ids(["lee", "then"])] \
        == ["Lee", "Then", "Lee"]
    assert column(doc[0:0].as_doc(), "POS") == []


def test_a_span_s_root_is_the_one_spacy_finds():
    doc = two_sentences()
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert span_root(doc, start, end) == doc[start:end].root
    assert span_root(doc, 6, 7).text == "Ana"  # a one-word name is its own root, whatever its head


def test_a_span_is_the_slice_spacy_makes_whatever_its_bounds():
    doc = two_sentences()
    for start in range(-len(doc) - 2, len(doc) + 3):
        for end in range(-len(doc) - 2, len(doc) + 3):
            ours, spacys = span(doc, start, end), doc[start:end]
            assert (ours.start, ours.end, ours.text) == (spacys.start, spacys.end, spacys.text)


def test_a_paragraph_s_text_is_the_text_it_was_parsed_from():
    text = "Ruiz  called Lee , twice.\n\n\"Then\" he left\t(at 5 p.m.)."  # odd spacing kept as written
    document = document_from_text(text, doc_id="t", source=None, default_date=None, where="t")
    units = next(parse_documents([document], spacy.blank("en"))).paragraphs
    assert [u.text for u in units] == [document.text[u.paragraph.begin:u.paragraph.end] for u in units] \
        == [u.doc.text for u in units] == ["Ruiz  called Lee , twice.", '"Then" he left\t(at 5 p.m.).']


def test_an_entity_s_mentions_point_at_its_words_and_sentence_in_the_document():
    from graph.extraction import extract_document
    from graph.rdf.lexicon import default_lexicon

    first = make_doc("Ana/PROPN/compound/1 Lee/PROPN/nsubj/2 spoke/VERB/ROOT/2/speak ./PUNCT/punct/2 "
                     "Lee/PROPN/nsubj/5 left/VERB/ROOT/5/leave ./PUNCT/punct/5", ents=[(0, 2, "PERSON"), (4, 5, "PERSON")])
    second = make_doc("Then/ADV/advmod/3 Ana/PROPN/compound/2 Lee/PROPN/nsubj/3 slept/VERB/ROOT/3/sleep ./PUNCT/punct/3",
                      ents=[(1, 3, "PERSON")])
    document = parsed(first, second)
    lee, = extract_document(document, default_lexicon()).entities
    text = document.document.text
    assert [(text[m.begin:m.end], m.text) for m in lee.mentions] == [("Ana Lee",) * 2, ("Lee",) * 2, ("Ana Lee",) * 2]
    assert [text[m.sentence_begin:m.sentence_end] for m in lee.mentions] == [
        "Ana Lee spoke.", "Lee left.", "Then Ana Lee slept."]


def test_a_doc_retokenized_after_its_columns_were_read_is_read_again():
    doc = two_sentences()
    assert len(column(doc, "ORTH")) == 15
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[6:8])  # "Ana Lee"
    assert len(column(doc, "ORTH")) == 14
    assert column(doc, "ORTH")[6] in ids(["Ana Lee"])


def test_children_are_read_again_after_a_retokenization():
    doc = two_sentences()
    assert [t.text for t in children_with(doc[5], "nsubj")] == ["Lee"]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[6:8])  # "Ana Lee"
    assert [t.text for t in children_with(doc[5], "nsubj")] == ["Ana Lee"]
