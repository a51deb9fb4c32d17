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
from .mention import ArticleState

_SKIP = {"of", "and", "the", "for", "&", "de", "la", "'s", "’s"}


def _words(name: str) -> list[str]:
    return [w for w in fold(name).replace("’", "'").replace("'s", " 's").split() if w]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _SKIP and w[:1].isalpha())


def _shortens(short: list[str], full: list[str]) -> bool:
    n = len(short)
    if n >= len(full):
        return False
    if full[:n] == short and full[n] not in ("'s",):
        return True
    return full[-n:] == short


def merge_short_org_names(state: ArticleState) -> None:
    orgs = [a for a in state.actors.values() if a.type == "organization"]
    lookup = state.gazetteer.lookup
    for a in list(orgs):
        if lookup(a.name) is not None or any(m.kind in ("body", "party", "pronoun") for m in a.mentions):
            continue
        short = _words(a.name)
        if not short or len(short) > 3:
            continue
        acronym = len(short) == 1 and a.name.isupper() and len(a.name) >= 2
        targets = set()
        for b in orgs:
            if b is a or b.name not in state.actors:
                continue
            for name in [b.name, *b.aliases]:
                full = _words(name)
                if _shortens(short, full) or (acronym and len(full) >= 2 and _initials(full) == fold(a.name)):
                    targets.add(b.name)
                    break
        if len(targets) == 1:
            state.merge(a.name, targets.pop())
            orgs = [o for o in orgs if o is not a]
