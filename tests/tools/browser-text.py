#!/usr/bin/env python3
"""Writes tests/fixtures/pages/response-status-and-error-codes.txt: the rendered page
(tests/fixtures/pages/response-status-and-error-codes.html) as a browser saves it as
text, in the form reported against `cargo codes check`:

- the page's chrome (header, navigation, footer, scripts) is not there;
- each heading, paragraph and list item is a line, with a blank line between blocks;
- a table is a line per row, its cells separated by tabs;
- a cell that holds a name and its description list reads `NAME - description`;
- a line break inside a cell (`<br>`) starts a new line, as browsers write it;
- links and code spans are their text.

Standard library only:  python3 tests/tools/browser-text.py > tests/fixtures/pages/response-status-and-error-codes.txt
"""

import html.parser
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tests/fixtures/pages/response-status-and-error-codes.html"
SKIPPED = {"script", "style", "head", "header", "nav", "footer", "aside", "form", "pre"}
BREAK = "\0"  # a line break in a cell, kept through the whitespace collapse
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.blocks = []  # lines of text, "" between blocks
        self.current = None  # the block being written
        self.row = None  # cells of the table row being written
        self.cell = None  # the cell being written: [name, description]

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        elif self.skip:
            return
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ["", None]
        elif self.cell is not None:
            if tag == "li":
                self.cell[1] = ""
            elif tag == "br":
                self.write("\n")
        elif tag in BLOCKS:
            self.current = ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip -= 1
        elif self.skip:
            return
        elif tag in ("td", "th") and self.cell is not None:
            name, description = (collapse(p) if p else p for p in self.cell)
            self.row.append(name if description is None else f"{name} - {description}")
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.line("\t".join(self.row))
            self.row = None
        elif tag == "table":
            self.blocks.append("")
        elif tag in BLOCKS and self.current is not None and self.cell is None:
            text = " ".join(self.current.split())
            if text:
                self.line(text)
                self.blocks.append("")
            self.current = None

    def handle_data(self, data):
        if not self.skip:
            self.write(data)

    def write(self, text):
        if self.cell is not None:
            if text == "\n":
                text = BREAK
            if self.cell[1] is None:
                self.cell[0] += text
            else:
                self.cell[1] += text
        elif self.current is not None:
            self.current += text

    def line(self, text):
        self.blocks.append(text)


def collapse(text):
    """Whitespace collapsed as a browser renders it, line breaks kept."""
    return "\n".join(" ".join(part.split()) for part in text.split(BREAK))


def main():
    parser = Text()
    parser.feed(SOURCE.read_text(encoding="utf-8"))
    lines = []
    for line in parser.blocks:
        if line == "" and (not lines or lines[-1] == ""):
            continue
        lines.append(line)
    print("\n".join(lines).strip("\n"))


main()
