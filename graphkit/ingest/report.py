"""What one run reports: its counters (:class:`RunReport`), its problems (:class:`ProblemLog`)
and the progress bar on a terminal (:class:`ProgressBar`).

>>> from graphkit.corpus import Problem
>>> seen = []
>>> log = ProblemLog(RunReport(), seen.append)
>>> log.reader(Problem("a.txt", None, "empty file", skipped=True))
>>> log.report.skipped, log.report.problems, len(seen)
(1, ['a.txt: skipped: empty file'], 1)
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Union

from graphkit.corpus import JSON_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, Article, Problem
from graphkit.inputs import escape_for_terminal, input_refusal

__all__ = ["RunReport", "ProblemLog", "ProgressBar", "OnProblem", "PathLike", "count_inputs"]

PathLike = Union[str, os.PathLike]
OnProblem = Callable[[Problem], None]


@dataclass
class RunReport:
    """What happened in one run.

    ``read``: articles read; ``extracted``: articles parsed and extracted;
    ``skipped``: inputs the reader could not turn into an article (empty,
    binary, malformed...); ``warnings``: problems that did not stop an article
    (decoding fallback, duplicate id, over-long text); ``failed``: articles
    whose extraction raised an exception.  For ingestion: ``ingested`` (new
    articles stored), ``updated`` (changed text or extractor version),
    ``unchanged`` (already stored: not parsed again).  ``problems`` holds one
    line per problem as printed on stderr: ``FILE[:LINE]: skipped|warning: MESSAGE``.

    >>> r = RunReport(read=2, extracted=1, failed=1)
    >>> r.ok, r.counts()["failed"]
    (False, 1)
    """

    read: int = 0
    extracted: int = 0
    skipped: int = 0
    warnings: int = 0
    failed: int = 0
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input was skipped and no article failed."""
        return not (self.skipped or self.failed)

    def counts(self) -> dict[str, int]:
        """The counters as a dict (no problem messages)."""
        d = asdict(self)
        d.pop("problems")
        return d


class ProblemLog:
    """Counts problems into a report and passes them on to the caller's callback.

    Its methods are the callbacks of the stages: :meth:`reader` for
    :func:`graphkit.corpus.read_articles`, :meth:`extractor` for
    :func:`graphkit.extract.extract_records`, :meth:`failure` for an article
    whose extraction raised.  ``progress`` (a :class:`ProgressBar`, optional)
    moves on with every article that is done, stored or not.
    """

    def __init__(self, report: RunReport, on_problem: OnProblem | None):
        self.report = report
        self.on_problem = on_problem
        self.progress: ProgressBar | None = None

    def emit(self, p: Problem) -> None:
        """Record ``p`` in the report (with its kind: summary.json keeps it) and pass it on.

        File names and messages are escaped first (:func:`graphkit.inputs.escape_for_terminal`):
        a name holding a newline or an escape sequence prints as one harmless line.
        """
        p = Problem(escape_for_terminal(str(p.path)), p.line, escape_for_terminal(p.message), p.skipped)
        self.report.problems.append(p.report_line())
        if self.on_problem is not None:
            if self.progress is not None:
                self.progress.clear()  # the message on its own line, not through the bar
            self.on_problem(p)
            if self.progress is not None:
                self.progress.refresh()

    def advance(self) -> None:
        """One more article done (stored, unchanged, skipped or failed)."""
        if self.progress is not None:
            self.progress.update()

    def reader(self, p: Problem) -> None:
        """Callback for :func:`graphkit.corpus.read_articles`."""
        if p.skipped:
            self.report.skipped += 1
            self.advance()
        else:
            self.report.warnings += 1
        self.emit(p)

    def extractor(self, where: str, message: str) -> None:
        """Callback for :func:`graphkit.extract.extract_records` (warnings)."""
        self.report.warnings += 1
        self.emit(Problem(where, None, message, skipped=False))

    def failure(self, article: Article, exc: BaseException | str) -> None:
        """An article whose extraction (or storing) failed: counted, named, and the run goes on."""
        self.report.failed += 1
        self.advance()
        where = article.path or article.id
        why = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
        msg = f"extraction failed for article {article.id!r}: {why}"
        self.emit(Problem(where, article.line, msg, skipped=True))


class ProgressBar:
    """A progress bar on stderr (tqdm): articles done, articles/s, ETA.

    Shown only when ``enabled`` and stderr is a terminal, so logs, pipes and
    CI output stay clean.  The total is an estimate (:func:`count_inputs`): one
    per text file, one per non-blank line of a JSON Lines file.
    """

    def __init__(self, enabled: bool, paths=None, desc: str = "ingest"):
        self.bar = None
        if not enabled or not _isatty(sys.stderr):
            return
        from tqdm import tqdm  # a dependency of graphkit (and of spaCy)

        total = count_inputs(paths) if paths is not None else None
        self.bar = tqdm(total=total or None, desc=desc, unit=" articles", file=sys.stderr,
                        dynamic_ncols=True, smoothing=0.05, mininterval=0.5)

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.clear()

    def refresh(self) -> None:
        if self.bar is not None:
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            if self.bar.total and self.bar.n != self.bar.total:  # the estimate was off: end at 100 %
                self.bar.total = self.bar.n
                self.bar.refresh()
            self.bar.close()
            self.bar = None


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def count_inputs(paths: PathLike | Iterable[PathLike]) -> int:
    """A quick estimate of the articles in ``paths`` (for the progress bar's ETA).

    One per text file, one per non-blank line of a ``.jsonl``/``.json`` file;
    nothing is decoded or parsed.  Unreadable inputs count as one.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("One."); _ = (d / "b.jsonl").write_text('{"text": "x"}\\n\\n{"text": "y"}\\n')
    >>> count_inputs([d])
    3
    """
    walked = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]

    def one_file(p: Path) -> int:
        if p.suffix.lower() not in JSONL_SUFFIXES | JSON_SUFFIXES:
            return 1
        if input_refusal(p) is not None:  # a FIFO named feed.jsonl: opening it would wait for a writer
            return 0
        n = 0
        try:
            with open(p, "rb") as f:
                for line in f:
                    if line.strip():
                        n += 1
        except OSError:
            return 1
        return max(n, 1)

    total = 0
    for p in paths:
        p = Path(p)
        try:
            if p.is_dir():
                for root, dirs, files in os.walk(p):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in files:
                        if not name.startswith(".") and Path(name).suffix.lower() in walked:
                            total += one_file(Path(root) / name)
            else:
                total += one_file(p)
        except OSError:
            total += 1
    return total
