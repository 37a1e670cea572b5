//! Lays out a token stream as readable Rust source.
//!
//! `TokenStream::to_string()` prints everything on one line, and the build path must not
//! depend on prettyplease (it needs syn). This printer knows just enough for generated
//! data: one item, field, variant, match arm or attribute per line, indented by four
//! spaces; long bracketed lists one element per line. The result is not rustfmt's, but
//! it is stable, and it compiles to exactly the tokens it was given.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// Formats `tokens` as source text ending with a newline.
pub fn format(tokens: TokenStream) -> String {
    let mut flat = Vec::new();
    flatten(tokens, &mut flat);
    let mut p = Printer {
        out: String::new(),
        depth: 0,
        line_start: true,
        stack: vec![Frame {
            multiline: true,
            attribute: false,
        }],
        angles: 0,
    };
    for i in 0..flat.len() {
        p.token(&flat, i);
    }
    if !p.out.ends_with('\n') {
        p.out.push('\n');
    }
    p.out
}

#[derive(Clone, Debug)]
enum Tok {
    Ident(String),
    Punct(char, Spacing),
    Literal(String),
    Open(Delimiter, bool),
    Close(Delimiter, bool),
}

fn flatten(tokens: TokenStream, out: &mut Vec<Tok>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(i) => out.push(Tok::Ident(i.to_string())),
            TokenTree::Punct(p) => out.push(Tok::Punct(p.as_char(), p.spacing())),
            TokenTree::Literal(l) => out.push(Tok::Literal(l.to_string())),
            TokenTree::Group(g) => {
                let inner = g.stream();
                let multiline = match g.delimiter() {
                    Delimiter::Brace => {
                        !inner.is_empty()
                            && (inner.to_string().len() > 90
                                || inner.clone().into_iter().any(|t| match t {
                                    TokenTree::Punct(p) => p.as_char() == ';',
                                    TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
                                    _ => false,
                                }))
                    }
                    Delimiter::Bracket | Delimiter::Parenthesis => {
                        has_top_level_comma(&inner) && inner.to_string().len() > 90
                    }
                    Delimiter::None => false,
                };
                out.push(Tok::Open(g.delimiter(), multiline));
                flatten(inner, out);
                out.push(Tok::Close(g.delimiter(), multiline));
            }
        }
    }
}

fn has_top_level_comma(tokens: &TokenStream) -> bool {
    tokens
        .clone()
        .into_iter()
        .any(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
}

fn open_char(d: Delimiter) -> &'static str {
    match d {
        Delimiter::Brace => "{",
        Delimiter::Bracket => "[",
        Delimiter::Parenthesis => "(",
        Delimiter::None => "",
    }
}

fn close_char(d: Delimiter) -> &'static str {
    match d {
        Delimiter::Brace => "}",
        Delimiter::Bracket => "]",
        Delimiter::Parenthesis => ")",
        Delimiter::None => "",
    }
}

/// Keywords after which a parenthesis is not a call.
const SPACED_KEYWORDS: [&str; 9] = [
    "in", "if", "match", "return", "while", "for", "let", "mut", "as",
];

struct Frame {
    multiline: bool,
    attribute: bool,
}

struct Printer {
    out: String,
    depth: usize,
    line_start: bool,
    stack: Vec<Frame>,
    /// Open `<` of generic arguments: their commas do not end a line.
    angles: usize,
}

impl Printer {
    fn newline(&mut self) {
        if !self.line_start {
            self.out.push('\n');
            self.line_start = true;
        }
    }

    fn write(&mut self, s: &str, space_before: bool) {
        if self.line_start {
            for _ in 0..self.depth {
                self.out.push_str("    ");
            }
            self.line_start = false;
        } else if space_before {
            self.out.push(' ');
        }
        self.out.push_str(s);
    }

    fn in_multiline(&self) -> bool {
        self.stack.last().is_some_and(|f| f.multiline)
    }

    fn token(&mut self, toks: &[Tok], i: usize) {
        let prev = i.checked_sub(1).map(|j| &toks[j]);
        let prev2 = i.checked_sub(2).map(|j| &toks[j]);
        let next = toks.get(i + 1);
        let space = space_between(prev2, prev, &toks[i]);
        match &toks[i] {
            Tok::Ident(s) | Tok::Literal(s) => self.write(s, space),
            Tok::Punct(c, _) => {
                let mut buf = [0u8; 4];
                self.write(c.encode_utf8(&mut buf), space);
                let arrow = matches!(prev, Some(Tok::Punct('-' | '=', Spacing::Joint)));
                match c {
                    '<' => self.angles += 1,
                    '>' if !arrow => self.angles = self.angles.saturating_sub(1),
                    _ => {}
                }
                let ends_statement = match c {
                    ',' => self.in_multiline() && self.angles == 0,
                    ';' => {
                        self.angles = 0;
                        self.in_multiline()
                    }
                    _ => false,
                };
                if ends_statement {
                    self.newline();
                }
            }
            Tok::Open(d, multiline) => {
                let attribute = *d == Delimiter::Bracket
                    && matches!(prev, Some(Tok::Punct('#', _)))
                    || (*d == Delimiter::Bracket
                        && matches!(prev, Some(Tok::Punct('!', _)))
                        && matches!(prev2, Some(Tok::Punct('#', _))));
                self.write(open_char(*d), space);
                self.stack.push(Frame {
                    multiline: *multiline,
                    attribute,
                });
                if *multiline {
                    self.depth += 1;
                    self.newline();
                }
            }
            Tok::Close(d, multiline) => {
                let frame = self.stack.pop();
                if *multiline {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline();
                }
                self.write(close_char(*d), space && !*multiline);
                let attribute = frame.is_some_and(|f| f.attribute);
                let continues = matches!(
                    next,
                    Some(Tok::Punct(',' | ';' | '.' | '?', _)) | Some(Tok::Close(..))
                ) || matches!(next, Some(Tok::Ident(s)) if s == "else");
                let block_end = *d == Delimiter::Brace && !continues;
                if (attribute || block_end) && self.in_multiline() {
                    self.newline();
                }
            }
        }
    }
}

fn space_between(prev2: Option<&Tok>, prev: Option<&Tok>, cur: &Tok) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    match (prev, cur) {
        (Tok::Open(Delimiter::Brace, _), Tok::Close(Delimiter::Brace, _)) => false,
        (Tok::Open(Delimiter::Brace, false), _) | (_, Tok::Close(Delimiter::Brace, false)) => true,
        (Tok::Punct(_, Spacing::Joint), _) => false,
        (Tok::Open(..), _) | (_, Tok::Close(..)) => false,
        // A path starting with `::` after `->`, `=>`, `=` or a type colon.
        (Tok::Punct(p, _), Tok::Punct(':', Spacing::Joint)) => {
            !matches!(p, '<' | '&' | '#' | '!' | '.' | '(')
        }
        (_, Tok::Punct(',' | ';' | '.' | ':' | '?', _)) => false,
        (Tok::Punct(':', _), _) => !matches!(prev2, Some(Tok::Punct(':', Spacing::Joint))),
        (Tok::Punct('.' | '&' | '#' | '!' | '<', _), _) => false,
        (_, Tok::Punct('<' | '>', _)) => false,
        (Tok::Punct('>', _), Tok::Open(Delimiter::Parenthesis, _)) => false,
        (Tok::Ident(s), Tok::Open(Delimiter::Parenthesis | Delimiter::Bracket, _)) => {
            // `&'static [T]`: a lifetime, not an indexed value.
            SPACED_KEYWORDS.contains(&s.as_str()) || matches!(prev2, Some(Tok::Punct('\'', _)))
        }
        (Tok::Close(..), Tok::Open(Delimiter::Bracket | Delimiter::Parenthesis, _)) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// The laid-out text parses back to the same tokens (spacing aside).
    fn assert_same_tokens(text: &str, tokens: &TokenStream) {
        let squash = |s: String| s.split_whitespace().collect::<String>();
        let reparsed: TokenStream = text.parse().unwrap();
        assert_eq!(squash(reparsed.to_string()), squash(tokens.to_string()));
    }

    #[test]
    fn lays_out_items_one_per_line() {
        let t = quote! {
            #[doc = "A thing."]
            #[derive(Clone, Copy)]
            pub enum E { A, B }
            pub(crate) const T: &[(u16, &'static str)] = &[(1, "a"), (2, "b")];
            pub(crate) const fn f(id: u16) -> Option<E> { match id { 1 => Some(E::A), _ => None } }
        };
        let text = format(t.clone());
        assert_eq!(
            text,
            "#[doc = \"A thing.\"]\n#[derive(Clone, Copy)]\npub enum E { A, B }\npub(crate) const T: &[(u16, &'static str)] = &[(1, \"a\"), (2, \"b\")];\npub(crate) const fn f(id: u16) -> Option<E> {\n    match id { 1 => Some(E::A), _ => None }\n}\n"
        );
        assert_same_tokens(&text, &t);
    }

    #[test]
    fn long_lists_break_per_element() {
        let items = (0..20).map(|i| quote!(crate::data::Thing { id: #i }));
        let t = quote!(const X: [crate::data::Thing; 20] = [#(#items),*];);
        let text = format(t.clone());
        assert!(
            text.starts_with(
                "const X: [crate::data::Thing; 20] = [\n    crate::data::Thing { id: 0i32 },\n"
            ),
            "{text}"
        );
        assert_same_tokens(&text, &t);
    }
}
