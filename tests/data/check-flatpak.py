#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the Meson project.

The Flatpak cannot be built in CI, so this catches the mistakes that would
only show up there: a manifest that drifted from the project (app id,
command), an SQLite without the session extension the sharing code needs,
an undocumented permission, or a Meson option that does not exist.

Usage: check-flatpak.py MANIFEST README APP_ID COMMAND SOURCE_ROOT BUILD_ROOT
"""

import json
import os
import re
import sys

REQUIRED_SQLITE_FLAGS = ("SQLITE_ENABLE_SESSION", "SQLITE_ENABLE_PREUPDATE_HOOK")

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def ok(message):
    print("ok: " + message)


def check(condition, message):
    if condition:
        ok(message)
    else:
        fail(message)
    return condition


def module_named(manifest, name):
    for module in manifest.get("modules", []):
        if isinstance(module, dict) and module.get("name") == name:
            return module
    return None


def check_identity(manifest, app_id, command):
    check(manifest.get("app-id") == app_id,
          "app-id is %r (meson: %r)" % (manifest.get("app-id"), app_id))
    check(manifest.get("command") == command,
          "command is %r (meson executable: %r)" % (manifest.get("command"), command))
    check(manifest.get("runtime") == "org.gnome.Platform"
          and manifest.get("sdk") == "org.gnome.Sdk",
          "runtime and sdk are the GNOME platform and SDK")
    check(re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))) is not None,
          "runtime-version is a GNOME release number")


def check_documented_runtime(manifest, source_root):
    """Every runtime the READMEs tell people to install is the manifest's."""
    version = str(manifest.get("runtime-version", ""))
    for name in ("README.md", os.path.join("flatpak", "README.md")):
        with open(os.path.join(source_root, name), encoding="utf-8") as f:
            named = set(re.findall(r"org\.gnome\.(?:Platform|Sdk)//(\S+)", f.read()))
        check(named <= {version},
              "%s names runtime %s, the manifest uses %s"
              % (name, ", ".join(sorted(named)) or "none", version))


def check_desktop_integration(source_root, app_id, command):
    """The desktop file, metainfo and manifest must name the same program."""
    data = os.path.join(source_root, "data")
    with open(os.path.join(data, app_id + ".desktop.in"), encoding="utf-8") as f:
        desktop = f.read()
    exec_line = re.search(r"^Exec=(\S+)", desktop, re.MULTILINE)
    check(exec_line is not None and exec_line.group(1) == command,
          "desktop file Exec runs %r" % command)
    check(re.search(r"^Icon=%s$" % re.escape(app_id), desktop, re.MULTILINE) is not None,
          "desktop file Icon is the app id")
    with open(os.path.join(data, app_id + ".metainfo.xml.in"), encoding="utf-8") as f:
        metainfo = f.read()
    check("<binary>%s</binary>" % command in metainfo,
          "metainfo provides binary %r" % command)
    check("<id>%s</id>" % app_id in metainfo, "metainfo id is the app id")


def check_sqlite(manifest):
    sqlite = module_named(manifest, "sqlite")
    if not check(sqlite is not None, "manifest has an sqlite module"):
        return
    cflags = sqlite.get("build-options", {}).get("cflags", "").split()
    for flag in REQUIRED_SQLITE_FLAGS:
        check("-D" + flag in cflags or any(c.startswith("-D" + flag + "=") for c in cflags),
              "sqlite is built with %s" % flag)
    sources = sqlite.get("sources", [])
    check(len(sources) == 1, "sqlite has one source")
    for source in sources:
        url = source.get("url", "")
        check(url.startswith("https://www.sqlite.org/") and "sqlite-autoconf-" in url,
              "sqlite comes from the official autoconf tarball (%s)" % url)
        check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None,
              "sqlite source has a sha256")
    modules = [m.get("name") for m in manifest.get("modules", []) if isinstance(m, dict)]
    check("gripkaart" in modules and modules.index("sqlite") < modules.index("gripkaart"),
          "sqlite is built before gripkaart")


# Libraries the GNOME runtime does not ship, bundled as modules from their
# upstream repositories at a fixed commit (flatpak-builder checks it out).
BUNDLED_LIBRARIES = ("xxhash", "libcsv", "libxlsxwriter", "libgsf")


def check_bundled_libraries(manifest):
    modules = [m.get("name") for m in manifest.get("modules", []) if isinstance(m, dict)]
    for name in BUNDLED_LIBRARIES:
        module = module_named(manifest, name)
        if not check(module is not None, "manifest has a %s module" % name):
            continue
        check("gripkaart" in modules and modules.index(name) < modules.index("gripkaart"),
              "%s is built before gripkaart" % name)
        sources = module.get("sources", [])
        check(len(sources) == 1, "%s has one source" % name)
        for source in sources:
            check(source.get("type") == "git" and source.get("url", "").startswith("https://"),
                  "%s comes from its upstream git repository over https" % name)
            check(re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")) is not None,
                  "%s is pinned to a commit" % name)


def known_meson_options(build_root):
    """Every option of the configured project, built-in and our own."""
    path = os.path.join(build_root, "meson-info", "intro-buildoptions.json")
    with open(path, encoding="utf-8") as f:
        return {option["name"]: option for option in json.load(f)}


def option_value_ok(option, value):
    kind = option.get("type")
    if kind == "boolean":
        return value in ("true", "false")
    if kind == "combo":
        return value in option.get("choices", [])
    if kind == "integer":
        return re.fullmatch(r"-?\d+", value) is not None
    if kind == "feature":
        return value in ("enabled", "disabled", "auto")
    return True


def check_gripkaart_module(manifest, source_root, build_root, manifest_dir):
    module = module_named(manifest, "gripkaart")
    if not check(module is not None, "manifest has a gripkaart module"):
        return
    check(module.get("buildsystem") == "meson", "gripkaart is built with meson")
    sources = module.get("sources", [])
    dirs = [s for s in sources if s.get("type") == "dir"]
    if check(len(dirs) == 1, "gripkaart is built from the source tree (type dir)"):
        path = os.path.realpath(os.path.join(manifest_dir, dirs[0].get("path", "")))
        check(path == os.path.realpath(source_root),
              "the dir source points at the source root (%s)" % path)

    options = known_meson_options(build_root)
    for arg in module.get("config-opts", []):
        match = re.fullmatch(r"-D([A-Za-z0-9_.:-]+)=(.*)", arg)
        if not match:
            fail("config-opt %r is not of the form -Dname=value" % arg)
            continue
        name, value = match.groups()
        option = options.get(name)
        if check(option is not None, "meson option %r exists" % name):
            check(option_value_ok(option, value),
                  "meson option %r accepts %r" % (name, value))


def documented_permissions(readme):
    """The permissions the README explains: those named at the start of a
    top-level list item ("- `--share=ipc`: why ..."), not those merely
    mentioned, e.g. in the list of permissions deliberately not requested."""
    documented = set()
    for line in readme.splitlines():
        if line.startswith("- `"):
            head = line.split("`:", 1)[0] + "`" if "`:" in line else line
            documented.update(re.findall(r"`([^`]+)`", head))
    return documented


def check_finish_args(manifest, readme):
    args = manifest.get("finish-args", [])
    check(len(args) == len(set(args)), "finish-args have no duplicates")
    documented = documented_permissions(readme)
    for arg in args:
        check(arg in documented, "finish-arg %s is explained in flatpak/README.md" % arg)
    for arg in sorted(documented - set(args)):
        check(False, "flatpak/README.md explains %s, which the manifest does not use" % arg)
    # The GUI needs these; a manifest without them shows no window.
    for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
        check(needed in args, "finish-args include %s" % needed)
    # Never more than the home folder: the app has no use for the whole host.
    for forbidden in ("--filesystem=host", "--filesystem=host:rw", "--socket=x11",
                      "--talk-name=org.freedesktop.Flatpak"):
        check(forbidden not in args, "finish-args do not include %s" % forbidden)


def main(argv):
    if len(argv) != 7:
        print(__doc__)
        return 2
    manifest_path, readme_path, app_id, command, source_root, build_root = argv[1:]
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print("FAIL: cannot read %s: %s" % (manifest_path, e))
        return 1
    with open(readme_path, encoding="utf-8") as f:
        readme = f.read()

    check(os.path.basename(manifest_path) == app_id + ".json",
          "manifest file is named after the app id")
    check_identity(manifest, app_id, command)
    check_documented_runtime(manifest, source_root)
    check_desktop_integration(source_root, app_id, command)
    check_sqlite(manifest)
    check_bundled_libraries(manifest)
    check_gripkaart_module(manifest, source_root, build_root,
                           os.path.dirname(os.path.abspath(manifest_path)))
    check_finish_args(manifest, readme)

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
