"""Views of the actor graph.

* :func:`render_html`: one self-contained interactive HTML page (works offline);
* :func:`render_png`: a static PNG / SVG picture of the same graph, for reports;
* :func:`inline`: the interactive page inside a Jupyter notebook.
"""
from graphkit.view.render import page_html, render_html, view_network
from graphkit.view.static import render_png
from graphkit.view.notebook import inline

__all__ = ["inline", "page_html", "render_html", "render_png", "view_network"]
