"""Start the desktop app: the Qt application, the window, the tray, the schedule, start-up notes."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from onecleaner.appinfo import APP_DISPLAY_NAME, APP_ID
from onecleaner.display import display_problem
from onecleaner.gui.jobs.workers import QuickOutcome
from onecleaner.gui.pages.clean.confirm import Dialogs
from onecleaner.gui.schedule import Scheduler
from onecleaner.gui.services import AppServices
from onecleaner.gui.shell import MainWindow
from onecleaner.gui.tray import TrayController, freed_text, tray_available

log = logging.getLogger(__name__)

#: How long `--smoke-test` runs the event loop before quitting.
SMOKE_TEST_MS = 1000
#: How often a running app looks for a new service notice or stage (and a passed deadline).
NOTICE_RECHECK_MS = 60 * 60 * 1000


def run(data_dir: Path, *, tray: bool, smoke_test: bool, page: str = "") -> int:
    """Run the desktop app until it quits; returns the exit code (0 for a passed smoke test).

    `page` opens the window on a page (``home``, ``clean``, ``history``, ``settings``); a
    running instance is asked to show it instead.
    """
    problem = None if QApplication.instance() is not None else display_problem()
    if problem is not None:  # Qt would abort the process
        print(f"onecleaner: the desktop app cannot start: {problem}.", file=sys.stderr)
        return 2
    from onecleaner.gui.pages import page_ids

    if page and page not in page_ids():
        print(
            f"onecleaner: there is no page {page!r}; pages: {', '.join(page_ids())}",
            file=sys.stderr,
        )
        return 2
    # Qt's messages and uncaught exceptions in slots reach the log file: a windowed build
    # has no console that would show them.
    previous_handler = qInstallMessageHandler(_qt_message_to_log)
    previous_hook = sys.excepthook
    sys.excepthook = _log_uncaught
    try:
        return _run(data_dir, tray=tray, smoke_test=smoke_test, page=page)
    finally:
        qInstallMessageHandler(previous_handler)
        sys.excepthook = previous_hook


def _run(data_dir: Path, *, tray: bool, smoke_test: bool, page: str) -> int:
    app = _application()
    startup = [] if smoke_test else _startup_messages(data_dir)
    services = AppServices.load(data_dir)
    _install_translator(app, services)
    instance = None
    if not smoke_test:
        instance = _single_instance(page)
        if instance is False:
            return 0  # the running instance was asked to come forward
    shell = AppShell(
        app,
        services,
        start_hidden=tray or services.settings.start_in_tray,
        interactive=not smoke_test,
        startup_messages=startup,
        page=page,
    )
    if instance is not None and instance is not True and hasattr(instance, "activateRequested"):
        instance.activateRequested.connect(shell.window.show_and_raise)
    if smoke_test:
        QTimer.singleShot(SMOKE_TEST_MS, shell.quit)
    code = app.exec()
    shell.shutdown()
    if instance is not None and hasattr(instance, "release"):
        instance.release()
        instance.deleteLater()
    del shell, instance
    delete_now(app)
    return 0 if smoke_test else int(code)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_to_log(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s: %s", category, message)


def _log_uncaught(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    log.critical("uncaught exception", exc_info=(kind, error, tb))


def delete_now(app: QCoreApplication) -> None:
    """Carry out the pending deletions and free Python's side of them, while `app` still exists.

    Called once the event loop has returned. Whatever is left when the interpreter exits is
    deleted by PySide in no fixed order as Python shuts down, with slots of half-deleted
    objects still connected: that crashed the app on the way out ("shared QObject was deleted
    directly", a segfault).
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The workers freeze what survives their work out of the collector (gc.freeze); the
    # wrappers in reference cycles are freed now, not during the interpreter's teardown.
    gc.unfreeze()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del app


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("onecleaner")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setOrganizationName("ONE Cleaner")
    app.setDesktopFileName(APP_ID)
    # The platform's native style; the palette follows the system's light or dark scheme.
    from onecleaner.gui.theme import ThemeWatcher, app_icon

    app.setWindowIcon(app_icon())
    if app.findChild(ThemeWatcher) is None:
        ThemeWatcher(app)
    return app


def _install_translator(app: QApplication, services: AppServices) -> None:
    try:
        from onecleaner.gui.i18n import install_translator
    except ImportError:
        return
    install_translator(app, services.settings.language.value)


def _single_instance(page: str = "") -> Any:
    """The SingleInstance holder, False when another instance runs (it was asked to show
    `page`), None when unavailable."""
    from onecleaner.gui.single_instance import SingleInstance

    instance = SingleInstance(APP_ID)
    return instance if instance.acquire(page) else False


def _startup_messages(data_dir: Path) -> list[str]:
    """What start-up work did (e.g. the deletion after the service's deadline), for the user."""
    try:
        from onecleaner.privacy.notice_news import NoticeFace
        from onecleaner.privacy.startup import run_startup

        return list(run_startup(data_dir, face=NoticeFace.GUI))
    except Exception as exc:  # start-up work must not keep the window from opening
        log.warning("start-up work failed", exc_info=True)
        return [f"start-up work failed: {exc}"]


class AppShell(QObject):
    """Wires the window, the tray, the quick clean and the schedule together."""

    def __init__(
        self,
        app: QApplication,
        services: AppServices,
        *,
        start_hidden: bool = False,
        interactive: bool = True,
        startup_messages: list[str] | None = None,
        window: MainWindow | None = None,
        page: str = "",
    ) -> None:
        super().__init__()
        self.app = app
        self.services = services
        self.interactive = interactive
        self.window = window if window is not None else MainWindow(services)
        if page:
            self.window.open_page(page)
        self.quick = self.window.quick  # one quick clean for Home, the tray and the schedule
        self.tray: TrayController | None = None
        if tray_available():
            self.tray = TrayController(services, self.quick, self)
            self.tray.confirm = lambda risky: Dialogs().confirm_quick(self._dialog_parent(), risky)
            self.tray.openRequested.connect(lambda: self.window.show_and_raise())
            self.tray.pageRequested.connect(self.window.show_and_raise)
            self.tray.quitRequested.connect(self.quit)
            self.tray.show()
        else:
            # Without a tray the window is the app: quick-clean news goes to its message line.
            self.quick.finished.connect(self._quick_in_window)
        self.window.keep_running_in_tray = self.tray is not None
        app.setQuitOnLastWindowClosed(self.tray is None)
        self.window.settingsChanged.connect(self.apply_settings)
        self.window.quitRequested.connect(self.quit)
        if sys.platform == "darwin":
            # A click on the Dock icon re-activates the app (Qt delivers it even when the app
            # is already active): a window hidden in the tray comes back, as macOS users expect.
            app.applicationStateChanged.connect(self._on_application_state)
        # A quit asked of the application (app.quit(), the session ending) is the app's quit
        # too: Qt's own handling asks the windows, and the window that hides to the tray
        # refuses, so whether Qt quit anyway depended on the order of its window list.
        app.installEventFilter(self)
        settings_page = self.window.pages.get("settings")
        if settings_page is not None and hasattr(settings_page, "noticeInstalled"):
            settings_page.noticeInstalled.connect(self._announce_notice)

        self.scheduler = Scheduler(services, lambda: self.quick.start(background=True), parent=self)
        if self.tray is not None:
            self.scheduler.nextRunChanged.connect(self.tray.set_next_run)
        self.scheduler.start()
        self._first_run_dialog: QWidget | None = None
        self._shut_down = False

        if not (start_hidden and self.tray is not None):
            self.window.show()
        self._notice_timer = QTimer(self)
        self._told: set[str] = set(startup_messages or [])
        if interactive:
            QTimer.singleShot(0, lambda: self._greet(startup_messages or []))
            # A tray app may run for weeks: the notice's next stage must not wait for a restart.
            self._notice_timer.setInterval(NOTICE_RECHECK_MS)
            self._notice_timer.timeout.connect(self._recheck_notice)
            self._notice_timer.start()

    # --- start-up ----------------------------------------------------------------------------
    def _greet(self, startup_messages: list[str]) -> None:
        """Say once what start-up did, show the service notice once, then the first-run dialog."""
        if startup_messages:
            QMessageBox.information(
                self._dialog_parent(), self.tr("ONE Cleaner"), "\n\n".join(startup_messages)
            )
        self._announce_notice()
        self._first_run()

    def _dialog_parent(self) -> QWidget | None:
        return self.window if self.window.isVisible() else None

    def _announce_notice(self) -> None:
        """Push a notice's stage the window has not shown yet: tray notification and dialog."""
        privacy = self.services.privacy
        if privacy is None:
            return
        try:
            from onecleaner.gui.widgets.notice_banner import (
                NoticeBanner,
                news_summary,
                news_text,
                news_title,
            )
            from onecleaner.privacy.notice_news import NoticeFace, claim_news, unseen_news

            news = unseen_news(privacy, NoticeFace.GUI)
            if news is None or not claim_news(privacy, NoticeFace.GUI, news):
                return
        except Exception:  # the banner still shows the notice; never block the window
            log.warning("could not read the service notice", exc_info=True)
            return
        if isinstance(self.window.banner, NoticeBanner):
            self.window.banner.refresh()
        if self.tray is not None:
            self.tray.notify_notice(news.notice, news_summary(news))
        QMessageBox.information(self._dialog_parent(), news_title(news), news_text(news))

    @Slot()
    def _recheck_notice(self) -> None:
        """While the app runs for days in the tray: take in new notices, the deadline, news."""
        # A problem that lasts (a locked keychain) is told once per run, not every hour.
        new = [m for m in _startup_messages(self.services.data_dir) if m not in self._told]
        self._told.update(new)
        if new:
            log.info("notice re-check: %s", " | ".join(new))
            if self.tray is not None:
                self.tray.notify(self.tr("ONE Cleaner"), "\n".join(new))
            else:
                self.window.show_message(" ".join(new), 60_000)
        self._announce_notice()

    def _first_run(self) -> None:
        privacy = self.services.privacy
        if privacy is None:
            return
        try:
            from onecleaner.gui.first_run import FirstRunDialog, needs_first_run

            if not needs_first_run(privacy):
                return
            dialog = FirstRunDialog(self._dialog_parent(), privacy=privacy)
        except Exception:  # consent can be given later in Settings; never block cleaning
            log.warning("could not show the first-run dialog", exc_info=True)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Held here: without a parent (window hidden in the tray) nothing else keeps it alive.
        self._first_run_dialog = dialog
        dialog.destroyed.connect(self._first_run_closed)
        dialog.open()

    @Slot()
    def _first_run_closed(self) -> None:
        self._first_run_dialog = None

    # --- commands ----------------------------------------------------------------------------
    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive or self._shut_down:
            return
        if not any(w.isVisible() for w in QApplication.topLevelWidgets()):
            self.window.show_and_raise()

    @Slot()
    def open_settings(self, section: str = "") -> None:
        """Show the window on its Settings page (a tab of it when one is named)."""
        self.window.show_and_raise()
        self.window.open_page("settings", section)

    @Slot(object)
    def apply_settings(self, settings: Any) -> None:
        """Use new settings at once: language, quick preset, schedule."""
        old_language = self.services.settings.language
        self.services.settings = settings
        if settings.language != old_language:
            # Every widget gets a LanguageChange event and sets its texts again.
            _install_translator(self.app, self.services)
        self.scheduler.settings_changed()
        home = self.window.pages.get("home")
        if home is not None and hasattr(home, "refresh"):
            home.refresh()

    @Slot(object)
    def _quick_in_window(self, outcome: QuickOutcome) -> None:
        self.window.show_message(freed_text(outcome))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.app and event.type() == QEvent.Type.Quit:
            self.quit()
            return True
        return False

    @Slot()
    def quit(self) -> None:
        """Shut down and leave the event loop; unlike `QApplication.quit`, no window can refuse."""
        self.shutdown()
        # Outside any event loop (a window closed before or after `exec`) there is nothing to
        # leave, and `exit` would make the next loop return at once.
        if QThread.currentThread().loopLevel() > 0:
            self.app.exit(0)

    def shutdown(self) -> None:
        """Stop the timer, cancel and wait for every worker thread, remove the tray icon, and
        have the windows, the tray and the shell deleted.

        Safe to call more than once and from a slot (the tray's Quit, the window's close): the
        deletions are deferred; `delete_now` carries them out after the event loop returns,
        while the application still exists.
        """
        if self._shut_down:
            return
        self._shut_down = True
        self._notice_timer.stop()
        self.app.removeEventFilter(self)
        self.scheduler.stop()
        self.quick.stop()
        if shiboken6.isValid(self.window):
            self.window.stop()
            self.window.keep_running_in_tray = False
        if self.tray is not None:
            self.tray.dispose()
        # Dialogs without a parent (opened while the window was hidden in the tray) and the
        # window itself belong to Python: they go now, not at interpreter exit.
        for widget in (self._first_run_dialog, self.window):
            if widget is not None and shiboken6.isValid(widget):
                widget.hide()
                widget.deleteLater()
        self._first_run_dialog = None
        self.deleteLater()
