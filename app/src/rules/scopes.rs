//! Access-token scopes. Write implies read.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    GistRead,
    GistWrite,
    UserRead,
    UserWrite,
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::GistRead,
        Scope::GistWrite,
        Scope::UserRead,
        Scope::UserWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::GistRead => "gist:read",
            Scope::GistWrite => "gist:write",
            Scope::UserRead => "user:read",
            Scope::UserWrite => "user:write",
        }
    }

    /// Whether a token holding `self` may do what `needed` allows.
    pub fn grants(self, needed: Scope) -> bool {
        self == needed
            || matches!(
                (self, needed),
                (Scope::GistWrite, Scope::GistRead) | (Scope::UserWrite, Scope::UserRead)
            )
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Scope {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| {
                FieldError::new(
                    "AccessToken",
                    "scopes",
                    "invalid",
                    format!(
                        "unknown scope `{s}` (expected gist:read, gist:write, user:read or user:write)"
                    ),
                )
            })
    }
}

/// Parses a comma- or space-separated list, dropping duplicates, sorted.
pub fn parse_scopes(list: &str) -> Result<Vec<Scope>, FieldError> {
    let mut scopes = list
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<Vec<Scope>, _>>()?;
    scopes.sort();
    scopes.dedup();
    Ok(scopes)
}

pub fn format_scopes(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists() {
        assert_eq!(
            parse_scopes("gist:write, gist:read,gist:write").unwrap(),
            vec![Scope::GistRead, Scope::GistWrite]
        );
        assert_eq!(parse_scopes("").unwrap(), vec![]);
        let err = parse_scopes("gist:read,repo").unwrap_err();
        assert!(err.message.contains("`repo`"), "{}", err.message);
        let all = format_scopes(&Scope::ALL);
        assert_eq!(parse_scopes(&all).unwrap(), Scope::ALL.to_vec());
    }

    #[test]
    fn write_implies_read() {
        assert!(Scope::GistWrite.grants(Scope::GistRead));
        assert!(Scope::UserWrite.grants(Scope::UserRead));
        assert!(!Scope::GistRead.grants(Scope::GistWrite));
        assert!(!Scope::GistWrite.grants(Scope::UserRead));
    }
}
