//! Property tests over the readers: arbitrary input never panics (and whatever it yields
//! still emits tokenizable Rust), and random well-formed pages, in every form, read back
//! exactly the rows they were generated from.

use infobip_codes_codegen::model::Kind;
use infobip_codes_codegen::{build, export, generate, read, Inputs, PageInput};
use proptest::prelude::*;

/// Cases per property: `PROPERTY_CASES` in the environment, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn read_one(path: &str, bytes: Vec<u8>) -> infobip_codes_codegen::Reading {
    read(&Inputs::pages(vec![PageInput::new(path, bytes)]))
}

/// Reading and emitting must not panic; whatever is read emits a Rust file and exports
/// every code; a reading without errors builds, to that very file.
fn survives(path: &str, bytes: Vec<u8>) {
    let inputs = Inputs::pages(vec![PageInput::new(path, bytes)]);
    let r = read(&inputs);
    let source = generate(&r);
    assert!(
        source.is_ok(),
        "emitted tokens are not a Rust file: {source:?}"
    );
    exports_hold_every_code(&r.catalog);
    if !r.diagnostics.has_errors() {
        let built =
            build(&inputs).unwrap_or_else(|d| panic!("read gave no error, build did:\n{d}"));
        assert_eq!(Some(&built.source), source.as_ref().ok());
    }
}

/// Fragments that steer random text into the readers' deeper paths.
fn noise_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        Just("|".to_owned()),
        Just("|-|-|".to_owned()),
        Just("## General status codes".to_owned()),
        Just("###PENDING (group id: 1) - general status codes".to_owned()),
        Just("## Chat error codes".to_owned()),
        Just("Group ID: 7".to_owned()),
        Just("`".to_owned()),
        Just("`EC_X`".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("</li></ul>".to_owned()),
        Just("<br />".to_owned()),
        Just("[block:api-header]".to_owned()),
        Just("{\"title\": \"Error codes\"}".to_owned()),
        Just("[block:parameters]{\"data\":{\"h-0\":\"Id\",\"h-1\":\"Status\",\"0-0\":\"1\",\"0-1\":\"`A`\"},\"cols\":2,\"rows\":1}[/block]".to_owned()),
        Just("[/block]".to_owned()),
        Just("<table><tr><th>Id</th><th>Error</th></tr><tr><td>".to_owned()),
        Just("</td></tr></table>".to_owned()),
        Just("<h2>Voice error codes</h2>".to_owned()),
        Just("true".to_owned()),
        Just("\\".to_owned()),
        (0u32..70_000).prop_map(|n| n.to_string()),
        "[a-zA-Z_é日 ]{1,8}",
    ]
}

fn noise() -> impl Strategy<Value = String> {
    prop::collection::vec(noise_piece(), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        survives("x.md", bytes.clone());
        survives("x.html", bytes.clone());
        let mut capture = b"Node:\n(type) c\n(layer)0\n\tElement:hr\n\t\t".to_vec();
        capture.extend(bytes);
        survives("x.txt", capture);
    }

    #[test]
    fn page_like_noise_never_panics(text in noise()) {
        survives("n.md", text.clone().into_bytes());
        survives("n.txt", text.replace('\n', " ").into_bytes());
        survives("n.html", text.into_bytes());
    }
}

// ---- random well-formed pages ----------------------------------------------------------

const CHANNELS: [(&str, &str); 8] = [
    ("General", "general"),
    ("Voice", "voice"),
    ("Push notifications", "push"),
    ("Email", "email"),
    ("MMS", "mms"),
    ("Mobile Identity", "mobile-identity"),
    ("Live Chat", "live-chat"),
    ("Voice and WebRTC", "voice-and-webrtc"),
];
const STATUS_GROUPS: [(u16, &str); 5] = [
    (1, "PENDING"),
    (2, "UNDELIVERABLE"),
    (3, "DELIVERED"),
    (4, "EXPIRED"),
    (5, "REJECTED"),
];
const ERROR_GROUPS: [&str; 5] = [
    "HANDSET_ERRORS",
    "Registration error",
    "System Error",
    "Cloud error",
    "OPERATOR_ERRORS",
];

#[derive(Clone, Debug)]
struct Row {
    id: u16,
    name: String,
    description: String,
    permanent: Option<bool>,
}

#[derive(Clone, Debug)]
struct Group {
    name: String,
    id: Option<u16>,
    description: String,
    rows: Vec<Row>,
}

#[derive(Clone, Debug)]
struct Section {
    kind: Kind,
    channel: usize,
    groups: Vec<Group>,
    ungrouped: Vec<Row>,
}

#[derive(Clone, Debug)]
struct Page {
    current_layout: bool,
    sections: Vec<Section>,
}

fn description() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9]{1,10}",
        Just(" ".to_owned()),
        prop::sample::select(vec![
            ".",
            ",",
            ";",
            ":",
            "!",
            "?",
            "-",
            "'",
            "\"",
            "(",
            ")",
            "*",
            "_",
            "[",
            "]",
            "<",
            ">",
            "`",
            "|",
            "\\",
            "&",
            "#",
            "~",
            "{",
            "}",
            "/",
            "=",
            "+",
            "%",
            "é",
            "ß",
            "日本",
            "&amp;",
            "<b>",
            "http://x.y",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..25).prop_map(|v| v.concat())
}

fn plain_words() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,6}\\."
}

fn name() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9_]{0,20}[A-Z0-9]"
}

fn rows(permanent: bool) -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec((name(), description(), any::<bool>()), 1..5).prop_map(move |v| {
        v.into_iter()
            .map(|(name, description, p)| Row {
                id: 0,
                name,
                description,
                permanent: permanent.then_some(p),
            })
            .collect()
    })
}

fn section() -> impl Strategy<Value = Section> {
    (any::<bool>(), 0..CHANNELS.len(), any::<bool>()).prop_flat_map(
        |(is_status, channel, permanent)| {
            let kind = if is_status { Kind::Status } else { Kind::Error };
            let with_permanent = !is_status && permanent;
            let group = (
                0usize..5,
                any::<bool>(),
                plain_words(),
                rows(with_permanent),
            )
                .prop_map(move |(g, has_id, description, rows)| {
                    let (id, name) = if is_status {
                        (Some(STATUS_GROUPS[g].0), STATUS_GROUPS[g].1.to_owned())
                    } else {
                        (has_id.then_some(g as u16), ERROR_GROUPS[g].to_owned())
                    };
                    Group {
                        name,
                        id,
                        description,
                        rows,
                    }
                });
            (
                prop::collection::vec(group, 0..3),
                prop::option::of(rows(with_permanent)),
            )
                .prop_map(move |(mut groups, ungrouped)| {
                    // One group heading per group name in a section.
                    let mut seen = Vec::new();
                    groups.retain(|g| {
                        let fresh = !seen.contains(&g.name);
                        seen.push(g.name.clone());
                        fresh
                    });
                    Section {
                        kind,
                        channel,
                        groups,
                        ungrouped: ungrouped.unwrap_or_default(),
                    }
                })
        },
    )
}

fn page() -> impl Strategy<Value = Page> {
    (any::<bool>(), prop::collection::vec(section(), 1..4))
        .prop_map(|(current_layout, mut sections)| {
            // One section per kind and channel; distinct ids within each.
            let mut seen = Vec::new();
            sections.retain(|s| {
                let fresh = !seen.contains(&(s.kind, s.channel));
                seen.push((s.kind, s.channel));
                fresh
            });
            for s in &mut sections {
                let mut next = 1u16;
                // In the 2019 layout a table needs a group heading.
                if !current_layout && !s.ungrouped.is_empty() {
                    let rows = std::mem::take(&mut s.ungrouped);
                    let (id, name) = match s.kind {
                        Kind::Status => (Some(1), "PENDING".to_owned()),
                        Kind::Error => (Some(9), "Other errors".to_owned()),
                    };
                    if !s.groups.iter().any(|g| g.name == name) {
                        s.groups.push(Group {
                            name,
                            id,
                            description: "Other.".into(),
                            rows,
                        });
                    }
                }
                if !current_layout {
                    // The 2019 heading always carries an id: give one to id-less groups.
                    for (i, g) in s.groups.iter_mut().enumerate() {
                        g.id.get_or_insert(20 + i as u16);
                    }
                }
                for row in s
                    .groups
                    .iter_mut()
                    .flat_map(|g| g.rows.iter_mut())
                    .chain(s.ungrouped.iter_mut())
                {
                    row.id = next;
                    next += 1;
                }
            }
            Page {
                current_layout,
                sections,
            }
        })
        .prop_filter("a page documents at least one code", |p| {
            !expected(p).is_empty()
        })
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Status => "status",
        Kind::Error => "error",
    }
}

/// Markdown text: every ASCII punctuation character escaped.
fn md_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn table_md(kind: Kind, current: bool, rows: &[Row]) -> String {
    let perm = rows.first().is_some_and(|r| r.permanent.is_some());
    let mut t = String::new();
    let name_col = if kind == Kind::Status {
        "Status"
    } else {
        "Error"
    };
    if current {
        t.push_str(&format!(
            "| ID |{} {name_col} | Description |\n| --- |{} --- | --- |\n",
            if perm { " Permanent |" } else { "" },
            if perm { " --- |" } else { "" }
        ));
        for r in rows {
            let p = r.permanent.map_or(String::new(), |p| format!(" {p} |"));
            t.push_str(&format!(
                "| {} |{p} `{}` | {} |\n",
                r.id,
                r.name,
                md_escape(&r.description)
            ));
        }
    } else {
        t.push_str(&format!(
            "|Id|{}{name_col}|\n|-|{}-|\n",
            if perm { "Permanent|" } else { "" },
            if perm { "-|" } else { "" }
        ));
        for r in rows {
            let p = r.permanent.map_or(String::new(), |p| format!("{p}|"));
            t.push_str(&format!(
                "|{}|{p}`{}`<ul><li>{}</li></ul>|\n",
                r.id,
                r.name,
                md_escape(&r.description)
            ));
        }
    }
    t
}

fn render_md(page: &Page) -> String {
    let mut md = String::from("Intro text.\n\n");
    for s in &page.sections {
        let (title, _) = CHANNELS[s.channel];
        let kind = kind_word(s.kind);
        md.push_str(&format!("## {title} {kind} codes\n\n"));
        if page.current_layout && !s.ungrouped.is_empty() {
            md.push_str(&table_md(s.kind, true, &s.ungrouped));
            md.push('\n');
        }
        for g in &s.groups {
            if page.current_layout {
                md.push_str(&format!(
                    "### {} [#{}-anchor]\n\n",
                    g.name,
                    g.name.to_lowercase().replace(' ', "-")
                ));
                if let Some(id) = g.id {
                    md.push_str(&format!("Group ID: {id}\n\n"));
                }
                md.push_str(&format!("{}\n\n", g.description));
            } else {
                md.push_str(&format!(
                    "###{} (group id: {}) - {} {kind} codes\n{}\n",
                    g.name,
                    g.id.unwrap_or_default(),
                    title.to_lowercase(),
                    g.description
                ));
            }
            md.push_str(&table_md(s.kind, page.current_layout, &g.rows));
            md.push('\n');
        }
    }
    md
}

fn table_html(kind: Kind, rows: &[Row]) -> String {
    let perm = rows.first().is_some_and(|r| r.permanent.is_some());
    let name_col = if kind == Kind::Status {
        "Status"
    } else {
        "Error"
    };
    let mut t = format!(
        "<table><thead><tr><th>ID</th>{}<th>{name_col}</th></tr></thead><tbody>\n",
        if perm { "<th>Permanent</th>" } else { "" }
    );
    for r in rows {
        let p = r
            .permanent
            .map_or(String::new(), |p| format!("<td>{p}</td>"));
        t.push_str(&format!(
            "<tr><td>{}</td>{p}<td><code>{}</code><ul><li>{}</li></ul></td></tr>\n",
            r.id,
            r.name,
            html_escape(&r.description)
        ));
    }
    t.push_str("</tbody></table>\n");
    t
}

fn render_html(page: &Page) -> String {
    let mut h = String::from("<!DOCTYPE html><html><head><script>var t = '<table>';</script></head><body><nav><table><tr><th>Id</th><th>Status</th></tr><tr><td>1</td><td>x</td></tr></table></nav><main>\n<p>Intro text.</p>\n");
    for s in &page.sections {
        let (title, _) = CHANNELS[s.channel];
        h.push_str(&format!("<h2>{title} {} codes</h2>\n", kind_word(s.kind)));
        if !s.ungrouped.is_empty() {
            h.push_str(&table_html(s.kind, &s.ungrouped));
        }
        for g in &s.groups {
            h.push_str(&format!("<h3>{}</h3>\n", html_escape(&g.name)));
            if let Some(id) = g.id {
                h.push_str(&format!("<p>Group ID: {id}</p>\n"));
            }
            h.push_str(&format!("<p>{}</p>\n", g.description));
            h.push_str(&table_html(s.kind, &g.rows));
        }
    }
    h.push_str("</main><footer><p>(c)</p></footer></body></html>\n");
    h
}

/// Whitespace runs as one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

type Expected = Vec<(
    Kind,
    String,
    u16,
    String,
    Option<bool>,
    Option<(Option<u16>, String)>,
    String,
)>;

fn expected(page: &Page) -> Expected {
    let mut rows = Vec::new();
    for s in &page.sections {
        let slug = CHANNELS[s.channel].1.to_owned();
        let row = |r: &Row, g: Option<&Group>| {
            (
                s.kind,
                slug.clone(),
                r.id,
                r.name.clone(),
                r.permanent,
                g.map(|g| (g.id, g.name.clone())),
                collapse(&r.description),
            )
        };
        rows.extend(s.ungrouped.iter().map(|r| row(r, None)));
        for g in &s.groups {
            rows.extend(g.rows.iter().map(|r| row(r, Some(g))));
        }
    }
    rows.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    rows
}

fn actual(path: &str, bytes: Vec<u8>) -> Expected {
    let r = read_one(path, bytes);
    assert!(!r.diagnostics.has_errors(), "{}", r.diagnostics);
    let mut rows: Expected = r
        .catalog
        .codes
        .iter()
        .map(|c| {
            (
                c.kind,
                c.channel.clone(),
                c.id,
                c.name.clone(),
                c.permanent,
                c.group.as_ref().map(|g| (g.id, g.name.clone())),
                // The plain text that `description()` returns is the page's text.
                collapse(&c.description_text()),
            )
        })
        .collect();
    rows.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    rows
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(500), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn well_formed_pages_read_back_their_rows_in_every_form(page in page()) {
        let want = expected(&page);
        let md = render_md(&page);
        prop_assert_eq!(&actual("p.md", md.clone().into_bytes()), &want, "markdown:\n{}", md);
        let flat = md.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(&actual("p.txt", flat.clone().into_bytes()), &want, "flattened:\n{}", flat);
        let html = render_html(&page);
        prop_assert_eq!(&actual("p.html", html.clone().into_bytes()), &want, "html:\n{}", html);
    }
}

// ---- the exports ------------------------------------------------------------------------

/// The fields of every code, as the exports write them: kind, channel, group id, group
/// name, id, name, permanent, description.
fn export_rows(catalog: &infobip_codes_codegen::model::Catalog) -> Vec<[String; 8]> {
    let text = |o: Option<String>| o.unwrap_or_default();
    catalog
        .codes
        .iter()
        .filter(|c| c.retired.is_none())
        .map(|c| {
            [
                c.kind.as_str().to_owned(),
                c.channel.clone(),
                text(c.group.as_ref().and_then(|g| g.id).map(|i| i.to_string())),
                text(c.group.as_ref().map(|g| g.name.clone())),
                c.id.to_string(),
                c.name.clone(),
                text(c.permanent.map(|p| p.to_string())),
                c.description.clone(),
            ]
        })
        .collect()
}

/// RFC 4180 records: fields split on commas, records on CRLF, both only outside quotes.
fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, csv.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (_, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "CSV ends inside a record: {csv:?}"
    );
    records
}

/// The JSON export parses as JSON and the CSV export as CSV, and both hold exactly the
/// catalog's codes, field by field, in its order.
fn exports_hold_every_code(catalog: &infobip_codes_codegen::model::Catalog) {
    let want = export_rows(catalog);
    let json = export::json(catalog);
    let parsed: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let field = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let from_json: Vec<[String; 8]> = parsed["codes"]
        .as_array()
        .unwrap_or_else(|| panic!("no codes array: {json}"))
        .iter()
        .map(|c| {
            [
                field(&c["kind"]),
                field(&c["channel"]),
                field(&c["group"]["id"]),
                field(&c["group"]["name"]),
                field(&c["id"]),
                field(&c["name"]),
                field(&c["permanent"]),
                field(&c["description"]),
            ]
        })
        .collect();
    assert_eq!(from_json, want, "JSON: {json}");

    let csv = export::csv(catalog);
    let mut records = csv_records(&csv);
    assert_eq!(
        records.first().map(Vec::as_slice),
        Some(
            &[
                "kind",
                "channel",
                "group_id",
                "group_name",
                "id",
                "name",
                "permanent",
                "description"
            ]
            .map(str::to_owned)[..]
        )
    );
    records.remove(0);
    let want: Vec<Vec<String>> = want.into_iter().map(Vec::from).collect();
    assert_eq!(records, want, "CSV: {csv:?}");
}

#[test]
fn the_exports_of_the_vendored_page_hold_its_189_codes() {
    let page = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../docs-source/response-status-and-error-codes.md"),
    )
    .unwrap();
    let r = read_one("p.md", page.clone());
    assert_eq!(export_rows(&r.catalog).len(), 189);
    survives("p.md", page);
}
