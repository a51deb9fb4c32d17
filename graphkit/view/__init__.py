"""Views of the actor graph: :func:`render_html` writes an interactive HTML page."""
from graphkit.view.render import render_html

__all__ = ["render_html"]
