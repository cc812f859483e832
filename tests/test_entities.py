"""Entity stage: titles become roles, names cluster into one node, pronouns resolve conservatively."""
from __future__ import annotations

import pytest
from conftest import make_doc, parsed

from graph.extraction import extract_document
from graph.extraction.entities import analyse_entities
from graph.rdf.lexicon import default_lexicon


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


@pytest.mark.parametrize("given, surname, label", [
    ("Donald", "Trump", "ORG"),  # a surname the model tagged as an organization
    ("Ekmeleddin", "İhsanoğlu", "PERSON"),  # casefolding a dotted capital I leaves a combining dot
])
def test_a_surname_joins_the_full_name(given, surname, label):
    first = make_doc(f"{given}/PROPN/compound/1 {surname}/PROPN/nsubj/2 won/VERB/ROOT/2/win ./PUNCT/punct/2",
                     ents=[(0, 2, "PERSON")])
    second = make_doc(f"{surname}/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak ./PUNCT/punct/1", ents=[(0, 1, label)])
    analysis, found = entities(first, second)
    full = f"{given} {surname}"
    assert list(found) == [full]
    assert found[full].kind == "Person"
    assert surname in found[full].aliases
    assert analysis.keys_at(1, 0) == (found[full].key,)


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


def test_nationality_before_an_organization_is_part_of_its_name():
    # "The Japanese Foreign Ministry said."
    doc = make_doc("The/DET/det/3 Japanese/ADJ/amod/3 Foreign/PROPN/compound/3 Ministry/PROPN/nsubj/4 "
                   "said/VERB/ROOT/4/say ./PUNCT/punct/4", ents=[(1, 2, "NORP"), (2, 4, "ORG")])
    _, found = entities(doc)
    assert list(found) == ["Japanese Foreign Ministry"]


def test_name_cut_short_by_the_model_is_completed_through_its_particles():
    # "Ursula von der Leyen spoke." tagged as PERSON "Ursula von" and GPE "Leyen"
    doc = make_doc("Ursula/PROPN/compound/3 von/PROPN/compound/3 der/PROPN/compound/3 Leyen/PROPN/nsubj/4 "
                   "spoke/VERB/ROOT/4/speak ./PUNCT/punct/4", ents=[(0, 2, "PERSON"), (3, 4, "GPE")])
    _, found = entities(doc)
    assert list(found) == ["Ursula von der Leyen"]


def test_untagged_name_after_a_title_is_a_person_with_that_role():
    # "Taoiseach Conor Walsh spoke." with no entity from the model
    doc = make_doc("Taoiseach/PROPN/compound/2 Conor/PROPN/compound/2 Walsh/PROPN/nsubj/3 spoke/VERB/ROOT/3/speak "
                   "./PUNCT/punct/3")
    _, found = entities(doc)
    assert found["Conor Walsh"].kind == "Person"
    assert [r.title for r in found["Conor Walsh"].roles] == ["Taoiseach"]


def test_portfolio_before_a_title_is_part_of_the_title_and_org_before_it_is_the_employer():
    # "Energy Minister Faisal Al-Harbi met European Commission President Ursula Lind."
    doc = make_doc("Energy/PROPN/compound/1 Minister/PROPN/compound/3 Faisal/PROPN/compound/3 Al-Harbi/PROPN/nsubj/4 "
                   "met/VERB/ROOT/4/meet European/PROPN/compound/6 Commission/PROPN/compound/7 "
                   "President/PROPN/compound/9 Ursula/PROPN/compound/9 Lind/PROPN/dobj/4 ./PUNCT/punct/4",
                   ents=[(2, 4, "PERSON"), (5, 8, "ORG"), (8, 10, "PERSON")])
    _, found = entities(doc)
    assert [r.title for r in found["Faisal Al-Harbi"].roles] == ["Energy Minister"]
    assert found["Ursula Lind"].roles[0].organization == "organization/european-commission"


def test_the_two_as_subject_refers_to_the_pair_just_named():
    # "Holm called Petersen. The two will meet."
    first = make_doc("Holm/PROPN/nsubj/1 called/VERB/ROOT/1/call Petersen/PROPN/dobj/1 ./PUNCT/punct/1",
                     ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    second = make_doc("The/DET/det/1 two/NUM/nsubj/3 will/AUX/aux/3 meet/VERB/ROOT/3/meet ./PUNCT/punct/3")
    analysis, _ = entities(first, second)
    assert set(analysis.keys_at(1, 1)) == {"person/holm", "person/petersen"}


def test_possessive_in_a_fronted_phrase_refers_to_the_subject_after_it():
    # "In his speech, Tomas Aguirre thanked Ana Beltran." (cataphora)
    doc = make_doc("In/ADP/prep/6 his/PRON/poss/2//PRP$ speech/NOUN/pobj/0 ,/PUNCT/punct/6 Tomas/PROPN/compound/5 "
                   "Aguirre/PROPN/nsubj/6 thanked/VERB/ROOT/6/thank Ana/PROPN/compound/8 Beltran/PROPN/dobj/6 "
                   "./PUNCT/punct/6", ents=[(4, 6, "PERSON"), (7, 9, "PERSON")])
    analysis, _ = entities(doc)
    assert analysis.keys_at(0, 1) == ("person/tomas-aguirre",)


def test_object_pronoun_prefers_the_parallel_object_of_the_same_verb():
    # "Jens Stoltenberg congratulated Recep Erdogan. Ulf Kristersson congratulated him."
    first = make_doc("Jens/PROPN/compound/1 Stoltenberg/PROPN/nsubj/2 congratulated/VERB/ROOT/2/congratulate "
                     "Recep/PROPN/compound/4 Erdogan/PROPN/dobj/2 ./PUNCT/punct/2",
                     ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])
    second = make_doc("Ulf/PROPN/compound/1 Kristersson/PROPN/nsubj/2 congratulated/VERB/ROOT/2/congratulate "
                      "him/PRON/dobj/2 ./PUNCT/punct/2", ents=[(0, 2, "PERSON")])
    analysis, _ = entities(first, second)
    assert analysis.keys_at(1, 3) == ("person/recep-erdogan",)


def test_subject_pronoun_prefers_the_nearest_subject_over_a_surer_gender():
    # "Volodymyr Zelensky spoke. Rishi Sunak told aides that he had called." (Rishi: gender unknown to the name list)
    first = make_doc("Volodymyr/PROPN/compound/1 Zelensky/PROPN/nsubj/2 spoke/VERB/ROOT/2/speak ./PUNCT/punct/2",
                     ents=[(0, 2, "PERSON")])
    second = make_doc("Rishi/PROPN/compound/1 Sunak/PROPN/nsubj/2 told/VERB/ROOT/2/tell aides/NOUN/dobj/2 "
                      "that/SCONJ/mark/7 he/PRON/nsubj/7 had/AUX/aux/7 called/VERB/ccomp/2/call ./PUNCT/punct/2",
                      ents=[(0, 2, "PERSON")])
    analysis, _ = entities(first, second)
    assert analysis.keys_at(1, 5) == ("person/rishi-sunak",)


def test_caption_label_glued_to_a_name_is_cut_off():
    # "... held in Port Louis Image: Coast Guard"
    doc = make_doc("held/VERB/ROOT/0/hold in/ADP/prep/0 Port/PROPN/compound/3 Louis/PROPN/compound/4 "
                   "Image/PROPN/pobj/1 :/PUNCT/punct/0 Guard/PROPN/appos/0", ents=[(2, 5, "GPE"), (6, 7, "ORG")])
    _, found = entities(doc)
    assert "Port Louis" in found and not any("Image" in name for name in found)


def test_hyphenated_given_name_is_kept_whole():
    # "Wong Kwok-hing spoke." tagged as PERSON "Wong Kwok"
    doc = make_doc("Wong/PROPN/compound/1 Kwok/PROPN/nsubj/4 -/PUNCT/punct/1 hing/PROPN/compound/1 "
                   "spoke/VERB/ROOT/4/speak ./PUNCT/punct/4", ents=[(0, 2, "PERSON")])
    _, found = entities(doc)
    assert list(found) == ["Wong Kwok-hing"]


def test_post_nominal_letters_and_title_only_organizations_are_not_entities():
    # "Prosecutor Mark Tedeschi, QC, spoke to Professor Emeritus Ann Lee."
    doc = make_doc("Prosecutor/PROPN/compound/2 Mark/PROPN/compound/2 Tedeschi/PROPN/nsubj/6 ,/PUNCT/punct/2 "
                   "QC/PROPN/appos/2 ,/PUNCT/punct/2 spoke/VERB/ROOT/6/speak to/ADP/prep/6 Professor/PROPN/compound/11 "
                   "Emeritus/PROPN/compound/11 Ann/PROPN/compound/11 Lee/PROPN/pobj/7 ./PUNCT/punct/6",
                   ents=[(1, 3, "PERSON"), (4, 5, "ORG"), (9, 10, "ORG"), (10, 12, "PERSON")])
    # "A visiting Head of State met them.": a generic title with its portfolio
    visit = make_doc("A/DET/det/2 visiting/VERB/amod/2/visit Head/PROPN/nsubj/5 of/ADP/prep/2 State/PROPN/pobj/3 "
                     "met/VERB/ROOT/5/meet them/PRON/dobj/5 ./PUNCT/punct/5", ents=[(2, 5, "ORG")])
    _, found = entities(doc, visit)
    assert sorted(found) == ["Ann Lee", "Mark Tedeschi"]


def test_short_form_in_brackets_joins_the_name_before_it():
    # "the Intelligence System (NEMISIS) ... NEMISIS"
    first = make_doc("the/DET/det/2 Intelligence/PROPN/compound/2 System/PROPN/nsubj/6 (/PUNCT/punct/2 "
                     "NEMISIS/PROPN/appos/2 )/PUNCT/punct/2 failed/VERB/ROOT/6/fail ./PUNCT/punct/6",
                     ents=[(1, 3, "ORG"), (4, 5, "ORG")])
    _, found = entities(first)
    assert list(found) == ["Intelligence System"]
    assert "NEMISIS" in found["Intelligence System"].aliases


def test_surname_and_city_are_derived_aliases_unless_ambiguous():
    doc = make_doc("Steven/PROPN/compound/1 Cheung/PROPN/nsubj/2 met/VERB/ROOT/2/meet Ann/PROPN/compound/4 "
                   "Lee/PROPN/dobj/2 and/CCONJ/cc/4 Bo/PROPN/compound/7 Lee/PROPN/conj/4 in/ADP/prep/2 "
                   "Washington/PROPN/pobj/8 ,/PUNCT/punct/9 DC/PROPN/appos/9 ./PUNCT/punct/2",
                   ents=[(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON"), (9, 12, "GPE")])
    _, found = entities(doc)
    assert "Cheung" in found["Steven Cheung"].aliases
    assert "Lee" not in found["Ann Lee"].aliases and "Lee" not in found["Bo Lee"].aliases
    # linked to GeoNames, the place takes GeoNames' name and keeps what the text wrote as an alias
    assert "Washington, DC" in found["Washington"].aliases
    unlinked = make_doc("Ruiz/PROPN/nsubj/1 lives/VERB/ROOT/1/live in/ADP/prep/1 Orvik/PROPN/pobj/2 ,/PUNCT/punct/3 "
                        "Umbrosa/PROPN/appos/3 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (3, 6, "GPE")])
    _, found = entities(unlinked)
    assert "Orvik" in found["Orvik, Umbrosa"].aliases  # the city of "City, Region"


def test_nationality_before_a_title_is_kept_in_the_alias():
    # "Portuguese Prime Minister Helena Matos spoke."
    doc = make_doc("Portuguese/ADJ/amod/2 Prime/PROPN/compound/2 Minister/PROPN/compound/4 Helena/PROPN/compound/4 "
                   "Matos/PROPN/nsubj/5 spoke/VERB/ROOT/5/speak ./PUNCT/punct/5",
                   ents=[(0, 1, "NORP"), (3, 5, "PERSON")])
    _, found = entities(doc)
    matos = found["Helena Matos"]
    assert {"Prime Minister Helena Matos", "Portuguese Prime Minister Helena Matos"} <= set(matos.aliases)
    assert [r.title for r in matos.roles] == ["Prime Minister"]


def test_an_organization_named_short_joins_its_full_name_when_only_one_fits():
    # "Velbury News reported. Velbury said. The Norlandic Supreme Court of Appeal ruled. The Supreme Court met.
    #  The Harbour Council and the Valley Council met. The Council said."
    docs = [
        make_doc("Velbury/PROPN/compound/1 News/PROPN/nsubj/2 reported/VERB/ROOT/2/report ./PUNCT/punct/2",
                 ents=[(0, 2, "ORG")]),
        make_doc("Velbury/PROPN/nsubj/1 said/VERB/ROOT/1/say ./PUNCT/punct/1", ents=[(0, 1, "ORG")]),
        make_doc("The/DET/det/4 Norlandic/PROPN/compound/4 Supreme/PROPN/compound/4 Court/PROPN/nsubj/7 of/ADP/prep/3 "
                 "Appeal/PROPN/pobj/4 ruled/VERB/ROOT/6/rule ./PUNCT/punct/6", ents=[(0, 6, "ORG")]),
        make_doc("The/DET/det/2 Supreme/PROPN/compound/2 Court/PROPN/nsubj/3 met/VERB/ROOT/3/meet ./PUNCT/punct/3",
                 ents=[(0, 3, "ORG")]),
        make_doc("The/DET/det/2 Harbour/PROPN/compound/2 Council/PROPN/nsubj/7 and/CCONJ/cc/2 the/DET/det/6 "
                 "Valley/PROPN/compound/6 Council/PROPN/conj/2 met/VERB/ROOT/7/meet ./PUNCT/punct/7",
                 ents=[(0, 3, "ORG"), (4, 7, "ORG")]),
        make_doc("The/DET/det/1 Council/PROPN/nsubj/2 said/VERB/ROOT/2/say ./PUNCT/punct/2", ents=[(0, 2, "ORG")]),
    ]
    _, found = entities(*docs)
    assert sorted(found) == ["Council", "Harbour Council", "Norlandic Supreme Court of Appeal", "Valley Council",
                             "Velbury News"]
    assert "Velbury" in found["Velbury News"].aliases
    assert "Supreme Court" in found["Norlandic Supreme Court of Appeal"].aliases


def test_two_places_sharing_their_last_word_are_two_nodes():
    # "Talks between North and South Norland resumed. North Norland agreed."
    first = make_doc("Talks/NOUN/nsubj/6 between/ADP/prep/0 North/PROPN/compound/5 and/CCONJ/cc/2 "
                     "South/PROPN/conj/2 Norland/PROPN/pobj/1 resumed/VERB/ROOT/6/resume ./PUNCT/punct/6",
                     ents=[(2, 6, "GPE")])
    second = make_doc("North/PROPN/compound/1 Norland/PROPN/nsubj/2 agreed/VERB/ROOT/2/agree ./PUNCT/punct/2",
                      ents=[(0, 2, "GPE")])
    analysis, found = entities(first, second)
    assert sorted(found) == ["North Norland", "South Norland"]
    assert analysis.keys_at(0, 2) == ("place/north-norland",) and analysis.keys_at(1, 0) == ("place/north-norland",)


def test_a_dateline_names_the_places_filed_from_and_the_agency_whatever_the_model_tagged():
    from graph.extraction.entities.mentions import dateline_names

    # "OSLO/BERGEN (Nordic Wire) -" tagged as one organization, and "Lisbon, Nov. 7 (Wire)--"
    doc = make_doc("OSLO/PROPN/ROOT/0 SLASH/SYM/punct/0 BERGEN/PROPN/appos/0 (/PUNCT/punct/0 Nordic/PROPN/compound/5 "
                   "Wire/PROPN/appos/0 )/PUNCT/punct/0 -/PUNCT/punct/0", ents=[(0, 3, "ORG")])
    assert [(doc[a:b].text, label) for a, b, label in dateline_names(doc)] == [
        ("OSLO", "GPE"), ("BERGEN", "GPE"), ("Nordic Wire", "ORG")]
    dated = make_doc("Lisbon/PROPN/ROOT/0 ,/PUNCT/punct/0 Nov./PROPN/appos/0 7/NUM/nummod/2 (/PUNCT/punct/0 "
                     "Wire/PROPN/appos/0 )/PUNCT/punct/0 --/PUNCT/punct/0")
    assert [(dated[a:b].text, label) for a, b, label in dateline_names(dated)] == [("Lisbon", "GPE"), ("Wire", "ORG")]


def test_a_possessor_glued_to_an_organization_is_a_name_of_its_own_when_it_is_one():
    # "Ruiz called Lee, a spokesman for Ruiz's Civic Party." tagged ORG "Ruiz's Civic Party"
    doc = make_doc("Ruiz/PROPN/nsubj/1 called/VERB/ROOT/1/call Lee/PROPN/dobj/1 ,/PUNCT/punct/2 a/DET/det/5 "
                   "spokesman/NOUN/appos/2 for/ADP/prep/5 Ruiz/PROPN/poss/10 's/PART/case/7 Civic/PROPN/compound/10 "
                   "Party/PROPN/pobj/6 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 11, "ORG")])
    _, found = entities(doc)
    assert {"Ruiz", "Civic Party"} <= set(found)
    assert found["Ruiz"].kind == "Person"
    # "the Korean People's Army" is one name: "Korean People" names nothing else
    army = make_doc("The/DET/det/4 Korean/PROPN/compound/2 People/PROPN/poss/4 's/PART/case/2 Army/PROPN/nsubj/5 "
                    "fired/VERB/ROOT/5/fire ./PUNCT/punct/5", ents=[(1, 5, "ORG")])
    _, found = entities(army)
    assert list(found) == ["Korean People's Army"]


def test_a_title_before_a_given_name_makes_an_organization_tag_a_person():
    # "General Ana Ruiz spoke." tagged ORG
    doc = make_doc("General/PROPN/compound/2 Ana/PROPN/compound/2 Ruiz/PROPN/nsubj/3 spoke/VERB/ROOT/3/speak "
                   "./PUNCT/punct/3", ents=[(0, 3, "ORG")])
    _, found = entities(doc)
    assert (found["Ana Ruiz"].kind, [r.title for r in found["Ana Ruiz"].roles]) == ("Person", ["General"])


def test_an_organization_named_by_its_first_word_is_that_organization():
    # "Zentro Infra Inc signed." / "Zentro said." (one organization of that first word)
    full = make_doc("Zentro/PROPN/compound/2 Infra/PROPN/compound/2 Inc/PROPN/nsubj/3 signed/VERB/ROOT/3/sign "
                    "./PUNCT/punct/3", ents=[(0, 3, "ORG")])
    short = make_doc("Zentro/PROPN/nsubj/1 said/VERB/ROOT/1/say ./PUNCT/punct/1", ents=[(0, 1, "ORG")])
    _, found = entities(full, short)
    assert list(found) == ["Zentro Infra Inc"]


def test_a_name_inside_a_long_name_and_a_name_cut_at_the_front_are_that_person():
    # "Ana Maria Kula da Costa spoke." / "Maria Kula da Costa left." / "Kula waved."
    full = make_doc("Ana/PROPN/compound/4 Maria/PROPN/compound/4 Kula/PROPN/compound/4 da/PROPN/compound/4 "
                    "Costa/PROPN/nsubj/5 spoke/VERB/ROOT/5/speak ./PUNCT/punct/5", ents=[(0, 5, "PERSON")])
    cut = make_doc("Maria/PROPN/compound/3 Kula/PROPN/compound/3 da/PROPN/compound/3 Costa/PROPN/nsubj/4 "
                   "left/VERB/ROOT/4/leave ./PUNCT/punct/4", ents=[(0, 4, "PERSON")])
    nickname = make_doc("Kula/PROPN/nsubj/1 waved/VERB/ROOT/1/wave ./PUNCT/punct/1", ents=[(0, 1, "PERSON")])
    _, found = entities(full, cut, nickname)
    assert list(found) == ["Ana Maria Kula da Costa"]


def test_a_king_is_named_by_a_given_name_not_by_anyones_surname():
    # "Prince Tariq bin Faisal spoke." / "King Faisal of Norland thanked him." : two people, no "Faisal of"
    prince = make_doc("Prince/PROPN/compound/3 Tariq/PROPN/compound/3 bin/PROPN/compound/3 Faisal/PROPN/nsubj/4 "
                      "spoke/VERB/ROOT/4/speak ./PUNCT/punct/4", ents=[(1, 4, "PERSON")])
    king = make_doc("King/PROPN/compound/1 Faisal/PROPN/nsubj/4 of/ADP/prep/1 Norland/PROPN/pobj/2 "
                    "thanked/VERB/ROOT/4/thank him/PRON/dobj/4 ./PUNCT/punct/4",
                    ents=[(1, 3, "PERSON"), (3, 4, "GPE")])
    _, found = entities(prince, king)
    assert {"Tariq bin Faisal", "Faisal"} <= set(found)
    assert "Faisal" not in found["Tariq bin Faisal"].aliases  # the king's name is no alias of the prince


def test_his_majesty_is_the_one_king_named():
    # "King Tomas of Norland arrived." / "His Majesty waved."
    king = make_doc("King/PROPN/compound/1 Tomas/PROPN/nsubj/4 of/ADP/prep/1 Norland/PROPN/pobj/2 "
                    "arrived/VERB/ROOT/4/arrive ./PUNCT/punct/4", ents=[(1, 2, "PERSON"), (3, 4, "GPE")])
    style = make_doc("His/PRON/poss/1//PRP$ Majesty/PROPN/nsubj/2 waved/VERB/ROOT/2/wave ./PUNCT/punct/2")
    analysis, _ = entities(king, style)
    assert analysis.keys_at(1, 1) == ("person/tomas",)


WIRE_COPY = "Reporting by Ana LeeEditing by Tom Berg (Harbour Wire)--Ruiz said he didn't, at 3:30 p.m. in the U.S."
WIRE_TOKENS = ["Reporting", "by", "Ana", "Lee", "Editing", "by", "Tom", "Berg", "(", "Harbour", "Wire", ")", "--Ruiz",
               "said", "he", "did", "n't", ",", "at", "3:30", "p.m.", "in", "the", "U.S."]


def test_credits_glued_together_are_tokens_apart():
    import spacy

    from graph.extraction.tokenizer import with_wire_punctuation

    nlp = with_wire_punctuation(spacy.blank("en"))
    assert [t.text for t in nlp(WIRE_COPY)] == WIRE_TOKENS


@pytest.mark.model
def test_the_pipelines_tokenizer_made_as_it_loads_is_the_one_set_after_loading(nlp):
    import spacy

    from graph.extraction.tokenizer import WIRE_TOKENIZER, WireTokenizer, has_wire_infixes, with_wire_punctuation

    assert isinstance(nlp.tokenizer, WireTokenizer)
    package = f"{nlp.meta['lang']}_{nlp.meta['name']}"  # the installed pipeline load_model chose
    made = spacy.load(package, config={"nlp": {"tokenizer": {"@tokenizers": WIRE_TOKENIZER}}})
    assert has_wire_infixes(made)  # as it loaded: nothing is left to set afterwards
    loaded = with_wire_punctuation(spacy.load(package))  # spaCy's tokenizer, the infixes set afterwards
    ours, theirs = nlp.tokenizer, loaded.tokenizer
    assert ours.infix_finditer.__self__.pattern == theirs.infix_finditer.__self__.pattern
    assert ours.rules == theirs.rules and ours.prefix_search.__self__.pattern == theirs.prefix_search.__self__.pattern
    assert [t.text for t in nlp.make_doc(WIRE_COPY)] == [t.text for t in loaded.make_doc(WIRE_COPY)] == WIRE_TOKENS


def test_a_title_a_sentence_gives_is_a_role():
    # "Ruiz called Lee the day after becoming Prime Minister." / "The Prime Minister waved."
    doc = make_doc("Ruiz/PROPN/nsubj/1 called/VERB/ROOT/1/call Lee/PROPN/dobj/1 the/DET/det/4 day/NOUN/npadvmod/1 "
                   "after/ADP/prep/4 becoming/VERB/pcomp/5/become/VBG Prime/PROPN/compound/8 Minister/PROPN/attr/6 "
                   "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    waved = make_doc("The/DET/det/2 Prime/PROPN/compound/2 Minister/PROPN/nsubj/3 waved/VERB/ROOT/3/wave "
                     "./PUNCT/punct/3")
    analysis, found = entities(doc, waved)
    assert [r.title for r in found["Ruiz"].roles] == ["Prime Minister"]
    assert analysis.keys_at(1, 2) == ("person/ruiz",)


def test_a_title_apposed_before_the_name_is_its_role():
    # "Lee beat the current president, Ana Ruiz."
    doc = make_doc("Lee/PROPN/nsubj/1 beat/VERB/ROOT/1/beat the/DET/det/4 current/ADJ/amod/4 president/NOUN/dobj/1 "
                   ",/PUNCT/punct/4 Ana/PROPN/compound/7 Ruiz/PROPN/appos/4 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (6, 8, "PERSON")])
    _, found = entities(doc)
    assert [r.title for r in found["Ana Ruiz"].roles] == ["President"]


def test_an_occupation_before_a_name_is_a_role():
    # "Pianist Ana Ruiz performed."
    doc = make_doc("Pianist/NOUN/compound/2 Ana/PROPN/compound/2 Ruiz/PROPN/nsubj/3 performed/VERB/ROOT/3/perform "
                   "./PUNCT/punct/3", ents=[(1, 3, "PERSON")])
    _, found = entities(doc)
    assert [r.title for r in found["Ana Ruiz"].roles] == ["Pianist"]


def test_a_capitalised_participle_opening_a_sentence_is_no_part_of_a_name():
    # "Ana Lee won." / "Congratulating Lee, Ruiz spoke." ("Congratulating" a compound of "Lee", untagged)
    won = make_doc("Ana/PROPN/compound/1 Lee/PROPN/nsubj/2 won/VERB/ROOT/2/win ./PUNCT/punct/2", ents=[(0, 2, "PERSON")])
    opening = make_doc("Congratulating/PROPN/compound/1 Lee/PROPN/dep/4 ,/PUNCT/punct/4 Ruiz/PROPN/nsubj/4 "
                       "spoke/VERB/ROOT/4/speak ./PUNCT/punct/4", ents=[(3, 4, "PERSON")])
    analysis, found = entities(won, opening)
    assert "Congratulating Lee" not in found and analysis.keys_at(1, 1) == ("person/ana-lee",)


def test_a_people_named_by_a_plural_is_a_group_and_the_adjective_names_none():
    # "The Palestinians rejected the plan, and thousands of Iraqi Kurds marched while Palestinian officials spoke."
    doc = make_doc("The/DET/det/1 Palestinians/PROPN/nsubj/2//NNPS rejected/VERB/ROOT/2/reject the/DET/det/4 "
                   "plan/NOUN/dobj/2 ,/PUNCT/punct/2 and/CCONJ/cc/2 thousands/NOUN/nsubj/11/thousand/NNS "
                   "of/ADP/prep/7 Iraqi/ADJ/amod/10 Kurds/PROPN/pobj/8//NNPS marched/VERB/conj/2/march "
                   "while/SCONJ/mark/15 Palestinian/ADJ/amod/14 officials/NOUN/nsubj/15/official/NNS "
                   "spoke/VERB/advcl/11/speak ./PUNCT/punct/2",
                   ents=[(1, 2, "NORP"), (9, 10, "NORP"), (10, 11, "NORP"), (13, 14, "NORP")])
    # "The boat carried Bangladeshis.": the tagger may call the plural singular (NNP)
    boat = make_doc("The/DET/det/1 boat/NOUN/nsubj/2 carried/VERB/ROOT/2/carry Bangladeshis/PROPN/dobj/2//NNP "
                    "./PUNCT/punct/2", ents=[(3, 4, "NORP")])
    _, found = entities(doc, boat)
    assert {name: e.kind for name, e in found.items()} == {"Palestinians": "Group", "Iraqi Kurds": "Group",
                                                           "Bangladeshis": "Group"}
    assert found["Palestinians"].key == "group/palestinians"


def test_a_partys_plural_name_is_the_party_not_a_group():
    # "The Social Democrats won; Ana Lee of the Neo Democrats lost."
    doc = make_doc("The/DET/det/2 Social/ADJ/amod/2 Democrats/PROPN/nsubj/3//NNPS won/VERB/ROOT/3/win ;/PUNCT/punct/3 "
                   "Ana/PROPN/compound/6 Lee/PROPN/nsubj/11 of/ADP/prep/6 the/DET/det/10 Neo/PROPN/compound/10 "
                   "Democrats/PROPN/pobj/7//NNPS lost/VERB/conj/3/lose ./PUNCT/punct/3",
                   ents=[(1, 3, "NORP"), (5, 7, "PERSON"), (10, 11, "NORP")])
    _, found = entities(doc)
    assert {name: e.kind for name, e in found.items()} == {
        "Social Democrats": "Organization", "Ana Lee": "Person", "Neo Democrats": "Organization"}


def test_a_country_named_with_and_is_one_place_whatever_the_model_made_of_its_halves():
    # "Leaders of Antigua and Barbuda met Brazil and Argentina.": the model tagged two people;
    # "Brazil and Argentina" are two countries, not one
    doc = make_doc("Leaders/NOUN/nsubj/5 of/ADP/prep/0 Antigua/PROPN/pobj/1 and/CCONJ/cc/2 Barbuda/PROPN/conj/2 "
                   "met/VERB/ROOT/5/meet Brazil/PROPN/dobj/5 and/CCONJ/cc/6 Argentina/PROPN/conj/6 ./PUNCT/punct/5",
                   ents=[(2, 3, "PERSON"), (4, 5, "PERSON"), (6, 7, "GPE"), (8, 9, "GPE")])
    _, found = entities(doc)
    assert sorted(found) == ["Antigua and Barbuda", "Argentina", "Brazil"]
    assert found["Antigua and Barbuda"].kind == "Place" and found["Antigua and Barbuda"].geonames_id == 3576396


def test_a_regnal_number_or_a_generation_is_no_surname_alias():
    # "King Abdullah II met Martin Luther King Jr."
    doc = make_doc("King/PROPN/compound/2 Abdullah/PROPN/compound/2 II/PROPN/nsubj/3 met/VERB/ROOT/3/meet "
                   "Martin/PROPN/compound/7 Luther/PROPN/compound/7 King/PROPN/compound/7 Jr./PROPN/dobj/3 "
                   "./PUNCT/punct/3", ents=[(1, 3, "PERSON"), (4, 8, "PERSON")])
    _, found = entities(doc)
    assert "II" not in found["Abdullah II"].aliases
    assert "King" in found["Martin Luther King Jr."].aliases and "Jr." not in found["Martin Luther King Jr."].aliases


def test_a_name_apposed_to_a_titles_place_is_the_titled_person():
    # "Ruiz congratulated the president of Ixland, Tomo Vaak." (Tomo Vaak untagged, hung on Ixland)
    doc = make_doc("Ruiz/PROPN/nsubj/1 congratulated/VERB/ROOT/1/congratulate the/DET/det/3 president/NOUN/dobj/1 "
                   "of/ADP/prep/3 Ixland/PROPN/pobj/4 ,/PUNCT/punct/5 Tomo/PROPN/compound/8 Vaak/PROPN/appos/5 "
                   "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (5, 6, "GPE")])
    _, found = entities(doc)
    assert found["Tomo Vaak"].kind == "Person" and found["Ixland"].kind == "Place"
    (congratulation,) = extract_document(parsed(doc), default_lexicon()).events
    assert (congratulation.agent, congratulation.recipient) == ("person/ruiz", "person/tomo-vaak")


def test_a_possessive_after_an_object_of_the_other_gender_is_not_the_objects():
    # "Vaak invited Maria Lee to Porto for his inauguration.": his is not Maria Lee's
    doc = make_doc("Vaak/PROPN/nsubj/1 invited/VERB/ROOT/1/invite Maria/PROPN/compound/3 Lee/PROPN/dobj/1 "
                   "to/ADP/prep/1 Porto/PROPN/pobj/4 for/ADP/prep/1 his/PRON/poss/8//PRP$ inauguration/NOUN/pobj/6 "
                   "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 4, "PERSON"), (5, 6, "GPE")])
    analysis, _ = entities(doc)
    assert analysis.keys_at(0, 7) == ("person/vaak",)


def test_a_singular_pronoun_passes_over_the_members_of_a_coordinated_subject():
    # "Ruiz and Berg congratulated Okafor." / "Lind telephoned him.": him is Okafor, not Ruiz
    first = make_doc("Ruiz/PROPN/nsubj/3 and/CCONJ/cc/0 Berg/PROPN/conj/0 congratulated/VERB/ROOT/3/congratulate "
                     "Okafor/PROPN/dobj/3 ./PUNCT/punct/3", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "PERSON")])
    second = make_doc("Lind/PROPN/nsubj/1 telephoned/VERB/ROOT/1/telephone him/PRON/dobj/1 ./PUNCT/punct/1",
                      ents=[(0, 1, "PERSON")])
    analysis, _ = entities(first, second)
    assert analysis.keys_at(1, 2) == ("person/okafor",)


def test_a_possessive_in_a_phrase_of_the_verb_is_its_subjects():
    # "Trump spoke with Zelensky after his victory.": the victory is Trump's
    doc = make_doc("Trump/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak with/ADP/prep/1 Zelensky/PROPN/pobj/2 "
                   "after/ADP/prep/1 his/PRON/poss/6//PRP$ victory/NOUN/pobj/4 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (3, 4, "PERSON")])
    analysis, _ = entities(doc)
    assert analysis.keys_at(0, 5) == ("person/trump",)


def test_a_given_name_opening_a_family_name_with_a_particle_joins_the_full_name():
    # "Luiz Inácio Lula da Silva won." / "Lula spoke." ("Lula" is a given name too)
    full = make_doc("Luiz/PROPN/compound/4 Inácio/PROPN/compound/4 Lula/PROPN/compound/4 da/PROPN/compound/4 "
                    "Silva/PROPN/nsubj/5 won/VERB/ROOT/5/win ./PUNCT/punct/5", ents=[(0, 5, "PERSON")])
    short = make_doc("Lula/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak ./PUNCT/punct/1", ents=[(0, 1, "PERSON")])
    _, found = entities(full, short)
    assert list(found) == ["Luiz Inácio Lula da Silva"] and "Lula" in found["Luiz Inácio Lula da Silva"].aliases


def test_a_lower_case_title_a_person_becomes_is_the_whole_title():
    # "Ana Ruiz will become prime minister." (the parser takes "prime" for an adjective)
    doc = make_doc("Ana/PROPN/compound/1 Ruiz/PROPN/nsubj/3 will/AUX/aux/3 become/VERB/ROOT/3/become/VB "
                   "prime/ADJ/amod/5 minister/NOUN/attr/3 ./PUNCT/punct/3", ents=[(0, 2, "PERSON")])
    _, found = entities(doc)
    assert [r.title.lower() for r in found["Ana Ruiz"].roles] == ["prime minister"]


def test_a_word_not_written_as_a_name_is_never_a_name_word():
    # the name runs skip such words before asking is_name_word: that must never skip a name word
    from graph.extraction.entities.cues import is_name_word
    from graph.extraction.entities.cues import written_as_name as _written_as_name

    words = ["Ana", "a", "A", "U.S.", "1990s", "-", "É", "X1", "iPhone", "ACME", "'s", "O'Neill", "3M", "I"]
    doc = make_doc(" ".join(f"{w}/PROPN/dep/0" for w in words))
    for token in doc:
        assert not is_name_word(token, False) or _written_as_name(token.text), token.text
    assert [w for w in words if _written_as_name(w)] == ["Ana", "A", "U.S.", "É", "X1", "ACME", "O'Neill", "I"]
