"""ONE Cleaner: a careful, fast cleaner for cache, temporary and other regenerable junk."""

# The same as pyproject.toml's (a test checks): read from the installed metadata it cost 30 ms
# of every start (importlib.metadata), a tenth of `onecleaner --version`.
__version__ = "0.1.0"

__all__ = ["__version__"]
