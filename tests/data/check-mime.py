#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the MIME type of project files end to end.

shared-mime-info ships no schema to validate against, so the package is
compiled with update-mime-database into a private tree (which rejects what it
cannot parse) and GIO is asked what it makes of real files:

- a project file (SQLite with application_id "GRIP") is recognised by its
  content alone, even when a sync client renamed it;
- any *.gripkaart name is recognised by its extension;
- an ordinary SQLite database is NOT taken for a project file.

Usage: check-mime.py UPDATE_MIME_DATABASE GIO MIME_XML
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MIME_TYPE = "application/x-gripkaart"
APPLICATION_ID = 0x47524950  # "GRIP", as GK_APPLICATION_ID in src/core/storage/gk-schema.h
NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)
    return condition


def check_package_xml(path):
    root = ET.parse(path).getroot()
    types = root.findall(NS + "mime-type")
    check(len(types) == 1 and types[0].get("type") == MIME_TYPE,
          "the package defines exactly %s" % MIME_TYPE)
    mime = types[0]
    comments = mime.findall(NS + "comment")
    untranslated = [c for c in comments
                    if "{http://www.w3.org/XML/1998/namespace}lang" not in c.attrib]
    check(len(untranslated) == 1 and untranslated[0].text, "it has one untranslated comment")
    check(any(c.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl" for c in comments),
          "the comment is translated to Dutch (merged from po/nl.po)")
    parents = [s.get("type") for s in mime.findall(NS + "sub-class-of")]
    check(parents == ["application/vnd.sqlite3"], "it is a subclass of application/vnd.sqlite3")
    check([g.get("pattern") for g in mime.findall(NS + "glob")] == ["*.gripkaart"],
          "its glob is *.gripkaart")
    check(mime.find(NS + "generic-icon") is not None, "it names a generic icon")


def mime_env(data_dir):
    """An environment that finds our private MIME tree first, then the
    system's (so that the parent type application/vnd.sqlite3 is known)."""
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = data_dir
    env["XDG_DATA_DIRS"] = data_dir + ":" + os.environ.get("XDG_DATA_DIRS",
                                                           "/usr/local/share:/usr/share")
    return env


def compile_database(update_mime_database, xml_path, data_dir):
    packages = os.path.join(data_dir, "mime", "packages")
    os.makedirs(packages)
    shutil.copy(xml_path, os.path.join(packages, "io.github.gripkaart.Gripkaart.xml"))
    result = subprocess.run([update_mime_database, os.path.join(data_dir, "mime")],
                            capture_output=True, text=True, env=mime_env(data_dir))
    check(result.returncode == 0, "update-mime-database accepts the package")
    # It reports unknown elements and bad attributes as warnings, but still
    # succeeds: any output at all means something in the package is wrong.
    check(result.stderr.strip() == "" and result.stdout.strip() == "",
          "update-mime-database has no complaints%s" % (
              "" if not result.stderr.strip() else ": " + result.stderr.strip()))
    with open(os.path.join(data_dir, "mime", "globs2"), encoding="utf-8") as f:
        check(any(line.strip().endswith(MIME_TYPE + ":*.gripkaart") for line in f),
              "globs2 maps *.gripkaart to %s" % MIME_TYPE)
    with open(os.path.join(data_dir, "mime", "magic"), "rb") as f:
        magic = f.read()
    check(b"[80:" + MIME_TYPE.encode() + b"]" in magic, "magic has a priority 80 rule")
    check(b"SQLite format 3\x00" in magic and b"GRIP" in magic,
          "magic matches the SQLite header and the GRIP application id")


def make_sqlite(path, application_id):
    db = sqlite3.connect(path)
    try:
        if application_id is not None:
            db.execute("PRAGMA application_id = %d" % application_id)
        db.execute("CREATE TABLE t (x)")
        db.commit()
    finally:
        db.close()


def content_type(gio, path, data_dir):
    result = subprocess.run([gio, "info", "--attributes=standard::content-type", path],
                            capture_output=True, text=True, env=mime_env(data_dir))
    for line in result.stdout.splitlines():
        key, _, value = line.strip().partition(": ")
        if key == "standard::content-type":
            return value
    return "(gio failed: %s)" % result.stderr.strip()


def check_detection(gio, work, data_dir):
    project = os.path.join(work, "Veranderopgave Jeugd (conflict copy 2026-11-22)")
    make_sqlite(project, APPLICATION_ID)
    with open(project, "rb") as f:
        header = f.read(72)
    check(header[68:72] == b"GRIP", "SQLite stores application_id big-endian at byte 68")
    detected = content_type(gio, project, data_dir)
    check(detected == MIME_TYPE,
          "a project file without extension is %s (got %s)" % (MIME_TYPE, detected))

    named = os.path.join(work, "programma.gripkaart")
    make_sqlite(named, APPLICATION_ID)
    detected = content_type(gio, named, data_dir)
    check(detected == MIME_TYPE, "programma.gripkaart is %s (got %s)" % (MIME_TYPE, detected))

    other = os.path.join(work, "other-database")
    make_sqlite(other, None)
    detected = content_type(gio, other, data_dir)
    check(detected != MIME_TYPE,
          "an ordinary SQLite database is not taken for a project (got %s)" % detected)

    wrong_id = os.path.join(work, "other-app-database")
    make_sqlite(wrong_id, 0x47524951)
    detected = content_type(gio, wrong_id, data_dir)
    check(detected != MIME_TYPE,
          "an SQLite database of another application is not a project (got %s)" % detected)


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    update_mime_database, gio, xml_path = argv[1:]
    check_package_xml(xml_path)
    with tempfile.TemporaryDirectory(prefix="gripkaart-mime-") as work:
        data_dir = os.path.join(work, "share")
        compile_database(update_mime_database, xml_path, data_dir)
        check_detection(gio, work, data_dir)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
