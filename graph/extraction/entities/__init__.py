"""Entity stage: name mentions found and repaired (mentions.py, spans.py, titles.py, cues.py), clustered
(clusters.py), typed by vote and assembled into records with pronouns resolved (analysis.py, ../coref.py)."""
from .analysis import EntityAnalysis, analyse_entities

__all__ = ["EntityAnalysis", "analyse_entities"]
