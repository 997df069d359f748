"""How a page reaches the workbench: ``workbench()``, and nothing else.

``create_app`` puts the :class:`~odyssey.Workbench` it serves on the Flask
server (``server.extensions["odyssey"]``). Layout functions and callbacks run
inside a request of that server, so they ask for it here::

    from odyssey.dashboards.context import workbench

    @callback(Output("hits", "children"), Input("query", "value"))
    def show(query):
        return [hit.entity.label for hit in workbench().search(query)]

Pages never open a store and never keep a workbench in a module global: one
process may serve several apps (tests do), each with its own workbench.
"""

from __future__ import annotations

from dataclasses import dataclass

import flask

from odyssey.workbench import Workbench

#: The key under which ``create_app`` stores the app's settings on the Flask server.
EXTENSION = "odyssey"


@dataclass(frozen=True, slots=True)
class AppContext:
    """What every page may ask of the app: the workbench and the upload limit."""

    workbench: Workbench
    max_upload_bytes: int


def context() -> AppContext:
    """The app's context; only valid inside a request (a layout function or a callback)."""
    return flask.current_app.extensions[EXTENSION]


def workbench() -> Workbench:
    """The workbench this app serves (read through it only; never a store directly)."""
    return context().workbench


def max_upload_bytes() -> int:
    """The largest file an upload may carry (``dcc.Upload(max_size=...)`` uses it)."""
    return context().max_upload_bytes
