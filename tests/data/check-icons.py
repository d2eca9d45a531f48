#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the app icons.

- both SVGs are well-formed (xmllint) and render (rsvg-convert);
- the full-colour icon has the 128x128 canvas of the GNOME icon grid;
- the symbolic icon is 16x16 and drawn with filled shapes in #2e3436 only:
  GTK recolours symbolic icons by replacing that colour, so any other
  colour, a gradient, or a stroke would stay black in a dark or highlighted
  context. Fully transparent helpers (fill="none") are allowed.

Usage: check-icons.py XMLLINT RSVG_CONVERT APP_ICON SYMBOLIC_ICON
"""

import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
SYMBOLIC_COLOUR = "#2e3436"
PAINT_PROPERTIES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color")

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)
    return condition


def well_formed(xmllint, path):
    result = subprocess.run([xmllint, "--noout", path], capture_output=True, text=True)
    return check(result.returncode == 0 and not result.stderr,
                 "%s is well-formed XML %s" % (os.path.basename(path), result.stderr.strip()))


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def renders(rsvg_convert, path, size):
    with tempfile.TemporaryDirectory() as work:
        png = os.path.join(work, "icon.png")
        result = subprocess.run([rsvg_convert, "-w", str(size), "-h", str(size), path, "-o", png],
                                capture_output=True, text=True)
        return check(result.returncode == 0 and png_size(png) == (size, size),
                     "%s renders at %dx%d %s" % (os.path.basename(path), size, size,
                                                 result.stderr.strip()))


def canvas(root):
    return root.get("width"), root.get("height"), root.get("viewBox")


def paints(element):
    """The (property, value) pairs an element paints with, attributes and style."""
    found = []
    for prop in PAINT_PROPERTIES + ("stroke-width",):
        if element.get(prop) is not None:
            found.append((prop, element.get(prop).strip()))
    for declaration in (element.get("style") or "").split(";"):
        prop, _, value = declaration.partition(":")
        prop = prop.strip()
        if prop in PAINT_PROPERTIES + ("stroke-width",):
            found.append((prop, value.strip()))
    return found


def check_symbolic(path):
    root = ET.parse(path).getroot()
    check(canvas(root) == ("16", "16", "0 0 16 16"), "the symbolic icon has a 16x16 canvas")
    bad = []
    drawn = 0
    for element in root.iter():
        tag = element.tag.replace(SVG, "")
        if tag in ("linearGradient", "radialGradient", "pattern", "image", "text", "style"):
            bad.append("<%s> is not allowed" % tag)
        for prop, value in paints(element):
            value = value.lower()
            if prop == "stroke-width" or prop == "stroke":
                if prop == "stroke" and value == "none":
                    continue
                bad.append("<%s> uses %s=%s (strokes are not recoloured reliably)"
                           % (tag, prop, value))
            elif value not in (SYMBOLIC_COLOUR, "none"):
                bad.append("<%s> uses %s=%s" % (tag, prop, value))
        if tag in ("path", "rect", "circle", "ellipse", "polygon") and \
                (element.get("fill") or "").lower() == SYMBOLIC_COLOUR:
            drawn += 1
    check(not bad, "the symbolic icon uses only filled %s shapes%s"
          % (SYMBOLIC_COLOUR, "".join("\n    " + b for b in bad)))
    check(drawn > 0, "the symbolic icon draws something in %s" % SYMBOLIC_COLOUR)


def check_full_colour(path):
    root = ET.parse(path).getroot()
    check(canvas(root) == ("128", "128", "0 0 128 128"), "the app icon has a 128x128 canvas")
    colours = set()
    for element in root.iter():
        for prop, value in paints(element):
            if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
                colours.add(value.lower())
    # The three grip levels must be visible on the icon.
    for name, choices in (("red", ("#e01b24", "#c01c28", "#a51d2d")),
                          ("yellow", ("#f6d32d", "#f5c211", "#f8e45c")),
                          ("green", ("#2ec27e", "#26a269", "#33d17a"))):
        check(any(c in colours for c in choices), "the app icon shows the %s grip level" % name)


def main(argv):
    if len(argv) != 5:
        print(__doc__)
        return 2
    xmllint, rsvg_convert, app_icon, symbolic_icon = argv[1:]
    check(os.path.basename(symbolic_icon) ==
          os.path.basename(app_icon).replace(".svg", "-symbolic.svg"),
          "the symbolic icon is named after the app icon")
    if well_formed(xmllint, app_icon):
        check_full_colour(app_icon)
        for size in (128, 64, 32, 16):
            renders(rsvg_convert, app_icon, size)
    if well_formed(xmllint, symbolic_icon):
        check_symbolic(symbolic_icon)
        for size in (16, 32):
            renders(rsvg_convert, symbolic_icon, size)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
