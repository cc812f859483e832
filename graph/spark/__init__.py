"""Apache Spark: the build on a cluster (job.py, run by `newsgraph spark` or spark-submit), an entry point
over the same ingest, extraction and RDF mapping as `newsgraph build`. Needs `pip install 'newsgraph[spark]'`."""
