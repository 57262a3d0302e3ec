//! `git push -o KEY=VALUE`: what a push may set besides the files (Opengist's options,
//! and ours). The pre-receive hook parses them with this function and refuses the push
//! with its message; the server parses them again when the database follows the push.

use chrono::{DateTime, Duration, Utc};

use super::gist::{Visibility, parse_topics, validate_description, validate_title};
use super::lifecycle::{parse_expiry, validate_slug};

/// How many options one push may carry, and how long each may be.
pub const MAX_OPTIONS: usize = 16;
pub const MAX_OPTION_BYTES: usize = 11_000;

/// What the options of one push set; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PushOptions {
    pub title: Option<String>,
    pub description: Option<String>,
    pub visibility: Option<Visibility>,
    pub topics: Option<Vec<String>>,
    /// `Some(None)`: `expire=never`.
    pub expires_at: Option<Option<DateTime<Utc>>>,
    /// `Some(None)`: `url=` (no custom URL).
    pub slug: Option<Option<String>>,
}

impl PushOptions {
    pub fn is_empty(&self) -> bool {
        *self == PushOptions::default()
    }

    /// Parses every option; the first bad one is refused with a message naming it.
    pub fn parse(
        options: &[String],
        now: DateTime<Utc>,
        max_expiry: Duration,
    ) -> Result<PushOptions, String> {
        if options.len() > MAX_OPTIONS {
            return Err(format!("at most {MAX_OPTIONS} push options are taken"));
        }
        let mut parsed = PushOptions::default();
        for option in options {
            if option.len() > MAX_OPTION_BYTES {
                return Err("push option is too long".into());
            }
            let Some((key, value)) = option.split_once('=') else {
                return Err(format!(
                    "push option {option:?} is not KEY=VALUE (keys: title, description, visibility, topics, expire, url)"
                ));
            };
            let bad = |why: String| format!("push option {key}: {why}");
            match key.trim() {
                "title" => {
                    validate_title(value).map_err(|e| bad(e.message))?;
                    parsed.title = Some(value.trim().to_owned());
                }
                "description" => {
                    validate_description(value).map_err(|e| bad(e.message))?;
                    parsed.description = Some(value.trim().to_owned());
                }
                "visibility" => {
                    parsed.visibility = Some(Visibility::parse(value).map_err(|e| bad(e.message))?);
                }
                "topics" => {
                    parsed.topics = Some(parse_topics(value).map_err(|e| bad(e.message))?);
                }
                "expire" => {
                    parsed.expires_at =
                        Some(parse_expiry(value, now, max_expiry).map_err(|e| bad(e.message))?);
                }
                "url" => {
                    let slug = value.trim();
                    if slug.is_empty() {
                        parsed.slug = Some(None);
                    } else {
                        validate_slug(slug).map_err(|e| bad(e.message))?;
                        parsed.slug = Some(Some(slug.to_owned()));
                    }
                }
                other => {
                    return Err(format!(
                        "unknown push option {other:?} (keys: title, description, visibility, topics, expire, url)"
                    ));
                }
            }
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(options: &[&str]) -> Result<PushOptions, String> {
        let options: Vec<String> = options.iter().map(|o| o.to_string()).collect();
        PushOptions::parse(&options, Utc::now(), Duration::days(30))
    }

    #[test]
    fn every_key() {
        let now = Utc::now();
        let options: Vec<String> = [
            "title=My notes",
            "description=What I keep",
            "visibility=public",
            "topics=rust, git",
            "expire=1d",
            "url=my-notes",
        ]
        .iter()
        .map(|o| o.to_string())
        .collect();
        let parsed = PushOptions::parse(&options, now, Duration::days(30)).unwrap();
        assert_eq!(parsed.title.as_deref(), Some("My notes"));
        assert_eq!(parsed.description.as_deref(), Some("What I keep"));
        assert_eq!(parsed.visibility, Some(Visibility::Public));
        assert_eq!(parsed.topics, Some(vec!["rust".into(), "git".into()]));
        assert_eq!(parsed.expires_at, Some(Some(now + Duration::days(1))));
        assert_eq!(parsed.slug, Some(Some("my-notes".into())));
        assert_eq!(parse(&["expire=never", "url="]).unwrap().slug, Some(None));
        assert!(parse(&[]).unwrap().is_empty());
    }

    #[test]
    fn a_bad_option_is_named() {
        for (option, named) in [
            ("visibility=secret", "visibility"),
            ("expire=someday", "expire"),
            ("url=edit", "url"),
            ("topics=no spaces!", "topics"),
            ("colour=red", "colour"),
            ("title", "title"),
        ] {
            let error = parse(&[option]).unwrap_err();
            assert!(error.contains(named), "{option}: {error}");
        }
        let many: Vec<&str> = vec!["title=x"; MAX_OPTIONS + 1];
        assert!(parse(&many).is_err());
    }
}
