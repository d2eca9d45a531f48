#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every screenshot the metainfo names is a picture in
data/screenshots of the size it claims (build-aux/make-screenshots.sh makes
them from the real application), and that every picture there is named.

Usage: check-screenshots.py METAINFO_FILE SOURCE_ROOT
"""

import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = "https://raw.githubusercontent.com/gripkaart/gripkaart/main/"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main(metainfo, root):
    failures = 0
    images = ET.parse(metainfo).getroot().findall("./screenshots/screenshot/image")
    named = set()
    if not images:
        print("FAIL: the metainfo has no screenshots")
        return 1
    for image in images:
        url = image.text.strip()
        if not url.startswith(PREFIX):
            print("FAIL: %s is not a picture of the repository" % url)
            failures += 1
            continue
        path = os.path.join(root, url[len(PREFIX):])
        named.add(os.path.basename(path))
        size = png_size(path) if os.path.exists(path) else None
        want = (int(image.get("width")), int(image.get("height")))
        if size != want:
            print("FAIL: %s is %s, the metainfo says %s" % (path, size, want))
            failures += 1
        else:
            print("ok: %s" % path)
    for name in os.listdir(os.path.join(root, "data", "screenshots")):
        if name not in named:
            print("FAIL: data/screenshots/%s is not in the metainfo" % name)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
