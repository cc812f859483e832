"""The Spark job: articles on any file system Spark reads → N-Quads part files and an entity table.

    spark-submit --master yarn graph/spark/job.py s3a://news/2024/ --output s3a://graphs/news
    newsgraph spark news/ --output out/spark --master 'local[2]'

INPUT is JSON Lines, a folder of .txt (or .html, .warc) files, or Parquet (`id`, `text`, `date`,
`title`, `url` columns). The output folder holds, per run:

- graphs/run-NNNN/part-*.nq: one named graph per document, exactly the quads `newsgraph build -o x.nq`
  writes for it (the same IRIs and labels);
- merged/run-NNNN/part-*.nt: the same triples for the merged default graph a newsgraph store queries;
- entities/run-NNNN/: Parquet, one row per entity over every run so far (key, iri, label, aliases,
  kinds, documents, first): an entity keeps the label of the first document to name it, as in a local
  build, so one entity has one label across the corpus;
- documents/run-NNNN/: Parquet, the documents the run added (what later runs skip as repeats);
- ontology.nq (the ontology's graph, and its triples for the default graph), and runs/run-NNNN.json,
  written last: a run without it never happened, and the next run does it again.

A second run over new articles adds their graphs and updates the entity table without reading the
old articles again: their ids and text hashes come from documents/, their labels from entities/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from dataclasses import asdict, dataclass, field

# Absolute imports: spark-submit runs this file as a script, outside its package.
from graph.errors import NewsgraphError
from graph.ingest import BAD, FOLDER_SUFFIXES, NOT_ENGLISH, REPEATED, parse_date
from graph.rdf.mapping import IriMinter, check_base_iri
from graph.rdf.ontology import ontology_text
from graph.rdf.vocab import DEFAULT_BASE_IRI, ONTOLOGY_GRAPH
from graph.spark import tasks
from graph.spark.output import OutputFolder

ORDER = ("run", "input", "parts", "position")  # a local build's order: the inputs, each file, each document in it
DOCUMENT_COLUMNS = ("place", "id", "text", "date", "title", "url", "source", "key", "digest", "text_key")


class SparkJobError(NewsgraphError):
    """An input or output the job cannot use; the message is one line for the user."""


@dataclass
class RunReport:
    run: int
    built: int = 0
    bad: int = 0
    repeated: int = 0
    not_english: int = 0
    entities: int = 0
    messages: list[str] = field(default_factory=list)  # the skip lines, in input order

    def summary(self, output: str) -> str:
        return (f"newsgraph: run {self.run} into {output}: {self.built} documents built, {self.bad} skipped, "
                f"{self.repeated} repeated, {self.not_english} not in English; {self.entities} entities in all")


def _schemas():
    from pyspark.sql import types as T

    string, integer = T.StringType(), T.IntegerType()
    order = [T.StructField("run", integer), T.StructField("input", integer),
             T.StructField("parts", T.ArrayType(string)), T.StructField("position", integer)]
    rows = T.StructType([*order, *(T.StructField(name, string) for name in (
        "place", "kind", "message", "id", "text", "date", "title", "url", "source", "key", "digest", "text_key"))])
    order_type = T.StructType(order)
    extracted = T.StructType([T.StructField("order", order_type), T.StructField("kind", string),
                              T.StructField("message", string), T.StructField("records", T.BinaryType())])
    entities = T.StructType([T.StructField("key", string), T.StructField("kind", string), T.StructField("name", string),
                             T.StructField("aliases", T.ArrayType(string)), T.StructField("order", order_type)])
    return rows, extracted, entities


def read_inputs(spark, inputs: list[str], run: int, default_date: dt.date | None):
    """A row per document (or skip) of every input: Parquet tables, or files of any kind `build` reads."""
    from pyspark.sql import functions as F

    rows_schema = _schemas()[0]
    frames = []
    for index, path in enumerate(inputs):
        if path.rstrip("/").endswith(".parquet"):
            frames.append(_parquet_rows(spark, path, run, index, default_date, rows_schema))
            continue
        files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path)
        files = files.where(F.lower("path").rlike("(" + "|".join(s.replace(".", r"\.") for s in FOLDER_SUFFIXES)
                                                  + ")$"))
        rdd = files.select("path", "content").rdd.flatMap(
            lambda file, i=index: tasks.read_file_rows(run, i, file.path, bytes(file.content), default_date))
        frames.append(spark.createDataFrame(rdd, rows_schema))
    union = frames[0]
    for frame in frames[1:]:
        union = union.unionByName(frame)
    return union


def _parquet_rows(spark, path, run, index, default_date, schema):
    from graph.ingest.jsonl import document_from_record

    table = spark.read.parquet(path).select("*", "_metadata.file_path", "_metadata.row_index")

    def rows(row):
        record = {k: row[k] for k in ("id", "text", "date", "title", "url") if k in row and row[k] is not None}
        if isinstance(record.get("date"), dt.date):
            record["date"] = record["date"].isoformat()
        name = tasks.local_name(row["file_path"])
        place = f"{name}:{row['row_index'] + 1}"
        try:
            document = document_from_record(record, place, name, default_date).document
        except NewsgraphError as error:
            return [(run, index, [name], row["row_index"], place, BAD, str(error), *([None] * 9))]
        return [tasks.document_row(run, index, [name], row["row_index"], place, document)]

    return spark.createDataFrame(table.rdd.flatMap(rows), schema)


def _first_of(frame, column: str, alongside: tuple[str, ...]):
    """Each row with the `alongside` values of the first row (in corpus order) sharing its `column`."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    window = Window.partitionBy(column).orderBy(*ORDER)
    for name in ("place", *alongside):
        frame = frame.withColumn(f"first_{name}", F.first(name).over(window))
    return frame.withColumn(f"rank_{column}", F.row_number().over(window))


def accepted_documents(rows, previous, run: int, report: RunReport):
    """The documents to build: a repeat (by id, or by text under another id, in this run or an earlier
    one) is skipped as `newsgraph build` skips it; skips are added to the report."""
    from pyspark.sql import functions as F

    reads = rows.where(F.col("kind") == tasks.READ).drop("message")
    if previous is not None:
        reads = reads.unionByName(previous, allowMissingColumns=True)
    by_id = _first_of(reads, "key", ("digest", "url"))
    same = (F.col("digest") == F.col("first_digest")) | (F.col("url").isNotNull()
                                                          & (F.col("url") == F.col("first_url")))
    new = F.col("run") == run
    skips = by_id.where(new & (F.col("rank_key") > 1)).select(
        *ORDER, F.when(same, F.lit(REPEATED)).otherwise(F.lit(BAD)).alias("kind"),
        F.when(same, F.concat_ws("", "place", F.lit(": repeats "), "first_place")).otherwise(F.concat_ws(
            "", "place", F.lit(": document id '"), "id", F.lit("' is already used by another text ("),
            "first_place", F.lit("); give each document its own id"))).alias("message"))
    by_text = _first_of(by_id.where(F.col("rank_key") == 1), "text_key", ())
    skips = skips.unionByName(by_text.where(new & (F.col("rank_text_key") > 1)).select(
        *ORDER, F.lit(REPEATED).alias("kind"),
        F.concat_ws("", "place", F.lit(": repeats "), "first_place", F.lit(" (the same text)")).alias("message")))
    _count(report, rows.where(F.col("kind") != tasks.READ).select(*ORDER, "kind", "message").unionByName(skips))
    return by_text.where(new & (F.col("rank_text_key") == 1)).select(*ORDER, *DOCUMENT_COLUMNS)


def _count(report: RunReport, skips) -> None:
    for row in skips.orderBy(*ORDER).collect():
        report.messages.append(row["message"])
        if row["kind"] == REPEATED:
            report.repeated += 1
        elif row["kind"] == NOT_ENGLISH:
            report.not_english += 1
        elif row["kind"] == BAD:
            report.bad += 1


def run(spark, inputs: list[str], output: str, *, base_iri: str = DEFAULT_BASE_IRI, default_date: dt.date | None = None,
        english_only: bool = True, model: str | None = None, partitions: int | None = None) -> RunReport:
    """One run of the job: the documents of `inputs` not in `output` yet, added to it."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    check_base_iri(base_iri)
    if not inputs:
        raise SparkJobError("no input given")
    folder = OutputFolder(spark, output)
    run_number = folder.next_run()
    report = RunReport(run_number)
    rows_schema, extracted_schema, entities_schema = _schemas()
    documents = accepted_documents(read_inputs(spark, inputs, run_number, default_date), folder.documents(),
                                   run_number, report)
    documents = documents.repartition(partitions or spark.sparkContext.defaultParallelism)
    extracted = spark.createDataFrame(documents.rdd.mapPartitions(
        lambda rows: tasks.extract_rows(rows, model, english_only)), extracted_schema)
    extracted = extracted.persist(StorageLevel.MEMORY_AND_DISK)  # extraction runs once
    _count(report, extracted.where(F.col("kind") != tasks.READ).select("order.*", "kind", "message"))
    built = extracted.where(F.col("kind") == tasks.READ).select("order", "records")
    report.built = built.count()

    mentioned = spark.createDataFrame(built.rdd.flatMap(lambda row: tasks.entity_rows(row["order"], row["records"])),
                                      entities_schema)
    entities = _entity_table(mentioned, folder.entities(), IriMinter(base_iri).base)
    entities = entities.persist(StorageLevel.MEMORY_AND_DISK)
    labels = (mentioned.select("order", "key").join(entities.select("key", "label"), "key")
              .groupBy("order").agg(F.map_from_entries(F.collect_list(F.struct("key", "label"))).alias("labels")))
    graphs = built.join(labels, "order", "left").orderBy("order")
    statements = graphs.rdd.mapPartitions(lambda rows: tasks.nquads_rows(rows, base_iri)).persist(
        StorageLevel.MEMORY_AND_DISK)
    folder.write_text("graphs", run_number, statements.map(lambda pair: pair[0]), ".nq")
    folder.write_text("merged", run_number, statements.map(lambda pair: pair[1]), ".nt")
    folder.write_table("entities", run_number, entities)
    folder.write_table("documents", run_number, documents.select(*ORDER, "place", "id", "key", "digest", "text_key",
                                                                 "url"))
    report.entities = entities.count()
    folder.write_ontology(_ontology_nquads())
    folder.commit(run_number, asdict(report) | {"messages": len(report.messages)})
    for frame in (extracted, entities):
        frame.unpersist()
    statements.unpersist()
    return report


def _entity_table(mentioned, previous, base: str):
    """One row per entity key over all runs: the label of the first document to name it (min by order),
    the other surface forms as aliases, the kinds, how many documents name it, and that first order."""
    from pyspark.sql import functions as F

    mentions = mentioned.groupBy("key").agg(
        F.min_by("name", "order").alias("label"), F.flatten(F.collect_list("aliases")).alias("aliases"),
        F.collect_set("kind").alias("kinds"), F.count("*").alias("documents"), F.min("order").alias("first"))
    if previous is not None:
        mentions = mentions.unionByName(previous.select("key", "label", "aliases", "kinds", "documents", "first"))
    table = mentions.groupBy("key").agg(
        F.min_by("label", "first").alias("label"), F.flatten(F.collect_list("aliases")).alias("aliases"),
        F.array_sort(F.array_distinct(F.flatten(F.collect_list("kinds")))).alias("kinds"),
        F.sum("documents").alias("documents"), F.min("first").alias("first"))
    return table.select(
        "key", F.concat(F.lit(base), "key").alias("iri"), "label",
        F.array_sort(F.array_except(F.array_distinct("aliases"), F.array("label"))).alias("aliases"),
        "kinds", F.col("documents").cast("long").alias("documents"), "first")


def _ontology_nquads() -> str:
    import pyoxigraph as ox

    triples = [quad.triple for quad in ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)]
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    quads += [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")


def session(master: str | None = None, app_name: str = "newsgraph"):
    """A Spark session (the one spark-submit made, or a new one on `master`), its Python workers running
    this interpreter unless the cluster says otherwise."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # read when the session starts (the config key is not)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    """spark-submit entry point: the same job as `newsgraph spark`."""
    parser = argparse.ArgumentParser(prog="graph/spark/job.py", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines, folders of .txt/.html/.warc, or .parquet")
    parser.add_argument("--output", required=True, help="the output folder (any path Spark writes)")
    parser.add_argument("--master", help="Spark master (default: spark-submit's)")
    parser.add_argument("--base-iri", default=DEFAULT_BASE_IRI)
    parser.add_argument("--date", help="article date for texts that carry none (YYYY-MM-DD)")
    parser.add_argument("--lang", choices=["en", "any"], default="en")
    parser.add_argument("--model", help="spaCy pipeline to load on the executors")
    parser.add_argument("--partitions", type=int, help="extraction tasks (default: the cluster's parallelism)")
    args = parser.parse_args(argv)
    try:
        default_date = parse_date(args.date, "--date") if args.date else None
        spark = session(args.master)
        report = run(spark, args.inputs, args.output, base_iri=args.base_iri, default_date=default_date,
                     english_only=args.lang == "en", model=args.model, partitions=args.partitions)
    except NewsgraphError as error:
        print(f"newsgraph: error: {error}", file=sys.stderr)
        return 1
    for message in report.messages:
        print(f"newsgraph: note: {message}", file=sys.stderr)
    print(report.summary(args.output), file=sys.stderr)
    print(json.dumps(asdict(report) | {"messages": len(report.messages)}))
    return 1 if report.bad else 0


if __name__ == "__main__":
    sys.exit(main())
