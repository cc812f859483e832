"""Evaluation: scoring the graph the pipeline builds against gold annotations.

gold.py reads gold files, graph_nodes.py reads entities and events back from RDF, scoring.py scores
one document, report.py a whole file; gum.py (with gum_names.py) scores entities against GUM.
"""
