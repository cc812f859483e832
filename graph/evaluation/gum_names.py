"""Which of GUM's entity mentions are named people, organizations and places (the gold of gum.py).

GUM (Georgetown University Multilayer corpus) annotates every entity mention of its Wikinews
articles: `{eid, etype, identity, sent_id, start_tok, end_tok, text}`, `eid` shared by coreferent
mentions, `identity` the Wikipedia page where linked, `text` its tokens joined by spaces. GUM marks
far more than names ("the girls", "his", "the New Zealand government"), so only *named* mentions
are gold here. A mention of etype `person`, `organization` or `place` (mapped to Person,
Organization, Place; the other etypes are never gold) is named by:

- its words, without a leading "the/a/an" and a final "'s", when every one is capitalised, a number,
  punctuation or a connector of names ("of", "and", "for", "on", "de", "van", "al", ...):
  "Church of Scientology", "Irving , Texas";
- else, for a person, the run of two or more capitalised words that ends it: GUM's span holds the
  descriptor too ("actor Jason Beghe", "FTU 's Alice Mak", "Texas student Ahmed Mohamed");
  but not after a function word ("Muslims in the United States" names no person);
- a person written surname first, as reading lists do ("Marx , Karl"), is also "Karl Marx" and "Marx";
- a person's modifier is cut off first and the bare name counts too: "Michael Tien of NPP",
  "Alvin Yeung from the Civic Party" and "Mark Tedeschi , QC" name "Michael Tien", "Alvin Yeung"
  and "Mark Tedeschi", a place "Irving , Texas" "Irving", an organization "the Centre for Social
  Evolution at the University of Copenhagen" the Centre; a relative clause is cut off after any
  name ("Jason , who is our editor"); a surname after an elided particle is capitalised ("d'Ettorre");
  an editor's insertion in brackets may be left out ("Jeff [ Drake ]" is also "Jeff");
- where no rule above names it, the words that write the mention's Wikipedia identity ("the Bay of
  Bengal area of India" names the Bay of Bengal);

unless that name is
  - a pronoun ("He", "We", "Someone", "Here") or only title words ("The President", "Home Secretary");
  - holding a possessive ("Malaysia 's Prime Minister", "the Korean People 's Army"): GUM puts
    possessor and possessed in one span, so the span names neither alone;
  - capitalised only because it opens the sentence: its first word is written in lower case
    elsewhere in the article ("Members of the Sea Org", "Police"), or it is one word that has no
    Wikipedia identity and never appears capitalised mid-sentence ("People", "Voters", "Hundreds");
  - a coordination: names of two other entities of its etype lie inside the mention, joined by
    "and"/"or" ("Jo Lam of the Green Party and Ana Ruiz of the Labour Party", "the Health and
    Education Departments"; "Preston , Victoria , Australia" is Preston), or a name joined to a
    pronoun ("Rebecca and I");
  - nested in the name of another named mention ("Texas" in "University of Texas Arlington",
    "Refugees" in "United Nations High Commissioner for Refugees"; but "NPP" in "Michael Tien of
    NPP" and "Facebook" in "Facebook creator Mark Zuckerberg" lie outside the name, so they count),
    or in a capitalised name of an event, work or thing ("Vietnam" in "the Vietnam War", "Nobel"
    in "Nobel Peace Prize"): as in flat named-entity annotation, the outermost name is the one
    named, and newsgraph keeps no events, works or things as entities.

A GUM entity is named when one of its mentions is; entities of one document that share a Wikipedia
identity and etype are one entity (GUM sometimes keeps two clusters for it). Identity alone is not
the rule: many named people (Ahmed Mohamed, Jeff Rathke) have none.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..ingest import InputError
from ..records import ORGANIZATION, PERSON, PLACE
from .scores import normalise_name

GUM_KINDS = {"person": PERSON, "organization": ORGANIZATION, "place": PLACE}


DETERMINERS = {"the", "a", "an"}


POSSESSIVES = {"'s", "'", "’s", "’"}


CONNECTORS = {"of", "and", "for", "on", "the", "de", "del", "della", "di", "da", "du", "des", "la", "le",
              "van", "von", "der", "den", "al", "el", "bin", "ibn", "y", "&"}


PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
            "its", "they", "them", "their", "who", "whom", "someone", "somebody", "everyone", "anyone",
            "here", "there", "this", "that", "these", "those", "one"}


TITLE_WORDS = {"president", "vice", "prime", "minister", "secretary", "home", "foreign", "state",
               "sheriff", "mp", "professor", "emeritus", "mr", "mrs", "ms", "dr", "sir", "chairman",
               "spokesperson", "spokesman", "director", "ambassador", "king", "queen", "pope", "senator",
               "governor", "mayor", "general", "chief", "ceo", "judge", "co-founder", "founder",
               "undersecretary", "shadow"}


# Words that open a modifier after the name, and how many words must come before them
# ("Secretary of State" is no "Secretary"; "Irving , Texas" is "Irving"; "the Centre for Social
# Evolution at the University of Copenhagen" is the Centre).
MODIFIER_STARTS = {"person": {"of": 2, "from": 2, ",": 2}, "place": {",": 1}, "organization": {"at": 2}}


# A comma and one of these open a relative clause, which never belongs to the name, whatever its
# length ("Jason , who is our editor", "The New York Times , which writes the issue").
RELATIVES = {"who", "whom", "whose", "which", "where"}


# Coordinating words: a mention holding two other names is a coordination only when one of these joins them
# ("the Health and Education Departments"); "Preston , Victoria , Australia" is Preston.
COORDINATORS = {"and", "or", "&", "nor"}


FUNCTION_WORDS = {"the", "a", "an", "of", "in", "at", "from", "for", "to", "with", "by", "on", "and", "or", "as"}


@dataclass(frozen=True)
class GumMention:
    eid: str
    etype: str
    identity: str
    sent_id: str
    start_tok: int
    end_tok: int
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()  # one word per GUM token


def read_mentions(path: Path) -> tuple[GumMention, ...]:
    """The mentions of one `*.entities.jsonl` file."""
    mentions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            mentions.append(GumMention(str(raw["eid"]), str(raw["etype"]), str(raw.get("identity") or ""),
                                       str(raw["sent_id"]), int(raw["start_tok"]), int(raw["end_tok"]),
                                       str(raw["text"])))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            raise InputError(f"{path}:{number}: not a GUM mention "
                             "({eid, etype, identity, sent_id, start_tok, end_tok, text})") from None
    return tuple(mentions)


@dataclass(frozen=True)
class NamedMention:
    """A mention that names its entity: the tokens of the name proper and the forms it matches by."""

    mention: GumMention
    first_tok: int
    last_tok: int
    forms: frozenset[str]  # normalised: the name, and the name with its modifier


def _name_word(word: str) -> bool:
    """Capitalised, or a surname after an elided particle ("d'Ettorre", "l'Aquila")."""
    return word[0].isupper() or bool(ELIDED_PARTICLE.match(word))


def _capitalised(word: str) -> bool:
    return _name_word(word) or word[0].isdigit()


ELIDED_PARTICLE = re.compile(r"[a-z]{1,2}['’][A-Z]")


def _title_case(words: list[str]) -> bool:
    return bool(words) and _capitalised(words[0]) and all(
        _capitalised(w) or w.lower() in CONNECTORS or not any(c.isalnum() for c in w) for w in words)


def _name_tokens(mention: GumMention) -> tuple[int, int, int] | None:
    """(first, end, modifier end) word indices of the name proper, or None when nothing names."""
    words = mention.words
    first, end = 0, len(words)
    if words[0].lower() in DETERMINERS:
        first += 1
    if end > first and words[end - 1] in POSSESSIVES:
        end -= 1
    full_end = end
    separators = MODIFIER_STARTS.get(mention.etype, {})
    cut = next((i for i in range(first, end) if words[i] in separators and i - first >= separators[words[i]]
                or words[i] == "," and i > first and i + 1 < end and words[i + 1].lower() in RELATIVES), None)
    if cut is not None:
        end = cut
    if _title_case(words[first:end]):
        return first, end, full_end if _title_case(words[first:full_end]) else end
    if mention.etype != "person":
        return None
    run = _trailing_name(words, first, end)
    return (run, end, end) if run is not None else None


def _trailing_name(words: list[str], first: int, end: int) -> int | None:
    """Start of the run of two or more capitalised words (hyphenated tails included: "Cheng Chung - tai")
    that ends words[first:end], after a hyphenated descriptor ("Pan - democrat"), unless a function word
    precedes it ("Muslims in the United States")."""
    run = end
    while run > first:
        word, after_hyphen = words[run - 1], run - 2 >= first and words[run - 2] == "-"
        if not (_name_word(word) or word == "-" or (after_hyphen and word[0].isalpha())):
            break
        run -= 1
    while run < end and not words[run][0].isupper():
        run += 1
    while run + 2 < end and words[run + 1] == "-" and words[run + 2][0].islower():
        run += 3  # "Pan - democrat Gary Fan": a hyphenated descriptor leads the name; "Chung - tai" ends one
    if sum(map(_name_word, words[run:end])) < 2:  # "Scientology - critic" is no name
        return None
    return None if run > first and words[run - 1].lower() in FUNCTION_WORDS else run


def named_mention(mention: GumMention, article: str) -> NamedMention | None:
    """The mention as a name by the module rules, except nesting and coordination (which need the others)."""
    if mention.etype not in GUM_KINDS:
        return None
    span = _name_tokens(mention)
    if span is None:
        return None
    first, end, full_end = span
    words = mention.words[first:end]
    lower = [w.lower() for w in words]
    if (len(words) == 1 and lower[0] in PRONOUNS) or all(w in TITLE_WORDS or w in CONNECTORS for w in lower):
        return None
    if any(w in POSSESSIVES for w in words) or not any(w[0].isupper() for w in words):
        return None  # a possessive makes the name unclear; "107" names nobody
    if mention.start_tok + first == 1:  # the name opens its sentence
        if re.search(rf"(?<!\w){re.escape(lower[0])}(?!\w)", article):
            return None
        mid_sentence = re.search(rf"[^\s.!?\"'“‘]\s+{re.escape(words[0])}(?!\w)", article)
        if len(words) == 1 and not mention.identity and not mid_sentence:
            return None
    forms = {normalise_name(" ".join(words)), normalise_name(" ".join(mention.words[first:full_end]))}
    if "[" in words:  # an editor's insertion: "Jeff [ Drake ]" is Jeff Drake, and Jeff as the speaker said
        forms.add(normalise_name(re.sub(r"\[[^\]]*\]", " ", " ".join(words))))
    if mention.etype == "person" and len(words) == 3 and words[1] == "," and words[0].isalpha() and words[2].isalpha():
        forms |= {normalise_name(f"{words[2]} {words[0]}"), normalise_name(words[0])}  # a list's "Marx , Karl"
    return NamedMention(mention, mention.start_tok + first, mention.start_tok + end - 1, frozenset(forms - {""}))


@dataclass(frozen=True)
class GumEntity:
    """One GUM entity of a document."""

    key: str
    kind: str | None  # Person / Organization / Place, None for the other etypes
    label: str  # its longest named mention (or first mention), for reports
    named: frozenset[str]  # normalised named mentions; empty when the entity is not named
    mentioned: frozenset[str]  # every non-pronoun mention, normalised


def _inside(inner: NamedMention, outer: GumMention, first_tok: int, last_tok: int) -> bool:
    """`inner` names another entity, within tokens first..last of `outer`'s sentence, and is shorter."""
    span = inner.last_tok - inner.first_tok
    return (inner.mention.eid != outer.eid and inner.mention.sent_id == outer.sent_id
            and first_tok <= inner.first_tok and inner.last_tok <= last_tok and span < last_tok - first_tok)


def _coordination(name: NamedMention, names: list[NamedMention]) -> bool:
    mention = name.mention
    lower = [w.lower() for w in mention.words]
    if not COORDINATORS & set(lower):
        return False
    if any(word in COORDINATORS and PRONOUNS & {lower[i - 1], lower[i + 1]}
           for i, word in enumerate(lower[1:-1], 1)):
        return True  # a name and a pronoun: "Rebecca and I" is a group (capitalised, since "I" is)
    inner = {n.mention.eid for n in names
             if n.mention.etype == mention.etype and _inside(n, mention, mention.start_tok, mention.end_tok)}
    return len(inner) >= 2


def _name_after_nested(mention: GumMention, names: list[NamedMention]) -> NamedMention | None:
    """'CEO of the Refugee Council Enver Solomon': a person mention holding another entity's name is
    named by the two or more capitalised words after that name, which end the mention."""
    if mention.etype != "person":
        return None
    inner = [n.last_tok for n in names if n.mention.eid != mention.eid and n.mention.sent_id == mention.sent_id
             and mention.start_tok <= n.first_tok and n.last_tok < mention.end_tok]
    if not inner:
        return None
    first = max(inner) + 1
    words = mention.words[first - mention.start_tok:]
    while words and words[0] in POSSESSIVES:
        words, first = words[1:], first + 1
    if sum(_capitalised(w) for w in words) < 2 or not all(
            _capitalised(w) or w == "-" or (i and words[i - 1] == "-") for i, w in enumerate(words)):
        return None
    return NamedMention(mention, first, mention.end_tok, frozenset({normalise_name(" ".join(words))}))


def _other_name(mention: GumMention) -> NamedMention | None:
    """The capitalised name of a mention of another etype ("the Vietnam War"), which hides the names in it."""
    if mention.etype in GUM_KINDS:
        return None
    words = mention.words
    first = int(words[0].lower() in DETERMINERS)
    end = len(words) - int(words[-1] in POSSESSIVES)
    if end - first < 2 or not _title_case(words[first:end]) or any(w in POSSESSIVES for w in words[first:end]):
        return None
    return NamedMention(mention, mention.start_tok + first, mention.start_tok + end - 1, frozenset())


def identity_name(mention: GumMention) -> NamedMention | None:
    """The mention's words that write its Wikipedia identity's title: GUM says which entity the span
    is, so "the Bay of Bengal area of India" names the Bay of Bengal, and "Hebrew University of
    Jerusalem 's Einstein Institute of Mathematics" the institute (its possessive hides no name)."""
    if mention.etype not in GUM_KINDS or not mention.identity:
        return None
    title, words = mention.identity.replace("_", " ").split(), mention.words
    first = next((i for i in range(len(words) - len(title) + 1) if words[i:i + len(title)] == title), None)
    if first is None or not any(w[0].isupper() for w in title):
        return None
    return NamedMention(mention, mention.start_tok + first, mention.start_tok + first + len(title) - 1,
                        frozenset({normalise_name(" ".join(title))}))


def gum_entities(mentions: Iterable[GumMention], article: str) -> tuple[GumEntity, ...]:
    """Group mentions into entities (by identity and etype, else by eid) and pick the named ones."""
    mentions = list(mentions)
    names = [n for n in (named_mention(m, article) or identity_name(m) for m in mentions) if n]
    names = [_name_after_nested(n.mention, names) or n for n in names] + [
        after for after in (_name_after_nested(m, names) for m in mentions
                            if m.etype == "person" and all(n.mention is not m for n in names)) if after]
    names = [n for n in names if not _coordination(n, names)]
    outer = names + [n for n in map(_other_name, mentions) if n]
    names = [n for n in names if not any(_inside(n, o.mention, o.first_tok, o.last_tok) for o in outer)]
    forms_of = {id(n.mention): n for n in names}
    groups: dict[tuple[str, str], list[GumMention]] = {}
    for mention in mentions:
        key = (mention.etype, mention.identity) if mention.identity else (mention.etype, "#" + mention.eid)
        groups.setdefault(key, []).append(mention)
    entities = []
    for (etype, key), members in groups.items():
        own = [forms_of[id(m)] for m in members if id(m) in forms_of]
        label = max((" ".join(n.mention.words[n.first_tok - n.mention.start_tok:n.last_tok - n.mention.start_tok + 1])
                     for n in own), key=len, default=members[0].text)
        entities.append(GumEntity(
            key=f"{etype}:{key}", kind=GUM_KINDS.get(etype), label=label,
            named=frozenset(f for n in own for f in n.forms),
            mentioned=frozenset(form for m in members if m.text.lower() not in PRONOUNS
                                for form in (normalise_name(m.text), _proper_tail(m))) - {""}))
    return tuple(entities)


def _proper_tail(mention: GumMention) -> str:
    """The capitalised words ending a description of a person, organization or place ("southern Finland",
    "many Americans"): a node of that name names what the description is built on, so it is neutral."""
    words = mention.words
    if mention.etype not in GUM_KINDS or not words or not words[-1][0].isupper():
        return ""
    start = len(words)
    while start > 0 and words[start - 1][0].isupper():
        start -= 1
    before = words[start - 1] if start else ""
    # not after a function word: "author of Alice in Wonderland" is built on no Wonderland
    return normalise_name(" ".join(words[start:])) if before[:1].islower() and before not in FUNCTION_WORDS else ""
