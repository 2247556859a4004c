"""The CLI counts feature use only under `usage` consent, and journals unexpected errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onecleaner.cli import main
from onecleaner.privacy.consent import Purpose, Way
from onecleaner.privacy.service import PrivacyService


def _usage_features(data_dir: Path) -> dict[str, object]:
    export = data_dir.parent / "export.json"
    assert main(["privacy", "export", str(export)]) == 0
    document = json.loads(export.read_text(encoding="utf-8"))
    counters = document["identifiers"]["usage_counters"]
    assert isinstance(counters, dict)
    return counters


def test_no_usage_is_counted_without_consent(data_dir: Path) -> None:
    assert main(["list", "--json"]) == 0
    assert not data_dir.exists(), "a fresh install without consent must keep nothing"


def test_usage_is_counted_once_granted(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    PrivacyService(data_dir).grant(Purpose.USAGE, Way.CLI)
    assert main(["list", "--json"]) == 0
    assert main(["privacy", "consent"]) == 0
    capsys.readouterr()
    features = _usage_features(data_dir)
    assert "list" in features
    assert "privacy.consent" in features


def test_an_unexpected_error_is_reported_and_journalled_minimally(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from onecleaner.cli import clean_cmds

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("boom at /home/someone/secret")

    PrivacyService(data_dir).grant(Purpose.HISTORY, Way.CLI)
    monkeypatch.setattr(clean_cmds, "run_list", broken)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert "internal error (RuntimeError)" in err
    records = PrivacyService(data_dir).log_records(None)
    errors = [r for r in records if r.kind == "error"]
    assert errors, "the error was not journalled"
    assert "secret" not in errors[-1].text  # minimal form: no free text without diagnostics
