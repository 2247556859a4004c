"""Fixture homes of the browsers and mail: the Chromium family, the Firefox family, Safari."""

from __future__ import annotations

from homes import LA, RA, Home, L, M, W, chromium, gecko, home, join

BROWSERS: tuple[Home, ...] = (
    home(
        "google_chrome.cache",
        L,
        join(
            chromium(
                "~/.config/google-chrome",
                ("Default", "Profile 1", "Guest Profile", "System Profile"),
            ),
            chromium("~/.config/google-chrome-beta"),
            chromium("~/.var/app/com.google.Chrome/config/google-chrome", ("Default",)),
            (
                ("~/.cache/google-chrome/Default/Cache/Cache_Data/data_0",),
                ("~/.config/other-app/Cache/x",),
            ),
        ),
    ),
    home(
        "google_chrome.cache",
        L,
        join(
            chromium("~/chrome-home/google-chrome", ("Default",)),
            ((), ("~/.config/google-chrome/Default/Cookies",)),
        ),
        CHROME_CONFIG_HOME="{home}/chrome-home",
    ),
    home(
        "google_chrome.cache",
        M,
        join(
            chromium("~/Library/Application Support/Google/Chrome"),
            chromium("~/Library/Application Support/Google/Chrome Canary", ("Default",)),
            (("~/Library/Caches/Google/Chrome/Default/Cache/Cache_Data/f_1",), ()),
        ),
    ),
    home(
        "google_chrome.cache",
        W,
        join(
            chromium(f"{LA}/Google/Chrome/User Data"),
            chromium(f"{LA}/Google/Chrome SxS/User Data", ("Default",)),
        ),
    ),
    home(
        "chromium.cache",
        L,
        join(
            chromium("~/.config/chromium", ("Default", "Profile 3")),
            chromium("~/snap/chromium/common/chromium", ("Default",)),
            (
                (
                    "~/.cache/chromium/Default/Cache/Cache_Data/data_0",
                    "~/snap/chromium/common/.cache/chromium/Default/Cache/x",
                ),
                (),
            ),
        ),
    ),
    home("chromium.cache", M, chromium("~/Library/Application Support/Chromium")),
    home("chromium.cache", W, chromium(f"{LA}/Chromium/User Data")),
    home(
        "microsoft_edge.cache",
        L,
        join(
            chromium("~/.config/microsoft-edge"),
            chromium("~/.config/microsoft-edge-dev", ("Default",)),
            (("~/.cache/microsoft-edge/Default/Cache/Cache_Data/data_0",), ()),
        ),
    ),
    home("microsoft_edge.cache", M, chromium("~/Library/Application Support/Microsoft Edge Beta")),
    home(
        "microsoft_edge.cache",
        W,
        join(
            chromium(f"{LA}/Microsoft/Edge/User Data"),
            chromium(f"{LA}/Microsoft/Edge SxS/User Data", ("Default",)),
        ),
    ),
    home(
        "brave.cache",
        L,
        join(
            chromium("~/.config/BraveSoftware/Brave-Browser"),
            chromium("~/.config/BraveSoftware/Brave-Browser-Nightly", ("Default",)),
            chromium("~/snap/brave/current/.config/BraveSoftware/Brave-Browser", ("Default",)),
            (("~/.cache/BraveSoftware/Brave-Browser/Default/Cache/x",), ()),
        ),
    ),
    home(
        "brave.cache", M, chromium("~/Library/Application Support/BraveSoftware/Brave-Browser-Beta")
    ),
    home("brave.cache", W, chromium(f"{LA}/BraveSoftware/Brave-Browser/User Data")),
    home(
        "opera.cache",
        L,
        join(
            chromium("~/.config/opera", ("Default", "_side_profiles/abc")),
            (
                ("~/.config/opera/Cache/Cache_Data/f_1", "~/.cache/opera/Cache/Cache_Data/x"),
                (
                    "~/.config/opera/Cookies",
                    "~/.config/opera/History",
                    "~/.config/opera/Preferences",
                ),
            ),
        ),
    ),
    home(
        "opera.cache",
        M,
        chromium("~/Library/Application Support/com.operasoftware.OperaGX", ("Default",)),
    ),
    home(
        "opera.cache",
        W,
        join(
            (
                (
                    "~/AppData/Roaming/Opera Software/Opera Stable/GPUCache/data_0",
                    f"{LA}/Opera Software/Opera Stable/Cache/Cache_Data/f_1",
                    f"{LA}/Opera Software/Opera GX Stable/Default/Cache/Cache_Data/f_2",
                ),
                (
                    f"{RA}/Opera Software/Opera Stable/Cookies",
                    f"{RA}/Opera Software/Opera Stable/History",
                    f"{RA}/Opera Software/Opera Stable/Local Storage/leveldb/LOG",
                    f"{RA}/Opera Software/Opera GX Stable/Default/Login Data",
                ),
            ),
        ),
    ),
    home(
        "vivaldi.cache",
        L,
        join(
            chromium("~/.config/vivaldi"),
            chromium("~/.config/vivaldi-snapshot", ("Default",)),
            (("~/.cache/vivaldi/Default/Cache/x",), ()),
        ),
    ),
    home("vivaldi.cache", M, chromium("~/Library/Application Support/Vivaldi")),
    home("vivaldi.cache", W, chromium(f"{LA}/Vivaldi/User Data")),
    home("secure_browser_360.cache", W, chromium(f"{RA}/360se6/User Data")),
    home("qq_browser.cache", W, chromium(f"{LA}/Tencent/QQBrowser/User Data")),
    home(
        "firefox.cache",
        L,
        join(
            gecko(
                "~/.config/mozilla/firefox/2kzaz12s.default-esr",
                "~/.cache/mozilla/firefox/2kzaz12s.default-esr",
            ),
            gecko(
                "~/.mozilla/firefox/ab12.default-release",
                "~/.cache/mozilla/firefox/ab12.default-release",
            ),
            gecko(
                "~/snap/firefox/common/.mozilla/firefox/x1.default",
                "~/snap/firefox/common/.cache/mozilla/firefox/x1.default",
            ),
        ),
    ),
    home(
        "firefox.cache",
        M,
        gecko(
            "~/Library/Application Support/Firefox/Profiles/ab12.default-release",
            "~/Library/Caches/Firefox/Profiles/ab12.default-release",
        ),
    ),
    home(
        "firefox.cache",
        W,
        join(
            gecko(
                f"{RA}/Mozilla/Firefox/Profiles/ab12.default-release",
                f"{LA}/Mozilla/Firefox/Profiles/ab12.default-release",
            ),
            gecko(
                f"{LA}/Packages/Mozilla.Firefox_n80bbvh6b1yt2/LocalCache/Roaming/Mozilla/Firefox/Profiles/st.default",
                f"{LA}/Packages/Mozilla.Firefox_n80bbvh6b1yt2/LocalCache/Local/Mozilla/Firefox/Profiles/st.default",
            ),
        ),
    ),
    home(
        "librewolf.cache",
        L,
        join(gecko("~/.librewolf/lw.default-default", "~/.cache/librewolf/lw.default-default")),
    ),
    home(
        "librewolf.cache",
        M,
        gecko(
            "~/Library/Application Support/LibreWolf/Profiles/lw.default",
            "~/Library/Caches/LibreWolf/Profiles/lw.default",
        ),
    ),
    home(
        "librewolf.cache",
        W,
        gecko(f"{RA}/librewolf/Profiles/lw.default", f"{LA}/librewolf/Profiles/lw.default"),
    ),
    home("waterfox.cache", L, gecko("~/.waterfox/wf.default", "~/.cache/waterfox/wf.default")),
    home(
        "waterfox.cache",
        M,
        gecko(
            "~/Library/Application Support/Waterfox/Profiles/wf.default",
            "~/Library/Caches/Waterfox/Profiles/wf.default",
        ),
    ),
    home(
        "waterfox.cache",
        W,
        gecko(f"{RA}/Waterfox/Profiles/wf.default", f"{LA}/Waterfox/Profiles/wf.default"),
    ),
    home("zen.cache", L, gecko("~/.zen/zz.Default (release)", "~/.cache/zen/zz.Default (release)")),
    home(
        "zen.cache",
        M,
        gecko(
            "~/Library/Application Support/zen/Profiles/zz.Default (release)",
            "~/Library/Caches/zen/Profiles/zz.Default (release)",
        ),
    ),
    home("zen.cache", W, gecko(f"{RA}/Zen/Profiles/zz.default", f"{LA}/Zen/Profiles/zz.default")),
    home(
        "thunderbird.cache",
        L,
        (
            (
                "~/.cache/thunderbird/tb.default/cache2/entries/A",
                "~/.thunderbird/tb.default/Cache/x",
                "~/.thunderbird/tb.default/shader-cache/0",
            ),
            (
                "~/.thunderbird/tb.default/Mail/Local Folders/Inbox",
                "~/.thunderbird/tb.default/ImapMail/imap.x/INBOX",
                "~/.thunderbird/tb.default/abook.sqlite",
                "~/.thunderbird/tb.default/prefs.js",
                "~/.thunderbird/tb.default/calendar-data/local.sqlite",
            ),
        ),
    ),
    home(
        "thunderbird.cache",
        M,
        (
            ("~/Library/Caches/Thunderbird/Profiles/tb.default/cache2/entries/A",),
            (
                "~/Library/Thunderbird/Profiles/tb.default/Mail/Local Folders/Inbox",
                "~/Library/Thunderbird/Profiles/tb.default/abook.sqlite",
            ),
        ),
    ),
    home(
        "thunderbird.cache",
        W,
        (
            (
                f"{LA}/Thunderbird/Profiles/tb.default/cache2/entries/A",
                f"{RA}/Thunderbird/Profiles/tb.default/shader-cache/0",
            ),
            (
                f"{RA}/Thunderbird/Profiles/tb.default/ImapMail/imap.x/INBOX",
                f"{RA}/Thunderbird/Profiles/tb.default/prefs.js",
            ),
        ),
    ),
    home(
        "safari.cache",
        M,
        (
            (
                "~/Library/Caches/com.apple.Safari/Cache.db",
                "~/Library/Containers/com.apple.Safari/Data/Library/Caches/com.apple.Safari/x",
            ),
            (
                "~/Library/Containers/com.apple.Safari/Data/Library/Caches/CloudKit/Assets/a",
                "~/Library/Safari/History.db",
                "~/Library/Safari/Bookmarks.plist",
                "~/Library/Containers/com.apple.Safari/Data/Library/Safari/x",
            ),
        ),
    ),
)
