"""Which parts of Qt the bundle leaves out (read by onecleaner.spec and checked by build.py).

The app uses QtCore, QtGui, QtWidgets, QtSvg (icons) and QtNetwork, the last only for
QLocalServer/QLocalSocket (single instance, a local pipe: never a network socket). Everything
else is excluded, and so are the Qt plugins and translations those modules do not need, and
the system libraries that only a dropped plugin needed (GTK's stack, for the gtk3 theme).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

#: Qt bindings the app needs; build.py refuses to build if the code imports anything else.
NEEDED_QT_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork"})


def _words(text: str) -> list[str]:
    """The names of a whitespace-separated block (long lists read better that way)."""
    return text.split()


_EXCLUDED_QT = """
    Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtAxContainer QtBluetooth
    QtCharts QtConcurrent QtDataVisualization QtDBus QtDesigner QtGraphs QtGraphsWidgets QtHelp
    QtHttpServer QtLocation QtMultimedia QtMultimediaWidgets QtNetworkAuth QtNfc QtOpenGL
    QtOpenGLWidgets QtPdf QtPdfWidgets QtPositioning QtPrintSupport QtQml QtQuick QtQuick3D
    QtQuickControls2 QtQuickTest QtQuickWidgets QtRemoteObjects QtScxml QtSensors QtSerialBus
    QtSerialPort QtSpatialAudio QtSql QtStateMachine QtSvgWidgets QtTest QtTextToSpeech
    QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick QtWebEngineWidgets QtWebSockets
    QtWebView QtXml
"""

#: Python modules PyInstaller must not follow into the bundle.
EXCLUDED_MODULES = [f"PySide6.{name}" for name in _words(_EXCLUDED_QT)] + [
    "tkinter",
    "_tkinter",
    "PySide6.scripts",  # pyside6-designer & co.
]

# Plugin folders (under PySide6/Qt/plugins/) that no kept module loads.
_DROPPED_PLUGIN_DIRS = frozenset(
    _words(
        """
    designer egldeviceintegrations generic networkinformation qmltooling sqldrivers tls
    printsupport multimedia position sensors texttospeech canbus webview
    """
    )
)
# Single plugins left out, by file stem without the "lib" prefix:
# the GTK theme (pulls in all of GTK 3; the xdg-desktop-portal theme gives dark mode instead),
# image formats the app never reads, and Wayland shells/buffers other than xdg-shell + EGL/shm.
_DROPPED_PLUGINS = frozenset(
    _words(
        """
    qgtk3 qgif qjpeg qtga qtiff qwbmp qwebp qpdf
    ivi-shell fullscreen-shell-v1 wl-shell-plugin qt-shell
    dmabuf-server drm-egl-server vulkan-server
    """
    )
)
# Platform plugins worth keeping: desktop X11/Wayland, Windows, macOS, and offscreen (smoke test).
_KEPT_PLATFORMS = ("xcb", "wayland", "qwindows", "qcocoa", "offscreen")
# Qt's own translations: only the languages the app ships (English needs none).
_KEPT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")
# Qt libraries only the excluded modules or dropped plugins use.
_DROPPED_LIB_MARKERS = (
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Pdf",
    "Qt6VirtualKeyboard",
    "Qt6WebEngine",
    "Qt6Multimedia",
    "Qt6OpenGLWidgets",
    "Qt6Designer",
    "Qt6EglFS",
    "Qt6EglFs",
    "Qt6WlShellIntegration",
)


def _plugin_stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem.removeprefix("lib")


def keep_file(dest: str) -> bool:
    """Whether a bundle file (its destination path inside the bundle) is kept."""
    parts = dest.replace("\\", "/").split("/")
    if "PySide6" not in parts:
        return True
    tail = parts[parts.index("PySide6") + 1 :]
    if tail[:1] == ["Qt"]:  # PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows
        tail = tail[1:]
    if not tail:
        return True
    if len(tail) >= 2 and tail[0] == "plugins":
        folder = tail[1]
        if folder in _DROPPED_PLUGIN_DIRS or _plugin_stem(tail[-1]) in _DROPPED_PLUGINS:
            return False
        if folder == "platforms":
            return any(kept in tail[-1].lower() for kept in _KEPT_PLATFORMS)
        return True
    if len(tail) >= 2 and tail[0] == "translations":
        return tail[-1] in _KEPT_TRANSLATIONS
    return not any(marker in tail[-1] for marker in _DROPPED_LIB_MARKERS)


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)


def _is_pulled_in(entry: Entry) -> bool:
    """A system library PyInstaller copied to the bundle's top because a binary needed it."""
    dest, _src, kind = entry
    return kind == "BINARY" and "/" not in dest.replace("\\", "/")


def prune_orphans(
    before: Sequence[Entry],
    after: Sequence[Entry],
    imports_of: Callable[[str], Iterable[str]],
) -> tuple[list[Entry], list[str]]:
    """Drop pulled-in libraries that only the files filtered out by keep_file needed.

    `imports_of(path)` gives the library names a binary links (DT_NEEDED). A library that no
    kept binary reaches but a dropped one did is removed; one nothing links (loaded through
    ctypes) stays. Returns the kept entries and the names dropped.
    """
    kept_dests = {e[0] for e in after}
    dropped = [e for e in before if e[0] not in kept_dests]
    pulled = {os.path.basename(e[0]): e for e in after if _is_pulled_in(e)}

    def reach(start: Iterable[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = [e[1] for e in start]
        while todo:
            for name in imports_of(todo.pop()):
                if name in pulled and name not in seen:
                    seen.add(name)
                    todo.append(pulled[name][1])
        return seen

    from_kept = reach(e for e in after if not _is_pulled_in(e))
    orphans = reach(dropped) - from_kept
    kept = [e for e in after if not (_is_pulled_in(e) and os.path.basename(e[0]) in orphans)]
    return kept, sorted(orphans)
