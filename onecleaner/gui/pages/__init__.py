"""The window's pages, one module or package each (the shell only switches between them)."""
