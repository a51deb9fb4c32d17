"""What may come in: only regular files, of a bounded size, with clean text, named safely in messages.

Functions the readers call (and ingestion, :func:`graphkit.ingest.session.read_counted`, calls
where the text passes through).  Standard library only, no graphkit import: any reader may use it.

* :func:`input_refusal` / :func:`read_input_bytes`: only regular files are
  read (a FIFO would hang, ``/dev/zero`` would fill memory), and a file's size
  is read *before* the file, against :func:`max_input_bytes` (settable with
  ``GRAPHKIT_MAX_INPUT_BYTES``);
* :func:`clean_control` / :func:`clean_article`: control characters other
  than newline and tab removed once, on the way in (a form feed from
  pdftotext, a ``\\u0000`` escape in a JSON id, binary past the first 8 KB),
  so every later output (GraphML, GEXF, JSON, the view, the terminal) gets
  clean strings;
* :func:`escape_for_terminal`: a file name or message printed with its
  control characters escaped (a name holding a newline and an escape
  sequence cannot forge lines or clear the terminal);
* :func:`is_graphkit_output`: the files a ``graphkit run`` wrote (listed in
  its ``summary.json``) are never read back as articles.

>>> clean_control("page one\\x0cpage two\\x00!")
('page one\\npage two!', 2)
>>> escape_for_terminal("evil\\n\\x1b[2Jname.txt")
'evil\\\\n\\\\x1b[2Jname.txt'
"""
from __future__ import annotations

import errno
import functools
import json
import os
import re
import stat
from pathlib import Path

__all__ = ["DEFAULT_MAX_INPUT_BYTES", "InputRefused", "max_input_bytes", "input_refusal", "read_input_bytes",
           "clean_control", "clean_article", "escape_for_terminal", "is_graphkit_output", "human_size"]

#: The largest file read as one article unless ``GRAPHKIT_MAX_INPUT_BYTES`` says otherwise
#: (a 50 MB article already takes half an hour and over a gigabyte to parse).
DEFAULT_MAX_INPUT_BYTES = 100 * 1024 * 1024
_ENV = "GRAPHKIT_MAX_INPUT_BYTES"


class InputRefused(OSError):
    """An input graphkit will not read (not a regular file, or too large): ``filename`` and why."""

    def __init__(self, path, why: str, code: int = errno.EINVAL):
        super().__init__(code, why, str(path))


def max_input_bytes() -> int:
    """The size limit of one article's file: ``GRAPHKIT_MAX_INPUT_BYTES`` (bytes, ``k``/``M``/``G``
    suffixes allowed), else :data:`DEFAULT_MAX_INPUT_BYTES`.

    >>> os.environ["GRAPHKIT_MAX_INPUT_BYTES"] = "2M"; max_input_bytes()
    2097152
    >>> del os.environ["GRAPHKIT_MAX_INPUT_BYTES"]; max_input_bytes() == DEFAULT_MAX_INPUT_BYTES
    True
    """
    raw = os.environ.get(_ENV, "").strip()
    m = re.fullmatch(r"(\d+)\s*([kKmMgG]?)[bB]?", raw)
    if not m:
        return DEFAULT_MAX_INPUT_BYTES
    return int(m[1]) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[m[2].lower()]


def human_size(n: int) -> str:
    """``n`` bytes for a message.

    >>> human_size(500), human_size(3 * 1024 ** 2)
    ('500 bytes', '3.0 MB')
    """
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def _refusal(st: os.stat_result, limit: int | None) -> str | None:
    for test, kind in _KINDS:
        if test(st.st_mode):
            return f"not a regular file ({kind}); only regular files are read"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file; only regular files are read"
    if limit is not None and st.st_size > limit:
        return (f"too large to read as one article ({human_size(st.st_size)}, over the limit of "
                f"{human_size(limit)}; set {_ENV} to read it)")
    return None


def input_refusal(path, *, limit: int | None = None) -> str | None:
    """Why ``path`` must not be read (a FIFO, a device, over ``limit`` bytes), or None when it may.

    Looks at the file (``stat``, symlinks followed), never opens it.  A
    missing file is the reader's to report: None.

    >>> input_refusal("/dev/zero")
    'not a regular file (a character device); only regular files are read'
    """
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return _refusal(st, limit)


def read_input_bytes(path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default :func:`max_input_bytes`).

    Opened without blocking (a FIFO swapped in after a look never hangs the
    read), checked on the open file, read only then.  Raises
    :class:`InputRefused` (an ``OSError``) when the file is not a regular file
    or is too large, ``OSError`` when it cannot be read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"Anna Berg met Karl Holm.")
    >>> read_input_bytes(p)
    b'Anna Berg met Karl Holm.'
    >>> try:
    ...     read_input_bytes(p, limit=10)
    ... except InputRefused as e:
    ...     print(e.strerror)
    too large to read as one article (24 bytes, over the limit of 10 bytes; set GRAPHKIT_MAX_INPUT_BYTES to read it)
    """
    limit = max_input_bytes() if limit is None else limit
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        why = _refusal(os.fstat(fd), limit)
        if why is not None:
            raise InputRefused(path, why)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:  # grew while being read
                raise InputRefused(path, f"too large to read as one article (over the limit of {human_size(limit)})")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


# C0 controls but tab and newline, DEL, C1 controls, the two non-characters XML forbids; lone surrogates
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n",
                "\x85": "\n"}
# a terminal escape sequence goes whole (CSI "ESC [ ... m", OSC "ESC ] ... BEL", the C1 CSI), not
# only its ESC: what is left of it ("[2J") is no text either
_SEQUENCE = ("\x1b\\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
             "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\\\|\x9c)?|\x1b[@-Z\\\\-_]")
_CONTROL = re.compile(_SEQUENCE + "|\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_control(text: str) -> tuple[str, int]:
    """``text`` without control characters, and how many were changed.

    Terminal escape sequences go whole; line ends (CR, CR LF) become
    newlines silently; page breaks (vertical tab, form feed, the separators,
    NEL) become newlines, so the words on either side stay apart; lone
    surrogates (a ``"\\ud800"`` escape in JSON) become U+FFFD; every other
    control character but tab and newline is removed.

    >>> clean_control("a\\r\\nb\\x01c\\ud800d\\te")
    ('a\\nbc\\ufffdd\\te', 2)
    >>> clean_control("in Oslo \x1b[2J\x1b]0;title\x07\x1b[31mon Monday\x9b2J.")
    ('in Oslo on Monday.', 4)
    >>> clean_control("plain text")
    ('plain text', 0)
    """
    n = 0

    def fix(m: re.Match) -> str:
        nonlocal n
        ch = m.group(0)
        if ch in ("\r\n", "\r"):
            return "\n"  # a line end, not a control character to report
        n += 1
        if ch in _LINE_BREAKS:
            return "\n"
        if "\ud800" <= ch <= "\udfff":
            return "\ufffd"
        return ""

    if not _CONTROL.search(text):
        return text, 0
    return _CONTROL.sub(fix, text), n


_FIELDS = ("id", "text", "title", "date", "url", "source")


def clean_article(article) -> list[str]:
    """Clean every text field of ``article`` (a :class:`graphkit.corpus.Article`) in place
    (:func:`clean_control`); the warnings to report (also added to ``article.notes``).

    One field a line break makes no sense in (id, title, url...) gets it as a
    space.

    >>> from graphkit.corpus import Article
    >>> a = Article(id="x\\x00y", text="Anna Berg\\x0cmet Karl Holm.")
    >>> clean_article(a), a.id, a.text
    (['control characters removed: 1 in id, 1 in text'], 'xy', 'Anna Berg\\nmet Karl Holm.')
    """
    counts = []
    for name in _FIELDS:
        value = getattr(article, name)
        if not isinstance(value, str):
            continue
        cleaned, n = clean_control(value)
        if name != "text":
            cleaned = " ".join(cleaned.split()) if "\n" in cleaned else cleaned
        if cleaned != value:
            setattr(article, name, cleaned)
        if n:
            counts.append(f"{n} in {name}")
    if not counts:
        return []
    msg = "control characters removed: " + ", ".join(counts)
    article.notes.append(msg)
    return [msg]


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_for_terminal(text: str) -> str:
    """``text`` with every character a terminal would act on (controls, format characters such as
    bidi overrides, line separators) written as an escape: safe to print on one line.

    >>> escape_for_terminal("a\\u202eb c\\u2028d")
    'a\\\\u202eb c\\\\u2028d'
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


@functools.lru_cache(maxsize=256)
def _outputs_listed_in(directory: str, summary_mtime: float) -> frozenset[str]:
    summary = os.path.join(directory, "summary.json")
    try:
        if os.path.getsize(summary) > 10 * 1024 * 1024:
            return frozenset()
        with open(summary, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return frozenset()
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(outputs, dict):
        return frozenset()
    names = {Path(v).name for v in outputs.values() if isinstance(v, str)} | {"summary.json"}
    return frozenset(os.path.join(directory, n) for n in names)


def is_graphkit_output(path) -> bool:
    """True for a file a ``graphkit run`` wrote: one its ``summary.json`` (beside it) lists as an output.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "summary.json").write_text('{"outputs": {"records": "out/records.jsonl"}}')
    >>> is_graphkit_output(d / "records.jsonl"), is_graphkit_output(d / "articles.jsonl")
    (True, False)
    """
    if not path:
        return False
    directory = os.path.dirname(os.path.realpath(path))
    try:
        mtime = os.stat(os.path.join(directory, "summary.json")).st_mtime
    except OSError:
        return False
    return os.path.realpath(path) in _outputs_listed_in(directory, mtime)
