"""Clustering name mentions into entities: exact names, then surnames, initials, acronyms, short forms in
brackets, a city named with its region, an organization named short."""
from __future__ import annotations

import functools
import re
import unicodedata

from ...lexicon import Lexicon
from ...records import ORGANIZATION, PLACE
from .cues import (
    CONNECTORS,
    is_given_name,
)
from .cues import LABEL_KIND as NER_KIND
from .mentions import NameMention
from .spans import NAME_PARTICLES


@functools.lru_cache(maxsize=65536)  # a pure function of a name, asked for the same names many times
def _normal(text: str) -> str:
    """Case, accents and a leading 'the' ignored: 'İhsanoğlu' is 'ihsanoglu' (casefolding the dotted
    capital I alone would leave a combining dot that splits the word in two)."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).casefold()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", text))


@functools.lru_cache(maxsize=65536)
def _without_initials(text: str) -> str:
    return " ".join(w for w in _normal(text).split() if len(w) > 1)


def _acronym(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W_]+", text) if w[0].isupper())


class Cluster:
    def __init__(self, first: NameMention):
        self.mentions = [first]

    @property
    def full_names(self) -> list[str]:
        return [m.text for m in self.mentions if m.tokens > 1]

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)


def cluster_mentions(mentions: list[NameMention], lexicon: Lexicon) -> list[Cluster]:
    """Group mentions that name one entity: exact names first, then surnames, initials and acronyms."""
    clusters: list[Cluster] = []
    by_name: dict[str, Cluster] = {}
    # Longer names first, so a surname always finds the full name it abbreviates.
    order = sorted(range(len(mentions)), key=lambda i: (-mentions[i].tokens, mentions[i].paragraph, mentions[i].start))
    for index in order:
        mention = mentions[index]
        key = _without_initials(mention.text)
        target = by_name.get(key)
        if target is None and mention.tokens == 1:
            target = _surname_match(mention, clusters, mentions, lexicon)
        if target is None and mention.tokens > 1 and mention.label == "PERSON":
            target = _suffix_match(key, clusters)
        if target is None:
            target = _acronym_match(mention, clusters) or _parenthetical_match(mention, mentions, clusters)
        if target is None:
            target = _prefix_place_match(mention, clusters) or _short_organization_match(mention, clusters, lexicon)
        if target is None:
            target = Cluster(mention)
            clusters.append(target)
        else:
            target.add(mention)
        by_name.setdefault(key, target)
    return clusters


def position(mention: NameMention) -> tuple[int, int]:
    return mention.paragraph, mention.start


def _surname_match(mention: NameMention, clusters: list[Cluster], mentions, lexicon: Lexicon) -> Cluster | None:
    """'Okafor' joins 'Ngozi Okafor'; with two Okafors, the one named most recently before."""
    word = _normal(mention.text)
    size = len(word.split())  # "Diaz-Canel" is two words of "Miguel Diaz-Canel"
    # "King Abdullah" is a given name; "Minister Okafor" a surname
    by_given_name = any(t.lower() in lexicon.given_name_titles for t in mention.titles)
    candidates, inner = [], []
    for cluster in clusters:
        if not any(m.label == "PERSON" or m.titles for m in cluster.mentions):
            continue  # no person's names: no surname of theirs
        for name in cluster.full_names:
            parts = _without_initials(name).split()
            if len(parts) > size and (" ".join(parts[:size]) == word or " ".join(parts[-size:]) == word
                                      and not by_given_name):
                candidates.append(cluster)
                break
            # "Lula" of "Luiz Inácio Lula da Silva": an inner name, a given name only where it opens the
            # family name before a particle ("Lula da Silva")
            inner_at = parts.index(word, 1) if word in parts[1:-1] else None
            family = inner_at is not None and parts[inner_at + 1] in NAME_PARTICLES
            if inner_at is not None and (family or not is_given_name(mention.text)):
                inner.append(cluster)
                break
    if not candidates and len(inner) == 1:
        return inner[0]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    here = position(mention)
    before = [(max(position(m) for m in c.mentions if position(m) < here), c)
              for c in candidates if any(position(m) < here for m in c.mentions)]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _suffix_match(key: str, clusters: list[Cluster]) -> Cluster | None:
    """'Inácio Lula da Silva' joins 'Luiz Inácio Lula da Silva': a person's name cut at the front (by a
    title or a place glued before it) is the one full name it ends; only when one fits."""
    words = key.split()
    fits = [c for c in clusters if any(m.label == "PERSON" for m in c.mentions) and any(
        len(parts := _without_initials(name).split()) > len(words) and parts[-len(words):] == words
        for name in c.full_names)]
    return fits[0] if len(fits) == 1 else None


def _acronym_match(mention: NameMention, clusters: list[Cluster]) -> Cluster | None:
    text = mention.text.replace(".", "")
    if not (text.isupper() and 2 <= len(text) <= 8):
        return None
    for cluster in clusters:
        if any(m.tokens > 1 and _acronym(m.text) == text for m in cluster.mentions):
            return cluster
    return None


def _parenthetical_match(mention: NameMention, mentions: list[NameMention], clusters: list[Cluster]) -> Cluster | None:
    """'National Enforcement … System (NEMISIS)': a short form in brackets right after a name is that name."""
    if mention.tokens != 1 or not mention.in_brackets or not mention.text.replace(".", "").isupper():
        return None
    for other in mentions:
        if other.paragraph == mention.paragraph and other.end + 1 == mention.start and other is not mention:
            return next((c for c in clusters if other in c.mentions), None)
    return None


def _prefix_place_match(mention: NameMention, clusters: list[Cluster]) -> Cluster | None:
    """'Washington' joins 'Washington, DC' (a place named with its region)."""
    if NER_KIND.get(mention.label) != PLACE:
        return None
    word = _normal(mention.text)
    for cluster in clusters:
        for m in cluster.mentions:
            if "," in m.text and _normal(m.text.split(",")[0]) == word and NER_KIND.get(m.label) == PLACE:
                return cluster
    return None


def _short_organization_match(mention: NameMention, clusters: list[Cluster], lexicon: Lexicon) -> Cluster | None:
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
            # "Skytowers" for "Skytowers Infra Inc": an organization named by its own first word
            first_word = len(words) == 1 and full[0] == words[0] and lexicon.head_kind(words[0]) is None
            if (full[:len(words)] == words and (rest in CONNECTORS or one_head_more or first_word)) or (
                    head_part[-len(words):] == words and lexicon.head_kind(words[-1]) == ORGANIZATION):
                fits.append(cluster)
                break
    return fits[0] if len(fits) == 1 else None
