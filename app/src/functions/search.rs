//! Full-text search for the results page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::views::lists::GistCard;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    pub card: GistCard,
    /// Escaped content with `<b>` around what matched; empty when only other fields did.
    pub snippet: String,
}

/// A language among the matches, and the query narrowed to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageFacet {
    pub name: String,
    pub count: u64,
    pub query: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub results: Vec<SearchResult>,
    pub total: u64,
    pub page: u64,
    pub total_pages: u64,
    pub languages: Vec<LanguageFacet>,
}

pub const RESULTS_PER_PAGE: u64 = 20;

/// `None` for an empty query (the page then explains the syntax).
#[server(prefix = "/sfn", endpoint = "search_gists")]
pub async fn search_gists(
    q: String,
    sort: String,
    page: u64,
) -> Result<Option<SearchResults>, Error> {
    use crate::search::query::with_language;
    use crate::search::{SearchRequest, SearchSort, search_gists as search};

    if q.trim().is_empty() {
        return Ok(None);
    }
    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let sort = SearchSort::parse(&sort).unwrap_or_default();
    let found = search(
        &state.search,
        &state.db,
        SearchRequest {
            q: &q,
            viewer,
            sort,
            page: page.max(1),
            per_page: RESULTS_PER_PAGE,
            extras: true,
        },
    )
    .await?;
    let summaries: Vec<_> = found.items.iter().map(|f| f.summary.clone()).collect();
    let results = crate::views::lists::cards(&summaries)
        .into_iter()
        .zip(found.items.iter())
        .map(|(card, f)| SearchResult {
            card,
            snippet: f.snippet.clone(),
        })
        .collect();
    Ok(Some(SearchResults {
        results,
        total: found.total,
        page: found.page,
        total_pages: found.total_pages(),
        languages: found
            .languages
            .iter()
            .map(|(name, count)| LanguageFacet {
                name: name.clone(),
                count: *count,
                query: with_language(&q, name),
            })
            .collect(),
    }))
}
