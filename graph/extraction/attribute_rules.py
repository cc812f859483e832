"""The pipeline's attribute ruler, matched by table lookup instead of spaCy's Matcher.

The English pipelines map each fine-grained tag to a part of speech and morphology, and fix a few
words, with about 180 one- and two-token patterns in an `attribute_ruler`. spaCy finds them with its
general Matcher, which took 0.8 s of a 5.4 s parse of 100 news articles here. These patterns only
compare a token's tag, lower-case form, dependency label or whitespace, so a lookup by value finds
the same matches: the ruler keeps its patterns, their precedence (a later pattern wins: matches are
sorted as spaCy sorts them) and spaCy's own setter, so every token gets the same attributes (tested
against the Matcher). A ruler with any other kind of pattern keeps spaCy's Matcher.

A tag's rule, one token tested by its tag alone, matches wherever the lookup finds it, with no test
left to run; and the matched token is set directly rather than through a Span made per match (one per
token of a tagged text). The ruler's time on the paragraphs of 100 articles: 0.106 → 0.063 s, every
tag, part of speech, morphology, lemma and norm of the 82,938 tokens of the eval sets, the development
set, the examples, the bench corpus and PLOVER the same.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens._retokenize import set_token_attrs

# the pattern keys these rulers use, read for all tokens at once with Doc.to_array
TOKEN_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# a rule is looked up by the first of these its first token names by value (the most selective first)
INDEXED = ("LOWER", "DEP", "TAG", "IS_SPACE")


@dataclass(frozen=True)
class _Rule:
    position: int  # the ruler's attribute id: later positions win
    match_id: int
    tokens: tuple[tuple[tuple[str, Callable[[int], bool]], ...], ...]  # per token, (pattern key, test) pairs
    certain: bool = False  # matches wherever its index finds it: one token, tested only by the indexed value

    def matches_at(self, columns: dict[str, list], length: int, start: int) -> bool:
        if start + len(self.tokens) > length:
            return False
        for offset, conditions in enumerate(self.tokens):
            for attribute, test in conditions:
                if not test(columns[attribute][start + offset]):
                    return False
        return True


def _test(value, strings) -> Callable[[int], bool] | None:
    """A test of a token's value as `Doc.to_array` gives it: a string's hash (`strings`), or 0/1 for a flag."""
    code = strings.add if not isinstance(value, bool) else int
    if not isinstance(value, dict):
        return code(value).__eq__
    if len(value) != 1:
        return None
    (operator, operand), = value.items()
    if operator == "IN":
        return frozenset(map(code, operand)).__contains__
    if operator == "NOT_IN":
        excluded = frozenset(map(code, operand))
        return lambda v: v not in excluded
    if operator == "REGEX":
        search = re.compile(operand).search
        return functools.cache(lambda v: bool(search(strings[v])))  # a document repeats its words
    return None


def _index_values(first_token: dict) -> tuple[str, tuple] | None:
    """The attribute and values a rule is found under: its first token's form, label, tag or flag."""
    for key in INDEXED:
        value = first_token.get(key)
        if isinstance(value, (str, bool)):
            return key, (value,)
        if isinstance(value, dict) and set(value) == {"IN"}:
            return key, tuple(value["IN"])
    return None


class FastMatcher:
    """Finds an attribute ruler's matches, as `AttributeRuler.match` returns them."""

    def __init__(self, index: dict[str, dict[int, list[_Rule]]], unindexed: list[_Rule]):
        self.index, self.unindexed = index, unindexed

    @classmethod
    def of(cls, ruler) -> FastMatcher | None:
        """The fast matcher of a ruler's patterns; None when a pattern takes a form it does not read."""
        index, unindexed = {key: {} for key in INDEXED}, []
        for position, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens = []
                for token in pattern:
                    tests = [(key, _test(value, ruler.vocab.strings)) for key, value in token.items()]
                    if not token or any(key not in TOKEN_ATTRIBUTES or test is None for key, test in tests):
                        return None
                    tokens.append(tuple(tests))
                found = _index_values(pattern[0])
                certain = found is not None and len(tokens) == 1 and [key for key, _ in tokens[0]] == [found[0]]
                rule = _Rule(position, ruler.vocab.strings.add(str(position)), tuple(tokens), certain)
                if found is None:
                    unindexed.append(rule)
                else:
                    key, values = found
                    for value in values:
                        code = int(value) if isinstance(value, bool) else ruler.vocab.strings.add(value)
                        index[key].setdefault(code, []).append(rule)
        return cls(index, unindexed)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(list(TOKEN_ATTRIBUTES)).T.tolist() if len(doc) else [[] for _ in TOKEN_ATTRIBUTES]
        columns = dict(zip(TOKEN_ATTRIBUTES, rows))
        length, found = len(doc), []
        for key in INDEXED:
            rules_by_value = self.index[key]
            for start, value in enumerate(columns[key]):
                for rule in rules_by_value.get(value, ()):
                    if rule.certain or rule.matches_at(columns, length, start):
                        found.append((rule.position, rule.match_id, start, start + len(rule.tokens)))
        for rule in self.unindexed:
            found += [(rule.position, rule.match_id, start, start + len(rule.tokens))
                      for start in range(length) if rule.matches_at(columns, length, start)]
        found.sort()  # as AttributeRuler.match: by attribute id, so that later rules take precedence
        return found


def token_setter(ruler) -> Callable | None:
    """`ruler.set_annotations` without a Span made per match (spaCy makes one to find the token a pattern
    sets, one per token of a tagged text): the same token set with spaCy's own setter. None where a pattern
    sets a token outside its match, for spaCy's own code to raise its own error about it."""
    lengths = {}
    for position, entry in enumerate(ruler.patterns):
        lengths[position] = {len(pattern) for pattern in entry["patterns"]}
    if not all(-size <= ruler.indices[position] < size for position, sizes in lengths.items() for size in sizes):
        return None
    attrs, indices = ruler.attrs, ruler.indices

    def set_annotations(doc, matches) -> None:
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[attr_id])

    return set_annotations


def speed_up_attribute_ruler(nlp):
    """Swap the Matcher of the pipeline's attribute ruler for a FastMatcher where its patterns allow, and
    set what it matches without a Span per match."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    matcher = FastMatcher.of(ruler)
    if matcher is not None:
        ruler.match = matcher  # __call__ asks self.match for the matches, then self.set_annotations to set them
    setter = token_setter(ruler)
    if setter is not None:
        ruler.set_annotations = setter
    return nlp
