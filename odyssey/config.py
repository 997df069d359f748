"""Where things live: the default store location and the environment variables.

The store is chosen, in this order, by the ``--store`` option, the
``ODYSSEY_STORE`` environment variable, or the per-user default
``<user data dir>/odyssey/odyssey.db`` (on Linux ``~/.local/share/odyssey/odyssey.db``,
following ``XDG_DATA_HOME``).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

#: Environment variable that names the store URI (a path, ``sqlite:///...``, later ``bolt://...``).
STORE_ENV = "ODYSSEY_STORE"


def default_store_path() -> Path:
    """The per-user embedded store used when nothing else is said."""
    return user_data_path("odyssey", appauthor=False) / "odyssey.db"


def resolve_store_uri(uri: str | os.PathLike[str] | None = None) -> str:
    """The store URI to use: ``uri`` if given, else ``$ODYSSEY_STORE``, else the default path."""
    if uri:
        return os.fspath(uri)
    return os.environ.get(STORE_ENV) or str(default_store_path())
