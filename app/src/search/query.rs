//! The search language: free words and quoted phrases over title, description, file names
//! and content, narrowed by qualifiers (`user:`, `title:`, `description:`, `filename:`,
//! `extension:`, `language:`, `topic:`) and by GitHub's numeric and date qualifiers
//! (`stars:>10`, `forks:2..5`, `size:<1000`, `created:>=2026-01-01`, `updated:*..2026-06`),
//! `fork:only|true|false`, and negation (`NOT word`, `-qualifier:value`). A qualifier whose
//! value does not parse is an error naming it, never a silent word.

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

/// A number a gist carries, compared with a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    Stars,
    Forks,
    /// The size of all its files, in bytes.
    Size,
    /// Seconds since 1970 (UTC).
    Created,
    Updated,
}

/// Inclusive bounds; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// `fork:`: forks only, or none of them (without it, both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForkFilter {
    Only,
    Exclude,
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
    Number(NumberField, Range),
    Fork(ForkFilter),
    /// Gists the clause does not match (`NOT word`, `-qualifier:value`).
    Not(Box<Clause>),
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
    let mut negate_next = false;
    for (raw, quoted) in lex(q) {
        // `NOT` (upper case, as GitHub spells it) negates what follows.
        if !quoted.0 && raw == "NOT" {
            negate_next = true;
            continue;
        }
        // `-key:value` negates a qualifier; `-word` stays a word (`--verbose`, `-1`).
        let (raw, negated) = match raw.strip_prefix('-') {
            Some(rest)
                if !quoted.0
                    && rest
                        .split_once(':')
                        .is_some_and(|(key, _)| qualifier(key).is_some()) =>
            {
                (rest.to_owned(), true)
            }
            _ => (raw, false),
        };
        let negated = negated || std::mem::take(&mut negate_next);
        let (qualifier, value, quoted) = match raw.split_once(':') {
            Some((key, value)) if !quoted.0 => match qualifier(key) {
                Some(q) => (Some(q), value.to_owned(), quoted.1),
                None => (None, raw.clone(), false),
            },
            _ => (None, raw.clone(), quoted.0),
        };
        let value = value.trim().to_owned();
        let clause = match qualifier {
            Some(key) if value.is_empty() => {
                return Err(invalid(format!(
                    "`{}:` needs a value, e.g. {}",
                    key.name(),
                    key.example()
                )));
            }
            Some(Qualifier::Text(field)) => Clause::Text {
                field: Some(field),
                text: value,
                phrase: quoted,
            },
            Some(Qualifier::Keyword(field)) => {
                let value = value.to_lowercase();
                let value = match field {
                    KeywordField::Extension => value.trim_start_matches('.').to_owned(),
                    _ => value,
                };
                Clause::Keyword(field, value)
            }
            Some(key @ Qualifier::Number(field)) => {
                let range = match field {
                    NumberField::Created | NumberField::Updated => parse_range(&value, parse_date),
                    _ => parse_range(&value, parse_count),
                };
                let range = range.ok_or_else(|| malformed(key, &value))?;
                Clause::Number(field, range)
            }
            Some(key @ Qualifier::Fork) => match value.to_ascii_lowercase().as_str() {
                "only" => Clause::Fork(ForkFilter::Only),
                "false" => Clause::Fork(ForkFilter::Exclude),
                // Forks are in results anyway: GitHub's `fork:true` asks for that.
                "true" => continue,
                _ => return Err(malformed(key, &value)),
            },
            None if value.is_empty() => continue,
            None => Clause::Text {
                field: None,
                text: value,
                phrase: quoted,
            },
        };
        clauses.push(if negated {
            Clause::Not(Box::new(clause))
        } else {
            clause
        });
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

/// A 422 naming the qualifier and the value it could not read.
fn malformed(key: Qualifier, value: &str) -> Error {
    Error::invalid(
        "Search",
        "q",
        format!(
            "`{}:{value}` is not a valid qualifier: {}, e.g. {}",
            key.name(),
            key.expects(),
            key.example()
        ),
    )
}

/// `N`, `>N`, `>=N`, `<N`, `<=N`, `N..M`, `N..*`, `*..M`, for values `one` reads as the
/// inclusive bounds of what they name (a date is a whole day).
fn parse_range(value: &str, one: fn(&str) -> Option<(i64, i64)>) -> Option<Range> {
    let bound = |v: &str| {
        if v == "*" {
            Some(None)
        } else {
            one(v).map(Some)
        }
    };
    let range = if let Some(v) = value.strip_prefix(">=") {
        Range {
            min: Some(one(v)?.0),
            max: None,
        }
    } else if let Some(v) = value.strip_prefix("<=") {
        Range {
            min: None,
            max: Some(one(v)?.1),
        }
    } else if let Some(v) = value.strip_prefix('>') {
        Range {
            min: Some(one(v)?.1.checked_add(1)?),
            max: None,
        }
    } else if let Some(v) = value.strip_prefix('<') {
        Range {
            min: None,
            max: Some(one(v)?.0.checked_sub(1)?),
        }
    } else if let Some((from, to)) = value.split_once("..") {
        let (from, to) = (bound(from)?, bound(to)?);
        Range {
            min: from.map(|b| b.0),
            max: to.map(|b| b.1),
        }
    } else {
        let (min, max) = one(value)?;
        Range {
            min: Some(min),
            max: Some(max),
        }
    };
    Some(range)
}

/// A count or a size: a whole number from 0.
fn parse_count(v: &str) -> Option<(i64, i64)> {
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = v.parse().ok()?;
    Some((n, n))
}

/// `YYYY-MM-DD` (the whole day, UTC) or an RFC 3339 instant, as seconds since 1970.
fn parse_date(v: &str) -> Option<(i64, i64)> {
    if let Ok(day) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        let start = day.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
        return Some((start, start + 86_399));
    }
    let at = chrono::DateTime::parse_from_rfc3339(v).ok()?.timestamp();
    Some((at, at))
}

#[derive(Debug, Clone, Copy)]
enum Qualifier {
    Text(TextField),
    Keyword(KeywordField),
    Number(NumberField),
    Fork,
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
            Qualifier::Number(NumberField::Stars) => "stars",
            Qualifier::Number(NumberField::Forks) => "forks",
            Qualifier::Number(NumberField::Size) => "size",
            Qualifier::Number(NumberField::Created) => "created",
            Qualifier::Number(NumberField::Updated) => "updated",
            Qualifier::Fork => "fork",
        }
    }

    /// What a value of this qualifier looks like.
    fn expects(self) -> &'static str {
        match self {
            Qualifier::Number(NumberField::Created | NumberField::Updated) => {
                "it takes a date (YYYY-MM-DD) or a range of them"
            }
            Qualifier::Number(_) => "it takes a whole number or a range of them",
            Qualifier::Fork => "it takes only, true or false",
            _ => "it takes a word",
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
            Qualifier::Number(NumberField::Stars) => "stars:>10",
            Qualifier::Number(NumberField::Forks) => "forks:1..5",
            Qualifier::Number(NumberField::Size) => "size:<1000",
            Qualifier::Number(NumberField::Created) => "created:>=2026-01-01",
            Qualifier::Number(NumberField::Updated) => "updated:2026-01-01..2026-06-30",
            Qualifier::Fork => "fork:only",
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
        "stars" => Qualifier::Number(NumberField::Stars),
        "forks" => Qualifier::Number(NumberField::Forks),
        "size" => Qualifier::Number(NumberField::Size),
        "created" => Qualifier::Number(NumberField::Created),
        "updated" => Qualifier::Number(NumberField::Updated),
        "fork" => Qualifier::Fork,
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
    fn numbers_dates_forks_and_negation() {
        let clauses = parse(
            "stars:>10 forks:2..5 size:<=1000 created:2026-01-02 updated:>=2026-03-01 fork:only NOT draft -user:bob -x --verbose",
        )
        .unwrap();
        let day = |d: &str| parse_date(d).unwrap();
        assert_eq!(
            clauses,
            vec![
                Clause::Number(
                    NumberField::Stars,
                    Range {
                        min: Some(11),
                        max: None
                    }
                ),
                Clause::Number(
                    NumberField::Forks,
                    Range {
                        min: Some(2),
                        max: Some(5)
                    }
                ),
                Clause::Number(
                    NumberField::Size,
                    Range {
                        min: None,
                        max: Some(1000)
                    }
                ),
                Clause::Number(
                    NumberField::Created,
                    Range {
                        min: Some(day("2026-01-02").0),
                        max: Some(day("2026-01-02").1)
                    }
                ),
                Clause::Number(
                    NumberField::Updated,
                    Range {
                        min: Some(day("2026-03-01").0),
                        max: None
                    }
                ),
                Clause::Fork(ForkFilter::Only),
                Clause::Not(Box::new(text(None, "draft", false))),
                Clause::Not(Box::new(Clause::Keyword(KeywordField::User, "bob".into()))),
                text(None, "-x", false),
                text(None, "--verbose", false),
            ]
        );
        assert_eq!(day("2026-01-02").0, 1_767_312_000);
        assert_eq!(day("2026-01-02").1 - day("2026-01-02").0, 86_399);
        assert_eq!(
            parse("created:<2026-01-02").unwrap(),
            [Clause::Number(
                NumberField::Created,
                Range {
                    min: None,
                    max: Some(1_767_311_999)
                }
            )]
        );
        assert_eq!(
            parse("stars:*..3 fork:TRUE").unwrap(),
            [Clause::Number(
                NumberField::Stars,
                Range {
                    min: None,
                    max: Some(3)
                }
            )]
        );
        assert_eq!(
            parse("-fork:only").unwrap(),
            [Clause::Not(Box::new(Clause::Fork(ForkFilter::Only)))]
        );
        // `not` in lower case is a word.
        assert_eq!(parse("not").unwrap(), [text(None, "not", false)]);
    }

    #[test]
    fn malformed_qualifiers_are_named() {
        for (q, named) in [
            ("stars:>ten", "`stars:>ten`"),
            ("stars:-1", "`stars:-1`"),
            ("forks:1..x", "`forks:1..x`"),
            ("size:1.5", "`size:1.5`"),
            ("created:2026-13-01", "`created:2026-13-01`"),
            ("updated:yesterday", "`updated:yesterday`"),
            ("fork:maybe", "`fork:maybe`"),
            ("rust -stars:>>1", "`stars:>>1`"),
            ("stars:99999999999999999999", "`stars:99999999999999999999`"),
        ] {
            let message = parse(q).unwrap_err().to_string();
            assert!(message.contains(named), "{q}: {message}");
            assert!(
                message.contains("is not a valid qualifier"),
                "{q}: {message}"
            );
        }
    }

    proptest::proptest! {
        /// Whatever follows a numeric qualifier, parsing ends in clauses or a named error.
        #[test]
        fn any_range_value_parses_or_is_named(value in "[0-9<>=.*a-z:-]{0,12}") {
            for key in ["stars", "size", "created"] {
                match parse(&format!("{key}:{value}")) {
                    Ok(clauses) => proptest::prop_assert!(!clauses.is_empty()),
                    Err(e) => {
                        let message = e.to_string();
                        proptest::prop_assert!(message.contains(key), "{}", message);
                    }
                }
            }
        }
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
