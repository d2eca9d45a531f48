#!/usr/bin/env python3
"""Counts passed and failed tests in meson's testlog.json files (and in lines of
the same form that build-aux/test.sh writes for its builds).

A TAP test contributes each of its subtests ("ok" / "not ok" lines); a test
that crashed before reporting a failing subtest counts one failure more; a
plain exit-code test counts once. Prints "N passed, N failed" as the last line
and exits non-zero when anything failed.
"""
import json
import os
import re
import sys

OK = re.compile(r"^ok \d+")
NOT_OK = re.compile(r"^not ok \d+")
SKIP = re.compile(r"#\s*SKIP", re.IGNORECASE)

passed = failed = skipped = 0
failures = []

for path in sys.argv[1:]:
    run = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            result = entry.get("result")
            output = entry.get("stdout") or entry.get("stdo") or ""
            ok = not_ok = skip = 0
            for text in output.splitlines():
                if NOT_OK.match(text):
                    not_ok += 1
                elif OK.match(text):
                    if SKIP.search(text):
                        skip += 1
                    else:
                        ok += 1
            if ok or not_ok or skip:
                passed += ok
                failed += not_ok
                skipped += skip
                if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_ok == 0:
                    failed += 1
            elif result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
            if result not in ("OK", "EXPECTEDFAIL", "SKIP"):
                failures.append(f"{entry.get('name')} ({result}) in {run}")

for name in failures:
    print(f"FAILED: {name}")
summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
