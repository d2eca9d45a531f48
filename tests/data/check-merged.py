#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the built desktop file and metainfo carry the Dutch
translation, i.e. that i18n.merge_file really merged po/nl.po into them
(a missing POTFILES entry or a broken catalog leaves them English only).

Usage: check-merged.py DESKTOP_FILE METAINFO_FILE
"""

import configparser
import sys
import xml.etree.ElementTree as ET

LANG = "{http://www.w3.org/XML/1998/namespace}lang"

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def check_desktop(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    for key in ("GenericName", "Comment", "Keywords"):
        translated = entry.get(key + "[nl]")
        check(bool(translated) and translated != entry.get(key),
              "desktop file has a Dutch %s" % key)
    check(entry.get("Keywords[nl]", "").endswith(";"), "Dutch keywords end with a semicolon")
    check("veranderopgave" in entry.get("Keywords[nl]", ""),
          "Dutch keywords use the glossary (veranderopgave)")


def check_metainfo(path):
    root = ET.parse(path).getroot()
    summaries = root.findall("summary")
    check(any(s.get(LANG) == "nl" for s in summaries), "metainfo has a Dutch summary")
    description = root.find("description")
    english = [e for e in description.iter() if e.tag in ("p", "li") and e.get(LANG) is None]
    dutch = [e for e in description.iter() if e.tag in ("p", "li") and e.get(LANG) == "nl"]
    check(len(english) > 0 and len(dutch) == len(english),
          "every description paragraph and item is translated (%d of %d)"
          % (len(dutch), len(english)))
    check(root.find("name").get(LANG) is None and len(root.findall("name")) == 1,
          "the name Gripkaart is not translated")


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    check_desktop(argv[1])
    check_metainfo(argv[2])
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
