"""Who speaks: the subjects of speech verbs, the speaker of a paragraph's quotes, and what a speaker's own
quotation holds (coref.py reads them to resolve "he", "I" and "it")."""
from __future__ import annotations

from ..records import PERSON
from .deps import APPOS, SUBJECTS
from .nlp import lemma_positions
from .quotation import inside


def speaker_subjects(doc, spans, speech_verbs: frozenset[str]):
    """Subjects of speech verbs outside the paragraph's quotes: who speaks them."""
    return sorted((c for i in lemma_positions(doc, speech_verbs) for c in doc[i].children
                   if c.dep_ in SUBJECTS and not inside(spans, c.idx)), key=lambda t: t.i)


def quote_speaker(speakers, paragraph: int, spans, token_keys, last_speaker: tuple[str, ...]) -> tuple[str, ...]:
    """Who speaks the paragraph's quotes: the one a speech verb outside them names, or the last speaker
    when it is a pronoun ('"… he conceded," he added' continues the quote before)."""
    if not spans:
        return ()
    for subject in speakers:
        keys = keys_of(subject, paragraph, token_keys)
        if keys:
            return keys
        if subject.pos_ == "PRON":
            return last_speaker
    return ()


def speaker_self(speaker: tuple[str, ...], by_key) -> tuple[str, ...] | None:
    """'"I called him," Ruiz said': a person's "I" in their own quote is that person."""
    if len(speaker) == 1 and by_key.get(speaker[0]) is not None and by_key[speaker[0]].kind == PERSON:
        return speaker
    return None


class _QuotedBySpeaker:
    """The referents a speaker's own quotation names: '"…we will host Wang Yi," he said' is not Wang Yi."""

    def __init__(self, doc, paragraph: int, spans: list[tuple[int, int]]):
        self.doc, self.paragraph, self.spans = doc, paragraph, spans

    def __contains__(self, referent) -> bool:
        p, i = referent.position
        return p == self.paragraph and inside(self.spans, self.doc[i].idx)


def quoted_by_speaker(token, paragraph: int, spans, speech_verbs: frozenset[str]):
    """Referents to leave out for a pronoun that is the subject of a speech verb outside quotation marks."""
    if token.dep_ not in SUBJECTS or token.head.lemma_ not in speech_verbs or inside(spans, token.idx) or not spans:
        return ()
    return _QuotedBySpeaker(token.doc, paragraph, spans)


def keys_of(token, paragraph: int, token_keys) -> tuple[str, ...]:
    """The entity a token names, looking through an apposition ('her deputy, Ana Ruiz')."""
    keys = token_keys.get((paragraph, token.i))
    if keys:
        return keys
    for child in token.children:
        if child.dep_ == APPOS and token_keys.get((paragraph, child.i)):
            return token_keys[(paragraph, child.i)]
    return ()
