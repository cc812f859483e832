"""Counts and ratios of a score, and the form names are compared in."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def normalise_name(name: str) -> str:
    """The form names are compared in: case, punctuation, a final possessive and a leading "the" ignored.

    Dots and apostrophes vanish ("U.S." = "US"), other punctuation separates words
    ("Irving , Texas" = "Irving, Texas", "Al - Maeena" = "Al-Maeena").
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = re.sub(r"\s*['’]s?$", "", text)
    text = re.sub(r"[.'’]", "", text)
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class Score:
    """True positives, false positives and misses; precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round_value(self.precision), "recall": round_value(self.recall),
                "f1": round_value(self.f1)}

    def summary(self) -> str:
        return f"P={fmt(self.precision)} R={fmt(self.recall)} F1={fmt(self.f1)}"


@dataclass(frozen=True)
class Ratio:
    """`hits` out of `total` (an accuracy, or nodes per entity)."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict:
        return {"hits": self.hits, "total": self.total, "value": round_value(self.value)}

    def summary(self) -> str:
        return f"{fmt(self.value)} ({self.hits}/{self.total})"


def round_value(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def sum_scores(scores: Iterable, start):
    total = start
    for score in scores:
        total = total + score
    return total
