"""An embedded SQLite store of articles and their extraction records.

Standard library only (``sqlite3``).  One database file holds every article
read and the record extracted from it (see :mod:`graphkit.records`), split in
tables (``actors``, ``mentions``, ``meetings``, ``relations``) for queries and
kept whole (``extractions``) for an exact round trip.

It also keeps the corpus resolution of those records
(:func:`graphkit.corpus_resolution.resolve_corpus`), made once per store
content and the only source of the graph, the queries, the exports and the
view (:meth:`Store.resolution`): ``corpus_actors`` (one row per corpus-wide
actor, canonical name, type, country, aliases), ``corpus_names`` (each
article's actor names -> corpus actor), ``corpus_meetings`` (the meetings with
corpus actors as participants) and ``corpus_records`` (each record resolved).
Every change of an article empties these tables (a resolution is never stale:
it is current or absent), and ``meta.content_version`` counts the changes; the
kept resolution's key (``meta.corpus_version``) names the content version it
was made from.

Each :meth:`Store.put` is one ``BEGIN IMMEDIATE`` transaction, so a crash loses
at most the article in flight (an ingest syncs the disk once at its end, not after
each article: :meth:`Store.deferred_sync`), and the database runs in WAL mode with a busy
timeout, so several processes may write the same store at once: one waits,
none corrupts.  A writer waits as long as the lock is held, saying so (a
logged warning) after each ``timeout`` seconds.

An article's identity is where it was read from (:func:`article_origin`) and
its content, not only its id: a different text under an id that another
file's article holds is stored as a new article (``id~2``), never over it
(:meth:`Store.place`).  A damaged file is reported as damaged
(:class:`StoreDamaged`); :func:`check_store` says where, and
:func:`rebuild_corpus_tables` rebuilds the store around the damage.

Reading needs no write access: ``Store(path, readonly=True)`` (what the graph,
the exports, the view and the queries use) opens the file with SQLite's
``mode=ro``, and on read-only media, where SQLite cannot create the WAL index
next to the file, as ``immutable`` (allowed only when no write-ahead log with
pending changes lies next to it).

>>> from graphkit.corpus import Article
>>> with Store(":memory:") as store:
...     art = Article(id="a1", text="Dalton met Vesel.")
...     rec = {"doc": "a1", "actors": [{"name": "Mark Dalton", "type": "person",
...            "country": "United States", "aliases": ["Dalton"], "roles": [],
...            "mentions": [[0, 6, 0]]}], "meetings": [], "relations": []}
...     store.put(art, rec), store.put(art, rec), store.counts()["mentions"]
('new', 'unchanged', 1)
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import hashlib
import inspect
import json
import os
import logging
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from graphkit.corpus import Article
from graphkit.corpus_resolution import (
    CorpusActor, CorpusResolver, Resolution, resolve_corpus, resolver_version,
)
from graphkit.events import meeting_pairs
from graphkit.records import Record

__all__ = ["Store", "StoreError", "StoreDamaged", "SCHEMA_VERSION", "CORPUS_TABLES", "article_hash",
           "article_origin", "Placement", "check_store", "rebuild_corpus_tables", "damaged_message"]

log = logging.getLogger(__name__)

#: 2: the corpus resolution tables and ``meta.content_version``.
SCHEMA_VERSION = 2
_APP = "graphkit"
_BATCH = 200  # rows fetched at a time by the streaming readers

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,
    title       TEXT,
    date        TEXT,
    url         TEXT,
    source      TEXT,
    path        TEXT,
    line        INTEGER,
    text        TEXT NOT NULL,
    n_chars     INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    origin      TEXT    -- where the article was read from (see article_origin), NULL when not known
);
CREATE INDEX IF NOT EXISTS articles_origin ON articles(origin);
CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    type       TEXT,
    country    TEXT,
    roles      TEXT,   -- JSON list
    aliases    TEXT,   -- JSON list
    PRIMARY KEY (article_id, name)
);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_name TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    sent       INTEGER,
    surface    TEXT
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor_name);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS meetings (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    kind         TEXT,
    status       TEXT,
    location     TEXT,
    date         TEXT,
    date_iso     TEXT,
    hub          TEXT,
    evidence     TEXT,
    participants TEXT,   -- JSON list
    evidence_all TEXT,   -- JSON list
    spans        TEXT,   -- JSON list of [start, end]
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS relations (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    kind         TEXT,
    participants TEXT,   -- JSON list
    evidence     TEXT,
    spans        TEXT,   -- JSON list of [start, end]
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS extractions (
    article_id        TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    record            TEXT NOT NULL,   -- JSON: the full record as put
    extractor_version TEXT NOT NULL DEFAULT ''
);
-- The corpus resolution of all the records above, as one snapshot (see the module doc).
CREATE TABLE IF NOT EXISTS corpus_actors (
    name     TEXT PRIMARY KEY,   -- canonical name: the graph's node
    type     TEXT,
    country  TEXT,
    roles    TEXT,   -- JSON list
    aliases  TEXT,   -- JSON list
    mentions INTEGER NOT NULL,
    articles TEXT    -- JSON list of article ids
);
CREATE TABLE IF NOT EXISTS corpus_names (
    article_id TEXT NOT NULL,
    name       TEXT NOT NULL,   -- an actor's name in the article's stored or resolved record
    actor      TEXT NOT NULL,   -- corpus_actors.name
    PRIMARY KEY (article_id, name)
);
CREATE INDEX IF NOT EXISTS corpus_names_actor ON corpus_names(actor);
CREATE TABLE IF NOT EXISTS corpus_meetings (
    article_id   TEXT NOT NULL,
    idx          INTEGER NOT NULL,   -- as in meetings (the graph's meeting_id is "article_id#idx")
    kind         TEXT,
    status       TEXT,
    location     TEXT,
    date         TEXT,
    date_iso     TEXT,
    hub          TEXT,   -- corpus actor
    evidence     TEXT,
    participants TEXT    -- JSON list of corpus actors
);
CREATE INDEX IF NOT EXISTS corpus_meetings_article ON corpus_meetings(article_id);
CREATE TABLE IF NOT EXISTS corpus_records (
    pos        INTEGER PRIMARY KEY,   -- the order of the records (by article id)
    article_id TEXT NOT NULL,
    record     TEXT NOT NULL          -- JSON: the record after corpus resolution
);
"""
#: The tables of the kept corpus resolution.
CORPUS_TABLES = ("corpus_actors", "corpus_names", "corpus_meetings", "corpus_records")
_TABLES = ("meta", "articles", "actors", "mentions", "meetings", "relations", "extractions") + CORPUS_TABLES


class StoreError(Exception):
    """The store cannot be opened or used (message names the path)."""


def article_hash(article: Article) -> str:
    """sha256 of an article's text, title and date: equal hash, same article.

    >>> article_hash(Article(id="x", text="A.")) == article_hash(Article(id="y", text="A."))
    True
    >>> article_hash(Article(id="x", text="A.")) == article_hash(Article(id="x", text="A.", date="2016-01-02"))
    False
    """
    payload = json.dumps([article.text, article.title, article.date], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class StoreDamaged(StoreError):
    """The store file is damaged (SQLite reports a malformed page): what to do is in the message."""


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    name = getattr(error, "sqlite_errorname", "") or ""
    msg = str(error)
    return (name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in msg
            or "not a database" in msg)


def damaged_message(path: str, error: BaseException | str) -> str:
    """What a damaged store is called, and what to do about it."""
    return (f"{path}: the store is damaged ({error}); `graphkit check --db {path}` tells which tables, "
            "rebuilds the corpus tables when the damage is only there, else re-ingest the corpus into a "
            "new store")


def _open_error(path: str, error: sqlite3.DatabaseError) -> StoreError:
    """The :class:`StoreError` of a store that could not be opened: not SQLite, damaged, or else."""
    try:
        with open(path, "rb") as f:
            header = f.read(16)
    except OSError:
        header = b""
    if header != b"SQLite format 3\x00":
        if not header:
            return StoreError(f"{path}: not a graphkit database (an empty file)")
        return StoreError(f"{path}: not a graphkit database (not an SQLite file)")
    if _is_damage(error):
        return StoreDamaged(damaged_message(path, error))
    return StoreError(f"{path}: cannot open the store: {error}")


def _refuse_special_file(path: str) -> None:
    """A FIFO, a device or a socket is no store (``--db /dev/null``): refused before SQLite touches it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            raise StoreError(f"{path}: not a regular file ({kind}); a store is a regular file")


def article_origin(article: Article) -> str | None:
    """Where an article comes from, as its identity beside its id: None when not known (no path).

    A text file is one article: its absolute path (symlinks resolved).  A
    JSON Lines or JSON file holds many: its path, ``#``, the article's id in it.

    >>> a = article_origin(Article(id="news", text="x", path="corpus/a/news.txt"))
    >>> b = article_origin(Article(id="news", text="x", path="corpus/b/news.txt"))
    >>> a != b, os.path.isabs(a), a.endswith(os.path.join("a", "news.txt"))
    (True, True, True)
    >>> article_origin(Article(id="x7", text="x", path="corpus/feed.jsonl", line=3)).endswith("feed.jsonl#x7")
    True
    >>> article_origin(Article(id="a", text="x")) is None
    True
    """
    if not article.path:
        return None
    where = os.path.realpath(article.path)
    if article.line is None and Path(where).suffix.lower() not in (".json", ".jsonl", ".ndjson"):
        return where
    return f"{where}#{article.id}"


def _damage_guard(method):
    """Report SQLite's "malformed" as :class:`StoreDamaged` (with what to do), for methods and generators."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def gen(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.DatabaseError as e:
                if not _is_damage(e):
                    raise
                raise StoreDamaged(damaged_message(self.path, e)) from None
        return gen

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as e:
            if not _is_damage(e):
                raise
            raise StoreDamaged(damaged_message(self.path, e)) from None
    return guarded


@dataclass(frozen=True)
class Placement:
    """What :meth:`Store.place` did: ``status`` (``"new"``, ``"changed"``, ``"unchanged"``), the ``id``
    the article is stored under, and ``taken_by``: the origin of the article that already held the
    article's own id when it had to be stored under another one (None otherwise)."""

    status: str
    id: str
    taken_by: str | None = None


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A graphkit database: ``Store(path)`` opens or creates it.

    Usable as a context manager; ``":memory:"`` gives a private in-memory
    store.  Raises :class:`StoreError` when the path cannot be opened for
    writing or holds something else than a graphkit database.

    >>> from graphkit.corpus import Article
    >>> store = Store(":memory:")
    >>> store.put(Article(id="a", text="Holm called Berg."), {"doc": "a", "actors": []})
    'new'
    >>> store.get_record("a")
    {'doc': 'a', 'actors': []}
    >>> store.article_ids()
    {'a'}
    >>> store.close()
    """

    def __init__(self, path: str | os.PathLike = "graphkit.db", *, timeout: float = 30.0, readonly: bool = False):
        self.path = str(path)
        self.timeout = timeout
        self.readonly = readonly
        self._conn = None
        self._has_corpus_tables = True  # False for a store of schema 1 read without write access
        if readonly:
            self._conn = self._open_readonly()
            return
        memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        target = self.path
        if not memory:
            _refuse_special_file(self.path)
            # a symlinked store: SQLite keeps its journal and WAL beside the name it opens, so open the target
            target = os.path.realpath(self.path)
            p = Path(target)
            parent = p.parent if str(p.parent) else Path(".")
            if p.is_dir():
                raise StoreError(f"{self.path}: is a directory, not a graphkit database")
            if not parent.is_dir():
                raise StoreError(f"{self.path}: cannot create the store: directory {parent} does not exist")
            if p.exists() and not os.access(p, os.R_OK | os.W_OK):
                raise StoreError(f"{self.path}: the store file is not writable (adding articles needs "
                                 "write access; queries, graph, render and summary only read it)")
            if not os.access(parent, os.W_OK | os.X_OK):
                raise StoreError(f"{self.path}: directory {parent} is not writable")
        try:
            self._conn = sqlite3.connect(target, timeout=timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the store: {e}") from None
        try:
            self._setup(memory)
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise _open_error(self.path, e) from None
        except StoreError:
            self._conn.close()
            raise

    # -- opening ------------------------------------------------------------
    def _open_readonly(self) -> sqlite3.Connection:
        """A read-only connection: ``mode=ro``, else ``immutable`` where no WAL is pending."""
        p = Path(self.path)
        if not p.exists():
            raise StoreError(f"{self.path}: no such store")
        _refuse_special_file(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a graphkit database")
        uri = p.resolve().as_uri() + "?mode=ro"
        try:
            return self._connect_readonly(uri)
        except sqlite3.OperationalError as e:
            # a WAL database needs its index (-shm) next to it; on read-only media SQLite cannot
            # create it.  Without a pending log the file alone is the whole store: read it as immutable.
            if getattr(e, "sqlite_errorname", "").split("_")[:2] not in (["SQLITE", "CANTOPEN"],
                                                                         ["SQLITE", "READONLY"]):
                raise StoreError(f"{self.path}: cannot open the store read-only: {e}") from None
            wal = Path(self.path + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise StoreError(
                    f"{self.path}: cannot open read-only ({e}), and its write-ahead log {wal.name} holds "
                    "changes not yet in the database file; open the store once with write access "
                    "(any `graphkit ingest` into it) to fold them in") from None
            try:
                return self._connect_readonly(uri + "&immutable=1")
            except sqlite3.OperationalError as e2:
                raise StoreError(f"{self.path}: cannot open the store read-only: {e2}") from None

    def _connect_readonly(self, uri: str) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=self.timeout, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "meta" not in tables:
                what = "an empty file" if not tables else "an SQLite file with other tables"
                raise StoreError(f"{self.path}: not a graphkit database ({what})")
            self._has_corpus_tables = set(CORPUS_TABLES) <= tables
            self._conn = conn
            self._check_meta()
        except sqlite3.OperationalError:
            conn.close()
            raise
        except sqlite3.DatabaseError as e:
            conn.close()
            raise _open_error(self.path, e) from None
        except StoreError:
            conn.close()
            self._conn = None
            raise
        return conn

    def _setup(self, memory: bool) -> None:
        c = self._conn
        c.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        c.execute("PRAGMA foreign_keys = ON")
        # reading the schema first: a text file fails here ("not a database")
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "meta" not in tables:
            raise StoreError(f"{self.path}: not a graphkit database (an SQLite file with other tables)")
        if not memory:
            self._retry(lambda: c.execute("PRAGMA journal_mode = WAL").fetchone())
        c.execute("PRAGMA synchronous = FULL")
        if "meta" in tables:
            self._check_meta()
            if set(_TABLES) <= tables and "origin" in {r[1] for r in c.execute("PRAGMA table_info(articles)")}:
                return
        self._retry(self._create_schema)
        self._check_meta()

    def _retry(self, fn):
        """Run ``fn``, retrying while another process holds a lock (schema setup, placing or deleting
        an article, keeping the resolution); after each ``timeout`` seconds of waiting a warning says
        the store is busy."""
        start = time.monotonic()
        said = 0
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e):
                    raise
                waited = time.monotonic() - start
                if waited >= (said + 1) * self.timeout:
                    said += 1
                    self._say_busy(waited)
                time.sleep(0.05)

    def _say_busy(self, waited: float) -> None:
        log.warning("%s: the store is busy (another process holds its lock); waited %.0f s, still waiting",
                    self.path, waited)

    def _create_schema(self) -> None:
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        try:
            columns = {r[1] for r in c.execute("PRAGMA table_info(articles)")}
            if columns and "origin" not in columns:  # a store made before article origins were kept
                c.execute("ALTER TABLE articles ADD COLUMN origin TEXT")
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('app', ?)", (_APP,))
            c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                      (str(SCHEMA_VERSION),))
            c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created_at', ?)", (_now(),))
            c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('content_version', '0')")
            # a store of an older schema has just been given the tables it lacked
            c.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                      (str(SCHEMA_VERSION), SCHEMA_VERSION))
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def _check_meta(self) -> None:
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        if meta and meta.get("app") != _APP:
            raise StoreError(f"{self.path}: not a graphkit database (meta table of another application)")
        version = meta.get("schema_version")
        if version is not None and int(version) > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this graphkit "
                f"(version {SCHEMA_VERSION}); upgrade graphkit"
            )

    # -- context manager ------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()
            self._conn = None

    def __repr__(self) -> str:
        return f"Store({self.path!r}{', readonly=True' if self.readonly else ''})"

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path}: the store was opened read-only")

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying ``sqlite3`` connection, for read-only queries."""
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    @contextlib.contextmanager
    def deferred_sync(self):
        """Within the block, commits are not flushed to the disk one by one (``synchronous = NORMAL``);
        at its end the write-ahead log is flushed once (a checkpoint) and every commit flushes again.

        For a run that stores many articles: one disk flush per article cost more than the article's
        writes.  A crash of the process still loses at most the transaction in flight and never
        damages the store (WAL mode); a power loss or a crash of the system during the block may undo
        the articles stored since the last checkpoint, which the next run then finds new and stores again.

        >>> with Store(":memory:") as s, s.deferred_sync():
        ...     s.connection.execute("PRAGMA synchronous").fetchone()[0]      # 1: NORMAL
        1
        """
        c = self.connection
        c.execute("PRAGMA synchronous = NORMAL")
        try:
            yield self
        finally:
            if self._conn is not None:
                # an error here (a busy or damaged file) must not hide the block's own: a later full commit flushes
                with contextlib.suppress(sqlite3.Error):
                    c.execute("PRAGMA synchronous = FULL")
                    if not c.in_transaction:
                        c.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    # -- writing --------------------------------------------------------------
    @_damage_guard
    def status(self, article: Article, extractor_version: str | None = None) -> str:
        """``"new"``, ``"unchanged"`` or ``"changed"``, by origin, id and content hash (see :meth:`place`).

        With ``extractor_version``, an article stored by another extractor
        version counts as ``"changed"`` (it needs extracting again).  An
        article whose id is held by an article of another origin and another
        text is ``"new"``: it will be stored under another id.

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> a = Article(id="a", text="One.")
        >>> s.status(a)
        'new'
        >>> _ = s.put(a, {"doc": "a"}, extractor_version="1")
        >>> s.status(a), s.status(Article(id="a", text="Two.")), s.status(a, "2")
        ('unchanged', 'changed', 'changed')
        """
        _id, row, _taken = self._locate(article, article_hash(article))
        if row is None:
            return "new"
        if row[1] != article_hash(article):
            return "changed"
        if extractor_version is not None and (row[2] or "") != extractor_version:
            return "changed"
        return "unchanged"

    def _locate(self, article: Article, h: str) -> tuple[str, tuple | None, str | None]:
        """``(id to store under, stored row (id, hash, version, origin) or None, origin that took the id)``.

        The article's identity is its origin (:func:`article_origin`) and its
        content: the article stored from the same origin is this article (an
        update when its text changed); an article under the same id with the
        same text is this article too (the same story in two files); an
        article under the same id from another origin with another text is
        another article, and this one gets the first free ``id~N``.  Without
        an origin (an article made in code) the id alone is the identity.
        """
        c = self.connection
        origin = article_origin(article)
        cols = ("SELECT a.id, a.hash, e.extractor_version, a.origin FROM articles a "
                "LEFT JOIN extractions e ON e.article_id = a.id ")
        if origin is not None:
            row = c.execute(cols + "WHERE a.origin = ? ORDER BY a.id = ? DESC LIMIT 1",
                            (origin, article.id)).fetchone()
            if row is not None:
                return row[0], row, None
        row = c.execute(cols + "WHERE a.id = ?", (article.id,)).fetchone()
        if row is None or origin is None or row[1] == h or self._same_origin(row, origin):
            return article.id, row, None
        n = 2
        while True:  # the id is another article's: the first free id~N
            candidate = f"{article.id}~{n}"
            other = c.execute(cols + "WHERE a.id = ?", (candidate,)).fetchone()
            if other is None:
                return candidate, None, row[3] or "another source"
            if other[1] == h:
                return candidate, other, None
            n += 1

    def _same_origin(self, row: tuple, origin: str) -> bool:
        """A row without an origin (stored before origins were kept) is the same article when its
        stored path names the same file."""
        if row[3] is not None:
            return row[3] == origin
        stored = self.connection.execute("SELECT id, path, line FROM articles WHERE id = ?", (row[0],)).fetchone()
        if stored is None or not stored[1]:
            return True
        return article_origin(Article(id=stored[0], text="", path=stored[1], line=stored[2])) == origin

    def put(self, article: Article, record: Record | dict, extractor_version: str = "", *,
            force: bool = False) -> str:
        """Store an article and its extraction record in one transaction; :meth:`place`'s status.

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> s.put(Article(id="a", text="One."), {"doc": "a"})
        'new'
        >>> s.put(Article(id="a", text="One."), {"doc": "a"})
        'unchanged'
        >>> s.put(Article(id="a", text="One."), {"doc": "a"}, extractor_version="2")
        'changed'
        >>> s.put(Article(id="a", text="One."), {"doc": "a"}, extractor_version="2", force=True)
        'changed'
        """
        return self.place(article, record, extractor_version, force=force).status

    @_damage_guard
    def place(self, article: Article, record: Record | dict, extractor_version: str = "", *,
              force: bool = False) -> Placement:
        """Store an article and its extraction record in one transaction; where and how it went.

        ``record`` is a :class:`graphkit.records.Record` (stored as
        :meth:`Record.to_dict`) or a record's JSON form (stored as it is).
        The status is ``"new"``, ``"unchanged"`` (same article, same content,
        same extractor version: nothing written) or ``"changed"`` (the old rows
        of the article are replaced entirely; also when only the extractor
        version differs, and always with ``force``, in the same transaction).
        The article is found by its origin and content (see :meth:`_locate`):
        a different text under an id that another file's article holds is
        stored as a new article under ``id~N`` (``Placement.id``, with
        ``taken_by`` naming that file), never over it.  The offsets in the
        record refer to ``article.text``.  While another process holds the
        store's lock this waits (saying so every ``timeout`` seconds).

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> s.place(Article(id="news", text="One.", path="in/a/news.txt"), {"doc": "news"}).status
        'new'
        >>> p = s.place(Article(id="news", text="Two.", path="in/b/news.txt"), {"doc": "news"})
        >>> p.status, p.id, p.taken_by == article_origin(Article(id="news", text="", path="in/a/news.txt"))
        ('new', 'news~2', True)
        >>> s.place(Article(id="news", text="Two!", path="in/b/news.txt"), {"doc": "news"}).id
        'news~2'
        >>> s.get_record("news~2"), s.get_article("news").text
        ({'doc': 'news~2'}, 'One.')
        """
        self._writable()
        if isinstance(record, Record):
            record = record.to_dict()
        if not isinstance(record, dict):
            raise TypeError(f"record must be a Record or a dict, not {type(record).__name__}")
        json.dumps(record, ensure_ascii=False)  # fails before any write
        h = article_hash(article)
        return self._retry(lambda: self._place_once(article, record, h, extractor_version or "", force))

    def _place_once(self, article: Article, record: dict, h: str, version: str, force: bool) -> Placement:
        c = self.connection
        c.execute("BEGIN IMMEDIATE")
        try:
            aid, row, taken_by = self._locate(article, h)
            if row is not None and row[1] == h and (row[2] or "") == version and not force:
                c.execute("COMMIT")
                return Placement("unchanged", aid)
            if row is not None:
                c.execute("DELETE FROM articles WHERE id = ?", (row[0],))
            if record.get("doc", aid) != aid:
                record = {**record, "doc": aid}
            self._insert(article, aid, h, record, json.dumps(record, ensure_ascii=False), version)
            self._content_changed()
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return Placement("new" if row is None else "changed", aid, taken_by)

    def _insert(self, article: Article, aid: str, h: str, record: dict, record_json: str, version: str) -> None:
        c = self._conn
        text = article.text
        c.execute(
            "INSERT INTO articles(id, hash, title, date, url, source, path, line, text, n_chars, ingested_at, "
            "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, h, article.title, article.date, article.url, article.source, article.path,
             article.line, text, len(text), _now(), article_origin(article)),
        )
        actors, mentions = [], []
        for actor in record.get("actors") or []:
            name = actor.get("name")
            if not name:
                continue
            actors.append((aid, name, actor.get("type"), actor.get("country"),
                           _json(actor.get("roles") or []), _json(actor.get("aliases") or [])))
            for m in actor.get("mentions") or []:
                start, end = int(m[0]), int(m[1])
                sent = m[2] if len(m) > 2 else None
                surface = text[start:end] if 0 <= start <= end <= len(text) else None
                mentions.append((aid, name, start, end, sent, surface))
        c.executemany(
            "INSERT OR REPLACE INTO actors(article_id, name, type, country, roles, aliases) "
            "VALUES (?, ?, ?, ?, ?, ?)", actors)
        c.executemany(
            'INSERT INTO mentions(article_id, actor_name, start, "end", sent, surface) '
            "VALUES (?, ?, ?, ?, ?, ?)", mentions)
        c.executemany(
            "INSERT INTO meetings(article_id, idx, kind, status, location, date, date_iso, hub, "
            "evidence, participants, evidence_all, spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, m.get("kind"), m.get("status"), m.get("location"), m.get("date"),
              m.get("date_iso"), m.get("hub"), m.get("evidence"), _json(m.get("participants") or []),
              _json(m.get("evidence_all") or []), _json(m.get("spans") or []))
             for i, m in enumerate(record.get("meetings") or [])])
        c.executemany(
            "INSERT INTO relations(article_id, idx, kind, participants, evidence, spans) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(aid, i, r.get("kind"), _json(r.get("participants") or []), r.get("evidence"),
              _json(r.get("spans") or []))
             for i, r in enumerate(record.get("relations") or [])])
        c.execute("INSERT INTO extractions(article_id, record, extractor_version) VALUES (?, ?, ?)",
                  (aid, record_json, version))

    def _content_changed(self) -> None:
        """In a writing transaction: one more content version, and the kept resolution is gone with the old content."""
        c = self._conn
        c.execute("INSERT INTO meta(key, value) VALUES ('content_version', '1') "
                  "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        self._drop_resolution()

    def _drop_resolution(self) -> None:
        c = self._conn
        if c.execute("SELECT 1 FROM meta WHERE key = 'corpus_version'").fetchone() is None:
            return  # nothing kept: the tables are empty already
        for table in CORPUS_TABLES:
            c.execute(f"DELETE FROM {table}")
        c.execute("DELETE FROM meta WHERE key = 'corpus_version'")

    @_damage_guard
    def delete(self, article_id: str) -> bool:
        """Remove an article and everything extracted from it; True if it was there.

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> _ = s.put(Article(id="a", text="One."), {"doc": "a"})
        >>> s.delete("a"), s.delete("a"), s.counts()["articles"]
        (True, False, 0)
        """
        self._writable()
        return self._retry(lambda: self._delete_once(article_id))

    def _delete_once(self, article_id: str) -> bool:
        c = self.connection
        c.execute("BEGIN IMMEDIATE")
        try:
            n = c.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
            if n:
                self._content_changed()
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return n > 0

    # -- reading --------------------------------------------------------------
    @_damage_guard
    def get_record(self, article_id: str) -> dict | None:
        """The extraction record of an article exactly as put, or None."""
        row = self.connection.execute(
            "SELECT record FROM extractions WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    @_damage_guard
    def extractor_version(self, article_id: str) -> str | None:
        """The extractor version an article was stored with, or None if absent."""
        row = self.connection.execute(
            "SELECT extractor_version FROM extractions WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else row[0]

    @_damage_guard
    def records(self) -> Iterator[dict]:
        """Stream every extraction record, ordered by article id.

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> for i in ("b", "a"):
        ...     _ = s.put(Article(id=i, text=i + "."), {"doc": i})
        >>> [r["doc"] for r in s.records()]
        ['a', 'b']
        """
        cur = self.connection.execute("SELECT record FROM extractions ORDER BY article_id")
        while True:
            rows = cur.fetchmany(_BATCH)
            if not rows:
                return
            for (rec,) in rows:
                yield json.loads(rec)

    _ARTICLE_COLS = "id, text, title, date, url, source, path, line"

    @staticmethod
    def _article(row) -> Article:
        return Article(id=row[0], text=row[1], title=row[2], date=row[3], url=row[4],
                       source=row[5], path=row[6], line=row[7])

    @_damage_guard
    def articles(self) -> Iterator[Article]:
        """Stream the stored articles, ordered by id."""
        cur = self.connection.execute(f"SELECT {self._ARTICLE_COLS} FROM articles ORDER BY id")
        while True:
            rows = cur.fetchmany(_BATCH)
            if not rows:
                return
            for row in rows:
                yield self._article(row)

    @_damage_guard
    def get_article(self, article_id: str) -> Article | None:
        """One stored article, or None.

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> _ = s.put(Article(id="a", text="One.", date="2016-12-27"), {"doc": "a"})
        >>> s.get_article("a").date, s.get_article("zz")
        ('2016-12-27', None)
        """
        row = self.connection.execute(
            f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._article(row)

    @_damage_guard
    def article_ids(self) -> set[str]:
        """The ids of all stored articles."""
        return {r[0] for r in self.connection.execute("SELECT id FROM articles")}

    # -- the corpus resolution ---------------------------------------------------
    @_damage_guard
    def content_version(self) -> int:
        """How many times an article was put (new or changed) or deleted: a new value, new content.

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> v = s.content_version()
        >>> _ = s.put(Article(id="a", text="One."), {"doc": "a"}); _ = s.put(Article(id="a", text="One."), {"doc": "a"})
        >>> s.content_version() - v                    # the second put changed nothing
        1
        """
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'content_version'").fetchone()
        return 0 if row is None else int(row[0])

    @_damage_guard
    def resolution(self) -> Resolution:
        """The corpus resolution of the stored records (:func:`graphkit.corpus_resolution.resolve_corpus`).

        Made once per store content: the one kept in the store when it was made
        from the current content by the current code, else made now (and kept,
        see :meth:`keep_resolution`, when the store is writable; a read-only
        store answers the same, only without keeping it).

        >>> from graphkit.corpus import Article
        >>> s = Store(":memory:")
        >>> _ = s.put(Article(id="a", text="Anna Berg spoke."), {"doc": "a", "actors": [
        ...     {"name": "Anna Berg", "type": "person", "country": "Norway", "mentions": [[0, 9, 0]]}]})
        >>> _ = s.put(Article(id="b", text="Berg spoke."), {"doc": "b", "actors": [
        ...     {"name": "Berg", "type": "person", "mentions": [[0, 4, 0]]}]})
        >>> records, actors, index = s.resolution()
        >>> index[("b", "Berg")], actors["Anna Berg"].country, records[1].actors[0].name
        ('Anna Berg', 'Norway', 'Anna Berg')
        >>> s.connection.execute("SELECT name, actor FROM corpus_names WHERE article_id = 'b' ORDER BY name").fetchall()
        [('Anna Berg', 'Anna Berg'), ('Berg', 'Anna Berg')]
        >>> s.resolution() == (records, actors, index)
        True
        """
        if not self.readonly:
            self.keep_resolution()
        c = self.connection
        c.execute("BEGIN")  # one snapshot of the store: the version and what it names
        try:
            kept = self._kept_resolution(self._resolution_key())
            stored = None if kept is not None else list(self._stored_records())
        finally:
            c.execute("COMMIT")
        return kept if kept is not None else resolve_corpus(stored)

    @_damage_guard
    def keep_resolution(self) -> bool:
        """Make the corpus resolution of the current content and keep it, unless it is kept already.

        The records are read twice, one at a time (:class:`CorpusResolver`), so
        memory holds the corpus actors, not the corpus.  The resolution is
        written in the transaction that read the content it resolves; when
        another writer changed the content in the meantime nothing is kept
        (that writer's resolution will be) and False is returned.  While another
        writer holds the lock it is tried again, up to the store's timeout.
        """
        self._writable()
        return self._retry(self._keep_resolution_once)

    def _keep_resolution_once(self) -> bool:
        c = self.connection
        c.execute("BEGIN")  # deferred: a snapshot of the content, made a write transaction below
        try:
            key = self._resolution_key()
            if self._kept_key() == key:
                c.execute("COMMIT")
                return True
            resolver = CorpusResolver(self._stored_records())
            self._drop_resolution()
            for pos, rec in enumerate(resolver.resolve(r) for r in self._stored_records()):
                c.execute("INSERT INTO corpus_records(pos, article_id, record) VALUES (?, ?, ?)",
                          (pos, rec.doc, json.dumps(rec.to_dict(), ensure_ascii=False)))
                c.executemany(
                    "INSERT INTO corpus_meetings(article_id, idx, kind, status, location, date, date_iso, hub, "
                    "evidence, participants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(rec.doc, i, m.kind, m.status, m.location, m.date, m.date_iso, hub, m.evidence, _json(parts))
                     for i, m in enumerate(rec.meetings)
                     for parts, hub, _pairs in [meeting_pairs(resolver.index, rec.doc, m)]])
            actors, index = resolver.finish()
            c.executemany(
                "INSERT INTO corpus_actors(name, type, country, roles, aliases, mentions, articles) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((a.name, a.type, a.country, _json(a.roles), _json(a.aliases), a.mentions, _json(a.articles))
                 for a in actors.values()))
            c.executemany("INSERT INTO corpus_names(article_id, name, actor) VALUES (?, ?, ?)",
                          ((doc, name, actor) for (doc, name), actor in index.items()))
            c.execute("INSERT INTO meta(key, value) VALUES ('corpus_version', ?)", (key,))
            c.execute("COMMIT")
            return True
        except sqlite3.OperationalError as e:
            c.execute("ROLLBACK")
            if getattr(e, "sqlite_errorname", "") == "SQLITE_BUSY_SNAPSHOT":  # the content changed meanwhile
                return False
            raise
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def _resolution_key(self) -> str:
        """The key of the current content's resolution: its content version and the resolution code's."""
        return f"{self.content_version()}/{resolver_version()}"

    def _kept_key(self) -> str | None:
        if not self._has_corpus_tables:
            return None
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'corpus_version'").fetchone()
        return None if row is None else row[0]

    def _stored_records(self) -> Iterator[Record]:
        """The stored records, typed, one at a time, in article id order."""
        cur = self._conn.execute("SELECT article_id, record FROM extractions ORDER BY article_id")
        while True:
            rows = cur.fetchmany(_BATCH)
            if not rows:
                return
            for aid, rec in rows:
                yield Record.from_dict({"doc": aid, **json.loads(rec)})

    def _kept_resolution(self, key: str) -> Resolution | None:
        """The resolution kept under ``key``, or None."""
        if self._kept_key() != key:
            return None
        c = self._conn
        records = [Record.from_dict(json.loads(rec)) for (rec,) in
                   c.execute("SELECT record FROM corpus_records ORDER BY pos")]
        actors = {}
        for name, typ, country, roles, aliases, mentions, articles in c.execute(
                "SELECT name, type, country, roles, aliases, mentions, articles FROM corpus_actors ORDER BY rowid"):
            actors[name] = CorpusActor(name=name, type=typ, country=country, roles=json.loads(roles),
                                       aliases=json.loads(aliases), mentions=mentions,
                                       articles=json.loads(articles))
        index = {(doc, name): actor for doc, name, actor in
                 c.execute("SELECT article_id, name, actor FROM corpus_names")}
        return Resolution(records, actors, index)

    @_damage_guard
    def counts(self) -> dict[str, int]:
        """Row counts: articles, actors, mentions, meetings, relations.

        >>> Store(":memory:").counts()
        {'articles': 0, 'actors': 0, 'mentions': 0, 'meetings': 0, 'relations': 0}
        """
        c = self.connection
        return {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "mentions", "meetings", "relations")}

    def __len__(self) -> int:
        return self.connection.execute("SELECT count(*) FROM articles").fetchone()[0]

    def __contains__(self, article_id: object) -> bool:
        return self.connection.execute(
            "SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


# -- checking and repairing a store file ------------------------------------------

#: The tables whose rows only graphkit ingest can give back (the corpus tables are made from them).
BASE_TABLES = ("meta", "articles", "actors", "mentions", "meetings", "relations", "extractions")


@dataclass
class StoreCheck:
    """What :func:`check_store` found.

    ``ok``: SQLite's ``PRAGMA quick_check`` passed and every table reads whole;
    ``damaged``: the tables that cannot be read whole; ``messages``: what
    quick_check said (at most 20 lines); ``advice``: one line saying what to do.
    """

    path: str
    ok: bool
    damaged: list[str]
    messages: list[str]
    advice: str

    @property
    def corpus_only(self) -> bool:
        """True when only the corpus tables (remade from the others) are damaged."""
        return bool(self.damaged) and set(self.damaged) <= set(CORPUS_TABLES)

    def lines(self) -> list[str]:
        """The report as ``graphkit check`` prints it."""
        head = f"{self.path}: " + ("ok" if self.ok else "damaged" + (
            f" (tables: {', '.join(self.damaged)})" if self.damaged else ""))
        return [head, *(f"  {m}" for m in self.messages if not self.ok), *([self.advice] if self.advice else [])]


def check_store(path: str | os.PathLike) -> StoreCheck:
    """Check a store file without changing it: ``PRAGMA quick_check``, then every table read whole.

    Raises :class:`StoreError` when ``path`` is no graphkit store at all.

    >>> import tempfile, pathlib
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "g.db"
    >>> Store(db).close()
    >>> check = check_store(db)
    >>> check.ok, check.damaged, check.lines() == [f"{db}: ok"]
    (True, [], True)
    """
    path = str(path)
    try:
        store = Store(path, readonly=True)
    except StoreDamaged as e:  # the schema itself (page 1) cannot be read: no table can be found
        return StoreCheck(path, False, ["sqlite_master"], [str(e).split(" (", 1)[-1].split(")", 1)[0]],
                          "the store's schema page is damaged: re-ingest the corpus into a new store")
    with store:
        c = store.connection
        try:
            messages = [r[0] for r in c.execute("PRAGMA quick_check(20)")]
        except sqlite3.DatabaseError as e:
            messages = [str(e)]
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        damaged = []
        for table in tables:
            try:
                for _ in c.execute(f'SELECT * FROM "{table}"'):
                    pass
            except sqlite3.DatabaseError:
                damaged.append(table)
    ok = messages == ["ok"] and not damaged
    if ok:
        advice = ""
    elif damaged and set(damaged) <= set(CORPUS_TABLES):
        advice = ("only the corpus tables are damaged, and they are made from the others: "
                  "`graphkit check --db PATH --rebuild` (rebuild_corpus_tables) rebuilds them").replace("PATH", path)
    elif not damaged:
        advice = ("every table reads whole, an index is damaged: `graphkit check --db PATH --rebuild` "
                  "(rebuild_corpus_tables) copies the store into a new file with fresh indexes").replace("PATH", path)
    else:
        advice = ("articles or records are damaged: re-ingest the corpus into a new store (the articles "
                  "that read whole can be kept: `graphkit check --db PATH --rebuild`)").replace("PATH", path)
    return StoreCheck(path, ok, damaged, [m for m in messages if m != "ok"], advice)


def rebuild_corpus_tables(path: str | os.PathLike) -> StoreCheck:
    """Copy what reads whole of a damaged store into a new file, remake the corpus tables, put it in place.

    The articles, records and their rows are copied table by table (a
    damaged base table is copied as far as it reads, the copy keeping only
    articles whose record came along); the corpus tables are made again from
    the records (:meth:`Store.keep_resolution`).  The new file replaces the
    old one by a rename, so run it while nothing else uses the store.
    Returns the check of the new store.
    """
    path = str(path)
    target = os.path.realpath(path)
    tmp = f"{target}.rebuild.tmp"
    for leftover in (tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"):
        if os.path.exists(leftover):
            os.unlink(leftover)
    try:
        with Store(tmp) as new:
            c = new.connection
            c.execute("ATTACH DATABASE ? AS old", (Path(target).resolve().as_uri() + "?mode=ro",))
            for table in BASE_TABLES:
                cols = [r[1] for r in c.execute(f"PRAGMA main.table_info({table})")]
                old_cols = {r[1] for r in c.execute(f"PRAGMA old.table_info({table})")}
                cols = [col for col in cols if col in old_cols]
                names = ", ".join(f'"{col}"' for col in cols)
                c.execute("BEGIN")
                try:
                    if table == "meta":
                        c.execute(f"INSERT OR REPLACE INTO main.meta({names}) SELECT {names} FROM old.meta "
                                  "WHERE key != 'corpus_version'")
                    else:
                        cur = c.execute(f"SELECT {names} FROM old.{table} ORDER BY rowid")
                        marks = ", ".join("?" * len(cols))
                        while True:
                            try:
                                rows = cur.fetchmany(_BATCH)
                            except sqlite3.DatabaseError:
                                break  # as far as it reads
                            if not rows:
                                break
                            c.executemany(f"INSERT OR IGNORE INTO main.{table}({names}) VALUES ({marks})", rows)
                    c.execute("COMMIT")
                except sqlite3.DatabaseError:
                    c.execute("ROLLBACK")
            c.execute("DELETE FROM articles WHERE id NOT IN (SELECT article_id FROM extractions)")
            c.execute("DELETE FROM extractions WHERE article_id NOT IN (SELECT id FROM articles)")
            c.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'")
            c.execute("DETACH DATABASE old")
            new.keep_resolution()
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for side in ("-wal", "-shm", "-journal"):
            if os.path.exists(target + side):
                os.unlink(target + side)
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return check_store(path)
