//! The GitHub workflows against what MAINTAINING.md and SECURITY.md say of them: the
//! refresh workflow runs the command the maintainers' guide gives, reads only the outputs
//! it documents and treats its exit statuses as documented; every action is pinned to a
//! commit with its version; no checkout keeps its token; every job declares its
//! permissions; no `${{ }}` is expanded inside a script. zizmor and actionlint (in
//! `.ci/run`) check more; these hold without them, in `cargo test`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every workflow, by file name.
fn workflows() -> Vec<(String, String)> {
    let dir = root().join(".github/workflows");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(
        files.iter().any(|(n, _)| n == "refresh.yml"),
        "no refresh.yml"
    );
    files
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// A line's mapping key and value, with a list item's `- ` taken off: `run: x` is
/// `("run", "x")`.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let item = line.trim_start();
    let item = item.strip_prefix("- ").unwrap_or(item);
    let (key, value) = item.split_once(':')?;
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    simple.then(|| (key, value.trim()))
}

/// The column where a line's key starts (after a list item's `- `).
fn key_column(line: &str) -> usize {
    let item = line.trim_start();
    indent(line) + if item.starts_with("- ") { 2 } else { 0 }
}

/// The lines of the block under line `at`: those after it indented deeper than its key
/// (blank lines included), up to the first that is not.
fn block(lines: &[&str], at: usize) -> Vec<String> {
    let column = key_column(lines[at]);
    lines[at + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || indent(l) > column)
        .map(|l| l.to_string())
        .collect()
}

/// The `run:` scripts of a workflow, each with the line number of its `run:`.
fn scripts(yaml: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(("run", value)) = key_value(line) else {
            continue;
        };
        let script = if value.starts_with('|') || value.starts_with('>') {
            block(&lines, i).join("\n")
        } else {
            value.to_owned()
        };
        out.push((i + 1, script));
    }
    out
}

/// The steps of a workflow as the lines of each (`- ` item under `steps:`).
fn steps(yaml: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if key_value(line).map(|(k, _)| k) != Some("steps") {
            continue;
        }
        let body = block(&lines, i);
        let item_indent = body
            .iter()
            .find(|l| !l.trim().is_empty())
            .map_or(0, |l| indent(l));
        for l in body {
            if indent(&l) == item_indent && l.trim_start().starts_with("- ") {
                out.push(vec![l]);
            } else if let Some(step) = out.last_mut() {
                step.push(l);
            }
        }
    }
    out
}

/// The jobs of a workflow, by id, as their lines.
fn jobs(yaml: &str) -> BTreeMap<String, Vec<String>> {
    let lines: Vec<&str> = yaml.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "jobs:")
        .expect("a top-level jobs:");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = None;
    for line in block(&lines, at) {
        if indent(&line) == 2 && line.trim_end().ends_with(':') && !line.trim().starts_with('#') {
            let id = line.trim().trim_end_matches(':').to_owned();
            out.insert(id.clone(), Vec::new());
            current = Some(id);
        } else if let Some(id) = &current {
            out.get_mut(id).unwrap().push(line);
        }
    }
    out
}

/// Splits a shell command line into words, taking off quotes (no escapes, no
/// expansions: enough for a documented command line and the workflow's call).
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote = None;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// The section of a markdown file under `heading` (a whole heading line), up to the
/// next heading of the same or a higher level.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let start = markdown
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no `{heading}`"))
        + heading.len()
        + 2;
    let rest = &markdown[start..];
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let hashes = rest[i..].chars().take_while(|c| *c == '#').count();
            (1..=level).contains(&hashes) && rest[i + hashes..].starts_with(' ')
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The rows of the first markdown table in `text`, as cells, header and rule left out.
fn table(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_owned())
                .collect()
        })
        .collect()
}

/// The command MAINTAINING.md gives for the workflow, as words.
fn documented_command() -> Vec<String> {
    let guide = read("MAINTAINING.md");
    let section = section(&guide, "## The refresh command");
    let commands: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("$ "))
        .collect();
    assert_eq!(
        commands.len(),
        1,
        "one command line in `The refresh command`"
    );
    words(commands[0])
}

/// The `run:` script of refresh.yml that runs the refresh.
fn refresh_script() -> String {
    let yaml = read(".github/workflows/refresh.yml");
    let found: Vec<String> = scripts(&yaml)
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| s.contains("codes refresh"))
        .collect();
    assert_eq!(found.len(), 1, "one script runs `codes refresh`");
    found.into_iter().next().unwrap()
}

/// Whether a documented word is a placeholder (`FILE`, `URL`, `PERCENT`).
fn is_placeholder(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase())
}

#[test]
fn refresh_yml_runs_the_command_maintaining_md_gives() {
    let documented = documented_command();
    assert_eq!(documented[..3], ["cargo", "codes", "refresh"]);

    let script = refresh_script().replace("\\\n", " ");
    let line = script
        .lines()
        .find(|l| l.contains("codes refresh"))
        .unwrap();
    let mut called = words(line);
    // Redirections are the shell's, not the command's.
    called.retain(|w| !(w.starts_with('>') || w.starts_with("2>")));
    // Cargo's own options go between `cargo` and the alias.
    assert_eq!(called[0], "cargo", "{line}");
    let alias = called.iter().position(|w| w == "codes").unwrap();
    for option in &called[1..alias] {
        assert!(
            ["--quiet", "--locked", "--offline"].contains(&option.as_str()),
            "cargo option {option} in {line}"
        );
    }
    called.drain(1..alias);

    assert_eq!(
        called.len(),
        documented.len(),
        "the workflow runs {called:?}, MAINTAINING.md gives {documented:?}"
    );
    for (run, doc) in called.iter().zip(&documented) {
        let fits = run == doc || (is_placeholder(doc) && !run.is_empty() && !run.starts_with('-'));
        assert!(
            fits,
            "the workflow runs {called:?}, MAINTAINING.md gives {documented:?}"
        );
    }
}

#[test]
fn refresh_yml_reads_only_documented_outputs_and_treats_the_statuses_as_documented() {
    let guide = read("MAINTAINING.md");
    let outputs: BTreeSet<String> = table(section(&guide, "### Outputs"))
        .into_iter()
        .map(|row| row[0].clone())
        .collect();
    assert!(outputs.contains("outcome") && outputs.contains("auto-merge"));
    let yaml = read(".github/workflows/refresh.yml");
    let mut read_keys = BTreeSet::new();
    for prefix in ["steps.refresh.outputs.", "needs.refresh.outputs."] {
        for (at, _) in yaml.match_indices(prefix) {
            let key: String = yaml[at + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            read_keys.insert(key);
        }
    }
    let undocumented: Vec<_> = read_keys.difference(&outputs).collect();
    assert!(
        undocumented.is_empty(),
        "refresh.yml reads outputs MAINTAINING.md does not list: {undocumented:?}"
    );
    assert!(read_keys.contains("outcome") && read_keys.contains("auto-merge"));

    let statuses: BTreeMap<String, String> = table(section(&guide, "### Exit statuses"))
        .into_iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect();
    assert_eq!(statuses.len(), 4, "{statuses:?}");
    let script = refresh_script();
    let arms: Vec<&str> = script
        .lines()
        .map(str::trim)
        .filter(|l| l.ends_with(')') && !l.contains(' ') && !l.contains('('))
        .map(|l| l.trim_end_matches(')'))
        .collect();
    assert_eq!(arms, ["0", "3", "*"], "the case arms of the refresh script");
    assert_eq!(statuses["0"], "up to date");
    assert_eq!(statuses["3"], "changed");
    // Every other status (refused, a usage error, a build that failed) fails the job.
    let other: String = script
        .lines()
        .skip_while(|l| l.trim() != "*)")
        .collect::<Vec<_>>()
        .join("\n");
    assert!(other.contains("exit 1"), "{other}");
    assert!(other.contains("GITHUB_STEP_SUMMARY"), "{other}");
}

#[test]
fn every_action_is_pinned_to_a_commit_with_its_version() {
    let mut seen = 0;
    for (name, yaml) in workflows() {
        for (n, line) in yaml.lines().enumerate() {
            let Some(("uses", value)) = key_value(line) else {
                continue;
            };
            seen += 1;
            let (action, rest) = value
                .split_once('@')
                .unwrap_or_else(|| panic!("{name}:{}: `{value}` has no ref", n + 1));
            let (sha, comment) = rest.split_once(" # ").unwrap_or((rest, ""));
            assert!(
                action.split('/').count() >= 2 && !action.starts_with("docker:"),
                "{name}:{}: {action}",
                n + 1
            );
            assert!(
                sha.len() == 40
                    && sha
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
                "{name}:{}: {action} is pinned to `{sha}`, not a full commit SHA",
                n + 1
            );
            let version = comment.split_whitespace().next().unwrap_or("");
            let is_version = version.strip_prefix('v').is_some_and(|v| {
                !v.is_empty()
                    && v.split('.')
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            });
            assert!(
                is_version,
                "{name}:{}: {action}@{sha} has no `# vX.Y.Z` comment",
                n + 1
            );
        }
    }
    assert!(seen >= 10, "only {seen} `uses:` found");
}

#[test]
fn no_checkout_keeps_its_token() {
    let mut checkouts = 0;
    for (name, yaml) in workflows() {
        for step in steps(&yaml) {
            let uses_checkout = step.iter().any(|l| {
                key_value(l).is_some_and(|(k, v)| k == "uses" && v.starts_with("actions/checkout@"))
            });
            if !uses_checkout {
                continue;
            }
            checkouts += 1;
            assert!(
                step.iter()
                    .any(|l| key_value(l) == Some(("persist-credentials", "false"))),
                "{name}: a checkout without persist-credentials: false:\n{}",
                step.join("\n")
            );
        }
    }
    assert!(checkouts >= 5, "only {checkouts} checkouts found");
}

#[test]
fn every_job_declares_its_permissions_and_workflows_grant_none() {
    for (name, yaml) in workflows() {
        assert!(
            yaml.lines().any(|l| l == "permissions: {}"),
            "{name}: no top-level `permissions: {{}}`"
        );
        let jobs = jobs(&yaml);
        assert!(!jobs.is_empty(), "{name}: no jobs");
        for (id, lines) in jobs {
            let at = lines.iter().position(|l| {
                indent(l) == 4 && key_value(l).map(|(k, _)| k) == Some("permissions")
            });
            let Some(at) = at else {
                panic!("{name}: job {id} declares no permissions");
            };
            let granted: Vec<&str> = lines[at + 1..]
                .iter()
                .take_while(|l| indent(l) > 4)
                .map(|l| l.trim())
                .collect();
            assert!(!granted.is_empty(), "{name}: job {id}: empty permissions");
            for grant in granted {
                // Each grant says why, beside it.
                assert!(
                    grant.contains(": read #")
                        || grant.contains(": write #")
                        || grant.contains(": none #"),
                    "{name}: job {id}: `{grant}` without its reason"
                );
            }
        }
    }
}

#[test]
fn no_expression_is_expanded_inside_a_script() {
    let mut scripts_seen = 0;
    for (name, yaml) in workflows() {
        for (line, script) in scripts(&yaml) {
            scripts_seen += 1;
            assert!(
                !script.contains("${{"),
                "{name}:{line}: a `${{{{ }}}}` expression inside `run:` (pass it through env:):\n{script}"
            );
        }
    }
    assert!(scripts_seen >= 10, "only {scripts_seen} scripts found");
}

#[test]
fn the_guides_name_files_that_exist() {
    for guide in ["MAINTAINING.md", "SECURITY.md"] {
        // The prose, without its code blocks.
        let mut fenced = false;
        let text: String = read(guide)
            .lines()
            .filter(|l| {
                if l.trim_start().starts_with("```") {
                    fenced = !fenced;
                    return false;
                }
                !fenced
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let mut named = 0;
        for (i, part) in text.split('`').enumerate() {
            // Odd parts are inside backticks.
            let is_path = i % 2 == 1
                && !part.contains(' ')
                && !part.starts_with("target/")
                && (part.starts_with(".ci/")
                    || [".rs", ".yml", ".toml", ".md", ".json"]
                        .iter()
                        .any(|e| part.ends_with(e)));
            if !is_path {
                continue;
            }
            named += 1;
            // A workflow or dependabot.yml may be named by its file name alone.
            let exists = ["", ".github", ".github/workflows"]
                .iter()
                .any(|dir| root().join(Path::new(dir).join(part)).exists());
            assert!(exists, "{guide} names `{part}`, which does not exist");
        }
        assert!(named >= 5, "{guide}: only {named} files named");
    }
    // The README is also the crates.io page, and the guide is not in the package: the
    // README links to it in the repository.
    let repository = read("Cargo.toml")
        .lines()
        .find_map(|l| l.strip_prefix("repository = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("Cargo.toml names the repository")
        .to_owned();
    assert!(read("README.md").contains(&format!(
        "[MAINTAINING.md]({repository}/blob/main/MAINTAINING.md)"
    )));
    assert!(read("MAINTAINING.md").contains("[README](README.md)"));
    assert!(read("MAINTAINING.md").contains("[SECURITY.md](SECURITY.md"));
}
