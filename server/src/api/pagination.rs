//! `page`, `per_page` and `since`, and the headers that describe a page.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use chrono::{DateTime, Utc};

use app::services::listing::{PAGE_MAX, PER_PAGE_DEFAULT, PER_PAGE_MAX};

use super::error::ApiError;

/// Raw query values: parsed here, so a bad value gets a precise 422 instead of a
/// generic rejection.
#[derive(Debug, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(value_type = Option<u64>, minimum = 1)]
    pub page: Option<String>,
    /// Items per page, 1-100 (0 and past 100 are clamped, a negative number is refused); default 30.
    #[param(value_type = Option<u64>)]
    pub per_page: Option<String>,
    /// Only items updated at or after this time (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub since: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
    pub since: Option<DateTime<Utc>>,
}

impl PageParams {
    pub fn parse(&self) -> Result<Paging, ApiError> {
        let number = |value: &Option<String>, field: &str, default: u64| -> Result<u64, ApiError> {
            match value.as_deref().map(str::trim) {
                None | Some("") => Ok(default),
                // Huge numbers are fine (clamped below, then an empty page past the
                // last); negative ones and words are the client's mistake.
                Some(v) => match v.parse::<u64>() {
                    Ok(n) => Ok(n),
                    Err(_) if v.bytes().all(|b| b.is_ascii_digit()) => Ok(u64::MAX),
                    Err(_) => Err(ApiError::invalid(
                        "Pagination",
                        field,
                        format!("{field} must be a whole number of at least 1, not {v:?}"),
                    )),
                },
            }
        };
        let page = number(&self.page, "page", 1)?.clamp(1, PAGE_MAX);
        let per_page = number(&self.per_page, "per_page", PER_PAGE_DEFAULT)?.clamp(1, PER_PAGE_MAX);
        let since = match self.since.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) => Some(
                DateTime::parse_from_rfc3339(v)
                    .map_err(|_| {
                        ApiError::invalid("Gist", "since", format!("since must be an RFC 3339 timestamp like 2024-01-02T03:04:05Z, not {v:?}"))
                    })?
                    .with_timezone(&Utc),
            ),
        };
        Ok(Paging {
            page,
            per_page,
            since,
        })
    }
}

/// Read from the raw query string, first occurrence winning, so that nothing about the
/// query's shape (repeated or unknown keys) can fail before our own validation.
impl<S: Send + Sync> FromRequestParts<S> for PageParams {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let mut params = PageParams::default();
        for (key, value) in
            url::form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
        {
            let slot = match key.as_ref() {
                "page" => &mut params.page,
                "per_page" => &mut params.per_page,
                "since" => &mut params.since,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.into_owned());
        }
        Ok(params)
    }
}

/// `Link` (next, prev, first, last) and the `X-*` counters for one page.
/// `base` is the absolute URL of the list without query; `query` the request's query.
pub fn headers(base: &str, query: Option<&str>, page: u64, per_page: u64, total: u64) -> HeaderMap {
    let last = total.div_ceil(per_page).max(1);
    let kept: Vec<(String, String)> = query
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .filter(|(k, _)| k != "page" && k != "per_page")
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    let link = |target: u64, rel: &str| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &kept {
            query.append_pair(k, v);
        }
        query.append_pair("page", &target.to_string());
        query.append_pair("per_page", &per_page.to_string());
        format!("<{base}?{}>; rel=\"{rel}\"", query.finish())
    };
    let mut links = Vec::new();
    if page < last {
        links.push(link(page + 1, "next"));
        links.push(link(last, "last"));
    }
    if page > 1 {
        links.push(link(1, "first"));
        links.push(link((page - 1).min(last), "prev"));
    }
    let mut headers = HeaderMap::new();
    if !links.is_empty()
        && let Ok(value) = HeaderValue::from_str(&links.join(", "))
    {
        headers.insert("link", value);
    }
    for (name, value) in [
        ("x-page", page),
        ("x-per-page", per_page),
        ("x-total", total),
        ("x-total-pages", total.div_ceil(per_page)),
    ] {
        headers.insert(name, HeaderValue::from(value));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(page: &str, per_page: &str, since: &str) -> PageParams {
        let some = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        PageParams {
            page: some(page),
            per_page: some(per_page),
            since: some(since),
        }
    }

    #[test]
    fn parses_and_clamps() {
        let p = params("", "", "").parse().unwrap();
        assert_eq!((p.page, p.per_page, p.since), (1, 30, None));
        let p = params("0", "1000", "2024-01-02T03:04:05Z").parse().unwrap();
        assert_eq!((p.page, p.per_page), (1, 100));
        assert_eq!(p.since.unwrap().to_rfc3339(), "2024-01-02T03:04:05+00:00");
        assert!(params("", "-5", "").parse().is_err(), "negative: 422");
        assert!(params("-1", "", "").parse().is_err(), "negative: 422");
        let huge = params("99999999999999999999999999", "", "")
            .parse()
            .unwrap();
        assert_eq!(huge.page, PAGE_MAX, "huge pages are clamped, not refused");
        assert!(params("two", "", "").parse().is_err());
        assert!(params("", "", "yesterday").parse().is_err());
    }

    #[test]
    fn links_keep_the_query() {
        let h = headers(
            "http://h/api/gists/public",
            Some("since=2024-01-01T00:00:00Z&page=2"),
            2,
            10,
            45,
        );
        let link = h.get("link").unwrap().to_str().unwrap();
        assert!(link.contains("<http://h/api/gists/public?since=2024-01-01T00%3A00%3A00Z&page=3&per_page=10>; rel=\"next\""), "{link}");
        assert!(link.contains("page=5&per_page=10>; rel=\"last\""));
        assert!(link.contains("page=1&per_page=10>; rel=\"first\""));
        assert!(link.contains("page=1&per_page=10>; rel=\"prev\""));
        assert_eq!(h["x-total"], "45");
        assert_eq!(h["x-total-pages"], "5");
        let only = headers("http://h/x", None, 1, 30, 3);
        assert!(only.get("link").is_none());
        assert_eq!(only["x-total-pages"], "1");
    }
}
