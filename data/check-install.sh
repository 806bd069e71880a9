#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install the build into a scratch DESTDIR and check that the desktop
# integration files land where desktops look for them, translated.
#
#   check-install.sh MESON BUILD_ROOT PREFIX DATADIR BINDIR LOCALEDIR APP_ID
set -eu

meson=$1 build_root=$2 prefix=$3 datadir=$4 bindir=$5 localedir=$6 app_id=$7

destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

# Meson options are relative to the prefix unless given absolute.
under_prefix () {
  case $1 in
    /*) printf '%s%s\n' "$destdir" "$1" ;;
    *) printf '%s%s/%s\n' "$destdir" "$prefix" "$1" ;;
  esac
}

# DESTDIR set: Meson skips the post-install cache updates.
"$meson" install -C "$build_root" --destdir "$destdir" --no-rebuild --quiet

share=$(under_prefix "$datadir")
bin=$(under_prefix "$bindir")
locale=$(under_prefix "$localedir")
failed=0

expect () {
  if [ -f "$1" ]; then
    echo "ok: ${1#"$destdir"}"
  else
    echo "MISSING: ${1#"$destdir"}"
    failed=1
  fi
}

# expect_line FILE PATTERN: the installed FILE has a line matching PATTERN.
expect_line () {
  if [ -f "$1" ] && grep -q -- "$2" "$1"; then
    echo "ok: ${1#"$destdir"} has $2"
  else
    echo "WRONG: ${1#"$destdir"} lacks $2"
    failed=1
  fi
}

expect "$bin/backprop"
expect "$bin/backprop-cli"
expect "$share/applications/$app_id.desktop"
expect "$share/metainfo/$app_id.metainfo.xml"
expect "$share/mime/packages/$app_id.xml"
expect "$share/glib-2.0/schemas/$app_id.gschema.xml"
expect "$share/icons/hicolor/scalable/apps/$app_id.svg"
expect "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$locale/zh_CN/LC_MESSAGES/backprop.mo"
# The guide, where help viewers look for help:APP_ID, in Chinese too.
expect "$share/help/C/$app_id/index.page"
expect "$share/help/zh_CN/$app_id/index.page"

expect_line "$share/applications/$app_id.desktop" '^Name\[zh_CN\]='
expect_line "$share/applications/$app_id.desktop" '^Comment\[zh_CN\]='
expect_line "$share/metainfo/$app_id.metainfo.xml" 'xml:lang="zh_CN"'
expect_line "$share/mime/packages/$app_id.xml" 'xml:lang="zh_CN"'
expect_line "$share/help/zh_CN/$app_id/index.page" '<title>Backprop 帮助</title>'

# Nothing half-built or generated for the build tree only is installed.
stray=$(find "$destdir" -name '*.in' -o -name '*.pot' -o -name gschemas.compiled)
if [ -n "$stray" ]; then
  echo "STRAY: $stray"
  failed=1
fi

# What the skipped post-install steps would make of the installed files.
if command -v update-mime-database >/dev/null; then
  update-mime-database "$share/mime"
  expect_line "$share/mime/globs2" ':application/x-backprop:\*\.backprop'
fi
if command -v glib-compile-schemas >/dev/null; then
  glib-compile-schemas --strict --targetdir="$destdir" "$share/glib-2.0/schemas" \
    && echo "ok: the installed schema compiles" \
    || failed=1
fi

exit $failed
