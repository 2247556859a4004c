"""The large, old and artefact finders, their plans and the re-checked clean, on real trees."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from engine_kit import FakeProbe, app, catalog, env, target
from finder_kit import as_unprivileged, bind_mount, chown_tree, shared_folder

import onecleaner.engine.finders.clean as clean_module
import onecleaner.engine.treewalk as walk_module
from onecleaner.engine.env import Environment
from onecleaner.engine.errors import PlanFileError
from onecleaner.engine.finders.artefacts import find_artefacts
from onecleaner.engine.finders.clean import clean_found
from onecleaner.engine.finders.errors import FolderRefused, NotAFolder
from onecleaner.engine.finders.files import find_large, find_old
from onecleaner.engine.finders.found import FinderKind, Findings, Unticked, Why
from onecleaner.engine.finders.search import DAY
from onecleaner.engine.model import DeleteMode, Plan, PlanEntry, Progress, TargetPlan
from onecleaner.engine.planfile import load_plan, save_plan
from onecleaner.engine.reasons import SkipCode

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX trees and trash")

LATER = 400 * DAY  # "now" this far ahead: every file made by the test is old


def data(path: Path, size: int = 5000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(size))
    return path


def trashed(home: Path) -> set[str]:
    files = home / ".local" / "share" / "Trash" / "files"
    return {p.name for p in files.iterdir()} if files.exists() else set()


def paths(found: Findings, *, ticked: bool | None = None) -> set[str]:
    return {c.path for c in found.candidates if ticked is None or c.ticked is ticked}


def codes(found: Findings | object) -> dict[str, SkipCode]:
    return {s.path: s.reason.code for s in found.skipped}  # type: ignore[attr-defined]


def clean(plan: Plan, **kw: object) -> object:
    kw.setdefault("probe", FakeProbe())
    return clean_found(plan, env(), catalog=catalog(), **kw)  # type: ignore[arg-type]


# -- large -------------------------------------------------------------------------------------


def test_large_lists_the_files_taking_most_space_by_allocated_blocks(isolated_home: Path) -> None:
    big = data(isolated_home / "Videos" / "film.mkv", 900_000)
    mid = data(isolated_home / "Documents" / "report.pdf", 300_000)
    data(isolated_home / "notes.txt", 2_000)
    hole = isolated_home / "vm.img"
    with open(hole, "wb") as fh:  # 1 GiB apparent, nothing allocated: frees nothing
        fh.truncate(2**30)
    found = find_large(str(isolated_home), env(), count=2, probe=FakeProbe())

    assert [c.path for c in found.candidates] == [str(big), str(mid)]
    assert all(c.ticked and c.why is Why.LARGE and c.files == 1 for c in found.candidates)
    assert found.candidates[0].bytes == big.stat().st_blocks * 512
    assert found.folders == (str(isolated_home),)
    assert found.plan().targets[0].target_id == "find:large"


def test_large_count_zero_lists_nothing_and_a_big_count_lists_every_file(
    isolated_home: Path,
) -> None:
    made = {str(data(isolated_home / f"f{n}", 10_000 * (n + 1))) for n in range(5)}
    assert find_large(str(isolated_home), env(), count=0, probe=FakeProbe()).candidates == ()
    found = find_large(str(isolated_home), env(), count=1000, probe=FakeProbe())
    assert paths(found) == made
    sizes = [c.bytes for c in found.candidates]
    assert sizes == sorted(sizes, reverse=True)


def test_large_min_size_and_hidden_folders_listed_unticked(isolated_home: Path) -> None:
    cached = data(isolated_home / ".cache" / "app" / "blob", 400_000)
    photo = data(isolated_home / "Pictures" / "p.raw", 200_000)
    data(isolated_home / "small", 20_000)
    found = find_large(str(isolated_home), env(), min_bytes=100_000, probe=FakeProbe())

    assert paths(found) == {str(cached), str(photo)}
    assert paths(found, ticked=True) == {str(photo)}
    hidden = next(c for c in found.candidates if c.path == str(cached))
    assert hidden.unticked is Unticked.HIDDEN
    assert {e.path for e in found.plan().targets[0].entries} == {str(photo)}


def test_finders_never_look_inside_version_control_or_follow_links_or_cross_mounts(
    isolated_home: Path, tmp_path: Path
) -> None:
    project = isolated_home / "code" / "app"
    data(project / ".git" / "objects" / "pack" / "huge.pack", 800_000)
    data(project / ".hg" / "store" / "data", 700_000)
    data(project / "node_modules" / "x" / ".svn" / "wc.db", 600_000)
    (project / "package.json").write_text("{}")
    outside = data(tmp_path / "outside" / "enormous", 900_000)
    (isolated_home / "link-out").symlink_to(outside.parent)
    (isolated_home / "file-link").symlink_to(outside)
    keep = data(isolated_home / "mine.bin", 100_000)
    elsewhere = tmp_path / "elsewhere"
    data(elsewhere / "mounted-big", 950_000)
    with bind_mount(elsewhere, isolated_home / "mnt"):
        large = find_large(str(isolated_home), env(), probe=FakeProbe())
        arts = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)

    assert paths(large) == {str(keep), str(project / "package.json")}
    assert codes(large)[str(isolated_home / "mnt")] is SkipCode.MOUNT_POINT
    # node_modules holding a .svn folder is somebody's checkout, not build output.
    assert arts.candidates == ()
    assert codes(arts)[str(project / "node_modules")] is SkipCode.HOLDS_VCS


def test_open_files_and_running_applications_places_are_left_alone(isolated_home: Path) -> None:
    held = data(isolated_home / "held.iso", 500_000)
    browser_cache = isolated_home / ".cache" / "browser"
    data(browser_cache / "big", 600_000)
    free = data(isolated_home / "free.iso", 400_000)
    browser = app("browser", "Browser", [target("browser.cache", browser_cache)], ["browser"])
    probe = FakeProbe(running={"browser": (42,)}, open_files=[held])

    found = find_large(str(isolated_home), env(), catalog=catalog(browser), probe=probe)
    assert paths(found) == {str(free)}
    assert codes(found)[str(held)] is SkipCode.IN_USE
    assert codes(found)[str(browser_cache)] is SkipCode.APP_RUNNING


def test_folders_the_cleaner_refuses_are_refused_but_the_home_and_its_folders_are_searchable(
    isolated_home: Path, data_dir: Path, sysroot: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    for refused in ("/", str(sysroot / "usr"), str(data_dir), str(isolated_home.parent)):
        if refused != "/":
            Path(refused).mkdir(parents=True, exist_ok=True)
        with pytest.raises(FolderRefused):
            find_large(refused, env(), probe=FakeProbe(), data_dir=data_dir)
    never = isolated_home / "Private"
    never.mkdir()
    with pytest.raises(FolderRefused, match="cannot be searched"):
        find_large(str(never), env(), probe=FakeProbe(), never_touch=[str(never)])
    with pytest.raises(NotAFolder):
        find_large(str(isolated_home / "missing"), env(), probe=FakeProbe())
    # Inside a user's folder, another never-touch place still refuses.
    kept = isolated_home / "Downloads" / "kept"
    kept.mkdir(parents=True)
    with pytest.raises(FolderRefused, match="never-touch"):
        find_large(str(kept), env(), probe=FakeProbe(), never_touch=[str(kept)])
    docs = isolated_home / "Documents"
    data(docs / "thesis.pdf", 50_000)
    assert paths(find_large(str(docs), env(), probe=FakeProbe())) == {str(docs / "thesis.pdf")}
    # Below an allowed folder, the data folder and a never-touch folder are not entered.
    inside = data(never / "keep.bin", 300_000)
    found = find_large(str(isolated_home), env(), probe=FakeProbe(), never_touch=[str(never)])
    assert str(inside) not in paths(found)


# -- old ---------------------------------------------------------------------------------------


def test_old_searches_downloads_and_desktop_and_installers_after_30_days(
    isolated_home: Path,
) -> None:
    downloads = isolated_home / "Downloads"
    setup = data(downloads / "tools" / "Setup.EXE")
    image = data(downloads / "distro.iso")
    paper = data(downloads / "paper.pdf")
    note = data(isolated_home / "Desktop" / "note.txt")
    desk_installer = data(isolated_home / "Desktop" / "app.dmg")
    data(isolated_home / "Documents" / "old.odt")  # not searched by default

    month = find_old(None, env(), probe=FakeProbe(), now=time.time() + 40 * DAY)
    assert paths(month) == {str(setup), str(image)}
    assert {c.why for c in month.candidates} == {Why.INSTALLER}
    assert month.folders == (str(downloads), str(isolated_home / "Desktop"))

    kept = find_old(None, env(), probe=FakeProbe(), never_touch=[str(downloads)],
                    now=time.time() + 40 * DAY)  # fmt: skip
    assert kept.candidates == () and codes(kept)[str(downloads)] is SkipCode.REFUSED_INTO

    year = find_old(None, env(), probe=FakeProbe(), now=time.time() + LATER)
    assert paths(year) == {str(setup), str(image), str(paper), str(note), str(desk_installer)}
    assert all(c.ticked for c in year.candidates)
    assert find_old(None, env(), probe=FakeProbe()).candidates == ()  # all used today


def test_old_uses_the_newest_of_modified_opened_and_changed(isolated_home: Path) -> None:
    downloads = isolated_home / "Downloads"
    touched = data(downloads / "read-yesterday.pdf")
    long_ago = time.time() - 300 * DAY
    os.utime(touched, (time.time() - DAY, long_ago))  # opened yesterday, modified long ago
    found = find_old(None, env(), probe=FakeProbe(), now=time.time() + 100 * DAY)
    assert found.candidates == ()  # opened 101 days before "now": not old at 180
    # ctime cannot be set back: a file changed (chmod) "now" is recent whatever its mtime.
    os.utime(touched, (long_ago, long_ago))
    assert find_old(None, env(), probe=FakeProbe()).candidates == ()


def test_old_in_a_chosen_folder_and_its_plan_goes_to_the_trash_leaving_the_folders(
    isolated_home: Path,
) -> None:
    archive = isolated_home / "Documents" / "archive"
    one = data(archive / "2019" / "a.doc")
    two = data(archive / "b.doc")
    found = find_old([str(archive)], env(), probe=FakeProbe(), now=time.time() + LATER)
    assert paths(found) == {str(one), str(two)}

    result = clean(found.plan())  # the default for user files: the trash
    assert result.mode is DeleteMode.TRASH  # type: ignore[attr-defined]
    assert result.files == 2 and not result.skipped  # type: ignore[attr-defined]
    assert trashed(isolated_home) == {"a.doc", "b.doc"}
    # The folders stay, even emptied: a user's folder is never removed by a finder.
    assert (archive / "2019").is_dir() and (isolated_home / "Documents").is_dir()


# -- artefacts ---------------------------------------------------------------------------------


def project(root: Path, marker: str, artefact: str, *, files: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / marker).write_text("marker")
    for n in range(files):
        data(root / artefact / "pkg" / f"f{n}.bin", 20_000)
    return root / artefact


def test_each_artefact_rule_needs_its_marker(isolated_home: Path) -> None:
    code = isolated_home / "code"
    listed = {
        project(code / "js", "package.json", "node_modules"),
        project(code / "next", "package.json", ".next"),
        project(code / "rust", "Cargo.toml", "target"),
        project(code / "maven", "pom.xml", "target"),
        project(code / "gradle", "build.gradle.kts", "build"),
        project(code / "gradle", "build.gradle.kts", ".gradle"),
        project(code / "py", "pyproject.toml", "dist"),
        project(code / "py2", "setup.py", "dist"),
        project(code / "cs", "App.csproj", "bin"),
        project(code / "cs", "App.csproj", "obj"),
        project(code / "py", "pyproject.toml", ".tox"),
        project(code / "py", "pyproject.toml", ".pytest_cache"),
    }
    venv = code / "py" / ".venv"
    data(venv / "pyvenv.cfg", 100)
    data(venv / "lib" / "site.py", 20_000)
    listed.add(venv)
    plain_venv = code / "tool" / "venv"
    data(plain_venv / "pyvenv.cfg", 100)
    listed.add(plain_venv)
    # The same names without their marker are somebody's folders.
    not_listed = [
        project(code / "docs", "README.md", "target"),
        project(code / "site", "index.html", "dist"),
        project(code / "cmake", "CMakeLists.txt", "build"),
        project(code / "misc", "notes.txt", "bin"),
        project(code / "misc2", "notes.txt", "node_modules"),
        project(code / "env", "requirements.txt", "venv"),
    ]
    data(isolated_home / ".gradle" / "gradle.properties", 500)  # the home's own: never
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)

    assert paths(found) == {str(p) for p in listed}
    assert not set(map(str, not_listed)) & paths(found)
    rust = next(c for c in found.candidates if c.path == str(code / "rust" / "target"))
    assert rust.rule == "target" and rust.project == str(code / "rust") and rust.files == 3


def test_pycache_keeps_anything_but_compiled_files(isolated_home: Path) -> None:
    pkg = isolated_home / "code" / "lib" / "pkg"
    compiled = data(pkg / "__pycache__" / "mod.cpython-311.pyc", 30_000)
    stray = data(pkg / "__pycache__" / "my-notes.txt", 1_000)
    (isolated_home / "code" / "lib" / "pyproject.toml").write_text("")
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)

    (cand,) = found.candidates
    assert cand.project == str(isolated_home / "code" / "lib")  # the nearest project above
    assert [e.path for e in cand.entries] == [str(compiled)]
    result = clean(found.plan())
    assert result.files == 1  # type: ignore[attr-defined]
    assert not compiled.exists() and stray.exists()


def test_nested_projects_are_listed_each_with_its_own_last_change(isolated_home: Path) -> None:
    outer = isolated_home / "code" / "mono"
    outer_nm = project(outer, "package.json", "node_modules")
    inner = outer / "packages" / "web"
    inner_nm = project(inner, "package.json", "node_modules")
    # A project inside node_modules is part of that artefact, not another candidate.
    project(outer_nm / "dep", "package.json", "node_modules")
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)

    assert paths(found) == {str(outer_nm), str(inner_nm)}
    by_path = {c.path: c for c in found.candidates}
    assert by_path[str(inner_nm)].project == str(inner)
    assert by_path[str(outer_nm)].project == str(outer)
    assert by_path[str(outer_nm)].files == 7  # its own 3, the dependency's package.json and 3


def test_artefacts_of_recently_changed_projects_are_unticked(isolated_home: Path) -> None:
    code = isolated_home / "code"
    fresh = project(code / "fresh", "package.json", "node_modules")
    stale = project(code / "stale", "Cargo.toml", "target")
    now = time.time()
    for p in (code / "stale").rglob("*"):
        os.utime(p, (now - 90 * DAY, now - 90 * DAY), follow_symlinks=False)
    # Ten days on: fresh's files were made "today", stale's are as recent as their ctime.
    found = find_artefacts(str(code), env(), probe=FakeProbe(), now=now + 10 * DAY)
    assert paths(found, ticked=False) == {str(fresh), str(stale)}  # ctime is today for both
    assert {c.unticked for c in found.candidates} == {Unticked.RECENT_PROJECT}

    later = find_artefacts(str(code), env(), probe=FakeProbe(), now=now + 31 * DAY)
    assert paths(later, ticked=True) == {str(fresh), str(stale)}
    shorter = find_artefacts(str(code), env(), probe=FakeProbe(), now=now + 10 * DAY,
                             recent_days=5)  # fmt: skip
    assert paths(shorter, ticked=True) == {str(fresh), str(stale)}
    assert {e.path for e in later.plan().targets[0].entries} == {
        str(p) for p in (fresh.rglob("*")) if p.is_file()
    } | {str(p) for p in stale.rglob("*") if p.is_file()}


def test_an_interrupted_search_ticks_no_artefact(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(4):
        project(isolated_home / "code" / f"p{n}", "package.json", "node_modules", files=1)
    cancel = threading.Event()

    def stop_soon(p: Progress) -> None:
        if p.files >= 4:
            cancel.set()

    monkeypatch.setattr(walk_module, "PROGRESS_EVERY", 0.0)
    found = find_artefacts(
        str(isolated_home),
        env(),
        probe=FakeProbe(),
        now=time.time() + LATER,
        progress=stop_soon,
        cancel=cancel,
    )
    assert found.cancelled and found.candidates
    assert {c.unticked for c in found.candidates} == {Unticked.INTERRUPTED}
    assert found.plan().files == 0


def test_a_build_touching_only_its_output_does_not_make_the_project_recent(
    isolated_home: Path,
) -> None:
    proj = isolated_home / "code" / "p"
    nm = project(proj, "package.json", "node_modules")
    # Everything made now; look from 60 days on, with one artefact file "used" at that time.
    now = time.time() + 60 * DAY
    os.utime(nm / "pkg" / "f0.bin", (now, now))
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=now)
    assert paths(found, ticked=True) == {str(nm)}
    os.utime(proj / "package.json", (now, now))  # the project's own file: it counts
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=now)
    assert paths(found, ticked=False) == {str(nm)}


def test_a_users_folder_is_never_build_output(isolated_home: Path) -> None:
    code = isolated_home / "code" / "app"
    (code / "build.gradle").parent.mkdir(parents=True)
    (code / "build.gradle").write_text("")
    data(code / "build" / "report.odt", 10_000)
    (isolated_home / ".config" / "user-dirs.dirs").write_text(
        f'XDG_DOCUMENTS_DIR="{code / "build"}"\n'
    )
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)
    assert found.candidates == ()


def test_an_artefact_is_removed_whole_and_permanently_its_project_stays(
    isolated_home: Path,
) -> None:
    proj = isolated_home / "code" / "p"
    nm = project(proj, "package.json", "node_modules")
    (nm / "empty" / "deeper").mkdir(parents=True)  # folders with no file at all go too
    (nm / ".bin").mkdir()
    (nm / ".bin" / "tool").symlink_to("../pkg/f0.bin")
    src = data(proj / "src" / "index.js", 1_000)
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)

    result = clean(found.plan())
    assert result.mode is DeleteMode.PERMANENT  # type: ignore[attr-defined]
    assert result.files == 4 and not result.skipped  # type: ignore[attr-defined]
    assert not nm.exists()
    assert src.exists() and (proj / "package.json").exists()
    assert trashed(isolated_home) == set()


def test_hard_links_to_files_outside_free_nothing_and_the_outside_file_survives(
    isolated_home: Path, tmp_path: Path
) -> None:
    store = data(tmp_path / "store" / "lib.js", 200_000)  # like pnpm's content store
    proj = isolated_home / "code" / "p"
    nm = project(proj, "package.json", "node_modules", files=1)
    os.link(store, nm / "lib.js")
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)
    (cand,) = found.candidates
    assert cand.files == 2
    assert cand.bytes == (nm / "pkg" / "f0.bin").stat().st_blocks * 512  # the link frees 0
    clean(found.plan())
    assert not nm.exists() and store.read_bytes()


# -- the re-checked clean ----------------------------------------------------------------------


def test_a_file_changed_or_replaced_after_find_is_skipped_and_kept(isolated_home: Path) -> None:
    downloads = isolated_home / "Downloads"
    changed = data(downloads / "changed.iso", 100_000)
    replaced = data(downloads / "replaced.iso", 100_000)
    gone = data(downloads / "gone.iso", 100_000)
    same = data(downloads / "same.iso", 100_000)
    found = find_old(None, env(), probe=FakeProbe(), now=time.time() + LATER)
    assert len(found.candidates) == 4

    with open(changed, "ab") as fh:
        fh.write(b"new data")
    replaced.unlink()
    data(replaced, 100_000)
    gone.unlink()
    result = clean(found.plan(), mode=DeleteMode.PERMANENT)

    assert result.files == 1 and not same.exists()  # type: ignore[attr-defined]
    assert changed.exists() and replaced.exists()
    assert codes(result) == {
        str(changed): SkipCode.CHANGED,
        str(replaced): SkipCode.CHANGED,
        str(gone): SkipCode.GONE,
    }


def test_at_clean_open_files_never_touch_folders_and_swapped_folders_keep_their_files(
    isolated_home: Path, tmp_path: Path
) -> None:
    base = isolated_home / "Downloads"
    held = data(base / "held.iso", 100_000)
    private = data(base / "private" / "a.iso", 100_000)
    moved = data(base / "moved" / "b.iso", 100_000)
    found = find_old(None, env(), probe=FakeProbe(), now=time.time() + LATER)
    assert len(found.candidates) == 3

    outside = tmp_path / "outside"
    outside.mkdir()
    decoy = data(outside / "b.iso", 100_000)
    (base / "moved").rename(tmp_path / "moved-away")
    (base / "moved").symlink_to(outside)  # the folder swapped for a link after find
    result = clean(
        found.plan(),
        probe=FakeProbe(open_files=[held]),
        never_touch=[str(base / "private")],
        mode=DeleteMode.PERMANENT,
    )
    assert result.files == 0  # type: ignore[attr-defined]
    assert held.exists() and private.exists() and decoy.exists()
    assert (tmp_path / "moved-away" / "b.iso").exists()
    reasons = codes(result)
    assert reasons[str(held)] is SkipCode.IN_USE
    assert reasons[str(private)] is SkipCode.PROTECTED
    assert reasons[str(moved)] in (SkipCode.PATH_SWAPPED, SkipCode.CHANGED)


def test_an_artefact_whose_marker_went_away_is_not_removed(isolated_home: Path) -> None:
    proj = isolated_home / "code" / "p"
    target_dir = project(proj, "Cargo.toml", "target")
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)
    (proj / "Cargo.toml").unlink()
    result = clean(found.plan())
    assert result.files == 0 and target_dir.is_dir()  # type: ignore[attr-defined]
    assert codes(result) == {str(target_dir): SkipCode.NOT_ARTEFACT}


def test_a_new_file_in_an_artefact_after_find_keeps_it(isolated_home: Path) -> None:
    nm = project(isolated_home / "p", "package.json", "node_modules")
    found = find_artefacts(str(isolated_home), env(), probe=FakeProbe(), now=time.time() + LATER)
    late = data(nm / "pkg" / "written-after.bin", 100)
    clean(found.plan())
    assert late.exists() and [p.name for p in nm.rglob("*")] == ["pkg", "written-after.bin"]


def test_the_home_and_the_users_folders_are_never_removed_even_when_emptied(
    isolated_home: Path,
) -> None:
    only = data(isolated_home / "Documents" / "only.bin", 400_000)
    found = find_large(str(isolated_home), env(), count=1, probe=FakeProbe())
    assert paths(found) == {str(only)}
    result = clean(found.plan(), mode=DeleteMode.PERMANENT)
    assert result.files == 1  # type: ignore[attr-defined]
    assert (isolated_home / "Documents").is_dir() and isolated_home.is_dir()


def test_the_windows_removal_of_emptied_folders_removes_only_empty_real_folders(
    tmp_path: Path,
) -> None:
    root = tmp_path / "node_modules"
    (root / "a" / "b").mkdir(parents=True)
    kept = data(root / "c" / "left.txt", 10)
    outside = tmp_path / "outside"
    (outside / "empty").mkdir(parents=True)
    (root / "link").symlink_to(outside)
    assert clean_module._remove_empty_by_path(str(root)) == 2  # a/b, then a
    assert sorted(p.name for p in root.iterdir()) == ["c", "link"]
    assert kept.exists() and (outside / "empty").is_dir()


# -- plans -------------------------------------------------------------------------------------


def test_a_finder_plan_saves_only_the_ticked_and_loads_back_verified(
    isolated_home: Path, data_dir: Path, tmp_path: Path
) -> None:
    code = isolated_home / "code"
    old_nm = project(code / "old", "package.json", "node_modules")
    keep_nm = project(code / "keep", "package.json", "node_modules")
    found = find_artefacts(str(code), env(), probe=FakeProbe(), now=time.time() + LATER)
    chosen = found.retick(untick=[str(code / "keep")])
    assert paths(chosen, ticked=True) == {str(old_nm)}

    saved = tmp_path / "plan.json"
    save_plan(chosen.plan(), saved, data_dir=data_dir)
    loaded = load_plan(saved, catalog=catalog(), env=env(), data_dir=data_dir)
    assert loaded == chosen.plan()
    assert {e.root for e in loaded.targets[0].entries} == {str(old_nm)}

    result = clean(loaded)
    assert not old_nm.exists() and keep_nm.is_dir()
    assert result.files == 3  # type: ignore[attr-defined]


def test_a_finder_plan_reaching_where_finders_may_not_is_refused_at_load(
    isolated_home: Path, data_dir: Path, tmp_path: Path
) -> None:
    f = data(isolated_home / "Downloads" / "x.iso")
    found = find_old(None, env(), probe=FakeProbe(), now=time.time() + LATER)
    (entry,) = found.plan().targets[0].entries
    saved = tmp_path / "plan.json"

    def refused(plan: Plan, match: str) -> None:
        save_plan(plan, saved, data_dir=data_dir)  # signed: only the places are wrong
        with pytest.raises(PlanFileError, match=match):
            load_plan(saved, catalog=catalog(), env=env(), data_dir=data_dir)

    def with_entry(e: PlanEntry, roots: tuple[str, ...]) -> Plan:
        return Plan((TargetPlan("find:old", roots, (e,)),), found.os, found.created_at)

    escaped = PlanEntry("/etc/passwd", entry.root, "find:old", entry.kind, entry.identity, 0)
    refused(with_entry(escaped, (entry.root,)), "not inside")
    dotted = PlanEntry(f"{entry.root}/../x", entry.root, "find:old", entry.kind,
                       entry.identity, 0)  # fmt: skip
    refused(with_entry(dotted, (entry.root,)), "not inside")
    vcs = PlanEntry(f"{entry.root}/.git/config", entry.root, "find:old", entry.kind,
                    entry.identity, 0)  # fmt: skip
    refused(with_entry(vcs, (entry.root,)), "version-control")
    system = PlanEntry("/usr/bin/env", "/usr", "find:old", entry.kind, entry.identity, 0)
    refused(with_entry(system, ("/usr",)), "cannot be searched")
    assert f.exists()


def test_mode_defaults_follow_the_finder() -> None:
    assert FinderKind.LARGE.default_mode is DeleteMode.TRASH
    assert FinderKind.OLD.default_mode is DeleteMode.TRASH
    assert FinderKind.ARTEFACTS.default_mode is DeleteMode.PERMANENT
    assert FinderKind.of_target("find:large") is FinderKind.LARGE
    assert FinderKind.of_target("system.cache") is None
    assert FinderKind.of_target("find:nothing") is None


# -- unreadable folders (a real permission check: run as nobody when root) ---------------------


def test_an_unreadable_folder_is_reported_and_its_project_left_unticked() -> None:
    with shared_folder() as base:
        home = base / "home"
        proj = home / "code" / "p"
        nm = project(proj, "package.json", "node_modules")
        data(proj / "locked" / "secret.txt", 100)
        big = data(home / "big.bin", 300_000)
        chown_tree(home)
        (proj / "locked").chmod(0o000)
        probe = FakeProbe()
        environment = Environment(
            os=env().os, home=str(home), vars={}, uid=65534 if os.geteuid() == 0 else os.getuid()
        )

        def run() -> tuple[Findings, Findings]:
            later = time.time() + LATER
            return (
                find_artefacts(str(home), environment, probe=probe, now=later),
                find_large(str(home), environment, probe=probe),
            )

        arts, large = as_unprivileged(run)

    (cand,) = arts.candidates
    assert cand.path == str(nm) and not cand.ticked
    assert cand.unticked is Unticked.PROJECT_UNREADABLE  # its last change is unknown
    assert codes(arts) == {str(proj / "locked"): SkipCode.PERMISSION_DENIED}
    assert str(big) in paths(large)
    assert codes(large) == {str(proj / "locked"): SkipCode.PERMISSION_DENIED}
