"""Historical states by the article's date: "Moscow" in 1987 is the Soviet Union.

Before the day a state ended (``data/historical_states.json``), the names,
demonyms and capitals of its present-day successor stand for it ("Germany",
"German", "Bonn" in 1987: West Germany).  The article's date is its own, else
the latest date or year its text names (`graphkit.dates.text_period`).
"""
from __future__ import annotations

from graphkit.dates import text_period

from .mention import ArticleState


def article_period(doc, state: ArticleState | None = None) -> str | None:
    """The article's date, else the latest full date or year its text names (``YYYY-MM-DD`` or ``YYYY``),
    else, for a text that names a state that no longer exists, a day of that state's time."""
    found = doc._.article_date or text_period(e.text for e in doc.ents if e.label_ == "DATE")
    if found or state is None:
        return found
    ended = [state.gazetteer.ended[m.actor] for m in state.mentions
             if m.type == "country" and m.actor in state.gazetteer.ended]
    return min(ended)[:4] if ended else None


def apply_period(state: ArticleState, date: str | None) -> None:
    """Countries of mentions (countries, bodies, places) as they were on ``date``."""
    if not date:
        return
    gz = state.gazetteer
    for m in state.mentions:
        if m.type == "country":
            m.actor = gz.in_period(m.actor, date)
        if m.country:
            m.country = gz.in_period(m.country, date)
