"""GUM named-entity scoring on a tiny hand-written GUM-like file and hand-built records (no model)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.evaluation.gum import GumReport, format_gum_report, gum_articles, score_gum_graph
from graph.evaluation.gum_names import GumMention, gum_entities, read_mentions
from graph.ingest import InputError
from graph.rdf.mapping import to_rdf
from graph.records import Document, DocumentGraph, Entity

ARTICLE = """Police question Mayor Ann Lee

Monday, May 4, 2015

The police said Mayor Ann Lee met Acme Corp in Springfield. People gathered. Lee praised the city.
Bob Ray of the Acme Corp and Sue Kim of Beta Inc spoke to reporters."""

# sentence 1 is the title; the article's own sentences follow.
MENTIONS = [
    ("1", "organization", "", "s1", 1, 1, "Police"),
    ("2", "person", "", "s1", 3, 5, "Mayor Ann Lee"),
    ("1", "organization", "", "s3", 1, 2, "The police"),
    ("2", "person", "", "s3", 4, 6, "Mayor Ann Lee"),
    ("3", "organization", "Acme_Corporation", "s3", 8, 9, "Acme Corp"),
    ("4", "place", "Springfield", "s3", 11, 11, "Springfield"),
    ("5", "person", "", "s4", 1, 1, "People"),
    ("2", "person", "", "s5", 1, 1, "Lee"),
    ("6", "place", "", "s5", 3, 4, "the city"),
    ("2", "person", "", "s5", 5, 5, "her"),
    ("7", "person", "", "s6", 1, 11, "Bob Ray of the Acme Corp and Sue Kim of Beta Inc"),
    ("8", "person", "", "s6", 1, 5, "Bob Ray of the Acme Corp"),
    ("3", "organization", "Acme_Corporation", "s6", 4, 5, "the Acme Corp"),
    ("9", "person", "", "s6", 7, 11, "Sue Kim of Beta Inc"),
    ("10", "organization", "", "s6", 10, 11, "Beta Inc"),
    ("11", "abstract", "", "s6", 12, 12, "Reporters"),
]


def mentions():
    return [GumMention(*row) for row in MENTIONS]


def named_labels():
    return sorted(e.label for e in gum_entities(mentions(), ARTICLE) if e.named)


def entity(key, kind, name, *aliases):
    return Entity(key=key, kind=kind, name=name, aliases=(name, *aliases))


def score_article(article, rows, *entities):
    """Score a graph of `entities` for `article` against GUM mention rows of it."""
    graph = to_rdf([DocumentGraph(Document("gum-test", article), tuple(entities), ())])
    return score_gum_graph(graph, gum_entities([GumMention(*row) for row in rows], article), "gum-test")


def score(*entities):
    document = Document(id="gum-test", text=ARTICLE)
    graph = to_rdf([DocumentGraph(document, tuple(entities), ())])
    return score_gum_graph(graph, gum_entities(mentions(), ARTICLE), "gum-test")


def test_named_mentions_exclude_descriptions_pronouns_and_sentence_openers():
    # "Police"/"People" are capitalised by position; "the city" is lower case; "her" a pronoun;
    # the coordination of Bob Ray and Sue Kim is two people; "Reporters" is not a person etype.
    assert named_labels() == ["Acme Corp", "Beta Inc", "Bob Ray", "Mayor Ann Lee", "Springfield", "Sue Kim"]


def test_a_person_mention_with_a_modifier_also_counts_as_the_bare_name():
    bob = next(e for e in gum_entities(mentions(), ARTICLE) if e.key == "person:#8")
    assert bob.named == {"bob ray", "bob ray of the acme corp"}


def test_a_place_with_its_region_also_counts_as_the_bare_place_and_possessives_name_nothing():
    rows = [("1", "place", "Irving,_Texas", "s1", 3, 5, "Irving , Texas"), ("2", "place", "Texas", "s1", 5, 5, "Texas"),
            ("3", "person", "", "s2", 1, 4, "Malaysia 's Prime Minister")]
    entities = {e.key: e for e in gum_entities([GumMention(*r) for r in rows], "In Irving, Texas. Malaysia's PM.")}
    assert entities["place:Irving,_Texas"].named == {"irving texas", "irving"}
    assert entities["place:Texas"].named == {"texas"}  # not nested in a name: ", Texas" is a modifier
    assert not entities["person:#3"].named


def test_a_person_named_after_a_descriptor_is_named_by_the_capitalised_words_that_end_the_mention():
    rows = [("1", "person", "", "s1", 3, 6, "FTU 's Alice Mak"), ("2", "organization", "", "s1", 3, 3, "FTU"),
            ("3", "person", "", "s1", 8, 10, "actor Jason Beghe"), ("4", "person", "", "s1", 12, 13, "the girls")]
    entities = {e.key: e for e in gum_entities([GumMention(*r) for r in rows], "As FTU's Alice Mak and actor ...")}
    assert [entities[k].named for k in ("person:#1", "organization:#2", "person:#3", "person:#4")] == [
        {"alice mak"}, {"ftu"}, {"jason beghe"}, set()]


def test_a_hyphenated_descriptor_before_a_name_is_not_part_of_it_but_a_hyphenated_surname_is():
    rows = [("1", "person", "", "s1", 1, 5, "Pro - reform Ana Ruiz"), ("2", "person", "", "s2", 1, 4, "Wong Pik - wan")]
    article = "Pro-reform Ana Ruiz won. Wong Pik-wan lost. Ruiz is pro-reform."
    entities = entities_by_key(rows, article)
    assert entities["person:#1"].named == {"ana ruiz"}
    assert entities["person:#2"].named == {"wong pik wan"}


def test_a_person_mention_holding_an_organization_is_named_by_the_words_after_it():
    rows = [("1", "person", "", "s1", 1, 7, "Director of the Acme Corp Ana Ruiz"),
            ("2", "organization", "", "s1", 3, 5, "the Acme Corp"),
            ("3", "person", "", "s1", 9, 13, "Bob Ray of the Acme Corp"), ("2", "organization", "", "s1", 12, 13, "Acme Corp")]
    entities = {e.key: e for e in gum_entities([GumMention(*r) for r in rows], "Director of ... said.")}
    assert entities["person:#1"].named == {"ana ruiz"}
    assert entities["organization:#2"].named == {"acme corp"}  # not hidden inside the person's mention
    assert entities["person:#3"].named == {"bob ray", "bob ray of the acme corp"}


def test_found_entities_false_positives_and_purity_per_kind():
    result = score(entity("person/ann-lee", "Person", "Ann Lee", "Lee"),
                   entity("organization/acme-corp", "Organization", "Acme Corp"),
                   entity("place/springfield", "Place", "Springfield"),
                   entity("person/bob-ray", "Person", "Bob Ray"),
                   entity("person/zed", "Person", "Zed Zedson"))
    by_kind = dict(result.by_kind)
    assert (by_kind["Person"].tp, by_kind["Person"].fp, by_kind["Person"].fn) == (2, 1, 1)
    assert (by_kind["Organization"].tp, by_kind["Organization"].fn) == (1, 1)
    assert by_kind["Place"].tp == 1
    assert result.false_positives == ("Zed Zedson (Person)",)
    assert sorted(result.missed) == ["Beta Inc (Organization)", "Sue Kim (Person)"]
    assert (result.purity.hits, result.purity.total) == (4, 4)


def entities_by_key(rows, article: str) -> dict:
    """The GUM entities of hand-written mention rows, by key."""
    return {e.key: e for e in gum_entities([GumMention(*r) for r in rows], article)}


def test_a_title_before_the_name_still_lands_on_the_person():
    # "Mayor Ann Lee" lands on the node named "Ann Lee", the longest name ending the mention.
    result = score(entity("person/ann-lee", "Person", "Ann Lee"), entity("person/lee", "Person", "Lee"))
    assert dict(result.by_kind)["Person"].tp == 1
    assert result.split == ("Mayor Ann Lee: Ann Lee, Lee",)
    assert (result.purity.hits, result.purity.total) == (0, 1)


def test_a_node_of_the_wrong_kind_or_matching_a_description_is_neutral():
    result = score(entity("place/acme-corp", "Place", "Acme Corp"),
                   entity("organization/police", "Organization", "the police"))
    by_kind = dict(result.by_kind)
    assert by_kind["Organization"].tp == 0 and by_kind["Organization"].fn == 2
    assert result.wrong_kind == ("Acme Corp (Organization, found as Place)",)
    assert by_kind["Place"].fp == 0 and by_kind["Organization"].fp == 0


def test_report_sums_documents_and_ends_with_the_headline():
    one = score(entity("place/springfield", "Place", "Springfield"))
    two = score(entity("place/springfield", "Place", "Springfield"), entity("place/x", "Place", "Xanadu"))
    report = GumReport((one, two))
    assert (report.by_kind["Place"].tp, report.by_kind["Place"].fp) == (2, 1)
    assert report.overall.fn == 2 * 5
    last = format_gum_report(report, verbose=True).splitlines()[-1]
    assert last == "gum entities P=0.67 R=0.17 F1=0.27 purity=1.00 (2/2)"
    assert report.as_dict(verbose=True)["per_document"][1]["false_positives"] == ["Xanadu (Place)"]


def write_gum_folder(tmp_path, with_text=True):
    gum = tmp_path / "gum"
    gum.mkdir()
    lines = [json.dumps(dict(zip(("eid", "etype", "identity", "sent_id", "start_tok", "end_tok", "text"), row)))
             for row in MENTIONS]
    (gum / "mayor.entities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if with_text:
        (tmp_path / "mayor.txt").write_text(ARTICLE, encoding="utf-8")
    return gum


def test_articles_are_read_with_their_header_split_off(tmp_path):
    [(document, entities)] = gum_articles(write_gum_folder(tmp_path))
    assert document.id == "mayor" and document.title == "Police question Mayor Ann Lee"
    # the headline opens the text (GUM annotates its names too); the date line is no part of it
    assert str(document.date) == "2015-05-04"
    assert document.text.startswith("Police question Mayor Ann Lee\n\nThe police said")
    assert len([e for e in entities if e.named]) == 6


def test_bad_gum_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no GUM"):
        gum_articles(tmp_path)
    with pytest.raises(InputError, match="mayor.txt: no such text file"):
        gum_articles(write_gum_folder(tmp_path, with_text=False))
    bad = tmp_path / "bad.entities.jsonl"
    bad.write_text('{"eid": "1"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.entities.jsonl:1: not a GUM mention"):
        read_mentions(bad)


def test_cli_needs_gold_or_gum(tmp_path):
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 1 and "give a gold .jsonl file, --gum DIR, or both" in result.output
    result = CliRunner().invoke(main, ["evaluate", "--gum", str(tmp_path)])
    assert result.exit_code == 1 and "no GUM *.entities.jsonl files there" in result.output


def test_a_group_node_counts_as_the_person_entity_gum_makes_of_a_group():
    # GUM types the group "Palestinians" as a person; newsgraph makes an ng:Group node of it
    result = score_article("Talks in Gaza\n\nMonday, May 4, 2015\n\nThe envoy met Palestinians in Gaza.",
                           [("1", "person", "", "s3", 4, 4, "Palestinians"), ("2", "place", "Gaza", "s3", 6, 6, "Gaza")],
                           entity("group/palestinians", "Group", "Palestinians"), entity("group/zeds", "Group", "Zeds"))
    by_kind = dict(result.by_kind)
    assert (by_kind["Person"].tp, by_kind["Person"].fp) == (1, 1)
    assert result.false_positives == ("Zeds (Person)",)


def test_relative_clauses_locations_of_organizations_and_elided_particles_are_not_the_name():
    rows = [("1", "person", "", "s1", 2, 7, "Ana , who is our editor"),
            ("2", "organization", "", "s1", 8, 17, "The Daily Planet , which writes the headline first"),
            ("3", "organization", "", "s2", 1, 9, "the Centre for Marine Study at the University of Oslo"),
            ("4", "organization", "", "s2", 7, 9, "the University of Oslo"),
            ("5", "person", "", "s3", 2, 5, "Prof. Lucia d'Amato")]
    article = "Then Ana, who is our editor, met The Daily Planet. The Centre works. Prof. Lucia d'Amato spoke."
    entities = entities_by_key(rows, article)
    assert entities["person:#1"].named == {"ana"}
    assert entities["organization:#2"].named == {"daily planet"}
    assert entities["organization:#3"].named == {"centre for marine study"}
    assert entities["organization:#4"].named == {"university of oslo"}
    assert entities["person:#5"].named == {"prof lucia damato"}


def test_a_place_with_its_region_and_country_is_no_coordination_but_two_joined_names_are():
    rows = [("1", "place", "", "s1", 3, 7, "Bergen , Vestland , Norway"), ("2", "place", "", "s1", 5, 5, "Vestland"),
            ("3", "place", "", "s1", 7, 7, "Norway"),
            ("4", "place", "", "s2", 2, 4, "Oslo and Bergen"), ("5", "place", "", "s2", 2, 2, "Oslo"),
            ("6", "place", "", "s2", 4, 4, "Bergen")]
    article = "Held in Bergen, Vestland, Norway. Both Oslo and Bergen agreed."
    entities = entities_by_key(rows, article)
    assert "bergen" in entities["place:#1"].named
    assert not entities["place:#4"].named


def test_a_reading_list_name_written_surname_first_is_the_person():
    rows = [("1", "person", "Karl_Marx", "s1", 3, 5, "Marx , Karl")]
    article = "Reading list: Marx, Karl. Capital."
    (marx,) = gum_entities([GumMention(*r) for r in rows], article)
    assert marx.named == {"marx karl", "karl marx", "marx"}


def test_a_node_named_by_the_proper_noun_ending_a_description_is_neutral():
    # "southern Norway" is a place GUM does not name; a node "Norway" is not wrong, so no false
    # positive; "author of Peer Gynt" is built on no "Peer Gynt" person, so that node still is one.
    result = score_article("Trip north\n\nMonday, May 4, 2015\n\nThe author of Peer Gynt lived in southern Norway.",
                           [("1", "person", "", "s3", 1, 5, "The author of Peer Gynt"),
                            ("2", "place", "", "s3", 8, 9, "southern Norway")],
                           entity("place/norway", "Place", "Norway"), entity("person/peer-gynt", "Person", "Peer Gynt"))
    assert result.false_positives == ("Peer Gynt (Person)",)


def test_a_name_inside_the_capitalised_name_of_an_event_or_work_is_not_gold_but_one_outside_is():
    rows = [("1", "event", "", "s1", 3, 5, "the Crimean War"), ("2", "place", "Crimea", "s1", 4, 4, "Crimean"),
            ("3", "abstract", "", "s1", 7, 9, "Nobel Peace Prize"), ("4", "person", "", "s1", 7, 7, "Nobel"),
            ("5", "object", "", "s2", 2, 3, "Godiva chocolate"), ("6", "organization", "", "s2", 2, 2, "Godiva")]
    article = "After the Crimean War a Nobel Peace Prize came. Some Godiva chocolate too."
    entities = entities_by_key(rows, article)
    assert not entities["place:Crimea"].named and not entities["person:#4"].named
    assert entities["organization:#6"].named == {"godiva"}  # "Godiva chocolate" is no name


def test_a_name_and_a_pronoun_are_a_group_not_a_name():
    # "Rebecca and I" is capitalised throughout ("I" is), yet a coordination: only Rebecca is named
    rows = [("1", "person", "", "s1", 2, 2, "Rebecca"), ("2", "person", "", "s1", 2, 4, "Rebecca and I"),
            ("3", "person", "", "s2", 1, 1, "I")]
    article = "Then Rebecca and I wrote it. I did."
    entities = entities_by_key(rows, article)
    assert entities["person:#1"].named == {"rebecca"}
    assert not entities["person:#2"].named


def test_a_mention_that_writes_its_wikipedia_identity_is_named_by_it():
    # "the Bay of Bengal area" names the bay (not all its words are capitalised), so "Bengal" inside it is
    # no name of its own; the possessive of "Oxford 's Pitt Rivers Museum" hides no name either
    rows = [("1", "place", "Bay_of_Bengal", "s1", 4, 8, "the Bay of Bengal area"),
            ("2", "place", "Bengal", "s1", 7, 7, "Bengal"),
            ("3", "organization", "Pitt_Rivers_Museum", "s2", 2, 6, "Oxford 's Pitt Rivers Museum"),
            ("4", "place", "Oxford", "s2", 2, 2, "Oxford")]
    article = "A cyclone hit the Bay of Bengal area. At Oxford's Pitt Rivers Museum, talks."
    entities = entities_by_key(rows, article)
    assert entities["place:Bay_of_Bengal"].named == {"bay of bengal"}
    assert not entities["place:Bengal"].named
    assert entities["organization:Pitt_Rivers_Museum"].named == {"pitt rivers museum"}
    assert entities["place:Oxford"].named == {"oxford"}


def test_an_editors_insertion_in_brackets_may_be_left_out_of_the_name():
    rows = [("1", "person", "", "s1", 2, 8, "Jeff [ Drake ] , who is behind the camera")]
    article = "There's Jeff [Drake], who is behind the camera."
    (jeff,) = gum_entities([GumMention(*r) for r in rows], article)
    assert jeff.named == {"jeff drake", "jeff"}
