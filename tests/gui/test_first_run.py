"""The first-run consent dialog: all off, Continue without consent, asked again on a new policy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from onecleaner.gui.first_run import FirstRunDialog, needs_first_run
from onecleaner.privacy.consent import ConsentState, Purpose, Way
from onecleaner.privacy.policy import load_policy
from onecleaner.privacy.service import PrivacyService


def test_fresh_install_asks_with_every_purpose_off(qtbot: QtBot, data_dir: Path) -> None:
    privacy = PrivacyService(data_dir)
    assert needs_first_run(privacy)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    assert set(dlg.toggles) == set(Purpose)
    assert not any(box.isChecked() for box in dlg.toggles.values())
    assert dlg.chosen() == []
    assert dlg.continue_button.text() == "&Continue"


def test_continue_without_consent_grants_nothing_and_is_not_asked_again(
    qtbot: QtBot, data_dir: Path
) -> None:
    privacy = PrivacyService(data_dir)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    dlg.continue_button.click()
    assert dlg.result() == FirstRunDialog.DialogCode.Accepted
    assert not any(s.granted for s in privacy.consent())
    history = privacy.consent_history()
    assert {r.purpose for r in history} == set(Purpose)
    assert all(r.state is ConsentState.WITHDRAWN and r.way is Way.FIRST_RUN for r in history)
    assert not needs_first_run(PrivacyService(data_dir))


def test_ticked_purposes_are_granted_from_the_first_run(qtbot: QtBot, data_dir: Path) -> None:
    privacy = PrivacyService(data_dir)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    dlg.toggles[Purpose.HISTORY].setChecked(True)
    dlg.continue_button.click()
    granted = {s.purpose: s for s in privacy.consent()}
    assert granted[Purpose.HISTORY].granted
    assert granted[Purpose.HISTORY].last is not None
    assert granted[Purpose.HISTORY].last.way is Way.FIRST_RUN
    assert not granted[Purpose.DIAGNOSTICS].granted and not granted[Purpose.USAGE].granted


def test_closing_the_dialog_records_nothing_and_asks_again(qtbot: QtBot, data_dir: Path) -> None:
    privacy = PrivacyService(data_dir)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    dlg.toggles[Purpose.USAGE].setChecked(True)
    dlg.reject()
    assert privacy.consent_history() == []
    assert needs_first_run(privacy)


def test_a_newer_policy_version_asks_again(qtbot: QtBot, data_dir: Path) -> None:
    privacy = PrivacyService(data_dir)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    dlg.toggles[Purpose.HISTORY].setChecked(True)
    dlg.continue_button.click()
    assert not needs_first_run(privacy)

    newer = dataclasses.replace(load_policy(), version="999")
    under_new_policy = PrivacyService(data_dir, policy=newer)
    assert needs_first_run(under_new_policy)
    again = FirstRunDialog(None, privacy=under_new_policy)
    qtbot.addWidget(again)
    # Still all off: the earlier grant does not count under the new policy.
    assert not any(box.isChecked() for box in again.toggles.values())
    assert "older policy" in again.reask_note.text()
