"""Output: what a graph file or store becomes. sources.py opens it, export.py writes RDF formats,
tables.py reads it back as entity and event rows (CSV), networks.py projects it for GraphML, GEXF and
Cytoscape.js, draw.py draws it (HTML, SVG, PNG); files.py writes every output atomically. Reads RDF only."""
