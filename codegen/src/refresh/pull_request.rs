//! What a refresh tells the maintainers: the pull-request body, and the `key=value` lines
//! a workflow reads from `$GITHUB_OUTPUT` to label the pull request and decide whether it
//! may merge by itself.

use super::{may_auto_merge, Page};
use crate::diff::report::changes_markdown;
use crate::diff::{Diff, Reason, Version};

/// The pull-request body: the verdict and its reasons (behaviour changes first), the
/// codes added, retired and changed, the merge policy, and each page's provenance.
pub(super) fn body(
    diff: &Diff,
    from: &Version,
    to: &Version,
    pages: &[Page],
    date: &str,
) -> String {
    let mut s = format!(
        "## Refresh of Infobip's status and error codes: {} ({from} -> {to})\n\n",
        diff.verdict
    );
    s.push_str(&format!(
        "`cargo codes refresh` found Infobip's page changed. **Semver verdict: {}**, so the version moves from {from} to {to}.\n\n",
        diff.verdict
    ));
    let (behaviour, other): (Vec<&Reason>, Vec<&Reason>) = diff
        .reasons
        .iter()
        .partition(|r| r.text.ends_with("(behaviour change)"));
    if !behaviour.is_empty() {
        s.push_str(&format!(
            "> **Behaviour change.** {} change(s) alter what retry and finality logic read (`permanent`, the group): a person reviews this pull request before it merges.\n\n",
            behaviour.len()
        ));
    }
    s.push_str(&format!("### Why {}\n\n", diff.verdict));
    for r in &behaviour {
        s.push_str(&format!("- **{}: {}**\n", r.level(), r.text));
    }
    for r in &other {
        s.push_str(&format!("- {}: {}\n", r.level(), r.text));
    }
    s.push_str("\n### What changed\n");
    s.push_str(&changes_markdown(diff));
    s.push_str("\n### Merge\n\n");
    s.push_str(if may_auto_merge(diff) {
        "Descriptions only: this pull request merges by itself once CI is green (the policy in MAINTAINING.md).\n"
    } else {
        "This change waits for a review (the policy in MAINTAINING.md): only a patch verdict without a behaviour change merges by itself.\n"
    });
    s.push_str("\n### Provenance\n\n| page | canonical address | fetched from | retrieved | sha256 |\n| --- | --- | --- | --- | --- |\n");
    for p in pages {
        s.push_str(&format!(
            "| `docs-source/{}` | {} | {} | {date} | `{}` |\n",
            p.file,
            p.canonical.as_deref().unwrap_or("none recorded"),
            fetched_from(p),
            p.sha256
        ));
    }
    s
}

/// The `$GITHUB_OUTPUT` lines of a refresh: `outcome`, `verdict`, `version`,
/// `behaviour-change`, `auto-merge` and `labels` (comma-separated: `behaviour change`,
/// `major`). Without a diff, the refresh wrote nothing (`outcome=up-to-date`).
pub(super) fn outputs(diff: Option<&Diff>, version: Option<&Version>) -> String {
    let Some(diff) = diff else {
        return "outcome=up-to-date\nverdict=none\nversion=\nbehaviour-change=false\nauto-merge=false\nlabels=\n".to_owned();
    };
    let mut labels = Vec::new();
    if diff.has_behaviour_change() {
        labels.push("behaviour change");
    }
    if diff.verdict == crate::diff::Level::Major {
        labels.push("major");
    }
    format!(
        "outcome=changed\nverdict={}\nversion={}\nbehaviour-change={}\nauto-merge={}\nlabels={}\n",
        diff.verdict,
        version.map(ToString::to_string).unwrap_or_default(),
        diff.has_behaviour_change(),
        may_auto_merge(diff),
        labels.join(",")
    )
}

/// Where a page was fetched from, as the body may say it: a URL, or a local file by its
/// name alone (a path on the maintainer's machine means nothing to a reviewer).
fn fetched_from(p: &Page) -> String {
    let from = place(p);
    match p.redirects.last() {
        Some(to) => format!("{from}, redirected to {to}"),
        None => from,
    }
}

fn place(p: &Page) -> String {
    if Some(&p.fetched_from) == p.canonical.as_ref() {
        "the canonical address".to_owned()
    } else if p.fetched.is_url {
        p.fetched_from.clone()
    } else {
        let name = std::path::Path::new(&p.fetched_from)
            .file_name()
            .map_or_else(
                || "a local file".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        format!("the local file {name}")
    }
}
