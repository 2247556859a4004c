"""The end-of-service banner: hidden without a notice, shown with a signed one, per state."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from notice_kit import ANNOUNCED, DEADLINE, END, install_signed_notice
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from onecleaner.gui.i18n import install_translator
from onecleaner.gui.widgets.notice_banner import NoticeBanner
from onecleaner.privacy.notice import NoticeState
from onecleaner.privacy.notice_news import NoticeFace
from onecleaner.privacy.service import PrivacyService
from onecleaner.privacy.startup import run_startup


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """The window the banner sits in (never shown: showing top-levels warns offscreen)."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


def at(data_dir: Path, when: datetime) -> PrivacyService:
    """The privacy service as it stands at a given time."""
    return PrivacyService(data_dir, clock=lambda: when)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]


def test_hidden_without_a_notice(qtbot: QtBot, host: QWidget, data_dir: Path) -> None:
    banner = NoticeBanner(host, privacy=PrivacyService(data_dir))
    banner.refresh()
    assert banner.isHidden()
    assert banner.state is NoticeState.NONE


def test_announced_notice_is_shown_with_dates_and_export(
    qtbot: QtBot, host: QWidget, data_dir: Path, tmp_path: Path
) -> None:
    install_signed_notice(data_dir, tmp_path)
    now = ANNOUNCED + timedelta(days=1)
    banner = NoticeBanner(host, privacy=at(data_dir, now), clock=lambda: now)
    assert not banner.isHidden()
    assert banner.state is NoticeState.ANNOUNCED
    assert banner.title.text() == "ONE Cleaner is ending"
    assert banner.body.text() == "Thank you for using it."
    assert banner.status.text().startswith("ONE Cleaner will stop operating on ")
    assert "2030" in banner.dates.text() and banner.dates.text().startswith("Announced ")
    assert not banner.export_button.isHidden()


def test_service_ended_and_past_deadline_texts(
    qtbot: QtBot, host: QWidget, data_dir: Path, tmp_path: Path
) -> None:
    install_signed_notice(data_dir, tmp_path)
    ended = END + timedelta(days=1)
    banner = NoticeBanner(host, privacy=at(data_dir, ended), clock=lambda: ended)
    assert banner.state is NoticeState.SERVICE_ENDED
    assert banner.status.text().startswith("The service ended on ")
    assert "nothing more is collected" in banner.status.text()
    assert not banner.export_button.isHidden()

    past = DEADLINE + timedelta(days=1)
    due = NoticeBanner(host, privacy=at(data_dir, past), clock=lambda: past)
    assert due.state is NoticeState.PAST_DEADLINE
    assert due.status.text().startswith("The deletion date (")
    assert "when ONE Cleaner next starts" in due.status.text(), "not deleted yet: not claimed"
    assert due.export_button.isHidden()  # the deletion is due: the export has closed

    assert run_startup(data_dir, clock=lambda: past, face=NoticeFace.GUI) == []
    late = NoticeBanner(host, privacy=at(data_dir, past), clock=lambda: past)
    assert "has been deleted from this device" in late.status.text()
    assert "no personal information was held" in late.status.text()  # nothing was set up
    assert str(data_dir / "deletion-receipt.json") in late.status.text()
    assert late.export_button.isHidden()  # nothing personal is left to export


def test_export_button_saves_the_users_data(
    qtbot: QtBot, host: QWidget, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_signed_notice(data_dir, tmp_path)
    now = ANNOUNCED + timedelta(days=1)
    privacy = at(data_dir, now)
    privacy.set_profile(email="li@example.org")
    target = tmp_path / "export.json"
    monkeypatch.setattr(
        "onecleaner.gui.widgets.notice_banner.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    monkeypatch.setattr(
        "onecleaner.gui.widgets.notice_banner.QMessageBox.information", lambda *a: None
    )
    banner = NoticeBanner(host, privacy=privacy, clock=lambda: now)
    with qtbot.waitSignal(banner.exported) as exported:
        banner.export_button.click()
    assert exported.args == [str(target)]
    assert json.loads(target.read_text(encoding="utf-8"))["profile"]["email"] == "li@example.org"


def test_notice_in_chinese_when_the_ui_is_chinese(
    qtbot: QtBot, host: QWidget, data_dir: Path, tmp_path: Path
) -> None:
    install_signed_notice(data_dir, tmp_path)
    assert install_translator(QApplication.instance(), "zh_CN") == "zh_CN"  # type: ignore[arg-type]
    now = ANNOUNCED + timedelta(days=1)
    banner = NoticeBanner(host, privacy=at(data_dir, now), clock=lambda: now)
    assert banner.title.text() == "ONE Cleaner 即将停止运营"
    assert banner.body.text() == "感谢您的使用。"
    assert banner.export_button.text() == "导出我的数据(&E)…"
