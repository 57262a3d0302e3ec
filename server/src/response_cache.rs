//! Whole answers to repeated reads, kept in memory until the next write.
//!
//! A gist page or an API read costs database round trips and a render, yet the same URL
//! asked by the same caller gives the same bytes until something is written. So a `GET`
//! answer is kept under its URL and the caller's credentials, and every request that may
//! write (any other method) moves a generation counter on when it ends, which retires
//! every kept answer at once: after a write returns, nobody reads what it replaced.
//! A short lifetime bounds what this process cannot see: another instance's writes, the
//! `gistful admin` CLI, sessions expiring, and "3 minutes ago" on a page.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use app::cache::{ByteLru, Weigh};
use app::route::Route;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Extensions, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt;

/// How long a kept answer may be served without being asked again.
pub const TTL: Duration = Duration::from_secs(2);
/// Larger answers (archives, big raw files) go out as they are made, never kept.
const MAX_BODY: usize = 1024 * 1024;
/// Says whether an answer came from here: `hit` or `miss` (it was just kept).
pub const STATUS_HEADER: HeaderName = HeaderName::from_static("x-gistful-cache");

pub struct ResponseCache {
    entries: ByteLru<Box<[u8]>, Kept>,
    generation: AtomicU64,
    ttl: Duration,
    /// The soonest gist expiry to come (Unix milliseconds; see
    /// `GistService::expiry_horizon`): nothing kept before it is served after it, so a
    /// gist is gone from kept answers the instant it expires, as from fresh ones.
    horizon: Option<Arc<AtomicI64>>,
}

struct Kept {
    generation: u64,
    /// The expiry horizon read before the answer was made: stale from then on.
    until_ms: i64,
    at: Instant,
    headers: HeaderMap,
    /// Markers layers further out read (e.g. "this may be framed").
    extensions: Extensions,
    body: Bytes,
    /// The page's CSP nonce, replaced by a fresh one in every copy served: a nonce is
    /// only worth something if no two responses share it.
    nonce: Option<Box<str>>,
    key_len: usize,
}

impl Weigh for Kept {
    fn weight(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 32)
            .sum();
        self.body.len() + headers + self.key_len + 128
    }
}

impl ResponseCache {
    pub fn new(budget: usize, ttl: Duration) -> Self {
        ResponseCache {
            entries: ByteLru::new(budget),
            generation: AtomicU64::new(0),
            ttl,
            horizon: None,
        }
    }

    /// Follows the instance's soonest gist expiry (see the field).
    pub fn with_expiry_horizon(mut self, horizon: Arc<AtomicI64>) -> Self {
        self.horizon = Some(horizon);
        self
    }

    /// The instant (Unix ms) before which an answer made now must stop being served.
    fn horizon(&self) -> i64 {
        self.horizon
            .as_ref()
            .map_or(i64::MAX, |h| h.load(Ordering::Acquire))
    }

    /// Retires everything kept so far.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn fresh(&self, key: &[u8]) -> Option<Response> {
        let kept = self.entries.get(key)?;
        if kept.generation != self.generation()
            || kept.at.elapsed() > self.ttl
            || now_ms() >= kept.until_ms
        {
            return None;
        }
        let mut headers = kept.headers.clone();
        let body = match &kept.nonce {
            None => kept.body.clone(),
            Some(old) => {
                let new = leptos::nonce::Nonce::new().to_string();
                if let Some(policy) = headers.get(header::CONTENT_SECURITY_POLICY)
                    && let Ok(policy) = policy.to_str()
                    && let Ok(value) = HeaderValue::from_str(&policy.replace(&**old, &new))
                {
                    headers.insert(header::CONTENT_SECURITY_POLICY, value);
                }
                replace_all(&kept.body, old.as_bytes(), new.as_bytes())
            }
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        *response.extensions_mut() = kept.extensions.clone();
        response
            .headers_mut()
            .insert(STATUS_HEADER, HeaderValue::from_static("hit"));
        Some(response)
    }

    /// Keeps `response` if it may be given to the next identical request, and returns it.
    /// `generation` is the one read before the answer was made: a write that ended
    /// meanwhile leaves it behind, so the answer is never served.
    async fn keep(
        &self,
        key: Box<[u8]>,
        (generation, until_ms): (u64, i64),
        response: Response,
    ) -> Response {
        if !storable(&response) || now_ms() >= until_ms {
            return response;
        }
        let (mut parts, body) = response.into_parts();
        let mut stream = body.into_data_stream();
        let mut chunks: Vec<Bytes> = Vec::new();
        let mut size = 0;
        while let Some(chunk) = stream.next().await {
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(e) => {
                    tracing::warn!("response body failed while being kept: {e}");
                    return Response::from_parts(parts, Body::empty());
                }
            };
            size += chunk.len();
            chunks.push(chunk);
            if size > MAX_BODY {
                // Too big to keep: what was read goes first, then the rest as it comes.
                let read = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, axum::Error>));
                return Response::from_parts(parts, Body::from_stream(read.chain(stream)));
            }
        }
        let body = match chunks.len() {
            1 => chunks.pop().unwrap_or_default(),
            _ => Bytes::from(chunks.concat()),
        };
        parts
            .headers
            .insert(STATUS_HEADER, HeaderValue::from_static("miss"));
        let key_len = key.len();
        let nonce = parts
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(nonce_of);
        self.entries.put(
            key,
            Arc::new(Kept {
                generation,
                until_ms,
                at: Instant::now(),
                headers: parts.headers.clone(),
                extensions: parts.extensions.clone(),
                body: body.clone(),
                nonce,
                key_len,
            }),
        );
        Response::from_parts(parts, Body::from(body))
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Moves the generation on when a possibly-writing request ends, also when it is
/// abandoned half-way (a timeout), since its write may still have happened.
struct Retire<'a>(&'a ResponseCache);

impl Drop for Retire<'_> {
    fn drop(&mut self) {
        self.0.invalidate();
    }
}

/// The middleware: serve a kept answer, keep a new one, or retire all after a write.
pub async fn layer(
    State(cache): State<Arc<ResponseCache>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let _retire = Retire(&cache);
        return next.run(req).await;
    }
    let Some(key) = key(&req) else {
        return next.run(req).await;
    };
    if let Some(hit) = cache.fresh(&key) {
        crate::metrics::cache(true);
        return hit;
    }
    crate::metrics::cache(false);
    let before = (cache.generation(), cache.horizon());
    let response = next.run(req).await;
    cache.keep(key, before, response).await
}

/// What identifies an answer: the URL and everything that changes who asks or what
/// they accept. `None` for requests whose answers are not kept.
fn key(req: &Request<Body>) -> Option<Box<[u8]>> {
    if req.method() != Method::GET {
        return None;
    }
    let headers = req.headers();
    // Conditional and partial requests get their own answers (304, 206) every time.
    if [
        header::IF_NONE_MATCH,
        header::IF_MODIFIED_SINCE,
        header::RANGE,
    ]
    .iter()
    .any(|name| headers.contains_key(name))
    {
        return None;
    }
    let path = req.uri().path();
    let route = req
        .extensions()
        .get::<Route>()
        .cloned()
        .unwrap_or_else(|| Route::parse(path));
    let never = match route {
        Route::ServerFunction(_) | Route::Health | Route::Archive(_) | Route::OAuth => true,
        // git's own endpoints: credentials are checked (and rate limited) on every call.
        Route::Git(..) => true,
        // The app's bundle is served from disk, with its own caching headers.
        Route::Asset => path.starts_with("/pkg/"),
        _ => false,
    };
    if never {
        return None;
    }
    let target = req.uri().path_and_query().map_or(path, |pq| pq.as_str());
    let mut key = Vec::with_capacity(target.len() + 64);
    key.extend_from_slice(target.as_bytes());
    for name in [header::ACCEPT, header::AUTHORIZATION, header::COOKIE] {
        // A NUL cannot occur in a URL or a header value, so the parts cannot run together.
        key.push(0);
        for value in headers.get_all(&name) {
            key.extend_from_slice(value.as_bytes());
            key.push(b'\n');
        }
    }
    Some(key.into_boxed_slice())
}

/// The `'nonce-...'` value of a Content-Security-Policy.
fn nonce_of(policy: &str) -> Option<Box<str>> {
    let rest = policy.split("'nonce-").nth(1)?;
    let nonce = rest.split('\'').next()?;
    (nonce.len() >= 16).then(|| nonce.into())
}

fn replace_all(haystack: &[u8], old: &[u8], new: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(haystack.len());
    let mut from = 0;
    for at in memchr::memmem::find_iter(haystack, old) {
        out.extend_from_slice(&haystack[from..at]);
        out.extend_from_slice(new);
        from = at + old.len();
    }
    out.extend_from_slice(&haystack[from..]);
    Bytes::from(out)
}

/// Only plain successes for anyone presenting the same credentials: nothing that sets a
/// cookie, nothing its maker asked not to store.
fn storable(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response
            .headers()
            .get_all(header::CACHE_CONTROL)
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.contains("no-store")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(uri: &str, headers: &[(HeaderName, &str)]) -> Request<Body> {
        let mut req = Request::get(uri).body(Body::empty()).unwrap();
        for (name, value) in headers {
            req.headers_mut()
                .append(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        req
    }

    #[test]
    fn the_key_separates_callers_and_what_they_accept() {
        let anonymous = key(&get("/api/gists/abc", &[])).unwrap();
        let alice = key(&get(
            "/api/gists/abc",
            &[(header::AUTHORIZATION, "token og_a")],
        ))
        .unwrap();
        let bob = key(&get(
            "/api/gists/abc",
            &[(header::AUTHORIZATION, "token og_b")],
        ))
        .unwrap();
        let cookie = key(&get("/alice/abc", &[(header::COOKIE, "gistful_session=s")])).unwrap();
        let raw = key(&get(
            "/api/gists/abc",
            &[(header::ACCEPT, "application/vnd.github.raw+json")],
        ))
        .unwrap();
        let page2 = key(&get("/api/gists/abc?page=2", &[])).unwrap();
        let all = [&anonymous, &alice, &bob, &cookie, &raw, &page2];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(anonymous, key(&get("/api/gists/abc", &[])).unwrap());
    }

    #[test]
    fn some_requests_are_never_kept() {
        for uri in [
            "/sfn/current_user",
            "/pkg/gistful.js",
            "/healthz",
            "/alice/abc/archive/abc.zip",
            "/alice/abc.git/info/refs?service=git-upload-pack",
        ] {
            assert!(key(&get(uri, &[])).is_none(), "{uri}");
        }
        assert!(
            key(&get(
                "/api/gists/abc",
                &[(header::IF_NONE_MATCH, "W/\"x\"")]
            ))
            .is_none()
        );
        assert!(
            key(&get(
                "/alice/abc/raw/HEAD/a.txt",
                &[(header::RANGE, "bytes=0-1")]
            ))
            .is_none()
        );
        let post = Request::post("/api/gists").body(Body::empty()).unwrap();
        assert!(key(&post).is_none());
    }

    #[test]
    fn only_plain_successes_are_stored() {
        let ok = Response::new(Body::empty());
        assert!(storable(&ok));
        let mut missing = Response::new(Body::empty());
        *missing.status_mut() = StatusCode::NOT_FOUND;
        assert!(!storable(&missing));
        let mut cookie = Response::new(Body::empty());
        cookie
            .headers_mut()
            .insert(header::SET_COOKIE, HeaderValue::from_static("a=b"));
        assert!(!storable(&cookie));
        let mut no_store = Response::new(Body::empty());
        no_store.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        assert!(!storable(&no_store));
    }

    #[tokio::test]
    async fn a_write_or_the_lifetime_retires_what_was_kept() {
        let cache = ResponseCache::new(1 << 20, Duration::from_millis(200));
        let key: Box<[u8]> = Box::from(&b"/x"[..]);
        let generation = cache.generation();
        cache
            .keep(
                key.clone(),
                (generation, i64::MAX),
                Response::new(Body::from("one")),
            )
            .await;
        let hit = cache.fresh(&key).expect("kept");
        assert_eq!(hit.headers()[STATUS_HEADER], "hit");
        let body = axum::body::to_bytes(hit.into_body(), 100).await.unwrap();
        assert_eq!(&body[..], b"one");

        cache.invalidate();
        assert!(cache.fresh(&key).is_none(), "a write retires it");

        // Made before a write that ended meanwhile: never served.
        let stale = cache.generation();
        cache.invalidate();
        cache
            .keep(
                key.clone(),
                (stale, i64::MAX),
                Response::new(Body::from("old")),
            )
            .await;
        assert!(cache.fresh(&key).is_none());

        let generation = cache.generation();
        cache
            .keep(
                key.clone(),
                (generation, i64::MAX),
                Response::new(Body::from("two")),
            )
            .await;
        assert!(cache.fresh(&key).is_some());
        tokio::time::sleep(Duration::from_millis(250)).await;
        assert!(cache.fresh(&key).is_none(), "past its lifetime");
    }

    #[tokio::test]
    async fn nothing_kept_before_a_gist_expiry_is_served_after_it() {
        let horizon = Arc::new(AtomicI64::new(i64::MAX));
        let cache = ResponseCache::new(1 << 20, TTL).with_expiry_horizon(horizon.clone());
        let key: Box<[u8]> = Box::from(&b"/alice/abc"[..]);
        // An expiry 150 ms away: kept until then, not a moment longer.
        horizon.store(now_ms() + 150, Ordering::Release);
        let before = (cache.generation(), cache.horizon());
        cache
            .keep(key.clone(), before, Response::new(Body::from("shown")))
            .await;
        assert!(cache.fresh(&key).is_some());
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(cache.fresh(&key).is_none(), "the gist in it has expired");
        // Until the next expiry is known, nothing is kept at all.
        let before = (cache.generation(), cache.horizon());
        cache
            .keep(key.clone(), before, Response::new(Body::from("gone")))
            .await;
        assert!(cache.fresh(&key).is_none());
        horizon.store(i64::MAX, Ordering::Release);
        let before = (cache.generation(), cache.horizon());
        cache
            .keep(key.clone(), before, Response::new(Body::from("again")))
            .await;
        assert!(cache.fresh(&key).is_some());
    }

    #[tokio::test]
    async fn every_copy_of_a_page_gets_its_own_nonce() {
        let cache = ResponseCache::new(1 << 20, TTL);
        let old = "AAAAAAAAAAAAAAAAAAAAAA";
        let mut page = Response::new(Body::from(format!(
            "<script nonce=\"{old}\">a</script><script nonce=\"{old}\">b</script>"
        )));
        page.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&format!("script-src 'self' 'nonce-{old}'")).unwrap(),
        );
        cache
            .keep(Box::from(&b"/"[..]), (cache.generation(), i64::MAX), page)
            .await;
        let hit = cache.fresh(b"/").unwrap();
        let policy = hit.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned();
        let new = nonce_of(&policy).unwrap();
        assert_ne!(&*new, old);
        let body = axum::body::to_bytes(hit.into_body(), 1000).await.unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        assert!(!body.contains(old), "{body}");
        assert_eq!(
            body.matches(&format!("nonce=\"{new}\"")).count(),
            2,
            "{body}"
        );
    }

    #[tokio::test]
    async fn big_answers_pass_through_whole() {
        let cache = ResponseCache::new(64 << 20, TTL);
        let big = vec![b'x'; MAX_BODY + 10];
        let chunks = futures_util::stream::iter(
            big.chunks(4096)
                .map(|c| Ok::<_, std::io::Error>(Bytes::copy_from_slice(c)))
                .collect::<Vec<_>>(),
        );
        let response = cache
            .keep(
                Box::from(&b"/big"[..]),
                (cache.generation(), i64::MAX),
                Response::new(Body::from_stream(chunks)),
            )
            .await;
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(body.len(), big.len());
        assert!(cache.fresh(b"/big").is_none());
    }
}
