//! Bad pages give located errors with a hint; no row is dropped silently.

use infobip_codes_codegen::model::Kind;
use infobip_codes_codegen::{build, read, Inputs, PageInput};

fn one(path: &str, page: impl Into<Vec<u8>>) -> Inputs {
    Inputs::pages(vec![PageInput::new(path, page)])
}

const HEAD: &str = "## General error codes\n### HANDSET_ERRORS (group id: 1) - general error codes\nHandset issues.\n|Id|Permanent|Error|\n|-|-|-|\n";

/// Every diagnostic of reading `inputs`, whole.
fn messages(inputs: &Inputs) -> Vec<String> {
    read(inputs)
        .diagnostics
        .0
        .iter()
        .map(|d| d.to_string())
        .collect()
}

/// The first line of every diagnostic of reading `inputs`.
fn first_lines(inputs: &Inputs) -> Vec<String> {
    messages(inputs)
        .iter()
        .map(|m| m.lines().next().unwrap_or_default().to_owned())
        .collect()
}

/// The first line of every diagnostic, for a page made of `HEAD` and `rows`.
fn diagnostics(rows: &str) -> Vec<String> {
    first_lines(&one("p.md", format!("{HEAD}{rows}")))
}

#[test]
fn a_good_row_is_a_code() {
    assert!(diagnostics("|1|true|`EC_UNKNOWN_SUBSCRIBER`<ul><li>Gone.</li></ul>|\n").is_empty());
}

#[test]
fn non_numeric_and_out_of_range_ids() {
    assert_eq!(
        diagnostics("|x1|true|`EC_A`|\n|70000|false|`EC_B`|\n"),
        [
            "p.md:6:2: error: non-numeric id `x1`",
            "p.md:7:2: error: id `70000` is out of range",
        ]
    );
}

#[test]
fn an_id_is_digits_alone() {
    assert_eq!(
        diagnostics("|+5|true|`EC_A`|\n| 6 |false|`EC_B`|\n"),
        ["p.md:6:2: error: non-numeric id `+5`"]
    );
}

#[test]
fn permanent_must_be_true_or_false() {
    assert_eq!(
        diagnostics("|1|yes|`EC_A`|\n"),
        ["p.md:6:4: error: permanent value `yes` is not true or false"]
    );
}

#[test]
fn short_and_long_rows() {
    assert_eq!(
        diagnostics("|1|true|\n|2|true|`EC_B`|extra|\n"),
        [
            "p.md:6:1: error: short row: 2 cells, the header has 3",
            "p.md:7:1: error: long row: 4 cells, the header has 3",
        ]
    );
}

#[test]
fn a_row_without_a_name() {
    assert_eq!(
        diagnostics("|1|true||\n"),
        ["p.md:6:9: error: row without a name"]
    );
}

#[test]
fn one_id_under_two_names_in_one_channel_is_two_codes_and_a_warning_naming_both_rows() {
    let inputs = one("p.md", format!("{HEAD}|1|true|`EC_A`|\n|1|true|`EC_B`|\n"));
    assert_eq!(
        messages(&inputs),
        ["p.md:7:1: warning: error id 1 in channel general is documented under another name: `EC_B` here, `EC_A` at p.md:6:1; both are kept as codes\n  | 1 EC_B\n  = hint: `from_channel_id` returns the first in page order, `from_id_all` both, and a payload's `name` chooses between them; if an id was mistyped, fix the row; to keep one, add {\"kind\": \"error\", \"channel\": \"general\", \"id\": 1, \"keep\": {\"name\": ...}} to `duplicates` in docs-source/overrides.json"]
    );
    let generated = build(&inputs).unwrap();
    let names: Vec<&str> = generated
        .catalog
        .codes
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["EC_A", "EC_B"]);
    // Both answer to the id, the first in page order first: one run of the id index.
    assert!(
        generated
            .source
            .contains("ERROR_BY_ID: &[ErrorCode; 2] = &[ErrorCode::EcA, ErrorCode::EcB];"),
        "{}",
        generated.source
    );
}

#[test]
fn a_column_the_crate_has_no_field_for_is_kept_in_the_descriptions() {
    // Mobile Identity's table on the current page has a `Response type` column.
    let page = "## General error codes\n### OK (group id: 0) - general error codes\n|Id|Response type|Error|Description|\n|-|-|-|-|\n|0|SYNC & CALLBACK|`NO_ERROR`|No error.|\n|1||`EC_A`|An error.|\n";
    let inputs = one("p.md", page);
    assert_eq!(
        messages(&inputs),
        ["p.md:3:5: warning: column `Response type` is not one the crate has a field for; each row's cell is kept in its description, as `Response type: ...`\n  | | Id | Response type | Error | Description |\n  = hint: codes tables have the columns Id, Permanent (errors only), Status or Error (the name), and optionally Description"]
    );
    let reading = read(&inputs);
    let descriptions: Vec<&str> = reading
        .catalog
        .codes
        .iter()
        .map(|c| c.description.as_str())
        .collect();
    assert_eq!(
        descriptions,
        ["No error.\n\nResponse type: SYNC & CALLBACK", "An error."]
    );
}

#[test]
fn a_column_without_a_header_is_refused() {
    let page = "## General error codes\n### OK (group id: 0) - general error codes\n|Id| |Error|\n|-|-|-|\n|0|red|`NO_ERROR`|\n";
    let first = messages(&one("p.md", page));
    assert_eq!(
        first,
        ["p.md:3:5: error: a column without a header\n  | | Id |  | Error |\n  = hint: codes tables have the columns Id, Permanent (errors only), Status or Error (the name), and optionally Description"]
    );
}

#[test]
fn a_page_without_codes() {
    let msgs = messages(&one("p.md", "# Nothing here\n\nJust prose.\n"));
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].starts_with("p.md:1:1: error: no codes found in page\n  = hint:"));
}

#[test]
fn input_that_is_not_utf8() {
    let mut page = HEAD.as_bytes().to_vec();
    page.extend_from_slice(b"|1|true|`EC_\xff`|\n");
    let msgs = messages(&one("p.md", page));
    assert_eq!(
        msgs,
        ["p.md:6:13: error: input is not UTF-8\n  | bytes 0xff 0x60 0x7c 0x0a\n  = hint: save the page as UTF-8 (browsers and editors offer it under Save As / encoding)"]
    );
}

#[test]
fn a_codes_table_outside_any_section() {
    let page = "# Intro\n|Id|Status|\n|-|-|\n|5|`DELIVERED_TO_HANDSET`|\n";
    let first = first_lines(&one("p.md", page));
    assert_eq!(first, ["p.md:2:1: error: codes table outside any section"]);
}

#[test]
fn build_refuses_what_read_reports() {
    let err = build(&one("p.md", format!("{HEAD}|x|true|`EC_A`|\n"))).unwrap_err();
    assert!(err.has_errors());
    assert!(build(&one("p.md", format!("{HEAD}|1|true|`EC_A`|\n"))).is_ok());
}

#[cfg(not(feature = "html"))]
#[test]
fn an_html_page_needs_the_html_feature() {
    let msgs = messages(&one(
        "page.html",
        "<html><body><h2>General status codes</h2></body></html>",
    ));
    assert_eq!(
        msgs,
        ["page.html:1:1: error: reading HTML pages needs the `html` feature\n  = hint: build infobip-codes with `--features html` (it enables infobip-codes-codegen/html), or vendor the page as markdown"]
    );
}

#[test]
fn suspicious_but_valid_names_are_warnings() {
    let reading = read(&one(
        "p.md",
        format!("{HEAD}|1|true|`EC_A `|\n|2|false|`ec_a`|\n"),
    ));
    assert!(!reading.diagnostics.has_errors());
    let msgs: Vec<String> = reading
        .diagnostics
        .0
        .iter()
        .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        msgs,
        [
            "p.md:6:9: warning: name `EC_A ` has surrounding spaces; using `EC_A`",
            "p.md:7:1: warning: name `ec_a` differs only in letter case from `EC_A` at p.md:6:1",
        ]
    );
    assert_eq!(reading.catalog.codes.len(), 2);
}

#[test]
fn emission_never_panics_or_drops_a_code_even_on_an_unresolved_catalog() {
    // One code listed twice, the same id under another name, and a name shared across
    // ids, as a catalog holds them before duplicates are resolved: the emitter on its own
    // must still not panic (phf_codegen would on duplicate keys) nor let one code
    // overwrite another.
    let page = format!("{HEAD}|1|true|`EC_A`|\n|1|true|`EC_B`|\n|2|true|`EC_A`|\n");
    let mut reading = read(&one("p.md", page));
    let listed_again = reading.catalog.codes[0].clone();
    reading.catalog.codes.insert(1, listed_again);
    assert_eq!(reading.catalog.codes.len(), 4);
    let source = infobip_codes_codegen::generate(&reading).unwrap();
    let data_rows = source.matches("crate::data::CodeData {").count();
    assert_eq!(data_rows, 4);
    // The same name and id twice: nothing but the page's order separates them.
    for variant in [
        "EcA1GeneralNameCEE9,",
        "EcA1GeneralNameCEE9Dup2,",
        "EcB,",
        "EcA2",
    ] {
        assert!(source.contains(variant), "{variant} missing");
    }
}

/// A codes table whose Id column is spelled `errorId`, holding an id that the rest of the
/// page never lists.
const HLR_TABLE: &str = "| errorId | Permanent | Error | Description |\n| --- | --- | --- | --- |\n| 9001 | true | EC_HLR_UNKNOWN | The number is unknown to the HLR. |\n";

/// A page of one General error, then `heading` on line 8 over `table` from line 10.
fn under(heading: &str, table: &str) -> Inputs {
    one(
        "p.md",
        format!("{HEAD}|1|true|`EC_A`|\n\n{heading}\n\n{table}"),
    )
}

#[test]
fn a_codes_table_is_read_where_its_heading_names_the_kind_and_the_channel() {
    for (heading, channel, deprecated) in [
        ("## HLR error codes", "hlr", false),
        ("## SMS error codes (DEPRECATED)", "sms", true),
        ("## Error Codes (HLR)", "hlr", false),
        ("## Errors (HLR)", "hlr", false),
    ] {
        let reading = read(&under(heading, HLR_TABLE));
        assert!(
            reading.diagnostics.0.is_empty(),
            "{heading}: {}",
            reading.diagnostics
        );
        let code = reading
            .catalog
            .codes
            .iter()
            .find(|c| c.id == 9001)
            .unwrap_or_else(|| panic!("{heading}: 9001 was not read"));
        assert_eq!(
            (
                code.kind,
                code.channel.as_str(),
                code.name.as_str(),
                code.permanent,
                code.description.as_str(),
                code.deprecated,
                code.location.to_string(),
            ),
            (
                Kind::Error,
                channel,
                "EC_HLR_UNKNOWN",
                Some(true),
                "The number is unknown to the HLR.",
                deprecated,
                "p.md:12:1".to_owned(),
            ),
            "{heading}"
        );
        assert_eq!(reading.catalog.codes.len(), 2, "{heading}");
    }
}

#[test]
fn a_codes_table_under_a_heading_that_names_no_channel_is_an_error_at_its_line() {
    let refused = |heading: &str, hint: &str| {
        assert_eq!(
            messages(&under(heading, HLR_TABLE)),
            [format!("p.md:10:1: error: codes table outside any section\n  | | errorId | Permanent | Error | Description |\n  = hint: {hint}")],
            "{heading}"
        );
    };
    refused(
        "## Appendix",
        "its heading `Appendix` at p.md:8:1 names neither a kind (`status codes`, `error codes`, `Errors`) nor a channel; put the table under a heading that names both, e.g. `## General status codes` or `## Error codes (HLR)`",
    );
    for (heading, text) in [("## Errors", "Errors"), ("## Error codes", "Error codes")] {
        refused(
            heading,
            &format!("its heading `{text}` at p.md:8:1 names the kind but no channel; name the channel before the kind or in parentheses after it, e.g. `## HLR error codes`, `## Error codes (HLR)` or `## Errors (HLR)`"),
        );
    }
}

#[test]
fn a_codes_table_under_a_group_heading_outside_any_section_is_an_error() {
    let page =
        "### PENDING (group id: 1) - hlr status codes\n|Id|Status|\n|-|-|\n|1|`PENDING_X`|\n";
    assert_eq!(
        messages(&one("p.md", page)),
        ["p.md:2:1: error: codes table outside any section\n  | | Id | Status |\n  = hint: its heading `PENDING (group id: 1) - hlr status codes` at p.md:1:1 names a group, and no section heading before it names the kind and channel; put one such as `## General status codes` before the group"]
    );
}

#[test]
fn outside_the_sections_only_tables_that_look_like_codes_tables_are_reported() {
    // Quiet: at most one of an Id, a name and a Permanent column.
    for quiet in [
        "| Parameter | Type | Description |\n| --- | --- | --- |\n| groupId | integer | The id of the status group. |\n",
        "| Name | Value |\n|-|-|\n| id | 5 |\n",
        "| messageId | status |\n|-|-|\n| 2250be2d4219-3af1-78856-aabe-1362af1edfd2 | DELIVERED_TO_HANDSET |\n",
        "| Id | Description |\n|-|-|\n| 5 | Delivered. |\n",
    ] {
        assert_eq!(messages(&under("## Appendix", quiet)), Vec::<String>::new(), "{quiet}");
    }
    // Reported: two of them.
    for loud in [
        "| Id | Status |\n|-|-|\n| 5 | `DELIVERED_TO_HANDSET` |\n",
        "| statusId | statusName |\n|-|-|\n| 5 | `DELIVERED_TO_HANDSET` |\n",
        "| Error | Permanent |\n|-|-|\n| `EC_X` | true |\n",
        "| ID | Colour | Permanent |\n|-|-|-|\n| 5 | red | true |\n",
    ] {
        assert_eq!(
            first_lines(&under("## Appendix", loud)),
            ["p.md:10:1: error: codes table outside any section"],
            "{loud}"
        );
    }
}

#[test]
fn inside_a_section_errors_with_a_parenthesis_names_a_group() {
    let reading = read(&under(
        "### Errors (HLR)",
        "|Id|Permanent|Error|\n|-|-|-|\n|2|false|`EC_B`|\n",
    ));
    assert!(reading.diagnostics.0.is_empty(), "{}", reading.diagnostics);
    let code = reading.catalog.codes.iter().find(|c| c.id == 2).unwrap();
    let group = code.group.as_ref().unwrap();
    assert_eq!(
        (code.channel.as_str(), group.id, group.name.as_str()),
        ("general", None, "Errors (HLR)")
    );
}

/// `retrieved` in provenance.json has one format, a date; anything else is a located
/// warning (what `cargo codes check --deny-warnings` refuses).
#[test]
fn retrieved_is_a_date() {
    use infobip_codes_codegen::diag::Diagnostics;
    use infobip_codes_codegen::docs_source::{inputs_from_files, DocFile};
    let file = |name: &str, text: &str| DocFile {
        name: name.to_owned(),
        bytes: text.as_bytes().to_vec(),
    };
    let page = format!("{HEAD}|1|true|`EC_A`|\n");
    let provenance = |when: &str| {
        format!("{{\"pages\": [\n  {{\"file\": \"p.md\",\n   \"retrieved\": \"{when}\"}}\n]}}\n")
    };
    let mut diags = Diagnostics::default();
    inputs_from_files(
        &[
            file("p.md", &page),
            file("provenance.json", &provenance("2026-11-27")),
        ],
        "docs",
        &mut diags,
    );
    assert!(diags.0.is_empty(), "{diags}");
    inputs_from_files(
        &[
            file("p.md", &page),
            file("provenance.json", &provenance("2026-11-30T23:30:43Z")),
        ],
        "docs",
        &mut diags,
    );
    assert_eq!(
        diags.to_string(),
        "docs/provenance.json:3:17: warning: `retrieved` of p.md is `2026-11-30T23:30:43Z`, not a date
  = hint: write the UTC date the page was retrieved, YYYY-MM-DD, as `cargo codes vendor` does
"
    );
}

#[test]
fn a_codes_table_without_an_id_or_a_name_column() {
    let hint = "codes tables have the columns Id, Permanent (errors only), Status or Error (the name), and optionally Description";
    let no_id = "## General error codes\n### OK (group id: 0) - general error codes\n|Permanent|Error|\n|-|-|\n|false|`NO_ERROR`|\n";
    assert_eq!(
        messages(&one("p.md", no_id)),
        [format!("p.md:3:1: error: codes table has no Id column\n  | | Permanent | Error |\n  = hint: {hint}")]
    );
    let no_name = "## General status codes\n### PENDING (group id: 1) - general status codes\n|Id|Description|\n|-|-|\n|7|Forwarded.|\n";
    assert_eq!(
        messages(&one("p.md", no_name)),
        [format!("p.md:3:1: error: codes table has no Status/Error column\n  | | Id | Description |\n  = hint: {hint}")]
    );
}

#[test]
fn a_status_group_id_names_one_group_in_every_channel() {
    let page = "## General status codes\n### PENDING (group id: 1) - general status codes\nPending.\n|Id|Status|\n|-|-|\n|7|`PENDING_ENROUTE`|\n## Voice status codes\n### QUEUED (group id: 1) - voice status codes\nQueued.\n|Id|Status|\n|-|-|\n|5100|`QUEUED_CALL`|\n";
    assert_eq!(
        messages(&one("p.md", page)),
        ["p.md:8:1: error: status group id 1 is `QUEUED` here but `PENDING` at p.md:2:1 (one id names one group in every channel)\n  = hint: fix the group heading so that the id and the name agree"]
    );
    // Across pages too, and whatever the channel: status groups are one set.
    let other = "## Push status codes\n### Queued (group id: 1) - push status codes\nQueued.\n|Id|Status|\n|-|-|\n|9|`QUEUED_PUSH`|\n";
    let pages = Inputs::pages(vec![
        PageInput::new("a.md", &page[..page.find("## Voice").unwrap()]),
        PageInput::new("b.md", other),
    ]);
    assert_eq!(
        first_lines(&pages),
        ["b.md:2:1: error: status group id 1 is `Queued` here but `PENDING` at a.md:2:1 (one id names one group in every channel)"]
    );
    // The same name in another spelling is the same group.
    let spelled = "## Voice status codes\n### Pending (group id: 1) - voice status codes\nPending.\n|Id|Status|\n|-|-|\n|5100|`PENDING_CALL`|\n";
    let pages = Inputs::pages(vec![
        PageInput::new("a.md", &page[..page.find("## Voice").unwrap()]),
        PageInput::new("b.md", spelled),
    ]);
    assert_eq!(messages(&pages), Vec::<String>::new());
}

#[test]
fn two_codes_pinned_to_one_variant_name_are_refused() {
    use infobip_codes_codegen::diag::Diagnostics;
    use infobip_codes_codegen::docs_source::{inputs_from_files, DocFile};
    let file = |name: &str, text: String| DocFile {
        name: name.to_owned(),
        bytes: text.into_bytes(),
    };
    let files = [
        file("p.md", format!("{HEAD}|1|true|`EC_A`|\n|2|true|`EC_B`|\n")),
        file(
            "overrides.json",
            r#"{"variants": {"error/general/1": "Same", "error/general/2": "Same"}}"#.to_owned(),
        ),
    ];
    let mut diags = Diagnostics::default();
    let inputs = inputs_from_files(&files, "docs-source", &mut diags);
    assert!(diags.0.is_empty(), "{diags}");
    assert_eq!(
        messages(&inputs),
        ["docs-source/p.md:7:1: error: overrides.json pins `Same` for both `EC_B` (general 2) and `EC_A` at docs-source/p.md:6:1\n  = hint: give each code its own variant name in `variants` of docs-source/overrides.json"]
    );
    assert!(build(&inputs).is_err());
}
