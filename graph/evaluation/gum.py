"""Scores named people, organizations and places against GUM's entity annotations (named as gum_names.py says).

Matching as in `graph.evaluation.scores.normalise_name`): a named mention lands on the
graph nodes whose label or alias equals it; a person mention with none lands on the Person nodes
whose name ends it longest ("Emeritus Professor John Burrows" on "John Burrows", "Mr Key" on "Key"),
though not across "of" ("Elizabeth Quat of DAB" does not land on "DAB").

- recall: a named entity is found when one of its named mentions lands on a node of its kind
  (landing only on nodes of another kind is reported as "wrong kind");
- precision: a node of a kind matching no GUM mention of any etype is a false positive; a node
  matching only GUM entities that are not named, or named with another kind, is neutral (GUM
  types a country as organization where it acts, "North Korea" says), since the annotation cannot
  tell it wrong, and so is a node named by the capitalised words ending a description of a person,
  organization or place ("southern Finland", "many Americans"); GUM's person entities include
  groups of people ("Muslims"), so an ng:Group node counts as a Person node; counts: found
  entities, false positive nodes, missed entities, per kind, micro-averaged over documents;
- purity: of the entities whose named mentions land anywhere, the share landing on one node
  ("Trump" and "Donald Trump" as two nodes make Trump impure).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Graph

from ..ingest import InputError, document_from_text
from ..pipeline import extract
from ..rdf.mapping import to_rdf
from ..records import ENTITY_KINDS, GROUP, PERSON, Document
from .graph_nodes import EntityNode, entity_nodes
from .gum_names import GumEntity, gum_entities, read_mentions
from .report import score_table
from .scores import Ratio, Score, sum_scores


def landing_nodes(name: str, kind: str | None, nodes: tuple[EntityNode, ...]) -> set[str]:
    """The nodes a named mention lands on: exact names, else (people) the longest name ending it."""
    exact = {n.iri for n in nodes if name in n.names}
    if exact or kind != PERSON:
        return exact
    ending = [(len(alias), n.iri) for n in nodes if PERSON in n.kinds for alias in n.names
              if name.endswith(" " + alias) and "of" not in name[:-len(alias)].split()]
    longest = max((length for length, _ in ending), default=0)
    return {iri for length, iri in ending if length == longest}


@dataclass(frozen=True)
class GumDocumentScore:
    id: str
    by_kind: tuple[tuple[str, Score], ...]
    purity: Ratio
    missed: tuple[str, ...] = ()  # no node bears one of its names
    wrong_kind: tuple[str, ...] = ()  # only nodes of another kind do (also misses)
    false_positives: tuple[str, ...] = ()
    split: tuple[str, ...] = ()


def score_gum_graph(graph: Graph, entities: tuple[GumEntity, ...], doc_id: str) -> GumDocumentScore:
    """Score one document's RDF graph against its GUM entities (no model needed)."""
    # GUM types a group of people as a person ("Muslims", "the Palestinians"): so does its score
    nodes = tuple(replace(n, kinds=frozenset(PERSON if k == GROUP else k for k in n.kinds))
                  for n in entity_nodes(graph, groups=True))
    kind_of = {n.iri: n for n in nodes}
    found, missed, wrong_kind, split, landed_any = set(), [], [], [], Ratio()
    correct_nodes: set[str] = set()
    for entity in (e for e in entities if e.named):
        landed = set().union(*(landing_nodes(name, entity.kind, nodes) for name in entity.named))
        right_kind = {iri for iri in landed if entity.kind in kind_of[iri].kinds}
        correct_nodes |= landed
        if right_kind:
            found.add(entity.key)
        elif landed:
            kinds = "/".join(sorted({k for iri in landed for k in kind_of[iri].kinds}))
            wrong_kind.append(f"{entity.label} ({entity.kind}, found as {kinds})")
        else:
            missed.append(f"{entity.label} ({entity.kind})")
        if landed:
            landed_any += Ratio(int(len(landed) == 1), 1)
            if len(landed) > 1:
                split.append(f"{entity.label}: {', '.join(sorted(kind_of[i].label for i in landed))}")
    mentioned = set().union(*(e.mentioned for e in entities)) if entities else set()
    false_positives = [n for n in nodes if n.iri not in correct_nodes and not n.names & mentioned]
    by_kind = []
    for kind in ENTITY_KINDS:
        gold = [e for e in entities if e.named and e.kind == kind]
        tp = sum(e.key in found for e in gold)
        fp = sum(min(n.kinds) == kind for n in false_positives)
        by_kind.append((kind, Score(tp, fp, len(gold) - tp)))
    return GumDocumentScore(doc_id, tuple(by_kind), landed_any, tuple(missed), tuple(wrong_kind),
                            tuple(f"{n.label} ({'/'.join(sorted(n.kinds))})" for n in false_positives),
                            tuple(split))


@dataclass(frozen=True)
class GumReport:
    documents: tuple[GumDocumentScore, ...]

    @property
    def by_kind(self) -> dict[str, Score]:
        return {kind: sum_scores((dict(d.by_kind)[kind] for d in self.documents), Score()) for kind in ENTITY_KINDS}

    @property
    def overall(self) -> Score:
        return sum_scores(self.by_kind.values(), Score())

    @property
    def purity(self) -> Ratio:
        return sum_scores((d.purity for d in self.documents), Ratio())

    def as_dict(self, verbose: bool = False) -> dict:
        result = {"documents": len(self.documents), "entities": self.overall.as_dict(),
                  "by_kind": {k: s.as_dict() for k, s in self.by_kind.items()}, "purity": self.purity.as_dict()}
        if verbose:
            result["per_document"] = [{"id": d.id, "missed": list(d.missed), "wrong_kind": list(d.wrong_kind),
                                       "false_positives": list(d.false_positives),
                                       "split": list(d.split)} for d in self.documents]
        return result


def format_gum_report(report: GumReport, verbose: bool = False) -> str:
    """Per-kind table; the last line is the headline."""
    lines = []
    if verbose:
        for document in report.documents:
            lines.append(f"{document.id}: {sum_scores((s for _, s in document.by_kind), Score()).summary()}")
            lines += [f"  missed: {m}" for m in document.missed]
            lines += [f"  wrong kind: {m}" for m in document.wrong_kind]
            lines += [f"  false positive: {f}" for f in document.false_positives]
            lines += [f"  split: {s}" for s in document.split]
    lines += score_table("GUM kind", report.by_kind)
    lines.append(f"gum entities {report.overall.summary()} purity={report.purity.summary()}")
    return "\n".join(lines)


def gum_articles(folder: str | Path) -> list[tuple[Document, tuple[GumEntity, ...]]]:
    """Each annotated article of a GUM folder (texts `NAME.txt` in its parent) with its entities."""
    folder = Path(folder)
    files = sorted(folder.glob("*.entities.jsonl")) if folder.is_dir() else []
    if not files:
        raise InputError(f"{folder}: no GUM *.entities.jsonl files there")
    articles = []
    for path in files:
        name = path.name.removesuffix(".entities.jsonl")
        text_path = folder.parent / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(f"{text_path}: no such text file (for {path.name})")
        raw = text_path.read_text(encoding="utf-8")
        document = document_from_text(raw, doc_id=name, source=str(text_path), default_date=None,
                                      where=str(text_path))
        articles.append((document, gum_entities(read_mentions(path), raw)))
    return articles


def score_gum(articles, model: str | None = None) -> Iterator[GumDocumentScore]:
    """Extract each article (one model load) and score its graph's entities."""
    for (document, entities), result in zip(articles, extract([d for d, _ in articles], model=model)):
        yield score_gum_graph(to_rdf([result]), entities, document.id)


def evaluate_gum(folder: str | Path, model: str | None = None) -> GumReport:
    """Run the pipeline on every GUM-annotated article of `folder` and score its entities."""
    return GumReport(tuple(score_gum(gum_articles(folder), model=model)))
