//! The instance's branding at the HTTP edge: its images (`/assets/brand/{logo,favicon}`),
//! their upload from the admin panel (`POST /sfn/brand_image`, a plain
//! `multipart/form-data` form), and the branding every page is drawn with, put on the
//! request before the page renders (see `app::ui::branding`).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::multipart::{Field, Multipart, MultipartError};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::json;

use app::access::Viewer;
use app::route::Route;
use app::services::branding::{ImageKind, Refusal, UploadError};
use app::state::AppState;

/// A page is about to render: it gets the branding (read at most once a second, see
/// `BrandingService`). A failed read draws the page with the default branding rather
/// than no page at all; it is logged.
pub async fn provide(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    if matches!(req.extensions().get::<Route>(), Some(Route::Page(_))) {
        let branding = state.branding.load().await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "cannot read the branding");
            Arc::default()
        });
        req.extensions_mut().insert(branding);
    }
    next.run(req).await
}

#[derive(Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// The logo or favicon. Pages link to it under its version (`?v=`), which may then be
/// kept for good; any other address is revalidated (`ETag`, `304`). Served as an image
/// only: even opened directly, an SVG may run nothing.
pub async fn image(
    State(state): State<AppState>,
    Path(kind): Path<String>,
    Query(version): Query<Version>,
    headers: HeaderMap,
) -> Response {
    let Some(kind) = ImageKind::parse(&kind) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = match state.branding.etag(kind).await {
        Ok(Some(etag)) => etag,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let quoted = format!("\"{etag}\"");
    let cache = if version.v.as_deref() == Some(etag.as_str()) {
        crate::assets::IMMUTABLE
    } else {
        crate::assets::REVALIDATE
    };
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == quoted || tag.trim() == "*")
        });
    if fresh {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, quoted),
                (header::CACHE_CONTROL, cache.to_owned()),
            ],
        )
            .into_response();
    }
    let image = match state.branding.image(kind).await {
        Ok(Some(image)) => image,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, image.content_type.clone()),
            (header::ETAG, format!("\"{}\"", image.etag)),
            (header::CACHE_CONTROL, cache.to_owned()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox".to_owned(),
            ),
        ],
        Body::from(image.body.as_ref().clone()),
    )
        .into_response()
}

/// What the upload form sends besides the file.
const KIND_MAX: usize = 32;

/// An upload, from the admin panel's form or a script. The form gets the panel back (a
/// `303` to the branding tab, saying what happened); anyone else a status and JSON.
/// Nothing but the admin's may land: anyone else is told there is no such thing.
pub async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let form = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if let Err(e) = state.admin(&viewer).await {
        return crate::api::error::ApiError::from(e).into_response();
    }
    let Ok(multipart) = multipart else {
        return answer(
            form,
            None,
            Err(Failure::BadRequest("send the image as multipart/form-data")),
        );
    };
    let max = state.branding.image_max();
    let mut kind = None;
    let read = read_form(multipart, max, &mut kind).await;
    let kind = kind.as_deref().and_then(ImageKind::parse);
    let body = match read {
        Ok(body) => body,
        Err(failure) => return answer(form, kind, Err(failure)),
    };
    let Some(kind) = kind else {
        return answer(
            form,
            None,
            Err(Failure::BadRequest("kind is logo or favicon")),
        );
    };
    let outcome = match state.branding.upload(kind, body.unwrap_or_default()).await {
        Ok(()) => Ok(()),
        Err(UploadError::Refused(refusal)) => Err(Failure::Refused(refusal, max)),
        Err(UploadError::Failed(e)) => return crate::api::error::ApiError::from(e).into_response(),
    };
    answer(form, Some(kind), outcome)
}

enum Failure {
    Refused(Refusal, usize),
    BadRequest(&'static str),
}

/// The fields `kind` (into `kind`, as soon as it is read: the answer to a refused file
/// names it) and `file`; a file over `max` stops the reading there.
async fn read_form(
    mut multipart: Multipart,
    max: usize,
    kind: &mut Option<String>,
) -> Result<Option<Vec<u8>>, Failure> {
    let mut file = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(file),
            Err(e) => return Err(unreadable(&e, max)),
        };
        match field.name() {
            Some("kind") => {
                let bytes = bounded(field, KIND_MAX)
                    .await?
                    .ok_or(Failure::BadRequest("kind is logo or favicon"))?;
                *kind = Some(String::from_utf8_lossy(&bytes).into_owned());
            }
            Some("file") => {
                file = Some(
                    bounded(field, max)
                        .await?
                        .ok_or(Failure::Refused(Refusal::TooLarge, max))?,
                );
            }
            _ => {
                // Anything else is read past, within the request's own limit.
                bounded(field, max).await?;
            }
        }
    }
}

/// A field's bytes, or `None` once they pass `max` (read no further).
async fn bounded(mut field: Field<'_>, max: usize) -> Result<Option<Vec<u8>>, Failure> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) if bytes.len() + chunk.len() > max => return Ok(None),
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            Ok(None) => return Ok(Some(bytes)),
            Err(e) => return Err(unreadable(&e, max)),
        }
    }
}

/// A body cut off by the route's limit is a file too large; anything else, a bad form.
fn unreadable(e: &MultipartError, max: usize) -> Failure {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Failure::Refused(Refusal::TooLarge, max)
    } else {
        Failure::BadRequest("the form could not be read")
    }
}

fn answer(form: bool, kind: Option<ImageKind>, outcome: Result<(), Failure>) -> Response {
    let kind = kind.map_or("", ImageKind::as_str);
    match (form, outcome) {
        (true, Ok(())) => {
            Redirect::to(&format!("/admin?tab=branding&image={kind}&uploaded=1")).into_response()
        }
        (true, Err(Failure::Refused(refusal, _))) => Redirect::to(&format!(
            "/admin?tab=branding&image={kind}&refused={}",
            refusal.code()
        ))
        .into_response(),
        (false, Ok(())) => StatusCode::NO_CONTENT.into_response(),
        (false, Err(Failure::Refused(refusal, max))) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            axum::Json(json!({ "message": refusal.message(max), "code": refusal.code() })),
        )
            .into_response(),
        (_, Err(Failure::BadRequest(why))) => (
            StatusCode::BAD_REQUEST,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            )],
            format!("{why}\n"),
        )
            .into_response(),
    }
}
