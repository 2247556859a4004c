"""The application layer: what the user's settings mean for a scan or a clean (no Qt).

The command line and the window are two faces over the engine; each setting is decided here
once (the quick selection, the delete mode, the places a clean never touches, the reports, the
size units), so that both faces mean the same thing by it.
"""
