"""The icons: every SVG draws something at tray size, and the build's .ico/.icns are well formed."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
sys.path.insert(0, str(REPO / "installer"))

import icons  # noqa: E402 - installer/icons.py, not a package

EXPECTED = (
    "onecleaner.svg",
    "onecleaner-symbolic.svg",
    "tray.svg",
    "tray-busy.svg",
    "tray-symbolic.svg",
    "tray-busy-symbolic.svg",
    "tray-symbolic-light.svg",
    "tray-busy-symbolic-light.svg",
)


def _opaque_share(png: bytes) -> float:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    opaque = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 128
    )
    return opaque / (image.width() * image.height())


@pytest.mark.parametrize("name", EXPECTED)
def test_every_icon_renders_visibly_at_16_px(qapp: QApplication, name: str) -> None:
    png = icons.render_png(ICONS / name, 16)
    share = _opaque_share(png)
    # Something is drawn, and it is not a solid square: a glyph, or a badge around a glyph.
    if "symbolic" in name:
        assert 0.1 < share < 0.9
    else:
        assert 0.5 < share < 1.0


def test_busy_tray_icon_differs_from_the_idle_one(qapp: QApplication) -> None:
    assert icons.render_png(ICONS / "tray.svg", 22) != icons.render_png(ICONS / "tray-busy.svg", 22)


def test_build_writes_hicolor_pngs_ico_and_icns(qapp: QApplication, tmp_path: Path) -> None:
    out = icons.write_all(tmp_path / "icons", sizes=(16, 48, 256))

    for size in (16, 48, 256):
        image = QImage(str(out["hicolor"] / f"{size}x{size}.png"))
        assert (image.width(), image.height()) == (size, size)

    ico = out["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for i in range(count):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(ico)
        assert (width or 256) in icons.ICO_SIZES

    icns = out["icns"].read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, kinds = 8, []
    while pos < len(icns):
        kinds.append(icns[pos : pos + 4])
        length = struct.unpack(">I", icns[pos + 4 : pos + 8])[0]
        assert icns[pos + 8 : pos + 16] == b"\x89PNG\r\n\x1a\n"
        pos += length
    assert pos == len(icns)
    assert b"ic10" in kinds and b"icp4" in kinds  # 1024 px for Retina, 16 px for lists


@pytest.mark.qt_log_ignore("Cannot read file")  # QtSvg's own report of the broken file
def test_a_broken_svg_is_refused_with_its_name(qapp: QApplication, tmp_path: Path) -> None:
    bad = tmp_path / "bad.svg"
    bad.write_text("<svg")
    with pytest.raises(ValueError, match=r"bad\.svg"):
        icons.render_png(bad, 16)
