"""Render the SVG app icon into what each platform's packaging wants: hicolor PNGs, .ico, .icns.

Run by build.py (and usable alone: ``python installer/icons.py OUTDIR``). QtSvg does the
rendering, so no image library is needed; .ico and .icns are written by hand because both
formats may simply carry PNG images (Windows Vista+, macOS 10.7+).
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "resources" / "icons"
APP_SVG = ICONS / "onecleaner.svg"

#: The sizes a hicolor theme holds PNGs for (apps/ folder), and that the .deb installs.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns element types that hold a PNG of the given pixel size (Retina variants reuse pixels).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # QPainter on a QImage needs no window, but Qt wants an application object for fonts/plugins.
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] or "icons"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given PNGs (ICONDIR, one ICONDIRENTRY each, then the data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG elements for every ICNS_TYPES size present in `pngs`."""
    body = b""
    for kind, size in ICNS_TYPES:
        if size in pngs:
            body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_all(out: Path, sizes: Iterable[int] = HICOLOR_SIZES) -> dict[str, Path]:
    """Render hicolor PNGs (out/hicolor/NxN.png), onecleaner.ico and onecleaner.icns into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(sizes) | set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES}
    pngs = {size: render_png(APP_SVG, size) for size in sorted(wanted)}
    hicolor = out / "hicolor"
    hicolor.mkdir(exist_ok=True)
    for size in sizes:
        (hicolor / f"{size}x{size}.png").write_bytes(pngs[size])
    ico = out / "onecleaner.ico"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    icns = out / "onecleaner.icns"
    icns.write_bytes(icns_bytes(pngs))
    png = out / "onecleaner.png"
    png.write_bytes(pngs[256])
    return {"hicolor": hicolor, "ico": ico, "icns": icns, "png": png}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "build" / "icons"
    for name, path in write_all(target).items():
        print(f"{name}: {path}")
