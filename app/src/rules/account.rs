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
