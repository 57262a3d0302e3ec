//! Absolute URLs for API bodies, built from the external URL and the prefix the request
//! came in on (`/api` or `/api/v3`), so clients follow links back to the same mount.

use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;

use app::state::AppState;

use super::error::ApiError;

#[derive(Debug, Clone)]
pub struct Urls {
    /// The web root, e.g. `https://gists.example.com`.
    pub web: String,
    /// The API root, e.g. `https://gists.example.com/api/v3`.
    pub api: String,
}

/// Percent-encodes one path segment (file names may hold spaces, `#`, `?`, `%`...).
pub fn segment(value: &str) -> String {
    const KEEP: &[u8] = b"-._~";
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || KEEP.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Urls {
    pub fn new(external_url: &str, path: &str) -> Self {
        let prefix = if path == "/api/v3" || path.starts_with("/api/v3/") {
            "/api/v3"
        } else {
            "/api"
        };
        Urls {
            web: external_url.to_owned(),
            api: format!("{external_url}{prefix}"),
        }
    }

    pub fn gist(&self, id: &str) -> String {
        format!("{}/gists/{id}", self.api)
    }

    pub fn user(&self, login: &str) -> String {
        format!("{}/users/{}", self.api, segment(login))
    }

    pub fn html_gist(&self, login: &str, id: &str) -> String {
        format!("{}/{}/{id}", self.web, segment(login))
    }

    pub fn git(&self, login: &str, id: &str) -> String {
        format!("{}/{}/{id}.git", self.web, segment(login))
    }

    pub fn raw(&self, login: &str, id: &str, revision: &str, filename: &str) -> String {
        format!(
            "{}/{}/{id}/raw/{revision}/{}",
            self.web,
            segment(login),
            segment(filename)
        )
    }

    pub fn avatar(&self, login: &str) -> String {
        format!("{}/avatars/{}.svg", self.web, segment(login))
    }
}

impl FromRequestParts<AppState> for Urls {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = parts
            .extensions
            .get::<OriginalUri>()
            .map(|uri| uri.path().to_owned())
            .unwrap_or_else(|| parts.uri.path().to_owned());
        Ok(Urls::new(&state.external_url, &path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_prefix() {
        let v3 = Urls::new("http://h:1", "/api/v3/gists");
        assert_eq!(v3.gist("abc"), "http://h:1/api/v3/gists/abc");
        let plain = Urls::new("http://h:1", "/api/gists");
        assert_eq!(plain.user("bob"), "http://h:1/api/users/bob");
        assert_eq!(
            plain.raw("bob", "abc", "f00", "a b#?.txt"),
            "http://h:1/bob/abc/raw/f00/a%20b%23%3F.txt"
        );
    }
}
