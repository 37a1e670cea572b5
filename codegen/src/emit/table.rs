//! The table of every code: a documentation-only module, `infobip_codes::table`, whose
//! page lists each code on one row (kind, id, name, channel, group, and final or
//! permanent), linked to its variant. A reader who searches the page for an id or a
//! name finds the code without opening the enums' variants one by one.

use super::tokens::{doc, ident};
use crate::doc_text::code_span;
use crate::model::Kind;
use crate::names::{code_type, group_type, CodeName, Names};
use proc_macro2::TokenStream;
use quote::quote;

/// The module `table`: its docs are the table, and it holds no items.
pub(crate) fn module(names: &Names<'_>) -> TokenStream {
    let docs = doc(&markdown(names));
    let name = ident("table");
    quote! {
        #docs
        pub mod #name {}
    }
}

/// The module's docs: what the table holds, then the table, statuses first, each kind in
/// the order of its enum.
fn markdown(names: &Names<'_>) -> String {
    let (statuses, errors) = (names.codes(Kind::Status), names.codes(Kind::Error));
    let mut text = format!(
        "Every code of the page, in one table: {} status codes and {} error codes.\n\n\
         Each name links to its variant. The last column is [`StatusCode::is_final`] for \
         a status and [`ErrorCode::permanent`] for an error (\"not documented\" where the \
         page gives no flag). The same id can name a status and an error, or codes of \
         several channels: [`StatusCode::from_id_all`] and [`ErrorCode::from_id_all`] \
         return each one.\n\n\
         [`StatusCode::is_final`]: crate::StatusCode::is_final\n\
         [`ErrorCode::permanent`]: crate::ErrorCode::permanent\n\
         [`StatusCode::from_id_all`]: crate::StatusCode::from_id_all\n\
         [`ErrorCode::from_id_all`]: crate::ErrorCode::from_id_all\n\n\
         | kind | id | name | channel | group | final or permanent |\n\
         | --- | --- | --- | --- | --- | --- |",
        statuses.len(),
        errors.len()
    );
    for kind in [Kind::Status, Kind::Error] {
        for c in names.codes(kind) {
            text.push('\n');
            text.push_str(&row(c, names));
        }
    }
    text
}

/// One code's row.
fn row(c: &CodeName<'_>, names: &Names<'_>) -> String {
    let code = c.code;
    let mut name = format!(
        "[{}](crate::{}::{})",
        cell(&code_span(&code.name)),
        code_type(code.kind),
        c.ident
    );
    if code.retired.is_some() {
        name.push_str(" (retired)");
    }
    let group = match c.group.map(|g| &names.groups(code.kind)[g]) {
        Some(g) => {
            let link = format!(
                "[{}](crate::{}::{})",
                cell(&code_span(&g.group.name)),
                group_type(code.kind),
                g.ident
            );
            match g.group.id {
                Some(id) => format!("{link} ({id})"),
                None => link,
            }
        }
        None => "none".to_owned(),
    };
    let flag = match code.kind {
        Kind::Status if code.is_final() => "final",
        Kind::Status => "not final",
        Kind::Error => match code.permanent {
            Some(true) => "permanent",
            Some(false) => "temporary",
            None => "not documented",
        },
    };
    format!(
        "| {} | {} | {name} | {} | {group} | {flag} |",
        code.kind.as_str(),
        code.id,
        cell(&names.channel_title(&code.channel)),
    )
}

/// `text` made safe in a table cell: a `|` would end the cell, even in a code span.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read, Inputs, PageInput};

    #[test]
    fn every_code_has_a_row_that_links_its_variant() {
        let page = "## General status codes\n\
                    ### DELIVERED (group id: 3) - general status codes\n\
                    Delivered.\n\
                    |Id|Status|\n|-|-|\n\
                    |5|`DELIVERED_TO_HANDSET`<ul><li>Delivered.</li></ul>|\n\
                    ## General error codes\n\
                    ### HANDSET_ERRORS (group id: 1) - general error codes\n\
                    Handset.\n\
                    |Id|Permanent|Error|\n|-|-|-|\n\
                    |27|false|`EC_ABSENT_SUBSCRIBER`<ul><li>Off.</li></ul>|\n\
                    |28|true|`EC_A\\|B`<ul><li>A pipe in a name.</li></ul>|\n";
        let reading = read(&Inputs::pages(vec![PageInput::new("p.md", page)]));
        let source = reading.source().expect("valid page");
        let names = Names::new(&reading.catalog, &reading.overrides);
        let text = markdown(&names);
        assert!(text.contains("1 status codes and 2 error codes"), "{text}");
        for expected in [
            "| status | 5 | [`DELIVERED_TO_HANDSET`](crate::StatusCode::DeliveredToHandset) | General | [`DELIVERED`](crate::StatusGroup::Delivered) (3) | final |",
            "| error | 27 | [`EC_ABSENT_SUBSCRIBER`](crate::ErrorCode::EcAbsentSubscriber) | General | [`HANDSET_ERRORS`](crate::ErrorGroup::HandsetErrors) (1) | temporary |",
        ] {
            assert!(text.lines().any(|l| l == expected), "{expected}\nin:\n{text}");
        }
        // A pipe in a name is escaped, so the row keeps its six cells.
        let pipe = text.lines().find(|l| l.contains("| 28 |")).expect("row 28");
        assert!(pipe.contains(r"`EC_A\|B`"), "{pipe}");
        assert_eq!(pipe.replace(r"\|", "").matches('|').count(), 7, "{pipe}");
        // The generated source holds every row whole, on one line: a wrapped row would
        // break the table.
        for row in text
            .lines()
            .filter(|l| l.starts_with("| status") || l.starts_with("| error"))
        {
            assert!(source.contains(&format!("/// {row}\n")), "{row}");
        }
        assert!(source.contains("pub mod table {}"));
    }
}
