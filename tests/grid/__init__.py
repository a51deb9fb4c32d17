"""A behavioural grid of meeting sentences (CheckList, Ribeiro et al. 2020), for issue 17.

Templates (`templates`) cross trigger families (meet, talks, visit, call, attend, host, welcome,
receive) with linkings (subject-verb-object, "with", "between", coordination, passive, nominal,
possessive, light verbs, participles, relative clauses, reported speech, lists) and side forms
(titled names, "Japan's foreign minister", "the Japanese foreign minister", "senior Japanese
officials", "a Japanese delegation", organizations), plus negatives that state no meeting.
`generate` fills them, one modifier per sentence that must not change the answer; `check` runs each
sentence through the real pipeline and compares it with what the template states.

Used by ``tests/test_grid.py`` (the CI floor) and ``scripts/grid_report.py`` (the tables).
"""
from .check import Result, format_failures, format_table, informative_failures, judge, rate, rows, run_grid
from .generate import MODIFIERS, Case, generate

__all__ = ["Case", "MODIFIERS", "Result", "format_failures", "format_table", "generate", "informative_failures",
           "judge", "rate", "rows", "run_grid"]
