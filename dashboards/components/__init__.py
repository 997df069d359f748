"""Pieces shared by the pages: the shell (top bar, navigation, message line) and widgets."""
