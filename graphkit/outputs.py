"""Every file graphkit writes goes through :func:`atomic_write`.

The seam between the exports (``graphkit/export.py``, the view, ``records.jsonl``,
``summary.json``) and the safe-output rules (owned with the store): the caller
writes into a file object; the target appears whole or not at all.

* The temp file sits in the target's folder (so the rename is atomic), is
  fsynced before the rename, and is removed when the writer fails (an
  exception, Ctrl-C, a full disk): the previous good file stays as it was.
* A symbolic link is written *through*: its final target gets the new
  content, the link stays a link.
* Only regular files are written: a FIFO, a device node (``-o /dev/null``), a
  socket or a directory as output is refused (:class:`OutputRefused`) before
  anything is written.
* An input of the run is never written over: files named in ``inputs=`` or
  noted with :func:`note_input` (ingestion notes every file it reads) are
  refused as outputs.
* The new file gets the mode of the file it replaces (else the usual
  ``0666 & ~umask``), not the temp file's ``0600``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_write(d / "a.txt") as f:
...     _ = f.write("whole")
>>> (d / "a.txt").read_text()
'whole'
>>> sorted(p.name for p in d.iterdir())
['a.txt']

:func:`escape_csv_cell` makes a value safe for a spreadsheet cell (formula injection).
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["atomic_write", "OutputRefused", "note_input", "forget_inputs", "check_output_path",
           "escape_csv_cell", "FORMULA_PREFIXES"]


class OutputRefused(OSError):
    """An output path graphkit will not write (not a regular file, or an input of the run).

    An ``OSError`` with ``filename`` set, so a caller that reports ``OSError``
    as ``FILE: message`` says it right.
    """

    def __init__(self, path, why: str, code: int = errno.EINVAL):
        super().__init__(code, why, str(path))


# (st_dev, st_ino) of the files this process reads as input
_INPUTS: set[tuple[int, int]] = set()


def _identity(path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def note_input(path) -> None:
    """Remember ``path`` (a file being read) as an input: :func:`atomic_write` refuses to write over it.

    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp()) / "in.txt"
    >>> _ = src.write_text("article")
    >>> note_input(src)
    >>> try:
    ...     check_output_path(src)
    ... except OutputRefused as e:
    ...     print(e.strerror)
    an input of this run; refusing to write over it
    >>> forget_inputs()
    """
    ident = _identity(path)
    if ident is not None:
        _INPUTS.add(ident)


def forget_inputs() -> None:
    """Forget every input noted so far (a long-lived process starting a new job)."""
    _INPUTS.clear()


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def check_output_path(path, inputs: Iterable = ()) -> Path:
    """The file that writing ``path`` really writes (a symlink followed to its target); raises
    :class:`OutputRefused` when that is not a regular file or is one of the run's inputs.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "link.html").symlink_to(d / "real.html")
    >>> check_output_path(d / "link.html") == (d / "real.html").resolve()
    True
    >>> try:
    ...     check_output_path("/dev/null")
    ... except OutputRefused as e:
    ...     print(e.filename, "|", e.strerror)
    /dev/null | not a regular file (a character device); outputs are written only to regular files
    """
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target  # a new file (or a dangling link's target, created through the link)
    for test, kind in _KINDS:
        if test(st.st_mode):
            code = errno.EISDIR if kind == "a directory" else errno.EINVAL
            raise OutputRefused(path, f"not a regular file ({kind}); outputs are written only to regular files",
                                code)
    ident = (st.st_dev, st.st_ino)
    if ident in _INPUTS or any(_identity(p) == ident for p in inputs):
        raise OutputRefused(path, "an input of this run; refusing to write over it")
    return target


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = "\n", *,
                 inputs: Iterable = ()):
    """Open a temp file beside ``path`` for writing; on success rename it over ``path``.

    See the module doc for the rules (symlinks written through, only regular
    files, never an input: ``inputs`` names more files that must not be
    written over).  On any failure, Ctrl-C included, the temp file is removed
    and ``path`` keeps its previous content.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "g.json").write_text("good")
    >>> try:
    ...     with atomic_write(d / "g.json") as f:
    ...         _ = f.write("half")
    ...         raise RuntimeError("disk full")
    ... except RuntimeError:
    ...     pass
    >>> (d / "g.json").read_text(), sorted(p.name for p in d.iterdir())
    ('good', ['g.json'])
    """
    target = check_output_path(path, inputs)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _new_file_mode(target))
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": newline})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        check_output_path(path, inputs)  # still a regular file, not swapped for a FIFO meanwhile
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def escape_csv_cell(value):
    """``value`` made safe for a spreadsheet cell: a string starting like a formula gets a ``'`` in front.

    OWASP's rule for CSV injection: a cell starting with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return (here also a line feed and the
    full-width forms of the four signs) is prefixed with a single quote, so
    the spreadsheet shows it as text.  Numbers and other non-strings are
    returned unchanged (``-3`` stays a number); quoting the cell for the CSV
    syntax is the ``csv`` module's job.

    >>> escape_csv_cell('=HYPERLINK("http://x.example","click")')
    '\\'=HYPERLINK("http://x.example","click")'
    >>> escape_csv_cell("@SUM(A1)"), escape_csv_cell("Anna Berg"), escape_csv_cell(-3)
    ("'@SUM(A1)", 'Anna Berg', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
