#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fail when a language of po/LINGUAS lacks a translation, or has a fuzzy
# one, for a message of a freshly extracted template; and the same for the
# guide's pages (data/help/C) and the languages of data/help/LINGUAS.
#
#   check-complete.sh SOURCE_ROOT DOMAIN
#
# Exit 77 (skipped) when BACKPROP_SKIP_PO_COMPLETE=1.
set -eu

if [ "${BACKPROP_SKIP_PO_COMPLETE:-}" = 1 ]; then
  echo "BACKPROP_SKIP_PO_COMPLETE=1: not checking the catalogues"
  exit 77
fi

top=$1 domain=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The keywords of Meson's glib preset, which builds the real template; the
# template goes to a scratch directory so the test leaves po/ untouched.
(cd "$top" && xgettext --files-from=po/POTFILES.in --from-code=UTF-8 \
   --add-comments --package-name="$domain" \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
   --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
   --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
   --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
   --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
   --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
   --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
   --output="$work/$domain.pot")

# The entries of a PO file on standard input, less its header entry.
without_header () {
  awk -v RS= '!/(^|\n)msgid ""\nmsgstr ""\n"/ { print; print "" }'
}

failed=0

# check_language LANG PO POT: PO, merged with POT, translates every message.
check_language () {
  lang=$1 po=$2 pot=$3
  merged="$work/merged.po"
  msgmerge --quiet --output-file="$merged" "$po" "$pot"
  stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$merged" 2>&1) || {
    echo "$lang: msgfmt --check failed:"
    echo "$stats"
    failed=1
    return
  }
  echo "$lang: $stats"
  todo=$( (msgattrib --untranslated --no-obsolete "$merged"
           msgattrib --only-fuzzy --no-obsolete "$merged") | without_header)
  if [ -n "$todo" ]; then
    echo "$lang: untranslated or fuzzy messages:"
    echo "$todo"
    failed=1
  fi
}

# LINGUAS may name several languages on one line: split on words.
# shellcheck disable=SC2013
for lang in $(sed -e 's/#.*//' "$top/po/LINGUAS"); do
  check_language "$lang" "$top/po/$lang.po" "$work/$domain.pot"
done

# The guide's template, as gnome.yelp() extracts it.
if command -v itstool >/dev/null; then
  (cd "$top/data/help" && itstool --output="$work/help.pot" C/*.page)
  # shellcheck disable=SC2013
  for lang in $(sed -e 's/#.*//' "$top/data/help/LINGUAS"); do
    check_language "help $lang" "$top/data/help/$lang/$lang.po" "$work/help.pot"
  done
else
  echo "itstool is not installed: the guide's translations are not checked"
  failed=1
fi

exit $failed
