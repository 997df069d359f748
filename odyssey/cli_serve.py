"""``odyssey serve``: the Dash app on this machine, for analysts and managers.

    odyssey serve                         # http://127.0.0.1:8050/, Ctrl-C stops it
    odyssey --store case.db --clearance restricted serve --port 8060

Binds to 127.0.0.1 unless ``--host`` says otherwise, and serves with waitress
(a production WSGI server). Registered on the main group by ``odyssey.cli``.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import click

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _warm(wb: Any) -> None:
    try:
        wb.warm()
    except Exception:  # the first request builds it instead, and says what went wrong
        logging.getLogger("odyssey.dashboards").exception("preparing the graph at start failed")


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but 127.0.0.1 exposes the app to the network.",
)
@click.option(
    "--port",
    default=8050,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port, printed at start).",
)
@click.option(
    "--max-upload-mb",
    default=50,
    show_default=True,
    type=click.IntRange(1, 4096),
    help="Largest file the ingest page accepts.",
)
@click.option(
    "--threads",
    default=8,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Requests answered at once.",
)
@click.pass_obj
def serve(obj: Any, host: str, port: int, max_upload_mb: int, threads: int) -> None:
    """Open the Odyssey app (link charts, trends, review, ingest) in a local web server."""
    from odyssey.dashboards.app import create_app, make_server
    from odyssey.errors import OdysseyError

    with obj.open() as wb:
        app = create_app(wb, max_upload_mb=max_upload_mb)
        try:
            server = make_server(app, host=host, port=port, threads=threads)
        except OSError as err:
            raise OdysseyError(
                f"cannot listen on {host}:{port} ({err.strerror}); choose another --port"
            ) from None
        # the projection and the search index are built now, not on the first click
        threading.Thread(target=_warm, args=(wb,), name="odyssey-warm", daemon=True).start()
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"Odyssey is serving {wb.source}")
        click.echo(f"Open http://{shown}:{server.effective_port}/ in a browser; Ctrl-C stops it.")
        if host not in LOCAL_HOSTS:
            click.echo(
                f"warning: listening on {host}: anyone who can reach this machine can read the store",
                err=True,
            )
        try:
            server.run()
        except KeyboardInterrupt:
            click.echo("stopped")
        finally:
            server.close()
