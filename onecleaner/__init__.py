"""ONE Cleaner: a careful, fast cleaner for cache, temporary and other regenerable junk."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("onecleaner")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

__all__ = ["__version__"]
