//! The README is the user's page, on GitHub and on crates.io; MAINTAINING.md is the
//! maintainer's guide. Their links lead somewhere from wherever they are read.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file)).unwrap()
}

/// The prose of a markdown file, without its code blocks.
fn prose(markdown: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The targets of the inline links `[text](target)` of a markdown file's prose.
fn links(markdown: &str) -> Vec<String> {
    let prose = prose(markdown);
    let mut targets = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find(')').expect("a link's target ends");
        targets.push(after[..end].to_owned());
        rest = &after[end..];
    }
    targets
}

/// The anchors of a markdown file's headings, as GitHub makes them.
fn anchors(markdown: &str) -> Vec<String> {
    prose(markdown)
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|h| {
            h.trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// The files the package carries: `include` in Cargo.toml.
fn packaged(path: &str) -> bool {
    let manifest = read("Cargo.toml");
    let include = manifest
        .split("include = [")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .expect("Cargo.toml lists what the package includes");
    include.split('"').skip(1).step_by(2).any(|entry| {
        let entry = entry.trim_start_matches('/');
        path == entry || path.starts_with(&format!("{entry}/"))
    })
}

#[test]
fn the_readme_is_short_and_starts_with_an_example() {
    let readme = read("README.md");
    let lines = readme.lines().count();
    assert!(
        lines <= 250,
        "README.md has {lines} lines; the guide is MAINTAINING.md"
    );
    let first_example = readme.find("```rust").expect("an example");
    assert!(
        readme[..first_example].lines().count() <= 15,
        "the first example is within the first screen"
    );
    for command in [
        "$ cargo codes check ",
        "$ cargo test --workspace --all-features ",
    ] {
        assert!(readme.contains(command), "the README gives `{command}`");
    }
}

#[test]
fn readme_links_work_on_github_and_crates_io() {
    let readme = read("README.md");
    let own = anchors(&readme);
    let targets = links(&readme);
    assert!(targets.len() >= 8, "{targets:?}");
    for target in targets {
        if let Some(anchor) = target.strip_prefix('#') {
            assert!(
                own.iter().any(|a| a == anchor),
                "README.md links to #{anchor}"
            );
        } else if !target.starts_with("https://") {
            // crates.io shows the README without the repository around it.
            assert!(
                packaged(&target) && root().join(&target).exists(),
                "README.md links to `{target}`, which the package does not carry: link to \
                 the repository instead"
            );
        }
    }
}

#[test]
fn the_guides_links_lead_to_files_and_sections_that_exist() {
    let guide = read("MAINTAINING.md");
    let own = anchors(&guide);
    for target in links(&guide) {
        if target.starts_with("https://") {
            continue;
        }
        let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
        let anchors = if file.is_empty() {
            own.clone()
        } else {
            assert!(
                root().join(file).exists(),
                "MAINTAINING.md links to `{file}`"
            );
            anchors(&read(file))
        };
        if !anchor.is_empty() {
            assert!(
                anchors.iter().any(|a| a == anchor),
                "MAINTAINING.md links to `{target}`, a section that does not exist"
            );
        }
    }
}
