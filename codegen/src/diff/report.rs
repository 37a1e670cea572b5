//! A [`Diff`] written out: text for a terminal, markdown for a pull-request comment,
//! JSON for tools, and a CHANGELOG.md section.

use super::{Change, Diff, Entry, Field, Level, Reason, Rule, ThroughVendor};
use crate::doc_text::code_span;
use crate::json::quote;
use crate::model::Code;

fn group_text(c: &Code) -> String {
    c.group.as_ref().map_or_else(
        || "none".to_owned(),
        |g| match g.id {
            Some(id) => format!("{} ({id})", g.name),
            None => g.name.clone(),
        },
    )
}

fn permanent_text(p: Option<bool>) -> &'static str {
    match p {
        Some(true) => "true",
        Some(false) => "false",
        None => "unset",
    }
}

/// `field: old -> new` for one changed field (descriptions are too long to quote).
fn field_detail(change: &Change, field: Field) -> String {
    let (o, n) = (&change.old, &change.new);
    match field {
        Field::Name => format!("name {} -> {}", o.name, n.name),
        Field::Description => "description".to_owned(),
        Field::Permanent => format!(
            "permanent {} -> {}",
            permanent_text(o.permanent),
            permanent_text(n.permanent)
        ),
        Field::Group => format!("group {} -> {}", group_text(o), group_text(n)),
        Field::Channel => format!("channel {} -> {}", o.channel, n.channel),
    }
}

fn behaviour_note(d: &Diff) -> Option<String> {
    let n = d.changed.iter().filter(|c| c.is_behaviour_change()).count();
    (n > 0).then(|| {
        format!("{n} behaviour change(s): retry and finality logic read `permanent` and the group")
    })
}

fn entry_line(e: &Entry) -> String {
    format!(
        "{} {} {} ({})  {}",
        e.kind, e.id, e.name, e.channel, e.variant
    )
}

/// What `cargo codes vendor` does that a raw edit does not, for the line that gives its
/// verdict.
fn vendor_note(v: &ThroughVendor) -> String {
    match v.retired {
        0 => "it keeps every existing variant name".to_owned(),
        n => format!(
            "it keeps every existing variant name, and the {n} code(s) gone from the page as deprecated variants"
        ),
    }
}

/// The verdict through `cargo codes vendor` and what vendor does (`minor (it keeps
/// ...)`), when the diff has that verdict and changes anything.
fn through_vendor_line(d: &Diff) -> Option<String> {
    let v = d.through_vendor.as_ref().filter(|_| !d.is_empty())?;
    let verdict = if v.verdict == d.verdict {
        format!("{} as well", v.verdict)
    } else {
        v.verdict.to_string()
    };
    Some(format!("{verdict} ({})", vendor_note(v)))
}

/// The vendored verdict's reasons, when they differ from the raw ones.
fn vendored_reasons(d: &Diff) -> Option<(Level, &[Reason])> {
    d.through_vendor
        .as_ref()
        .filter(|v| v.reasons != d.reasons && !d.is_empty())
        .map(|v| (v.verdict, v.reasons.as_slice()))
}

/// Plain text for a terminal.
pub fn text(d: &Diff) -> String {
    let mut s = format!("semver verdict: {}\n", d.verdict);
    if let Some(line) = through_vendor_line(d) {
        s.push_str(&format!("through `cargo codes vendor`: {line}\n"));
    }
    if let Some(note) = behaviour_note(d) {
        s.push_str(&format!("BEHAVIOUR CHANGE: {note}\n"));
    }
    if d.is_empty() {
        s.push_str("no change in meaning\n");
        return s;
    }
    let mut section = |title: &str, mark: char, lines: Vec<String>| {
        if !lines.is_empty() {
            s.push_str(&format!("\n{title} ({}):\n", lines.len()));
            for l in lines {
                s.push_str(&format!("  {mark} {l}\n"));
            }
        }
    };
    section("added", '+', d.added.iter().map(entry_line).collect());
    section("removed", '-', d.removed.iter().map(entry_line).collect());
    section(
        "retired from the page, kept as deprecated",
        '~',
        d.retired.iter().map(entry_line).collect(),
    );
    section(
        "changed",
        '*',
        d.changed
            .iter()
            .map(|c| {
                let e = &c.entry;
                let fields: Vec<String> = c.fields.iter().map(|f| field_detail(c, *f)).collect();
                let flag = if c.is_behaviour_change() {
                    "  [behaviour change]"
                } else {
                    ""
                };
                format!(
                    "{} {} {} ({}): {}{flag}",
                    e.kind,
                    e.id,
                    e.name,
                    e.channel,
                    fields.join("; ")
                )
            })
            .collect(),
    );
    section("groups added", '+', d.groups_added.clone());
    section("groups removed", '-', d.groups_removed.clone());
    section("groups renamed", '~', d.groups_renamed.clone());
    section("channels added", '+', d.channels_added.clone());
    section("channels removed", '-', d.channels_removed.clone());
    let mut why = |title: String, reasons: &[Reason]| {
        s.push_str(&format!("\n{title}:\n"));
        for r in reasons {
            s.push_str(&format!("  {}: {}\n", r.level(), r.text));
        }
    };
    why(format!("why {}", d.verdict), &d.reasons);
    if let Some((level, reasons)) = vendored_reasons(d) {
        why(format!("why {level} through `cargo codes vendor`"), reasons);
    }
    s
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Markdown for a pull-request comment.
pub fn markdown(d: &Diff) -> String {
    let mut s = format!(
        "### infobip-codes: what the page refresh changes\n\n**Semver verdict: {}**\n",
        d.verdict
    );
    if let Some(line) = through_vendor_line(d) {
        s.push_str(&format!("\n**Through `cargo codes vendor`: {line}**\n"));
    }
    if let Some(note) = behaviour_note(d) {
        s.push_str(&format!("\n> **Behaviour change.** {note}.\n"));
    }
    if d.is_empty() {
        s.push_str("\nNo change in meaning: the codes, their names, descriptions, permanence, groups and channels are the same.\n");
        return s;
    }
    s.push_str(&changes_markdown(d));
    let mut why = |summary: String, reasons: &[Reason]| {
        s.push_str(&format!("\n<details><summary>{summary}</summary>\n\n"));
        for r in reasons {
            s.push_str(&format!("- {}: {}\n", r.level(), md_cell(&r.text)));
        }
        s.push_str("\n</details>\n");
    };
    why("Why this verdict".to_owned(), &d.reasons);
    if let Some((level, reasons)) = vendored_reasons(d) {
        why(
            format!("Why {level} through <code>cargo codes vendor</code>"),
            reasons,
        );
    }
    s
}

/// The codes, groups and channels a diff adds, removes, retires and changes, as markdown:
/// a table of codes, then lists of groups and channels.
pub fn changes_markdown(d: &Diff) -> String {
    let mut s = String::new();
    s.push_str("\n| change | kind | id | name | channel | details |\n| --- | --- | --- | --- | --- | --- |\n");
    let row = |s: &mut String, what: &str, e: &Entry, details: String| {
        s.push_str(&format!(
            "| {what} | {} | {} | {} | {} | {} |\n",
            e.kind,
            e.id,
            md_cell(&code_span(&e.name)),
            md_cell(&e.channel),
            md_cell(&details)
        ));
    };
    for e in &d.added {
        row(&mut s, "added", e, format!("`{}`", e.variant));
    }
    for e in &d.removed {
        row(&mut s, "**removed**", e, format!("`{}` is gone", e.variant));
    }
    for e in &d.retired {
        row(
            &mut s,
            "retired",
            e,
            format!("`{}` kept, deprecated", e.variant),
        );
    }
    for c in &d.changed {
        let details: Vec<String> = c
            .fields
            .iter()
            .map(|f| {
                let detail = field_detail(c, *f);
                if f.is_behaviour() {
                    format!("**{detail}** (behaviour change)")
                } else {
                    detail
                }
            })
            .collect();
        row(&mut s, "changed", &c.entry, details.join("; "));
    }
    let mut list = |title: &str, items: &[String]| {
        if !items.is_empty() {
            s.push_str(&format!("\n{title}: {}\n", items.join(", ")));
        }
    };
    list("Groups added", &d.groups_added);
    list("Groups removed", &d.groups_removed);
    list("Groups renamed", &d.groups_renamed);
    list("Channels added", &d.channels_added);
    list("Channels removed", &d.channels_removed);
    s
}

fn json_entry(e: &Entry, extra: &str) -> String {
    format!(
        "{{\"kind\":{},\"channel\":{},\"id\":{},\"name\":{},\"variant\":{}{extra}}}",
        quote(e.kind.as_str()),
        quote(&e.channel),
        e.id,
        quote(&e.name),
        quote(&e.variant)
    )
}

fn json_list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    format!("[{}]", items.join(","))
}

fn json_reasons(reasons: &[Reason]) -> String {
    json_list(reasons.iter().map(|r| {
        format!(
            "{{\"level\":{},\"rule\":{},\"reason\":{}}}",
            quote(r.level().as_str()),
            quote(r.rule.as_str()),
            quote(&r.text)
        )
    }))
}

/// JSON: `{"verdict", "added", "removed", "changed"}` as documented, plus
/// `behaviour_change`, `retired`, `groups`, `channels`, `reasons` and `through_vendor`
/// (`null`, or the verdict, reasons and retired count of the same change through
/// `cargo codes vendor`).
pub fn json(d: &Diff) -> String {
    let removed = d
        .removed
        .iter()
        .map(|e| json_entry(e, ",\"kept_as_deprecated\":false"))
        .chain(
            d.retired
                .iter()
                .map(|e| json_entry(e, ",\"kept_as_deprecated\":true")),
        );
    let changed = d.changed.iter().map(|c| {
        let fields = json_list(c.fields.iter().map(|f| quote(f.as_str())));
        json_entry(
            &c.entry,
            &format!(
                ",\"fields\":{fields},\"behaviour_change\":{}",
                c.is_behaviour_change()
            ),
        )
    });
    let strings = |v: &[String]| json_list(v.iter().map(|s| quote(s)));
    let through_vendor = d.through_vendor.as_ref().map_or_else(
        || "null".to_owned(),
        |v| {
            format!(
                "{{\"verdict\":{},\"retired\":{},\"reasons\":{}}}",
                quote(v.verdict.as_str()),
                v.retired,
                json_reasons(&v.reasons)
            )
        },
    );
    format!(
        "{{\"verdict\":{},\"behaviour_change\":{},\"added\":{},\"removed\":{},\"changed\":{},\"retired\":{},\"groups\":{{\"added\":{},\"removed\":{},\"renamed\":{}}},\"channels\":{{\"added\":{},\"removed\":{}}},\"reasons\":{},\"through_vendor\":{through_vendor}}}\n",
        quote(d.verdict.as_str()),
        d.has_behaviour_change(),
        json_list(d.added.iter().map(|e| json_entry(e, ""))),
        json_list(removed),
        json_list(changed),
        json_list(d.retired.iter().map(|e| json_entry(e, ""))),
        strings(&d.groups_added),
        strings(&d.groups_removed),
        strings(&d.groups_renamed),
        strings(&d.channels_added),
        strings(&d.channels_removed),
        json_reasons(&d.reasons),
    )
}

/// A CHANGELOG.md section for the refresh; `version` heads it (`Unreleased` without).
pub fn changelog(d: &Diff, version: Option<&str>, sources: &[String]) -> String {
    let heading = version.unwrap_or("Unreleased");
    let mut s = format!("## [{heading}] - page refresh\n\n");
    if !sources.is_empty() {
        s.push_str(&format!("Generated from {}.\n\n", sources.join(", ")));
    }
    if d.is_empty() {
        s.push_str("No change in meaning.\n");
        return s;
    }
    let label = |e: &Entry| {
        format!(
            "`{}`: {} {} {} ({})",
            e.variant,
            e.kind,
            e.id,
            code_span(&e.name),
            e.channel
        )
    };
    let mut block = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            s.push_str(&format!("### {title}\n\n"));
            for l in lines {
                s.push_str(&format!("- {l}\n"));
            }
            s.push('\n');
        }
    };
    let mut added: Vec<String> = d.added.iter().map(label).collect();
    added.extend(d.groups_added.iter().cloned());
    added.extend(d.channels_added.iter().map(|c| format!("channel `{c}`")));
    block("Added", added);
    let mut changed: Vec<String> = d
        .changed
        .iter()
        .map(|c| {
            let details: Vec<String> = c.fields.iter().map(|f| field_detail(c, *f)).collect();
            let prefix = if c.is_behaviour_change() {
                "**Behaviour change:** "
            } else {
                ""
            };
            format!("{prefix}{}: {}", label(&c.entry), details.join("; "))
        })
        .collect();
    changed.extend(
        d.groups_renamed
            .iter()
            .map(|g| format!("{g} (the variant stays)")),
    );
    block("Changed", changed);
    block(
        "Deprecated",
        d.retired
            .iter()
            .map(|e| {
                format!(
                    "{}: no longer on Infobip's page, kept as a deprecated variant",
                    label(e)
                )
            })
            .collect(),
    );
    let mut removed: Vec<String> = d.removed.iter().map(label).collect();
    removed.extend(
        d.groups_removed
            .iter()
            .map(|g| format!("{g} (no longer listed)")),
    );
    removed.extend(
        d.channels_removed
            .iter()
            .map(|c| format!("channel `{c}` (no longer listed)")),
    );
    block("Removed", removed);
    s.push_str(&format!(
        "Semver: {}, by these rules of \"The semver verdict\" in MAINTAINING.md:\n\n",
        d.verdict
    ));
    let mut rules: Vec<Rule> = d.reasons.iter().map(|r| r.rule).collect();
    rules.sort();
    rules.dedup();
    for rule in rules {
        s.push_str(&format!("- {}: {}\n", rule.change(), rule.level()));
    }
    s
}
