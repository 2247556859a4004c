"""Fixture homes of the desktop applications and the system's own targets."""

from __future__ import annotations

from homes import CONTAINERS, LA, RA, Home, L, M, W, chromium, electron, home, join

APPS: tuple[Home, ...] = (
    home(
        "discord.cache", L, join(electron("~/.config/discord"), electron("~/.config/discordcanary"))
    ),
    home("discord.cache", M, electron("~/Library/Application Support/discord")),
    home("discord.cache", W, electron(f"{RA}/discord")),
    home("slack.cache", L, electron("~/.config/Slack")),
    home(
        "slack.cache",
        M,
        join(
            electron("~/Library/Application Support/Slack"),
            electron(
                f"{CONTAINERS}/com.tinyspeck.slackmacgap/Data/Library/Application Support/Slack"
            ),
        ),
    ),
    home("slack.cache", W, electron(f"{RA}/Slack")),
    home(
        "microsoft_teams.cache",
        M,
        join(
            electron("~/Library/Application Support/Microsoft/Teams"),
            (
                ("~/Library/Containers/com.microsoft.teams2/Data/Library/Caches/x",),
                (
                    f"{CONTAINERS}/com.microsoft.teams2/Data/Library/Application Support"
                    "/Microsoft/MSTeams/Backgrounds/Uploads/me.png",
                ),
            ),
        ),
    ),
    home(
        "microsoft_teams.cache",
        W,
        join(
            electron(f"{RA}/Microsoft/Teams"),
            chromium(
                f"{LA}/Packages/MSTeams_8wekyb3d8bbwe/LocalCache/Microsoft/MSTeams/EBWebView",
                ("WV2Profile_tfw",),
            ),
            (
                (),
                (
                    f"{LA}/Packages/MSTeams_8wekyb3d8bbwe/LocalCache/Microsoft/MSTeams/Backgrounds/Uploads/me.png",
                ),
            ),
        ),
    ),
    home(
        "zoom.cache",
        L,
        (
            ("~/.cache/zoom/a", "~/snap/zoom-client/common/.cache/b"),
            ("~/.zoom/data/zoomus.enc.db", "~/Documents/Zoom/2024-01-01 Meeting/zoom_0.mp4"),
        ),
    ),
    home(
        "zoom.cache",
        W,
        (
            (
                f"{RA}/Zoom/data/ConfAvatar/a.png",
                f"{RA}/Zoom/data/WebviewCache/u1/ZoomApps/x/CefWebView/Cache/Cache_Data/f",
            ),
            (f"{RA}/Zoom/data/zoomus.enc.db", "~/Documents/Zoom/meeting/zoom_0.mp4"),
        ),
    ),
    home(
        "zoom.logs", L, (("~/.zoom/logs/zoom_stdout_stderr.log",), ("~/.zoom/data/zoomus.enc.db",))
    ),
    home(
        "zoom.logs",
        M,
        (("~/Library/Logs/zoom.us/a.log",), ("~/Library/Application Support/zoom.us/data/x.db",)),
    ),
    home(
        "telegram.cache",
        L,
        (
            (
                "~/.local/share/TelegramDesktop/tdata/user_data/cache/0/ab",
                "~/.local/share/TelegramDesktop/tdata/user_data/media_cache/1/x",
                "~/.local/share/TelegramDesktop/tdata/user_data#2/cache/0/cd",
            ),
            (
                "~/.local/share/TelegramDesktop/tdata/key_datas",
                "~/.local/share/TelegramDesktop/tdata/D877F783D5D3EF8C/maps",
                "~/.local/share/TelegramDesktop/tdata/settingss",
                "~/Downloads/Telegram Desktop/photo.jpg",
            ),
        ),
    ),
    home(
        "telegram.cache",
        W,
        (
            (f"{RA}/Telegram Desktop/tdata/user_data/cache/0/ab",),
            (f"{RA}/Telegram Desktop/tdata/key_datas", "~/Downloads/Telegram Desktop/doc.pdf"),
        ),
    ),
    home(
        "spotify.cache",
        L,
        (
            ("~/.cache/spotify/Data/ab/abc.file", "~/.cache/spotify/Browser/Cache/x"),
            ("~/.cache/spotify/Storage/ab/offline-song.file", "~/.config/spotify/prefs"),
        ),
    ),
    home(
        "spotify.cache",
        M,
        (
            ("~/Library/Caches/com.spotify.client/Data/ab/x.file",),
            (
                "~/Library/Caches/com.spotify.client/Storage/ab/offline.file",
                "~/Library/Application Support/Spotify/prefs",
            ),
        ),
    ),
    home(
        "spotify.cache",
        W,
        (
            (f"{LA}/Spotify/Data/ab/x.file", f"{LA}/Spotify/Browser/Cache/y"),
            (f"{LA}/Spotify/Storage/ab/offline.file", f"{RA}/Spotify/prefs"),
        ),
    ),
    home(
        "steam.cache",
        L,
        (
            (
                "~/.local/share/Steam/appcache/httpcache/ab/cd",
                "~/.local/share/Steam/depotcache/1_manifest",
                "~/.local/share/Steam/config/htmlcache/Cache/x",
            ),
            (
                "~/.local/share/Steam/steamapps/common/Game/game.exe",
                "~/.local/share/Steam/userdata/1/7/remote/save.dat",
                "~/.local/share/Steam/config/config.vdf",
                "~/.local/share/Steam/steamapps/shadercache/70/x",
            ),
        ),
    ),
    home(
        "steam.cache",
        W,
        (
            (f"{LA}/Steam/htmlcache/Cache/x",),
            (
                # Program Files is a system folder: never cleaned, even Steam's caches there.
                "C:/Program Files (x86)/Steam/appcache/httpcache/ab/cd",
                "C:/Program Files (x86)/Steam/steamapps/common/Game/game.exe",
                "C:/Program Files (x86)/Steam/userdata/1/7/remote/save.dat",
            ),
        ),
    ),
    home(
        "steam.shader_cache",
        L,
        (
            ("~/.local/share/Steam/steamapps/shadercache/70/fozpipelinesv6/a.foz",),
            (
                "~/.local/share/Steam/steamapps/common/Game/game.exe",
                "~/.local/share/Steam/steamapps/compatdata/70/pfx/user.reg",
            ),
        ),
    ),
    home(
        "signal.cache",
        L,
        join(
            electron("~/.config/Signal"),
            ((), ("~/.config/Signal/attachments.noindex/ab/x", "~/.config/Signal/sql/db.sqlite")),
        ),
    ),
    home("signal.cache", M, electron("~/Library/Application Support/Signal")),
    home("signal.cache", W, electron(f"{RA}/Signal")),
    home(
        "obsidian.cache",
        L,
        join(
            electron("~/.config/obsidian"), ((), ("~/Notes/.obsidian/app.json", "~/Notes/idea.md"))
        ),
    ),
    home("obsidian.cache", M, electron("~/Library/Application Support/obsidian")),
    home("element.cache", L, electron("~/.config/Element")),
    home("element.cache", W, electron(f"{RA}/Element")),
    home("postman.cache", L, electron("~/.config/Postman")),
    home("postman.cache", W, electron(f"{RA}/Postman")),
    home(
        "dropbox.cache",
        L,
        (
            ("~/Dropbox/.dropbox.cache/2024-01-01/x",),
            ("~/Dropbox/Work/report.docx", "~/.dropbox/instance1/config.dbx"),
        ),
    ),
    home(
        "dropbox.cache", W, (("~/Dropbox/.dropbox.cache/old/x",), ("~/Dropbox/Work/report.docx",))
    ),
    home(
        "microsoft_office.web_cache",
        W,
        (
            (
                f"{LA}/Microsoft/Office/16.0/WebServiceCache/AllUsers/a",
                f"{LA}/Microsoft/Office/16.0/BackstageInAppNavCache/b",
            ),
            (
                f"{LA}/Microsoft/Office/16.0/OfficeFileCache/FSD-1.FSD",
                f"{RA}/Microsoft/Templates/Normal.dotm",
                "~/Documents/report.docx",
            ),
        ),
    ),
    home(
        "microsoft_office.web_cache",
        M,
        (
            ("~/Library/Containers/com.microsoft.Word/Data/Library/Caches/a",),
            ("~/Library/Containers/com.microsoft.Word/Data/Library/Preferences/x.plist",),
        ),
    ),
    home(
        "wps_office.cache",
        W,
        (
            (
                f"{LA}/Kingsoft/WPS Office/cache/http_1/a.png",
                f"{LA}/Kingsoft/WPS Cloud Files/UserData/Default/WebCache/http_2/b",
            ),
            (f"{RA}/kingsoft/office6/backup/report.docx.bak", "~/Documents/WPS Cloud Files/x.docx"),
        ),
    ),
    home(
        "wechat.logs",
        W,
        (
            (f"{RA}/Tencent/WeChat/Log/a.xlog",),
            (
                "~/Documents/WeChat Files/wxid_abc/Msg/MSG0.db",
                "~/Documents/WeChat Files/wxid_abc/FileStorage/File/a.pdf",
                f"{RA}/Tencent/WeChat/All Users/config/config.data",
            ),
        ),
    ),
    home(
        "qq.logs",
        W,
        (
            (f"{RA}/Tencent/Logs/a.log",),
            (
                "~/Documents/Tencent Files/12345/Msg3.0.db",
                "~/Documents/Tencent Files/12345/FileRecv/a.zip",
            ),
        ),
    ),
    home(
        "thumbnails.cache",
        L,
        (
            (
                "~/.cache/thumbnails/normal/ab.png",
                "~/.cache/thumbnails/large/cd.png",
                "~/.thumbnails/normal/old.png",
            ),
            ("~/Pictures/holiday.png",),
        ),
    ),
    home(
        "system.cache",
        L,
        (
            ("~/.cache/someapp/a",),
            (
                "~/.cache/wallpaper/bg.png",
                "~/.cache/gnome-control-center/x",
                "~/.cache/drkonqi/y",
                "~/.cache/JetBrains/PyCharm2024.1/LocalHistory/changes.storageData",
                "~/.cache/ibus/bus/x",
                "~/.cache/mesa_shader_cache/index",
            ),
        ),
    ),
    home(
        "system.cache",
        M,
        (
            ("~/Library/Caches/com.example.app/a",),
            (
                "~/Library/Caches/CloudKit/x",
                "~/Library/Caches/JetBrains/IdeaIC2024.1/LocalHistory/x",
            ),
        ),
    ),
    home(
        "windows.shader_cache",
        W,
        (
            (
                f"{LA}/D3DSCache/ab/x.idx",
                f"{LA}/NVIDIA/DXCache/a",
                f"{LA}/NVIDIA/GLCache/b",
                f"{LA}/AMD/VkCache/c",
                "~/AppData/LocalLow/Intel/ShaderCache/d",
            ),
            (f"{LA}/NVIDIA Corporation/GeForce Experience/settings.json",),
        ),
    ),
)
