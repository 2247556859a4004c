"""The Settings page: each change is saved at once, reloads into the widgets, reaches
start-at-login; the lists do not scroll inside the scrolling page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from onecleaner.engine.model import OS, Application, DeleteMode, PathRule, Risk, Target
from onecleaner.gui.pages.settings.page import SettingsPage
from onecleaner.privacy.service import PrivacyService
from onecleaner.settings import Language, Schedule, Settings, load_settings, save_settings


def _target(app: str, option: str, label: str, risk: Risk = Risk.SAFE) -> Target:
    rule = (PathRule(root=f"~/.cache/{app}"),)
    return Target(
        id=f"{app}.{option}",
        app_id=app,
        label=label,
        description=f"{label} of {app}",
        risk=risk,
        rules={OS.LINUX: rule, OS.MACOS: rule, OS.WINDOWS: rule},
    )


class FakeCatalog:
    """A three-target catalog with a two-target quick preset."""

    def __init__(self) -> None:
        self._targets = [
            _target("system", "cache", "Cache"),
            _target("system", "tmp", "Temporary files"),
            _target("firefox", "history", "History", Risk.PRIVACY),
        ]
        self.presets = {"quick": ("system.cache", "system.tmp")}

    def targets_for(self, os_: OS) -> list[Target]:
        return list(self._targets)

    def app_of(self, target: Target | str) -> Application:
        app_id = target.app_id if isinstance(target, Target) else target.split(".")[0]
        names = {"system": "System", "firefox": "Firefox"}
        mine = tuple(t for t in self._targets if t.app_id == app_id)
        return Application(id=app_id, name=names[app_id], processes={}, targets=mine)


@pytest.fixture
def dialog(qtbot: QtBot, data_dir: Path) -> SettingsPage:
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=FakeCatalog()
    )
    qtbot.addWidget(dlg)
    return dlg


def _quick_states(dlg: SettingsPage) -> dict[str, bool]:
    lst = dlg.general.quick_list
    return {
        lst.item(i).data(Qt.ItemDataRole.UserRole): lst.item(i).checkState()
        == Qt.CheckState.Checked
        for i in range(lst.count())
    }


def test_defaults_are_shown_on_a_fresh_install(dialog: SettingsPage) -> None:
    g = dialog.general
    assert g.delete_mode.currentData() is DeleteMode.PERMANENT
    assert _quick_states(dialog) == {
        "system.cache": True,
        "system.tmp": True,
        "firefox.history": False,
    }
    assert not g.age_enabled.isChecked() and not g.age_days.isEnabled()
    assert g.schedule.currentData() is Schedule.OFF
    assert g.next_run.text() == "No scheduled cleaning."
    assert g.language.currentData() is Language.SYSTEM
    assert dialog.privacy_panel.retention.value() == 30
    # The risky target says so in its label, with the word of the Clean page's badge.
    texts = [g.quick_list.item(i).text() for i in range(g.quick_list.count())]
    assert "Firefox — History (Privacy)" in texts


def test_changed_settings_are_saved_and_shown_again(
    qtbot: QtBot,
    dialog: SettingsPage,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep = tmp_path / "home" / "projects"
    keep.mkdir()
    monkeypatch.setattr(
        "onecleaner.gui.pages.settings.general.QFileDialog.getExistingDirectory",
        lambda *a, **k: str(keep),
    )
    g = dialog.general
    g.delete_mode.setCurrentIndex(g.delete_mode.findData(DeleteMode.TRASH))
    g.quick_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # system.tmp out
    g.quick_list.item(2).setCheckState(Qt.CheckState.Checked)  # firefox.history in
    g.never_add.click()
    g.never_add.click()  # the same folder twice is kept once
    g.age_enabled.setChecked(True)
    g.age_days.setValue(14)
    g.schedule.setCurrentIndex(g.schedule.findData(Schedule.WEEKLY))
    assert g.next_run.text() == "Next run: as soon as ONE Cleaner is running."
    g.language.setCurrentIndex(g.language.findData(Language.ZH_CN))
    g.start_in_tray.setChecked(True)
    dialog.privacy_panel.retention.setValue(90)

    # Each change was saved as it was made: the last one is on disk without any OK or Apply.
    with qtbot.waitSignal(dialog.settingsChanged) as emitted:
        dialog.privacy_panel.retention.setValue(91)
    saved, warning = load_settings(data_dir)
    assert warning is None
    assert emitted.args == [saved]
    dialog.privacy_panel.retention.setValue(90)
    saved, warning = load_settings(data_dir)
    assert saved.delete_mode is DeleteMode.TRASH
    assert saved.quick_targets == ("system.cache", "firefox.history")
    assert saved.never_touch == (str(keep),)
    assert saved.min_age_days == 14
    assert saved.schedule is Schedule.WEEKLY
    assert saved.language is Language.ZH_CN
    assert saved.start_in_tray is True
    assert saved.journal_retention_days == 90

    again = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=FakeCatalog()
    )
    qtbot.addWidget(again)
    a = again.general
    assert a.delete_mode.currentData() is DeleteMode.TRASH
    assert _quick_states(again) == {
        "system.cache": True,
        "system.tmp": False,
        "firefox.history": True,
    }
    assert [a.never_list.item(i).text() for i in range(a.never_list.count())] == [str(keep)]
    assert a.age_enabled.isChecked() and a.age_days.value() == 14
    assert a.schedule.currentData() is Schedule.WEEKLY
    assert a.language.currentData() is Language.ZH_CN
    assert a.start_in_tray.isChecked()
    assert again.privacy_panel.retention.value() == 90


def test_an_unchanged_quick_preset_keeps_following_the_catalog(
    dialog: SettingsPage, data_dir: Path
) -> None:
    dialog.general.delete_mode.setCurrentIndex(1)
    assert load_settings(data_dir)[0].delete_mode is DeleteMode.TRASH
    assert load_settings(data_dir)[0].quick_targets is None


def test_removing_a_never_touch_path(qtbot: QtBot, data_dir: Path) -> None:
    save_settings(data_dir, Settings(never_touch=("/keep/a", "/keep/b")))
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=FakeCatalog()
    )
    qtbot.addWidget(dlg)
    g = dlg.general
    assert not g.never_remove.isEnabled()
    g.never_list.setCurrentRow(0)
    assert g.never_remove.isEnabled()
    g.never_remove.click()
    assert load_settings(data_dir)[0].never_touch == ("/keep/b",)


def test_showing_the_saved_values_saves_nothing(dialog: SettingsPage, data_dir: Path) -> None:
    dialog.show_settings(Settings(delete_mode=DeleteMode.TRASH))  # not a user's edit
    assert not (data_dir / "settings.json").exists()


def test_a_setting_written_elsewhere_survives_a_change_here(
    dialog: SettingsPage, data_dir: Path
) -> None:
    # The identifier switch (or the command line) wrote the file after the page opened.
    save_settings(data_dir, Settings(usage_id_enabled=False, schedule=Schedule.DAILY))
    dialog.general.delete_mode.setCurrentIndex(1)
    saved = load_settings(data_dir)[0]
    assert saved.delete_mode is DeleteMode.TRASH
    assert saved.usage_id_enabled is False


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen Qt only
def test_the_lists_show_every_row_and_only_the_page_scrolls(
    qtbot: QtBot, dialog: SettingsPage
) -> None:
    from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea

    dialog.resize(700, 500)
    dialog.show()
    qtbot.waitExposed(dialog)
    lst = dialog.general.quick_list
    assert lst.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert lst.height() >= lst.count() * lst.sizeHintForRow(0)
    general_tab = dialog.tabs.widget(0)
    assert isinstance(general_tab, QScrollArea)
    inner = [
        w
        for w in dialog.general.findChildren(QAbstractScrollArea)
        if w.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    ]
    assert inner == []


def test_start_at_login_writes_and_removes_the_autostart_entry(
    dialog: SettingsPage, data_dir: Path
) -> None:
    from onecleaner import autostart

    dialog.general.start_at_login.setChecked(True)
    assert autostart.is_enabled()
    assert load_settings(data_dir)[0].start_at_login is True
    dialog.general.start_at_login.setChecked(False)
    assert not autostart.is_enabled()


def test_a_corrupt_settings_file_gives_defaults_and_says_so(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    dlg = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=FakeCatalog()
    )
    qtbot.addWidget(dlg)
    assert dlg.general.delete_mode.currentData() is DeleteMode.PERMANENT
    message = dlg.privacy_panel.message
    assert not message.isHidden()
    assert "set aside" in message.text()


def test_show_page_opens_the_privacy_page(dialog: SettingsPage) -> None:
    dialog.show_page("privacy")
    assert dialog.tabs.currentIndex() == 1


def test_keyboard_mnemonics_reach_their_controls(dialog: SettingsPage) -> None:
    buddies = {
        label.text(): label.buddy()
        for label in dialog.general.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert buddies["&Delete mode:"] is dialog.general.delete_mode
    assert buddies["&Scheduled quick clean:"] is dialog.general.schedule
    assert buddies["&Language:"] is dialog.general.language


def test_about_and_help_say_version_licence_policy_and_data_folder(
    dialog: SettingsPage, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onecleaner import __version__

    dialog.show_page("about")
    about = dialog.about
    assert dialog.tabs.currentIndex() == 2
    assert about.version.text() == f"Version {__version__}"
    assert about.licence.text() == "Proprietary"
    assert about.folder.text() == str(data_dir)
    assert "F5" in about.help.text() and "Ctrl+Enter" in about.help.text()
    shown: list[object] = []
    monkeypatch.setattr(
        "onecleaner.gui.pages.settings.about.PolicyDialog.exec", lambda self: shown.append(self)
    )
    about.policy_link.linkActivated.emit("#policy")
    assert shown and "Version" in shown[0].findChildren(QLabel)[0].text()  # type: ignore[attr-defined]
    opened: list[str] = []
    monkeypatch.setattr(
        "onecleaner.gui.pages.settings.about.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    about.open_folder.click()
    assert opened == [str(data_dir)]


def test_the_quick_list_names_each_item_once_with_the_badge_word(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The shipped catalog: an item whose label starts with its application's name is not
    prefixed with it again; a risky one ends with the Clean page's badge word."""
    from onecleaner.engine.catalog import load_catalog

    page = SettingsPage(
        None, data_dir=data_dir, privacy=PrivacyService(data_dir), catalog=load_catalog()
    )
    qtbot.addWidget(page)
    lst = page.general.quick_list
    items = [lst.item(i) for i in range(lst.count())]
    texts = {item.data(Qt.ItemDataRole.UserRole): item.text() for item in items}
    assert texts["google_chrome.cache"] == "Google Chrome cache"
    assert texts["google_chrome.cookies"] == "Google Chrome cookies (Privacy)"
    assert texts["system.cache"] == "System — User cache folder"
    assert texts["system.trash"] == "System — Trash (Care)"
    assert not [t for t in texts.values() if t.count("Google Chrome") > 1]
