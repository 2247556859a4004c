"""Translations: the language follows the system or the setting, and the Chinese UI is Chinese."""

from __future__ import annotations

import importlib.util
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from onecleaner.engine.catalog import load_catalog
from onecleaner.engine.model import OS, DeleteMode, Risk
from onecleaner.gui import i18n
from onecleaner.gui.first_run import FirstRunDialog
from onecleaner.gui.i18n import install_translator, resolve_language
from onecleaner.gui.pages.clean.confirm import CleanSummary, RiskyItem, confirmation_text
from onecleaner.gui.pages.clean.target_tree import TargetTreeModel, group_targets
from onecleaner.gui.pages.settings.page import SettingsPage
from onecleaner.privacy.service import PrivacyService

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "onecleaner_zh_CN.ts"


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    install_translator(_app(), "en")


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "installer" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_system_language_is_followed() -> None:
    assert resolve_language("system", QLocale("zh_CN")) == "zh_CN"
    assert resolve_language("system", QLocale("zh_TW")) == "zh_CN"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("system", QLocale("C")) == "en"
    # The tests run with LANG=C.UTF-8: the system language is English.
    assert resolve_language("system") == "en"


def test_the_setting_overrides_the_system() -> None:
    assert resolve_language("en", QLocale("zh_CN")) == "en"
    assert resolve_language("zh_CN", QLocale("en_US")) == "zh_CN"
    assert resolve_language("klingon", QLocale("en_US")) == "en"


def test_chinese_ui(qtbot: QtBot, data_dir: Path) -> None:
    assert install_translator(_app(), "zh_CN") == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    privacy = PrivacyService(data_dir)
    first = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(first)
    assert first.windowTitle() == "欢迎使用 ONE Cleaner"
    assert first.continue_button.text() == "继续(&C)"

    class Empty:
        presets: ClassVar[dict[str, tuple[str, ...]]] = {}

        def targets_for(self, os_: object) -> list[object]:
            return []

        def app_of(self, target: object) -> object:
            raise KeyError(target)

    dlg = SettingsPage(None, data_dir=data_dir, privacy=privacy, catalog=Empty())  # type: ignore[arg-type]
    qtbot.addWidget(dlg)
    assert dlg.title.text() == "设置"
    assert [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())] == [
        "常规(&G)",
        "隐私(&P)",
        "关于和帮助(&B)",
    ]
    assert dlg.privacy_panel.export_button.text() == "导出我的数据(&X)…"
    # Qt's own standard buttons follow too (PySide6 ships qtbase_zh_CN).
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_again_after_switching_back(qtbot: QtBot, data_dir: Path) -> None:
    install_translator(_app(), "zh_CN")
    assert install_translator(_app(), "en") == "en"
    dlg = FirstRunDialog(None, privacy=PrivacyService(data_dir))
    qtbot.addWidget(dlg)
    assert dlg.continue_button.text() == "&Continue"


def test_a_missing_translation_file_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translation_file", lambda language: str(tmp_path / "none.qm"))
    assert install_translator(_app(), "zh_CN") == "en"


def test_every_gui_text_is_in_the_chinese_translation(tmp_path: Path) -> None:
    """The shipped .ts holds every text of onecleaner/gui, each translated (run
    installer/update_translations.py, then translate what it lists)."""
    script = _update_script()
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [script.find_tool("lupdate"), *script.sources(), "-locations", "none", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wanted = set(script.translations_of(fresh))
    wanted |= {t for src in script.sources() for t in script.wrapped_texts(ROOT / src)}
    catalog = set(script.catalog_texts())
    # Every application name, target label and description of the shipped definitions.
    loaded = load_catalog()
    assert not loaded.problems
    for app in loaded.applications:
        texts = {app.name} | {t.label for t in app.targets} | {t.description for t in app.targets}
        assert {("catalog", text) for text in texts} <= catalog, app.id
    wanted |= catalog
    shipped = set(script.translations_of(TS_FILE))
    assert sorted(wanted - shipped) == []
    assert script.unfinished(TS_FILE) == []


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_the_catalog_shows_in_chinese(qtbot: QtBot) -> None:
    """Application names, target labels and descriptions follow the UI language; brand names
    stay as they are, and the definitions themselves stay English data."""
    catalog = load_catalog()
    install_translator(_app(), "zh_CN")
    model = TargetTreeModel(group_targets(catalog, OS.LINUX))
    cache = model.index_of("system.cache")
    assert model.data(cache) == "用户缓存文件夹"
    tooltip = model.data(cache, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("各应用程序为加快启动和运行")
    assert "system.cache" in tooltip  # the id stays, for support and the command line
    assert model.data(cache.parent()) == "系统"
    assert model.data(model.index_of("pip.cache").parent()) == "pip"  # a brand name
    assert model.data(model.index_of("pip.cache")) == "pip 下载缓存"
    assert catalog.target("system.cache").label == "User cache folder"
    # Every row of the tree is translated: no English label left in the Chinese UI.
    for target in model.targets():
        label = model.data(model.index_of(target.id))
        assert _has_chinese(label) or label == target.label == "Xcode DerivedData", label
        description = model.data(model.index_of(target.id), Qt.ItemDataRole.ToolTipRole)
        assert _has_chinese(description), target.id
    # The confirmation names care/privacy items in the UI language too.
    recent = RiskyItem("Recent documents list", Risk.CARE)
    _, details = confirmation_text(CleanSummary(3, 3000, DeleteMode.TRASH, risky=(recent,)))
    assert "最近文档列表 (留意)" in details
    install_translator(_app(), "en")
    assert model.data(cache) == "User cache folder"


def test_dates_are_written_without_the_weekday(qapp: QApplication) -> None:
    from datetime import datetime

    from onecleaner.gui.i18n import format_date, format_iso_date

    install_translator(_app(), "zh_CN")
    assert format_date(datetime(2026, 11, 29, 12, 0)) == "2026年11月29日"
    assert format_iso_date("2026-03-01") == "2026年3月1日"
    QLocale.setDefault(QLocale("en_GB"))
    assert format_date(datetime(2026, 11, 29, 12, 0)) == "29 November 2026"
    QLocale.setDefault(QLocale("de_DE"))
    assert format_date(datetime(2026, 11, 29, 12, 0)) == "29. November 2026"
    assert format_iso_date("not a date") == "not a date"  # shown as the policy file has it


def test_counts_read_right_in_english_one_and_many(qtbot: QtBot, data_dir: Path) -> None:
    from onecleaner.engine.model import CleanResult, TargetResult
    from onecleaner.gui.pages.clean.confirm import running_text
    from onecleaner.gui.pages.clean.result_text import cleaned_text
    from onecleaner.gui.pages.settings.general import GeneralPage

    install_translator(_app(), "en")

    def result(files: int) -> CleanResult:
        return CleanResult(
            (TargetResult("t", files, files * 10),), DeleteMode.PERMANENT, False, False
        )

    assert cleaned_text(result(1), 1) == (
        "Freed 10 B: 1 file removed",
        "1 item was left alone; see “Left alone” for the reason.",
    )
    assert cleaned_text(result(1234), 2)[0] == "Freed 12.1 KiB: 1,234 files removed"
    one = confirmation_text(CleanSummary(1, 10, DeleteMode.TRASH))[0]
    assert one == "Move 1 file (10 B) to the trash?"
    question, detail = running_text(["Google Chrome"])
    assert question == "Google Chrome is running."
    assert detail.startswith("Its files cannot be cleaned while it runs.")
    question, detail = running_text(["Google Chrome", "Firefox"])
    assert question == "These programs are running: Google Chrome, Firefox."
    assert detail.startswith("Their files cannot be cleaned while they run.")

    class Empty:
        presets: ClassVar[dict[str, tuple[str, ...]]] = {}

        def targets_for(self, os_: object) -> list[object]:
            return []

        def app_of(self, target: object) -> object:
            raise KeyError(target)

    page = GeneralPage(None, catalog=Empty(), data_dir=data_dir)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.age_days.setValue(1)
    assert page.age_days.text() == "1 day"
    page.age_days.setValue(7)
    assert page.age_days.text() == "7 days"
    install_translator(_app(), "zh_CN")
    qtbot.waitUntil(lambda: page.age_days.text() == "7 天")
    assert running_text(["Google Chrome"])[0] == "Google Chrome 正在运行。"


def test_no_text_is_translated_inside_an_f_string() -> None:
    """lupdate cannot see a tr() inside an f-string: such a text would never be translated."""
    import ast

    hidden = []
    for path in sorted((ROOT / "onecleaner" / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                func = inner.func if isinstance(inner, ast.Call) else None
                name = getattr(func, "attr", None) or getattr(func, "id", None)
                if name in ("tr", "_tr", "_trn", "translate"):
                    hidden.append(f"{path.name}:{inner.lineno}")
    assert hidden == []


def test_the_chinese_ui_addresses_the_user_one_way() -> None:
    """The pages were translated by several people: every text says 您 (the polite "you"),
    none 你, so the window does not switch register from one page to the next."""
    import xml.etree.ElementTree as ET

    translated = [
        "".join(tr.itertext()) for tr in ET.parse(TS_FILE).getroot().iter("translation")
    ]
    assert sum("您" in text for text in translated) > 50
    assert [text for text in translated if "你" in text] == []
