//! `tests/fixtures/expected-catalog.tsv`: every row of the vendored page, extracted from
//! the raw capture with regular expressions, independently of the generator. Shared by
//! the generator's catalog test and the crate's API test.

#![allow(dead_code)] // the API test reads every field but `text`

/// One code as the fixture lists it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub kind: String,
    pub channel: String,
    pub group_id: u16,
    pub group_name: String,
    pub id: u16,
    pub permanent: Option<bool>,
    pub name: String,
    /// The description as plain text.
    pub text: String,
}

/// The fixture's rows, in file order.
pub fn rows(tsv: &str) -> Vec<Row> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 8, "{l}");
            Row {
                kind: f[0].into(),
                channel: f[1].into(),
                group_id: f[2].parse().unwrap(),
                group_name: f[3].into(),
                id: f[4].parse().unwrap(),
                permanent: (!f[5].is_empty()).then(|| f[5] == "true"),
                name: f[6].into(),
                text: f[7].into(),
            }
        })
        .collect()
}
