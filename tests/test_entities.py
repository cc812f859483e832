"""Entity stage: titles become roles, names cluster into one node, pronouns resolve conservatively."""
from __future__ import annotations

from conftest import make_doc, parsed

from graph.entities import analyse_entities
from graph.ontology import default_lexicon


def entities(*docs):
    analysis = analyse_entities(parsed(*docs), default_lexicon())
    return analysis, {e.name: e for e in analysis.entities}


def test_title_is_stripped_from_the_name_and_kept_as_a_role():
    doc = make_doc("President/PROPN/compound/2 Joe/PROPN/compound/2 Biden/PROPN/nsubj/3 spoke/VERB/ROOT/3/speak ./PUNCT/punct/3",
                   ents=[(1, 3, "PERSON")])
    _, found = entities(doc)
    biden = found["Joe Biden"]
    assert biden.kind == "Person"
    assert [r.title for r in biden.roles] == ["President"]
    assert "President Joe Biden" in biden.aliases


def test_surname_tagged_as_organization_joins_the_person():
    first = make_doc("Donald/PROPN/compound/1 Trump/PROPN/nsubj/2 won/VERB/ROOT/2/win ./PUNCT/punct/2",
                     ents=[(0, 2, "PERSON")])
    second = make_doc("Trump/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak ./PUNCT/punct/1", ents=[(0, 1, "ORG")])
    analysis, found = entities(first, second)
    assert list(found) == ["Donald Trump"]
    assert found["Donald Trump"].kind == "Person"
    assert "Trump" in found["Donald Trump"].aliases
    assert analysis.keys_at(1, 0) == ("person/donald-trump",)


def test_photo_credit_splits_into_person_and_organization():
    doc = make_doc("Photograph/NOUN/ROOT/0 :/PUNCT/punct/0 Evelyn/PROPN/compound/3 Hockstein/PROPN/appos/0 "
                   "SLASH/PUNCT/punct/3 Reuters/PROPN/appos/3", ents=[(2, 6, "PERSON")])
    _, found = entities(doc)
    assert found["Evelyn Hockstein"].kind == "Person"
    assert found["Reuters"].kind == "Organization"


def test_apposed_title_gives_role_at_organization():
    # "Steven Cheung, Acme Campaign Communications Director, said."
    doc = make_doc("Steven/PROPN/compound/1 Cheung/PROPN/nsubj/8 ,/PUNCT/punct/1 Acme/PROPN/compound/4 "
                   "Campaign/PROPN/compound/6 Communications/PROPN/compound/6 Director/PROPN/appos/1 "
                   ",/PUNCT/punct/1 said/VERB/ROOT/8/say ./PUNCT/punct/8",
                   ents=[(0, 2, "PERSON"), (3, 6, "ORG")])
    _, found = entities(doc)
    role = found["Steven Cheung"].roles[0]
    assert role.title == "Communications Director"
    assert role.organization == "organization/acme-campaign"
    assert "Acme Campaign" in found


def test_object_pronoun_skips_the_subject_of_its_clause():
    # "Joe Biden called Donald Trump and congratulated him."
    doc = make_doc("Joe/PROPN/compound/1 Biden/PROPN/nsubj/2 called/VERB/ROOT/2/call Donald/PROPN/compound/4 "
                   "Trump/PROPN/dobj/2 and/CCONJ/cc/2 congratulated/VERB/conj/2/congratulate him/PRON/dobj/6 "
                   "./PUNCT/punct/2", ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])
    analysis, _ = entities(doc)
    assert analysis.keys_at(0, 7) == ("person/donald-trump",)


def test_pronoun_without_antecedent_stays_unresolved():
    doc = make_doc("He/PRON/nsubj/1 spoke/VERB/ROOT/1/speak ./PUNCT/punct/1")
    analysis, _ = entities(doc)
    assert analysis.keys_at(0, 0) == ()


def test_pronoun_agrees_in_gender():
    # "Kamala Harris met Joe Biden. She spoke."
    first = make_doc("Kamala/PROPN/compound/1 Harris/PROPN/nsubj/2 met/VERB/ROOT/2/meet Joe/PROPN/compound/4 "
                     "Biden/PROPN/dobj/2 ./PUNCT/punct/2", ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])
    second = make_doc("He/PRON/nsubj/1 spoke/VERB/ROOT/1/speak ./PUNCT/punct/1")
    analysis, _ = entities(first, second)
    assert analysis.keys_at(1, 0) == ("person/joe-biden",)


def test_acronym_joins_its_expansion():
    first = make_doc("Korean/PROPN/compound/3 Central/PROPN/compound/3 News/PROPN/compound/3 Agency/PROPN/nsubj/4 "
                     "reported/VERB/ROOT/4/report ./PUNCT/punct/4", ents=[(0, 4, "ORG")])
    second = make_doc("KCNA/PROPN/nsubj/1 added/VERB/ROOT/1/add ./PUNCT/punct/1", ents=[(0, 1, "ORG")])
    _, found = entities(first, second)
    assert list(found) == ["Korean Central News Agency"]
    assert "KCNA" in found["Korean Central News Agency"].aliases


def test_nationality_adjectives_are_not_nodes():
    doc = make_doc("Democratic/ADJ/amod/1 leaders/NOUN/nsubj/2 met/VERB/ROOT/2/meet ./PUNCT/punct/2",
                   ents=[(0, 1, "NORP")])
    _, found = entities(doc)
    assert found == {}


def test_same_name_same_key_across_documents_and_namesakes_apart():
    one = analyse_entities(parsed(make_doc("Kamala/PROPN/compound/1 Harris/PROPN/nsubj/2 spoke/VERB/ROOT/2/speak",
                                           ents=[(0, 2, "PERSON")]), doc_id="a"), default_lexicon())
    two = analyse_entities(parsed(make_doc("Kamala/PROPN/compound/1 Harris/PROPN/nsubj/2 won/VERB/ROOT/2/win",
                                           ents=[(0, 2, "PERSON")]), doc_id="b"), default_lexicon())
    other = analyse_entities(parsed(make_doc("Rebecca/PROPN/compound/1 Harris/PROPN/nsubj/2 won/VERB/ROOT/2/win",
                                             ents=[(0, 2, "PERSON")]), doc_id="c"), default_lexicon())
    assert one.entities[0].key == two.entities[0].key == "person/kamala-harris"
    assert other.entities[0].key == "person/rebecca-harris"
