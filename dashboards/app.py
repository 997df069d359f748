"""The Dash app: ``create_app(workbench)`` builds it, ``serve(app)`` runs it with waitress.

One multi-page Dash app (``dashboards/pages/``, one layout and its callbacks per
file, shared pieces in ``dashboards/components/``). Pages read only through the
:class:`~odyssey.Workbench` they get from :func:`odyssey.dashboards.context.workbench`.

Safe by default, because analysts run it on air-gapped police networks:

* every script, stylesheet, font and map outline is served by the app itself
  (``serve_locally``, no external scripts, the world outline in ``assets/topojson``);
* ``serve`` binds to 127.0.0.1 unless told otherwise and runs waitress, a
  production WSGI server, never Flask's development server;
* a request body is bounded (``MAX_CONTENT_LENGTH``: uploads are sent inside the
  callback request, base64-encoded);
* users never see a stack trace: Dash's debug mode is off, a failing callback
  shows a one-line message in the page (an ``OdysseyError`` says what to do) and
  the traceback goes to the server's log.

Example
-------
>>> import odyssey, tempfile, os
>>> from odyssey.dashboards.app import create_app
>>> app = create_app(odyssey.open(os.path.join(tempfile.mkdtemp(), "o.db")))
>>> "/link-chart" in {page["path"] for page in app_pages()}
True
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import dash
import flask
from dash import set_props

from odyssey.dashboards.components.shell import ALERT_ID, shell
from odyssey.dashboards.context import EXTENSION, AppContext
from odyssey.errors import OdysseyError
from odyssey.workbench import Workbench

HERE = Path(__file__).resolve().parent
#: The largest file an analyst may upload, by default.
DEFAULT_MAX_UPLOAD_MB = 50
log = logging.getLogger("odyssey.dashboards")


def create_app(workbench: Workbench, *, max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB) -> dash.Dash:
    """The Odyssey app over ``workbench`` (which it reads through, and never closes)."""
    if max_upload_mb < 1:
        raise OdysseyError(f"the upload limit must be at least 1 MB, not {max_upload_mb}")
    server = flask.Flask("odyssey.dashboards")
    max_upload = max_upload_mb * 1024 * 1024
    # an upload travels base64-encoded (4/3 of its size) inside a JSON callback request
    server.config["MAX_CONTENT_LENGTH"] = max_upload * 4 // 3 + 1024 * 1024
    server.extensions[EXTENSION] = AppContext(workbench=workbench, max_upload_bytes=max_upload)
    _friendly_http_errors(server, max_upload_mb)
    app = dash.Dash(
        "odyssey.dashboards",
        server=server,
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        serve_locally=True,
        external_scripts=[],
        external_stylesheets=[],
        title="Odyssey",
        update_title=None,
        suppress_callback_exceptions=True,  # pages' components exist only while the page is shown
        on_error=_report_callback_error,
    )
    app.layout = shell
    return app


def app_pages() -> list[dict[str, Any]]:
    """The registered pages, in navigation order."""
    return sorted(dash.page_registry.values(), key=lambda p: (p.get("order") or 0, p["path"]))


def _report_callback_error(err: Exception) -> None:
    """Show a failed callback as one line in the page; log the traceback on the server."""
    if isinstance(err, OdysseyError):
        message = str(err)
    else:
        log.exception("a callback failed", exc_info=err)
        message = (
            "Odyssey could not complete this action (an internal error, written to the "
            "server's log). Try again, or narrow the request."
        )
    set_props(ALERT_ID, {"children": message, "className": "alert alert-error", "hidden": False})


def _friendly_http_errors(server: flask.Flask, max_upload_mb: int) -> None:
    """Plain one-line answers instead of Werkzeug's pages or a traceback."""

    @server.errorhandler(413)
    def too_large(_err: Exception) -> tuple[str, int]:
        return (
            f"The file is larger than this server's upload limit of {max_upload_mb} MB; "
            "split it, or restart odyssey serve with a larger --max-upload-mb.",
            413,
        )

    @server.errorhandler(404)
    def not_found(_err: Exception) -> tuple[str, int]:
        return "No such page or file on this Odyssey server.", 404

    @server.errorhandler(500)
    def internal(_err: Exception) -> tuple[str, int]:
        return "Odyssey hit an internal error; it is written to the server's log.", 500


def serve(app: dash.Dash, *, host: str = "127.0.0.1", port: int = 8050, threads: int = 8) -> None:
    """Serve ``app`` with waitress until interrupted (Ctrl-C)."""
    make_server(app, host=host, port=port, threads=threads).run()


def make_server(app: dash.Dash, *, host: str = "127.0.0.1", port: int = 0, threads: int = 8):  # type: ignore[no-untyped-def]
    """A waitress server for ``app``, bound but not yet running (``port=0``: a free port).

    Tests and benchmarks run ``server.run()`` in a thread and stop it with ``server.close()``;
    the bound port is ``server.effective_port``.
    """
    from waitress.server import create_server

    return create_server(
        app.server,
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=app.server.config["MAX_CONTENT_LENGTH"],
        ident="odyssey",
    )


__all__ = ["DEFAULT_MAX_UPLOAD_MB", "app_pages", "create_app", "make_server", "serve"]
