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
    let mut tokens = Vec::new();
    let mut position = 0;
    for (start, word) in words(text) {
        let parts = parts(word);
        if parts.is_empty() {
            continue;
        }
        if parts.len() > 1 && word.len() <= MAX_TOKEN_BYTES {
            tokens.push(CodeToken {
                text: word.to_lowercase(),
                from: start,
                to: start + word.len(),
                position,
            });
        }
        for (offset, part) in parts {
            if part.len() <= MAX_TOKEN_BYTES {
                tokens.push(CodeToken {
                    text: part.to_lowercase(),
                    from: start + offset,
                    to: start + offset + part.len(),
                    position,
                });
            }
            position += 1;
        }
    }
    tokens
}

/// The terms a query word is looked up by: the whole compound (if it is one) and its parts.
pub fn query_terms(word: &str) -> (Option<String>, Vec<String>) {
    let tokens = code_tokens(word);
    let parts: Vec<String> = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            tokens
                .get(i + 1)
                .is_none_or(|next| next.position != t.position)
        })
        .map(|(_, t)| t.text.clone())
        .collect();
    let whole = (parts.len() > 1)
        .then(|| tokens.first().map(|t| t.text.clone()))
        .flatten();
    (whole, parts)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Runs of letters, digits and `_`, joined by single dots between word characters.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        let joins = c == '.' && start.is_some() && next_is_word;
        if is_word_char(c) || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The parts of one word with their byte offsets: split at `_` and `.`, and where the
/// case changes (`parseHTTPRequest` → parse, HTTP, Request).
fn parts(word: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (piece_start, piece) in split_keep_offsets(word) {
        let chars: Vec<(usize, char)> = piece.char_indices().collect();
        let mut from = 0;
        for k in 1..chars.len() {
            let (at, c) = chars[k];
            let prev = chars[k - 1].1;
            let next = chars.get(k + 1).map(|&(_, n)| n);
            let lower_to_upper = prev.is_lowercase() && c.is_uppercase();
            let acronym_end =
                prev.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase);
            if lower_to_upper || acronym_end {
                out.push((piece_start + from, &piece[from..at]));
                from = at;
            }
        }
        out.push((piece_start + from, &piece[from..]));
    }
    out
}

fn split_keep_offsets(word: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in word.char_indices() {
        if c == '_' || c == '.' {
            if i > from {
                out.push((from, &word[from..i]));
            }
            from = i + 1;
        }
    }
    if from < word.len() {
        out.push((from, &word[from..]));
    }
    out
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
