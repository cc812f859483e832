"""`children_with` reads a token's children from the Doc's head column; it must agree with spaCy's own
`token.children`, in order, whatever the tree (the event and entity rules all ask it)."""
from __future__ import annotations

from conftest import make_doc
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from graph.extraction.nlp import children_with

LABELS = ("nsubj", "dobj", "prep", "pobj", "det", "amod")


def test_a_verbs_subject_and_object_in_order():
    doc = make_doc("The/DET/det/1 president/NOUN/nsubj/2 called/VERB/ROOT/2 the/DET/det/4 mayor/NOUN/dobj/2"
                   " on/ADP/prep/2 Wednesday/PROPN/pobj/5 ./PUNCT/punct/2")
    called = doc[2]
    assert [t.text for t in children_with(called, "nsubj", "dobj")] == ["president", "mayor"]
    assert [t.text for t in children_with(called, "prep")] == ["on"]
    assert children_with(called, "agent") == []
    assert [t.text for t in children_with(doc[5], "pobj")] == ["Wednesday"]


@given(st.data())
def test_agrees_with_spacy_on_any_tree(data):
    size = data.draw(st.integers(1, 12))
    root = data.draw(st.integers(0, size - 1))
    # a tree: each token but the root hangs from one of the tokens placed before it in a random order
    order = [root, *data.draw(st.permutations([i for i in range(size) if i != root]))]
    heads = [0] * size
    heads[root] = root
    for place, token in enumerate(order[1:], start=1):
        heads[token] = order[data.draw(st.integers(0, place - 1))]
    deps = ["ROOT" if i == root else data.draw(st.sampled_from(LABELS)) for i in range(size)]
    doc = Doc(make_doc("x/X/ROOT/0").vocab, words=[f"w{i}" for i in range(size)], heads=heads, deps=deps)
    wanted = data.draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=3, unique=True))
    for token in doc:
        assert children_with(token, *wanted) == [c for c in token.children if c.dep_ in wanted]
