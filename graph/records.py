"""Frozen records passed between stages.

Extraction produces these; the RDF mapping, exports and evaluation consume them. Nothing here
knows spaCy or RDF, so every stage can be tested on records built by hand.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

PERSON, ORGANIZATION, PLACE, GROUP = "Person", "Organization", "Place", "Group"
ENTITY_KINDS = (PERSON, ORGANIZATION, PLACE)  # schema.org's kinds of named entity
NODE_KINDS = (*ENTITY_KINDS, GROUP)  # and groups of people named by a plural ("the Palestinians"): ng:Group


def slug(text: str) -> str:
    """A readable IRI segment for any Unicode name: lower case, letters and digits joined by '-'."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"[^\W_]+", normal)
    if words:
        return "-".join(words)[:80]
    return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def entity_key(kind: str, name: str) -> str:
    """The stable key of an entity ("person/joe-biden"): the same name gives the same key in every document."""
    return f"{kind.lower()}/{slug(name)}"


@dataclass(frozen=True)
class Document:
    """One article: its text (without the date header), publication date and metadata."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A blank-line separated block of a document; no sentence crosses one."""

    begin: int
    end: int
    is_caption: bool = False
    is_dateline: bool = False  # "LISBON, Nov 7 (Reuters) -": parsed apart from the sentence it opens


@dataclass(frozen=True)
class Mention:
    """A span of the document text (character offsets) and the sentence it lies in."""

    begin: int
    end: int
    text: str
    sentence_begin: int
    sentence_end: int


@dataclass(frozen=True)
class Role:
    """A title a person holds ("Vice President"), optionally at an organization (entity key)."""

    title: str
    organization: str | None = None


@dataclass(frozen=True)
class Entity:
    """One real-world entity of a document; `key` is stable across documents ("person/joe-biden")."""

    key: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    geonames_id: int | None = None  # the GeoNames feature a place denotes, where its name leaves no doubt
    contained_in: int | None = None  # the GeoNames id of the country a linked city or state lies in


@dataclass(frozen=True)
class Event:
    """One event of a document. Roles hold entity keys; `id` is unique within the document."""

    id: str
    kind: str
    agent: str | None = None
    recipient: str | None = None
    participants: tuple[str, ...] = ()
    location: str | None = None
    opponent: str | None = None
    topic: str | None = None
    date: dt.date | None = None
    planned: bool = False
    negated: bool = False
    quote: str | None = None
    trigger: str = ""
    reports: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=())

    def entity_keys(self) -> tuple[str, ...]:
        """Every entity the event involves, agent first, without repeats."""
        keys = [self.agent, self.recipient, *self.participants, self.opponent]
        return tuple(dict.fromkeys(k for k in keys if k))


@dataclass(frozen=True)
class DocumentGraph:
    """Everything extracted from one document."""

    document: Document
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
