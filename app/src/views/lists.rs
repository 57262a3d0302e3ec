//! Lists of gists and of people.

use serde::{Deserialize, Serialize};

/// One gist in a list: what the database knows, no git.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GistCard {
    pub id: String,
    pub owner: String,
    pub title: String,
    pub description: String,
    pub visibility: String,
    pub files: Vec<String>,
    pub language: String,
    pub preview: String,
    pub topics: Vec<String>,
    pub star_count: i32,
    pub fork_count: i32,
    /// "3 minutes ago", computed once on the server so both renders agree.
    pub updated: String,
}

/// The gists a profile pins, in their owner's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinnedList {
    pub cards: Vec<GistCard>,
    /// The profile is the viewer's own: they may reorder and unpin.
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GistList {
    pub cards: Vec<GistCard>,
    pub page: u64,
    pub total_pages: u64,
    pub total: u64,
}

/// A gist's heading and the people who starred it, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StargazerList {
    pub title: String,
    pub users: Vec<String>,
}

#[cfg(feature = "ssr")]
pub fn cards(items: &[crate::services::gists::GistSummary]) -> Vec<GistCard> {
    let now = chrono::Utc::now();
    // The request's language, decided once for the whole list.
    let t = crate::i18n::request::i18n();
    items
        .iter()
        .map(|s| {
            let first = s.files.first();
            GistCard {
                id: s.gist.id.clone(),
                owner: s.owner.username.clone(),
                title: s.display_title(),
                description: s.gist.description.clone(),
                visibility: s.gist.visibility.clone(),
                files: s.files.iter().map(|f| f.filename.clone()).collect(),
                language: first.map(|f| f.language.clone()).unwrap_or_default(),
                preview: first.map(|f| f.preview.clone()).unwrap_or_default(),
                topics: s.gist.topic_list(),
                star_count: s.gist.star_count,
                fork_count: s.gist.fork_count,
                updated: super::relative_time(t, now - s.gist.updated_at),
            }
        })
        .collect()
}
