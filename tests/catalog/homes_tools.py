"""Fixture homes of the developer tools: package managers, build tools, editors and IDEs."""

from __future__ import annotations

from homes import LA, RA, Home, L, M, W, home, join, vscode

TOOLS: tuple[Home, ...] = (
    home(
        "pip.cache",
        L,
        (("~/.cache/pip/http-v2/a/b",), ("~/.local/lib/python3.11/site-packages/x.py",)),
    ),
    home(
        "pip.cache",
        W,
        ((f"{LA}/pip/Cache/http/a",), (f"{RA}/Python/Python311/site-packages/x.py",)),
    ),
    home(
        "npm.cache",
        L,
        (
            ("~/.npm/_cacache/content-v2/sha512/ab/cd",),
            ("~/.npm/_logs/x.log", "~/.npmrc", "~/proj/node_modules/a/index.js"),
        ),
    ),
    home(
        "npm.cache",
        L,
        (("~/npmc/_cacache/index-v5/a",), ("~/.npm/_cacache/kept-because-moved",)),
        npm_config_cache="{home}/npmc",
    ),
    home(
        "npm.cache",
        W,
        ((f"{LA}/npm-cache/_cacache/index-v5/a",), (f"{RA}/npm/node_modules/x/index.js",)),
    ),
    home(
        "yarn.cache",
        L,
        (
            (
                "~/.cache/yarn/v6/npm-a/x",
                "~/.yarn/berry/cache/a.zip",
                "~/.local/share/yarn/berry/cache/b.zip",
            ),
            ("~/.yarn/berry/install-state.gz", "~/.config/yarn/global/package.json"),
        ),
    ),
    home(
        "yarn.cache",
        M,
        (("~/Library/Caches/Yarn/v6/a", "~/.yarn/berry/cache/a.zip"), ("~/.yarnrc",)),
    ),
    home(
        "yarn.cache",
        W,
        (
            (f"{LA}/Yarn/Cache/v6/a", f"{LA}/Yarn/Berry/cache/a.zip"),
            (f"{LA}/Yarn/Berry/plugins/x.js",),
        ),
    ),
    home(
        "pnpm.cache",
        L,
        (
            ("~/.cache/pnpm/metadata/registry.npmjs.org/a.json",),
            ("~/.local/share/pnpm/store/v3/files/00/a",),
        ),
    ),
    home(
        "pnpm.cache",
        M,
        (("~/Library/Caches/pnpm/metadata/a.json",), ("~/Library/pnpm/store/v3/files/00/a",)),
    ),
    home(
        "pnpm.cache",
        W,
        ((f"{LA}/pnpm-cache/metadata/a.json",), (f"{LA}/pnpm/store/v3/files/00/a",)),
    ),
    home(
        "bun.cache",
        L,
        (
            ("~/.bun/install/cache/a@1.0.0/index.js",),
            ("~/.bun/bin/bun", "~/.bun/install/global/package.json"),
        ),
    ),
    home("deno.cache", L, (("~/.cache/deno/remote/https/deno.land/a",), ("~/.deno/bin/deno",))),
    home("deno.cache", M, (("~/Library/Caches/deno/gen/a",), ())),
    home(
        "uv.cache",
        L,
        (
            ("~/.cache/uv/wheels-v5/a.whl",),
            ("~/.local/share/uv/python/cpython-3.12/bin/python", "~/proj/.venv/pyvenv.cfg"),
        ),
    ),
    home("uv.cache", M, (("~/.cache/uv/archive-v0/a",), ())),
    home("uv.cache", W, ((f"{LA}/uv/cache/wheels-v5/a.whl",), (f"{RA}/uv/data/x",))),
    home(
        "poetry.cache",
        L,
        (
            ("~/.cache/pypoetry/cache/repositories/PyPI/a", "~/.cache/pypoetry/artifacts/ab/c.whl"),
            ("~/.cache/pypoetry/virtualenvs/proj-abc-py3.12/pyvenv.cfg",),
        ),
    ),
    home(
        "poetry.cache",
        M,
        (
            ("~/Library/Caches/pypoetry/artifacts/ab/c.whl",),
            ("~/Library/Caches/pypoetry/virtualenvs/p/pyvenv.cfg",),
        ),
    ),
    home(
        "poetry.cache",
        W,
        ((f"{LA}/pypoetry/Cache/cache/a",), (f"{LA}/pypoetry/Cache/virtualenvs/p/pyvenv.cfg",)),
    ),
    home(
        "composer.cache",
        L,
        (
            ("~/.cache/composer/files/a/b.zip", "~/.cache/composer/repo/packagist/a.json"),
            ("~/.config/composer/auth.json",),
        ),
    ),
    home("composer.cache", W, ((f"{LA}/Composer/files/a.zip",), (f"{RA}/Composer/auth.json",))),
    home("go.cache", L, (("~/.cache/go-build/ab/abcdef-d",), ("~/go/pkg/mod/golang.org/x/a.go",))),
    home(
        "cargo.cache",
        L,
        (
            ("~/.cargo/registry/cache/index.crates.io-abc/serde-1.0.crate",),
            ("~/.cargo/bin/cargo", "~/.cargo/config.toml", "~/.cargo/registry/index/x/config.json"),
        ),
    ),
    home(
        "gradle.cache",
        L,
        (
            ("~/.gradle/caches/modules-2/files-2.1/a/b.jar", "~/.gradle/caches/transforms-4/x"),
            ("~/.gradle/gradle.properties", "~/.gradle/wrapper/dists/gradle-8.7-bin/x.zip"),
        ),
    ),
    home(
        "gradle.cache", W, (("~/.gradle/caches/modules-2/a.jar",), ("~/.gradle/gradle.properties",))
    ),
    home(
        "maven.repository", L, (("~/.m2/repository/org/x/1.0/x-1.0.jar",), ("~/.m2/settings.xml",))
    ),
    home(
        "maven.repository", M, (("~/.m2/repository/org/x/1.0/x-1.0.pom",), ("~/.m2/settings.xml",))
    ),
    home(
        "nuget.cache",
        L,
        (
            (
                "~/.local/share/NuGet/v3-cache/abc$ps/list.json",
                "~/.local/share/NuGet/plugins-cache/x",
            ),
            ("~/.nuget/packages/newtonsoft.json/13.0.1/lib/a.dll", "~/.nuget/NuGet/NuGet.Config"),
        ),
    ),
    home(
        "nuget.cache",
        W,
        (
            (f"{LA}/NuGet/v3-cache/abc/list.json",),
            ("~/.nuget/packages/a/1.0/a.nupkg", f"{RA}/NuGet/NuGet.Config"),
        ),
    ),
    home(
        "jetbrains.cache",
        L,
        (
            ("~/.cache/JetBrains/PyCharm2024.1/caches/names.dat",),
            (
                "~/.cache/JetBrains/PyCharm2024.1/LocalHistory/changes.storageData",
                "~/.config/JetBrains/PyCharm2024.1/options/ide.general.xml",
                "~/.local/share/JetBrains/PyCharm2024.1/plugins/x.jar",
            ),
        ),
    ),
    home(
        "jetbrains.cache",
        M,
        (
            ("~/Library/Caches/JetBrains/IntelliJIdea2024.2/caches/a",),
            ("~/Library/Caches/JetBrains/IntelliJIdea2024.2/LocalHistory/changes.storageData",),
        ),
    ),
    home(
        "jetbrains.cache",
        W,
        (
            (f"{LA}/JetBrains/WebStorm2024.1/caches/a",),
            (f"{LA}/JetBrains/WebStorm2024.1/LocalHistory/x",),
        ),
    ),
    home(
        "android_studio.cache",
        L,
        (
            ("~/.cache/Google/AndroidStudio2024.1/caches/a",),
            ("~/.cache/Google/AndroidStudio2024.1/LocalHistory/x", "~/Android/Sdk/platforms/a"),
        ),
    ),
    home("vscode.cache", L, join(vscode("~/.config/Code"), vscode("~/.config/Code - Insiders"))),
    home("vscode.cache", M, vscode("~/Library/Application Support/Code")),
    home("vscode.cache", W, vscode(f"{RA}/Code")),
    home("vscodium.cache", L, vscode("~/.config/VSCodium")),
    home("vscodium.cache", M, vscode("~/Library/Application Support/VSCodium")),
    home("cursor.cache", L, vscode("~/.config/Cursor")),
    home("cursor.cache", W, vscode(f"{RA}/Cursor")),
    home("windsurf.cache", L, vscode("~/.config/Windsurf")),
    home("windsurf.cache", M, vscode("~/Library/Application Support/Windsurf")),
    home(
        "sublime_text.cache",
        L,
        (
            ("~/.cache/sublime-text/Cache/Python/a.cache",),
            (
                "~/.config/sublime-text/Packages/User/Preferences.sublime-settings",
                "~/.config/sublime-text/Local/Session.sublime_session",
            ),
        ),
    ),
    home(
        "sublime_text.cache",
        W,
        ((f"{LA}/Sublime Text/Cache/a",), (f"{RA}/Sublime Text/Packages/User/x",)),
    ),
    home("homebrew.cache", M, (("~/Library/Caches/Homebrew/downloads/a--wget.bottle.tar.gz",), ())),
    home(
        "homebrew.cache", L, (("~/.cache/Homebrew/downloads/a.tar.gz",), ("~/.linuxbrew/bin/brew",))
    ),
    home(
        "cocoapods.cache",
        M,
        (("~/Library/Caches/CocoaPods/Pods/Release/x/a.m",), ("~/.cocoapods/repos/trunk/x",)),
    ),
    home(
        "ccache.cache",
        L,
        (("~/.cache/ccache/0/a/bc.o", "~/.ccache/1/a.o"), ("~/.config/ccache/ccache.conf",)),
    ),
    home(
        "pre_commit.cache",
        L,
        (("~/.cache/pre-commit/repoabc/setup.py",), ("~/proj/.pre-commit-config.yaml",)),
    ),
    home(
        "xcode.derived_data",
        M,
        (
            ("~/Library/Developer/Xcode/DerivedData/App-abc/Build/x.o",),
            ("~/Library/Developer/Xcode/Archives/2024-01-01/App.xcarchive/Info.plist",),
        ),
    ),
)
