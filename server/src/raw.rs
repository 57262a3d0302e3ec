//! Files served as they are: raw, as downloads, and the whole gist as a ZIP; and generated
//! avatars. Raw content is hostile until proven otherwise: never sniffed, never scripted.

use std::io::Write;

use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use app::access::Viewer;
use app::services::gists::{GistDetail, is_binary};
use app::state::AppState;
use app::store::StoredFile;

/// Nothing in a raw file may load, run or frame anything.
const RAW_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
/// A PDF is shown in a frame on its gist page by the browser's own viewer, which refuses to
/// run sandboxed: it may be framed by this site only, and loads nothing from anywhere.
const PDF_CSP: &str = "default-src 'none'; object-src 'self'; frame-ancestors 'self'";

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Not Found\n",
    )
        .into_response()
}

/// `HEAD` is the head; anything else a (possibly abbreviated) commit id.
fn revision(rev: &str) -> Option<String> {
    (!rev.eq_ignore_ascii_case("head")).then(|| rev.to_ascii_lowercase())
}

/// The gist at `rev` (`HEAD` or a commit id) if the visitor may read it and `user` owns it.
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    user: &str,
    id: &str,
    rev: &str,
) -> Result<GistDetail, Response> {
    let id = state
        .gists
        .id_for(user, id)
        .await
        .map_err(|_| not_found())?;
    let detail = state
        .gists
        .get_at(viewer.reader(), &id, revision(rev).as_deref())
        .await
        .map_err(|_| not_found())?;
    detail.summary.named(user).map_err(|_| not_found())?;
    Ok(detail)
}

/// How long others may keep what we answered: only a public gist's revision (a full
/// commit id never changes what it names) may sit in shared caches; anything of an
/// unlisted or private gist stays in the reader's own cache, and a moving `HEAD` is
/// revalidated every time.
fn cache_policy(gist: &app::entities::gist::Model, rev: &str) -> &'static str {
    let immutable = rev.len() == 40;
    match (immutable, gist.visibility()) {
        (true, app::rules::Visibility::Public) => "public, max-age=31536000, immutable",
        (true, _) => "private, max-age=31536000, immutable",
        (false, app::rules::Visibility::Public) => "no-cache",
        (false, _) => "private, no-cache",
    }
}

fn harden(response: &mut Response, cache: &'static str) {
    let headers = response.headers_mut();
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CONTENT_SECURITY_POLICY, RAW_CSP),
        (header::CACHE_CONTROL, cache),
        (HeaderName::from_static("x-frame-options"), "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

fn file_response(
    gist: &app::entities::gist::Model,
    revision: &str,
    file: StoredFile,
    rev: &str,
    attachment: bool,
) -> Response {
    let media = app::rules::language::media_for(&file.name);
    let content_type = if let Some((_, mime)) = media {
        mime
    } else if is_binary(&file.content) {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    };
    let etag = format!("\"{}-{}\"", &revision[..12], file.content.len());
    let name = file.name.clone();
    let mut response = file.content.into_response();
    harden(&mut response, cache_policy(gist, rev));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if !attachment && matches!(media, Some((app::rules::language::Media::Pdf, _))) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PDF_CSP),
        );
        headers.insert(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    if attachment && let Ok(value) = HeaderValue::from_str(&content_disposition(&name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `attachment`, with an ASCII fallback name and the exact name in RFC 5987 form.
fn content_disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// `/{user}/{id}/raw/{rev}/{file}`
pub async fn raw_file(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((user, id, rev, file)): Path<(String, String, String, String)>,
) -> Response {
    serve_file(&state, &viewer, &user, &id, &rev, &file, false).await
}

/// `/{user}/{id}/download/{rev}/{file}`: the same bytes, saved rather than shown.
pub async fn download_file(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((user, id, rev, file)): Path<(String, String, String, String)>,
) -> Response {
    serve_file(&state, &viewer, &user, &id, &rev, &file, true).await
}

async fn serve_file(
    state: &AppState,
    viewer: &Viewer,
    user: &str,
    id: &str,
    rev: &str,
    file: &str,
    attachment: bool,
) -> Response {
    // Only the one file is read: a raw answer never holds the rest of the gist.
    let revision = revision(rev);
    let Ok(id) = state.gists.id_for(user, id).await else {
        return not_found();
    };
    let Ok((summary, commit, found)) = state
        .gists
        .file_at(viewer.reader(), &id, revision.as_deref(), file)
        .await
    else {
        return not_found();
    };
    if summary.named(user).is_err() {
        return not_found();
    }
    file_response(&summary.gist, &commit, found, rev, attachment)
}

/// `/{user}/{id}/archive/{rev}.zip`: every file of the revision in one ZIP.
pub async fn archive(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((user, id, archive)): Path<(String, String, String)>,
) -> Response {
    let Some(rev) = archive.strip_suffix(".zip") else {
        return not_found();
    };
    let detail = match load(&state, &viewer, &user, &id, rev).await {
        Ok(detail) => detail,
        Err(response) => return response,
    };
    let zipped = app::services::cpu(move || {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for file in &detail.contents {
            writer.start_file(file.name.as_str(), options)?;
            writer.write_all(&file.content)?;
        }
        let bytes = writer.finish()?.into_inner();
        Ok::<_, zip::result::ZipError>((bytes, detail))
    })
    .await;
    let Ok(Ok((bytes, detail))) = zipped else {
        tracing::error!("building a ZIP failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let name = format!("{}-{}.zip", detail.summary.gist.id, &detail.revision[..7]);
    let mut response = bytes.into_response();
    harden(&mut response, cache_policy(&detail.summary.gist, rev));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
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

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn download_names() {
        assert_eq!(
            content_disposition("a.txt"),
            "attachment; filename=\"a.txt\"; filename*=UTF-8''a.txt"
        );
        assert_eq!(
            content_disposition("naïve \"x\".md"),
            "attachment; filename=\"na_ve__x_.md\"; filename*=UTF-8''na%C3%AFve%20%22x%22.md"
        );
    }
}
