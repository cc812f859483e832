"""Coreference: resolve pronouns and definite descriptions to the entities named before them.

No neural model can be downloaded here, so this follows the classic rule-based recipe: candidates are
people named (or already resolved) in the last few sentences, filtered by gender agreement and by
binding (an object pronoun is not its own clause's subject), ranked by parallel role, recency and
subjecthood. A pronoun whose best candidates tie stays unresolved rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon
from ..records import PERSON
from .deps import (
    ADVCL,
    AMOD,
    CCOMP,
    COMPOUND,
    CONJ,
    DET,
    DOBJ,
    NSUBJ,
    NUMMOD,
    POBJ,
    POSS,
    PREDET,
    PREP,
    SUBJECTS,
    XCOMP,
)
from .nlp import ParsedDocument, children_with, column, ids
from .quotation import inside
from .speakers import keys_of, quote_speaker, quoted_by_speaker, speaker_self, speaker_subjects

MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
NEUTER_PRONOUNS = {"it", "its"}
FIRST_PERSON_PRONOUNS = {"i", "me", "my", "myself"}
POSSESSIVE_DETERMINERS = {"his", "her", "their", "its"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
PLURAL_DESCRIPTION_DETERMINERS = {"both", "two"}  # "both leaders", "the two presidents"


def _names_a_known_pair(determiners: set[str]) -> bool:
    """'both leaders', 'the two presidents', 'the two' refer back; 'two aides' brings in new people."""
    return "both" in determiners or "two" in determiners and "the" in determiners
SALIENCE_WINDOW = 3  # sentences back that a pronoun may reach
_ANY_WINDOW = max(SALIENCE_WINDOW, 1)  # the widest look back of any rule below (plurals look 1 back)
_REFERRING = ids(("PRON", "NUM", "NOUN", "PROPN"))  # the parts of speech a rule below resolves

# Token addresses are (paragraph index, token index): the unit the event stage asks about.
TokenRef = tuple[int, int]


@dataclass(frozen=True)
class Referable:
    """What coreference needs to know of an entity."""

    key: str
    kind: str
    gender: str | None
    titles: frozenset[str]  # lower-case titles it holds ("president-elect")
    qualifiers: frozenset[str] = frozenset()  # what its titles were qualified with ("russian", "us")



@dataclass(frozen=True)
class _Referent:
    """A resolved mention in document order, for salience."""

    sentence: int  # running sentence number in the document
    position: TokenRef
    keys: tuple[str, ...]
    is_subject: bool
    role: tuple[str, str] = ("", "")  # (dependency, lemma of the governing word), for parallelism
    coordinated: bool = False  # one of "Scholz and Macron": the pair, not either, is what the clause is about


def _clause_subject_keys(token, paragraph: int, token_keys, object_control: frozenset[str]) -> set[str]:
    """Entities that are the subject of the pronoun's own clause (a pronoun object cannot be them)."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    keys: set[str] = set()
    seen = 0
    while seen < 4:
        if verb.dep_ in (XCOMP, ADVCL) and verb.head.lemma_ in object_control and not any(
                c.dep_ in SUBJECTS for c in verb.children):
            # "invited Ruiz to meet with him": the one who meets is Ruiz, so "him" is not Ruiz
            for child in verb.head.children:
                if child.dep_ == DOBJ:
                    keys.update(keys_of(child, paragraph, token_keys))
            break
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                keys.update(keys_of(child, paragraph, token_keys))  # "President, Barack Obama," too
        if verb.dep_ in (CONJ, XCOMP, ADVCL) and verb.head != verb and not any(
                c.dep_ in SUBJECTS for c in verb.children):
            verb = verb.head
            seen += 1
        else:
            break
    return keys


def resolve_references(parsed: ParsedDocument, infos: list[Referable], token_keys: dict[TokenRef, tuple[str, ...]],
                       lexicon: Lexicon) -> None:
    """Resolve he/she/they and 'the <title>' descriptions to earlier entities, or leave them alone."""
    by_key = {info.key: info for info in infos}
    people = {info.key for info in infos if info.kind == PERSON}
    holders_of = _title_holders(infos)
    history: list[_Referent] = []
    quotes = [unit.quotes for unit in parsed.paragraphs]
    start = 0  # referents before this index are out of every window (history is in sentence order)
    sentence_number = 0
    last_speaker: tuple[str, ...] = ()
    sovereign_styles = ids(lexicon.sovereign_styles)
    for p_index, unit in enumerate(parsed.paragraphs):
        speakers = speaker_subjects(unit.doc, quotes[p_index], lexicon.speech_verbs)
        speaker = quote_speaker(speakers, p_index, quotes[p_index], token_keys, last_speaker)
        parts_of_speech, lowers = column(unit.doc, "POS"), column(unit.doc, "LOWER")
        for sentence in unit.doc.sents:
            while start < len(history) and sentence_number - history[start].sentence > _ANY_WINDOW:
                start += 1  # so a long document costs time linear in its length
            for i in range(sentence.start, sentence.end):
                ref = (p_index, i)
                keys = token_keys.get(ref)
                if keys is None and parts_of_speech[i] not in _REFERRING and lowers[i] not in sovereign_styles:
                    continue  # a word that is no name, pronoun, number or noun refers to no one here
                token = unit.doc[i]
                lower = token.lower_
                if keys is None and token.pos_ == "PRON" and lower in MALE_PRONOUNS | FEMALE_PRONOUNS:
                    quoted = quoted_by_speaker(token, p_index, quotes[p_index], lexicon.speech_verbs)
                    # a speaker calls themselves "I": "he" in their own quote is someone else
                    own = speaker if speaker and inside(quotes[p_index], token.idx) else None
                    candidates = [r for r in history[start:] if r not in quoted and r.keys != own]
                    keys = _reporter_of(token, p_index, token_keys, by_key, lexicon.speech_verbs) or \
                        _resolve_singular(token, ref, sentence_number, candidates, by_key, token_keys,
                                          lexicon.object_control_verbs)
                elif keys is None and (token.pos_ == "PRON" and lower in PLURAL_PRONOUNS or token.pos_ == "NUM"
                                       and token.dep_ in SUBJECTS and _names_a_known_pair(
                                           {lower} | {c.lower_ for c in children_with(token, DET)})):
                    # inside a quote, two people merely named before are no group: the speaker may be one
                    # "the King … will host them to thank them": an object group does not hold its clause's subject
                    bound = set() if token.dep_ in SUBJECTS or token.tag_ == "PRP$" else \
                        _clause_subject_keys(token, p_index, token_keys, lexicon.object_control_verbs)
                    keys = _resolve_plural(sentence_number, history[start:], people,
                                           pairs=not inside(quotes[p_index], token.idx), bound=bound)
                elif keys is None and token.pos_ == "PRON" and lower in FIRST_PERSON_PRONOUNS:
                    keys = speaker_self(speaker, by_key) if inside(quotes[p_index], token.idx) else None
                elif keys is None and lower in lexicon.sovereign_styles:
                    keys = _sovereign(token, infos, lexicon)
                elif keys is None and (token.pos_ == "NOUN" or token.pos_ == "PROPN" and lower in lexicon.title_cues):
                    keys = _resolve_description(token, holders_of, sentence_number, history[start:], people,
                                                lexicon.generic_titles)
                elif keys is None and token.pos_ == "PRON" and lower in NEUTER_PRONOUNS:
                    keys = _reporting_body(token, p_index, token_keys, by_key, lexicon.speech_verbs)
                if keys:
                    token_keys[ref] = keys
                    is_head = token.head == token or token_keys.get((p_index, token.head.i)) != keys
                    if is_head:
                        subject = token.dep_ in SUBJECTS
                        group = _coordinated_keys(token, p_index, token_keys)
                        history.append(_Referent(sentence_number, ref, keys, subject, (token.dep_, token.head.lemma_),
                                                 coordinated=len(group) > 1 or token.dep_ == CONJ))
                        if len(group) > 1:
                            history.append(_Referent(sentence_number, ref, group, subject))
            sentence_number += 1
        # read after the paragraph's pronouns are resolved: "…," he added names whom "he" was
        spoke = next((keys for keys in (keys_of(s, p_index, token_keys) for s in reversed(speakers)) if keys), ())
        last_speaker = spoke or last_speaker


def _reporter_of(token, paragraph: int, token_keys, by_key, speech_verbs: frozenset[str]) -> tuple[str, ...] | None:
    """'Katsav refused to meet Abdullah, his office said': the possessive of the one who reports a clause is
    the clause's subject, whoever it names after."""
    if token.dep_ != POSS or token.head.dep_ not in SUBJECTS or token.head.head.lemma_ not in speech_verbs:
        return None
    wanted = "male" if token.lower_ in MALE_PRONOUNS else "female"
    for clause in token.head.head.children:
        if clause.dep_ == CCOMP and clause.i < token.i:
            subjects = children_with(clause, *SUBJECTS)
            keys = keys_of(subjects[0], paragraph, token_keys) if subjects else ()
            info = by_key.get(keys[0]) if len(keys) == 1 else None
            if info is not None and info.kind == PERSON and info.gender in (wanted, None):
                return keys
    return None


def _sovereign(token, infos, lexicon: Lexicon) -> tuple[str, ...] | None:
    """'His Majesty', 'the Monarch': the one reigning monarch the article names, if it names one."""
    if not children_with(token, DET, POSS) and not token.is_title:
        return None
    rulers = [info.key for info in infos if info.kind == PERSON and info.titles & lexicon.sovereign_titles]
    return (rulers[0],) if len(rulers) == 1 else None


def _reporting_body(token, paragraph: int, token_keys, by_key, speech_verbs: frozenset[str]) -> tuple[str, ...] | None:
    """'The ministry said it had invited Ruiz', 'Acme said its deal …': "it" in a reported clause is the
    organization or place that reports it (never a person)."""
    if token.dep_ not in (*SUBJECTS, POSS):
        return None
    clause = token.head if token.dep_ in SUBJECTS else token.head.head
    while clause.dep_ == CONJ and clause.head != clause:
        clause = clause.head
    speaker = clause.head
    if clause.dep_ != CCOMP or speaker.lemma_ not in speech_verbs:
        return None
    for child in speaker.children:
        if child.dep_ == NSUBJ:
            keys = keys_of(child, paragraph, token_keys)
            if len(keys) == 1 and by_key.get(keys[0]) and by_key[keys[0]].kind != PERSON:
                return keys
    return None


def _coordinated_keys(token, paragraph: int, token_keys) -> tuple[str, ...]:
    """'Ruiz and Okafor': every entity of a coordination headed by this token."""
    keys = list(keys_of(token, paragraph, token_keys))
    for child in token.children:
        if child.dep_ == CONJ:
            keys.extend(_coordinated_keys(child, paragraph, token_keys))
    return tuple(dict.fromkeys(keys))


def _resolve_singular(token, ref, sentence_number, history, by_key, token_keys,
                      object_control: frozenset[str]) -> tuple[str, ...] | None:
    wanted = "male" if token.lower_ in MALE_PRONOUNS else "female"
    possessive = token.dep_ == POSS or token.tag_ == "PRP$"
    if possessive:
        acted_on = _acted_on(token, ref[0], token_keys)
        # "congratulated Ruiz on his win": Ruiz's, whoever Ruiz is; but "invited her to Lisbon for his
        # inauguration" is not hers
        disagrees = acted_on and any(by_key[k].gender not in (wanted, None) for k in acted_on if k in by_key)
        if acted_on is not None and not disagrees:
            return acted_on or None
        ahead = _fronted_subject(token, ref[0], token_keys)
        info = by_key.get(ahead[0]) if ahead else None
        if info is not None and info.kind == PERSON and info.gender in (wanted, None):
            return ahead
    excluded = set() if possessive or token.dep_ in SUBJECTS else \
        _clause_subject_keys(token, ref[0], token_keys, object_control)
    scored = []
    for referent in history:
        if len(referent.keys) != 1 or sentence_number - referent.sentence > SALIENCE_WINDOW:
            continue
        info = by_key.get(referent.keys[0])
        if info is None or info.kind != PERSON or info.key in excluded:
            continue
        if info.gender not in (wanted, None):
            continue
        # a known gender only breaks ties: recency and subjecthood decide ("Sunak told … that he had called")
        gender_rank = 0 if info.gender == wanted else 1
        distance = sentence_number - referent.sentence
        # "Stoltenberg congratulated Erdoğan … Kristersson congratulated him": same verb, same role
        parallel = 0 if distance <= 1 and not possessive and referent.role == (token.dep_, token.head.lemma_) else 1
        salience = 2 if referent.coordinated else 0 if referent.is_subject else 1  # "Scholz and Macron …"
        if possessive and distance == 0:
            # its sentence's subject's ("Trump spoke with Zelensky after his victory"), else the nearest one's
            score = (1, 0, min(salience, 1), -referent.position[1], gender_rank)
        else:
            score = (parallel, distance, salience, gender_rank, -referent.position[1])
        scored.append((score, info.key))
    if not scored:
        return None
    scored.sort()
    best = scored[0]
    # Two different entities equally salient: leave the pronoun unresolved rather than guess.
    if len(scored) > 1 and scored[1][0][:4] == best[0][:4] and scored[1][1] != best[1] and not possessive:
        return None
    return (best[1],)


OBJECT_ORIENTED_PREPS = {"on", "for", "over"}  # "praised Ruiz for her work": her is Ruiz


def _acted_on(token, paragraph: int, token_keys) -> tuple[str, ...] | None:
    """'congratulated Ruiz on his victory', 'thanked Lee for her help': a possessive in such a phrase is the
    object's; () when the object names no one we know, None when the phrase is not of that shape."""
    noun, prep = token.head, token.head.head
    if noun.dep_ != POBJ or prep.lower_ not in OBJECT_ORIENTED_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    objects = children_with(prep.head, DOBJ)
    if not objects:
        return None
    keys = keys_of(objects[0], paragraph, token_keys)
    return keys if len(keys) == 1 else ()


def _fronted_subject(token, paragraph: int, token_keys) -> tuple[str, ...]:
    """'In his concession speech, Aguirre …': a possessive in a phrase before the subject is the subject."""
    node = token
    while node.dep_ != PREP and node.head != node:
        node = node.head
    verb = node.head
    if node.dep_ != PREP or verb.pos_ not in ("VERB", "AUX"):
        return ()
    for child in verb.children:
        if child.dep_ == NSUBJ and child.i > node.i:
            keys = token_keys.get((paragraph, child.i), ())
            return keys if len(keys) == 1 else ()
    return ()


def _resolve_plural(sentence_number, history, people: set[str], pairs: bool = True,
                    bound: set[str] = frozenset()) -> tuple[str, ...] | None:
    """'they' / 'both leaders': the most recent group of two or more people named together,
    else the only two people of this or the previous sentence; never a group holding one of `bound`."""
    recent = [r for r in history if sentence_number - r.sentence <= 1 and set(r.keys) <= people]
    for referent in reversed(recent):
        if len(referent.keys) > 1 and not bound & set(referent.keys):
            return referent.keys
    if not pairs:
        return None
    same_sentence = [r for r in recent if r.sentence == sentence_number] or \
        [r for r in recent if r.sentence == sentence_number - 1]
    keys = tuple(dict.fromkeys(k for r in same_sentence for k in r.keys))
    return keys if len(keys) == 2 and not bound & set(keys) else None


def _title_holders(infos: list[Referable]) -> tuple[list[Referable], dict[str, list[Referable]]]:
    """The people who hold a title, and those holding each title, in the order of `infos` (read once per
    document: every noun after 'the' or 'his' asks)."""
    titled = [info for info in infos if info.kind == PERSON and info.titles]
    by_title: dict[str, list[Referable]] = {}
    for info in titled:
        for title in info.titles:
            by_title.setdefault(title, []).append(info)
    return titled, by_title


def _resolve_description(token, holders_of: tuple[list[Referable], dict[str, list[Referable]]], sentence_number,
                         history, people, generic_titles: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """'the president-elect' → the one entity holding that title; 'both leaders' → a recent pair; 'the
    Russian leader' → the one person whose title was qualified 'Russian', whatever the title
    (`holders_of`: `_title_holders` of the document's entities)."""
    determiners = {c.lower_ for c in children_with(token, DET, PREDET, NUMMOD, POSS)}
    if token.ent_type_ or not determiners:
        return None
    if token.tag_ == "NNS" and determiners & PLURAL_DESCRIPTION_DETERMINERS:
        if not _names_a_known_pair(determiners):
            return None
        return _resolve_plural(sentence_number, history, people)
    # "the president-elect", and "his spokeswoman" once one spokeswoman has been named
    if not determiners & ({"the"} | POSSESSIVE_DETERMINERS):
        return None
    modifiers = [c.i for c in children_with(token, COMPOUND, AMOD) if c.i < token.i]
    title = token.doc[min(modifiers, default=token.i):token.i + 1].text.lower().replace(" - ", "-")
    # "the US President": the title without the place qualifying it
    unqualified = " ".join(t.lower_ for t in token.doc[min(modifiers, default=token.i):token.i + 1]
                           if not t.ent_type_ or t.i == token.i).replace(" - ", "-")
    qualifier = " ".join(token.doc[i].lower_ for i in modifiers if token.doc[i].ent_type_).replace(".", "")
    generic = token.lower_ in generic_titles  # "leader" fits a president, a premier, a party chief
    titled, by_title = holders_of
    for wanted in dict.fromkeys((title, unqualified)):
        holders = titled if generic else by_title.get(wanted, [])
        if qualifier and (generic or len(holders) > 1):
            holders = [info for info in holders if qualifier in info.qualifiers]  # "the Russian president"
        elif generic:
            holders = [info for info in holders if token.lower_ in info.titles]
        if holders:
            return (holders[0].key,) if len(holders) == 1 else None
    return None
