"""Storing and serving graphs: a persistent Oxigraph store folder (folder.py), SPARQL over files and
stores with a time limit (query.py), the HTTP endpoint (serve.py on http.py, its queries in worker
processes: pool.py, worker.py; SERVICE/LOAD targets: federation.py) and pushing to other triple
stores (push.py). Reads RDF only."""
from .folder import Store, StoreError

__all__ = ["Store", "StoreError"]
