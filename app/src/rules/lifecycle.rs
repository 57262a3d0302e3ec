//! A gist's lifecycle, as rules shared by the browser and the server: when it expires,
//! its custom URL (slug), and whether it takes comments. The editor checks a slug or an
//! expiry as the user types with the same functions the services call on save.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;

pub const SLUG_MAX: usize = 64;

/// What an archived gist answers a write: it is read-only until its owner unarchives it.
pub const ARCHIVED: &str =
    "This gist is archived, so it is read-only. Its owner can unarchive it to change it";

/// What a gist with comments turned off answers a new comment.
pub const COMMENTS_OFF: &str = "Comments are turned off for this gist";

/// How many gists a profile pins at most (GitHub's number).
pub const PINNED_MAX: usize = 6;

/// Words a slug may not be: the second path segments the router keeps for itself or may
/// one day (`/{user}/{slug}` shares its place with them).
pub const RESERVED_SLUGS: &[&str] = &[
    "edit",
    "revisions",
    "forks",
    "stargazers",
    "raw",
    "download",
    "archive",
    "comments",
    "star",
    "fork",
    "new",
    "init",
    "gist",
    "gists",
    "settings",
    "embed",
    "pinned",
];

/// The expiry presets of the editor and of `git push -o expire=`: (code, label, seconds).
pub const EXPIRY_PRESETS: &[(&str, &str, i64)] = &[
    ("1h", "1 hour", 3_600),
    ("12h", "12 hours", 43_200),
    ("1d", "1 day", 86_400),
    ("7d", "7 days", 604_800),
    ("15d", "15 days", 1_296_000),
];

fn error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new("Gist", field, code, message)
}

/// A custom URL segment: 1-64 of `[A-Za-z0-9_-]`, not a reserved word, and never all hex
/// digits, so a slug can never be mistaken for (or shadow) a gist id.
pub fn validate_slug(slug: &str) -> Result<(), FieldError> {
    let invalid = |why: &str| {
        Err(error(
            "slug",
            "invalid",
            format!("custom URL {slug:?} {why}"),
        ))
    };
    if slug.is_empty() || slug.len() > SLUG_MAX {
        return invalid("must be 1 to 64 characters long");
    }
    if !slug
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return invalid("may only contain letters, digits, '-' and '_'");
    }
    if slug.bytes().all(|b| b.is_ascii_hexdigit()) {
        return invalid(
            "must contain a letter from g to z, '-' or '_' (it would look like a gist id)",
        );
    }
    if RESERVED_SLUGS.contains(&slug_key(slug).as_str()) {
        return invalid("is a reserved word");
    }
    Ok(())
}

/// What URLs match a slug by: slugs are unique per owner without regard to case.
pub fn slug_key(slug: &str) -> String {
    slug.to_ascii_lowercase()
}

/// When a gist expires, from what the user typed: `""` or `never` (no expiry), a preset
/// code (`1h`, `12h`, `1d`, `7d`, `15d`), an RFC 3339 time, a `datetime-local` value
/// (`2027-01-31T18:00`, read as UTC) or Unix seconds. It must lie in the future and at
/// most `max` ahead.
pub fn parse_expiry(
    text: &str,
    now: DateTime<Utc>,
    max: Duration,
) -> Result<Option<DateTime<Utc>>, FieldError> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("never") {
        return Ok(None);
    }
    let at = if let Some((_, _, seconds)) = EXPIRY_PRESETS
        .iter()
        .find(|(code, _, _)| code.eq_ignore_ascii_case(text))
    {
        now + Duration::seconds(*seconds)
    } else if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        at.with_timezone(&Utc)
    } else if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
    {
        at.and_utc()
    } else if let Some(at) = text
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
    {
        at
    } else {
        return Err(error(
            "expires_at",
            "invalid",
            format!(
                "expiry {text:?} is not one of 1h, 12h, 1d, 7d, 15d, never, or a date and time"
            ),
        ));
    };
    check_expiry(at, now, max).map(Some)
}

/// An expiry time must be in the future and at most `max` ahead.
pub fn check_expiry(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    max: Duration,
) -> Result<DateTime<Utc>, FieldError> {
    if at <= now {
        return Err(error(
            "expires_at",
            "invalid",
            "the expiry time must be in the future",
        ));
    }
    if at - now > max {
        return Err(error(
            "expires_at",
            "invalid",
            format!(
                "the expiry time must be at most {} days ahead",
                max.num_days().max(1)
            ),
        ));
    }
    Ok(at)
}

/// Whether a gist that expires at `expires_at` is gone at `now`.
pub fn expired(expires_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    expires_at.is_some_and(|at| at <= now)
}

/// "expires in 3 days", "expires in 5 hours", "expires in less than a minute".
pub fn expires_in_words(t: crate::i18n::I18n, left: Duration) -> String {
    use crate::tr;
    let seconds = left.num_seconds().max(0);
    match seconds {
        0..=59 => tr!(t, "time-expires-soon"),
        60..=3599 => tr!(t, "time-expires-minutes", count = seconds / 60),
        3600..=86_399 => tr!(t, "time-expires-hours", count = seconds / 3600),
        _ => tr!(t, "time-expires-days", count = seconds / 86_400),
    }
}

/// Whether a gist takes comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Comments {
    /// Anyone who can read the gist may comment.
    #[default]
    Open,
    /// No new comments; the existing ones stay readable.
    Closed,
    /// No new comments, and the existing ones are not shown (they are kept).
    Hidden,
}

impl Comments {
    pub const ALL: [Comments; 3] = [Comments::Open, Comments::Closed, Comments::Hidden];

    pub fn as_str(self) -> &'static str {
        match self {
            Comments::Open => "open",
            Comments::Closed => "closed",
            Comments::Hidden => "hidden",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(Comments::Open),
            "closed" => Ok(Comments::Closed),
            "hidden" => Ok(Comments::Hidden),
            _ => Err(error(
                "comments",
                "invalid",
                format!("comments must be open, closed or hidden, not {value:?}"),
            )),
        }
    }

    /// What the editor's choice says.
    pub fn label(self) -> &'static str {
        match self {
            Comments::Open => "Comments on",
            Comments::Closed => "Comments off (existing ones stay visible)",
            Comments::Hidden => "Comments off and hidden",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn year() -> Duration {
        Duration::days(365)
    }

    #[test]
    fn slugs() {
        let long = "x".repeat(64);
        for good in ["my-notes", "setup_2026", "G", long.as_str(), "Notes"] {
            assert!(validate_slug(good).is_ok(), "{good}");
        }
        let too_long = "x".repeat(65);
        for bad in [
            "",
            "a b",
            "é",
            "dot.git",
            "a/b",
            "cafe",
            "0123",
            "edit",
            "Revisions",
            too_long.as_str(),
        ] {
            assert!(validate_slug(bad).is_err(), "{bad:?}");
        }
        assert_eq!(slug_key("My-Notes"), "my-notes");
    }

    #[test]
    fn expiry_presets_times_and_bounds() {
        let now = DateTime::parse_from_rfc3339("2027-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(parse_expiry("", now, year()).unwrap(), None);
        assert_eq!(parse_expiry("never", now, year()).unwrap(), None);
        assert_eq!(
            parse_expiry("1d", now, year()).unwrap(),
            Some(now + Duration::days(1))
        );
        assert_eq!(
            parse_expiry("12H", now, year()).unwrap(),
            Some(now + Duration::hours(12))
        );
        assert_eq!(
            parse_expiry("2027-01-31T18:00", now, year()).unwrap(),
            Some(now + Duration::days(30) + Duration::hours(18))
        );
        assert_eq!(
            parse_expiry("2027-01-02T00:00:00+01:00", now, year()).unwrap(),
            Some(now + Duration::hours(23))
        );
        let unix = (now + Duration::minutes(5)).timestamp().to_string();
        assert_eq!(
            parse_expiry(&unix, now, year()).unwrap(),
            Some(now + Duration::minutes(5))
        );
        assert!(
            parse_expiry("2026-12-31T00:00", now, year()).is_err(),
            "past"
        );
        assert!(
            parse_expiry("7d", now, Duration::days(1)).is_err(),
            "beyond the max"
        );
        assert!(parse_expiry("tomorrow", now, year()).is_err());
        assert!(parse_expiry("99999999999999999999", now, year()).is_err());
    }

    #[test]
    fn expiry_words_and_state() {
        let en = crate::i18n::I18n::default();
        assert_eq!(expires_in_words(en, Duration::days(3)), "expires in 3 days");
        assert_eq!(
            expires_in_words(en, Duration::hours(1)),
            "expires in 1 hour"
        );
        assert_eq!(
            expires_in_words(en, Duration::seconds(10)),
            "expires in less than a minute"
        );
        let now = Utc::now();
        assert!(expired(Some(now), now));
        assert!(!expired(Some(now + Duration::seconds(1)), now));
        assert!(!expired(None, now));
    }

    #[test]
    fn comment_modes_round_trip() {
        for mode in Comments::ALL {
            assert_eq!(Comments::parse(mode.as_str()).unwrap(), mode);
        }
        assert!(Comments::parse("maybe").is_err());
    }

    proptest! {
        /// Whatever is typed, a slug that passes is URL-safe and never an id's shape.
        #[test]
        fn accepted_slugs_are_url_safe_and_never_ids(slug in "[A-Za-z0-9_.é/ -]{0,70}") {
            let safe = slug.len() <= SLUG_MAX
                && slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !crate::route::is_gist_id(&slug);
            prop_assert!(validate_slug(&slug).is_err() || safe, "{:?}", slug);
        }

        /// A parsed expiry is always in the future and within the maximum.
        #[test]
        fn parsed_expiries_are_in_bounds(text in "\\PC{0,30}", offset in -1_000_000i64..100_000_000) {
            let now = Utc::now();
            let max = Duration::days(30);
            let candidates = [text, offset.to_string(), (now + Duration::seconds(offset)).to_rfc3339()];
            for text in candidates {
                let in_bounds = match parse_expiry(&text, now, max) {
                    Ok(Some(at)) => at > now && at - now <= max,
                    Ok(None) | Err(_) => true,
                };
                prop_assert!(in_bounds, "{:?}", text);
            }
        }
    }
}
