"""The Privacy page: consent toggles reach the service, withdrawing erases, data is exportable,
erasable, the registration is masked and validated, the identifier can be reset or turned off."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from notice_kit import ANNOUNCED, END, install_signed_notice
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from onecleaner.gui.pages.settings.journal_view import JournalDialog
from onecleaner.gui.pages.settings.privacy import PrivacyPanel
from onecleaner.privacy.consent import ConsentState, Purpose, Way
from onecleaner.privacy.service import PrivacyService


@pytest.fixture
def privacy(data_dir: Path) -> PrivacyService:
    return PrivacyService(data_dir)


@pytest.fixture
def panel(qtbot: QtBot, privacy: PrivacyService) -> PrivacyPanel:
    widget = PrivacyPanel(None, privacy=privacy)
    qtbot.addWidget(widget)
    return widget


def test_everything_is_off_on_a_fresh_install(panel: PrivacyPanel) -> None:
    assert not any(t.isChecked() for t in panel.consent_toggles.values())
    assert all(s.text() == "Never turned on." for s in panel.consent_states.values())
    assert panel.registration.email_shown.text() == "not given"
    assert "No end-of-service notice" in panel.notice_label.text()


def test_granting_by_toggle_is_recorded_with_the_gui_as_the_way(
    panel: PrivacyPanel, data_dir: Path
) -> None:
    panel.consent_toggles[Purpose.HISTORY].click()
    fresh = PrivacyService(data_dir)
    status = {s.purpose: s for s in fresh.consent()}
    assert status[Purpose.HISTORY].granted
    assert not status[Purpose.USAGE].granted
    last = fresh.consent_history()[-1]
    assert (last.purpose, last.state, last.way) == (Purpose.HISTORY, ConsentState.GRANTED, Way.GUI)
    assert panel.consent_toggles[Purpose.HISTORY].isChecked()
    assert panel.consent_states[Purpose.HISTORY].text().startswith("Allowed on")
    assert panel.message.text() == "Activity history is on."


def test_withdrawing_by_toggle_erases_what_was_recorded(
    panel: PrivacyPanel, privacy: PrivacyService, data_dir: Path
) -> None:
    panel.consent_toggles[Purpose.HISTORY].click()
    assert privacy.record_activity("scan", {"files": 3, "bytes": 300})
    assert len(privacy.log_records()) == 1
    panel.refresh()
    assert panel.journal_label.text() == "Records kept encrypted: 1"

    panel.consent_toggles[Purpose.HISTORY].click()  # the same one click turns it off
    assert not PrivacyService(data_dir).is_granted(Purpose.HISTORY)
    assert privacy.log_records() == []
    assert panel.message.text() == (
        "Activity history is off; what was recorded for it has been erased."
    )
    assert panel.consent_states[Purpose.HISTORY].text().startswith("Off since")


def test_journal_viewer_shows_the_decrypted_records(qtbot: QtBot, privacy: PrivacyService) -> None:
    privacy.grant(Purpose.HISTORY, Way.GUI)
    privacy.record_activity("clean", {"files": 2, "bytes": 2048})
    privacy.record_activity("scan", {"files": 9, "bytes": 4096})
    dlg = JournalDialog(None, load=lambda: privacy.log_records(None))
    qtbot.addWidget(dlg)
    assert dlg.model.rowCount() == 2
    texts = [dlg.model.record(i).text for i in range(2)]
    assert any("clean" in t for t in texts) and any("scan" in t for t in texts)
    dlg.filter.setText("scan")
    assert dlg.proxy.rowCount() == 1
    assert dlg.status.text() == "Records: 2."


def test_export_my_data_writes_everything_to_the_chosen_file(
    panel: PrivacyPanel, privacy: PrivacyService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mine.json"
    told: list[str] = []
    monkeypatch.setattr(
        "onecleaner.gui.widgets.notice_banner.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    monkeypatch.setattr(
        "onecleaner.gui.widgets.notice_banner.QMessageBox.information",
        lambda parent, title, text: told.append(text),
    )
    privacy.set_profile(email="zhang@example.org")
    panel.export_button.click()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["profile"]["email"] == "zhang@example.org"
    assert told == [f"Everything ONE Cleaner holds about you was saved to {target}."]


def test_delete_all_my_data_after_confirmation(
    panel: PrivacyPanel, privacy: PrivacyService, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.consent_toggles[Purpose.USAGE].click()
    privacy.set_profile(phone="13812345678")
    panel.refresh()
    asked: list[str] = []

    def answer(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr("onecleaner.gui.pages.settings.privacy.QMessageBox.question", answer)
    panel.forget_button.click()  # "No": nothing happens
    assert privacy.profile() is not None
    panel.forget_button.click()  # "Yes"
    assert asked == ["Delete all my data", "Delete all my data"]
    assert privacy.profile() is None
    assert privacy.consent_history() == []
    assert not panel.consent_toggles[Purpose.USAGE].isChecked()
    assert panel.registration.phone_shown.text() == "not given"
    assert panel.message.text() == "All your data was deleted from this device."


def test_registration_is_validated_masked_and_deletable(
    panel: PrivacyPanel, privacy: PrivacyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = panel.registration
    assert box.email_edit.isHidden()
    box.edit_button.click()
    assert not box.email_edit.isHidden()
    box.email_edit.setText("not-an-address")
    assert box.save() is False
    assert box.error.text() == "This e-mail address is not valid (for example: name@example.org)."
    assert privacy.profile() is None

    box.email_edit.setText("zhang@example.org")
    box.phone_edit.setText("138 1234 5678")
    box.save_button.click()
    assert box.email_edit.isHidden()
    assert box.email_shown.text() == "z***@example.org"
    assert box.phone_shown.text() == "138****5678"
    assert panel.message.text() == "Your registration was saved (encrypted)."
    # Editing again never shows the stored values in the clear.
    box.edit_button.click()
    assert box.email_edit.text() == "" and box.phone_edit.text() == ""
    box.cancel_button.click()

    monkeypatch.setattr(
        "onecleaner.gui.pages.settings.registration_box.QMessageBox.question",
        lambda *a: QMessageBox.StandardButton.Yes,
    )
    box.delete_button.click()
    assert privacy.profile() is None
    assert box.email_shown.text() == "not given"


def test_bad_phone_number_is_explained(panel: PrivacyPanel, privacy: PrivacyService) -> None:
    box = panel.registration
    box.edit_button.click()
    box.phone_edit.setText("12345")
    assert box.save() is False
    assert "phone number is not valid" in box.error.text()
    assert privacy.profile() is None


def test_install_identifier_shown_reset_and_turned_off(
    panel: PrivacyPanel, privacy: PrivacyService
) -> None:
    # Usage statistics are off: the identifier reads off, and its switch too (not "on").
    assert panel.identifier.label.text() == "off (usage statistics are off)"
    assert not panel.identifier.enabled.isChecked()
    assert not panel.identifier.enabled.isEnabled()
    assert not panel.identifier.reset.isEnabled()
    panel.consent_toggles[Purpose.USAGE].click()
    assert panel.identifier.enabled.isChecked()
    first = panel.identifier.label.text()
    assert first == privacy.usage_id() and len(first) >= 16
    panel.identifier.reset.click()
    second = panel.identifier.label.text()
    assert second != first and second == privacy.usage_id()
    panel.identifier.enabled.click()  # off
    assert not privacy.usage_id_enabled()
    assert panel.identifier.label.text() == "off"
    assert panel.message.text() == "The install identifier is off and was deleted."
    # Usage off and on again: the choice not to use an identifier is kept.
    panel.consent_toggles[Purpose.USAGE].click()
    panel.consent_toggles[Purpose.USAGE].click()
    assert not panel.identifier.enabled.isChecked()
    assert panel.identifier.label.text() == "off"


def test_where_the_data_lives_and_the_key_store(panel: PrivacyPanel, data_dir: Path) -> None:
    assert panel.folder_label.text() == str(data_dir)
    # The tests have no keychain: the key is a file, and the page says so.
    assert "private file" in panel.keys_label.text()
    assert panel.policy_label.text().startswith("Version ")


def test_after_the_service_end_nothing_new_can_be_allowed_but_withdrawing_works(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    install_signed_notice(data_dir, tmp_path)
    before_end = PrivacyService(data_dir, clock=lambda: ANNOUNCED + timedelta(days=1))
    before_end.grant(Purpose.HISTORY, Way.GUI)
    ended = PrivacyService(data_dir, clock=lambda: END + timedelta(days=1))
    panel = PrivacyPanel(None, privacy=ended)
    qtbot.addWidget(panel)
    assert not panel.consent_toggles[Purpose.USAGE].isEnabled()
    assert not panel.registration.edit_button.isEnabled()
    assert "The service ended on" in panel.notice_label.text()
    history = panel.consent_toggles[Purpose.HISTORY]
    assert history.isEnabled() and history.isChecked()
    history.click()
    assert not ended.is_granted(Purpose.HISTORY)
    assert not history.isEnabled()  # once off, it cannot be turned on again


def test_install_notice_file_installs_a_signed_notice_and_refuses_a_forged_one(
    qtbot: QtBot,
    panel: PrivacyPanel,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from notice_kit import signed_notice_file

    path = signed_notice_file(data_dir, tmp_path)
    forged = tmp_path / "forged.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["notice"]["deletion_deadline"] = "2031-01-01T00:00:00+00:00"  # edited after signing
    forged.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(
        "onecleaner.gui.pages.settings.privacy.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(forged), ""),
    )
    panel.install_notice_button.click()
    assert panel.message.text().startswith("The notice was not installed: ")
    assert "No end-of-service notice" in panel.notice_label.text()

    monkeypatch.setattr(
        "onecleaner.gui.pages.settings.privacy.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(path), ""),
    )
    with qtbot.waitSignal(panel.noticeInstalled):
        panel.install_notice_button.click()
    assert panel.message.text() == "The service notice “ONE Cleaner is ending” is installed."
    assert "ONE Cleaner is ending" in panel.notice_label.text()
    assert PrivacyService(data_dir).notice() is not None
