"""Titles a sentence gives a person rather than writes before the name: 'the day after becoming Prime
Minister', 'was elected president', 'was sworn in as governor' (`ng:becomingVerbCue`)."""
from __future__ import annotations

from ...lexicon import Lexicon
from ..coref import TokenRef
from ..deps import ADVCL, AMOD, ATTR, COMPOUND, CONJ, NPADVMOD, NSUBJ, NSUBJPASS, OPRD, PCOMP, POBJ, PREP, XCOMP
from ..nlp import children_with, column, ids

_PREDICATE_DEPS = ids((ATTR, OPRD, XCOMP, POBJ))  # where a noun is what its subject is or becomes


def _title_of(token, lexicon: Lexicon) -> str | None:
    """The title a noun and its compounds spell ('Prime Minister'; in lower case the parser takes 'prime'
    for an adjective: 'will become prime minister'), if it is one."""
    for deps in ((COMPOUND, AMOD), (COMPOUND,)):
        words = [c for c in children_with(token, *deps) if c.i < token.i] + [token]
        text = " ".join(w.text for w in sorted(words, key=lambda w: w.i))
        if text.lower() in lexicon.title_cues:
            return text
    return None


def _subject_keys(verb, paragraph: int, token_keys: dict[TokenRef, tuple[str, ...]]) -> tuple[str, ...]:
    """The subject of the verb, or of the clause it hangs from ('Ruiz, … after becoming mayor')."""
    for _ in range(6):
        subjects = children_with(verb, NSUBJ, NSUBJPASS)
        if subjects:
            return token_keys.get((paragraph, subjects[0].i), ())
        if verb.head == verb or verb.dep_ not in (PCOMP, ADVCL, XCOMP, CONJ, PREP, POBJ, NPADVMOD):
            return ()
        verb = verb.head  # through "the day after becoming …" up to the clause that has a subject
    return ()


def predicate_titles(parsed, token_keys: dict[TokenRef, tuple[str, ...]], lexicon: Lexicon
                     ) -> list[tuple[str, str]]:
    """(entity key, title) for each title a becoming verb gives its subject."""
    found = []
    for p_index, unit in enumerate(parsed.paragraphs):
        for i, label in enumerate(column(unit.doc, "DEP")):
            if label not in _PREDICATE_DEPS:
                continue
            token = unit.doc[i]
            title = _title_of(token, lexicon)
            if title is None:
                continue
            verb = token.head.head if token.dep_ == POBJ and token.head.lower_ == "as" else token.head
            if verb.lemma_.lower() not in lexicon.becoming_verbs:
                continue
            keys = _subject_keys(verb, p_index, token_keys)
            if len(keys) == 1:
                found.append((keys[0], title))
    return found
