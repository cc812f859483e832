"""Name mentions of a parsed document: the model's entities and the names it missed, repaired (spans.py),
with the titles written around them (titles.py)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_LOWER, IS_QUOTE, IS_TITLE, ORTH, SENT_START

from ...lexicon import Lexicon
from ...records import ORGANIZATION
from ..deps import APPOS, ATTR, COMPOUND, CONJ, DATIVE, DOBJ, NSUBJ, NSUBJPASS, POBJ
from ..nlp import SENTENCE_START, ParsedDocument, children_with, column, ids, span
from .cues import LABEL_KIND as NER_KIND
from .evidence import national_adjective
from .kinds import body_names, cue_kind, untagged_names
from .spans import (
    clean_span,
    common_word_opening,
    extend_name,
    extend_name_left,
    joined_country_names,
    norp_prefix,
    occasion_name,
    opening_participle,
    plural_description,
    post_nominal,
    relabel,
    shared_head,
    split_glued,
    work_title,
)
from .titles import (
    QUALIFIER_LABELS,
    apposed_title,
    is_title_head,
    part_of_title,
    qualifier_before_title,
    segment_words,
    title_case,
    title_led_names,
    title_run_start,
    title_segments,
    title_words,
)


@dataclass
class NameMention:
    paragraph: int
    start: int  # token index of the name (titles excluded)
    end: int
    text: str
    label: str
    titles: list[str] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)  # the name with its titles, as written
    organization_span: tuple[int, int] | None = None  # tokens of the org of an apposed title
    in_brackets: bool = False  # "(KCNA)"
    relabelled: bool = False  # the context overrode the model's label ("presidential office Cheong Wa Dae")

    @functools.cached_property
    def tokens(self) -> int:  # the rules ask it of every mention many times; the text is never changed
        return len(self.text.split())


def dateline_names(doc) -> list[tuple[int, int, str]]:
    """'CHICAGO/MONTREAL (Reuters) -', 'Tokyo, Nov. 11 (Jiji Press)--': a dateline opens with the places
    the story was filed from and names the agency in brackets, whatever the model tagged."""
    names, start, in_brackets, places_done = [], 0, False, False
    for token in doc:
        closing = token.text.startswith(")")
        boundary = token.text in ("/", ",", "(") or closing or token.is_punct and not in_brackets and token.text != "."
        if not boundary and token.i < len(doc) - 1:
            continue
        end = token.i if boundary else token.i + 1
        words = span(doc, start, end)
        if (in_brackets or not places_done) and any(t.is_alpha for t in words) and not any(t.like_num for t in words):
            names.append((start, end, "ORG" if in_brackets else "GPE"))
        if token.text == "," and not in_brackets or token.text == "(":
            places_done = True  # what follows a comma is the day, not a place
        in_brackets = token.text == "(" or in_brackets and not closing
        start = token.i + 1
    return names


def find_name_mentions(parsed: ParsedDocument, lexicon: Lexicon) -> list[NameMention]:
    """Cleaned name mentions of every paragraph, with the titles written around them."""
    found: list[NameMention] = []
    people = person_words(parsed)
    lower_ids, capitalised_ids = written_forms(parsed)
    for p_index, unit in enumerate(parsed.paragraphs):
        doc = unit.doc
        if unit.paragraph.is_dateline:
            found += [NameMention(p_index, start, end, span(doc, start, end).text, label)
                      for start, end, label in dateline_names(doc)]
            continue
        bodies = body_names(doc, lexicon)
        in_body = {i for start, end, _ in bodies for i in range(start, end)}
        spans = [(ent.start, ent.end, ent.label_) for ent in doc.ents
                 if ent.label_ in NER_KIND and not in_body & set(range(ent.start, ent.end))] + bodies
        spans += group_names(doc, lexicon)
        taken = {i for start, end, _ in spans for i in range(start, end)}
        spans += [(start, end, "PERSON") for start, end in title_led_names(doc, taken, lexicon)]
        spans += untagged_names(doc, taken, lexicon, title_words(lexicon))
        spans = joined_country_names(doc, spans)
        spans = [part for span in spans for part in split_glued(doc, *span, lexicon, people)]
        spans = [(extend_name_left(doc, start, end, label, lexicon), end, label) for start, end, label in spans]
        person_tokens = frozenset(i for start, end, label in spans if label == "PERSON" for i in range(start, end))
        for start, end, label in sorted(spans):
            start, end = clean_span(doc, start, end, label, lexicon)
            # a letter somewhere: "U.S." and "U.N." are no alphabetic tokens, yet names; and a capital
            # somewhere: the model tags lower-case words too ("from submicron carbonyl iron particles",
            # "won the electoral college votes", a Portuguese "pela vitória eleitoral")
            written = span(doc, start, end).text if start < end else ""
            if not any(c.isalpha() for c in written) or not any(c.isupper() for c in written) \
                    or post_nominal(doc, start, end, label) \
                    or common_word_opening(doc, start, end, lower_ids, capitalised_ids) \
                    or plural_description(doc, start, end, lexicon) or occasion_name(doc, start, end, lexicon) \
                    or work_title(doc, start, end, lexicon) \
                    or national_adjective(doc, start, end, label) \
                    or part_of_title(doc, start, end, label, lexicon) \
                    or qualifier_before_title(doc, start, end, label, lexicon):
                continue
            if label == "GROUP":  # a people's name is told by its form, not by cues for names
                found.append(NameMention(p_index, start, end, span(doc, start, end).text, label))
                continue
            model_label, asked = label, (start, end)
            label = relabel(doc, start, end, label, lexicon)
            start, end = extend_name(doc, norp_prefix(doc, start, label), end, label, lexicon, person_tokens)
            if (start, end) != asked or label != model_label:  # else the same question, the same answer
                label = relabel(doc, start, end, label, lexicon)  # "Mira" + "Lyon": the whole name has a context
            shared = shared_head(doc, start, end, label)
            if shared:
                found += [NameMention(p_index, s, e, f"{doc[s].text} {shared}", label)
                          for s, e in ((start, start + 1), (start + 2, end))]
                continue
            mention = _with_titles(doc, p_index, start, end, label, lexicon)
            # context that overrode the model's label, or, for a one-word name (whose bare guesses tie), says what
            # the model said ("Wikinews reporter Ana Lee")
            mention.relabelled = label != model_label or end - start == 1 \
                and cue_kind(doc, start, end, None, lexicon) == NER_KIND[label]
            found.append(mention)
    return _without_overlaps(found)


def person_words(parsed: ParsedDocument) -> frozenset[str]:
    """The words of the document's names the model tagged as people (read for all tokens at once)."""
    words = set()
    for unit in parsed.paragraphs:
        if len(unit.doc):
            person = unit.doc.vocab.strings["PERSON"]
            words.update(orth for orth, label in unit.doc.to_array([ORTH, ENT_TYPE]).tolist() if label == person)
    return frozenset(parsed.paragraphs[0].doc.vocab.strings[orth] for orth in words) if words else frozenset()


# how a plural noun stands in its clause when it names the group itself ("the Palestinians rejected …")
GROUP_DEPS = {NSUBJ, NSUBJPASS, DOBJ, POBJ, CONJ, APPOS, DATIVE, ATTR, "ROOT"}


def group_names(doc, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """'The Palestinians rejected the plan', 'thousands of Iraqi Kurds', 'Muslims and Jews': what the model
    tags as a nationality, a people, a faith or a party, written as a plural noun, names a group of people
    (GUM and PLOVER count such groups among an event's actors). The adjective ('Palestinian officials',
    'the Iraqi government') names none; a party's name of two words or more is the party ('the Social
    Democrats': its head word is an organization's, `ng:nameHeadCue`)."""
    found, previous = [], None
    for ent in doc.ents:
        root = ent.root
        longer_name = any(c.pos_ == "PROPN" and c.i < ent.start for c in children_with(root, COMPOUND))
        # the plural by its form too: the tagger may call "Bangladeshis" singular (NNP)
        if ent.label_ == "NORP" and root.tag_ in ("NNPS", "NNS", "NNP") and root.lower_.endswith("s") \
                and root.dep_ in GROUP_DEPS and root.i == ent.end - 1 and not longer_name:  # "the Neo Democrats"
            start = ent.start
            if previous is not None and previous.label_ == "NORP" and previous.end == start \
                    and previous.root.head.i == root.i:
                start = previous.start  # "Iraqi" + "Kurds": one people
            while start < root.i and doc[start].is_lower:
                start += 1  # "all South Africans"
            party = root.i > start and lexicon.head_kind(root.text) == ORGANIZATION
            found.append((start, ent.end, "ORG" if party else "GROUP"))
        previous = ent
    return found


# read for all tokens at once (Doc.to_array): the document's every word is looked at, most only once
WRITTEN_COLUMNS = [ORTH, IS_ALPHA, IS_LOWER, IS_TITLE, SENT_START, IS_QUOTE]


def written_forms(parsed: ParsedDocument) -> tuple[frozenset[int], frozenset[int]]:
    """The words a document writes in lower case, and those it capitalises inside a sentence (not after
    a quotation mark that opens one), as spaCy's string ids (`Token.lower`, `Token.orth`): few of them are
    ever asked about, so they are not turned into strings."""
    lower, inside = set(), set()
    for unit in parsed.paragraphs:
        if not len(unit.doc):
            continue
        opening = False  # the previous token is a quotation mark that starts a sentence
        for orth, alpha, is_lower, is_title, sent_start, quote in unit.doc.to_array(WRITTEN_COLUMNS).tolist():
            if alpha and is_lower:
                lower.add(orth)
            if alpha and is_title and sent_start != SENTENCE_START and not opening:
                inside.add(orth)
            opening = sent_start == SENTENCE_START and bool(quote)
    return frozenset(lower), frozenset(inside)


def _without_overlaps(mentions: list[NameMention]) -> list[NameMention]:
    """Where an extended name swallowed a neighbouring mention, keep the longer one."""
    kept: list[NameMention] = []
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start, -(m.end - m.start))):
        if kept and kept[-1].paragraph == mention.paragraph and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _with_titles(doc, p_index: int, start: int, end: int, label: str, lexicon: Lexicon) -> NameMention:
    name = span(doc, start, end).text
    mention = NameMention(p_index, start, end, name, label,
                          in_brackets=start > 0 and doc[start - 1].text == "("
                          and end < len(doc) and doc[end].text == ")")
    # Places take no titles; a person or a mislabelled person ("Senator Okafor" as ORG) may.
    run_start = title_run_start(doc, start, lexicon) if label in ("PERSON", "ORG") else start
    if run_start < start:
        segments = title_segments(doc, run_start, start, lexicon)
        for seg_start, seg_end, _ in segments:
            words = segment_words(doc, seg_start, seg_end)
            if is_title_head(words, lexicon) and words[-1] not in lexicon.honorifics:
                mention.titles.append(title_case(span(doc, seg_start, seg_end).text.replace(" - ", "-")))
        # "European Commission President Ursula von der Leyen": the organization the title is held at
        if mention.titles and run_start > 0 and doc[run_start - 1].ent_type_ == "ORG" and not segments[-1][2]:
            org_start = run_start - 1
            while org_start > 0 and doc[org_start - 1].ent_type_ == "ORG" and doc[org_start].ent_iob_ != "B":
                org_start -= 1
            mention.organization_span = (org_start, run_start)
        if segments and mention.titles and segments[-1][1] == start:
            seg_start = segments[-1][0]
            mention.surfaces.append(span(doc, seg_start, end).text)
            qualifier = seg_start - 1
            if qualifier >= 0 and doc[qualifier].ent_type_ in QUALIFIER_LABELS and doc[qualifier].tag_ != "POS":
                # "Portuguese Prime Minister Helena Matos", "South Korean President …": the qualified form too
                while qualifier > 0 and doc[qualifier].ent_iob_ == "I":
                    qualifier -= 1
                mention.surfaces.append(span(doc, qualifier, end).text)
    apposed = apposed_title(doc, doc[end - 1], lexicon)
    if apposed:
        mention.titles.append(apposed[0])
        mention.organization_span = apposed[1] or mention.organization_span
    return mention


def unlabelled_repeats(parsed: ParsedDocument, mentions: list[NameMention]) -> list[NameMention]:
    """Proper nouns the model did not tag but that repeat a tagged single-word name ('Okafor said')."""
    covered = {(m.paragraph, i) for m in mentions for i in range(m.start, m.end)}
    known = {}
    for m in mentions:
        for word in m.text.split():
            if word[:1].isupper() and len(word) > 2:
                known.setdefault(word, "PERSON" if m.label == "PERSON" else None)
    people = ids(word for word, label in known.items() if label == "PERSON")
    extra = []
    for p_index, unit in enumerate(parsed.paragraphs):
        for i, orth in enumerate(column(unit.doc, "ORTH")):
            if orth not in people or (p_index, i) in covered:
                continue
            token = unit.doc[i]
            if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.is_title):
                continue  # a known surname the tagger took for a noun at the start of a sentence still counts
            if token.dep_ == COMPOUND or any(not opening_participle(c) for c in children_with(token, COMPOUND)):
                continue
            extra.append(NameMention(p_index, token.i, token.i + 1, token.text, "PERSON"))
    return extra
