"""Scores of a whole gold file: run the pipeline on each article, score its graph, micro-average.

True and false positives and misses are summed over documents before dividing. The text report's
last three lines are the headline figures.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..pipeline import extract
from ..rdf.mapping import to_rdf
from .gold import GoldRecord, event_types, gold_document, read_gold
from .links import read_links
from .scores import Ratio, Score, fmt, round_value, sum_scores
from .scoring import DETAIL_LABELS, DocumentScore, score_document


@dataclass(frozen=True)
class Report:
    """Scores of every document of a gold file, micro-averaged."""

    documents: tuple[DocumentScore, ...]

    def _total(self, field: str, start):
        return sum_scores((getattr(d, field) for d in self.documents), start)

    @property
    def events(self) -> Score:
        return self._total("events", Score())

    @property
    def entities(self) -> Score:
        return self._total("entities", Score())

    @property
    def nodes_per_entity(self) -> Ratio:
        return self._total("nodes_per_entity", Ratio())

    @property
    def roles(self) -> Ratio:
        return self._total("roles", Ratio())

    @property
    def dates(self) -> Ratio:
        return self._total("dates", Ratio())

    @property
    def planned(self) -> Ratio:
        return self._total("planned", Ratio())

    @property
    def places(self) -> Ratio:
        return self._total("places", Ratio())

    @property
    def aliases(self) -> Ratio:
        return self._total("aliases", Ratio())

    @property
    def typed(self) -> Ratio:
        return self._total("typed", Ratio())

    @property
    def links(self) -> Ratio:
        return self._total("links", Ratio())

    @property
    def link_coverage(self) -> Ratio:
        return self._total("link_coverage", Ratio())

    @property
    def events_by_type(self) -> dict[str, Score]:
        totals: dict[str, Score] = {}
        for document in self.documents:
            for event_type, score in document.events_by_type:
                totals[event_type] = totals.get(event_type, Score()) + score
        return {t: totals[t] for t in event_types() if t in totals}

    def as_dict(self, verbose: bool = False) -> dict:
        result = {
            "documents": len(self.documents),
            "events": self.events.as_dict(),
            "events_by_type": {t: s.as_dict() for t, s in self.events_by_type.items()},
            "entities": self.entities.as_dict(),
            "nodes_per_entity": round_value(self.nodes_per_entity.value),
            "roles": self.roles.as_dict(), "dates": self.dates.as_dict(), "planned": self.planned.as_dict(),
            "places": self.places.as_dict(), "aliases": self.aliases.as_dict(), "typed": self.typed.as_dict(),
        }
        if self.links.total or self.link_coverage.total:
            result |= {"place_links": self.links.as_dict(), "place_link_coverage": self.link_coverage.as_dict()}
        if verbose:
            result["per_document"] = [
                {"id": d.id, "events": d.events.as_dict(), "entities": d.entities.as_dict(),
                 **{name: list(items) for name, items in d.details().items()}} for d in self.documents]
        return result


def score_table(heading: str, scores: dict[str, Score]) -> list[str]:
    """One aligned line per name: counts, then P, R and F1."""
    lines = [f"{heading:16} {'tp':>3} {'fp':>3} {'fn':>3}  P     R     F1"]
    for name, score in scores.items():
        lines.append(f"{name:16} {score.tp:3} {score.fp:3} {score.fn:3}  "
                     f"{fmt(score.precision):5} {fmt(score.recall):5} {fmt(score.f1)}")
    return lines


def format_report(report: Report, verbose: bool = False) -> str:
    """A compact text report; its last three lines are the headline figures."""
    lines = []
    for document in report.documents:
        lines.append(f"{document.id}: events {document.events.summary()}  entities {document.entities.summary()}")
        if verbose:
            for name, items in document.details().items():
                for item in items:
                    lines.append(f"  {DETAIL_LABELS[name]}: {item}")
    if report.links.total or report.link_coverage.total:
        lines.append(f"place links P={report.links.summary()} coverage {report.link_coverage.summary()}")
    lines += score_table("event type", report.events_by_type)
    lines.append(f"events {report.events.summary()}")
    lines.append(f"entities {report.entities.summary()} nodes/entity={fmt(report.nodes_per_entity.value)} "
                 f"aliases {report.aliases.summary()} typed {report.typed.summary()}")
    lines.append(f"dates {report.dates.summary()}  places {report.places.summary()}  roles {report.roles.summary()}  "
                 f"planned {report.planned.summary()}")
    return "\n".join(lines)


def score_records(records: list[GoldRecord], model: str | None = None,
                  links: dict[str, dict[str, int | None]] | None = None) -> Iterator[DocumentScore]:
    """Extract each gold article (one model load) and score its graph."""
    documents = [gold_document(record) for record in records]  # a missing text fails before the model loads
    for record, result in zip(records, extract(documents, model=model)):
        yield score_document(to_rdf([result]), record, (links or {}).get(record.id))


def evaluate_gold(gold: str | Path, model: str | None = None, links: str | Path | None = None) -> Report:
    """Run the pipeline on every article of a gold file and score it (and its place links, given their list)."""
    expected = read_links(links) if links else None
    return Report(tuple(score_records(read_gold(gold), model=model, links=expected)))
