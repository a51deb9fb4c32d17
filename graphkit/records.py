"""The extraction record: what graphkit extracts from one article.

One record per article, a plain JSON-able dict.  It is a superset of the format
read by the evaluation scorer (``doc``, ``actors``, ``meetings``); the extra
fields are what the store and the graph need.  Change it only with a reason.

    {
      "doc": "000_9d3e149b290da972",          # article id
      "title": "...", "date": "2016-12-27",    # article metadata (may be null)
      "actors": [
        {"name": "Anton Vesel",                # canonical name within the article
         "type": "person",                     # person | country | organization | forum
         "country": "Russia",                  # country or international organization the actor belongs to (null for countries)
         "aliases": ["Vesel", "Antun Vesel"],     # other surface forms seen in the article
         "roles": ["Foreign Minister"],        # titles from the text (persons)
         "mentions": [[start, end, sent], ...] # character offsets into the article text, sentence index
        }, ...],
      "meetings": [
        {"participants": ["Anton Vesel", "Mark Dalton"],    # actor names (as in "actors")
         "kind": "call",                       # meeting | talks | visit | call
         "status": "happened",                 # happened | scheduled
         "location": "Moscow",                 # place as written, or null
         "date": "Tuesday",                    # date phrase as written, or null
         "date_iso": "2016-12-27",             # normalized against the article date, or null
         "hub": null,                          # "X met A, B and C": X (only pairs with the hub are claimed)
         "evidence": "Russia's Foreign Ministry said ...",   # the sentence that states it
         "evidence_all": ["...", "..."],       # every sentence reporting the same meeting
         "spans": [[start, end], ...]          # character offsets of those sentences
        }, ...],
      "relations": [                           # other relations found on the way (never meetings)
        {"kind": "agreement", "participants": [...], "evidence": "...", "spans": [[s, e]]}
      ]
    }

Use :func:`strip_for_scoring` to get exactly the scorer's fields.
"""
from __future__ import annotations

ACTOR_TYPES = ("person", "country", "organization", "forum")
MEETING_KINDS = ("meeting", "talks", "visit", "call")
STATUSES = ("happened", "scheduled")


def strip_for_scoring(record: dict) -> dict:
    """Only the fields the evaluation scorer reads.

    >>> strip_for_scoring({"doc": "a", "actors": [], "meetings": [], "relations": []})
    {'doc': 'a', 'actors': [], 'meetings': []}
    """
    return {
        "doc": record["doc"],
        "actors": [
            {k: a.get(k) for k in ("name", "type", "country", "aliases")} for a in record.get("actors", [])
        ],
        "meetings": [
            {k: m.get(k) for k in ("participants", "kind", "location", "date", "evidence")}
            for m in record.get("meetings", [])
        ],
    }
