//! The search language: free words and quoted phrases over title, description, file names
//! and content, narrowed by qualifiers (`user:`, `title:`, `description:`, `filename:`,
//! `extension:`, `language:`, `topic:`).

use crate::error::{Error, Result};

/// A text field words can be restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    Description,
    Filename,
}

/// A field matched exactly (lower-cased).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordField {
    User,
    Extension,
    Language,
    Topic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Words (or, quoted, a phrase) in `field`, or in any text field when `None`.
    Text {
        field: Option<TextField>,
        text: String,
        phrase: bool,
    },
    Keyword(KeywordField, String),
}

pub const MAX_QUERY_CHARS: usize = 500;
pub const MAX_CLAUSES: usize = 20;

/// Parses `q`; an empty query, a qualifier without a value or an oversized query is a
/// validation error naming the problem.
pub fn parse(q: &str) -> Result<Vec<Clause>> {
    let invalid = |message: String| Error::invalid("Search", "q", message);
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(invalid(format!(
            "The query is longer than {MAX_QUERY_CHARS} characters"
        )));
    }
    let mut clauses = Vec::new();
    for (raw, quoted) in lex(q) {
        let (qualifier, value, quoted) = match raw.split_once(':') {
            Some((key, value)) if !quoted.0 => match qualifier(key) {
                Some(q) => (Some(q), value.to_owned(), quoted.1),
                None => (None, raw.clone(), false),
            },
            _ => (None, raw.clone(), quoted.0),
        };
        let value = value.trim().to_owned();
        match qualifier {
            Some(key) if value.is_empty() => {
                return Err(invalid(format!(
                    "`{}:` needs a value, e.g. {}",
                    key.name(),
                    key.example()
                )));
            }
            Some(Qualifier::Text(field)) => clauses.push(Clause::Text {
                field: Some(field),
                text: value,
                phrase: quoted,
            }),
            Some(Qualifier::Keyword(field)) => {
                let value = value.to_lowercase();
                let value = match field {
                    KeywordField::Extension => value.trim_start_matches('.').to_owned(),
                    _ => value,
                };
                clauses.push(Clause::Keyword(field, value));
            }
            None if value.is_empty() => {}
            None => clauses.push(Clause::Text {
                field: None,
                text: value,
                phrase: quoted,
            }),
        }
    }
    if clauses.is_empty() {
        return Err(invalid("Type something to search for".to_owned()));
    }
    if clauses.len() > MAX_CLAUSES {
        return Err(invalid(format!(
            "Use at most {MAX_CLAUSES} words and qualifiers"
        )));
    }
    Ok(clauses)
}

/// The query with `language:` set to `language` (replacing any other), for facet links.
pub fn with_language(q: &str, language: &str) -> String {
    let mut kept: Vec<String> = lex(q)
        .into_iter()
        .filter(|(raw, quoted)| {
            quoted.0
                || !raw
                    .split_once(':')
                    .is_some_and(|(k, _)| k.eq_ignore_ascii_case("language"))
        })
        .map(|(raw, quoted)| match quoted {
            (true, _) => format!("\"{raw}\""),
            (false, true) => match raw.split_once(':') {
                Some((k, v)) => format!("{k}:\"{v}\""),
                None => raw,
            },
            _ => raw,
        })
        .collect();
    if language.contains(' ') {
        kept.push(format!("language:\"{}\"", language.to_lowercase()));
    } else {
        kept.push(format!("language:{}", language.to_lowercase()));
    }
    kept.join(" ")
}

#[derive(Debug, Clone, Copy)]
enum Qualifier {
    Text(TextField),
    Keyword(KeywordField),
}

impl Qualifier {
    fn name(self) -> &'static str {
        match self {
            Qualifier::Text(TextField::Title) => "title",
            Qualifier::Text(TextField::Description) => "description",
            Qualifier::Text(TextField::Filename) => "filename",
            Qualifier::Keyword(KeywordField::User) => "user",
            Qualifier::Keyword(KeywordField::Extension) => "extension",
            Qualifier::Keyword(KeywordField::Language) => "language",
            Qualifier::Keyword(KeywordField::Topic) => "topic",
        }
    }

    fn example(self) -> &'static str {
        match self {
            Qualifier::Text(TextField::Title) => "title:parser",
            Qualifier::Text(TextField::Description) => "description:\"how to\"",
            Qualifier::Text(TextField::Filename) => "filename:main.rs",
            Qualifier::Keyword(KeywordField::User) => "user:alice",
            Qualifier::Keyword(KeywordField::Extension) => "extension:rs",
            Qualifier::Keyword(KeywordField::Language) => "language:rust",
            Qualifier::Keyword(KeywordField::Topic) => "topic:cli",
        }
    }
}

/// Only these keys are qualifiers: `std::io` or `http://x` stay words.
fn qualifier(key: &str) -> Option<Qualifier> {
    Some(match key.to_ascii_lowercase().as_str() {
        "title" => Qualifier::Text(TextField::Title),
        "description" => Qualifier::Text(TextField::Description),
        "filename" => Qualifier::Text(TextField::Filename),
        "user" => Qualifier::Keyword(KeywordField::User),
        "extension" => Qualifier::Keyword(KeywordField::Extension),
        "language" => Qualifier::Keyword(KeywordField::Language),
        "topic" => Qualifier::Keyword(KeywordField::Topic),
        _ => return None,
    })
}

/// Splits at white space outside quotes. Each item says whether it was a quoted phrase
/// (`"a b"`) and whether its value after `key:` was quoted (`key:"a b"`); the quotes are
/// removed. An unclosed quote runs to the end.
fn lex(q: &str) -> Vec<(String, (bool, bool))> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        if first == '"' {
            chars.next();
            let phrase: String = chars.by_ref().take_while(|&c| c != '"').collect();
            out.push((phrase, (true, false)));
            continue;
        }
        let mut item = String::new();
        let mut value_quoted = false;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if c == '"' && item.ends_with(':') && !value_quoted {
                value_quoted = true;
                item.extend(chars.by_ref().take_while(|&c| c != '"'));
                break;
            }
            item.push(c);
        }
        out.push((item, (false, value_quoted)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(field: Option<TextField>, text: &str, phrase: bool) -> Clause {
        Clause::Text {
            field,
            text: text.to_owned(),
            phrase,
        }
    }

    #[test]
    fn words_phrases_and_qualifiers() {
        let clauses = parse(
            r#"tokio "spawn blocking" user:Alice title:"web server" filename:main.rs extension:.RS language:"Visual Basic" topic:cli description:demo std::io"#,
        )
        .unwrap();
        assert_eq!(
            clauses,
            vec![
                text(None, "tokio", false),
                text(None, "spawn blocking", true),
                Clause::Keyword(KeywordField::User, "alice".into()),
                text(Some(TextField::Title), "web server", true),
                text(Some(TextField::Filename), "main.rs", false),
                Clause::Keyword(KeywordField::Extension, "rs".into()),
                Clause::Keyword(KeywordField::Language, "visual basic".into()),
                Clause::Keyword(KeywordField::Topic, "cli".into()),
                text(Some(TextField::Description), "demo", false),
                text(None, "std::io", false),
            ]
        );
    }

    #[test]
    fn clear_errors() {
        let message = |q: &str| parse(q).unwrap_err().to_string();
        assert!(message("").contains("Type something to search for"));
        assert!(message("   ").contains("Type something"));
        assert!(
            message("rust user:").contains("`user:` needs a value, e.g. user:alice"),
            "{}",
            message("rust user:")
        );
        assert!(message(&"a ".repeat(300)).contains("longer than 500"));
        assert!(message(&"a ".repeat(30)).contains("at most 20"));
        assert!(parse("\"unclosed phrase").is_ok());
    }

    #[test]
    fn facet_links_replace_the_language() {
        assert_eq!(
            with_language("parser language:go \"two words\"", "Rust"),
            "parser \"two words\" language:rust"
        );
        assert_eq!(
            with_language("x", "Visual Basic"),
            "x language:\"visual basic\""
        );
    }
}
