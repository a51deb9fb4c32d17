"""The ``graphkit_meeting_frames`` pipeline component: meeting patterns matched on the parse.

It runs the patterns of ``data/meeting_patterns.jsonl`` (`graphkit.relations.patterns`,
checked by spaCy's `spacy.matcher.DependencyMatcher`) from their trigger words
(`graphkit.relations.matcher`) and writes every match to
``doc._.meeting_frames`` as ``(pattern id, {node name: token index})``, in
text order.  `graphkit.relations.meetings` turns the matches into meetings.

>>> from graphkit.nlp import load_model
>>> [pid for pid, _ in load_model()("Anna Berg met Karl Holm in Oslo, and then Karl Holm discussed trade with "
...                                 "Anna Berg.")._.meeting_frames]
['meet-together', 'discuss-object-with']

("Anna Berg met Karl Holm" itself the shared linking rules find: `graphkit.relations.linking`.)
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .matcher import TriggerMatcher
from .patterns import compile_patterns, load_patterns

COMPONENT = "graphkit_meeting_frames"


def register_extensions() -> None:
    if not Doc.has_extension("meeting_frames"):
        Doc.set_extension("meeting_frames", default=[])


class FrameMatcher:
    """Matches the meeting patterns; spaCy's DependencyMatcher validates them, `TriggerMatcher` runs them."""

    def __init__(self, vocab, patterns=None):
        register_extensions()
        self.patterns = {p.id: p for p in (patterns if patterns is not None else load_patterns())}
        compile_patterns(vocab, self.patterns.values())  # spaCy's own check of every pattern
        self.matcher = TriggerMatcher({pid: p.pattern for pid, p in self.patterns.items()})

    def __call__(self, doc):
        found = set()
        for pid, tokens in self.matcher(doc):
            found.add((pid, tuple(zip(self.patterns[pid].nodes, tokens))))
        doc._.meeting_frames = [(pid, dict(nodes)) for pid, nodes in sorted(found, key=lambda f: (f[1][0][1], f[0]))]
        return doc


@Language.factory(COMPONENT)
def make_frame_matcher(nlp, name):
    return FrameMatcher(nlp.vocab)
