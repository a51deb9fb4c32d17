"""The ``graphkit_meeting_frames`` pipeline component: meeting patterns matched on the parse.

It runs the patterns of ``data/meeting_patterns.jsonl`` (`graphkit.relations.patterns`)
through one `spacy.matcher.DependencyMatcher` and writes every match to
``doc._.meeting_frames`` as ``(pattern id, {node name: token index})``, in
text order.  `graphkit.relations.meetings` turns the matches into meetings.

>>> from graphkit.nlp import load_model                                     # doctest: +SKIP
>>> [pid for pid, _ in load_model()("Anna Berg met Karl Holm.")._.meeting_frames]   # doctest: +SKIP
['meet-object', 'meet-together']
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .patterns import compile_patterns, load_patterns

COMPONENT = "graphkit_meeting_frames"


def register_extensions() -> None:
    if not Doc.has_extension("meeting_frames"):
        Doc.set_extension("meeting_frames", default=[])


class FrameMatcher:
    def __init__(self, vocab, patterns=None):
        register_extensions()
        self.patterns = {p.id: p for p in (patterns if patterns is not None else load_patterns())}
        self.matcher = compile_patterns(vocab, self.patterns.values())

    def __call__(self, doc):
        found = set()
        for match_id, tokens in self.matcher(doc):
            pid = doc.vocab.strings[match_id]
            found.add((pid, tuple(zip(self.patterns[pid].nodes, tokens))))
        doc._.meeting_frames = [(pid, dict(nodes)) for pid, nodes in sorted(found, key=lambda f: (f[1][0][1], f[0]))]
        return doc


@Language.factory(COMPONENT)
def make_frame_matcher(nlp, name):
    return FrameMatcher(nlp.vocab)
