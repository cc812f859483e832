"""Entity stage: clean the named-entity mentions of a parsed document and group them into entities.

The small spaCy model mislabels and mis-segments names, so this stage repairs them with document-level
evidence: names it left untagged or typed wrongly are recovered from their context (namecues.py),
titles are stripped from names and kept as roles, each cluster is typed by a vote over all
its mentions, surnames and acronyms join their full names, and pronouns or definite descriptions
("he", "her", "the president-elect") are resolved conservatively to the most salient compatible
entity. The result maps tokens to entity keys, which the event stage reads; pronouns are resolved in coref.py.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from .coref import Referable, TokenRef, resolve_references
from .ingest import CAPTION_WORDS
from .namecues import (
    CONNECTORS,
    KIND_LABEL,
    cue_kind,
    given_name_gender,
    is_given_name,
    is_name_word,
    name_head,
    untagged_names,
)
from .namecues import LABEL_KIND as NER_KIND
from .nlp import ParsedDocument
from .ontology import Lexicon
from .records import ORGANIZATION, PERSON, PLACE, Entity, Mention, Role, entity_key

QUALIFIER_LABELS = {"GPE", "NORP"}  # "US Vice President", "Democratic nominee": qualify a title
TITLE_WINDOW = 10  # tokens before an "of the <organization> <person>" name where the person's title may stand
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "al", "el", "ibn"}


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

    @property
    def tokens(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class EntityAnalysis:
    """Entities of a document and which tokens refer to them."""

    entities: tuple[Entity, ...]
    token_keys: dict[TokenRef, tuple[str, ...]]
    kinds: dict[str, str]

    def keys_at(self, paragraph: int, token: int) -> tuple[str, ...]:
        return self.token_keys.get((paragraph, token), ())


FUNCTION_WORDS = {"of", "the", "and", "for"}  # inside multi-word titles, never at their edge


@functools.cache
def _title_words(lexicon: Lexicon) -> frozenset[str]:
    words = set()
    for phrase in lexicon.title_cues | lexicon.title_modifiers:
        words.update(phrase.split())
    return frozenset(words - FUNCTION_WORDS)


def _is_title_head(words: list[str], lexicon: Lexicon) -> bool:
    text = " ".join(words)
    return bool(words) and (words[-1] in lexicon.title_cues or text in lexicon.title_cues
                            or any(text.endswith(" " + cue) for cue in lexicon.title_cues))


def _title_case(title: str) -> str:
    return title if any(c.isupper() for c in title) else " ".join(w[:1].upper() + w[1:] for w in title.split())


def _title_segments(doc, first: int, last: int, lexicon: Lexicon) -> list[tuple[int, int, list[int]]]:
    """Split the title run doc[first:last] at qualifiers into (start, end, qualifier tokens) segments."""
    segments, qualifiers, start = [], [], None
    for i in range(first, last):
        token = doc[i]
        if token.ent_type_ in QUALIFIER_LABELS and token.lower_ not in _title_words(lexicon):
            if start is not None:
                segments.append((start, i, qualifiers))
                start, qualifiers = None, []
            qualifiers = qualifiers + [i]
            continue
        if start is None:
            start = i
    if start is not None:
        segments.append((start, last, qualifiers))
    return segments


def _segment_words(doc, start: int, end: int) -> list[str]:
    # "President-elect" is three tokens; glue hyphenated parts back together.
    text = doc[start:end].text.lower().replace(" - ", "-")
    return text.split()


def _title_run_start(doc, name_start: int, lexicon: Lexicon) -> int:
    """Leftmost token of the run of title words (and qualifiers) right before a name."""
    words = _title_words(lexicon)
    i = name_start
    while i > 0:
        token = doc[i - 1]
        if token.lower_ in words or token.lower_ == "elect":
            i -= 1
        elif token.text in ("-", "of") and i >= 2 and doc[i - 2].lower_ in words:
            i -= 1  # "President-elect", "Secretary of State"
        elif token.ent_type_ in QUALIFIER_LABELS and (token.is_title or token.is_upper):
            i -= 1
        elif token.is_title and not token.ent_type_ and token.pos_ in ("PROPN", "NOUN") and i < name_start \
                and doc[i].lower_ in words:
            i -= 1  # a portfolio before a title: "Energy Minister", "Trade Secretary"
        else:
            break
    # qualifiers at the left edge belong to the title only when a title follows them
    while i < name_start and doc[i].ent_type_ in QUALIFIER_LABELS and doc[i].lower_ not in words:
        i += 1
    return i


def _hyphenated_modifier(doc, start: int) -> bool:
    """'pro-Ixland', 'Pan-democrat', 'anti-war': a hyphenated word with a lower-case half is a modifier,
    not (part of) a name; 'al-Assad' is a name."""
    first, hyphen, second = doc[start], doc[start + 1], doc[start + 2]
    return (hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_ and first.is_alpha
            and second.is_alpha and (first.is_lower or second.is_lower) and first.lower_ not in NAME_PARTICLES)


def _clean_span(doc, start: int, end: int, label: str, lexicon: Lexicon) -> tuple[int, int]:
    """Trim determiners, a person's titles, possessives and punctuation from an entity span."""
    words = _title_words(lexicon)
    while end - start >= 3 and _hyphenated_modifier(doc, start):
        start += 3  # "pro-Ixland Labour Front", "Pan-democrat Ana Ruiz"
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct
                           or (label == "PERSON" and end - start > 1
                               and (doc[start].lower_ in words or doc[start].lower_ == "elect"))):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "'")
                           or end < len(doc) and doc[end].text == ":" and doc[end - 1].lower_ in CAPTION_WORDS):
        end -= 1  # "… in Ottawa Image: Defence Ministry": the caption label is not the name
    # "European Commission President" + "Ursula von der Leyen": the title belongs to the person after it
    while label == "ORG" and end - start > 1 and end < len(doc) and doc[end].pos_ == "PROPN" and (
            doc[end - 1].lower_ in lexicon.title_cues):
        end -= 1
        while end - start > 1 and doc[end - 1].lower_ in lexicon.title_modifiers:
            end -= 1
    # "Acme Campaign Communications" + "Director": the trailing modifier belongs to the title after it
    if end < len(doc) and doc[end].lower_ in lexicon.title_cues:
        while end - start > 1 and doc[end - 1].lower_ in lexicon.title_modifiers:
            end -= 1
    return start, end


def _apposed_title(doc, name_head, lexicon: Lexicon) -> tuple[str, tuple[int, int] | None] | None:
    """'Jo Lam, Acme Campaign Communications Director' → ('Communications Director', org span)."""
    for child in name_head.children:
        if child.dep_ != "appos" or child.lower_ not in lexicon.title_cues:
            continue
        left = min(t.i for t in child.subtree)
        title_start = child.i
        while title_start > left and doc[title_start - 1].lower_ in lexicon.title_modifiers:
            title_start -= 1
        title = doc[title_start:child.i + 1].text
        org = (left, title_start) if title_start > left and doc[title_start - 1].ent_type_ == "ORG" else None
        if org is None:
            of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.ent_type_ == "ORG":
                org = (min(t.i for t in pobj.subtree), pobj.i + 1)
        return _title_case(title), org
    return None


def _extend_name(doc, start: int, end: int, label: str, lexicon: Lexicon,
                 person_tokens: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Grow a name the model cut short: 'Ursula von' + 'der Leyen' → 'Ursula von der Leyen'.

    A name's last token that is a compound of a proper noun to its right is not the name's end; the
    words in between must be particles or proper nouns. An organization or a place does not grow
    into a person's name ('Ambassador to the Republic of Norland' + 'Daniel Okafor').
    """
    while end < len(doc):
        last = doc[end - 1]
        head = last.head
        between = doc[end:head.i]
        if last.dep_ == "compound" and head.i >= end and head.pos_ == "PROPN" and all(
                t.pos_ == "PROPN" or t.lower_ in NAME_PARTICLES for t in between) and not any(
                t.lower_ in _title_words(lexicon) for t in doc[end:head.i + 1]) and not (
                head.lower_ in CAPTION_WORDS and head.i + 1 < len(doc) and doc[head.i + 1].text == ":") \
                and not (label != "PERSON" and any(i in person_tokens for i in range(end, head.i + 1))):
            end = head.i + 1
        elif label == "ORG" and doc[end].lower_ in CONNECTORS and (longer := _name_continues(doc, start, end, lexicon)):
            end = longer
        elif label == "PERSON" and doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) \
                and doc[end + 1].pos_ == "PROPN":
            end += 2
        elif label == "PERSON" and doc[end].text == "-" and end + 1 < len(doc) and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # a hyphenated given name cut at the hyphen: "Wong Kwok" + "-hing"
        else:
            break
    return start, end


def _name_continues(doc, start: int, end: int, lexicon: Lexicon) -> int:
    """'Joint Board' + 'for the Protection of Rivers': an organization's name goes on after a connector.

    Returns the new end, or 0. Only a name whose head word marks an organization goes on, and only
    over capitalised words that are not another person or a date.
    """
    if lexicon.head_kind(name_head(doc, start, end).text) != ORGANIZATION:
        return 0
    after = end + 1
    if after < len(doc) and doc[after].lower_ == "the":
        after += 1
    stop = after
    while stop < len(doc) and is_name_word(doc[stop], False) and doc[stop].ent_type_ != "PERSON":
        stop += 1
    return stop if stop > after else 0


def _extend_name_left(doc, start: int, end: int, label: str, lexicon: Lexicon) -> int:
    """'Harbour Trust Daniel' + 'Okafor': an untagged given name right before a person's name is part of it."""
    while label == "PERSON" and start > 0:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and is_given_name(before.text) and not before.ent_type_ \
                and before.lower_ not in _title_words(lexicon) and before.lower_ not in lexicon.honorifics:
            start -= 1
        else:
            break
    return start


def _norp_prefix(doc, start: int, label: str) -> int:
    """'the Japanese Foreign Ministry': a nationality adjective before an organization is part of its name."""
    if label == "ORG" and start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].head.i >= start:
        return start - 1
    return start


def _title_led_names(doc, taken: set[int], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Proper-noun runs right after a capitalised title that the model did not tag ('Taoiseach Conor Walsh')."""
    spans = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or token.i == 0:
            continue
        before = doc[token.i - 1]
        if not (before.lower_ in lexicon.title_cues and (before.is_title or before.is_upper)) or before.i in taken:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in taken and doc[end].lower_ not in \
                _title_words(lexicon):
            end += 1
        if end - token.i >= 2 or token.dep_ != "compound":
            spans.append((token.i, end))
            taken.update(range(token.i, end))
    return spans


def _part_of_title(doc, start: int, end: int, label: str, lexicon: Lexicon) -> bool:
    """'Professor Emeritus', 'Shadow Home' + 'Secretary', 'Secretary of' + 'State': an organization made only
    of title words, holding a title or next to one, is part of a title ('Labour' or 'Treasury' alone is no title)."""
    words = _title_words(lexicon)
    before = start - 2 if start >= 2 and doc[start - 1].lower_ == "of" else start - 1  # "Secretary of" + "State"
    return label == "ORG" and all(t.lower_ in words for t in doc[start:end]) and (
        any(t.lower_ in lexicon.title_cues for t in doc[start:end]) or end < len(doc) and doc[end].lower_ in words
        or before >= 0 and doc[before].lower_ in words)


def _qualifier_before_title(doc, start: int, end: int, label: str, lexicon: Lexicon) -> bool:
    """'Moldovan' + 'President Elena Rusu': one word the model took for a person, before another person's
    title, is a nationality or a place qualifying that title, not a person."""
    if label != "PERSON" or end - start != 1:
        return False
    after = end
    while after < len(doc) and doc[after].lower_ in _title_words(lexicon):
        after += 1
    return end < after < len(doc) and doc[after].ent_type_ == "PERSON"


def _shared_head(doc, start: int, end: int, label: str) -> str | None:
    """'North and South Korea' names two places sharing 'Korea'; returns the shared words, else None."""
    words = doc[start:end]
    if NER_KIND.get(label) != PLACE or len(words) < 4 or words[1].lower_ != "and":
        return None
    if not all(t.text[:1].isupper() and t.is_alpha for t in (words[0], words[2], *words[3:])):
        return None
    return doc[start + 3:end].text


def _post_nominal(doc, start: int, end: int, label: str) -> bool:
    """'Mark Tedeschi, QC': letters after a person's name are a distinction, not an entity."""
    text = doc[start:end].text
    return (label != "PERSON" and end - start == 1 and text.isupper() and len(text) <= 3 and start >= 2
            and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "PERSON")


def find_name_mentions(parsed: ParsedDocument, lexicon: Lexicon) -> list[NameMention]:
    """Cleaned name mentions of every paragraph, with the titles written around them."""
    found: list[NameMention] = []
    for p_index, unit in enumerate(parsed.paragraphs):
        doc = unit.doc
        spans = [(ent.start, ent.end, ent.label_) for ent in doc.ents if ent.label_ in NER_KIND]
        taken = {i for start, end, _ in spans for i in range(start, end)}
        spans += [(start, end, "PERSON") for start, end in _title_led_names(doc, taken, lexicon)]
        spans += untagged_names(doc, taken, lexicon, _title_words(lexicon))
        spans = [part for span in spans for part in _split_glued(doc, *span, lexicon)]
        spans = [(_extend_name_left(doc, start, end, label, lexicon), end, label) for start, end, label in spans]
        person_tokens = frozenset(i for start, end, label in spans if label == "PERSON" for i in range(start, end))
        for start, end, label in sorted(spans):
            start, end = _clean_span(doc, start, end, label, lexicon)
            if start >= end or not any(t.is_alpha for t in doc[start:end]) or _post_nominal(doc, start, end, label) \
                    or _part_of_title(doc, start, end, label, lexicon) \
                    or _qualifier_before_title(doc, start, end, label, lexicon):
                continue
            label = _relabel(doc, start, end, label, lexicon)
            start, end = _extend_name(doc, _norp_prefix(doc, start, label), end, label, lexicon, person_tokens)
            label = _relabel(doc, start, end, label, lexicon)  # "Mira" + "Lyon": the whole name has a context
            shared = _shared_head(doc, start, end, label)
            if shared:
                found += [NameMention(p_index, s, e, f"{doc[s].text} {shared}", label)
                          for s, e in ((start, start + 1), (start + 2, end))]
                continue
            found.append(_with_titles(doc, p_index, start, end, label, lexicon))
    return _without_overlaps(found)


def _without_overlaps(mentions: list[NameMention]) -> list[NameMention]:
    """Where an extended name swallowed a neighbouring mention, keep the longer one."""
    kept: list[NameMention] = []
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start, -(m.end - m.start))):
        if kept and kept[-1].paragraph == mention.paragraph and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _relabel(doc, start: int, end: int, label: str, lexicon: Lexicon) -> str:
    """The label the name's context gives it ('Lakeside Sun' is a newspaper), else the model's."""
    kind = cue_kind(doc, start, end, label, lexicon)
    return KIND_LABEL[kind] if kind and kind != NER_KIND[label] else label


def _split_glued(doc, start: int, end: int, label: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    parts = _split_credit(doc, start, end, label)
    return parts if len(parts) > 1 else _split_trailing_person(doc, start, end, label, lexicon)


def _split_trailing_person(doc, start: int, end: int, label: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """'Director of the Harbour Trust Daniel Okafor': the model glued the person to the
    organization named before him. Split when a title stands shortly before and the last two words
    are a given name and a surname."""
    whole = [(start, end, label)]
    if label not in ("ORG", "GPE", "FAC") or end - start < 3:
        return whole
    given, surname = doc[end - 2], doc[end - 1]
    if not (given.pos_ == "PROPN" and surname.pos_ == "PROPN" and is_given_name(given.text)
            and doc[end - 3].lower_ not in CONNECTORS and lexicon.head_kind(surname.text) is None):
        return whole
    window = doc[max(doc[start].sent.start, start - TITLE_WINDOW):start]
    if not any(t.lower_ in lexicon.title_cues for t in window):
        return whole
    return [(start, end - 2, label), (end - 2, end, "PERSON")]


def _split_credit(doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A photo credit 'Jo Lam/AFP' is a person and an organization."""
    for i in range(start, end):
        if doc[i].text == "/" and start < i < end - 1:
            return [(start, i, "PERSON"), (i + 1, end, "ORG")]
    return [(start, end, label)]


def _with_titles(doc, p_index: int, start: int, end: int, label: str, lexicon: Lexicon) -> NameMention:
    name = doc[start:end].text
    mention = NameMention(p_index, start, end, name, label,
                          in_brackets=start > 0 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")")
    # Places take no titles; a person or a mislabelled person ("Senator Okafor" as ORG) may.
    run_start = _title_run_start(doc, start, lexicon) if label in ("PERSON", "ORG") else start
    if run_start < start:
        segments = _title_segments(doc, run_start, start, lexicon)
        for seg_start, seg_end, _ in segments:
            words = _segment_words(doc, seg_start, seg_end)
            if _is_title_head(words, lexicon) and words[-1] not in lexicon.honorifics:
                mention.titles.append(_title_case(doc[seg_start:seg_end].text.replace(" - ", "-")))
        # "European Commission President Ursula von der Leyen": the organization the title is held at
        if mention.titles and run_start > 0 and doc[run_start - 1].ent_type_ == "ORG" and not segments[-1][2]:
            org_start = run_start - 1
            while org_start > 0 and doc[org_start - 1].ent_type_ == "ORG" and doc[org_start].ent_iob_ != "B":
                org_start -= 1
            mention.organization_span = (org_start, run_start)
        if segments and mention.titles and segments[-1][1] == start:
            seg_start = segments[-1][0]
            mention.surfaces.append(doc[seg_start:end].text)
            if seg_start > 0 and doc[seg_start - 1].ent_type_ in QUALIFIER_LABELS:
                # "Portuguese Prime Minister Helena Matos", "US Vice President …": the qualified form too
                mention.surfaces.append(doc[seg_start - 1:end].text)
    apposed = _apposed_title(doc, doc[end - 1], lexicon)
    if apposed:
        mention.titles.append(apposed[0])
        mention.organization_span = apposed[1] or mention.organization_span
    return mention


def _normal(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _without_initials(text: str) -> str:
    return " ".join(w for w in _normal(text).split() if len(w) > 1)


def _acronym(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W_]+", text) if w[0].isupper())


class _Cluster:
    def __init__(self, first: NameMention):
        self.mentions = [first]

    @property
    def full_names(self) -> list[str]:
        return [m.text for m in self.mentions if m.tokens > 1]

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)


def cluster_mentions(mentions: list[NameMention], lexicon: Lexicon) -> list[_Cluster]:
    """Group mentions that name one entity: exact names first, then surnames, initials and acronyms."""
    clusters: list[_Cluster] = []
    by_name: dict[str, _Cluster] = {}
    # Longer names first, so a surname always finds the full name it abbreviates.
    order = sorted(range(len(mentions)), key=lambda i: (-mentions[i].tokens, mentions[i].paragraph, mentions[i].start))
    for index in order:
        mention = mentions[index]
        key = _without_initials(mention.text)
        target = by_name.get(key)
        if target is None and mention.tokens == 1:
            target = _surname_match(mention, clusters, mentions)
        if target is None:
            target = _acronym_match(mention, clusters) or _parenthetical_match(mention, mentions, clusters)
        if target is None:
            target = _prefix_place_match(mention, clusters) or _short_organization_match(mention, clusters, lexicon)
        if target is None:
            target = _Cluster(mention)
            clusters.append(target)
        else:
            target.add(mention)
        by_name.setdefault(key, target)
    return clusters


def _position(mention: NameMention) -> tuple[int, int]:
    return mention.paragraph, mention.start


def _surname_match(mention: NameMention, clusters: list[_Cluster], mentions) -> _Cluster | None:
    """'Okafor' joins 'Ngozi Okafor'; with two Okafors, the one named most recently before."""
    word = _normal(mention.text)
    candidates = []
    for cluster in clusters:
        for name in cluster.full_names:
            parts = _without_initials(name).split()
            if parts and (parts[-1] == word or parts[0] == word) and any(
                    m.label == "PERSON" or m.titles for m in cluster.mentions):
                candidates.append(cluster)
                break
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    here = _position(mention)
    before = [(max(_position(m) for m in c.mentions if _position(m) < here), c)
              for c in candidates if any(_position(m) < here for m in c.mentions)]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _acronym_match(mention: NameMention, clusters: list[_Cluster]) -> _Cluster | None:
    text = mention.text.replace(".", "")
    if not (text.isupper() and 2 <= len(text) <= 8):
        return None
    for cluster in clusters:
        if any(m.tokens > 1 and _acronym(m.text) == text for m in cluster.mentions):
            return cluster
    return None


def _parenthetical_match(mention: NameMention, mentions: list[NameMention], clusters: list[_Cluster]) -> _Cluster | None:
    """'National Enforcement … System (NEMISIS)': a short form in brackets right after a name is that name."""
    if mention.tokens != 1 or not mention.in_brackets or not mention.text.replace(".", "").isupper():
        return None
    for other in mentions:
        if other.paragraph == mention.paragraph and other.end + 1 == mention.start and other is not mention:
            return next((c for c in clusters if other in c.mentions), None)
    return None


def _prefix_place_match(mention: NameMention, clusters: list[_Cluster]) -> _Cluster | None:
    """'Washington' joins 'Washington, DC' (a place named with its region)."""
    if NER_KIND.get(mention.label) != PLACE:
        return None
    word = _normal(mention.text)
    for cluster in clusters:
        for m in cluster.mentions:
            if "," in m.text and _normal(m.text.split(",")[0]) == word and NER_KIND.get(m.label) == PLACE:
                return cluster
    return None


def _short_organization_match(mention: NameMention, clusters: list[_Cluster], lexicon: Lexicon) -> _Cluster | None:
    """'CBC' joins 'CBC News', 'the Church' 'the Church of Orvik', 'Supreme Court' 'Norlandic Supreme Court of
    Appeal': an organization named without its last head word, without what follows a connector, or by its
    head. Only when one organization of the document fits."""
    if NER_KIND.get(mention.label) != ORGANIZATION:
        return None
    words = _normal(mention.text).split()
    if not words:
        return None
    fits = []
    for cluster in clusters:
        for other in cluster.mentions:
            full = _normal(other.text).split()
            if NER_KIND.get(other.label) != ORGANIZATION or len(full) <= len(words):
                continue
            rest = full[len(words)]
            head_part = full[:next((i for i in range(1, len(full)) if full[i] in CONNECTORS), len(full))]
            one_head_more = len(full) == len(words) + 1 and lexicon.head_kind(rest) == ORGANIZATION
            if (full[:len(words)] == words and (rest in CONNECTORS or one_head_more)) or (
                    head_part[-len(words):] == words and lexicon.head_kind(words[-1]) == ORGANIZATION):
                fits.append(cluster)
                break
    return fits[0] if len(fits) == 1 else None


def _vote_kind(cluster: _Cluster, lexicon: Lexicon) -> str:
    votes: Counter[str] = Counter()
    for m in cluster.mentions:
        weight = 2 if m.tokens > 1 else 1
        votes[NER_KIND[m.label]] += weight
        if m.titles:
            votes[PERSON] += 3
    # A surname joined to a person's full name is that person whatever spaCy called it.
    if any(m.label == "PERSON" and m.tokens > 1 for m in cluster.mentions):
        votes[PERSON] += sum(1 for m in cluster.mentions if m.tokens == 1)
    order = (PERSON, ORGANIZATION, PLACE)
    return max(order, key=lambda kind: (votes[kind], -order.index(kind)))


def _canonical_name(cluster: _Cluster) -> str:
    full = Counter(m.text for m in cluster.mentions if m.tokens > 1)
    if not full:
        full = Counter(m.text for m in cluster.mentions)
    first_seen = {}
    for m in sorted(cluster.mentions, key=_position):
        first_seen.setdefault(m.text, _position(m))
    # the most frequent full form; among equals, the one written first
    return max(full, key=lambda name: (full[name], tuple(-x for x in first_seen[name])))


def _gender(name: str, mentions: list[NameMention], lexicon: Lexicon) -> str | None:
    for m in mentions:
        for title in m.titles + [s.split()[0] for s in m.surfaces]:
            word = title.lower().split()[-1] if title else ""
            if word in lexicon.male_cues:
                return "male"
            if word in lexicon.female_cues:
                return "female"
    parts = name.split()
    if len(parts) < 2:
        return None
    guess = given_name_gender(parts[0])
    return {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}.get(guess)


def _document_mention(unit, doc_span) -> Mention:
    offset = unit.paragraph.begin
    sentence = doc_span.sent if hasattr(doc_span, "sent") else doc_span[0].sent
    return Mention(
        begin=offset + doc_span.start_char, end=offset + doc_span.end_char, text=doc_span.text,
        sentence_begin=offset + sentence.start_char, sentence_end=offset + sentence.end_char)


@dataclass
class _EntityInfo:
    key: str
    kind: str
    name: str
    gender: str | None
    roles: dict[str, Role]
    cluster: _Cluster


def analyse_entities(parsed: ParsedDocument, lexicon: Lexicon) -> EntityAnalysis:
    """Entities of a parsed document, and the map from tokens (names, pronouns) to their keys."""
    mentions = find_name_mentions(parsed, lexicon)
    mentions += _unlabelled_repeats(parsed, mentions)
    clusters = cluster_mentions(mentions, lexicon)
    infos: list[_EntityInfo] = []
    used_keys: set[str] = set()
    token_keys: dict[TokenRef, tuple[str, ...]] = {}
    for cluster in sorted(clusters, key=lambda c: min(_position(m) for m in c.mentions)):
        kind = _vote_kind(cluster, lexicon)
        name = _canonical_name(cluster)
        key = entity_key(kind, name)
        while key in used_keys:
            key += "-2"
        used_keys.add(key)
        info = _EntityInfo(key, kind, name, _gender(name, cluster.mentions, lexicon) if kind == PERSON else None,
                           {}, cluster)
        infos.append(info)
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                token_keys[(m.paragraph, i)] = (key,)
    _attach_roles(parsed, infos, token_keys)
    referables = [Referable(i.key, i.kind, i.gender, frozenset(i.roles)) for i in infos]
    resolve_references(parsed, referables, token_keys)
    surnames = Counter(_surname(info.name) for info in infos if info.kind == PERSON)
    entities = tuple(_entity_record(parsed, info, _derived_aliases(info, surnames)) for info in infos)
    return EntityAnalysis(entities, token_keys, {info.key: info.kind for info in infos})


def _unlabelled_repeats(parsed: ParsedDocument, mentions: list[NameMention]) -> list[NameMention]:
    """Proper nouns the model did not tag but that repeat a tagged single-word name ('Okafor said')."""
    covered = {(m.paragraph, i) for m in mentions for i in range(m.start, m.end)}
    known = {}
    for m in mentions:
        for word in m.text.split():
            if word[:1].isupper() and len(word) > 2:
                known.setdefault(word, "PERSON" if m.label == "PERSON" else None)
    extra = []
    for p_index, unit in enumerate(parsed.paragraphs):
        for token in unit.doc:
            if (p_index, token.i) in covered or known.get(token.text) != "PERSON":
                continue
            if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.is_title):
                continue  # a known surname the tagger took for a noun at the start of a sentence still counts
            if token.dep_ == "compound" or any(c.dep_ == "compound" for c in token.children):
                continue
            extra.append(NameMention(p_index, token.i, token.i + 1, token.text, "PERSON"))
    return extra


def _attach_roles(parsed: ParsedDocument, infos: list[_EntityInfo], token_keys) -> None:
    for info in infos:
        if info.kind != PERSON:
            continue
        for m in info.cluster.mentions:
            org_key = None
            if m.organization_span:
                keys = [token_keys.get((m.paragraph, i), ()) for i in range(*m.organization_span)]
                org_key = next((k[0] for k in keys if k), None)
            for title in m.titles:
                role = Role(title, org_key if title == m.titles[-1] else None)
                info.roles.setdefault(role.title.lower(), role)
                if role.organization and info.roles[role.title.lower()].organization is None:
                    info.roles[role.title.lower()] = role


def _surname(name: str) -> str | None:
    words = [w for w in name.split() if len(w.strip(".")) > 1]
    return words[-1] if len(words) >= 2 else None


def _derived_aliases(info: _EntityInfo, surnames: Counter) -> list[str]:
    """Short forms a later article may use: a person's surname (unless two people of this article share
    it) and the city of 'Washington, DC'."""
    if info.kind == PERSON and _surname(info.name) and surnames[_surname(info.name)] == 1:
        return [_surname(info.name)]
    if info.kind == PLACE and "," in info.name:
        return [info.name.split(",")[0].strip()]
    return []


def _entity_record(parsed: ParsedDocument, info: _EntityInfo, derived: list[str]) -> Entity:
    aliases, mentions = [], []
    for m in sorted(info.cluster.mentions, key=_position):
        unit = parsed.paragraphs[m.paragraph]
        mentions.append(_document_mention(unit, unit.doc[m.start:m.end]))
        for surface in [m.text, *m.surfaces]:
            if surface.casefold() != info.name.casefold() and surface.casefold() not in {a.casefold() for a in aliases}:
                aliases.append(surface)
    aliases += [a for a in derived if a.casefold() not in {x.casefold() for x in [info.name, *aliases]}]
    return Entity(key=info.key, kind=info.kind, name=info.name, aliases=tuple(aliases),
                  mentions=tuple(dict.fromkeys(mentions)), roles=tuple(info.roles.values()))
