//! What a gist may contain: file names, visibility, topics, sizes.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{Error, FieldError};

pub const FILENAME_MAX_BYTES: usize = 255;
pub const TITLE_MAX: usize = 255;
pub const DESCRIPTION_MAX: usize = 10_000;
pub const TOPICS_MAX: usize = 10;
pub const TOPIC_MAX_LEN: usize = 50;

fn gist_error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new("Gist", field, code, message)
}

/// A file name is a single path component: no folders, nothing git or a file system would
/// read differently from what the user typed.
pub fn validate_filename(name: &str) -> Result<(), FieldError> {
    let invalid = |why: &str| {
        Err(gist_error(
            "files",
            "invalid",
            format!("file name {name:?} {why}"),
        ))
    };
    if name.is_empty() {
        return Err(gist_error(
            "files",
            "missing_field",
            "file name must not be empty",
        ));
    }
    if name.len() > FILENAME_MAX_BYTES {
        return invalid("is longer than 255 bytes");
    }
    if name == "." || name == ".." {
        return invalid("is not a file name");
    }
    if name.contains(['/', '\\']) {
        return invalid("must not contain / or \\ (gists have no folders)");
    }
    if name.chars().any(char::is_control) {
        return invalid("must not contain control characters");
    }
    Ok(())
}

/// The longest slug of a file name in an anchor: every line number of a file repeats it.
const ANCHOR_SLUG_MAX: usize = 40;

/// The id of a file's box on the gist page (`file-main-rs`), and the prefix of its line
/// anchors (`file-main-rs-L12`); embeds link to it. A long name is cut, and a hash of the
/// whole name keeps two long names apart, so the anchor stays short whatever the name.
pub fn file_anchor(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if slug.len() <= ANCHOR_SLUG_MAX {
        return format!("file-{slug}");
    }
    // FNV-1a: small, stable, and the same in the browser.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("file-{}-{hash:08x}", &slug[..ANCHOR_SLUG_MAX - 9])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Listed and searchable.
    Public,
    /// Readable by anyone with the id; never listed.
    #[default]
    Unlisted,
    /// The owner only. Everyone else gets "not found".
    Private,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [
        Visibility::Public,
        Visibility::Unlisted,
        Visibility::Private,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Unlisted => "unlisted",
            Visibility::Private => "private",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "public" => Ok(Visibility::Public),
            "unlisted" => Ok(Visibility::Unlisted),
            "private" => Ok(Visibility::Private),
            _ => Err(gist_error(
                "visibility",
                "invalid",
                format!("visibility must be public, unlisted or private, not {value:?}"),
            )),
        }
    }

    /// GitHub's `public` flag: `true`/`false` or the strings `"true"`/`"false"`.
    /// `false` means unlisted (GitHub's "secret" gists).
    pub fn from_public_flag(value: &serde_json::Value) -> Result<Self, FieldError> {
        match value {
            serde_json::Value::Bool(true) => Ok(Visibility::Public),
            serde_json::Value::Bool(false) => Ok(Visibility::Unlisted),
            serde_json::Value::String(s) if s.eq_ignore_ascii_case("true") => {
                Ok(Visibility::Public)
            }
            serde_json::Value::String(s) if s.eq_ignore_ascii_case("false") => {
                Ok(Visibility::Unlisted)
            }
            other => Err(gist_error(
                "public",
                "invalid",
                format!("public must be true or false, not {other}"),
            )),
        }
    }

    /// Opengist's `visibility` wins over GitHub's `public`; neither means unlisted.
    pub fn from_request(
        public: Option<&serde_json::Value>,
        visibility: Option<&str>,
    ) -> Result<Self, FieldError> {
        match (visibility, public) {
            (Some(v), _) => Visibility::parse(v),
            (None, Some(flag)) if !flag.is_null() => Visibility::from_public_flag(flag),
            _ => Ok(Visibility::Unlisted),
        }
    }
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Normalises topics: lower case, trimmed, de-duplicated; each 1-50 of `[a-z0-9-]`.
pub fn validate_topics(topics: &[String]) -> Result<Vec<String>, FieldError> {
    let mut clean: Vec<String> = Vec::new();
    for topic in topics {
        let topic = topic.trim().to_lowercase();
        if topic.is_empty() {
            continue;
        }
        if topic.len() > TOPIC_MAX_LEN
            || !topic
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(gist_error(
                "topics",
                "invalid",
                format!("topic {topic:?} must be 1-50 letters, digits or '-'"),
            ));
        }
        if !clean.contains(&topic) {
            clean.push(topic);
        }
    }
    if clean.len() > TOPICS_MAX {
        return Err(gist_error(
            "topics",
            "invalid",
            "a gist has at most 10 topics",
        ));
    }
    Ok(clean)
}

/// Topics as people type them in one field: separated by commas or spaces.
pub fn parse_topics(text: &str) -> Result<Vec<String>, FieldError> {
    let typed: Vec<String> = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(str::to_owned)
        .collect();
    validate_topics(&typed)
}

pub fn validate_title(title: &str) -> Result<(), FieldError> {
    if title.chars().count() > TITLE_MAX {
        return Err(gist_error(
            "title",
            "invalid",
            "title must be at most 255 characters",
        ));
    }
    Ok(())
}

pub fn validate_description(description: &str) -> Result<(), FieldError> {
    if description.chars().count() > DESCRIPTION_MAX {
        return Err(gist_error(
            "description",
            "invalid",
            "description must be at most 10000 characters",
        ));
    }
    Ok(())
}

/// Size limits the server enforces; the defaults suit snippets, an admin can raise them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub max_file_size: u64,
    pub max_files: usize,
    pub max_total_size: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 5 * 1024 * 1024,
            max_files: 1000,
            max_total_size: 10 * 1024 * 1024,
        }
    }
}

impl Limits {
    /// Checks one complete set of files (name, size in bytes).
    pub fn check<'a>(&self, files: impl IntoIterator<Item = (&'a str, u64)>) -> Result<(), Error> {
        let mut count = 0usize;
        let mut total = 0u64;
        for (name, size) in files {
            count += 1;
            total += size;
            if size > self.max_file_size {
                return Err(Error::Validation(vec![gist_error(
                    "files",
                    "invalid",
                    format!(
                        "file {name:?} is {size} bytes; the limit is {} bytes",
                        self.max_file_size
                    ),
                )]));
            }
        }
        if count > self.max_files {
            return Err(Error::Validation(vec![gist_error(
                "files",
                "invalid",
                format!("a gist has at most {} files", self.max_files),
            )]));
        }
        if total > self.max_total_size {
            return Err(Error::Validation(vec![gist_error(
                "files",
                "invalid",
                format!(
                    "the files total {total} bytes; the limit is {} bytes",
                    self.max_total_size
                ),
            )]));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn file_anchors_stay_short() {
        assert_eq!(file_anchor("main.rs"), "file-main-rs");
        let long = format!("{}.txt", "a".repeat(250));
        let other = format!("{}.txb", "a".repeat(250));
        assert!(file_anchor(&long).len() <= 5 + 40, "{}", file_anchor(&long));
        assert_ne!(file_anchor(&long), file_anchor(&other));
        assert_eq!(file_anchor(&long), file_anchor(&long), "stable");
    }
    use serde_json::json;

    #[test]
    fn filenames() {
        for ok in [
            "a.rs",
            "gistfile1.txt",
            ".env",
            "...",
            "Makefile",
            "naïve café.md",
            "a b",
        ] {
            assert!(validate_filename(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "a/b",
            "a\\b",
            "a\0b",
            "a\nb",
            "tab\there",
            &"x".repeat(256),
        ] {
            assert!(validate_filename(bad).is_err(), "{bad:?}");
        }
        assert!(validate_filename(&"é".repeat(127)).is_ok(), "254 bytes");
        assert!(validate_filename(&"é".repeat(128)).is_err(), "256 bytes");
    }

    proptest! {
        #[test]
        fn valid_names_are_single_clean_components(name in "\\PC{0,300}") {
            let ok = validate_filename(&name).is_ok();
            let expected = !name.is_empty()
                && name.len() <= 255
                && name != "." && name != ".."
                && !name.contains('/') && !name.contains('\\')
                && !name.chars().any(char::is_control);
            prop_assert_eq!(ok, expected);
        }

        #[test]
        fn any_name_with_a_separator_is_refused(a in "[a-z]{0,10}", b in "[a-z]{0,10}", sep in "[/\\\\\\x00\\n]") {
            let name = format!("{a}{sep}{b}");
            prop_assert!(validate_filename(&name).is_err());
        }
    }

    #[test]
    fn visibility_from_requests() {
        use Visibility::*;
        assert_eq!(
            Visibility::from_request(Some(&json!(true)), None).unwrap(),
            Public
        );
        assert_eq!(
            Visibility::from_request(Some(&json!(false)), None).unwrap(),
            Unlisted
        );
        assert_eq!(
            Visibility::from_request(Some(&json!("true")), None).unwrap(),
            Public
        );
        assert_eq!(
            Visibility::from_request(Some(&json!("FALSE")), None).unwrap(),
            Unlisted
        );
        assert_eq!(Visibility::from_request(None, None).unwrap(), Unlisted);
        assert_eq!(
            Visibility::from_request(Some(&json!(null)), None).unwrap(),
            Unlisted
        );
        assert_eq!(
            Visibility::from_request(Some(&json!(true)), Some("private")).unwrap(),
            Private
        );
        assert!(Visibility::from_request(Some(&json!(1)), None).is_err());
        assert!(Visibility::from_request(None, Some("secret")).is_err());
    }

    #[test]
    fn topics_normalise() {
        let t = |v: &[&str]| validate_topics(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            t(&["Rust", " rust ", "", "web-dev"]).unwrap(),
            vec!["rust", "web-dev"]
        );
        assert!(t(&["has space"]).is_err());
        assert!(t(&["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]).is_err());
    }

    #[test]
    fn topics_as_typed() {
        assert_eq!(
            parse_topics("Rust, web-dev  cli,,rust").unwrap(),
            vec!["rust", "web-dev", "cli"]
        );
        assert!(parse_topics("").unwrap().is_empty());
        let error = parse_topics("ok, no_underscores").unwrap_err();
        assert_eq!(error.field, "topics");
        assert!(
            error.message.contains("no_underscores"),
            "{}",
            error.message
        );
    }

    #[test]
    fn limits() {
        let limits = Limits {
            max_file_size: 10,
            max_files: 2,
            max_total_size: 15,
        };
        assert!(limits.check([("a", 10), ("b", 5)]).is_ok());
        assert!(limits.check([("a", 11)]).is_err());
        assert!(limits.check([("a", 1), ("b", 1), ("c", 1)]).is_err());
        assert!(limits.check([("a", 10), ("b", 6)]).is_err());
    }
}
