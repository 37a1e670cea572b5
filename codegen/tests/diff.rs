//! The diff of meaning on edited copies of the vendored page: each kind of change, its
//! semver verdict, the reflow-only case, and the behaviour-change flag in every format.

use infobip_codes_codegen::diag::Diagnostics;
use infobip_codes_codegen::diff::report;
use infobip_codes_codegen::diff::{diff, Diff, Field, Level, Reason, Rule};
use infobip_codes_codegen::docs_source::{self, DocFile};
use infobip_codes_codegen::{read, Inputs};
use std::path::Path;

const PAGE: &str = "response-status-and-error-codes.md";

fn vendored_files() -> Vec<DocFile> {
    docs_source::read_dir_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-source"))
        .unwrap()
}

fn inputs(files: &[DocFile]) -> Inputs {
    let mut diags = Diagnostics::default();
    let inputs = docs_source::inputs_from_files(files, "docs-source", &mut diags);
    assert!(!diags.has_errors(), "{diags}");
    inputs
}

/// The vendored folder with its page edited by `edit`, and with `extra` files set.
fn edited(edit: impl Fn(String) -> String, extra: &[(&str, &str)]) -> Vec<DocFile> {
    let mut files = vendored_files();
    for f in &mut files {
        if f.name == PAGE {
            f.bytes = edit(String::from_utf8(f.bytes.clone()).unwrap()).into_bytes();
        }
    }
    for (name, text) in extra {
        files.retain(|f| f.name != *name);
        files.push(DocFile {
            name: (*name).to_owned(),
            bytes: text.as_bytes().to_vec(),
        });
    }
    files
}

fn compare(new: &[DocFile]) -> Diff {
    let old = read(&inputs(&vendored_files()));
    let new = read(&inputs(new));
    assert!(!new.diagnostics.has_errors(), "{}", new.diagnostics);
    diff(&old, &new)
}

fn replace(from: &'static str, to: &'static str) -> impl Fn(String) -> String {
    move |page: String| {
        assert!(page.contains(from), "{from}");
        page.replacen(from, to, 1)
    }
}

#[test]
fn an_unchanged_or_reflowed_page_changes_nothing() {
    assert_eq!(compare(&vendored_files()).verdict, Level::None);
    // Flattened, with its line breaks gone: the same meaning.
    let flat = compare(&edited(|p| p.replace('\n', " "), &[]));
    assert_eq!(flat.verdict, Level::None, "{:?}", flat.reasons);
    assert!(flat.is_empty());
    assert_eq!(
        report::text(&flat),
        "semver verdict: none\nno change in meaning\n"
    );
    assert!(report::json(&flat).starts_with("{\"verdict\":\"none\",\"behaviour_change\":false,\"added\":[],\"removed\":[],\"changed\":[]"));
}

#[test]
fn a_description_is_a_patch() {
    let d = compare(&edited(
        replace(
            "Message has been successfully processed and delivered to recipient.",
            "Delivered to the recipient's handset.",
        ),
        &[],
    ));
    assert_eq!(d.verdict, Level::Patch);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].fields, [Field::Description]);
    assert_eq!(d.changed[0].entry.variant, "StatusCode::DeliveredToHandset");
    assert!(!d.has_behaviour_change());
}

#[test]
fn new_codes_groups_and_channels_are_minor() {
    let d = compare(&edited(
        replace(
            "|5|`DELIVERED_TO_HANDSET`",
            "|99|`DELIVERED_TO_MARS`<ul><li>On Mars.</li></ul>|\n|5|`DELIVERED_TO_HANDSET`",
        ),
        &[],
    ));
    assert_eq!(d.verdict, Level::Minor);
    assert_eq!(d.added.len(), 1);
    assert_eq!(
        (d.added[0].id, d.added[0].variant.as_str()),
        (99, "StatusCode::DeliveredToMars")
    );

    let d = compare(&edited(
        |p| {
            format!("{p}##MMS error codes\n###Delivery error (group id: 4) - mms error codes\nMMS failures.\n|Id|Permanent|Error|\n|-|-|-|\n|9001|true|`EC_MMS_TOO_BIG`<ul><li>Too big.</li></ul>|\n")
        },
        &[],
    ));
    assert_eq!(d.verdict, Level::Minor);
    assert_eq!(d.channels_added, ["mms"]);
    assert_eq!(d.groups_added, ["error group 4 Delivery error (mms)"]);
    assert!(d.variants_added.contains(&"Channel::Mms".to_owned()));
    assert!(d
        .variants_added
        .contains(&"ErrorGroup::DeliveryError".to_owned()));
}

#[test]
fn permanence_and_group_changes_are_minor_behaviour_changes_flagged_everywhere() {
    let d = compare(&edited(
        replace(
            "|27|false|`EC_ABSENT_SUBSCRIBER`",
            "|27|true|`EC_ABSENT_SUBSCRIBER`",
        ),
        &[],
    ));
    assert_eq!(d.verdict, Level::Minor);
    assert_eq!(d.changed[0].fields, [Field::Permanent]);
    assert!(d.has_behaviour_change());
    assert!(report::text(&d).contains("BEHAVIOUR CHANGE"));
    assert!(report::text(&d).contains(
        "error 27 EC_ABSENT_SUBSCRIBER (general): permanent false -> true  [behaviour change]"
    ));
    assert!(report::markdown(&d).contains("**permanent false -> true** (behaviour change)"));
    assert!(report::json(&d).contains("\"fields\":[\"permanent\"],\"behaviour_change\":true"));
    assert!(report::changelog(&d, None, &[])
        .contains("- **Behaviour change:** `ErrorCode::EcAbsentSubscriber`"));

    // Move EC_ILLEGAL_SUBSCRIBER (9) from HANDSET_ERRORS to OPERATOR_ERRORS.
    let d = compare(&edited(
        |p| {
            let row = "|9|true|`EC_ILLEGAL_SUBSCRIBER`<ul><li>Illegal Subscriber</li></ul>|\n";
            let p = p.replacen(row, "", 1);
            p.replacen(
                "|10|true|`EC_BEARER_SERVICE_NOT_PROVISIONED`",
                &format!("{}|10|true|`EC_BEARER_SERVICE_NOT_PROVISIONED`", row),
                1,
            )
        },
        &[],
    ));
    assert_eq!(d.verdict, Level::Minor);
    assert_eq!(d.changed[0].fields, [Field::Group]);
    assert!(report::text(&d)
        .contains("group HANDSET_ERRORS (1) -> OPERATOR_ERRORS (3)  [behaviour change]"));
}

#[test]
fn a_reworded_name_keeps_its_pinned_variant_unless_nothing_pins_it() {
    let reword = replace("`EC_VALIDITYEXPIRED`", "`EC_VALIDITY_EXPIRED`");
    let d = compare(&edited(&reword, &[]));
    assert_eq!(d.verdict, Level::Minor);
    assert_eq!(d.changed[0].fields, [Field::Name]);
    assert_eq!(d.changed[0].entry.variant, "ErrorCode::EcValidityexpired");
    assert!(d.variants_removed.is_empty());

    // Without the pins the variant would be renamed: a major change.
    let no_pins = "{\"variants\": {}, \"duplicates\": []}";
    let old = read(&inputs(&edited(|p| p, &[("overrides.json", no_pins)])));
    let new = read(&inputs(&edited(&reword, &[("overrides.json", no_pins)])));
    let d = diff(&old, &new);
    assert_eq!(d.verdict, Level::Major);
    assert_eq!(d.variants_removed, ["ErrorCode::EcValidityexpired"]);
    assert_eq!(d.variants_added, ["ErrorCode::EcValidityExpired"]);
}

#[test]
fn a_removed_code_is_major_unless_retired() {
    let remove = |p: String| {
        let at = p.find("|5415|").unwrap();
        let end = at + p[at..].find('\n').unwrap() + 1;
        format!("{}{}", &p[..at], &p[end..])
    };
    let d = compare(&edited(remove, &[]));
    assert_eq!(d.verdict, Level::Major);
    assert_eq!(
        d.removed[0].variant,
        "ErrorCode::EcVoiceUnsupportedMediaType"
    );
    assert!(report::text(&d).contains("- error 5415 EC_VOICE_UNSUPPORTED_MEDIA_TYPE (voice)"));

    let retired = r#"{"codes": [{"kind": "error", "channel": "voice", "id": 5415, "name": "EC_VOICE_UNSUPPORTED_MEDIA_TYPE", "group": {"id": 3, "name": "OPERATOR_ERRORS"}, "permanent": false, "description": "Format of the file is not supported.", "retired_in": "0.1.1"}]}"#;
    let d = compare(&edited(remove, &[("retired.json", retired)]));
    assert_eq!(d.verdict, Level::Minor);
    assert!(d.removed.is_empty());
    assert_eq!(
        d.retired[0].variant,
        "ErrorCode::EcVoiceUnsupportedMediaType"
    );
    assert_eq!(
        d.variants_deprecated,
        ["ErrorCode::EcVoiceUnsupportedMediaType"]
    );
    assert!(report::json(&d).contains("\"kept_as_deprecated\":true"));
    assert!(report::changelog(&d, Some("0.1.1"), &[]).contains("### Deprecated"));
}

#[test]
fn a_code_that_changes_channel_is_reported_as_such() {
    let d = compare(&edited(
        |p| {
            let row = "|5492|true|`EC_DUPLICATE_MESSAGE`<ul><li>The same voice message has already been sent to this destination address.</li></ul>|\n";
            p.replacen(row, "", 1).replacen(
                "|7280|true|`EC_DUPLICATE_REQUEST`",
                &format!("{}|7280|true|`EC_DUPLICATE_REQUEST`", row),
                1,
            )
        },
        &[],
    ));
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].fields[0], Field::Channel);
    assert!(report::text(&d).contains("channel voice -> chat"));
}

#[test]
fn every_format_gives_the_reasons_for_its_verdict() {
    let d = compare(&edited(
        |p| {
            replace(
                "|27|false|`EC_ABSENT_SUBSCRIBER`",
                "|27|true|`EC_ABSENT_SUBSCRIBER`",
            )(p)
            .replacen(
                "|5|`DELIVERED_TO_HANDSET`",
                "|99|`DELIVERED_TO_MARS`<ul><li>On Mars.</li></ul>|\n|5|`DELIVERED_TO_HANDSET`",
                1,
            )
            .replacen(
                "Message has been successfully processed and delivered to recipient.",
                "Delivered to the recipient's handset.",
                1,
            )
        },
        &[],
    ));
    assert_eq!(d.verdict, Level::Minor);
    let text = report::text(&d);
    assert!(
        text.ends_with(
            "\nwhy minor:
  minor: variant `StatusCode::DeliveredToMars` added
  patch: status 5 `DELIVERED_TO_HANDSET` (general): description changed
  minor: error 27 `EC_ABSENT_SUBSCRIBER` (general): permanent changed (behaviour change)
"
        ),
        "{text}"
    );
    assert!(report::markdown(&d).contains(
        "<details><summary>Why this verdict</summary>

- minor: variant `StatusCode::DeliveredToMars` added
- patch: status 5 `DELIVERED_TO_HANDSET` (general): description changed
- minor: error 27 `EC_ABSENT_SUBSCRIBER` (general): permanent changed (behaviour change)
"
    ));
    assert!(report::json(&d).contains(
        "\"reasons\":[{\"level\":\"minor\",\"rule\":\"addition\",\"reason\":\"variant `StatusCode::DeliveredToMars` added\"},{\"level\":\"patch\",\"rule\":\"description\","
    ));
    assert!(report::json(&d).ends_with(",\"through_vendor\":null}\n"));
    // The changelog names the rules of the guide's table that the change falls under.
    assert!(report::changelog(&d, Some("0.1.1"), &[]).ends_with(
        "Semver: minor, by these rules of \"The semver verdict\" in MAINTAINING.md:

- a description: patch
- new codes, groups or channels, or a retired code back on the page (the enums are `#[non_exhaustive]`): minor
- a `permanent` flag or a group: minor
"
    ));
}

/// The maintainer's guide's table of the verdict is the rules the diff applies, word for
/// word, in the section the changelog names.
#[test]
fn the_guides_table_is_the_rules_of_the_verdict() {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../MAINTAINING.md"))
            .unwrap();
    let section = guide
        .split("\n## The semver verdict\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("MAINTAINING.md has a section \"The semver verdict\"");
    let table = Rule::table();
    assert!(
        section.contains(&table),
        "MAINTAINING.md's table in \"The semver verdict\" should read:\n{table}"
    );
    assert_eq!(table.lines().count(), Rule::ALL.len() + 2);
    assert_eq!(
        Rule::ALL.map(Rule::level),
        [
            Level::Patch,
            Level::Minor,
            Level::Minor,
            Level::Minor,
            Level::Minor,
            Level::Minor,
            Level::Major
        ]
    );
}

#[test]
fn a_mistyped_id_passes_with_a_warning_and_the_diff_shows_the_code_that_disappeared() {
    // EC_ILLEGAL_SUBSCRIBER (9) typed as 10, the id of EC_BEARER_SERVICE_NOT_PROVISIONED:
    // on the page this looks like one id documented under two names.
    let typo = edited(
        replace(
            "|9|true|`EC_ILLEGAL_SUBSCRIBER`",
            "|10|true|`EC_ILLEGAL_SUBSCRIBER`",
        ),
        &[],
    );
    let reading = read(&inputs(&typo));
    let warnings: Vec<String> = reading
        .diagnostics
        .warnings()
        .map(|w| w.to_string().lines().next().unwrap_or_default().to_owned())
        .filter(|w| w.contains("another name"))
        .collect();
    assert_eq!(
        warnings,
        ["docs-source/response-status-and-error-codes.md:203:1: warning: error id 10 in channel general is documented under another name: `EC_BEARER_SERVICE_NOT_PROVISIONED` here, `EC_ILLEGAL_SUBSCRIBER` at docs-source/response-status-and-error-codes.md:124:1; both are kept as codes"]
    );
    let d = compare(&typo);
    assert_eq!(d.verdict, Level::Major);
    // The diff of meaning: the code of id 9 is gone, a major change, and the same name
    // appears at the id it was mistyped as.
    assert_eq!(
        report::text(&d),
        "semver verdict: major\n\n\
         added (1):\n  + error 10 EC_ILLEGAL_SUBSCRIBER (general)  ErrorCode::EcIllegalSubscriber\n\n\
         removed (1):\n  - error 9 EC_ILLEGAL_SUBSCRIBER (general)  ErrorCode::EcIllegalSubscriber\n\n\
         why major:\n  major: error 9 `EC_ILLEGAL_SUBSCRIBER` (general) removed\n"
    );
    assert_eq!(
        d.reasons,
        [Reason {
            rule: Rule::Removal,
            text: "error 9 `EC_ILLEGAL_SUBSCRIBER` (general) removed".to_owned()
        }]
    );
}
