"""Skip reasons in the window: every code in words, in English and in Chinese, from one table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from onecleaner.engine.model import Skip
from onecleaner.engine.reasons import Place, Reason, SkipCode
from onecleaner.gui.i18n import install_translator
from onecleaner.gui.pages.clean.models import SkipTableModel
from onecleaner.gui.skip_text import code_text, reason_text

#: A reason for every code, with the parameters the engine gives it.
EXAMPLES = {
    SkipCode.APP_RUNNING: Reason.of(SkipCode.APP_RUNNING, app="Google Chrome"),
    SkipCode.PROTECTED: Reason.of(
        SkipCode.PROTECTED, place=Place.USER_FOLDER.value, folder="Documents"
    ),
    SkipCode.REFUSED_IS: Reason.of(SkipCode.REFUSED_IS, place=Place.HOME.value),
    SkipCode.REFUSED_INTO: Reason.of(SkipCode.REFUSED_INTO, place=Place.SYSTEM.value),
    SkipCode.SWAPPED_DURING_SCAN: Reason.of(SkipCode.SWAPPED_DURING_SCAN, what="folder"),
    SkipCode.PERMISSION_DENIED: Reason.of(SkipCode.PERMISSION_DENIED, what="file"),
    SkipCode.TOO_DEEP: Reason.of(SkipCode.TOO_DEEP, what="folder"),
    SkipCode.UNREADABLE: Reason.of(SkipCode.UNREADABLE, what="file", error="I/O error"),
    SkipCode.NOT_REMOVED: Reason.of(SkipCode.NOT_REMOVED, error="Read-only file system"),
    SkipCode.TRASH_FAILED: Reason.of(
        SkipCode.TRASH_FAILED, cause=Reason.of(SkipCode.REMOVE_DENIED)
    ),
}


def _reason(code: SkipCode) -> Reason:
    return EXAMPLES.get(code, Reason(code))


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")


def test_every_code_reads_like_the_engine_in_english(qapp: QApplication) -> None:
    for code in SkipCode:
        text = reason_text(_reason(code))
        assert text and "{" not in text, code
        assert code_text(code) and "{" not in code_text(code), code
    # Where the GUI keeps the engine's words, they are the same words.
    for code in (SkipCode.APP_RUNNING, SkipCode.PROTECTED, SkipCode.UNREADABLE):
        assert reason_text(_reason(code)) == str(_reason(code))
    assert reason_text(_reason(SkipCode.TRASH_FAILED)) == (
        "could not move to the trash: could not remove: permission denied"
    )


def test_every_code_is_chinese_in_the_chinese_ui(chinese: None) -> None:
    for code in SkipCode:
        assert _has_chinese(reason_text(_reason(code))), code
        assert _has_chinese(code_text(code)), code
    assert reason_text(_reason(SkipCode.PROTECTED)) == "从不清理：您的“文档”文件夹"
    assert "Google Chrome" in reason_text(_reason(SkipCode.APP_RUNNING))
    assert code_text(SkipCode.APP_RUNNING, apps=("Firefox",)) == "已跳过：Firefox 正在运行"


def test_the_left_alone_table_shows_the_reason_in_the_ui_language(chinese: None) -> None:
    model = SkipTableModel()
    model.set_skips([Skip("/home/u/.cache/x", Reason(SkipCode.IN_USE), "system.cache")])
    assert model.data(model.index(0, SkipTableModel.REASON)) == "正被运行中的程序使用"
