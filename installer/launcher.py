"""Entry script of the frozen bundle: `onecleaner` runs the command line, `onecleaner-gui` the app.

One script serves both executables of the bundle; the name it was started under decides, so
the windowed launcher (no console on Windows, the .app's own on macOS) needs no second copy.
"""

import multiprocessing
import os
import sys

from onecleaner.cli import gui_main, main

if __name__ == "__main__":
    # A usage map's worker processes start this executable again (spawn on Windows and
    # macOS, a fork server on Linux): here they become workers instead of another app.
    multiprocessing.freeze_support()
    name = os.path.splitext(os.path.basename(sys.executable))[0].lower()
    sys.exit(gui_main() if name.endswith("-gui") else main())
