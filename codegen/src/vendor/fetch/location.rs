//! Where a redirect leads: a `Location` resolved against the address that answered.

use super::scheme;

/// The absolute `http(s)` address a `Location` of an answer from `base` names: an
/// absolute URL, `//host/path`, `/path`, or a path relative to `base`'s folder. `None`
/// for another scheme, or a `Location` that is not a URL.
pub(super) fn resolve(base: &str, location: &str) -> Option<String> {
    let location = location.trim();
    if location.is_empty() || location.chars().any(|c| c.is_ascii_control() || c == ' ') {
        return None;
    }
    if let Some(scheme) = scheme(location) {
        return (scheme == "http" || scheme == "https").then(|| location.to_owned());
    }
    let (base_scheme, rest) = base.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    if let Some(net_path) = location.strip_prefix("//") {
        return (!net_path.is_empty()).then(|| format!("{base_scheme}://{net_path}"));
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    if location.starts_with('?') {
        return Some(format!("{base_scheme}://{authority}{path}{location}"));
    }
    let joined = if location.starts_with('/') {
        location.to_owned()
    } else {
        let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{folder}{location}")
    };
    Some(format!(
        "{base_scheme}://{authority}{}",
        without_dot_segments(&joined)
    ))
}

/// `path` (which starts with `/`, and may end with a query) with its `.` and `..`
/// segments applied, as a browser applies them (RFC 3986, 5.2.4).
fn without_dot_segments(path: &str) -> String {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let (path, query) = path.split_at(end);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            other => out.push(other),
        }
    }
    format!("/{}{query}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_locations_resolve_against_the_address_that_answered() {
        let base = "https://x.y/docs/page?v=1#top";
        let cases = [
            ("https://other.host/p", Some("https://other.host/p")),
            ("HTTP://other.host/p", Some("HTTP://other.host/p")),
            ("//cdn.x.y/p.md", Some("https://cdn.x.y/p.md")),
            ("/root.md", Some("https://x.y/root.md")),
            ("sibling.md", Some("https://x.y/docs/sibling.md")),
            ("?v=2", Some("https://x.y/docs/page?v=2")),
            ("../up.md", Some("https://x.y/up.md")),
            (
                "./a/./b/../c.md?x=../y",
                Some("https://x.y/docs/a/c.md?x=../y"),
            ),
            ("/a/b/..", Some("https://x.y/a/")),
            ("../../../../above-root", Some("https://x.y/above-root")),
            ("  /trimmed  ", Some("https://x.y/trimmed")),
            // Nothing to follow: another scheme, nothing, or not a URL.
            ("file:///etc/passwd", None),
            ("javascript:alert(1)", None),
            ("", None),
            ("//", None),
            ("/a b", None),
            ("/a\nLocation: x", None),
        ];
        for (location, expected) in cases {
            assert_eq!(resolve(base, location).as_deref(), expected, "{location:?}");
        }
        assert_eq!(
            resolve("http://127.0.0.1:8080", "next").as_deref(),
            Some("http://127.0.0.1:8080/next")
        );
    }
}
