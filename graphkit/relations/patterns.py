"""Meeting patterns as data: ``data/meeting_patterns.jsonl``, validated when loaded.

One JSON object a line::

    {"id": "meet-with", "kind": "meeting", "note": "X met (with) Y",
     "pattern": [ ...spaCy DependencyMatcher node dicts... ],
     "slots": {"agent": "subject(trigger)", "partner": "partner"}}

* ``pattern``: a `spacy.matcher.DependencyMatcher` pattern; the first node is
  the ``trigger`` (the event word).  An ``IN`` / ``NOT_IN`` list may be written
  ``"@name"``: the list of that name in ``data/lexicon.json``.
* ``slots``: which node fills which role.  ``agent`` (who meets, visits, calls,
  attends), ``partner`` (whom), ``members`` (a list: everyone in "talks
  between A, B and C", paired with each other), ``host`` (the place or country
  visited), ``forum`` (the meeting, summit or body attended), ``place`` (where),
  ``co_agent`` (one more on the agent's side).  A value is a node name,
  ``subject(node)`` (the subject of that node's clause) or ``country(node)``
  (the country of the person or state there: "arrived for talks with X" visits
  X's country; a company's seat is not taken for a destination).
* ``kind``: meeting | talks | visit | call.  Optional: ``frame`` (the node whose
  clause gives status, place and date; default the trigger), ``partner_types``
  / ``agent_types`` / ``host_types`` (actor types a slot must resolve to; a host
  that is a person or an organization makes a visit a meeting), ``foreign_agent``
  (the agent must be known to belong to another country than the host),
  ``without`` (``{node: [child attributes]}``: no match where that node has such
  a child, e.g. "talks" that name their own sides with "between"), ``session``
  (the match only reports a session of a grouping of states whose clause names
  no attendee: its members the article names attend; needs a ``forum`` slot),
  ``outside_body`` (a forum that is a government body of a country is attended
  only by those known to come from elsewhere: telling a meeting of one's own
  legislature is testimony, not a forum).

A bad pattern raises :class:`PatternError` naming the file, line and pattern id.

>>> patterns = load_patterns()
>>> all(p.kind in ("meeting", "talks", "visit", "call") for p in patterns)
True
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graphkit.records import ACTOR_TYPES, MEETING_KINDS

from .lexicon import LEXICON

SLOTS = ("agent", "partner", "members", "host", "forum", "place", "co_agent")
_REF = re.compile(r"^(?:(subject|country)\()?([A-Za-z_][A-Za-z0-9_]*)\)?$")
_KEYS = {"id", "kind", "note", "pattern", "slots", "frame", "partner_types", "agent_types", "host_types",
         "foreign_agent", "without", "session", "outside_body"}
_CHILD_ATTRS = {"DEP", "LOWER", "LEMMA", "POS", "ENT_TYPE"}


class PatternError(ValueError):
    """A meeting pattern that cannot be used; the message names its file, line and id."""


@dataclass(frozen=True)
class SlotRef:
    node: str
    subject: bool = False  # the subject of the node's clause, not the node itself
    country: bool = False  # the country of the actor at the node


@dataclass(frozen=True)
class MeetingPattern:
    id: str
    kind: str
    note: str
    pattern: list
    slots: dict  # slot -> SlotRef, or a tuple of SlotRefs for "members"
    frame: str = "trigger"
    partner_types: frozenset | None = None
    agent_types: frozenset | None = None
    host_types: frozenset | None = None
    foreign_agent: bool = False
    session: bool = False  # only a session of a grouping of states with no attendee named in its clause
    outside_body: bool = False  # a country's government body as forum: only attendees from elsewhere
    without: tuple = ()  # (node, attrs): the match is void when that node has a child with these attrs

    def void(self, tokens: dict) -> bool:
        """Does a matched node have a child the pattern rules out ("talks" with their own "between")?"""
        return any(any(_child_matches(c, attrs) for c in tokens[node].children) for node, attrs in self.without)

    @property
    def nodes(self) -> list[str]:
        return [n["RIGHT_ID"] for n in self.pattern]


def _child_matches(tok, attrs: dict) -> bool:
    for key, want in attrs.items():
        got = {"DEP": tok.dep_, "LOWER": tok.lower_, "LEMMA": tok.lemma_.lower(), "POS": tok.pos_,
               "ENT_TYPE": tok.ent_type_}[key]
        if isinstance(want, dict) and "NOT_IN" in want:
            if got in want["NOT_IN"]:
                return False
        elif got not in (want["IN"] if isinstance(want, dict) else [want]):
            return False
    return True


def _without(value, nodes: list[str], where: str) -> tuple:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise PatternError(f"{where}: 'without' maps a node to a list of child attributes")
    out = []
    for node, items in value.items():
        if node not in nodes:
            raise PatternError(f"{where}: 'without' names node {node!r}, which the pattern does not have")
        for attrs in items if isinstance(items, list) else [items]:
            if not isinstance(attrs, dict) or not attrs or set(attrs) - _CHILD_ATTRS or not all(
                    isinstance(v, str) or (isinstance(v, dict) and set(v) in ({"IN"}, {"NOT_IN"}))
                    for v in attrs.values()):
                raise PatternError(f"{where}: 'without' attributes are {', '.join(sorted(_CHILD_ATTRS))}, "
                                   "each a string, {\"IN\": [...]} or {\"NOT_IN\": [...]}")
            out.append((node, _expand(attrs, where)))
    return tuple(out)


def _expand(value, where: str):
    """Replace "@name" lists by the lexicon's lists, recursively."""
    if isinstance(value, dict):
        return {k: _expand(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, where) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        words = LEXICON.get(value[1:])
        if not isinstance(words, frozenset):
            raise PatternError(f"{where}: no word list {value[1:]!r} in relations/data/lexicon.json")
        return sorted(words)
    return value


def _agent_is_prep(nodes: list) -> list:
    """The parser reads "by" after an intransitive verb as a passive agent ("spoke by phone"): a node that
    asks for a preposition "by" takes an agent too."""
    for n in nodes:
        attrs = n.get("RIGHT_ATTRS", {})
        low = attrs.get("LOWER")
        by = low == "by" or (isinstance(low, dict) and "by" in low.get("IN", ()))
        if attrs.get("DEP") == "prep" and by:
            attrs["DEP"] = {"IN": ["prep", "agent"]}
    return nodes


def _lemma_cases(nodes: list) -> list:
    """spaCy keeps a proper noun's capitals in its lemma ("Summit" in "the East Asia Summit"): a
    lower-case lemma list also takes the capitalised word."""
    for n in nodes:
        want = n.get("RIGHT_ATTRS", {}).get("LEMMA")
        if isinstance(want, dict) and "IN" in want:
            want["IN"] = sorted(set(want["IN"]) | {w[:1].upper() + w[1:] for w in want["IN"] if w.islower()})
    return nodes


def _ref(value, nodes: list[str], where: str) -> SlotRef:
    m = _REF.match(value) if isinstance(value, str) else None
    if m is None or (m.group(1) is None and value.endswith(")")):
        raise PatternError(f"{where}: slot value {value!r} is not NODE, subject(NODE) or country(NODE)")
    if m.group(2) not in nodes:
        raise PatternError(f"{where}: slot refers to node {m.group(2)!r}, which the pattern does not have")
    return SlotRef(m.group(2), m.group(1) == "subject", m.group(1) == "country")


def _types(value, where: str, key: str) -> frozenset | None:
    if value is None:
        return None
    allowed = ACTOR_TYPES + ("location",)
    if not isinstance(value, list) or not value or any(v not in allowed for v in value):
        raise PatternError(f"{where}: {key} must be a list of {', '.join(allowed)}")
    return frozenset(value)


def parse_pattern(obj, where: str) -> MeetingPattern:
    """One pattern object, checked (not yet compiled)."""
    if not isinstance(obj, dict):
        raise PatternError(f"{where}: a pattern is a JSON object")
    pid = obj.get("id")
    if not isinstance(pid, str) or not pid:
        raise PatternError(f"{where}: a pattern needs an 'id'")
    where = f"{where}: pattern {pid!r}"
    unknown = set(obj) - _KEYS
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if obj.get("kind") not in MEETING_KINDS:
        raise PatternError(f"{where}: kind must be one of {', '.join(MEETING_KINDS)}")
    if not isinstance(obj.get("note"), str) or not obj["note"].strip():
        raise PatternError(f"{where}: a pattern needs a one-line 'note'")
    nodes = obj.get("pattern")
    if not isinstance(nodes, list) or not nodes or not all(isinstance(n, dict) and "RIGHT_ID" in n for n in nodes):
        raise PatternError(f"{where}: 'pattern' must be a list of DependencyMatcher nodes with RIGHT_ID")
    if nodes[0]["RIGHT_ID"] != "trigger":
        raise PatternError(f"{where}: the first node must be the 'trigger'")
    names = [n["RIGHT_ID"] for n in nodes]
    if len(set(names)) != len(names):
        raise PatternError(f"{where}: node names repeat")
    slots_in = obj.get("slots")
    if not isinstance(slots_in, dict) or not slots_in:
        raise PatternError(f"{where}: 'slots' must name at least one slot")
    slots = {}
    for slot, value in slots_in.items():
        if slot not in SLOTS:
            raise PatternError(f"{where}: unknown slot {slot!r} (slots: {', '.join(SLOTS)})")
        if slot == "members":
            if not isinstance(value, list) or not value:
                raise PatternError(f"{where}: 'members' is a list of node references")
            slots[slot] = tuple(_ref(v, names, where) for v in value)
        else:
            slots[slot] = _ref(value, names, where)
    if obj.get("session") and "forum" not in slots:
        raise PatternError(f"{where}: a 'session' pattern needs a 'forum' slot")
    frame = obj.get("frame", "trigger")
    if frame not in names:
        raise PatternError(f"{where}: frame {frame!r} is not a node of the pattern")
    return MeetingPattern(
        id=pid, kind=obj["kind"], note=obj["note"].strip(), pattern=_agent_is_prep(_lemma_cases(_expand(nodes, where))),
        slots=slots,
        frame=frame,
        partner_types=_types(obj.get("partner_types"), where, "partner_types"),
        agent_types=_types(obj.get("agent_types"), where, "agent_types"),
        host_types=_types(obj.get("host_types"), where, "host_types"),
        foreign_agent=bool(obj.get("foreign_agent", False)), session=bool(obj.get("session", False)),
        outside_body=bool(obj.get("outside_body", False)), without=_without(obj.get("without"), names, where))


def read_patterns(path) -> list[MeetingPattern]:
    """The patterns of a JSONL file, each checked; ids must be unique."""
    path = Path(path)
    out, seen = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path.name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{where}: not JSON: {exc.msg} (column {exc.colno})") from None
        p = parse_pattern(obj, where)
        if p.id in seen:
            raise PatternError(f"{where}: pattern {p.id!r} repeats the id of line {seen[p.id]}")
        seen[p.id] = n
        out.append(p)
    return out


@functools.lru_cache(maxsize=1)
def load_patterns() -> tuple[MeetingPattern, ...]:
    """The built-in patterns (``graphkit/relations/data/meeting_patterns.jsonl``), read once."""
    with resources.as_file(resources.files("graphkit.relations").joinpath("data", "meeting_patterns.jsonl")) as p:
        return tuple(read_patterns(p))


def compile_patterns(vocab, patterns) -> "object":
    """A `spacy.matcher.DependencyMatcher` holding every pattern under its id."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab, validate=True)
    for p in patterns:
        try:
            matcher.add(p.id, [p.pattern])
        except (ValueError, KeyError, TypeError) as exc:
            msg = " ".join(str(exc).split())
            raise PatternError(f"pattern {p.id!r}: spaCy rejects it: {msg}") from None
    return matcher
