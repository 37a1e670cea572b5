//! Every form of one page gives the same catalog: readme.io markdown, flattened text,
//! the crawler capture and rendered HTML; for the 2019 page and for the current layout.
//! Text saved from a browser gives it too, but for the link addresses and markup that
//! text does not keep.

use infobip_codes_codegen::diag::{Diagnostic, LineIndex, Location};
use infobip_codes_codegen::model::{Catalog, Form, Kind};
use infobip_codes_codegen::{read, Inputs, PageInput, Reading};
use std::path::{Path, PathBuf};

const URL: &str = "https://dev.infobip.com/getting-started/response-status-and-error-codes";
const CURRENT_URL: &str =
    "https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn page(path: &str, bytes: Vec<u8>, url: &str) -> PageInput {
    let mut p = PageInput::new(path, bytes);
    p.options.page_url = Some(url.to_owned());
    p
}

fn file(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).unwrap()
}

/// Markdown with every line break turned into a space.
fn flattened(rel: &str) -> Vec<u8> {
    String::from_utf8(file(rel))
        .unwrap()
        .replace('\n', " ")
        .into_bytes()
}

fn read_ok(pages: Vec<PageInput>) -> Reading {
    let r = read(&Inputs::pages(pages));
    assert!(!r.diagnostics.has_errors(), "{}", r.diagnostics);
    r
}

fn meaning(r: &Reading) -> Catalog {
    r.catalog.meaning()
}

#[test]
fn the_vendored_page_reads_the_same_in_every_form() {
    let md = read_ok(vec![page(
        "p.md",
        file("docs-source/response-status-and-error-codes.md"),
        URL,
    )]);
    let flat = read_ok(vec![page(
        "p.txt",
        flattened("docs-source/response-status-and-error-codes.md"),
        URL,
    )]);
    let capture = read_ok(vec![page(
        "c.txt",
        file("tests/fixtures/response-status-and-error-codes.capture.txt"),
        URL,
    )]);
    let html = read_ok(vec![page(
        "p.html",
        file("tests/fixtures/pages/response-status-and-error-codes.html"),
        URL,
    )]);
    assert_eq!(md.catalog.sources[0].form, Form::Markdown);
    assert_eq!(flat.catalog.sources[0].form, Form::Flattened);
    assert_eq!(capture.catalog.sources[0].form, Form::Capture);
    assert_eq!(html.catalog.sources[0].form, Form::Html);
    assert_eq!(md.catalog.codes.len(), 189);
    assert_eq!(meaning(&flat), meaning(&md));
    assert_eq!(meaning(&capture), meaning(&md));
    assert_eq!(meaning(&html), meaning(&md));
}

/// What a browser shows of a description in clean markdown: the text of each paragraph
/// on a line of its own, links without their addresses, code spans without backticks.
fn shown(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut lines = vec![String::new()];
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => lines.last_mut().unwrap().push_str(&t),
            Event::SoftBreak => lines.last_mut().unwrap().push(' '),
            Event::HardBreak | Event::End(TagEnd::Paragraph) => lines.push(String::new()),
            _ => {}
        }
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

#[test]
fn the_vendored_page_saved_as_text_reads_the_same_but_for_what_text_drops() {
    let md = read_ok(vec![page(
        "p.md",
        file("docs-source/response-status-and-error-codes.md"),
        URL,
    )]);
    let text = read_ok(vec![page(
        "p.txt",
        file("tests/fixtures/pages/response-status-and-error-codes.txt"),
        URL,
    )]);
    assert_eq!(text.catalog.sources[0].form, Form::Text);
    let (md, text) = (meaning(&md), meaning(&text));
    assert_eq!(text.channels, md.channels);
    assert_eq!(text.groups, md.groups);
    assert_eq!(text.codes.len(), 189);
    // Every code alike, but where its description had a link or a code span: text keeps
    // what the browser showed, the link's text without its address.
    let mut differ = Vec::new();
    for (t, m) in text.codes.iter().zip(&md.codes) {
        assert_eq!(t.description_text(), shown(&m.description), "{}", m.name);
        if t.description != m.description {
            differ.push(m.name.as_str());
        }
        let same = infobip_codes_codegen::model::Code {
            description: m.description.clone(),
            ..t.clone()
        };
        assert_eq!(&same, m);
    }
    assert_eq!(
        differ,
        [
            "REJECTED_INVALID_NOTIFY_URL",
            "REJECTED_INVALID_NOTIFY_CONTENT_TYPE",
            "REJECTED_NO_APPLICATION",
            "UNDELIVERABLE_NO_DESTINATION",
        ]
    );
}

fn current(form: &str) -> Reading {
    let pages = ["status-codes", "error-codes"]
        .iter()
        .map(|p| {
            let rel = format!("tests/fixtures/pages/current/{p}");
            match form {
                "md" => page(&format!("{p}.md"), file(&format!("{rel}.md")), CURRENT_URL),
                "flat" => page(
                    &format!("{p}.txt"),
                    flattened(&format!("{rel}.md")),
                    CURRENT_URL,
                ),
                _ => page(
                    &format!("{p}.html"),
                    file(&format!("{rel}.html")),
                    CURRENT_URL,
                ),
            }
        })
        .collect();
    read_ok(pages)
}

#[test]
fn the_current_layout_reads_the_same_in_every_form() {
    let md = current("md");
    assert_eq!(meaning(&current("flat")), meaning(&md));
    assert_eq!(meaning(&current("html")), meaning(&md));
    // The same warnings (a status listed twice, an id under two names), at the same
    // places in each file that keeps lines.
    let warnings = |r: &Reading| {
        r.diagnostics
            .warnings()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(warnings(&current("html")).len(), 2);
    assert_eq!(warnings(&md).len(), 2);
    // Its warning: the_current_layout_gives_the_same_warning_at_the_same_row_in_every_form.
}

#[test]
fn the_current_layout_merges_two_pages_into_one_catalog() {
    let r = current("md");
    let c = &r.catalog;
    let slugs: Vec<&str> = c.channels.iter().map(|ch| ch.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "general",
            "voice",
            "dlt",
            "mms",
            "moments",
            "people-api",
            "voice-and-webrtc"
        ]
    );
    assert_eq!(
        (
            c.codes_of(Kind::Status).count(),
            c.codes_of(Kind::Error).count()
        ),
        (10, 9)
    );
    let code = |kind: Kind, channel: &str, id: u16| {
        c.codes
            .iter()
            .find(|x| x.kind == kind && x.channel == channel && x.id == id)
            .unwrap_or_else(|| panic!("{kind} {channel} {id}"))
    };

    // `PENDING / Group ID: 1` and `### Pending [#...]` + `Group ID: 1` are one status group.
    let pending = code(Kind::Status, "general", 3).group.clone().unwrap();
    assert_eq!((pending.id, pending.name.as_str()), (Some(1), "PENDING"));
    let mms_pending = code(Kind::Status, "mms", 5100).group.clone().unwrap();
    assert_eq!(
        (mms_pending.id, mms_pending.name.as_str()),
        (Some(1), "Pending")
    );
    let status_groups: Vec<_> = c
        .groups
        .iter()
        .filter(|g| g.kind == Kind::Status)
        .map(|g| (g.key.id, g.key.name.as_str()))
        .collect();
    assert_eq!(
        status_groups,
        // Groups without an id come after those with one.
        [
            (Some(1), "PENDING"),
            (Some(3), "DELIVERED"),
            (Some(5), "Rejected"),
            (None, "Scheduled"),
        ]
    );

    // The same id in two channels: two codes.
    assert_eq!(code(Kind::Status, "mms", 5101).name, "DELIVERED_MMS");
    assert_eq!(
        code(Kind::Status, "voice-and-webrtc", 5101).name,
        "REJECTED_CALL_SETUP_FAILED"
    );

    // Listed under two groups in one channel: kept once, under the first, with a warning.
    assert_eq!(
        c.codes
            .iter()
            .filter(|x| x.name == "PENDING_MMS_QUEUED")
            .count(),
        1
    );
    let w: Vec<String> = r
        .diagnostics
        .warnings()
        .map(|d| d.to_string().lines().next().unwrap().to_owned())
        .collect();
    assert_eq!(
        w,
        [
            "error-codes.md:56:1: warning: error id 40404 in channel people-api is documented under another name: `CUSTOM_ATTRIBUTE_DOES_NOT_EXIST` here, `ADDITIONAL_FIELD_DOES_NOT_EXIST` at error-codes.md:55:1; both are kept as codes",
            "status-codes.md:45:1: warning: status 5100 `PENDING_MMS_QUEUED` is listed again in channel mms (under group `Delivered`); keeping the first listing, under group `Pending` at status-codes.md:36:1",
        ]
    );

    // One id under two names in one channel (People API 40404): two codes, in page order.
    let people: Vec<(u16, &str, &str)> = c
        .codes
        .iter()
        .filter(|x| x.channel == "people-api" && x.id == 40404)
        .map(|x| (x.id, x.name.as_str(), x.description.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            (
                40404,
                "ADDITIONAL_FIELD_DOES_NOT_EXIST",
                "The additional field does not exist."
            ),
            (
                40404,
                "CUSTOM_ATTRIBUTE_DOES_NOT_EXIST",
                "The custom attribute does not exist."
            ),
        ]
    );
    // A link, a code span and an escape: markdown in the model, plain text for `description()`.
    let person = code(Kind::Error, "people-api", 40401);
    assert_eq!(
        person.description,
        "No person has this \\*identifier\\*: check `externalId`, or see [managing people](https://www.infobip.com/docs/people/manage-people)."
    );
    assert_eq!(
        person.description_text(),
        "No person has this *identifier*: check externalId, or see managing people (https://www.infobip.com/docs/people/manage-people)."
    );

    // A deprecated section, and a table without a group heading.
    let legacy = code(Kind::Status, "voice", 52);
    assert!(legacy.deprecated);
    assert_eq!(legacy.group, None);
    assert!(!code(Kind::Status, "general", 3).deprecated);

    // A group heading without a Group ID line: a group without id.
    let scheduled = code(Kind::Status, "moments", 9001).group.clone().unwrap();
    assert_eq!((scheduled.id, scheduled.name.as_str()), (None, "Scheduled"));

    // Error groups: "(general)" repeats the channel and is dropped; scoped per channel.
    let handset = code(Kind::Error, "general", 1).group.clone().unwrap();
    assert_eq!(
        (handset.id, handset.name.as_str()),
        (Some(1), "Handset errors")
    );
    let mms_handset = code(Kind::Error, "mms", 1).group.clone().unwrap();
    assert_eq!(
        (mms_handset.id, mms_handset.name.as_str()),
        (Some(1), "Handset errors")
    );
    assert_eq!(
        code(Kind::Error, "mms", 1).name,
        "EC_MMS_UNKNOWN_SUBSCRIBER"
    );

    // Four-column tables carry permanence; three-column ones do not.
    assert_eq!(code(Kind::Error, "general", 1).permanent, Some(true));
    assert_eq!(code(Kind::Error, "dlt", 14001).permanent, None);
    assert_eq!(code(Kind::Error, "dlt", 14001).group, None);
    assert_eq!(
        code(Kind::Error, "people-api", 20001)
            .group
            .as_ref()
            .unwrap()
            .id,
        None
    );

    // Description columns are clean markdown, links absolute, names without backticks read.
    assert_eq!(
        code(Kind::Status, "general", 5).description,
        "Delivered to the handset. See [delivery reports](https://www.infobip.com/docs/essentials/delivery-reports)."
    );
    assert_eq!(
        code(Kind::Error, "general", 27).description,
        "The handset is switched off or out of coverage.\n\nTry again later."
    );
    assert_eq!(
        code(Kind::Status, "voice-and-webrtc", 5101).description,
        "The call could not be set up: *check* the destination and the caller ID."
    );
}

#[test]
fn html_locations_point_into_the_html_file() {
    let r = current("html");
    let w: Vec<String> = r
        .diagnostics
        .warnings()
        .map(|d| d.location.to_string())
        .collect();
    // The second listing of 5100, and of 40404, is the second row that holds it.
    let second_row = |page: &str, cell: &str| {
        let html =
            String::from_utf8(file(&format!("tests/fixtures/pages/current/{page}"))).unwrap();
        let rows: Vec<usize> = html
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(cell))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(rows.len(), 2);
        format!("{page}:{}:1", rows[1])
    };
    assert_eq!(
        w,
        [
            second_row("error-codes.html", "<td>40404</td>"),
            second_row("status-codes.html", "<td>5100</td>"),
        ]
    );
}

/// A codes table whose Id column is spelled `errorId`, as markdown and as HTML.
const HLR_MD: &str = "| errorId | Permanent | Error | Description |\n| --- | --- | --- | --- |\n| 9001 | true | EC_HLR_UNKNOWN | The number is unknown to the HLR. |\n";
const HLR_HTML: &str = "<table><thead><tr><th>errorId</th><th>Permanent</th><th>Error</th><th>Description</th></tr></thead><tbody>\n<tr><td>9001</td><td>true</td><td>EC_HLR_UNKNOWN</td><td>The number is unknown to the HLR.</td></tr>\n</tbody></table>\n";

/// A page, as markdown and as HTML, with a section `heading` holding the HLR table
/// added at its end, as markdown, flattened text and HTML: (path, text) for each.
fn with_hlr_table((md, html): (&str, &str), heading: &str) -> [(&'static str, String); 3] {
    let md = String::from_utf8(file(md)).unwrap();
    let md = format!("{md}\n## {heading}\n\n{HLR_MD}");
    let html = String::from_utf8(file(html)).unwrap();
    let html = html.replacen(
        "</article>",
        &format!("<h2>{heading}</h2>\n{HLR_HTML}</article>"),
        1,
    );
    [
        ("p.md", md.clone()),
        ("p.txt", md.replace('\n', " ")),
        ("p.html", html),
    ]
}

/// The 2019 page and the current layout's error page, each as markdown and as HTML.
const PAGES: [(&str, &str); 2] = [
    (
        "docs-source/response-status-and-error-codes.md",
        "tests/fixtures/pages/response-status-and-error-codes.html",
    ),
    (
        "tests/fixtures/pages/current/error-codes.md",
        "tests/fixtures/pages/current/error-codes.html",
    ),
];

fn read_one(path: &str, text: &str) -> Reading {
    read(&Inputs::pages(vec![page(
        path,
        text.as_bytes().to_vec(),
        URL,
    )]))
}

#[test]
fn a_codes_table_under_a_heading_that_places_it_is_read_in_every_form() {
    for (base, heading, channel) in PAGES.into_iter().flat_map(|base| {
        [
            ("HLR error codes", "hlr"),
            ("SMS error codes (DEPRECATED)", "sms"),
            ("Error Codes (HLR)", "hlr"),
            ("Errors (HLR)", "hlr"),
        ]
        .map(|(heading, channel)| (base, heading, channel))
    }) {
        let forms = with_hlr_table(base, heading);
        let readings: Vec<Reading> = forms
            .iter()
            .map(|(path, text)| read_one(path, text))
            .collect();
        for (reading, (path, _)) in readings.iter().zip(&forms) {
            let context = format!("{heading} in {base:?} as {path}");
            assert!(
                !reading.diagnostics.has_errors(),
                "{context}: {}",
                reading.diagnostics
            );
            let added: Vec<(u16, &str)> = reading
                .catalog
                .codes
                .iter()
                .filter(|c| c.channel == channel)
                .map(|c| (c.id, c.name.as_str()))
                .collect();
            assert_eq!(added, [(9001, "EC_HLR_UNKNOWN")], "{context}");
            assert_eq!(meaning(reading), meaning(&readings[0]), "{context}");
        }
    }
}

#[test]
fn a_codes_table_under_a_heading_without_a_channel_is_reported_at_its_line_in_every_form() {
    for (base, heading, lacks) in PAGES.into_iter().flat_map(|base| {
        [
            ("Appendix", "names neither a kind (`status codes`, `error codes`, `Errors`) nor a channel; put the table under a heading that names both, e.g. `## General status codes` or `## Error codes (HLR)`"),
            ("Errors", "names the kind but no channel; name the channel before the kind or in parentheses after it, e.g. `## HLR error codes`, `## Error codes (HLR)` or `## Errors (HLR)`"),
        ]
        .map(|(heading, lacks)| (base, heading, lacks))
    }) {
        for (path, text) in with_hlr_table(base, heading) {
            let (table_at, heading_at) = if path.ends_with(".html") {
                ("<table><thead><tr><th>errorId".to_owned(), format!("<h2>{heading}"))
            } else {
                ("| errorId".to_owned(), format!("## {heading}"))
            };
            let index = LineIndex::new(path, &text);
            let at = |needle: &str| index.locate(&text, text.rfind(needle).unwrap());
            let errors: Vec<String> = read_one(path, &text)
                .diagnostics
                .errors()
                .map(ToString::to_string)
                .collect();
            assert_eq!(
                errors,
                [format!(
                    "{}: error: codes table outside any section\n  | | errorId | Permanent | Error | Description |\n  = hint: its heading `{heading}` at {} {lacks}",
                    at(&table_at),
                    at(&heading_at)
                )],
                "{heading} in {base:?} as {path}"
            );
        }
    }
}

/// Finality is a rule per documented group: Moments' `Scheduled` is no documented group,
/// and a status the page lists without a group is no final one either.
#[test]
fn finality_on_the_current_layout_is_the_conservative_rule() {
    for form in ["md", "flat", "html"] {
        let r = current(form);
        let status = |name: &str| {
            r.catalog
                .codes
                .iter()
                .find(|c| c.kind == Kind::Status && c.name == name)
                .unwrap_or_else(|| panic!("{form}: no status {name}"))
        };
        let finality: Vec<(&str, bool)> = [
            "PENDING_MMS_QUEUED",
            "DELIVERED_MMS",
            "REJECTED_CALL_SETUP_FAILED",
            "REJECTED_INVALID_DESTINATION",
            "MOMENTS_SCHEDULED",
        ]
        .into_iter()
        .map(|n| (n, status(n).is_final()))
        .collect();
        assert_eq!(
            finality,
            [
                ("PENDING_MMS_QUEUED", false),
                ("DELIVERED_MMS", true),
                ("REJECTED_CALL_SETUP_FAILED", true),
                ("REJECTED_INVALID_DESTINATION", false),
                ("MOMENTS_SCHEDULED", false),
            ],
            "{form}"
        );
        let source = r.source().unwrap();
        assert!(source.contains(
            "/// - Final: no; the page does not describe its group as final, so a later report may\n    ///   come\n    #[doc(alias = \"MOMENTS_SCHEDULED\")]"
        ), "{form}");
        assert!(source.contains(
            "/// - Final: no; the page gives it no group, so a later report may come\n    #[doc(alias = \"REJECTED_INVALID_DESTINATION\")]"
        ), "{form}");
    }
}

// ---- a row's cells never land in another field ------------------------------------------

/// The description of error 7002 on the 2019 page.
const UNKNOWN_USER: &str = "Receiving user does not exists. Check that the user has subscribed to the service and that you are using the correct user key.";

/// `text` with its one occurrence of `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

/// The 2019 page in every form (markdown, flattened text, the crawler capture, HTML),
/// with the cell that holds the name and description of error 7002 replaced by `md_cell`
/// (`html_cell` in HTML): (path, text).
fn row_7002_in_every_form(md_cell: &str, html_cell: &str) -> [(&'static str, String); 4] {
    let text = |rel: &str| String::from_utf8(file(rel)).unwrap();
    let md_from = format!("`EC_UNKNOWN_USER`<ul><li>{UNKNOWN_USER}</li></ul>");
    let html_from = format!("<code>EC_UNKNOWN_USER</code><ul><li>{UNKNOWN_USER}</li></ul>");
    let md = replace_once(
        &text("docs-source/response-status-and-error-codes.md"),
        &md_from,
        md_cell,
    );
    let capture = replace_once(
        &text("tests/fixtures/response-status-and-error-codes.capture.txt"),
        &md_from,
        md_cell,
    );
    let html = replace_once(
        &text("tests/fixtures/pages/response-status-and-error-codes.html"),
        &html_from,
        html_cell,
    );
    [
        ("p.md", md.clone()),
        ("p.txt", md.replace('\n', " ")),
        ("c.txt", capture),
        ("p.html", html),
    ]
}

/// Error 27 of the current layout's error page, as markdown, flattened text and HTML,
/// with its name and description cells replaced: (path, text).
fn row_27_in_every_current_form(
    name: (&str, &str),
    description: (&str, &str),
) -> [(&'static str, String); 3] {
    let text = |rel: &str| String::from_utf8(file(rel)).unwrap();
    let md = replace_once(
        &text("tests/fixtures/pages/current/error-codes.md"),
        "| `EC_ABSENT_SUBSCRIBER` | The handset is switched off or out of coverage.<br>Try again later. |",
        &format!("| {} | {} |", name.0, description.0),
    );
    let html = replace_once(
        &text("tests/fixtures/pages/current/error-codes.html"),
        "<td><code>EC_ABSENT_SUBSCRIBER</code></td><td>The handset is switched off or out of coverage.<br>Try again later.</td>",
        &format!("<td>{}</td><td>{}</td>", name.1, description.1),
    );
    [
        ("e.md", md.clone()),
        ("e.txt", md.replace('\n', " ")),
        ("e.html", html),
    ]
}

/// Every error of reading `text` as `path`, whole.
fn errors_of(path: &str, text: &str) -> Vec<String> {
    read_one(path, text)
        .diagnostics
        .errors()
        .map(ToString::to_string)
        .collect()
}

/// The first line of every error of reading `text` as `path`.
fn error_lines(path: &str, text: &str) -> Vec<String> {
    errors_of(path, text)
        .iter()
        .map(|e| e.lines().next().unwrap_or_default().to_owned())
        .collect()
}

/// Reading `text` as `path` gives one error, `message`, at the cell that starts with `cell`.
fn assert_one_error_at(path: &str, text: &str, cell: &str, message: &str) {
    assert_eq!(
        error_lines(path, text),
        [format!("{}: error: {message}", at(path, text, cell))],
        "{path}"
    );
}

/// What a cell starts with, in `path`'s form: `<td>` and `html` in HTML, `md` otherwise.
fn cell_start(path: &str, md: &str, html: &str) -> String {
    if path.ends_with(".html") {
        format!("<td>{html}")
    } else {
        md.to_owned()
    }
}

/// Where `needle` starts in `text`.
fn at(path: &str, text: &str, needle: &str) -> Location {
    let index = LineIndex::new(path, text);
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    index.locate(text, offset)
}

#[test]
fn a_row_whose_name_was_removed_is_refused_at_its_cell_in_every_form() {
    // `|7002|true|<ul><li>Receiving user does not exists. ...</li></ul>|`: the text after
    // the missing name is the description, never the name.
    let md_cell = format!("<ul><li>{UNKNOWN_USER}</li></ul>");
    let html_cell = format!("<ul><li>{UNKNOWN_USER}</li></ul>");
    for (path, text) in row_7002_in_every_form(&md_cell, &html_cell) {
        let cell = cell_start(path, &md_cell, &html_cell);
        // HTML has no source row to quote: the snippet is the row's text.
        let row = if path.ends_with(".html") {
            format!("| 7002 | true | {UNKNOWN_USER} |")
        } else {
            format!("|7002|true|{md_cell}|")
        };
        let error = Diagnostic::error(at(path, &text, &cell), "row without a name")
            .with_snippet(row)
            .with_hint("the Status/Error column starts with the code's name, e.g. `` `DELIVERED_TO_HANDSET` ``");
        assert_eq!(errors_of(path, &text), [error.to_string()], "{path}");
    }
}

/// The code of `kind`, `channel` and `id` that reading `text` as `path` gives, with no
/// error.
fn the_code(path: &str, text: &str, channel: &str, id: u16) -> infobip_codes_codegen::model::Code {
    let reading = read_one(path, text);
    assert!(
        !reading.diagnostics.has_errors(),
        "{path}: {}",
        reading.diagnostics
    );
    let found: Vec<_> = reading
        .catalog
        .codes
        .iter()
        .filter(|c| c.kind == Kind::Error && c.channel == channel && c.id == id)
        .cloned()
        .collect();
    assert_eq!(found.len(), 1, "{path}");
    found[0].clone()
}

#[test]
fn a_row_whose_description_was_removed_is_a_code_without_description_in_every_form() {
    for (path, text) in row_7002_in_every_form("`EC_UNKNOWN_USER`", "<code>EC_UNKNOWN_USER</code>")
    {
        let code = the_code(path, &text, "chat", 7002);
        assert_eq!(
            (code.name.as_str(), code.description.as_str()),
            ("EC_UNKNOWN_USER", ""),
            "{path}"
        );
    }
    for (path, text) in row_27_in_every_current_form(
        (
            "`EC_ABSENT_SUBSCRIBER`",
            "<code>EC_ABSENT_SUBSCRIBER</code>",
        ),
        ("", ""),
    ) {
        let code = the_code(path, &text, "general", 27);
        assert_eq!(
            (code.name.as_str(), code.description.as_str()),
            ("EC_ABSENT_SUBSCRIBER", ""),
            "{path}"
        );
    }
}

#[test]
fn a_row_whose_name_and_description_were_swapped_is_refused_in_every_form() {
    // One cell for both: a cell that opens with its description has no name.
    let md_cell = format!("<ul><li>{UNKNOWN_USER}</li></ul>`EC_UNKNOWN_USER`");
    let html_cell = format!("<ul><li>{UNKNOWN_USER}</li></ul><code>EC_UNKNOWN_USER</code>");
    for (path, text) in row_7002_in_every_form(&md_cell, &html_cell) {
        let cell = cell_start(path, &md_cell, &html_cell);
        assert_one_error_at(path, &text, &cell, "row without a name");
    }
    // A Description column: the name cell reads as text and the Description cell as a name.
    let swapped = "The handset is switched off or out of coverage.<br>Try again later.";
    for (path, text) in row_27_in_every_current_form(
        (swapped, swapped),
        (
            "`EC_ABSENT_SUBSCRIBER`",
            "<code>EC_ABSENT_SUBSCRIBER</code>",
        ),
    ) {
        // A markdown cell starts after its pipe.
        let cell = cell_start(path, &format!(" {swapped}"), swapped);
        assert_one_error_at(path, &text, &cell, "name and description look swapped: the name cell reads `The handset is switched off or out of coverage. Try again later.`, the Description cell `EC_ABSENT_SUBSCRIBER`");
    }
}

#[test]
fn a_row_whose_name_was_removed_in_the_current_layout_is_refused_at_its_cell() {
    let description = "The handset is switched off or out of coverage.";
    for (path, text) in row_27_in_every_current_form(("", ""), (description, description)) {
        let cell = cell_start(
            path,
            &format!("  | {description}"),
            &format!("</td><td>{description}"),
        );
        assert_one_error_at(path, &text, &cell, "row without a name");
    }
}

#[test]
fn prose_names_stay_names_in_a_name_column_but_a_name_with_more_text_is_refused() {
    // Live Chat documents errors named "Mandatory field missing".
    for (path, text) in row_27_in_every_current_form(
        ("Mandatory field missing", "Mandatory field missing"),
        (
            "A mandatory field is missing.",
            "A mandatory field is missing.",
        ),
    ) {
        let code = the_code(path, &text, "general", 27);
        assert_eq!(
            (code.name.as_str(), code.description.as_str()),
            ("Mandatory field missing", "A mandatory field is missing."),
            "{path}"
        );
    }
    // The name column holds the name alone: text after its code span goes nowhere.
    for (path, text) in row_27_in_every_current_form(
        (
            "`EC_ABSENT_SUBSCRIBER`<br>Try again later.",
            "<code>EC_ABSENT_SUBSCRIBER</code><br>Try again later.",
        ),
        ("Switched off.", "Switched off."),
    ) {
        let cell = cell_start(path, " `EC_ABSENT_SUBSCRIBER`<br>", "<code>EC_ABSENT");
        assert_one_error_at(
            path,
            &text,
            &cell,
            "name `EC_ABSENT_SUBSCRIBER` is followed by more text in its cell: `Try again later.`",
        );
    }
}

#[test]
fn in_flattened_text_a_group_heading_without_an_end_is_refused_not_named_after_its_text() {
    let md = String::from_utf8(file("tests/fixtures/pages/current/status-codes.md")).unwrap();
    let md = replace_once(&md, " [#scheduled-moments-status-codes]", "");
    // With its line, the heading is the group `Scheduled`.
    let code = read_one("s.md", &md)
        .catalog
        .codes
        .into_iter()
        .find(|c| c.id == 9001)
        .unwrap();
    assert_eq!(code.group.unwrap().name, "Scheduled");
    // Flattened, nothing says where it ends: it would take in the sentence after it.
    let flat = md.replace('\n', " ");
    assert_one_error_at(
        "s.txt",
        &flat,
        "### Scheduled",
        "where the group heading `Scheduled Communications that will start later.` ends is lost in flattened text",
    );
}

#[test]
fn the_current_layout_gives_the_same_warning_at_the_same_row_in_every_form() {
    // The rows that list 5100 in status-codes: as (line, column) in the markdown and HTML
    // files, and in the flattened text (one line) at the same byte as in the markdown.
    let rows = |rel: &str, cell: &str| -> Vec<(usize, usize)> {
        let text = String::from_utf8(file(rel)).unwrap();
        let mut at = Vec::new();
        let mut offset = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            if line.contains(cell) {
                at.push((i + 1, offset + 1));
            }
            offset += line.len();
        }
        at
    };
    let md = rows("tests/fixtures/pages/current/status-codes.md", "| 5100 |");
    let html = rows(
        "tests/fixtures/pages/current/status-codes.html",
        "<td>5100</td>",
    );
    assert_eq!((md.len(), html.len()), (2, 2));
    let warning = |at: String, first: String| {
        format!("{at}: warning: status 5100 `PENDING_MMS_QUEUED` is listed again in channel mms (under group `Delivered`); keeping the first listing, under group `Pending` at {first}\n  = hint: to keep another listing, add {{\"kind\": \"status\", \"channel\": \"mms\", \"id\": 5100, \"keep\": {{\"group\": ...}}}} to `duplicates` in docs-source/overrides.json")
    };
    // The status page's warnings (the error page has its own: an id under two names).
    let warnings = |form: &str| -> Vec<String> {
        current(form)
            .diagnostics
            .warnings()
            .filter(|d| d.location.path.starts_with("status-codes"))
            .map(|d| d.to_string())
            .collect()
    };
    assert_eq!(
        warnings("md"),
        [warning(
            format!("status-codes.md:{}:1", md[1].0),
            format!("status-codes.md:{}:1", md[0].0)
        )]
    );
    assert_eq!(
        warnings("flat"),
        [warning(
            format!("status-codes.txt:1:{}", md[1].1),
            format!("status-codes.txt:1:{}", md[0].1)
        )]
    );
    assert_eq!(
        warnings("html"),
        [warning(
            format!("status-codes.html:{}:1", html[1].0),
            format!("status-codes.html:{}:1", html[0].0)
        )]
    );
}
