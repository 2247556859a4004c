"""`python -m onecleaner` runs the command line."""

import sys

from onecleaner.cli import main

if __name__ == "__main__":
    sys.exit(main())
