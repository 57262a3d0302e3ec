//! Full-text search over gists: the query language, code-aware words, the index, and
//! the page of results as lists show it.

pub mod index;
pub mod query;
pub mod tokens;

pub use index::{SearchHits, SearchIndex, SearchRequest, SearchSort};

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::gist;
use crate::error::Result;
use crate::services::gists::GistSummary;
use crate::services::listing::attach;

/// One found gist and the part of its content that matched (HTML: escaped, `<b>` marks).
pub struct Found {
    pub summary: GistSummary,
    pub snippet: String,
}

pub struct SearchPage {
    pub items: Vec<Found>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    /// Languages among all matches, most frequent first.
    pub languages: Vec<(String, u64)>,
}

impl SearchPage {
    pub fn total_pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1))
    }
}

/// Searches and loads the found gists as lists show them. The database has the last
/// word on visibility: a row that is neither public nor the viewer's is left out.
pub async fn search_gists(
    index: &SearchIndex,
    db: &DatabaseConnection,
    request: SearchRequest<'_>,
) -> Result<SearchPage> {
    let (viewer, page, per_page) = (request.viewer, request.page.max(1), request.per_page);
    let found = index.search(request).await?;
    let ids: Vec<String> = found.hits.iter().map(|(id, _)| id.clone()).collect();
    let rows = gist::Entity::find()
        .filter(gist::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter(|g| crate::access::listed(viewer, g))
        .collect();
    let mut summaries: HashMap<String, GistSummary> = attach(db, rows)
        .await?
        .into_iter()
        .map(|s| (s.gist.id.clone(), s))
        .collect();
    let items = found
        .hits
        .into_iter()
        .filter_map(|(id, snippet)| {
            summaries
                .remove(&id)
                .map(|summary| Found { summary, snippet })
        })
        .collect();
    Ok(SearchPage {
        items,
        total: found.total,
        page,
        per_page,
        languages: found.languages,
    })
}
