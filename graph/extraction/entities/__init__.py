"""Entity stage: name mentions found and repaired (mentions.py, spans.py, titles.py, cues.py), clustered
(clusters.py), typed by vote and assembled into records with pronouns resolved (analysis.py, ../coref.py)."""
from .analysis import EntityAnalysis, analyse_entities
from .cues import given_name_gender
from .places import gazetteer


def load_reference_data() -> None:
    """Load the gazetteer and the given names now (else the first document loads them)."""
    gazetteer()
    given_name_gender("Ana")


__all__ = ["EntityAnalysis", "analyse_entities", "load_reference_data"]
