"""The notice pushed by the window: tray notification, dialog and banner, once per stage."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from onecleaner.gui.app import NOTICE_RECHECK_MS, AppShell, _startup_messages
from onecleaner.gui.i18n import install_translator
from onecleaner.gui.services import AppServices
from onecleaner.gui.widgets.notice_banner import NoticeBanner
from onecleaner.privacy.notice_sources import SHIPPED_VAR
from onecleaner.privacy.service import PrivacyService
from tests.privacy.notice_helpers import (
    notice_fields,
    signed_document,
    trust_new_key,
    write_document,
)

NOW = datetime.now(UTC)
Dialogs = list[tuple[str, str]]
Start = Callable[..., tuple[AppShell, list[str]]]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """The notice dialogs shown (title, text), answered at once."""
    shown: Dialogs = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        staticmethod(lambda parent, title, text: shown.append((title, text))),
    )
    return shown


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]


def ship(data_dir: Path, *, past_deadline: bool = False) -> None:
    """The app's last update ships a signed notice (its test key trusted)."""
    key = trust_new_key(data_dir)
    start = NOW - timedelta(days=100) if past_deadline else NOW - timedelta(days=1)
    fields = notice_fields(
        announced=start, end=start + timedelta(days=30), deadline=start + timedelta(days=60)
    )
    folder = Path(os.environ[SHIPPED_VAR])
    folder.mkdir(parents=True, exist_ok=True)
    write_document(folder / "end.json", signed_document(key, fields))


@pytest.fixture
def start_app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Iterator[Start]:
    """Starts the app as `run` does (start-up work, then the window and tray), with a tray."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)  # no tray offscreen
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    shells: list[AppShell] = []

    def start(interactive: bool = False) -> tuple[AppShell, list[str]]:
        messages = _startup_messages(data_dir)
        shell = AppShell(
            qapp, AppServices.load(data_dir), start_hidden=True, interactive=interactive
        )
        monkeypatch.setattr(shell, "_first_run", lambda: None)
        qtbot.addWidget(shell.window)
        shells.append(shell)
        return shell, messages

    yield start
    for shell in shells:
        shell.shutdown()
    qapp.setQuitOnLastWindowClosed(True)


def banner(shell: AppShell) -> NoticeBanner:
    assert isinstance(shell.window.banner, NoticeBanner)
    return shell.window.banner


def test_first_start_pushes_a_shipped_notice_once(
    start_app: Start, data_dir: Path, dialogs: Dialogs
) -> None:
    ship(data_dir)
    shell, messages = start_app()
    assert messages == []
    assert not banner(shell).isHidden()
    assert banner(shell).title.text() == "ONE Cleaner is ending"
    shell._greet(messages)
    assert shell.tray is not None and shell.tray.last_notification is not None
    title, text = shell.tray.last_notification
    assert title == "ONE Cleaner is ending"
    assert text.startswith("ONE Cleaner will stop operating on ")
    ((dialog_title, dialog_text),) = dialogs
    assert dialog_title == "ONE Cleaner is ending"
    assert "The service ends." in dialog_text and text in dialog_text
    assert "Contact: privacy@example.org" in dialog_text and "Announced " in dialog_text

    shell.shutdown()
    again, messages = start_app()  # the next start: the banner stays, the push does not
    again._greet(messages)
    assert len(dialogs) == 1
    assert again.tray is not None and again.tray.last_notification is None
    assert not banner(again).isHidden()


def test_the_push_in_chinese(start_app: Start, data_dir: Path, dialogs: Dialogs) -> None:
    ship(data_dir)
    assert install_translator(QApplication.instance(), "zh_CN") == "zh_CN"  # type: ignore[arg-type]
    shell, messages = start_app()
    shell._greet(messages)
    ((title, text),) = dialogs
    assert title == "ONE Cleaner 即将停止运营"
    assert "本服务即将停止。" in text and "ONE Cleaner 将于" in text
    assert "联系方式" in text
    assert shell.tray is not None and shell.tray.last_notification is not None
    assert shell.tray.last_notification[1].startswith("ONE Cleaner 将于")


def test_the_deletion_receipt_is_shown_after_it_happens(
    start_app: Start, data_dir: Path, dialogs: Dialogs
) -> None:
    PrivacyService(data_dir).set_profile(email="zoe@example.org")
    ship(data_dir, past_deadline=True)
    shell, messages = start_app()
    assert messages == [], "the window tells it in its own words, below"
    assert not (data_dir / "profile.bin").exists()
    receipt = str(data_dir / "deletion-receipt.json")
    shell._greet(messages)
    ((_title, text),) = dialogs
    assert "has been deleted from this device" in text
    assert "Deleted on " in text and "the registration profile" in text and receipt in text
    assert shell.tray is not None and shell.tray.last_notification is not None
    assert shell.tray.last_notification[1].startswith("Deleted on ")
    status = banner(shell).status.text()
    assert "has been deleted" in status and "the registration profile" in status
    assert banner(shell).export_button.isHidden()


def test_the_receipt_in_chinese(start_app: Start, data_dir: Path, dialogs: Dialogs) -> None:
    PrivacyService(data_dir).set_profile(email="zoe@example.org")
    ship(data_dir, past_deadline=True)
    assert install_translator(QApplication.instance(), "zh_CN") == "zh_CN"  # type: ignore[arg-type]
    shell, messages = start_app()
    shell._greet(messages)
    ((_title, text),) = dialogs
    assert "注册资料" in text and "加密密钥" in text and "Deleted on" not in text


def test_a_running_app_takes_in_a_notice_dropped_in_a_system_folder(
    start_app: Start, data_dir: Path, sysroot: Path, dialogs: Dialogs
) -> None:
    shell, _messages = start_app(interactive=True)
    QApplication.processEvents()  # the start's greeting runs now, not in a later test
    assert shell._notice_timer.isActive() and shell._notice_timer.interval() == NOTICE_RECHECK_MS
    assert banner(shell).isHidden()
    key = trust_new_key(data_dir)
    folder = sysroot / "etc" / "onecleaner" / "notices"
    folder.mkdir(parents=True)
    fields = notice_fields(announced=NOW - timedelta(days=1), end=NOW + timedelta(days=10))
    write_document(folder / "admin.json", signed_document(key, fields))
    shell._recheck_notice()
    assert not banner(shell).isHidden()
    assert [title for title, _text in dialogs] == ["ONE Cleaner is ending"]
    shell._recheck_notice()
    assert len(dialogs) == 1, "once"


def test_a_forged_notice_is_reported_once_and_not_shown(
    start_app: Start, data_dir: Path, sysroot: Path, dialogs: Dialogs
) -> None:
    key = trust_new_key(data_dir)
    doc = signed_document(key, notice_fields(announced=NOW - timedelta(days=1)))
    doc["notice"]["title"]["en"] = "Pay here to keep your data"
    folder = sysroot / "etc" / "onecleaner" / "notices"
    folder.mkdir(parents=True)
    write_document(folder / "forged.json", doc)
    shell, messages = start_app()
    (message,) = messages
    assert "forged.json" in message and "forged" in message
    shell._greet(messages)
    assert [text for _title, text in dialogs] == [message], "the report, no notice"
    assert banner(shell).isHidden()
    _again, messages = start_app()
    assert messages == []
