"""The job's output folder on any file system Spark writes (local, HDFS, S3), through Hadoop's FileSystem.

A run writes everything under run-NNNN folders, then its marker runs/run-NNNN.json: the runs with a
marker are the corpus; a run killed before its marker is written again by the next run.
"""
from __future__ import annotations

import json
import re

_RUN = re.compile(r"run-(\d{4,})\.json$")


class OutputFolder:
    def __init__(self, spark, root: str):
        self.spark, self.root = spark, root.rstrip("/")
        jvm = spark.sparkContext._jvm
        self._hadoop_path = jvm.org.apache.hadoop.fs.Path
        self.fs = self._hadoop_path(self.root).getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())

    def _path(self, *parts: str):
        return self._hadoop_path("/".join((self.root, *parts)))

    def committed_runs(self) -> list[int]:
        folder = self._path("runs")
        if not self.fs.exists(folder):
            return []
        names = (status.getPath().getName() for status in self.fs.listStatus(folder))
        return sorted(int(match.group(1)) for match in map(_RUN.match, names) if match)

    def next_run(self) -> int:
        runs = self.committed_runs()
        return runs[-1] + 1 if runs else 1

    @staticmethod
    def run_folder(run: int) -> str:
        return f"run-{run:04d}"

    def documents(self):
        """The documents every committed run added (ids, text hashes, places), or None before the first."""
        paths = ["/".join((self.root, "documents", self.run_folder(run))) for run in self.committed_runs()]
        return self.spark.read.parquet(*paths) if paths else None

    def entities(self):
        """The entity table as the last committed run left it, or None before the first run."""
        runs = self.committed_runs()
        return self.spark.read.parquet("/".join((self.root, "entities", self.run_folder(runs[-1])))) if runs else None

    def write_text(self, kind: str, run: int, lines, suffix: str) -> None:
        """An RDD of text as part files named part-NNNNN<suffix> (loaders tell N-Quads by the name)."""
        folder = self._path(kind, self.run_folder(run))
        self.fs.delete(folder, True)  # left by a run that never committed
        lines.saveAsTextFile(str(folder.toString()))
        for status in self.fs.listStatus(folder):
            name = status.getPath().getName()
            if name.startswith("part-") and not name.endswith(suffix):
                self.fs.rename(status.getPath(), self._path(kind, self.run_folder(run), name + suffix))

    def write_table(self, kind: str, run: int, frame) -> None:
        frame.write.mode("overwrite").parquet("/".join((self.root, kind, self.run_folder(run))))

    def _write_file(self, text: str, *parts: str) -> None:
        stream = self.fs.create(self._path(*parts), True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()

    def write_ontology(self, nquads: str) -> None:
        self._write_file(nquads, "ontology.nq")

    def commit(self, run: int, summary: dict) -> None:
        self._write_file(json.dumps(summary, indent=2) + "\n", "runs", self.run_folder(run) + ".json")
