"""Statements' words: the quotation a speech verb takes, its reported clause, and attributions."""
from __future__ import annotations

from ..deps import CCOMP, DOBJ, POBJ
from ..quotation import quote_spans
from .mention import EventMention, TokenEntities, children_with, replaced


def attach_quote(mention: EventMention, trigger, spans: list[tuple[int, int]]) -> EventMention:
    """A speech verb outside quotation marks takes the nearest quotation of its paragraph."""
    doc = trigger.doc
    position = trigger.idx
    outside = [span for span in spans if not span[0] <= position < span[1]]
    if outside:
        begin, end = min(outside, key=lambda s: min(abs(position - s[0]), abs(position - s[1])))
        quote = doc.text[begin + 1:end - 1].strip().rstrip(",").strip()
        return replaced(mention, quote=quote, quote_span=(begin, end))
    for clause in children_with(trigger, CCOMP):
        tokens = list(clause.subtree)
        return replaced(mention, quote=doc[tokens[0].i:tokens[-1].i + 1].text,
                       report_span=(tokens[0].i, tokens[-1].i + 1))
    return mention


OPENING_QUOTES = {'"', "“", "‘", "'", "``"}


def quoted_complement(verb) -> bool:
    """'called the deal "a turning point"', 'calling it "a model"', 'labelled him as "a traitor"': the verb's
    object is followed by a quotation that says what it is."""
    doc = verb.doc
    for child in children_with(verb, DOBJ):
        # the first word after the object's own words (an opening quote may hang on the object)
        after = child.right_edge.i + (0 if child.right_edge.text in OPENING_QUOTES else 1)
        if after < len(doc) and doc[after].lower_ == "as":
            after += 1
        if after < len(doc) and doc[after].text in OPENING_QUOTES:
            # a quotation that opens there, not one that closes ('"We called Lee" she said')
            return any(begin == doc[after].idx for begin, _ in quote_spans(doc.text))
    return False


def attribution(token, sentence: TokenEntities) -> EventMention | None:
    """'according to X' attributes the sentence to X: any attribution phrase of the lexicon
    (ng:attributionCue) starting at `token`, whose last word's object names an entity.

    The phrase's words must hang together in the parse (its last word depends on an earlier one),
    so "according" and a stray "to" three words on are no attribution."""
    doc = token.doc
    for phrase in sorted(sentence.lexicon.attribution_phrases):
        words = phrase.split()
        if token.lower_ != words[0] or [t.lower_ for t in doc[token.i:token.i + len(words)]] != words:
            continue
        last = doc[token.i + len(words) - 1]
        if len(words) > 1 and not token.i <= last.head.i < last.i:
            continue
        for source in children_with(last, POBJ, DOBJ):
            keys = sentence.group(source)
            if keys:
                event_class = sentence.lexicon.attribution_class(phrase)
                return EventMention(kind=event_class.name, trigger=phrase, paragraph=sentence.paragraph,
                                    token=token.i, agent=keys[0])
    return None
