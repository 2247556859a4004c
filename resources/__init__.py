"""Package marker: installs ship this folder as onecleaner.resources_data (data, not code)."""
