"""The notice shown like a push: each stage once per face, and each bad notice file reported once.

A stage is what the user is told: the end is announced, the service has ended, the deletion is
done (with its receipt). The CLI and the window each show a stage once; what they showed, and
which rejected notice files were reported, is kept in `notice-memo.json` (nothing personal:
notice ids, stages, file digests).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onecleaner.privacy.datalock import data_lock
from onecleaner.privacy.errors import CorruptFile, PrivacyError
from onecleaner.privacy.notice import Notice, NoticeState
from onecleaner.privacy.storage import ensure_data_dir, read_json, write_json

if TYPE_CHECKING:
    from onecleaner.privacy.service import PrivacyService

MEMO_FILE = "notice-memo.json"
#: Digests of reported files kept; older ones may be reported again, which is harmless.
MAX_REPORTED = 200


class NoticeFace(enum.Enum):
    """Who shows the notice: each face shows every stage once."""

    CLI = "cli"
    GUI = "gui"


class NoticeStage(enum.Enum):
    """What the user is told, in the order it happens."""

    ANNOUNCED = "announced"
    SERVICE_ENDED = "service-ended"
    DELETION_DONE = "deletion-done"


@dataclass(frozen=True, slots=True)
class DeletionReceipt:
    """The non-personal record of the deletion done after the deadline."""

    notice_id: str
    seq: int
    deleted_at: datetime
    deleted: tuple[str, ...]
    path: Path


@dataclass(frozen=True, slots=True)
class NoticeNews:
    """One stage of a notice, to be shown once per face."""

    notice: Notice
    stage: NoticeStage
    receipt: DeletionReceipt | None = None

    @property
    def key(self) -> str:
        """What the memo keeps: a new notice, stage or deletion makes a new key."""
        key = f"{self.notice.notice_id}#{self.notice.seq}:{self.stage.value}"
        return key if self.receipt is None else f"{key}@{self.receipt.deleted_at.isoformat()}"


def parse_receipt(receipt: Mapping[str, Any] | None, path: Path) -> DeletionReceipt | None:
    """The receipt's fields, None when there is none or it does not hold what it should."""
    if receipt is None:
        return None
    notice_id, seq, when = receipt.get("notice_id"), receipt.get("seq"), receipt.get("deleted_at")
    deleted = receipt.get("deleted")
    if not (isinstance(notice_id, str) and isinstance(seq, int) and isinstance(when, str)):
        return None
    if not isinstance(deleted, list) or not all(isinstance(d, str) for d in deleted):
        return None
    try:
        deleted_at = datetime.fromisoformat(when)
    except ValueError:
        return None
    return DeletionReceipt(notice_id, seq, deleted_at, tuple(deleted), path)


def news_at(
    notice: Notice | None, receipt: DeletionReceipt | None, now: datetime
) -> NoticeNews | None:
    """The stage a notice is at `now`; past the deadline only once its deletion is recorded."""
    if notice is None:
        return None
    state = notice.state_at(now)
    if state is NoticeState.ANNOUNCED:
        return NoticeNews(notice, NoticeStage.ANNOUNCED)
    if state is NoticeState.SERVICE_ENDED:
        return NoticeNews(notice, NoticeStage.SERVICE_ENDED)
    if receipt is not None and (receipt.notice_id, receipt.seq) == (notice.notice_id, notice.seq):
        return NoticeNews(notice, NoticeStage.DELETION_DONE, receipt)
    return None  # the deletion failed: start-up says why, and tries again next time


class NoticeMemo:
    """What each face has shown and which rejected notice files were reported."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.warnings: list[str] = []

    @property
    def path(self) -> Path:
        return self.data_dir / MEMO_FILE

    def _load(self) -> dict[str, Any]:
        try:
            stored = read_json(self.path, kind="notice-memo")
        except CorruptFile as exc:
            self.warnings.append(f"{exc} A service notice may be shown once more.")
            return {}
        except PrivacyError as exc:
            self.warnings.append(str(exc))
            return {}
        return stored or {}

    def shown(self, face: NoticeFace) -> str | None:
        """The key of the last news `face` showed."""
        return _shown_key(self._load(), face)

    def claim(self, face: NoticeFace, news: NoticeNews) -> bool:
        """Note that `face` shows `news` now; False when it was already shown (by any process).

        Claimed before showing, so two starts at once never both show it.
        """
        ensure_data_dir(self.data_dir)
        with data_lock(self.data_dir):
            memo = self._load()
            if _shown_key(memo, face) == news.key:
                return False
            write_json(self.path, _with_shown(memo, face, news.key), kind="notice-memo")
        return True

    def claim_reports(self, digests: Iterable[str]) -> set[str]:
        """Of these rejected files' digests, those not reported before, now noted as reported."""
        wanted = list(dict.fromkeys(digests))
        if not wanted:
            return set()
        ensure_data_dir(self.data_dir)
        with data_lock(self.data_dir):
            memo = self._load()
            before = _reported(memo)
            new = [d for d in wanted if d not in before]
            if new:
                write_json(self.path, _with_reported(memo, new), kind="notice-memo")
        return set(new)


def _shown_key(memo: dict[str, Any], face: NoticeFace) -> str | None:
    shown = memo.get("shown")
    value = shown.get(face.value) if isinstance(shown, dict) else None
    return value if isinstance(value, str) else None


def _reported(memo: dict[str, Any]) -> list[str]:
    reported = memo.get("reported")
    return [d for d in reported if isinstance(d, str)] if isinstance(reported, list) else []


def _with_shown(memo: dict[str, Any], face: NoticeFace, key: str) -> dict[str, Any]:
    shown = memo.get("shown")
    shown = dict(shown) if isinstance(shown, dict) else {}
    shown[face.value] = key
    return {**memo, "shown": shown}


def _with_reported(memo: dict[str, Any], digests: list[str]) -> dict[str, Any]:
    return {**memo, "reported": (_reported(memo) + digests)[-MAX_REPORTED:]}


def unseen_news(service: PrivacyService, face: NoticeFace) -> NoticeNews | None:
    """The stage of the installed notice that `face` has not shown yet, if any."""
    receipt = parse_receipt(service.notice_receipt(), service.notice_book().receipt_path)
    news = news_at(service.notice(), receipt, service.clock())
    if news is None:
        return None
    memo = NoticeMemo(service.data_dir)
    shown = memo.shown(face)
    service.warnings.extend(w for w in memo.warnings if w not in service.warnings)
    return None if shown == news.key else news


def claim_news(service: PrivacyService, face: NoticeFace, news: NoticeNews) -> bool:
    """Note that `face` shows `news` now; False when it was shown already (show nothing then)."""
    memo = NoticeMemo(service.data_dir)
    claimed = memo.claim(face, news)
    service.warnings.extend(w for w in memo.warnings if w not in service.warnings)
    return claimed
