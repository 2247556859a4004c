"""The catalog as a whole: how many applications `list` shows, that every rule names its
source, that applications name their processes, and that each has a fixture home."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from homes import all_homes

from onecleaner.cli import main
from onecleaner.engine.catalog import Catalog, load_catalog
from onecleaner.engine.model import OS
from onecleaner.resources import resources_dir

# Command-line tools and the operating system's own targets: nothing long-running to detect
# (a file such a tool holds open is skipped by the clean's per-file check).
NO_PROCESS = {
    "system", "thumbnails", "windows", "pip", "npm", "yarn", "pnpm", "bun", "deno", "uv",
    "poetry", "composer", "go", "cargo", "gradle", "maven", "nuget", "ccache", "homebrew",
    "cocoapods", "pre_commit",
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts the Linux list")
def test_list_shows_at_least_45_applications(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["targets"]
    apps = {row["id"].split(".", 1)[0] for row in rows}
    assert len(apps) >= 45, sorted(apps)
    assert {"discord", "steam", "vscode", "jetbrains", "telegram", "librewolf"} <= apps


def test_every_rule_names_its_source() -> None:
    """Each [[target.paths.<os>]] table opens with a comment naming where its paths come from."""
    missing = []
    for path in sorted((resources_dir() / "cleaners").glob("*.toml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if not line.startswith("[[target.paths."):
                continue
            comment = []
            for following in lines[number:]:
                if not following.startswith("#"):
                    break
                comment.append(following)
            if not re.search(r"Source: \S|observed: \S", " ".join(comment)):
                missing.append(f"{path.name}:{number}")
    assert missing == []


def test_applications_name_their_processes_on_each_of_their_systems(shipped: Catalog) -> None:
    for app in shipped.applications:
        systems = {os_ for t in app.targets for os_ in OS if t.exists_on(os_)}
        if app.id in NO_PROCESS:
            assert not any(app.processes.values()), app.id
            continue
        for os_ in systems:
            assert app.processes.get(os_), (app.id, os_.value)


def test_every_application_has_a_fixture_home(shipped: Catalog) -> None:
    with_home = {h.target.split(".", 1)[0] for h in all_homes()}
    assert sorted({a.id for a in shipped.applications} - with_home) == []
    # Each home names a real target, on an OS where it exists.
    for home in all_homes():
        assert shipped.target(home.target).exists_on(home.os), home.id


def test_risky_targets_say_what_is_lost(shipped: Catalog) -> None:
    """A care target's description tells the user what they lose (Gradle, Maven, Steam...)."""
    for target_id, words in {
        "gradle.cache": "offline",
        "maven.repository": "mvn install",
        "steam.shader_cache": "stutter",
    }.items():
        target = shipped.target(target_id)
        assert target.risk.value == "care" and words in target.description, target_id
    assert not shipped.in_preset("gradle.cache") and not shipped.in_preset("maven.repository")


def test_the_readme_counts_the_applications_it_claims(shipped: Catalog) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    claim = re.search(r"The catalog covers (\d+) applications .*?: (\d+) on Linux\)", readme, re.S)
    assert claim, "README lost its catalog summary"
    linux = {t.app_id for t in shipped.targets_for(OS.LINUX)}
    assert (int(claim[1]), int(claim[2])) == (len(shipped.applications), len(linux))
