#!/usr/bin/env python3
"""Extracts tests/fixtures/expected-catalog.tsv from the raw crawler capture
tests/fixtures/response-status-and-error-codes.capture.txt with regular expressions,
independently of the crate's parser, and writes it to standard output.

    python3 tests/tools/extract-expected-catalog.py > tests/fixtures/expected-catalog.tsv

The capture holds the page as one flattened markdown line. Section headings
`##<Channel> status codes` / `##<Channel> error codes` name the kind and the channel (its
first word, lowercased); group headings `###<NAME> (group id: <N>) - ...` name the group;
each table row `|<id>|[<permanent>|]`<NAME>`<ul><li><description></li></ul>|` is a code.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CAPTURE = ROOT / "tests/fixtures/response-status-and-error-codes.capture.txt"

HEADER = """\
# Every code of tests/fixtures/response-status-and-error-codes.capture.txt, extracted with regular
# expressions over the raw capture, independently of the crate's parser, and checked by hand.
# description_text is the description's text: tags dropped, links reduced to their text, backticks
# dropped, whitespace collapsed.
kind\tchannel\tgroup_id\tgroup_name\tid\tpermanent\tname\tdescription_text
"""

# A section, a group, or a row, in the order the capture holds them.
TOKEN = re.compile(
    r"##(?P<section>[A-Za-z ]+?) (?P<kind>status|error) codes(?: \([^)]*\))? (?=###)"
    r"|###(?P<group>[A-Za-z_ ]+?) \(group id: (?P<group_id>\d+)\)"
    r"|\|(?P<id>\d+)\|(?:(?P<permanent>true|false)\|)?`(?P<name>[^`]+)`"
    r"<ul><li>(?P<description>.*?)</li></ul>\|"
)


def text(description):
    """The description's text: tags dropped, links reduced to their text, backticks
    dropped, whitespace collapsed."""
    description = re.sub(r"<[^>]+>", " ", description)
    description = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", description)
    description = description.replace("`", "")
    return " ".join(description.split())


def main():
    capture = CAPTURE.read_text(encoding="utf-8")
    out = [HEADER]
    kind = channel = group_id = group_name = None
    for m in TOKEN.finditer(capture):
        if m["section"]:
            kind, channel = m["kind"], m["section"].split()[0].lower()
        elif m["group"]:
            group_id, group_name = m["group_id"], m["group"]
        else:
            out.append(
                "\t".join(
                    [
                        kind,
                        channel,
                        group_id,
                        group_name,
                        m["id"],
                        m["permanent"] or "",
                        m["name"].strip(),
                        text(m["description"]),
                    ]
                )
                + "\n"
            )
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
