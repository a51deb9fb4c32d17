"""An organization named in full once and shortened after: one organization.

"Facebook Inc" ... "Facebook", "the Senate Judiciary Committee" ... "the Judiciary
Committee", "the Washington Free Beacon" ... "the Free Beacon", "the National
Football League" ... "the NFL": a name the recognizer found that is the start or the
end (whole words) of exactly one longer organization name of the article, or its
initials, is that organization.  Names from the tables (countries, known bodies,
parties) are not shortened forms of anything.
"""
from __future__ import annotations

from .gazetteer import fold
from .lexicon import LEXICON
from .mention import ArticleState

CORPORATE_SUFFIXES = LEXICON["corporate_suffixes"]
FORUM_NOUNS = LEXICON["forum_nouns"]

_SKIP = {"of", "and", "the", "for", "&", "de", "la", "'s", "’s"}


def _words(name: str) -> list[str]:
    return [w for w in fold(name).replace("’", "'").replace("'s", " 's").split() if w]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _SKIP and w[:1].isalpha())


def _shortens(short: list[str], full: list[str], how: str) -> bool:
    n = len(short)
    if n >= len(full):
        return False
    if how == "start":
        # (a gathering's name is whole: "the X Summit" is not the "X Summit Plenary" named after it)
        return full[:n] == short and full[n] not in ("'s",) and short[-1] not in FORUM_NOUNS
    return full[-n:] == short


def _forms(name: str, lookup) -> list[list[str]]:
    """A name's words, and its words without a country before them ("U.S. House of Representatives")
    or a corporate suffix after them ("Facebook Inc")."""
    words = _words(name)
    out = [words]
    first = name.split()[0] if name.split() else ""
    entry = lookup(first)
    if len(words) >= 2 and entry is not None and entry.type == "country":
        out.append(words[1:])
    if len(words) >= 2 and words[-1].strip(".") in CORPORATE_SUFFIXES:
        out.append(words[:-1])
    return out


def merge_short_org_names(state: ArticleState) -> None:
    orgs = [a for a in state.actors.values() if a.type == "organization"]
    lookup = state.gazetteer.lookup
    for b in list(orgs):  # "Facebook Inc" beside the table's "Facebook": one company
        words = _words(b.name)
        if len(words) >= 2 and words[-1].strip(".") in CORPORATE_SUFFIXES and lookup(b.name) is None:
            short = next((a for a in orgs if a is not b and _words(a.name) == words[:-1]), None)
            if short is not None and b.name in state.actors and short.name in state.actors:
                if lookup(short.name) is not None:
                    state.merge(b.name, short.name)  # the table's name
                    orgs = [o for o in orgs if o is not b]
                else:
                    state.merge(short.name, b.name)  # a shortening in the text: the full name
                    orgs = [o for o in orgs if o is not short]
    for a in list(orgs):
        if lookup(a.name) is not None or any(m.kind in ("body", "party", "pronoun") for m in a.mentions):
            continue
        short = _words(a.name)
        if not short or len(short) > 3:
            continue
        acronym = len(short) == 1 and a.name.isupper() and len(a.name) >= 2
        # the start of a name first ("House" of "House of Representatives", not of "White House")
        targets = set()
        for how in ("start", "end"):
            for b in orgs:
                if b is a or b.name not in state.actors:
                    continue
                if any(_shortens(short, full, how) or (acronym and len(full) >= 2 and _initials(full) == fold(a.name))
                       for name in [b.name, *b.aliases] for full in _forms(name, lookup)):
                    targets.add(b.name)
            if targets:
                break
        if len(targets) == 1:
            state.merge(a.name, targets.pop())
            orgs = [o for o in orgs if o is not a]

