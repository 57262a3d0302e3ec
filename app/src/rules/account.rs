//! What makes a valid username, email and password.

use crate::error::FieldError;

pub const USERNAME_MAX: usize = 39;
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 256;

/// Names that collide with top-level routes (`/{user}` shares the namespace with pages).
const RESERVED: &[&str] = &[
    "admin",
    "api",
    "assets",
    "avatars",
    "explore",
    "gist",
    "gists",
    "healthz",
    "highlight.css",
    "init",
    "login",
    "logout",
    "metrics",
    "new",
    "oauth",
    "pkg",
    "raw",
    "register",
    "search",
    "settings",
    "sfn",
    "static",
    "topics",
    "user",
    "users",
];

pub fn validate_username(name: &str) -> Result<(), FieldError> {
    let invalid = |msg: &str| Err(FieldError::new("User", "username", "invalid", msg));
    if name.is_empty() {
        return Err(FieldError::new(
            "User",
            "username",
            "missing_field",
            "username is required",
        ));
    }
    if name.len() > USERNAME_MAX {
        return invalid("username must be at most 39 characters");
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return invalid("username may only contain letters, digits and '-'");
    }
    if name.starts_with('-') || name.ends_with('-') {
        return invalid("username cannot start or end with '-'");
    }
    if RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
        return invalid("this username is reserved");
    }
    Ok(())
}

pub fn validate_email(email: &str) -> Result<(), FieldError> {
    let invalid = |msg: &str| Err(FieldError::new("User", "email", "invalid", msg));
    let Some((local, domain)) = email.split_once('@') else {
        return invalid("email must look like name@example.com");
    };
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return invalid("email must look like name@example.com");
    }
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid("email must be at most 254 characters without spaces");
    }
    Ok(())
}

pub fn validate_password(password: &str) -> Result<(), FieldError> {
    let count = password.chars().count();
    if count < PASSWORD_MIN {
        return Err(FieldError::new(
            "User",
            "password",
            "invalid",
            "password must be at least 8 characters",
        ));
    }
    if count > PASSWORD_MAX {
        return Err(FieldError::new(
            "User",
            "password",
            "invalid",
            "password must be at most 256 characters",
        ));
    }
    Ok(())
}

/// Usernames to try, in order, for an account an identity provider creates: the
/// provider's preferred name made valid (letters, digits and single inner dashes, at most
/// [`USERNAME_MAX`]), then the same with `-2`, `-3`... Empty or reserved names fall back
/// to `member`. Every candidate passes [`validate_username`]; the caller takes the first
/// free one.
pub fn username_candidates(preferred: &str) -> impl Iterator<Item = String> {
    let mut base = String::new();
    for c in preferred.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let mut base = base.trim_end_matches('-').to_owned();
    if validate_username(&base).is_err() {
        base.truncate(USERNAME_MAX);
        base = base.trim_end_matches('-').to_owned();
    }
    if validate_username(&base).is_err() {
        base = "member".to_owned();
    }
    let first = base.clone();
    std::iter::once(first).chain((2..).map(move |n: u32| {
        let suffix = format!("-{n}");
        let mut stem = base.clone();
        stem.truncate(USERNAME_MAX - suffix.len());
        format!("{}{suffix}", stem.trim_end_matches('-'))
    }))
}

/// What the login page says when a sign-in through a provider came back without one
/// (`/login?error=<code>`, set by the server's `oauth` module). Fixed texts: nothing the
/// provider or the URL says is shown.
pub fn sign_in_failure(code: &str) -> Option<&'static str> {
    Some(match code {
        "denied" => "Sign-in was cancelled at the provider.",
        "state" => "This sign-in expired or was already used. Please try again.",
        "provider" => {
            "The sign-in provider could not be reached or its answer could not be verified. Please try again later."
        }
        "closed" => {
            "Registration is closed on this instance: only accounts already linked to this provider can sign in."
        }
        "email" => {
            "An account with this email already exists: sign in to it, then link this provider in Settings. Accounts are never merged by email."
        }
        "taken" => {
            "That account of the provider is linked to another Gistful account, or yours is linked to another account of it."
        }
        "busy" => "Too many sign-ins are in progress. Please try again in a few minutes.",
        "internal" => "Something went wrong on our side. Please try again.",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        for ok in ["a", "alice", "Alice-Bob", "x1", &"a".repeat(39)] {
            assert!(validate_username(ok).is_ok(), "{ok} should be valid");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a b",
            "a_b",
            "ünï",
            &"a".repeat(40),
            "API",
            "login",
        ] {
            assert!(validate_username(bad).is_err(), "{bad} should be invalid");
        }
        assert_eq!(validate_username("").unwrap_err().code, "missing_field");
        assert_eq!(
            validate_username("Admin").unwrap_err().message,
            "this username is reserved"
        );
    }

    #[test]
    fn provider_names_become_usernames() {
        let first = |p: &str| username_candidates(p).next().unwrap();
        assert_eq!(first("alice"), "alice");
        assert_eq!(first("Alice Smith"), "Alice-Smith");
        assert_eq!(first("alice@example.com"), "alice-example-com");
        assert_eq!(first("--ünï--"), "n");
        assert_eq!(first("--"), "member");
        assert_eq!(first(""), "member");
        assert_eq!(first("admin"), "member");
        assert_eq!(first(&"b".repeat(60)), "b".repeat(39));
        let many: Vec<String> = username_candidates("bob").take(3).collect();
        assert_eq!(many, ["bob", "bob-2", "bob-3"]);
        let long: Vec<String> = username_candidates(&"c".repeat(39)).take(2).collect();
        assert_eq!(long[1], format!("{}-2", "c".repeat(37)));
    }

    proptest::proptest! {
        #[test]
        fn every_candidate_is_a_valid_username(preferred in "\\PC{0,80}") {
            for name in username_candidates(&preferred).take(12) {
                proptest::prop_assert!(validate_username(&name).is_ok(), "{:?} from {:?}", name, preferred);
            }
        }
    }

    #[test]
    fn unknown_sign_in_failures_show_nothing() {
        assert!(sign_in_failure("state").is_some());
        assert_eq!(sign_in_failure("<script>"), None);
    }

    #[test]
    fn emails_and_passwords() {
        assert!(validate_email("a@b.c").is_ok());
        for bad in ["", "ab", "@b", "a@", "a@b@c", "a b@c.d"] {
            assert!(validate_email(bad).is_err(), "{bad} should be invalid");
        }
        assert!(validate_password("12345678").is_ok());
        assert!(validate_password("1234567").is_err());
        assert!(validate_password(&"x".repeat(257)).is_err());
    }
}
