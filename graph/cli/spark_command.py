"""spark: the build on Apache Spark (graph/spark/job.py), for corpora beyond one machine."""
from __future__ import annotations

import click

from ..rdf.iris import DEFAULT_BASE_IRI
from . import fail, main, user_errors
from .terminal import echo_err


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", required=True, metavar="DIR",
              help="Output folder on any file system Spark writes (local, hdfs://, s3a://); a second run adds to it.")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master: local[N], spark://HOST:7077, yarn, k8s://…")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True,
              help="Base of the IRIs minted for entities, events and documents.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Article date for texts that carry none.")
@click.option("--lang", type=click.Choice(["en", "any"]), default="en", show_default=True,
              help="en: skip (and count) documents clearly in another language; any: build every document.")
@click.option("--model", default=None, help="spaCy pipeline the executors load.")
@click.option("--partitions", type=click.IntRange(1), metavar="N",
              help="Extraction tasks (default: the cluster's parallelism).")
@user_errors
def spark(inputs, output, master, base_iri, date, lang, model, partitions):
    """Build the graph of INPUTS on Apache Spark: JSON Lines, folders of .txt/.html/.warc files, or .parquet
    tables (id, text, date, title, url), on any path Spark reads. Writes N-Quads part files (one named
    graph per document, as `build -o x.nq` writes them), their merged triples, and an entity table
    (one label per entity across the corpus). Articles already in DIR are skipped, not read again.

    \b
    Example:
      newsgraph spark news/ --output out/spark --master 'local[2]'
      oxigraph load --location out/store --file out/spark/ontology.nq out/spark/graphs/*/*.nq out/spark/merged/*/*.nt
      newsgraph query --store out/store --name events
      spark-submit --master yarn graph/spark/job.py s3a://news/2024/ --output s3a://graphs/news
    """
    from ..ingest import parse_date

    try:
        from ..spark.job import run, session
    except ImportError as error:
        fail(f"Apache Spark is not installed ({error.name}): pip install 'newsgraph[spark]'")
    default_date = parse_date(date, "--date") if date else None
    report = run(session(master), list(inputs), output, base_iri=base_iri, default_date=default_date,
                 english_only=lang == "en", model=model, partitions=partitions)
    for message in report.messages:
        echo_err(f"newsgraph: note: {message}")
    echo_err(report.summary(output))
    if report.bad:
        raise SystemExit(1)
