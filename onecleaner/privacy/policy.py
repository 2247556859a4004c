"""The shipped privacy policy: its texts (English, Simplified Chinese), version and hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from onecleaner.privacy.errors import PrivacyError
from onecleaner.resources import resource

LANGUAGES = ("en", "zh_CN")


class PolicyUnavailable(PrivacyError):
    """The shipped policy texts or their version file are missing or malformed (a packaging bug)."""


@dataclass(frozen=True, slots=True)
class Policy:
    """One version of the privacy policy: consent is given to exactly this version."""

    version: str
    effective: str
    sha256: str  # of the English text as shipped, which is the authoritative one
    texts: dict[str, str]  # language -> text

    def text(self, language: str = "en") -> str:
        """The policy in `language` (en, zh_CN); English when that language is not shipped."""
        if language.startswith("zh"):
            language = "zh_CN"
        return self.texts.get(language) or self.texts["en"]


def policy_dir() -> Path:
    """The shipped policy folder (resources/policy)."""
    return resource("policy")


def load_policy(folder: Path | None = None) -> Policy:
    """Read the policy texts and version; the recorded hash must match the English text.

    The hash check is what keeps a silent edit of the text from being shipped under an old
    version number: consent records name the version and hash the user agreed to.
    """
    folder = policy_dir() if folder is None else folder
    try:
        meta = json.loads((folder / "version.json").read_text(encoding="utf-8"))
        version = str(meta["version"])
        effective = str(meta.get("effective", ""))
        files = meta["texts"]
        raw = {lang: (folder / str(files[lang])).read_bytes() for lang in LANGUAGES}
        recorded = str(meta["sha256"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PolicyUnavailable(f"the privacy policy in {folder} cannot be read: {exc}") from exc
    digest = hashlib.sha256(raw["en"]).hexdigest()
    if digest != recorded:
        raise PolicyUnavailable(
            f"the privacy policy text in {folder} does not match its version file "
            f"(sha256 {digest}, recorded {recorded}): bump the version and record the new hash"
        )
    try:
        texts = {lang: data.decode("utf-8") for lang, data in raw.items()}
    except UnicodeDecodeError as exc:
        raise PolicyUnavailable(f"the privacy policy in {folder} is not UTF-8: {exc}") from exc
    return Policy(version=version, effective=effective, sha256=digest, texts=texts)
