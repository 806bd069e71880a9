#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No arrow upward: each source file includes only headers of its own layer
or of layers below it (README.md, "Where things live").

  core    src/core/           GLib only: no GTK, nothing of the app or the CLI
  cli     src/cli/            the core, nothing of the app
  model   the lesson and what it holds (MODEL below): the core and itself
  views   the rest of src/app/ but the window: no window, application or settings
  window  bp-window*, bp-application, bp-settings, main.c: anything below

Speaks TAP, one line per file.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)

MODEL = {
    'bp-lesson', 'bp-lesson-session', 'bp-person-item', 'bp-race', 'bp-run',
    'bp-run-list', 'bp-undo-stack', 'bp-palette', 'bp-format', 'bp-name-list',
}
WINDOW_ONLY = re.compile(r'^bp-(window.*|application|settings)\.h$')


def headers(directory):
    return {f for f in os.listdir(os.path.join(ROOT, directory)) if f.endswith('.h')}


CORE = headers('src/core')
CLI = headers('src/cli')
APP = headers('src/app')


def stem(name):
    return os.path.splitext(name)[0]


def problem(layer, included):
    """Why @layer may not include @included, or None."""
    if layer == 'core':
        if included.startswith('gtk/') or included.startswith('gdk/'):
            return 'GTK in the core'
        if included in APP | CLI:
            return 'the app or the CLI in the core'
    elif layer == 'cli':
        if included in APP or included.startswith('gtk/'):
            return 'the app in the CLI'
    elif layer == 'model':
        if included in APP and stem(included) not in MODEL:
            return 'a view or the window in the lesson model'
    elif layer == 'views':
        if WINDOW_ONLY.match(included):
            return 'the window in a view'
    return None


def files():
    for directory, layer_of in (('src/core', lambda n: 'core'),
                                ('src/cli', lambda n: 'cli'),
                                ('src/app', app_layer)):
        for name in sorted(os.listdir(os.path.join(ROOT, directory))):
            if name.endswith(('.c', '.h')):
                yield os.path.join(directory, name), layer_of(name)


def app_layer(name):
    if stem(name) in MODEL:
        return 'model'
    if WINDOW_ONLY.match(stem(name) + '.h') or name == 'main.c':
        return 'window'
    return 'views'


def main():
    checked = list(files())
    failed = 0
    print('1..%d' % len(checked))
    for number, (path, layer) in enumerate(checked, 1):
        with open(os.path.join(ROOT, path), encoding='utf-8') as f:
            wrong = [(inc, why) for inc in INCLUDE.findall(f.read())
                     if (why := problem(layer, inc)) is not None]
        if wrong:
            failed += 1
            print('not ok %d %s (%s)' % (number, path, layer))
            for inc, why in wrong:
                print('# %s includes %s: %s' % (path, inc, why))
        else:
            print('ok %d %s (%s)' % (number, path, layer))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
