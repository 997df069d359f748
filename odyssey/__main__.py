"""``python -m odyssey`` runs the CLI (the same as the ``odyssey`` command)."""

from odyssey.cli import main

main()
