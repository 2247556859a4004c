"""The app's identity on the desktop: one reverse-DNS id used by every integration file."""

from __future__ import annotations

#: The id of the .desktop file, the AppStream component, the hicolor icon, the macOS bundle and
#: LaunchAgent, and the XDG autostart entry. Changing it orphans existing installs' autostart.
APP_ID = "io.github.onecleaner.OneCleaner"

#: The name people see (menus, installers, the Windows Run value).
APP_DISPLAY_NAME = "ONE Cleaner"

__all__ = ["APP_DISPLAY_NAME", "APP_ID"]
