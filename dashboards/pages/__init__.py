"""The app's pages, one file each: its layout and its callbacks (``dash.register_page``)."""
