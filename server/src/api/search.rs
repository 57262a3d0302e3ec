//! `GET /search/gists?q=...`: full-text search in the same shape as the gist lists.

use axum::Json;
use axum::extract::{FromRequestParts, OriginalUri, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use app::search::{SearchRequest, SearchSort, search_gists as search};
use app::state::AppState;

use super::error::{ApiError, ApiResult, ErrorBody};
use super::pagination::{PageParams, headers as page_headers};
use super::urls::Urls;
use super::views::Gist;
use app::access::Viewer;

/// The query and its order, read like [`PageParams`]: first occurrence wins.
#[derive(Debug, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words, `"quoted phrases"` and qualifiers: `user:`, `title:`, `description:`,
    /// `filename:`, `extension:`, `language:`, `topic:`; GitHub's `stars:`, `forks:`,
    /// `size:` (`>10`, `<=5`, `2..8`, `*..3`), `created:`, `updated:` (`>=2026-01-01`,
    /// `2026-01-01..2026-06-30`), `fork:only|true|false`; `NOT word`, `-qualifier:value`.
    /// A qualifier whose value does not parse is a 422 naming it.
    #[param(required = true, min_length = 1, max_length = 500)]
    pub q: Option<String>,
    /// `best-match` (default), `updated` (most recently updated first) or `stars` (most
    /// starred first).
    #[param(value_type = Option<String>, pattern = "^(best-match|updated|stars)$")]
    pub sort: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for SearchParams {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let mut params = SearchParams::default();
        for (key, value) in
            url::form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
        {
            let slot = match key.as_ref() {
                "q" => &mut params.q,
                "sort" => &mut params.sort,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.into_owned());
        }
        Ok(params)
    }
}

/// Public gists, and the caller's own of any visibility, matching `q`; best match first.
#[utoipa::path(get, path = "/search/gists", tag = "search", params(SearchParams, PageParams),
    responses((status = 200, body = [Gist]), (status = 422, body = ErrorBody)))]
pub async fn search_gists(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    uri: OriginalUri,
    params: SearchParams,
    paging: PageParams,
) -> ApiResult<Response> {
    let paging = paging.parse()?;
    let sort = params.sort.as_deref().unwrap_or_default();
    let sort = SearchSort::parse(sort).ok_or_else(|| {
        ApiError::invalid(
            "Search",
            "sort",
            format!("sort must be best-match, updated or stars, not {sort:?}"),
        )
    })?;
    let page = search(
        &state.search,
        &state.db,
        SearchRequest {
            q: params.q.as_deref().unwrap_or_default(),
            viewer: viewer.reader(),
            sort,
            page: paging.page,
            per_page: paging.per_page,
            extras: false,
        },
    )
    .await?;
    let base = format!("{}{}", urls.web, uri.path());
    let headers = page_headers(&base, uri.query(), page.page, page.per_page, page.total);
    let body: Vec<Gist> = page
        .items
        .iter()
        .map(|found| Gist::new(&found.summary, &urls))
        .collect();
    Ok((headers, Json(body)).into_response())
}
