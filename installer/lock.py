"""The hashed lock file of the build, and the check that every dependency has wheels everywhere.

    python installer/lock.py                 # rewrite installer/requirements.lock
    python installer/lock.py --check-wheels  # the locked set downloads as wheels for Windows x64,
                                             # macOS arm64 and macOS x86_64 (hashes verified)

The lock pins pyproject.toml's runtime dependencies and its ``installer`` extra (PyInstaller)
for CPython 3.11 on four targets (Linux x86_64, Windows x64, macOS arm64 and x86_64), each
package with the sha256 of every wheel of its version, and an environment marker when only
some targets need it. ``installer/build.py`` installs it with ``--require-hashes``.

pip resolves ``--platform`` downloads with the environment markers of the machine it runs on
(so keyring's Windows-only dependency would be missed from Linux); each run below therefore
starts pip with the target's marker environment in place of this machine's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LOCK = HERE / "requirements.lock"
PYTHON_VERSION = "3.11"
INDEX = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")

# pip, started with a marker environment of our choosing (JSON in argv[1]).
_PIP_FOR_TARGET = """
import json, sys
from pip._vendor.packaging import markers
env = json.loads(sys.argv[1])
markers.default_environment = lambda: dict(env)
from pip._internal.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


@dataclass(frozen=True)
class Target:
    """A platform the packages are built for: its wheel tags and its marker environment."""

    name: str
    platforms: tuple[str, ...]
    sys_platform: str
    platform_system: str
    machine: str

    def markers(self) -> dict[str, str]:
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{PYTHON_VERSION}.0",
            "os_name": "nt" if self.sys_platform == "win32" else "posix",
            "platform_machine": self.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": self.platform_system,
            "platform_version": "",
            "python_full_version": f"{PYTHON_VERSION}.0",
            "python_version": PYTHON_VERSION,
            "sys_platform": self.sys_platform,
        }

    def marker_expression(self) -> str:
        return f"(sys_platform == {self.sys_platform!r} and platform_machine == {self.machine!r})"


_MANYLINUX = tuple(f"manylinux_2_{minor}_x86_64" for minor in range(36, 16, -1))
TARGETS = (
    Target(
        "linux-x86_64", (*_MANYLINUX, "manylinux2014_x86_64", "linux_x86_64"), "linux", "Linux",
        "x86_64",
    ),
    Target("windows-x64", ("win_amd64",), "win32", "Windows", "AMD64"),
    # macOS 14's tags: pip also accepts every older macOS tag and universal2 wheels.
    Target("macos-arm64", ("macosx_14_0_arm64",), "darwin", "Darwin", "arm64"),
    Target("macos-x86_64", ("macosx_14_0_x86_64",), "darwin", "Darwin", "x86_64"),
)
#: The targets other than this CI machine's, whose wheels --check-wheels downloads.
WHEEL_TARGETS = tuple(t for t in TARGETS if t.name != "linux-x86_64")


def project_requirements() -> list[str]:
    """pyproject.toml's runtime dependencies and its installer extra."""
    with open(REPO / "pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["installer"]]


def pip_for(target: Target, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run pip as if on `target` (its markers), with this interpreter."""
    command = [sys.executable, "-c", _PIP_FOR_TARGET, json.dumps(target.markers()), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _platform_args(target: Target) -> list[str]:
    args = ["--only-binary=:all:", "--python-version", PYTHON_VERSION, "--implementation", "cp"]
    for tag in target.platforms:
        args += ["--platform", tag]
    return args


def resolve(target: Target, requirements: Sequence[str]) -> dict[str, str]:
    """Package name -> version that pip installs for `requirements` on `target`."""
    with tempfile.TemporaryDirectory(prefix="onecleaner-lock-") as folder:
        # --target: pip takes other platforms' wheels only for a folder (nothing is written).
        args = ["install", "--dry-run", "--quiet", "--report", "-", "--target", folder]
        done = pip_for(target, [*args, *_platform_args(target), *requirements])
    if done.returncode != 0:
        raise SystemExit(f"lock.py: pip could not resolve for {target.name}:\n{done.stderr}")
    report = json.loads(done.stdout)
    return {
        canonicalize_name(item["metadata"]["name"]): item["metadata"]["version"]
        for item in report["install"]
    }


def wheel_hashes(name: str, version: str) -> list[str]:
    """The sha256 of every wheel of `name` `version` on the index (its simple JSON page)."""
    request = urllib.request.Request(
        f"{INDEX}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    hashes = set()
    for f in files:
        if not f["filename"].endswith(".whl") or f.get("yanked"):
            continue
        _name, wheel_version, _build, _tags = parse_wheel_filename(f["filename"])
        if wheel_version == Version(version) and "sha256" in f["hashes"]:
            hashes.add(f["hashes"]["sha256"])
    if not hashes:
        raise SystemExit(f"lock.py: the index has no wheel of {name} {version}")
    return sorted(hashes)


def marker_for(targets: Sequence[Target]) -> str:
    """The environment marker true on exactly `targets` (empty when that is all of them)."""
    if len(targets) == len(TARGETS):
        return ""
    parts: list[str] = []
    for platform in sorted({t.sys_platform for t in targets}):
        all_of_it = [t for t in TARGETS if t.sys_platform == platform]
        if all(t in targets for t in all_of_it):
            parts.append(f"sys_platform == {platform!r}")
        else:
            parts += [t.marker_expression() for t in targets if t.sys_platform == platform]
    return " or ".join(parts)


def render_lock(pins: dict[tuple[str, str], list[Target]], hashes: dict[str, list[str]]) -> str:
    lines = [
        "# The build's exact dependencies, each with the sha256 of every wheel of its version.",
        "# Generated by `python installer/lock.py` from pyproject.toml's dependencies and",
        f"# installer extra, for CPython {PYTHON_VERSION} on " + ", ".join(t.name for t in TARGETS),
        "# (a marker says where a pin applies). Do not edit by hand.",
        f"# python-version: {PYTHON_VERSION}",
    ]
    for (name, version), targets in sorted(pins.items()):
        marker = marker_for(targets)
        head = f"{name}=={version}" + (f" ; {marker}" if marker else "")
        lines.append(head + " \\")
        digests = hashes[f"{name}=={version}"]
        for i, digest in enumerate(digests):
            lines.append(f"    --hash=sha256:{digest}" + (" \\" if i < len(digests) - 1 else ""))
    return "\n".join(lines) + "\n"


def write_lock() -> None:
    requirements = project_requirements()
    pins: dict[tuple[str, str], list[Target]] = {}
    for target in TARGETS:
        for name, version in resolve(target, requirements).items():
            pins.setdefault((name, version), []).append(target)
        print(f"lock.py: resolved for {target.name}", flush=True)
    hashes = {f"{n}=={v}": wheel_hashes(n, v) for n, v in pins}
    LOCK.write_text(render_lock(pins, hashes), encoding="utf-8")
    print(f"lock.py: wrote {LOCK.relative_to(REPO)} ({len(pins)} pins)")


def locked(path: Path = LOCK) -> list[Requirement]:
    """The lock's requirements (hashes left out)."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(Requirement(line.split(" --hash", 1)[0].strip()))
    return out


def lock_problems(requirements: Sequence[str], path: Path = LOCK) -> list[str]:
    """How the lock fails `requirements` on each target (a pin missing or out of range)."""
    pins = locked(path)
    problems = []
    for target in TARGETS:
        env = target.markers()
        here = {
            canonicalize_name(r.name): r
            for r in pins
            if r.marker is None or r.marker.evaluate(env)
        }
        for text in [*requirements, *_extras_requirements(requirements)]:
            wanted = Requirement(text)
            if wanted.marker is not None and not wanted.marker.evaluate(env):
                continue
            pin = here.get(canonicalize_name(wanted.name))
            version = next(iter(pin.specifier)).version if pin is not None else None
            if version is None or not wanted.specifier.contains(version, prereleases=True):
                problems.append(f"{target.name}: {text} is locked as {version or 'nothing'}")
    return problems


def _extras_requirements(requirements: Sequence[str]) -> list[str]:
    """What the extras asked for bring (send2trash[nativeLib] -> pywin32 on Windows), read from
    the installed package's metadata, each with its marker for where it applies."""
    from importlib import metadata

    out = []
    for text in requirements:
        wanted = Requirement(text)
        if not wanted.extras:
            continue
        try:
            declared = metadata.requires(wanted.name) or []
        except metadata.PackageNotFoundError:
            continue  # not installed here: the lock's own resolution decided it
        for extra in wanted.extras:
            for dep in map(Requirement, declared):
                if dep.marker is None or "extra" not in str(dep.marker):
                    continue
                for target in TARGETS:
                    env = {**target.markers(), "extra": extra}
                    both = wanted.marker is None or wanted.marker.evaluate(env)
                    if both and dep.marker.evaluate(env):
                        where = f"sys_platform == '{target.sys_platform}'"
                        out.append(f"{dep.name}{dep.specifier}; {where}")
    return list(dict.fromkeys(out))


def check_wheels() -> int:
    """Download the locked set as wheels for each target (hashes verified); 1 if any fails."""
    failed = []
    for target in WHEEL_TARGETS:
        with tempfile.TemporaryDirectory(prefix="onecleaner-wheels-") as folder:
            args = ["download", "--quiet", "--require-hashes", "-r", str(LOCK), "-d", folder]
            done = pip_for(target, [*args, *_platform_args(target)])
            count = len(list(Path(folder).glob("*.whl")))
        if done.returncode != 0:
            failed.append(target.name)
            print(f"wheels: {target.name}: FAILED\n{done.stderr.strip()}", flush=True)
        else:
            print(f"wheels: {target.name}: {count} wheels, hashes match the lock", flush=True)
    if failed:
        print(f"wheels: no complete wheel set for {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check-wheels", action="store_true", help="download the locked set for each target"
    )
    args = parser.parse_args(argv)
    if args.check_wheels:
        return check_wheels()
    write_lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
