//! What a refreshed page must pass before it is taken: a login wall, a half-rendered
//! page, an error page served with status 200 or a redesign must never become a release
//! that deprecates half the crate.

use crate::diff::Diff;
use crate::model::Catalog;
use std::collections::BTreeMap;
use std::fmt;

/// The guards of a refresh, and how far each is loosened.
#[derive(Clone, Debug, PartialEq)]
pub struct Guards {
    /// The largest share of the crate's codes (those on the page now) a refresh may
    /// retire or remove, in percent (`--max-retired`, default 20).
    pub max_retired_percent: f64,
    /// Let a refresh retire every code of a channel (`--allow-channel-removal`).
    pub allow_channel_removal: bool,
    /// Let a page's title change (`--allow-title-change`).
    pub allow_title_change: bool,
}

impl Default for Guards {
    fn default() -> Guards {
        Guards {
            max_retired_percent: 20.0,
            allow_channel_removal: false,
            allow_title_change: false,
        }
    }
}

/// A guard that fired: what it saw.
#[derive(Clone, Debug, PartialEq)]
pub enum Guard {
    /// More codes would leave the crate's page than the share allows.
    Retired {
        /// Codes that would leave (retired or removed).
        gone: usize,
        /// Codes on the page before.
        of: usize,
        /// The share allowed, in percent.
        max: f64,
    },
    /// Every code of these channels would leave.
    Channels(Vec<String>),
    /// A page's title changed: (file, recorded, now).
    Title(String, String, String),
}

impl fmt::Display for Guard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Guard::Retired { gone, of, max } => write!(
                f,
                "the page looks broken: it would retire {gone} of the crate's {of} codes ({:.1}%), more than the {max}% a refresh may (guard --max-retired); a login wall, a half-rendered page or an error page served with status 200 looks like this. If the page really dropped them, accept it deliberately with --max-retired {}",
                percent(*gone, *of),
                percent(*gone, *of).ceil()
            ),
            Guard::Channels(channels) => write!(
                f,
                "the page looks broken: every code of channel(s) {} would be retired (guard: a whole channel); if Infobip really dropped them, accept it deliberately with --allow-channel-removal",
                channels.join(", ")
            ),
            Guard::Title(file, was, now) => write!(
                f,
                "the page looks broken or redesigned: {file} was titled \"{was}\" and is now titled \"{now}\" (guard: the title); check the page by hand, then accept it deliberately with --allow-title-change"
            ),
        }
    }
}

fn percent(part: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        // Counts of codes are far below 2^52: exact as f64.
        #[allow(clippy::cast_precision_loss)]
        let (part, of) = (part as f64, of as f64);
        part * 100.0 / of
    }
}

impl Guards {
    /// Checks the refresh from `old` to `new` (`diff` between them), with the pages'
    /// titles as (file, recorded, now). The first guard that fires is the answer.
    pub fn check(
        &self,
        old: &Catalog,
        new: &Catalog,
        diff: &Diff,
        titles: &[(String, Option<String>, Option<String>)],
    ) -> Result<(), Guard> {
        if !self.allow_title_change {
            for (file, was, now) in titles {
                if let (Some(was), Some(now)) = (was, now) {
                    if normalize(was) != normalize(now) {
                        return Err(Guard::Title(file.clone(), was.clone(), now.clone()));
                    }
                }
            }
        }
        let on_page = |c: &Catalog| {
            let mut per_channel: BTreeMap<String, usize> = BTreeMap::new();
            for code in c.codes.iter().filter(|c| c.retired.is_none()) {
                *per_channel.entry(code.channel.clone()).or_default() += 1;
            }
            per_channel
        };
        let (before, after) = (on_page(old), on_page(new));
        let of: usize = before.values().sum();
        let gone = diff.retired.len() + diff.removed.len();
        if percent(gone, of) > self.max_retired_percent {
            return Err(Guard::Retired {
                gone,
                of,
                max: self.max_retired_percent,
            });
        }
        if !self.allow_channel_removal {
            let emptied: Vec<String> = before
                .keys()
                .filter(|ch| !after.contains_key(*ch))
                .cloned()
                .collect();
            if !emptied.is_empty() {
                return Err(Guard::Channels(emptied));
            }
        }
        Ok(())
    }
}

/// A title compared by its words, ignoring letter case.
fn normalize(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
