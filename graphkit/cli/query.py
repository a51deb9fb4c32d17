"""``graphkit`` query subcommands: who-met, met, centrality, communities, ego,
countries, timeline.

The main CLI calls :func:`register` with its ``add_subparsers()`` object; each
subcommand sets ``func(args) -> exit code``. The graph is loaded with
``graphkit.graph.load_graph(args.db)`` (the graph ``graphkit run`` exports and
draws, from the corpus resolution the store keeps), or with the module-level
``_load_graph`` when a test (or another front end) sets it.

The store is found by the one rule of every command
(:mod:`graphkit.cli.stores`): ``--db``, else ``./graphkit.db``, else the one
``graphkit.db`` in a folder right below (``graphkit-out/`` after ``graphkit
run``); ``graphkit run`` prints the ``--db`` to use. When a date range (or the
timeline) finds no meeting, a note on stderr says why (e.g. all meetings
undated); ``-q`` leaves the notes out.  ``--csv`` cells that a spreadsheet
would run as formulas are escaped (:func:`graphkit.export.csv_safe`).

Exit codes, as every command: 0 ok (also when nothing is found), 2 no store, an
unknown actor or a usage error (a bad --since, --until or --top, --since after
--until).
"""
from __future__ import annotations

import argparse
import os
import sys

from graphkit import analysis as A
from graphkit.analysis.tables import PrintableStream
from graphkit.cli.argtypes import count, date_bound
from graphkit.cli.stores import StoreNotFound, find_store
from graphkit.export import escape_csv_text
from graphkit.graph import load_graph
from graphkit.records import ACTOR_TYPES

#: Loader override ``(db_path) -> MultiGraph``; None means graphkit.graph.load_graph.
_load_graph = None
DEFAULT_DB = "graphkit.db"
#: The stores most often found without --db: ``./graphkit.db``, then ``graphkit run``'s (see graphkit.cli.stores).
DEFAULT_DBS = (DEFAULT_DB, os.path.join("graphkit-out", "graphkit.db"))
#: Exit status when the store is missing: a usage error, as in every command.
EXIT_NO_STORE = 2


class _Fail(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def _common() -> argparse.ArgumentParser:
    # defaults are SUPPRESSed so a value given to the main parser is not overwritten
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="FILE",
                   help="the store (default: ./graphkit.db, else the one graphkit.db in a folder right below: "
                        "see 'Store' below)")
    p.add_argument("--since", default=argparse.SUPPRESS, type=date_bound, metavar="DATE",
                   help="only meetings/articles on or after this date (YYYY[-MM[-DD]])")
    p.add_argument("--until", default=argparse.SUPPRESS, type=date_bound, metavar="DATE",
                   help="only meetings/articles on or before this date (YYYY[-MM[-DD]])")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                     help="print JSON")
    out.add_argument("--csv", action="store_true", default=argparse.SUPPRESS,
                     help="print CSV (cells a spreadsheet would run as formulas are escaped with a leading ')")
    return p


def register(subparsers, parents=(), **options) -> None:
    """Add the query subcommands to an argparse ``_SubParsersAction``.

    ``parents``: more parent parsers (the main parser's global ``-q``);
    ``options``: more ``add_parser`` keywords (an epilog, a formatter).
    """
    common = _common()

    def add(name, func, help):
        p = subparsers.add_parser(name, parents=[*parents, common], help=help, description=help, **options)
        p.set_defaults(func=func)
        return p

    layer_help = "meetings, cooccurrence (named in the same sentence) or both"
    p = add("who-met", cmd_who_met, "every meeting of an actor, newest first")
    p.add_argument("name", help="actor name or alias (any spelling the articles use: 'Berg')")

    p = add("met", cmd_met, "meetings of two actors, or the chain of meetings between them")
    p.add_argument("a", metavar="A", help="one actor (name or alias)")
    p.add_argument("b", metavar="B", help="the other actor (name or alias)")

    p = add("centrality", cmd_centrality, "most central actors on a layer")
    p.add_argument("--measure", default="degree", choices=A.MEASURES, help="the measure (default degree)")
    p.add_argument("--layer", default="meetings", choices=["meetings", "cooccurrence", "both"],
                   help=f"edges measured: {layer_help} (default meetings)")
    p.add_argument("--type", default=None, choices=ACTOR_TYPES, help="only actors of this type")
    p.add_argument("--top", type=count, default=20, metavar="N", help="rows to show (default 20, 0 = all)")
    p.add_argument("--sample", type=count, default=None, metavar="K",
                   help="sampled sources for betweenness (default: automatic, 0 = exact)")
    p.add_argument("--seed", type=int, default=42, metavar="N", help="random seed of the sampling (default 42)")

    p = add("communities", cmd_communities, "Louvain communities")
    p.add_argument("--layer", default="both", choices=["meetings", "cooccurrence", "both"],
                   help=f"edges used: {layer_help} (default both)")
    p.add_argument("--seed", type=int, default=42, metavar="N", help="random seed of Louvain (default 42)")
    p.add_argument("--resolution", type=float, default=1.0, metavar="R",
                   help="Louvain resolution: above 1 smaller communities, below 1 larger ones (default 1.0)")

    p = add("ego", cmd_ego, "an actor and its neighbours to depth K")
    p.add_argument("name", help="actor name or alias")
    p.add_argument("--depth", type=count, default=1, metavar="K", help="how many steps out (default 1)")
    p.add_argument("--layer", default="both", choices=["meetings", "cooccurrence", "both"],
                   help=f"edges followed: {layer_help} (default both)")

    p = add("countries", cmd_countries, "which states meet (people and ministries folded into their state)")
    p.add_argument("--top", type=count, default=20, metavar="N", help="rows to show (default 20, 0 = all)")
    p.add_argument("--include-organizations", action="store_true",
                   help="also international organizations and forums (the UN, NATO, ...)")

    p = add("timeline", cmd_timeline, "the dated meetings, oldest first (of one actor, or of all)")
    p.add_argument("name", nargs="?", default=None, help="only this actor's meetings (default: every meeting)")
    p.add_argument("--per-month", action="store_true", help="count meetings per month and actor instead")


# -- helpers -----------------------------------------------------------------

def _opt(args, name, default=None):
    return getattr(args, name, default)


def _note(args, message: str) -> None:
    """A note on stderr (why a range is empty, a tip); ``-q`` leaves it out."""
    if not _opt(args, "quiet", False):
        print(message, file=sys.stderr)


def _db(args) -> str:
    """The store by the rule of every command (:func:`graphkit.cli.stores.find_store`)."""
    db = _opt(args, "db")
    if _load_graph is not None:  # a test's graph: any name will do
        try:
            return find_store(db)
        except StoreNotFound:
            return db or DEFAULT_DB
    try:
        return find_store(db)
    except StoreNotFound as e:
        raise _Fail(f"graphkit: error: {e}", EXIT_NO_STORE) from None


def _graphs(args, explain=True):
    """(the whole graph of the store, the graph restricted to ``--since``/``--until``).

    ``explain``: when the range holds no meeting, say why on stderr.
    """
    db = _db(args)
    G = (load_graph if _load_graph is None else _load_graph)(db)
    since, until = _opt(args, "since"), _opt(args, "until")
    if not (since or until):
        return G, G
    try:
        H = A.filter_by_date(G, since, until)
        reason = A.no_meetings_reason(G, since=since, until=until)
    except ValueError as e:
        raise _Fail(str(e), 2) from None
    if reason and explain:
        _note(args, f"note: no meeting in this date range: {reason}")
    return G, H


def _graph(args):
    """The graph of the store, restricted to ``--since``/``--until``."""
    return _graphs(args)[1]


def _emit(args, rows, columns=None, out=None):
    out = out or sys.stdout
    if _opt(args, "json"):
        print(A.to_json(rows), file=out)
    elif _opt(args, "csv"):
        print(escape_csv_text(A.to_csv(rows, columns)), end="", file=out)
    elif rows:
        print(A.format_table(rows, columns), file=out)
    else:
        _note(args, "(nothing found)")


def _plain(args):
    return not (_opt(args, "json") or _opt(args, "csv"))


def _run(body):
    def func(args):
        streams = sys.stdout, sys.stderr
        if _plain(args):  # names and evidence come from article text: no escape sequences on a terminal
            sys.stdout, sys.stderr = PrintableStream(sys.stdout), PrintableStream(sys.stderr)
        try:
            return body(args) or 0
        except A.ActorNotFound as e:
            print(str(e), file=sys.stderr)
            return 2
        except _Fail as e:
            print(str(e), file=sys.stderr)
            return e.code
        finally:
            sys.stdout, sys.stderr = streams
    func.__name__ = body.__name__
    func.__doc__ = body.__doc__
    return func


# -- commands ----------------------------------------------------------------

_WHO_COLUMNS = ["date_iso", "date", "kind", "status", "counterparts", "location",
                "article", "evidence"]


@_run
def cmd_who_met(args):
    """graphkit who-met NAME"""
    full, G = _graphs(args, explain=False)
    node = A.find_actor(G, args.name)
    rows = A.who_met(G, node)
    if _plain(args):
        print(f"{node}: {len(rows)} meeting{'s' * (len(rows) != 1)}")
    _emit(args, rows, None if _opt(args, "json") else _WHO_COLUMNS)
    since, until = _opt(args, "since"), _opt(args, "until")
    if not rows and (since or until):
        _note(args, f"note: {A.no_meetings_reason(full, node, since, until)}")
    if not rows and G.nodes[node].get("type") in ("country", "organization"):
        _note(args, f"tip: meetings of {node}'s people are counted in `graphkit countries`")


@_run
def cmd_met(args):
    """graphkit met A B"""
    G = _graph(args)
    res = A.met(G, args.a, args.b)
    if _opt(args, "json"):
        print(A.to_json(res))
        return 0
    rows = [{"from": link["from"], "to": link["to"], **m}
            for link in res["links"] for m in link["meetings"]]
    cols = ["from", "to"] + _WHO_COLUMNS
    if _opt(args, "csv"):
        print(escape_csv_text(A.to_csv(rows, cols)), end="")
        return 0
    a, b = res["a"], res["b"]
    if res["meetings"]:
        n = len(res["meetings"])
        print(f"{a} and {b} met {n} time{'s' * (n != 1)}")
        _emit(args, res["meetings"], _WHO_COLUMNS)
    elif res["path"]:
        print(f"{a} and {b} did not meet; shortest chain of meetings:")
        print("  " + " -> ".join(map(str, res["path"])))
        _emit(args, rows, cols)
    else:
        print(f"{a} and {b} are not connected by any chain of meetings")


@_run
def cmd_centrality(args):
    """graphkit centrality"""
    G = _graph(args)
    rows = A.centrality(G, args.measure, layer=args.layer, type=args.type,
                        top=args.top or None, sample=args.sample, seed=args.seed)
    if rows.meta.get("note"):
        _note(args, f"note: {rows.meta['note']}")
    _emit(args, rows, ["rank", "actor", "type", "country", "value"])


@_run
def cmd_communities(args):
    """graphkit communities"""
    G = _graph(args)
    _emit(args, A.communities(G, layer=args.layer, seed=args.seed,
                              resolution=args.resolution))


@_run
def cmd_ego(args):
    """graphkit ego NAME"""
    G = _graph(args)
    _emit(args, A.ego_table(G, args.name, depth=args.depth, layer=args.layer))


@_run
def cmd_countries(args):
    """graphkit countries"""
    G = _graph(args)
    rows = A.country_table(G, states_only=not args.include_organizations)
    shown = rows[:args.top] if args.top else rows
    _emit(args, shown)
    if len(shown) < len(rows):
        _note(args, f"({len(shown)} of {len(rows)} pairs; --top 0 shows all)")


_TIMELINE_COLUMNS = ["date", "dated_by", "date_written", "kind", "status", "participants", "location",
                     "article", "evidence"]


@_run
def cmd_timeline(args):
    """graphkit timeline [NAME]"""
    full, G = _graphs(args, explain=False)
    if args.per_month:
        rows = A.meetings_per_month(G, args.name)
        columns = None
    else:
        rows = A.timeline(G, args.name)
        columns = None if _opt(args, "json") else _TIMELINE_COLUMNS
    if rows:
        _emit(args, rows, columns)
    elif _plain(args):
        since, until = _opt(args, "since"), _opt(args, "until")
        reason = A.no_meetings_reason(full, args.name, since, until) or "no meeting in this date range"
        _note(args, f"no dated meeting: {reason}")
    else:
        _emit(args, rows, columns)
    undated = A.date_coverage(G, args.name)["undated"]
    if rows and undated:
        _note(args, f"({undated} undated meeting{'s are' if undated != 1 else ' is'} not listed; "
                    "`graphkit who-met NAME` lists every meeting)")
