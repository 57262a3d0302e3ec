//! A gist inside someone else's page: `/{user}/{id}.js` writes it there with
//! `document.write`, as GitHub's embeds do; `/{user}/{id}.json` gives the same HTML and
//! the stylesheet's address to scripts that place it themselves. `?file=name` picks one
//! file. Both are the only responses allowed inside other sites.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use app::access::Viewer;
use app::route::{EmbedFormat, Route};
use app::services::gists::GistDetail;
use app::state::AppState;
use app::store::StoredFile;
use app::views::gist::FileKind;

/// Marks a response that other sites may embed: the default `X-Frame-Options: DENY` and
/// the app's CSP stay off it.
#[derive(Clone, Copy)]
pub struct Embeddable;

/// In front of the pages, which would otherwise take `/{user}/{id}.js` for a gist id.
pub async fn intercept(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let Some(Route::Embed(gist, format)) = req.extensions().get::<Route>().cloned() else {
        return next.run(req).await;
    };
    let (parts, _) = req.into_parts();
    let viewer = Viewer::of(&parts);
    let query = |name: &str| {
        parts.uri.query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.into_owned())
        })
    };
    let only = query("file");
    let Some(theme) = EmbedTheme::parse(query("theme").as_deref()) else {
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "theme must be light, dark or auto\n",
        )
            .into_response();
    };
    let detail = match crate::raw::load(&state, &viewer, &gist.user, &gist.id, "HEAD").await {
        Ok(detail) => detail,
        Err(response) => return response,
    };
    let files: Vec<&StoredFile> = detail
        .contents
        .iter()
        .filter(|f| only.as_deref().is_none_or(|name| f.name == name))
        .collect();
    if files.is_empty() {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "This gist has no such file\n",
        )
            .into_response();
    }
    let base = state.external_url.trim_end_matches('/');
    // Highlighting is CPU work, done off the async workers (warm files come from the cache).
    let languages = files
        .iter()
        .map(|f| detail.summary.language_of(&f.name))
        .collect();
    let shown = app::render::files_as(
        files.iter().map(|f| (*f).clone()).collect(),
        languages,
        state.display,
    )
    .await;
    let Ok(shown) = shown else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // "hosted with" the instance's own name (its branding).
    let host_name = match state.branding.load().await {
        Ok(branding) => branding.name.clone(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let html = render(base, &detail, &files, shown, theme, &host_name);
    let stylesheet = format!("{base}/embed.css");
    let (content_type, body) = match format {
        EmbedFormat::Script => {
            // JSON string literals are JavaScript string literals.
            let link = format!(r#"<link rel="stylesheet" href="{stylesheet}">"#);
            (
                "text/javascript; charset=utf-8",
                format!(
                    "document.write({});\ndocument.write({});\n",
                    json!(link),
                    json!(html)
                ),
            )
        }
        EmbedFormat::Json => {
            let summary = &detail.summary;
            let body = json!({
                "description": summary.gist.description,
                "title": summary.display_title(),
                "public": summary.gist.visibility == "public",
                "created_at": summary.gist.created_at.to_rfc3339(),
                "owner": summary.owner.username,
                "files": files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
                "div": html,
                "stylesheet": stylesheet,
            });
            ("application/json; charset=utf-8", body.to_string())
        }
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response.extensions_mut().insert(Embeddable);
    response
}

/// `?theme=`: light (the default, as GitHub's embeds), dark, or auto (the reader's system
/// setting, through `prefers-color-scheme`). Anything else is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EmbedTheme {
    Light,
    Dark,
    Auto,
}

impl EmbedTheme {
    fn parse(value: Option<&str>) -> Option<Self> {
        match value {
            None | Some("" | "light") => Some(Self::Light),
            Some("dark") => Some(Self::Dark),
            Some("auto") => Some(Self::Auto),
            Some(_) => None,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Self::Light => "gistful-embed",
            Self::Dark => "gistful-embed ge-dark",
            Self::Auto => "gistful-embed ge-auto",
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The embedded gist: each file with its body and a footer linking back. Every class is
/// prefixed, so the host page's styles and ours leave each other alone.
fn render(
    base: &str,
    detail: &GistDetail,
    files: &[&StoredFile],
    shown: Vec<app::render::RenderedFile>,
    theme: EmbedTheme,
    host_name: &str,
) -> String {
    let summary = &detail.summary;
    let page = format!(
        "{base}/{}/{}",
        escape(&summary.owner.username),
        summary.gist.id
    );
    let mut html = format!(
        r#"<div class="{}" id="gist-{}">"#,
        theme.class(),
        summary.gist.id
    );
    for (file, shown) in files.iter().zip(shown) {
        let name = escape(&file.name);
        let raw = format!(
            "{page}/raw/{}/{}",
            detail.revision,
            url::form_urlencoded::byte_serialize(file.name.as_bytes()).collect::<String>()
        );
        html.push_str(r#"<div class="ge-file">"#);
        match shown.kind {
            FileKind::Code => {
                let numbers: String = (1..=shown.lines).map(|n| format!("{n}\n")).collect();
                html.push_str(&format!(
                    r#"<div class="ge-code"><pre class="ge-gutter">{numbers}</pre><pre class="ge-lines"><code>{}</code></pre></div>"#,
                    shown.html
                ));
            }
            FileKind::Markdown => {
                html.push_str(&format!(r#"<div class="ge-markdown">{}</div>"#, shown.html));
            }
            FileKind::Table => {
                html.push_str(&format!(r#"<div class="ge-table">{}</div>"#, shown.html));
            }
            FileKind::Image => html.push_str(&format!(
                r#"<div class="ge-media"><img src="{raw}" alt="{name}"></div>"#
            )),
            FileKind::Pdf | FileKind::Audio | FileKind::Video => html.push_str(&format!(
                r#"<p class="ge-binary"><a href="{raw}">Open {name}</a></p>"#
            )),
            FileKind::Binary => html.push_str(&format!(
                r#"<p class="ge-binary">Binary file, {} bytes.</p>"#,
                file.content.len()
            )),
        }
        html.push_str(&format!(
            r#"<div class="ge-meta"><a href="{raw}">view raw</a><a href="{page}#{anchor}">{name}</a><span>hosted with {host}</span></div></div>"#,
            anchor = app::rules::file_anchor(&file.name),
            host = escape(host_name),
        ));
    }
    html.push_str("</div>");
    html
}

/// `/embed.css`: the light syntax colours and the embed's own frame, all under
/// `.gistful-embed`'s classes; the dark ones nested under `.ge-dark`, and under `.ge-auto`
/// when the reader's system is dark.
pub async fn stylesheet() -> Response {
    static CSS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let dark = app::highlight::dark_stylesheet();
        format!(
            "{}\n{}\n.gistful-embed.ge-dark {{\n{dark}\n}}\n@media (prefers-color-scheme: dark) {{\n.gistful-embed.ge-auto {{\n{dark}\n}}\n}}\n",
            app::highlight::light_stylesheet(),
            include_str!("embed.css")
        )
    });
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        CSS.as_str(),
    )
        .into_response();
    response.extensions_mut().insert(Embeddable);
    response
}
