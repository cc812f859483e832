"""The shape of the code: stage packages, what each may load, module size, and one reading of role patterns.

The import contracts themselves are checked by `lint-imports` (pyproject.toml, run by `make test`);
these tests check what a static import graph cannot: modules loaded at run time.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
from conftest import ontology_copy
from rdflib import Graph, Namespace, URIRef

from graph.evaluation.gold import event_key
from graph.lexicon import DIRECTED, SYMMETRIC, UNARY
from graph.rdf.lexicon import OntologyError, default_lexicon, lexicon_from_graph
from graph.rdf.ontology import shapes_text
from graph.rdf.vocab import NG, NG_IRI

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graph"
SH = Namespace("http://www.w3.org/ns/shacl#")
MAX_MODULE_LINES = 400


def loaded_after(statement: str) -> set[str]:
    """Top-level packages a fresh interpreter has loaded after running `statement`."""
    code = f"import sys\n{statement}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(result.stdout.split())


def test_extraction_and_ingest_never_load_an_rdf_library():
    # every extraction module, and extraction run on a hand-built parse with a lexicon handed over
    statement = (
        "import pkgutil, datetime, graph.extraction, graph.ingest\n"
        "for m in pkgutil.walk_packages(graph.extraction.__path__, 'graph.extraction.'): __import__(m.name)\n"
        "import spacy\n"
        "from spacy.tokens import Doc\n"
        "from graph.lexicon import Lexicon, EventClass\n"
        "from graph.extraction import extract_document\n"
        "from graph.extraction.nlp import ParsedDocument, ParsedParagraph\n"
        "from graph.records import Document, Paragraph\n"
        "doc = Doc(spacy.blank('en').vocab, words=['Ruiz', 'called', 'Okafor'], heads=[1, 1, 1],\n"
        "          deps=['nsubj', 'ROOT', 'dobj'], pos=['PROPN', 'VERB', 'PROPN'], lemmas=['Ruiz', 'call', 'Okafor'],\n"
        "          ents=['B-PERSON', 'O', 'B-PERSON'])\n"
        "call = EventClass('PhoneCall', 'symmetric', frozenset({'call'}), frozenset(), frozenset(), frozenset(),\n"
        "                  frozenset(), frozenset())\n"
        "lexicon = Lexicon((call,), frozenset(), frozenset(), frozenset(), frozenset(), frozenset())\n"
        "parsed = ParsedDocument(Document('t', doc.text, datetime.date(2024, 1, 1)),\n"
        "                        [ParsedParagraph(Paragraph(0, len(doc.text)), doc)])\n"
        "assert [e.kind for e in extract_document(parsed, lexicon).events] == ['PhoneCall']\n"
    )
    loaded = loaded_after(statement)
    assert not loaded & {"rdflib", "pyoxigraph", "pyshacl"}


def test_the_rdf_mapping_store_and_output_never_load_spacy():
    statement = ("import pkgutil, graph.rdf, graph.store, graph.output\n"
                 "for p in (graph.rdf, graph.store, graph.output):\n"
                 "    for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'): __import__(m.name)\n")
    assert "spacy" not in loaded_after(statement)


def test_the_command_line_starts_without_the_model_or_the_rdf_stack():
    assert not loaded_after("import graph.cli") & {"spacy", "rdflib", "pyoxigraph", "networkx"}


def test_every_stage_is_a_package_listed_for_the_wheel():
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    on_disk |= {"graph.output.assets"}  # data only (vendored Cytoscape.js, the page, the JSON-LD context)
    assert declared - {"graph.ontology_data", "graph.ontology_data.queries"} == on_disk
    stages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert stages == {"ingest", "extraction", "rdf", "store", "output", "evaluation", "cli", "spark"}


def test_no_module_is_longer_than_one_sitting():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_every_event_class_has_one_role_pattern_and_the_shapes_agree():
    lexicon = default_lexicon()
    patterns = {c.name: c.role_pattern for c in lexicon.classes}
    assert set(patterns.values()) == {SYMMETRIC, DIRECTED, UNARY}
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    targets = lambda shape: {str(t).rsplit("#", 1)[-1]  # noqa: E731
                             for t in shapes.objects(URIRef(NG_IRI + shape), SH.targetClass)}
    assert targets("SymmetricEventShape") == {n for n, p in patterns.items() if p == SYMMETRIC}
    # the shape that asks for exactly one agent covers directed and unary classes
    assert targets("DirectedEventShape") == {n for n, p in patterns.items() if p != SYMMETRIC}


def test_the_scorer_keys_events_by_the_ontologys_role_patterns():
    for event_class in default_lexicon().classes:
        (key,) = event_key(event_class.name, ["a"], ["b"], ["c"])
        expected = {SYMMETRIC: (frozenset({"a", "b", "c"}),), DIRECTED: ("a", "b"), UNARY: ("a",)}
        assert key == expected[event_class.role_pattern], event_class.name


def test_an_event_class_without_a_role_pattern_is_refused():
    edited = ontology_copy()
    edited.remove((NG.Visit, NG.rolePattern, None))
    with pytest.raises(OntologyError, match="Visit"):
        lexicon_from_graph(edited)
