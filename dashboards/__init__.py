"""The Dash app (operational and strategic views); reads only through the Workbench facade."""
