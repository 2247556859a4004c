"""What the window and the tray share: the catalog, the environment, settings, privacy service."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onecleaner.app.policy import CleanPolicy, clean_policy, delete_mode
from onecleaner.app.quick import QuickSelection, quick_selection
from onecleaner.engine.env import Environment
from onecleaner.engine.model import CleanResult, DeleteMode, Target
from onecleaner.engine.scan import ScanOptions
from onecleaner.settings import Settings, load_settings

if TYPE_CHECKING:
    from onecleaner.engine.catalog import Catalog

log = logging.getLogger(__name__)


@dataclass
class AppServices:
    """The app's shared state; the faces read it and call the engine and privacy with it.

    `messages` collects what start-up has to tell the user (a corrupt settings file set aside,
    definitions that did not load, what the deletion deadline erased); the window shows them.
    """

    data_dir: Path
    catalog: Catalog
    env: Environment
    settings: Settings = field(default_factory=Settings)
    privacy: Any = None  # PrivacyService when the privacy module could start
    messages: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, data_dir: Path) -> AppServices:
        """Load the catalog, settings and privacy service; problems become messages, not crashes."""
        from onecleaner.engine.catalog import load_catalog

        messages: list[str] = []
        catalog = load_catalog()
        if catalog.problems:
            messages.append(
                f"{len(catalog.problems)} cleaner definition problem(s); those items are left out: "
                + "; ".join(str(p) for p in catalog.problems[:3])
            )
        settings, warning = load_settings(data_dir)
        if warning:
            messages.append(warning)
        services = cls(
            data_dir=data_dir,
            catalog=catalog,
            env=Environment.current(),
            settings=settings,
            privacy=_privacy_service(data_dir, messages),
            messages=messages,
        )
        return services

    @property
    def delete_mode(self) -> DeleteMode:
        """How the window's cleans remove files (the settings say; the window has no flags)."""
        return delete_mode(self.settings)

    @property
    def policy(self) -> CleanPolicy:
        """What every scan and clean must respect: never-touch paths, this data folder, the
        cookie keep-list, the age filter."""
        return clean_policy(self.settings, self.data_dir)

    def quick_selection(self) -> QuickSelection:
        """What a quick clean cleans: the user's ticked items, or the catalog's preset."""
        return quick_selection(self.catalog, self.settings, self.env.os)

    def quick_target_ids(self) -> list[str]:
        """The ids of the quick selection on this OS."""
        return list(self.quick_selection().ids)

    def quick_targets(self) -> list[Target]:
        """The targets of the quick selection on this OS (empty when the user emptied it)."""
        return list(self.quick_selection().targets)

    def missing_target_ids(self) -> set[str]:
        """This OS's targets none of whose folders exist on this machine.

        The same test as `onecleaner list`'s "present": the roots a scan would find now
        (expanded, resolved, allowed by the guard). A target that cannot be checked counts as
        present: "not found" is only said when it is known.
        """
        from onecleaner.engine.guard import Guard
        from onecleaner.engine.planfile import current_roots

        try:
            guard = Guard.for_env(self.env, self.data_dir)
        except Exception:
            log.warning("could not check which targets exist", exc_info=True)
            return set()
        missing = set()
        for target in self.catalog.targets_for(self.env.os):
            try:
                if not current_roots(target, self.env, guard=guard):
                    missing.add(target.id)
            except Exception:
                log.debug("could not check %s", target.id, exc_info=True)
        return missing

    def scan_options(self) -> ScanOptions:
        """The policy as the engine's scan takes it (a plan's cookie databases carry the
        keep-list to the clean)."""
        return self.policy.scan_options()

    def record_activity(self, kind: str, summary: Mapping[str, object]) -> None:
        """Note a scan or clean in the privacy journal and count the feature's use (each kept
        only under its own consent: `history`, `usage`)."""
        if self.privacy is None:
            return
        try:
            self.privacy.record_activity(kind, summary)
            self.privacy.record_usage(f"gui.{kind}")
        except Exception:  # the history is optional: it never blocks cleaning
            log.warning("could not record activity", exc_info=True)

    def record_clean(self, kind: str, result: CleanResult) -> None:
        """Journal a clean (and what it moved to the trash, to restore it); remember its figures."""
        self.remember(
            "clean",
            result.files,
            result.bytes,
            len(result.targets),
            result.cancelled,
            trashed_bytes=result.trashed_bytes,
        )
        if self.privacy is None:
            return
        try:
            from onecleaner.history import record_clean

            record_clean(self.privacy, self.data_dir, kind, result)
            self.privacy.record_usage(f"gui.{kind}")
        except Exception:  # the history is optional: it never blocks cleaning
            log.warning("could not record activity", exc_info=True)

    def remember(
        self,
        what: str,
        files: int,
        size: int,
        items: int,
        cancelled: bool,
        *,
        trashed_bytes: int = 0,
    ) -> None:
        """Keep the figures of the last scan or clean for the Home page (no paths)."""
        from onecleaner import app_state
        from onecleaner.privacy.errors import PrivacyError

        figures = app_state.RunFigures(
            app_state.now(), files, size, items, cancelled, trashed_bytes
        )
        try:
            if what == "scan":
                app_state.remember_scan(self.data_dir, figures)
            else:
                app_state.remember_clean(self.data_dir, figures)
        except (OSError, PrivacyError):  # the figures are a convenience: never a reason to fail
            log.warning("could not remember the last %s", what, exc_info=True)

    def record_error(self, where: str, message: str) -> None:
        """Journal a failed job: minimal and non-personal unless `diagnostics` is granted."""
        if self.privacy is None:
            return
        try:
            self.privacy.record_error(where, message)
        except Exception:
            log.warning("could not record an error", exc_info=True)

    def notice(self) -> Any:
        """The installed end-of-service notice, or None."""
        if self.privacy is None:
            return None
        try:
            return self.privacy.notice()
        except Exception:
            log.warning("could not read the service notice", exc_info=True)
            return None


def _privacy_service(data_dir: Path, messages: list[str]) -> Any:
    try:
        from onecleaner.privacy.service import PrivacyService
    except ImportError:
        return None
    try:
        service = PrivacyService(data_dir)
    except Exception as exc:  # privacy data that cannot be opened must not stop cleaning
        messages.append(f"the privacy data could not be opened: {exc}")
        return None
    messages.extend(str(w) for w in getattr(service, "warnings", ()) or ())
    return service
