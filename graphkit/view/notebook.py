"""The interactive view inside a Jupyter notebook.

:func:`inline` returns an :class:`IPython.display.HTML` holding an
``<iframe srcdoc=...>`` with the whole page, so it works without a server
route to the file and with no network (the page is self-contained).
"""
from __future__ import annotations

import html
from os import PathLike
from pathlib import Path

import networkx as nx


def inline(graph_or_page: nx.MultiGraph | str | PathLike, *, height: int = 640, **render_options):
    """Show a graph (or an HTML file written by :func:`render_html`) in a notebook.

    ``render_options`` go to :func:`graphkit.view.render.page_html` /
    :func:`~graphkit.view.render.view_network` (``title``, ``size_by``, ``max_nodes``...).
    """
    from IPython.display import HTML

    if isinstance(graph_or_page, nx.Graph):
        from graphkit.view.render import page_html, view_network

        title = render_options.pop("title", "graphkit")
        net = view_network(graph_or_page, height=f"{int(height)}px", **render_options)
        page = page_html(net, title=title, height=f"{int(height)}px")
    else:
        page = Path(graph_or_page).read_text(encoding="utf-8")
    # (inside a <div>: IPython warns "Consider using IPython.display.IFrame" for a bare iframe, and IFrame
    # needs a URL where this view needs none)
    return HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;'
                f'height:{int(height) + 8}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe></div>')
