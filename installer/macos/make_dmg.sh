#!/bin/sh
# Build "ONE Cleaner.app" and pack it into a drag-to-Applications DMG (run on macOS).
#
#   installer/macos/make_dmg.sh            -> dist/ONE-Cleaner-<version>.dmg
#
# Optional signing and notarisation (needed for Gatekeeper on other Macs):
#   CODESIGN_IDENTITY="Developer ID Application: ..."   sign the app (hardened runtime)
#   NOTARY_PROFILE=<keychain profile of `xcrun notarytool store-credentials`>   notarise + staple
set -eu

cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python3}"

"$PYTHON" installer/build.py
VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
APP="dist/ONE Cleaner.app"
DMG="dist/ONE-Cleaner-$VERSION.dmg"
STAGE="build/dmg"

[ -d "$APP" ] || { echo "make_dmg.sh: $APP was not built" >&2; exit 1; }

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict "$APP"
fi

# The DMG window shows the app beside a link to /Applications: drag one onto the other.
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "ONE Cleaner" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "make_dmg.sh: $DMG"
