"""Event stage on hand-built parses: triggers, roles, modality, merging, and the ontology lexicon."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_doc, ontology_copy, parsed
from rdflib import Literal

from graph.extraction import extract_document
from graph.rdf.lexicon import default_lexicon, lexicon_from_graph
from graph.rdf.vocab import NG

BIDEN_TRUMP = [(0, 1, "PERSON")]


def events(*docs, lexicon=None, date=dt.date(2024, 11, 7)):
    return extract_document(parsed(*docs, date=date), lexicon or default_lexicon()).events


def summary(found):
    return sorted((e.kind, e.agent or "", e.recipient or "", tuple(e.participants)) for e in found)


def test_verb_with_subject_and_object_and_nominal_victory():
    # "Harris congratulated Trump on his victory."
    doc = make_doc("Harris/PROPN/nsubj/1 congratulated/VERB/ROOT/1/congratulate Trump/PROPN/dobj/1 on/ADP/prep/1 "
                   "his/PRON/poss/5//PRP$ victory/NOUN/pobj/3 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    found = events(doc)
    assert summary(found) == [("Congratulation", "person/harris", "person/trump", ()),
                              ("Victory", "person/trump", "", ())]
    congratulation = next(e for e in found if e.kind == "Congratulation")
    assert congratulation.topic == "his victory"
    assert congratulation.mentions[0].text == "congratulated"


def test_passive_agent_comes_from_the_by_phrase():
    # "Trump was congratulated by Biden."
    doc = make_doc("Trump/PROPN/nsubjpass/2 was/AUX/auxpass/2/be congratulated/VERB/ROOT/2/congratulate/VBN "
                   "by/ADP/agent/2 Biden/PROPN/pobj/3 ./PUNCT/punct/2", ents=[(0, 1, "PERSON"), (4, 5, "PERSON")])
    assert summary(events(doc)) == [("Congratulation", "person/biden", "person/trump", ())]


def test_light_verb_with_noun_trigger_makes_a_phone_call():
    # "Biden made a phone call to Trump."
    doc = make_doc("Biden/PROPN/nsubj/1 made/VERB/ROOT/1/make a/DET/det/4 phone/NOUN/compound/4 call/NOUN/dobj/1 "
                   "to/ADP/prep/4 Trump/PROPN/pobj/5 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (6, 7, "PERSON")])
    assert summary(events(doc)) == [("PhoneCall", "person/biden", "person/trump", ("person/biden", "person/trump"))]


def test_communication_verb_over_the_phone_is_a_call():
    # "Biden spoke over the phone with Harris."
    doc = make_doc("Biden/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak over/ADP/prep/1 the/DET/det/4 phone/NOUN/pobj/2 "
                   "with/ADP/prep/4 Harris/PROPN/pobj/5 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (6, 7, "PERSON")])
    assert summary(events(doc)) == [("PhoneCall", "", "", ("person/biden", "person/harris"))]


def test_negated_event_is_marked_not_asserted():
    # "Biden did not call Trump."
    doc = make_doc("Biden/PROPN/nsubj/3 did/AUX/aux/3/do not/PART/neg/3 call/VERB/ROOT/3/call/VB Trump/PROPN/dobj/3 "
                   "./PUNCT/punct/3", ents=[(0, 1, "PERSON"), (4, 5, "PERSON")])
    (call,) = events(doc)
    assert call.negated and call.kind == "PhoneCall"


def test_future_meeting_is_planned_and_dated_forward():
    # "Biden will meet Trump on Friday." in an article of Thursday 2024-11-07
    doc = make_doc("Biden/PROPN/nsubj/2 will/AUX/aux/2 meet/VERB/ROOT/2/meet/VB Trump/PROPN/dobj/2 on/ADP/prep/2 "
                   "Friday/PROPN/pobj/4 ./PUNCT/punct/2", ents=[(0, 1, "PERSON"), (3, 4, "PERSON"), (5, 6, "DATE")])
    (meeting,) = events(doc)
    assert meeting.planned and meeting.date == dt.date(2024, 11, 8)


def test_past_weekday_resolves_to_the_previous_one():
    # "Biden called Trump on Wednesday." in an article of Thursday 2024-11-07
    doc = make_doc("Biden/PROPN/nsubj/1 called/VERB/ROOT/1/call Trump/PROPN/dobj/1 on/ADP/prep/1 "
                   "Wednesday/PROPN/pobj/3 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "DATE")])
    (call,) = events(doc)
    assert call.date == dt.date(2024, 11, 6) and not call.planned


def test_repeated_mentions_become_one_event_and_a_bare_reference_joins_it():
    first = make_doc("Biden/PROPN/nsubj/1 called/VERB/ROOT/1/call Trump/PROPN/dobj/1 ./PUNCT/punct/1",
                     ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    # "Trump appreciated the call."
    second = make_doc("Trump/PROPN/nsubj/1 appreciated/VERB/ROOT/1/appreciate the/DET/det/3 call/NOUN/dobj/1 "
                      "./PUNCT/punct/1", ents=[(0, 1, "PERSON")])
    (call,) = events(first, second)
    assert len(call.mentions) == 2


def test_event_without_named_participants_is_not_invented():
    # "The minister called for calm."
    doc = make_doc("The/DET/det/1 minister/NOUN/nsubj/2 called/VERB/ROOT/2/call for/ADP/prep/2 calm/NOUN/pobj/3 "
                   "./PUNCT/punct/2")
    assert events(doc) == ()


def test_a_cue_word_added_to_the_ontology_is_enough_for_a_new_trigger():
    # "Biden summoned Trump." is no event until the ontology says "summon" cues a Meeting.
    doc = make_doc("Biden/PROPN/nsubj/1 summoned/VERB/ROOT/1/summon Trump/PROPN/dobj/1 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert events(doc) == ()
    edited = ontology_copy()
    edited.add((NG.Meeting, NG.verbCue, Literal("summon")))
    (meeting,) = events(doc, lexicon=lexicon_from_graph(edited))
    assert meeting.kind == "Meeting" and meeting.participants == ("person/biden", "person/trump")


def test_relative_pronoun_subject_is_its_antecedent():
    # "Lim met Otieno, who later said the talks went well."
    doc = make_doc("Lim/PROPN/nsubj/1 met/VERB/ROOT/1/meet Otieno/PROPN/dobj/1 ,/PUNCT/punct/2 who/PRON/nsubj/6//WP "
                   "later/ADV/advmod/6 said/VERB/relcl/2/say the/DET/det/8 talks/NOUN/nsubj/9 went/VERB/ccomp/6/go "
                   "well/ADV/advmod/9 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert ("Statement", "person/otieno", "", ()) in summary(events(doc))


def test_due_to_meet_is_a_planned_meeting_of_the_subject():
    # "Claes is due to meet Weber."
    doc = make_doc("Claes/PROPN/nsubj/1 is/AUX/ROOT/1/be due/ADJ/acomp/1 to/PART/aux/4 meet/VERB/xcomp/2/meet/VB "
                   "Weber/PROPN/dobj/4 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (5, 6, "PERSON")])
    (meeting,) = events(doc)
    assert meeting.kind == "Meeting" and meeting.participants == ("person/claes", "person/weber")
    assert meeting.planned


def test_invitation_from_someone_goes_to_the_one_who_accepts_it():
    # "Vargas accepted an invitation from Ortiz."
    doc = make_doc("Vargas/PROPN/nsubj/1 accepted/VERB/ROOT/1/accept an/DET/det/3 invitation/NOUN/dobj/1 "
                   "from/ADP/prep/3 Ortiz/PROPN/pobj/4 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (5, 6, "PERSON")])
    assert summary(events(doc)) == [("Invitation", "person/ortiz", "person/vargas", ())]


def test_talks_in_a_purpose_phrase_are_held_by_the_verbs_parties():
    # "Kamau will host Mukamana for talks on Monday."
    doc = make_doc("Kamau/PROPN/nsubj/2 will/AUX/aux/2 host/VERB/ROOT/2/host/VB Mukamana/PROPN/dobj/2 for/ADP/prep/2 "
                   "talks/NOUN/pobj/4/talks/NNS on/ADP/prep/2 Monday/PROPN/pobj/6 ./PUNCT/punct/2",
                   ents=[(0, 1, "PERSON"), (3, 4, "PERSON"), (7, 8, "DATE")])
    found = {e.kind: e for e in events(doc)}
    assert found["Meeting"].participants == ("person/kamau", "person/mukamana")
    assert found["Meeting"].planned and found["Meeting"].date == dt.date(2024, 11, 11)
    assert (found["Visit"].agent, found["Visit"].recipient) == ("person/mukamana", "person/kamau")


def test_concession_goes_to_the_winner_named_in_the_sentence():
    # "In his concession speech, Aguirre acknowledged the victory of Beltran."
    doc = make_doc("In/ADP/prep/6 his/PRON/poss/3//PRP$ concession/NOUN/compound/3 speech/NOUN/pobj/0 ,/PUNCT/punct/6 "
                   "Aguirre/PROPN/nsubj/6 acknowledged/VERB/ROOT/6/acknowledge the/DET/det/8 victory/NOUN/dobj/6 "
                   "of/ADP/prep/8 Beltran/PROPN/pobj/9 ./PUNCT/punct/6", ents=[(5, 6, "PERSON"), (10, 11, "PERSON")])
    found = summary(events(doc))
    assert ("Concession", "person/aguirre", "person/beltran", ()) in found
    assert ("Victory", "person/beltran", "", ()) in found
    assert ("Statement", "person/aguirre", "", ()) in found


def test_topic_keeps_hyphenated_words_and_skips_dates():
    # "Biden congratulated Erdogan on Sunday on his re-election."
    doc = make_doc("Biden/PROPN/nsubj/1 congratulated/VERB/ROOT/1/congratulate Erdogan/PROPN/dobj/1 on/ADP/prep/1 "
                   "Sunday/PROPN/pobj/3 on/ADP/prep/1 his/PRON/poss/7//PRP$ re/NOUN/pobj/5 -/PUNCT/punct/7 "
                   "election/NOUN/compound/7 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "DATE")])
    (congratulation,) = events(doc)
    assert congratulation.topic == "his re-election"
    assert congratulation.date == dt.date(2024, 11, 3)


def test_visit_under_a_planning_noun_is_planned():
    # "They discussed plans for Modi to visit Washington."
    doc = make_doc("They/PRON/nsubj/1 discussed/VERB/ROOT/1/discuss plans/NOUN/dobj/1/plan for/SCONJ/mark/6 "
                   "Modi/PROPN/nsubj/6 to/PART/aux/6 visit/VERB/acl/2/visit/VB Washington/PROPN/dobj/6 ./PUNCT/punct/1",
                   ents=[(4, 5, "PERSON"), (7, 8, "GPE")])
    (visit,) = events(doc)
    assert (visit.kind, visit.agent, visit.recipient, visit.planned) == ("Visit", "person/modi", "place/washington", True)


def test_object_of_win_is_a_prize_but_object_of_defeat_is_the_opponent():
    won = make_doc("Trump/PROPN/nsubj/1 won/VERB/ROOT/1/win Georgia/PROPN/dobj/1 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "GPE")])
    defeated = make_doc("Milei/PROPN/nsubj/1 defeated/VERB/ROOT/1/defeat Massa/PROPN/dobj/1 ./PUNCT/punct/1",
                        ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    (victory,) = events(won)
    assert (victory.agent, victory.opponent) == ("person/trump", None)
    (victory,) = events(defeated)
    assert (victory.agent, victory.opponent) == ("person/milei", "person/massa")


def test_by_phone_parsed_as_passive_agent_still_makes_a_call_with_an_apposed_partner():
    # "Aydin and his counterpart, Eleni Pappas, talked by phone."  ("by" mis-parsed as a passive agent)
    doc = make_doc("Aydin/PROPN/nsubj/8 and/CCONJ/cc/0 his/PRON/poss/3//PRP$ counterpart/NOUN/conj/0 ,/PUNCT/punct/3 "
                   "Eleni/PROPN/compound/6 Pappas/PROPN/npadvmod/8 ,/PUNCT/punct/3 talked/VERB/ROOT/8/talk "
                   "by/ADP/agent/8 phone/NOUN/pobj/9 ./PUNCT/punct/8", ents=[(0, 1, "PERSON"), (5, 7, "PERSON")])
    assert summary(events(doc)) == [("PhoneCall", "", "", ("person/aydin", "person/eleni-pappas"))]


def test_partner_hanging_off_the_object_noun():
    # "Le Pen conceded defeat to Macron."
    doc = make_doc("Le/PROPN/compound/1 Pen/PROPN/nsubj/2 conceded/VERB/ROOT/2/concede defeat/NOUN/dobj/2 to/ADP/prep/3 "
                   "Macron/PROPN/pobj/4 ./PUNCT/punct/2", ents=[(0, 2, "PERSON"), (5, 6, "PERSON")])
    assert summary(events(doc)) == [("Concession", "person/le-pen", "person/macron", ())]


def test_a_summit_after_which_they_did_not_speak_is_not_their_meeting():
    # "Varga did not call de Vries after the summit."
    doc = make_doc("Varga/PROPN/nsubj/3 did/AUX/aux/3/do not/PART/neg/3 call/VERB/ROOT/3/call/VB Vries/PROPN/dobj/3 "
                   "after/ADP/prep/3 the/DET/det/7 summit/NOUN/pobj/5 ./PUNCT/punct/3",
                   ents=[(0, 1, "PERSON"), (4, 5, "PERSON")])
    assert [(e.kind, e.negated) for e in events(doc)] == [("PhoneCall", True)]


def test_an_implicit_visit_destination_is_not_taken_from_a_sibling_clause():
    # "Jaziri congratulated Vella and invited her to visit."  → no Visit towards Jaziri
    doc = make_doc("Jaziri/PROPN/nsubj/1 congratulated/VERB/ROOT/1/congratulate Vella/PROPN/dobj/1 and/CCONJ/cc/1 "
                   "invited/VERB/conj/1/invite her/PRON/dobj/4 to/PART/aux/7 visit/VERB/xcomp/4/visit/VB "
                   "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    kinds = summary(events(doc))
    assert ("Invitation", "person/jaziri", "person/vella", ()) in kinds
    assert not any(kind == "Visit" for kind, *_ in kinds)


def test_according_to_attributes_the_sentence_whatever_the_tag_of_according():
    # "Tamm condemned Sokol, according to the Foreign Ministry." ("according" tagged as a verb)
    doc = make_doc("Tamm/PROPN/nsubj/1 condemned/VERB/ROOT/1/condemn Sokol/PROPN/dobj/1 ,/PUNCT/punct/1 "
                   "according/VERB/prep/1/accord to/ADP/prep/4 the/DET/det/8 Foreign/PROPN/compound/8 "
                   "Ministry/PROPN/pobj/5 ./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 9, "ORG")])
    assert ("Statement", "organization/foreign-ministry", "", ()) in summary(events(doc))


def test_an_attribution_cue_added_to_the_ontology_attributes_the_sentence_to_its_source():
    # "Tamm condemned Sokol, per the Harbour Gazette." attributes nothing until the ontology lists
    # "per" as an attribution cue of Statement: "according to" is no special case in the code.
    doc = make_doc("Tamm/PROPN/nsubj/1 condemned/VERB/ROOT/1/condemn Sokol/PROPN/dobj/1 ,/PUNCT/punct/1 "
                   "per/ADP/prep/1 the/DET/det/7 Harbour/PROPN/compound/7 Gazette/PROPN/pobj/4 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (6, 8, "ORG")])
    gazette = ("Statement", "organization/harbour-gazette", "", ())
    assert gazette not in summary(events(doc))
    edited = ontology_copy()
    edited.add((NG.Statement, NG.attributionCue, Literal("per")))
    found = events(doc, lexicon=lexicon_from_graph(edited))
    assert gazette in summary(found)
    assert next(e for e in found if e.kind == "Statement").trigger == "per"


def test_a_concession_goes_to_whoever_beat_the_conceder_in_the_article():
    # "Ruiz defeated Okafor." / "Okafor conceded on Sunday." (two paragraphs): directed, to the winner
    defeat = make_doc("Ruiz/PROPN/nsubj/1 defeated/VERB/ROOT/1/defeat Okafor/PROPN/dobj/1 ./PUNCT/punct/1",
                      ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    conceded = make_doc("Okafor/PROPN/nsubj/1 conceded/VERB/ROOT/1/concede on/ADP/prep/1 Sunday/PROPN/pobj/2 "
                        "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (3, 4, "DATE")])
    assert ("Concession", "person/okafor", "person/ruiz", ()) in summary(events(defeat, conceded))
    # with no winner anywhere, a concession names no one it went to, so it is no event
    assert not [e for e in events(conceded) if e.kind == "Concession"]


def test_a_concession_goes_to_the_one_the_conceder_congratulates_in_its_sentence():
    # "Ruiz won. Lee won." / "Okafor conceded and congratulated Lee." (two winners in the article)
    won = make_doc("Ruiz/PROPN/nsubj/1 won/VERB/ROOT/1/win ./PUNCT/punct/1 Lee/PROPN/nsubj/4 won/VERB/ROOT/4/win "
                   "./PUNCT/punct/4", ents=[(0, 1, "PERSON"), (3, 4, "PERSON")])
    conceded = make_doc("Okafor/PROPN/nsubj/1 conceded/VERB/ROOT/1/concede and/CCONJ/cc/1 "
                        "congratulated/VERB/conj/1/congratulate Lee/PROPN/dobj/3 ./PUNCT/punct/1",
                        ents=[(0, 1, "PERSON"), (4, 5, "PERSON")])
    assert ("Concession", "person/okafor", "person/lee", ()) in summary(events(won, conceded))


def test_speaker_after_the_verb_in_quote_inversion():
    # '"We regret it," said the Foreign Ministry after the court ruled.'  (the parser gives the
    # ministry to "ruled")
    doc = make_doc('"/PUNCT/punct/6 We/PRON/nsubj/2 regret/VERB/ccomp/6 it/PRON/dobj/2 ,/PUNCT/punct/6 "/PUNCT/punct/6 '
                   "said/VERB/ROOT/6/say the/DET/det/9 Foreign/PROPN/compound/9 Ministry/PROPN/nsubj/13 "
                   "after/SCONJ/mark/13 the/DET/det/12 court/NOUN/nsubj/13 ruled/VERB/advcl/6/rule ./PUNCT/punct/6",
                   ents=[(8, 10, "ORG")])
    assert summary(events(doc)) == [("Statement", "organization/foreign-ministry", "", ())]


def test_a_past_event_with_no_date_of_its_own_takes_the_day_the_story_stands_at():
    # "Ruiz called Lee on Monday." / "Ruiz met Okafor." (a Thursday article): the meeting is Monday's
    monday = make_doc("Ruiz/PROPN/nsubj/1 called/VERB/ROOT/1/call Lee/PROPN/dobj/1 on/ADP/prep/1 Monday/PROPN/pobj/3 "
                      "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "DATE")])
    met = make_doc("Ruiz/PROPN/nsubj/1 met/VERB/ROOT/1/meet Okafor/PROPN/dobj/1 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    meeting = next(e for e in events(monday, met) if e.kind == "Meeting")
    assert meeting.date == dt.date(2024, 11, 4)
    # "Last month, Ruiz called Lee." moves the story to no day we know: the meeting stays undated
    last_month = make_doc("Last/ADJ/amod/1 month/NOUN/npadvmod/4 ,/PUNCT/punct/4 Ruiz/PROPN/nsubj/4 "
                          "called/VERB/ROOT/4/call Lee/PROPN/dobj/4 ./PUNCT/punct/4",
                          ents=[(0, 2, "DATE"), (3, 4, "PERSON"), (5, 6, "PERSON")])
    assert next(e for e in events(last_month, met) if e.kind == "Meeting").date is None
    # a planned event never takes it
    planned = make_doc("Ruiz/PROPN/nsubj/2 will/AUX/aux/2 meet/VERB/ROOT/2/meet Lee/PROPN/dobj/2 ./PUNCT/punct/2",
                       ents=[(0, 1, "PERSON"), (3, 4, "PERSON")])
    assert next(e for e in events(monday, planned) if e.kind == "Meeting").date is None


def test_a_meeting_a_statement_reports_happened():
    # (an invitation to visit stays planned: test_events_news.py, an accepted invitation …)
    # "Ruiz said in a statement that Lee had met Berg on Tuesday." (the parse hangs "met" on "statement")
    reported = make_doc("Ruiz/PROPN/nsubj/1 said/VERB/ROOT/1/say in/ADP/prep/1 a/DET/det/4 statement/NOUN/pobj/2 "
                        "that/SCONJ/mark/8 Lee/PROPN/nsubj/8 had/AUX/aux/8/have/VBD met/VERB/acl/4/meet/VBN "
                        "Berg/PROPN/dobj/8 on/ADP/prep/8 Tuesday/PROPN/pobj/10 ./PUNCT/punct/1",
                        ents=[(0, 1, "PERSON"), (6, 7, "PERSON"), (9, 10, "PERSON"), (11, 12, "DATE")])
    meeting = next(e for e in events(reported) if e.kind == "Meeting")
    assert not meeting.planned and meeting.date == dt.date(2024, 11, 5)


def test_a_name_after_a_comma_that_speaks_is_no_apposition_of_the_noun_before_it():
    # "Lee and Berg welcomed the talks, Ruiz reported.": Ruiz is no one the talks welcomed
    doc = make_doc("Lee/PROPN/nsubj/3 and/CCONJ/cc/0 Berg/PROPN/conj/0 welcomed/VERB/ccomp/8/welcome the/DET/det/5 "
                   "talks/NOUN/dobj/3/talk/NNS ,/PUNCT/punct/8 Ruiz/PROPN/nsubj/8 reported/VERB/ROOT/8/report "
                   "./PUNCT/punct/8", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "PERSON")])
    assert not [e for e in events(doc) if e.kind == "Visit"]
    # "Ruiz met her counterpart, Eleni Pappas, in Athens.": the apposition the parser lost still counts
    met = make_doc("Ruiz/PROPN/nsubj/1 met/VERB/ROOT/1/meet her/PRON/poss/3//PRP$ counterpart/NOUN/dobj/1 ,/PUNCT/punct/3 "
                   "Eleni/PROPN/compound/6 Pappas/PROPN/npadvmod/1 ,/PUNCT/punct/1 in/ADP/prep/1 Athens/PROPN/pobj/8 "
                   "./PUNCT/punct/1", ents=[(0, 1, "PERSON"), (5, 7, "PERSON"), (9, 10, "GPE")])
    assert [e.participants for e in events(met) if e.kind == "Meeting"] == [("person/eleni-pappas", "person/ruiz")]


def test_would_marks_a_planned_event_where_a_statement_reports_it_only():
    # "Lee said Ruiz would visit Porto." / "Ruiz would later visit Porto." (narrated: it happened)
    reported = make_doc("Lee/PROPN/nsubj/1 said/VERB/ROOT/1/say Ruiz/PROPN/nsubj/4 would/AUX/aux/4 "
                        "visit/VERB/ccomp/1/visit/VB Porto/PROPN/dobj/4 ./PUNCT/punct/1",
                        ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (5, 6, "GPE")])
    assert next(e for e in events(reported) if e.kind == "Visit").planned
    narrated = make_doc("Ruiz/PROPN/nsubj/3 would/AUX/aux/3 later/ADV/advmod/3 visit/VERB/ROOT/3/visit/VB "
                        "Porto/PROPN/dobj/3 ./PUNCT/punct/3", ents=[(0, 1, "PERSON"), (4, 5, "GPE")])
    assert not next(e for e in events(narrated) if e.kind == "Visit").planned
    # "Ruiz said Lee would travel to Porto to meet Berg.": the purpose is as planned as the trip
    purpose = make_doc("Ruiz/PROPN/nsubj/1 said/VERB/ROOT/1/say Lee/PROPN/nsubj/4 would/AUX/aux/4 "
                       "travel/VERB/ccomp/1/travel/VB to/ADP/prep/4 Porto/PROPN/pobj/5 to/PART/aux/8 "
                       "meet/VERB/advcl/4/meet/VB Berg/PROPN/dobj/8 ./PUNCT/punct/1",
                       ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (6, 7, "GPE"), (9, 10, "PERSON")])
    assert next(e for e in events(purpose) if e.kind == "Meeting").planned


def test_a_plan_dated_only_vaguely_in_its_own_clause_takes_no_day_from_the_statement():
    # "Ruiz said on Monday that Lee would visit Porto next week.": no visit on a Monday
    doc = make_doc("Ruiz/PROPN/nsubj/1 said/VERB/ROOT/1/say on/ADP/prep/1 Monday/PROPN/pobj/2 that/SCONJ/mark/7 "
                   "Lee/PROPN/nsubj/7 would/AUX/aux/7 visit/VERB/ccomp/1/visit/VB Porto/PROPN/dobj/7 "
                   "next/ADJ/amod/10 week/NOUN/npadvmod/7 ./PUNCT/punct/1",
                   ents=[(0, 1, "PERSON"), (3, 4, "DATE"), (5, 6, "PERSON"), (8, 9, "GPE"), (9, 11, "DATE")])
    found = events(doc)
    visit = next(e for e in found if e.kind == "Visit")
    assert visit.planned and visit.date is None
    assert next(e for e in found if e.kind == "Statement").date == dt.date(2024, 11, 4)


def test_signing_a_memorandum_of_understanding_is_an_agreement():
    # "Ixland and Oxland signed a memorandum of understanding."
    doc = make_doc("Ixland/PROPN/nsubj/3 and/CCONJ/cc/0 Oxland/PROPN/conj/0 signed/VERB/ROOT/3/sign a/DET/det/5 "
                   "memorandum/NOUN/dobj/3 of/ADP/prep/5 understanding/NOUN/pobj/6 ./PUNCT/punct/3",
                   ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert summary(events(doc)) == [("Agreement", "", "", ("place/ixland", "place/oxland"))]


def test_a_mention_replaced_is_the_one_dataclasses_replace_makes():
    import dataclasses

    from graph.extraction.events.mention import EventMention, replaced

    mention = EventMention(kind="PhoneCall", trigger="call", paragraph=2, token=5, agent="ruiz", planned=True)
    ours = replaced(mention, recipient="okafor", participants=("lee",), planned=False)
    assert ours == dataclasses.replace(mention, recipient="okafor", participants=("lee",), planned=False)
    assert hash(ours) == hash(dataclasses.replace(mention, recipient="okafor", participants=("lee",), planned=False))
    assert mention.recipient is None and mention.planned  # the original is left as it was
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours.agent = "lee"
    with pytest.raises(TypeError, match="recipeint"):
        replaced(mention, recipeint="okafor")
