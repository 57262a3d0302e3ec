//! Files served as they are: `/{user}/{id}/raw/{rev}/{file}`, and generated avatars.
//! Raw content is hostile until proven otherwise: never sniffed, never scripted.

use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use app::services::gists::is_binary;
use app::services::settings;
use app::state::AppState;

/// Nothing in a raw file may load, run or frame anything.
const RAW_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Not Found\n",
    )
        .into_response()
}

/// `rev` is `HEAD` or a full or abbreviated commit id.
pub async fn raw_file(
    State(state): State<AppState>,
    Path((user, id, rev, file)): Path<(String, String, String, String)>,
) -> Response {
    let Ok(settings) = settings::load(&state.db).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if settings.require_login && !settings.allow_individual_gists {
        return (
            StatusCode::UNAUTHORIZED,
            "Log in to read gists on this instance\n",
        )
            .into_response();
    }
    // Anonymous for now: web sessions will let owners read their private raw files.
    let viewer = None;
    let Ok(summary) = state.gists.summary(viewer, &id).await else {
        return not_found();
    };
    if !summary.owner.username.eq_ignore_ascii_case(&user) {
        return not_found();
    }
    let revision = if rev.eq_ignore_ascii_case("head") {
        None
    } else {
        Some(rev.to_ascii_lowercase())
    };
    let Ok(detail) = state.gists.get_at(viewer, &id, revision.as_deref()).await else {
        return not_found();
    };
    let Some(found) = detail.contents.into_iter().find(|f| f.name == file) else {
        return not_found();
    };

    let content_type = if is_binary(&found.content) {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    };
    let immutable = revision.as_deref().is_some_and(|r| r.len() == 40);
    let cache = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let etag = format!("\"{}-{}\"", &detail.revision[..12], found.content.len());
    let mut response = found.content.into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, content_type),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CONTENT_SECURITY_POLICY, RAW_CSP),
        (header::CACHE_CONTROL, cache),
        (HeaderName::from_static("x-frame-options"), "DENY"),
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}

/// A round avatar with the user's initial, coloured from the name.
pub async fn avatar(Path(file): Path<String>) -> Response {
    let name = file.strip_suffix(".svg").unwrap_or(&file);
    let initial = name
        .chars()
        .find(char::is_ascii_alphanumeric)
        .unwrap_or('?')
        .to_ascii_uppercase();
    let hue = name
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 360;
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="hsl({hue},55%,45%)"/><text x="32" y="42" font-family="sans-serif" font-size="30" font-weight="600" text-anchor="middle" fill="#fff">{initial}</text></svg>"##
    );
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            ),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        svg,
    )
        .into_response()
}
