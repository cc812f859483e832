"""Storing and serving graphs: a persistent Oxigraph store folder (folder.py), SPARQL over files and
stores with a time limit (query.py), the HTTP endpoint (serve.py) and pushing to other triple stores
(push.py). Reads RDF only."""
from .folder import Store, StoreError

__all__ = ["Store", "StoreError"]
