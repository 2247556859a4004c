"""The first-run consent dialog: all off, Continue without consent, asked again on a new policy."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
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


def test_an_unusable_data_folder_is_a_sentence_and_the_dialog_can_be_left(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    data_dir.write_text("a file where the data folder should be")
    privacy = PrivacyService(data_dir)
    assert needs_first_run(privacy)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    dlg.toggles[Purpose.HISTORY].setChecked(True)
    dlg.continue_button.click()
    assert dlg.result() != FirstRunDialog.DialogCode.Accepted  # the user reads why first
    text = dlg.error.text()
    assert not dlg.error.isHidden()
    assert f"could not be saved in the data folder {data_dir}" in text
    assert "a file stands where the folder should be" in text
    assert "Cleaning works without them" in text
    assert "Errno" not in text and "[" not in text
    assert dlg.continue_button.text() == "&Continue without saving"
    dlg.continue_button.click()
    assert dlg.result() == FirstRunDialog.DialogCode.Accepted
    assert data_dir.read_text() == "a file where the data folder should be"


def test_a_full_disk_at_the_first_run_says_so_in_words(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onecleaner.privacy.errors import DataFolderError, DataFolderProblem

    def full(*args: object, **kwargs: object) -> None:
        raise DataFolderError(data_dir, DataFolderProblem.FULL, "[Errno 28] internal wording")

    privacy = PrivacyService(data_dir)
    monkeypatch.setattr(privacy, "withdraw", full)
    dlg = FirstRunDialog(None, privacy=privacy)
    qtbot.addWidget(dlg)
    dlg.continue_button.click()
    assert "the disk it is on is full" in dlg.error.text()
    assert "Errno" not in dlg.error.text()
    dlg.continue_button.click()
    assert dlg.result() == FirstRunDialog.DialogCode.Accepted


def test_with_an_unusable_data_folder_cleaning_still_works(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: object,
    cache: Path,
    make_files: Callable[..., list[Path]],
) -> None:
    from onecleaner.gui.pages.clean.page import CleanPage
    from onecleaner.gui.services import AppServices

    data_dir = tmp_path / "data"
    data_dir.write_text("not a folder")
    services = AppServices.load(data_dir)
    window = CleanPage(services, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    try:
        first_run = FirstRunDialog(window, privacy=services.privacy)
        qtbot.addWidget(first_run)
        first_run.continue_button.click()
        first_run.continue_button.click()  # "Continue without saving"
        assert first_run.result() == FirstRunDialog.DialogCode.Accepted
        junk = make_files(cache / "someapp", 5)
        window.target_model.set_checked(["system.cache"])
        with qtbot.waitSignal(window.session.scanned, timeout=20_000):
            window.scan_button.click()
        qtbot.waitUntil(lambda: not window.session.busy, timeout=20_000)
        with qtbot.waitSignal(window.session.cleaned, timeout=20_000):
            window.clean_button.click()
        qtbot.waitUntil(lambda: not window.session.busy, timeout=20_000)
        assert not any(p.exists() for p in junk)
    finally:
        window.session.stop()
