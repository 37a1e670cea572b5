#!/usr/bin/env python3
"""Writes tests/fixtures/pages/current-full/{status-codes,error-codes}.md, a full fixture of
Infobip's status and error codes in the current layout, from a public registry of the current
page: `errors/infobip-error-codes.yml` of the GitHub repository api-evangelist/infobip
(the commit is named in tests/fixtures/pages/current-full/README.md).

    python3 tests/tools/current-full-fixture.py infobip-error-codes.yml [OUT_DIR]

OUT_DIR defaults to tests/fixtures/pages/current-full. Needs PyYAML (`pip install pyyaml`,
or Debian's python3-yaml). The same YAML gives the same bytes: the script refuses a YAML
whose SHA-256 is not the one the fixture was made from, unless `--any-version` is given.

What the script writes, and nothing more:
- every family of the YAML (`General status codes`, `Voice error codes (DEPRECATED)`, ...)
  becomes a section `## <family>`, in the YAML's order, on the status page when its name says
  "status codes" and on the error page when it says "error codes";
- every group with a name becomes `### <group>`, followed by a line `Group ID: <id>` when
  the group has an id; a group without a name puts its table directly under the section;
- every code becomes one table row, in the YAML's order: `| ID | Status | Description |`
  for statuses, `| ID | Permanent | Error | Description |` where the family's codes carry a
  permanent flag, `| ID | Error | Response type | Description |` where they carry a
  response type (Mobile Identity), and `| ID | Error | Description |` otherwise;
- a name that is one identifier (`EC_UNKNOWN_SUBSCRIBER`) is a code span, a name in words
  (Live Chat's `Mandatory field missing`) is plain text; descriptions are the YAML's text
  with the characters markdown would read as syntax escaped.
"""

import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "tests/fixtures/pages/current-full"

# errors/infobip-error-codes.yml (blob dd9e17b8c1352aa8c250095d80cd61b09a911ab5) at commit
# b3be77826a8f1d17ead20f2edb64a03ef343f929 of github.com/api-evangelist/infobip.
SOURCE_SHA256 = "ef484b6319868e79d52634814077c4c6f07850a7740f01f0e04786e35e1a6d3d"

TITLES = {"status": "Response status codes", "error": "Response error codes"}

IDENTIFIER = re.compile(r"[A-Z][A-Z0-9_]*")


def escape(text):
    """`text` as the inline markdown of a table cell that reads back as `text`: the
    characters that open code spans, emphasis, links, HTML or a new cell are escaped; an
    underscore only where it could open or close emphasis (not inside a word)."""
    out = []
    for i, c in enumerate(text):
        if c in "\\`*[]<>|":
            out.append("\\" + c)
        elif c == "_":
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        else:
            out.append(c)
    return "".join(out)


def name_cell(name):
    return f"`{name}`" if IDENTIFIER.fullmatch(name) else escape(name)


def kind_of(family):
    lower = family.lower()
    if "status codes" in lower:
        return "status"
    if "error codes" in lower:
        return "error"
    sys.exit(f"family {family!r} names neither status codes nor error codes")


def columns(kind, codes):
    """The table's columns: (header, how a code fills the cell)."""
    cols = [("ID", lambda c: str(c["id"]))]
    if kind == "status":
        cols.append(("Status", lambda c: name_cell(c["name"])))
    elif all("permanent" in c for c in codes):
        cols.append(("Permanent", lambda c: "true" if c["permanent"] else "false"))
        cols.append(("Error", lambda c: name_cell(c["name"])))
    elif all("response_type" in c for c in codes):
        cols.append(("Error", lambda c: name_cell(c["name"])))
        cols.append(("Response type", lambda c: escape(c["response_type"])))
    else:
        cols.append(("Error", lambda c: name_cell(c["name"])))
    cols.append(("Description", lambda c: escape(c["description"])))
    for flag in ("permanent", "response_type"):
        if any(flag in c for c in codes) and not all(flag in c for c in codes):
            sys.exit(f"some codes of a table have `{flag}` and some do not")
    if kind == "status" and any("permanent" in c or "response_type" in c for c in codes):
        sys.exit("a status with a permanent flag or a response type")
    for c in codes:
        fields = set(c) - {"id", "name", "description", "permanent", "response_type"}
        if fields:
            sys.exit(f"code {c['id']} has fields the script does not know: {sorted(fields)}")
    return cols


def table(kind, codes):
    cols = columns(kind, codes)
    lines = [
        "| " + " | ".join(h for h, _ in cols) + " |",
        "| " + " | ".join("---" for _ in cols) + " |",
    ]
    for c in codes:
        lines.append("| " + " | ".join(cell(c) for _, cell in cols) + " |")
    return lines


def pages(data):
    out = {kind: [f"# {title}", ""] for kind, title in TITLES.items()}
    for family in data["families"]:
        kind = kind_of(family["family"])
        page = out[kind]
        page += [f"## {family['family']}", ""]
        for group in family["groups"]:
            if group["group"] is not None:
                page += [f"### {group['group']}", ""]
                if group["group_id"] is not None:
                    page += [f"Group ID: {group['group_id']}", ""]
            elif group["group_id"] is not None:
                sys.exit(f"a group without a name has id {group['group_id']}")
            page += table(kind, group["codes"]) + [""]
    return {kind: "\n".join(lines).rstrip("\n") + "\n" for kind, lines in out.items()}


def main(argv):
    args = [a for a in argv if a != "--any-version"]
    if len(args) not in (1, 2):
        sys.exit(__doc__)
    source = Path(args[0]).read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    if digest != SOURCE_SHA256 and "--any-version" not in argv:
        sys.exit(
            f"{args[0]} has SHA-256 {digest}, not {SOURCE_SHA256}, the registry the fixture "
            "was made from; pass --any-version to write a fixture from it anyway"
        )
    out_dir = Path(args[1]) if len(args) == 2 else OUT
    data = yaml.safe_load(source.decode("utf-8"))
    written = pages(data)
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind, text in written.items():
        (out_dir / f"{kind}-codes.md").write_text(text, encoding="utf-8", newline="\n")
    rows = sum(len(g["codes"]) for f in data["families"] for g in f["groups"])
    print(f"{rows} rows from {data['code_count']} codes the registry counts", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
