"""Entity stage: clean the named-entity mentions of a parsed document and group them into entities.

The small spaCy model mislabels and mis-segments names, so this stage repairs them with document-level
evidence: names it left untagged or typed wrongly are recovered from their context (cues.py),
titles are stripped from names and kept as roles, each cluster is typed by a vote over all
its mentions, surnames and acronyms join their full names, and pronouns or definite descriptions
("he", "her", "the president-elect") are resolved conservatively to the most salient compatible
entity. The result maps tokens to entity keys, which the event stage reads; pronouns are resolved in coref.py.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...lexicon import Lexicon
from ...records import GROUP, ORGANIZATION, PERSON, PLACE, Entity, Mention, Role, entity_key
from ..coref import Referable, TokenRef, resolve_references
from ..nlp import ParsedDocument
from .clusters import Cluster, cluster_mentions, position
from .cues import LABEL_KIND as NER_KIND
from .cues import (
    given_name_gender,
)
from .mentions import NameMention, find_name_mentions, unlabelled_repeats
from .places import CITY, STATE, PlaceLink, gazetteer, link_places
from .predicates import predicate_titles
from .titles import title_case


@dataclass(frozen=True)
class EntityAnalysis:
    """Entities of a document and which tokens refer to them."""

    entities: tuple[Entity, ...]
    token_keys: dict[TokenRef, tuple[str, ...]]
    kinds: dict[str, str]

    def keys_at(self, paragraph: int, token: int) -> tuple[str, ...]:
        return self.token_keys.get((paragraph, token), ())


def _vote_kind(cluster: Cluster, lexicon: Lexicon) -> str:
    votes: Counter[str] = Counter()
    for m in cluster.mentions:
        # context evidence that overrode the model outweighs one unaided guess of the model
        weight = (2 if m.tokens > 1 else 1) + (1 if m.relabelled else 0)
        votes[NER_KIND[m.label]] += weight
        if m.titles:
            votes[PERSON] += 3
    # A surname joined to a person's full name is that person whatever spaCy called it.
    if any(m.label == "PERSON" and m.tokens > 1 for m in cluster.mentions):
        votes[PERSON] += sum(1 for m in cluster.mentions if m.tokens == 1)
    order = (PERSON, ORGANIZATION, PLACE, GROUP)
    return max(order, key=lambda kind: (votes[kind], -order.index(kind)))


def _canonical_name(cluster: Cluster) -> str:
    full = Counter(m.text for m in cluster.mentions if m.tokens > 1)
    if not full:
        full = Counter(m.text for m in cluster.mentions)
    first_seen = {}
    for m in sorted(cluster.mentions, key=position):
        first_seen.setdefault(m.text, position(m))
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


def _document_mention(unit, start: int, end: int) -> Mention:
    """Where tokens start:end are in the document, as `doc[start:end]`'s characters (read from the
    paragraph's text, which the tokens keep as written, rather than joined again from them)."""
    offset, last = unit.paragraph.begin, unit.doc[end - 1]
    begin, stop = unit.doc[start].idx, last.idx + len(last)
    sentence_begin, sentence_end = unit.sentence_chars(start)
    return Mention(begin=offset + begin, end=offset + stop, text=unit.text[begin:stop],
                   sentence_begin=offset + sentence_begin, sentence_end=offset + sentence_end)


@dataclass
class _EntityInfo:
    key: str
    kind: str
    name: str
    gender: str | None
    roles: dict[str, Role]
    cluster: Cluster
    link: PlaceLink | None = None


def _linked_places(typed: list[tuple[Cluster, str]]) -> list[tuple[Cluster, str, PlaceLink | None]]:
    """Link each place to GeoNames where its name leaves no doubt; places linked to one feature are one
    ("US" and "United States" in one article)."""
    places = [cluster for cluster, kind in typed if kind == PLACE]
    links = dict(zip(map(id, places), link_places([_surfaces(c) for c in places])))
    merged: dict[int, Cluster] = {}
    result = []
    for cluster, kind in typed:
        link = links.get(id(cluster))
        if link is not None and link.geonames_id in merged:
            for mention in cluster.mentions:
                merged[link.geonames_id].add(mention)
            continue
        if link is not None:
            merged[link.geonames_id] = cluster
        result.append((cluster, kind, link))
    return result


def _surfaces(cluster: Cluster) -> list[str]:
    return list(dict.fromkeys(form for m in cluster.mentions for form in (m.text, *m.surfaces)))


def analyse_entities(parsed: ParsedDocument, lexicon: Lexicon) -> EntityAnalysis:
    """Entities of a parsed document, and the map from tokens (names, pronouns) to their keys."""
    mentions = find_name_mentions(parsed, lexicon)
    mentions += unlabelled_repeats(parsed, mentions)
    clusters = sorted(cluster_mentions(mentions, lexicon), key=lambda c: min(position(m) for m in c.mentions))
    typed = _linked_places([(cluster, _vote_kind(cluster, lexicon)) for cluster in clusters])
    infos: list[_EntityInfo] = []
    used_keys: set[str] = set()
    token_keys: dict[TokenRef, tuple[str, ...]] = {}
    for cluster, kind, link in typed:
        name = link.name if link else _canonical_name(cluster)
        key = entity_key(kind, name)
        while key in used_keys:
            key += "-2"
        used_keys.add(key)
        info = _EntityInfo(key, kind, name, _gender(name, cluster.mentions, lexicon) if kind == PERSON else None,
                           {}, cluster, link)
        infos.append(info)
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                token_keys[(m.paragraph, i)] = (key,)
    _attach_roles(parsed, infos, token_keys)
    by_key = {info.key: info for info in infos}
    for key, title in predicate_titles(parsed, token_keys, lexicon):
        if by_key[key].kind == PERSON:
            by_key[key].roles.setdefault(title.lower(), Role(title_case(title)))
    referables = [Referable(i.key, i.kind, i.gender, frozenset(i.roles), _qualifiers(i.cluster.mentions))
                  for i in infos]
    resolve_references(parsed, referables, token_keys, lexicon)
    # a surname is no alias where it is another person's whole name ("Abdullah" of "Miteb bin Abdullah")
    surnames = Counter(_surname(info.name) or info.name for info in infos if info.kind == PERSON)
    entities = tuple(_entity_record(parsed, info, _derived_aliases(info, surnames)) for info in infos)
    return EntityAnalysis(entities, token_keys, {info.key: info.kind for info in infos})


def _qualifiers(mentions: list[NameMention]) -> frozenset[str]:
    """'Russian' of 'Russian President Vladimir Putin' beside 'President Vladimir Putin': what a title was
    qualified with, lower case and without dots ('us' for 'U.S.')."""
    found = set()
    for m in mentions:
        for longer in m.surfaces:
            for shorter in m.surfaces:
                if longer != shorter and longer.endswith(" " + shorter):
                    found.add(longer[:-len(shorter)].strip().lower().replace(".", ""))
    return frozenset(found)


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


# a regnal number or a generation after a name is no surname: "Abdullah II" is no "II", "Martin Luther King
# Jr." is "King"
NUMBERED = re.compile(r"(?:[IVXL]+|Jr\.?|Sr\.?)")


def _surname(name: str) -> str | None:
    words = [w for w in name.split() if len(w.strip(".")) > 1 and not NUMBERED.fullmatch(w)]
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
    for m in sorted(info.cluster.mentions, key=position):
        unit = parsed.paragraphs[m.paragraph]
        mentions.append(_document_mention(unit, m.start, m.end))
        for surface in [m.text, *m.surfaces]:
            if surface.casefold() != info.name.casefold() and surface.casefold() not in {a.casefold() for a in aliases}:
                aliases.append(surface)
    aliases += [a for a in derived if a.casefold() not in {x.casefold() for x in [info.name, *aliases]}]
    country = gazetteer().country(info.link.country_code) if info.link and info.link.feature in (CITY, STATE) else None
    return Entity(key=info.key, kind=info.kind, name=info.name, aliases=tuple(aliases),
                  mentions=tuple(dict.fromkeys(mentions)), roles=tuple(info.roles.values()),
                  geonames_id=info.link.geonames_id if info.link else None,
                  contained_in=country.geonames_id if country else None)
