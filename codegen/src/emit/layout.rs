//! Lays out a token stream as readable Rust source.
//!
//! `TokenStream::to_string()` prints everything on one line, and the build path must not
//! depend on prettyplease (it needs syn). This printer knows just enough for generated
//! data: one item, field, variant, match arm or attribute per line, indented by four
//! spaces; long lists one element per line; lists of plain numbers filled to about 100
//! columns. The result is not rustfmt's, but it is stable, and it compiles to exactly the
//! tokens it was given.
//!
//! It walks the tokens once, writing each straight into the output: no intermediate
//! strings per token (the generator's budget is a few milliseconds).

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use std::fmt::Write as _;

/// Formats `tokens` as source text ending with a newline.
pub fn format(tokens: TokenStream) -> String {
    let mut p = Printer {
        out: String::new(),
        depth: 0,
        line_start: true,
        column: 0,
        angles: 0,
        prev: None,
        prev2: None,
    };
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    p.trees(trees, Layout::Lines);
    if !p.out.ends_with('\n') {
        p.out.push('\n');
    }
    p.out
}

/// How a group's contents are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// On the group's line.
    Inline,
    /// One element (item, field, arm) per line.
    Lines,
    /// Numbers and commas, as many per line as fit.
    Fill,
}

/// What the printer remembers of a token, for spacing decisions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An identifier; `spaced` for the keywords after which a parenthesis is no call.
    Ident {
        spaced: bool,
    },
    Punct(char, Spacing),
    Literal,
    Open(Delimiter, Layout),
    Close(Delimiter, Layout),
}

/// Keywords after which a parenthesis or bracket is not a call or an index.
const SPACED_KEYWORDS: [&str; 9] = [
    "in", "if", "match", "return", "while", "for", "let", "mut", "as",
];

/// Decides how a group with these contents is laid out.
fn layout_of(delimiter: Delimiter, trees: &[TokenTree]) -> Layout {
    if trees.is_empty() {
        return Layout::Inline;
    }
    let has = |c: char| {
        trees
            .iter()
            .any(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == c))
    };
    let nested_brace = trees
        .iter()
        .any(|t| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace));
    let long = trees.len() > 16;
    match delimiter {
        Delimiter::Brace if has(';') || nested_brace || long => Layout::Lines,
        Delimiter::Bracket | Delimiter::Parenthesis if has(',') && long => {
            let plain = trees.iter().all(|t| {
                matches!(t, TokenTree::Literal(_))
                    || matches!(t, TokenTree::Punct(p) if p.as_char() == ',')
            });
            if plain {
                Layout::Fill
            } else {
                Layout::Lines
            }
        }
        _ => Layout::Inline,
    }
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

struct Printer {
    out: String,
    depth: usize,
    line_start: bool,
    column: usize,
    /// Open `<` of generic arguments: their commas do not end a line.
    angles: usize,
    prev: Option<Kind>,
    prev2: Option<Kind>,
}

impl Printer {
    fn newline(&mut self) {
        if !self.line_start {
            self.out.push('\n');
            self.line_start = true;
            self.column = 0;
        }
    }

    /// Starts a token: the line's indentation, or the space that separates it.
    fn start(&mut self, space_before: bool) {
        if self.line_start {
            for _ in 0..self.depth {
                self.out.push_str("    ");
            }
            self.column = self.depth * 4;
            self.line_start = false;
        } else if space_before {
            self.out.push(' ');
            self.column += 1;
        }
    }

    fn remember(&mut self, kind: Kind) {
        self.prev2 = self.prev;
        self.prev = Some(kind);
    }

    fn trees(&mut self, trees: Vec<TokenTree>, layout: Layout) {
        let mut iter = trees.into_iter().peekable();
        while let Some(tree) = iter.next() {
            self.tree(tree, iter.peek(), layout);
        }
    }

    fn tree(&mut self, tree: TokenTree, next: Option<&TokenTree>, layout: Layout) {
        match tree {
            TokenTree::Ident(ident) => {
                let kind = Kind::Ident {
                    spaced: SPACED_KEYWORDS.iter().any(|k| ident == k),
                };
                self.start(self.space_before(kind));
                let before = self.out.len();
                let _ = write!(self.out, "{ident}");
                self.column += self.out.len() - before;
                self.remember(kind);
            }
            TokenTree::Literal(lit) => {
                if layout == Layout::Fill && self.column > 96 {
                    self.newline();
                }
                self.start(self.space_before(Kind::Literal));
                let before = self.out.len();
                let _ = write!(self.out, "{lit}");
                self.column += self.out.len() - before;
                self.remember(Kind::Literal);
            }
            TokenTree::Punct(p) => {
                let c = p.as_char();
                let kind = Kind::Punct(c, p.spacing());
                self.start(self.space_before(kind));
                self.out.push(c);
                self.column += 1;
                let arrow = matches!(self.prev, Some(Kind::Punct('-' | '=', Spacing::Joint)));
                match c {
                    '<' => self.angles += 1,
                    '>' if !arrow => self.angles = self.angles.saturating_sub(1),
                    ';' => self.angles = 0,
                    _ => {}
                }
                self.remember(kind);
                let ends_line = match c {
                    ',' => layout == Layout::Lines && self.angles == 0,
                    ';' => layout == Layout::Lines,
                    _ => false,
                };
                if ends_line {
                    self.newline();
                }
            }
            TokenTree::Group(g) => {
                let delimiter = g.delimiter();
                let stream = g.stream();
                // The group shares its stream; dropping it first lets iteration take the
                // tokens instead of copying them.
                drop(g);
                let inner: Vec<TokenTree> = stream.into_iter().collect();
                let inner_layout = layout_of(delimiter, &inner);
                let attribute = delimiter == Delimiter::Bracket
                    && (matches!(self.prev, Some(Kind::Punct('#', _)))
                        || (matches!(self.prev, Some(Kind::Punct('!', _)))
                            && matches!(self.prev2, Some(Kind::Punct('#', _)))));
                let open = Kind::Open(delimiter, inner_layout);
                self.start(self.space_before(open));
                self.out.push_str(open_char(delimiter));
                self.column += 1;
                self.remember(open);
                let saved_angles = std::mem::take(&mut self.angles);
                if inner_layout != Layout::Inline {
                    self.depth += 1;
                    self.newline();
                }
                self.trees(inner, inner_layout);
                self.angles = saved_angles;
                let close = Kind::Close(delimiter, inner_layout);
                if inner_layout != Layout::Inline {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline();
                    self.start(false);
                } else {
                    self.start(self.space_before(close));
                }
                self.out.push_str(close_char(delimiter));
                self.column += 1;
                self.remember(close);
                let continues = matches!(
                    next,
                    Some(TokenTree::Punct(p)) if matches!(p.as_char(), ',' | ';' | '.' | '?')
                ) || matches!(next, Some(TokenTree::Ident(i)) if i == "else")
                    || next.is_none();
                let block_end = delimiter == Delimiter::Brace && !continues;
                if (attribute || block_end) && layout == Layout::Lines {
                    self.newline();
                }
            }
        }
    }

    fn space_before(&self, cur: Kind) -> bool {
        let Some(prev) = self.prev else {
            return false;
        };
        if self.line_start {
            return false;
        }
        match (prev, cur) {
            (Kind::Open(Delimiter::Brace, _), Kind::Close(Delimiter::Brace, _)) => false,
            (Kind::Open(Delimiter::Brace, Layout::Inline), _)
            | (_, Kind::Close(Delimiter::Brace, Layout::Inline)) => true,
            (Kind::Punct(_, Spacing::Joint), _) => false,
            (Kind::Open(..), _) | (_, Kind::Close(..)) => false,
            // A path starting with `::` after `->`, `=>`, `=` or a type colon.
            (Kind::Punct(p, _), Kind::Punct(':', Spacing::Joint)) => {
                !matches!(p, '<' | '&' | '#' | '!' | '.' | '(')
            }
            (_, Kind::Punct(',' | ';' | '.' | ':' | '?', _)) => false,
            (Kind::Punct(':', _), _) => {
                !matches!(self.prev2, Some(Kind::Punct(':', Spacing::Joint)))
            }
            (Kind::Punct('.' | '&' | '#' | '!' | '<', _), _) => false,
            (_, Kind::Punct('<' | '>', _)) => false,
            (Kind::Punct('>', _), Kind::Open(Delimiter::Parenthesis, _)) => false,
            (
                Kind::Ident { spaced },
                Kind::Open(Delimiter::Parenthesis | Delimiter::Bracket, _),
            ) => {
                // `&'static [T]`: a lifetime, not an indexed value.
                spaced || matches!(self.prev2, Some(Kind::Punct('\'', _)))
            }
            (Kind::Close(..), Kind::Open(Delimiter::Bracket | Delimiter::Parenthesis, _)) => false,
            _ => true,
        }
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
    fn long_lists_break_per_element_and_numbers_fill_lines() {
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

        let numbers = (0u16..64).map(proc_macro2::Literal::u16_unsuffixed);
        let t = quote!(const P: [u16; 64] = [#(#numbers),*];);
        let text = format(t.clone());
        assert!(text.lines().count() < 6, "{text}");
        assert!(text.lines().all(|l| l.len() <= 104), "{text}");
        assert_same_tokens(&text, &t);
    }
}
