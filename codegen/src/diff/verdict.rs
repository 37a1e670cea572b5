//! The verdict: every change found is a [`Reason`] under one [`Rule`], and each rule
//! demands a [`Level`].

use super::{Diff, Field};
use std::fmt;

/// How far the version must move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Nothing users can see changed.
    #[default]
    None,
    /// Documentation only.
    Patch,
    /// Additions and behaviour changes that keep existing code compiling.
    Minor,
    /// Existing code may stop compiling.
    Major,
}

impl Level {
    /// `none`, `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }

    /// Parses `none`, `patch`, `minor` or `major`.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "none" => Some(Level::None),
            "patch" => Some(Level::Patch),
            "minor" => Some(Level::Minor),
            "major" => Some(Level::Major),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule of the verdict: a kind of change, and the level it demands. In the order of the
/// MAINTAINING.md's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A description reworded: documentation only.
    Description,
    /// New codes, groups or channels, or a retired code back on the page.
    Addition,
    /// A documented name of a code or a group reworded; its pinned variant stays.
    Name,
    /// A `permanent` flag or a group: what retry and finality logic read.
    Behaviour,
    /// A code moved to another channel's section.
    Channel,
    /// A code gone from the page and kept as a deprecated variant, or a group or channel
    /// no longer listed.
    Retirement,
    /// A variant removed or renamed: existing code may stop compiling.
    Removal,
}

impl Rule {
    /// Every rule, in the order of the MAINTAINING.md's table.
    pub const ALL: [Rule; 7] = [
        Rule::Description,
        Rule::Addition,
        Rule::Name,
        Rule::Behaviour,
        Rule::Channel,
        Rule::Retirement,
        Rule::Removal,
    ];

    /// `description`, `addition`, `name`, `behaviour`, `channel`, `retirement` or
    /// `removal`: how JSON reports name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Description => "description",
            Rule::Addition => "addition",
            Rule::Name => "name",
            Rule::Behaviour => "behaviour",
            Rule::Channel => "channel",
            Rule::Retirement => "retirement",
            Rule::Removal => "removal",
        }
    }

    /// The level this rule demands.
    pub fn level(self) -> Level {
        match self {
            Rule::Description => Level::Patch,
            Rule::Removal => Level::Major,
            _ => Level::Minor,
        }
    }

    /// The change, as the MAINTAINING.md's table and a changelog word it.
    pub fn change(self) -> &'static str {
        match self {
            Rule::Description => "a description",
            Rule::Addition => "new codes, groups or channels, or a retired code back on the page (the enums are `#[non_exhaustive]`)",
            Rule::Name => "a reworded name of a code, or a group heading reworded or re-cased under the same id (the pinned variant stays; `name()` changes)",
            Rule::Behaviour => "a `permanent` flag or a group",
            Rule::Channel => "a code moved to another channel's section (`channel()` changes)",
            Rule::Retirement => "a code gone from the page, kept as a deprecated variant (as `cargo codes vendor` keeps it), or a group or channel no longer listed",
            Rule::Removal => "a variant removed or renamed (a code dropped from `docs-source/` by hand, or a name that no pin keeps)",
        }
    }

    /// The verdict, as the MAINTAINING.md's table words it.
    pub fn verdict(self) -> &'static str {
        match self {
            Rule::Behaviour => "minor, flagged as a behaviour change in every format, because retry and finality logic read it",
            other => other.level().as_str(),
        }
    }

    /// The MAINTAINING.md's table of the rules: a markdown table, one row per rule.
    pub fn table() -> String {
        let mut s = "| change on the page | verdict |\n| --- | --- |\n".to_owned();
        for rule in Rule::ALL {
            s.push_str(&format!("| {} | {} |\n", rule.change(), rule.verdict()));
        }
        s
    }
}

/// One reason for a verdict: the rule it falls under, and what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The rule, which sets the level.
    pub rule: Rule,
    /// What changed, such as ``variant `StatusCode::DeliveredToMars` added``.
    pub text: String,
}

impl Reason {
    fn new(rule: Rule, text: String) -> Reason {
        Reason { rule, text }
    }

    /// The level the reason demands.
    pub fn level(&self) -> Level {
        self.rule.level()
    }
}

pub(super) fn reasons(d: &Diff) -> Vec<Reason> {
    let mut r = Vec::new();
    for v in &d.variants_removed {
        r.push(Reason::new(Rule::Removal, format!("variant `{v}` removed")));
    }
    for c in &d.removed {
        if !d.variants_removed.contains(&c.variant) {
            r.push(Reason::new(
                Rule::Removal,
                format!("{} {} `{}` ({}) removed", c.kind, c.id, c.name, c.channel),
            ));
        }
    }
    for v in &d.variants_added {
        r.push(Reason::new(Rule::Addition, format!("variant `{v}` added")));
    }
    for v in &d.variants_deprecated {
        r.push(Reason::new(
            Rule::Retirement,
            format!("variant `{v}` deprecated (retired from the page)"),
        ));
    }
    for v in &d.variants_undeprecated {
        r.push(Reason::new(
            Rule::Addition,
            format!("variant `{v}` no longer deprecated (back on the page)"),
        ));
    }
    for g in &d.groups_added {
        r.push(Reason::new(Rule::Addition, format!("{g} added")));
    }
    for g in &d.groups_removed {
        r.push(Reason::new(
            Rule::Retirement,
            format!("{g} no longer listed"),
        ));
    }
    for g in &d.groups_renamed {
        r.push(Reason::new(Rule::Name, g.clone()));
    }
    for c in &d.channels_added {
        r.push(Reason::new(Rule::Addition, format!("channel {c} added")));
    }
    for c in &d.channels_removed {
        r.push(Reason::new(
            Rule::Retirement,
            format!("channel {c} no longer listed"),
        ));
    }
    for c in &d.changed {
        let e = &c.entry;
        for f in &c.fields {
            let rule = match f {
                Field::Description => Rule::Description,
                Field::Name => Rule::Name,
                Field::Permanent | Field::Group => Rule::Behaviour,
                Field::Channel => Rule::Channel,
            };
            let behaviour = if f.is_behaviour() {
                " (behaviour change)"
            } else {
                ""
            };
            r.push(Reason::new(
                rule,
                format!(
                    "{} {} `{}` ({}): {} changed{behaviour}",
                    e.kind,
                    e.id,
                    e.name,
                    e.channel,
                    f.as_str()
                ),
            ));
        }
    }
    r
}
