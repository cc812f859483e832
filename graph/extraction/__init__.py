"""Extraction: a parsed document → entities and events (frozen records), in stage order.

nlp.py (spaCy pipeline, paragraph parsing) → entities/ (name mentions, repair, clustering, typing)
→ coref.py (pronouns and descriptions) → events/ (triggers, roles, modality, quotes) → temporal.py
and dating.py (dates) → document.py (one event per key, reports). Cue words and role patterns come
from a `graph.lexicon.Lexicon` built from the ontology by the caller: nothing here imports RDF.
"""
from .document import extract_document

__all__ = ["extract_document"]
