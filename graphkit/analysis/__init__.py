"""Questions asked of the actor graph: who met whom, centrality, communities,
the country view and time filters. Every function takes the ``networkx``
MultiGraph described in ``docs/graph-schema.md`` and returns plain data
(lists of dicts) that prints as a table (:func:`format_table`) or goes to a
notebook / JSON / CSV as it is.

>>> from graphkit.analysis import example_graph, who_met, format_table
>>> print(format_table(who_met(example_graph(), "Hartley"), ["date_iso", "counterparts"]))
date_iso    counterparts
----------  -------------
2024-01-15  Wei Lan
2023-03-02  Sergei Volkov
"""
from .centrality import MEASURES, SAMPLE_THRESHOLD, Rows, centrality
from .communities import communities, ego, ego_table
from .countries import country_table, country_view, fold_map
from .dating import date_coverage, no_meetings_reason
from .example import example_graph
from .layers import LAYERS
from .lookup import ActorNotFound, find_actor, normalize, suggest
from .meetings import MEETING_COLUMNS, meetings_per_month, met, timeline, who_met
from .tables import format_table, to_csv, to_json
from .timefilter import filter_by_date, in_range

__all__ = [
    "ActorNotFound", "LAYERS", "MEASURES", "MEETING_COLUMNS", "Rows", "SAMPLE_THRESHOLD",
    "centrality", "communities", "country_table", "country_view", "date_coverage", "ego", "ego_table",
    "example_graph", "filter_by_date", "find_actor", "fold_map", "format_table", "in_range",
    "meetings_per_month", "met", "no_meetings_reason", "normalize", "suggest", "timeline", "to_csv",
    "to_json", "who_met",
]
