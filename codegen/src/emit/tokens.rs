//! Small token builders for the Rust emitter: identifiers, string literals, doc
//! attributes and doc aliases, each safe for any text a page holds.

use super::wrap;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// An identifier (the names stage only hands out valid ones).
pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A string literal. proc-macro2's `Literal::string` escapes every character through
/// `char::escape_debug`, which dominated generation time; escaping here and lexing the
/// result is four times faster and gives the same token.
pub(crate) fn string(s: &str) -> Literal {
    escaped(s)
        .parse::<Literal>()
        .unwrap_or_else(|_| Literal::string(s))
}

/// A string literal for a field that prettyplease puts at [`DATA_FIELD_COLUMN`], broken
/// into lines with `\` continuations when it is long (see [`wrap::literal`]).
pub(crate) fn field_string(s: &str) -> Literal {
    let quoted = escaped(s);
    let inner = &quoted[1..quoted.len() - 1];
    wrap::literal(inner, DATA_FIELD_COLUMN, DATA_FIELD_COLUMN - 9)
        .parse::<Literal>()
        .unwrap_or_else(|_| Literal::string(s))
}

/// Where a string field of a data table's struct starts (`        description: "`).
const DATA_FIELD_COLUMN: usize = 21;

/// `s` as the source text of a string literal, quotes included.
fn escaped(s: &str) -> String {
    let mut quoted = String::with_capacity(s.len() + 2);
    quoted.push('"');
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || is_direction_mark(c) => {
                quoted.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `Some(id)` or `None`.
pub(crate) fn option_u16(v: Option<u16>) -> TokenStream {
    match v {
        Some(v) => {
            let v = Literal::u16_unsuffixed(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

/// `Some("text")` or `None`.
pub(crate) fn option_string(v: Option<&str>) -> TokenStream {
    match v {
        Some(v) => {
            let v = string(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    }
}

/// `#[doc = "..."]` attributes, one per line of `text` wrapped to fit, each line indented
/// by a space as `///` would: prettyplease prints them as `///` comments.
pub(crate) fn doc(text: &str) -> TokenStream {
    // Room for a variant's `    /// `.
    let text = wrap::markdown(text, wrap::WIDTH - 8);
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            string("")
        } else {
            string(&format!(" {}", visible(line)))
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// `line` with the characters a `///` comment may not hold raw (controls, and the marks
/// that change the visible direction of text) written as `U+XXXX`.
fn visible(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if (c.is_control() && c != '\t') || is_direction_mark(c) {
            out.push_str(&format!("U+{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The text-direction marks that rustc refuses raw in literals and comments.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether rustdoc accepts `name` as a doc alias of `ident`.
fn alias_ok(name: &str, ident: &str) -> bool {
    !name.is_empty()
        && name != ident
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '\'')
}

/// `#[doc(alias = "NAME")]` when rustdoc accepts `name` as an alias of `ident`.
pub(crate) fn alias(name: &str, ident: &str) -> TokenStream {
    if alias_ok(name, ident) {
        let name = string(name);
        quote!(#[doc(alias = #name)])
    } else {
        TokenStream::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_literals_match_proc_macro2() {
        for s in [
            "plain",
            "a \"quote\" and \\ backslash",
            "tab\there\nnew line",
            "é 日本 \u{1}\u{7f}",
            "*/ \"# `x` {}",
            "",
            "\u{202e}evil\u{2066}",
        ] {
            assert_eq!(
                string(s)
                    .to_string()
                    .parse::<TokenStream>()
                    .unwrap()
                    .to_string(),
                Literal::string(s).to_string()
            );
        }
    }

    #[test]
    fn aliases_only_where_rustdoc_accepts_them() {
        assert!(alias("EC_X", "EcX").to_string().contains("alias"));
        assert!(alias("Registration error", "RegistrationError").is_empty());
        assert!(alias("Dropped", "Dropped").is_empty());
        assert!(alias("a\"b", "AB").is_empty());
    }

    #[test]
    fn doc_lines_show_what_a_comment_cannot_hold() {
        assert_eq!(visible("a\u{202e}b\u{7}c\td"), "aU+202EbU+0007c\td");
    }
}
