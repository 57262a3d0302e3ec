//! Code-aware words: `parse_http_request`, `parseHttpRequest` and `os.path.join` are found
//! by the whole name and by each of their parts.

/// One token: lower-cased text, its byte range in the source, and its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeToken {
    pub text: String,
    pub from: usize,
    pub to: usize,
    pub position: usize,
}

/// Longer tokens (hashes, minified code, base64) are not worth indexing.
pub const MAX_TOKEN_BYTES: usize = 80;

/// Every word and, for compound names, each part: the whole name shares the position of
/// its first part, and the parts follow each other, so a phrase of parts matches too.
pub fn code_tokens(text: &str) -> Vec<CodeToken> {
    let mut stream = CodeTokens::new(text);
    let mut tokens = Vec::new();
    let mut word = String::new();
    while let Some((from, to, position)) = stream.next_into(&mut word) {
        tokens.push(CodeToken {
            text: word.clone(),
            from,
            to,
            position,
        });
    }
    tokens
}

/// The tokens of [`code_tokens`] one at a time, without allocating per token: the index
/// and the snippets run this over every file's content, so it is the search's hot loop.
pub struct CodeTokens<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    scan: usize,
    /// The current word and the byte ranges of its parts.
    word: (usize, usize),
    parts: Vec<(usize, usize)>,
    next_part: usize,
    whole_due: bool,
    /// The position of the next part.
    position: usize,
}

impl<'a> CodeTokens<'a> {
    pub fn new(text: &'a str) -> CodeTokens<'a> {
        CodeTokens {
            text,
            scan: 0,
            word: (0, 0),
            parts: Vec::new(),
            next_part: 0,
            whole_due: false,
            position: 0,
        }
    }

    /// Writes the next token, lower-cased, into `out`, and returns its byte range and
    /// position; `None` at the end.
    pub fn next_into(&mut self, out: &mut String) -> Option<(usize, usize, usize)> {
        loop {
            if self.whole_due {
                self.whole_due = false;
                let (from, to) = self.word;
                lowercase_into(&self.text[from..to], out);
                return Some((from, to, self.position));
            }
            while let Some(&(from, to)) = self.parts.get(self.next_part) {
                self.next_part += 1;
                let position = self.position;
                self.position += 1;
                if to - from <= MAX_TOKEN_BYTES {
                    lowercase_into(&self.text[from..to], out);
                    return Some((from, to, position));
                }
            }
            if !self.next_word() {
                return None;
            }
        }
    }

    /// Moves to the next run of letters, digits and `_`, joined by single dots between
    /// word characters, and splits it into parts.
    fn next_word(&mut self) -> bool {
        let rest = &self.text[self.scan..];
        let mut start = None;
        let mut end = self.text.len();
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if is_word_char(c) || (c == '.' && start.is_some() && next_is_word) {
                start.get_or_insert(self.scan + i);
            } else if start.is_some() {
                end = self.scan + i;
                break;
            }
        }
        let Some(start) = start else {
            self.scan = self.text.len();
            return false;
        };
        self.scan = end;
        self.word = (start, end);
        self.parts.clear();
        split_parts(self.text, self.word, &mut self.parts);
        self.next_part = 0;
        self.whole_due = self.parts.len() > 1 && end - start <= MAX_TOKEN_BYTES;
        true
    }
}

fn lowercase_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// The terms a query word is looked up by: the whole compound (if it is one) and its parts.
pub fn query_terms(word: &str) -> (Option<String>, Vec<String>) {
    let tokens = code_tokens(word);
    let parts = parts_of(&tokens);
    let whole = (parts.len() > 1)
        .then(|| tokens.first().map(|t| t.text.clone()))
        .flatten();
    (whole, parts)
}

/// The parts of every word of `text`, in order, without the compound wholes: the terms a
/// phrase is looked up by.
pub fn phrase_terms(text: &str) -> Vec<String> {
    parts_of(&code_tokens(text))
}

/// A whole shares its position with its first part and comes before it, so the last
/// token at each position is a part.
fn parts_of(tokens: &[CodeToken]) -> Vec<String> {
    tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            tokens
                .get(i + 1)
                .is_none_or(|next| next.position != t.position)
        })
        .map(|(_, t)| t.text.clone())
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The parts of the word at `from..to`: split at `_` and `.`, and where the case changes
/// (`parseHTTPRequest` → parse, HTTP, Request).
fn split_parts(text: &str, (from, to): (usize, usize), out: &mut Vec<(usize, usize)>) {
    let word = &text[from..to];
    let mut piece: Option<usize> = None;
    let mut prev = None;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '_' || c == '.' {
            if let Some(s) = piece.take() {
                out.push((from + s, from + i));
            }
            prev = None;
            continue;
        }
        if let (Some(s), Some(p)) = (piece, prev) {
            let next = chars.peek().map(|&(_, n)| n);
            let lower_to_upper = char::is_lowercase(p) && c.is_uppercase();
            let acronym_end =
                char::is_uppercase(p) && c.is_uppercase() && next.is_some_and(char::is_lowercase);
            if lower_to_upper || acronym_end {
                out.push((from + s, from + i));
                piece = Some(i);
            }
        }
        piece.get_or_insert(i);
        prev = Some(c);
    }
    if let Some(s) = piece {
        out.push((from + s, to));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, usize)> {
        code_tokens(text)
            .into_iter()
            .map(|t| (t.text, t.position))
            .collect()
    }

    fn owned(items: &[(&str, usize)]) -> Vec<(String, usize)> {
        items.iter().map(|(t, p)| (t.to_string(), *p)).collect()
    }

    #[test]
    fn compound_names_give_the_whole_and_the_parts() {
        assert_eq!(
            texts("let parse_http_request = 1;"),
            owned(&[
                ("let", 0),
                ("parse_http_request", 1),
                ("parse", 1),
                ("http", 2),
                ("request", 3),
                ("1", 4),
            ])
        );
        assert_eq!(
            texts("parseHTTPRequest"),
            owned(&[
                ("parsehttprequest", 0),
                ("parse", 0),
                ("http", 1),
                ("request", 2)
            ])
        );
        assert_eq!(
            texts("os.path.join(a)"),
            owned(&[
                ("os.path.join", 0),
                ("os", 0),
                ("path", 1),
                ("join", 2),
                ("a", 3)
            ])
        );
    }

    #[test]
    fn sentences_and_offsets() {
        let tokens = code_tokens("Hello, wörld. End.");
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["hello", "wörld", "end"]);
        assert_eq!(&"Hello, wörld. End."[tokens[1].from..tokens[1].to], "wörld");
        assert!(code_tokens("__ ... --").is_empty());
        assert!(
            code_tokens(&"a".repeat(200)).is_empty(),
            "too long to index"
        );
    }

    #[test]
    fn edges_of_words() {
        let long = "x".repeat(100);
        // A part too long to index keeps its position, so phrases stay exact.
        assert_eq!(
            texts(&format!("{long}_tail next")),
            owned(&[("tail", 1), ("next", 2)])
        );
        assert_eq!(texts("a..b end."), owned(&[("a", 0), ("b", 1), ("end", 2)]));
        assert_eq!(
            texts("ÄpfelBaum"),
            owned(&[("äpfelbaum", 0), ("äpfel", 0), ("baum", 1)])
        );
        assert_eq!(
            texts("__init__ HTTPServer"),
            owned(&[("init", 0), ("httpserver", 1), ("http", 1), ("server", 2)])
        );
    }

    #[test]
    fn query_words_are_looked_up_by_whole_and_parts() {
        assert_eq!(
            query_terms("snake_case"),
            (
                Some("snake_case".to_owned()),
                vec!["snake".to_owned(), "case".to_owned()]
            )
        );
        assert_eq!(query_terms("Hello"), (None, vec!["hello".to_owned()]));
        assert_eq!(query_terms("--"), (None, vec![]));
    }
}
