//! Lists of gists and of people, read from the database alone: explore, profiles (gists,
//! starred, forks), topics, a gist's forks and stargazers.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GistList {
    pub cards: Vec<GistCard>,
    pub page: u64,
    pub total_pages: u64,
    pub total: u64,
}

/// Which list, and of what:
/// - `explore`: every public gist;
/// - `gists`, `starred`, `forks` with a user name: that user's gists, stars, or forks;
/// - `topic` with a topic;
/// - `forks_of` with `owner/id`: the forks of one gist.
#[server(prefix = "/sfn", endpoint = "list_gists")]
pub async fn list_gists(
    list: String,
    subject: Option<String>,
    page: u64,
    sort: String,
) -> Result<GistList, Error> {
    use crate::services::UserService;
    use crate::services::listing::{ListQuery, ListScope, SortBy, list as list_page};

    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let user_id = |name: String| {
        let users = UserService::new(state.db.clone());
        async move { users.get_by_username(&name).await.map(|u| u.id) }
    };
    let scope = match (list.as_str(), subject) {
        ("explore", _) => ListScope::Public,
        ("gists", Some(name)) => ListScope::User(user_id(name).await?),
        ("starred", Some(name)) => ListScope::Starred(user_id(name).await?),
        ("forks", Some(name)) => ListScope::ForksBy(user_id(name).await?),
        ("topic", Some(topic)) => ListScope::Topic(topic),
        ("forks_of", Some(path)) => {
            let (owner, id) = path.split_once('/').ok_or(Error::NotFound)?;
            visible_gist(viewer, owner, id).await?;
            ListScope::Forks(id.to_owned())
        }
        _ => return Err(Error::NotFound),
    };
    let mut query = ListQuery::new(scope, viewer).page(page, 20);
    query.sort = if sort == "created" {
        SortBy::Created
    } else {
        SortBy::Updated
    };
    let found = list_page(&state.db, &query).await?;
    Ok(GistList {
        cards: cards(&found.items),
        page: found.page,
        total_pages: found.total_pages(),
        total: found.total,
    })
}

/// The gist `owner/id` if `viewer` may see it and `owner` owns it; not found otherwise.
#[cfg(feature = "ssr")]
pub(super) async fn visible_gist(
    viewer: Option<i64>,
    owner: &str,
    id: &str,
) -> Result<crate::services::gists::GistSummary, Error> {
    let summary = super::context::state()?.gists.summary(viewer, id).await?;
    summary.named(owner)?;
    Ok(summary)
}

#[cfg(feature = "ssr")]
pub(super) fn cards(items: &[crate::services::gists::GistSummary]) -> Vec<GistCard> {
    let now = chrono::Utc::now();
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
                updated: relative_time(now - s.gist.updated_at),
            }
        })
        .collect()
}

/// A gist's heading and the people who starred it, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StargazerList {
    pub title: String,
    pub users: Vec<String>,
}

#[server(prefix = "/sfn", endpoint = "stargazers")]
pub async fn stargazers(owner: String, id: String) -> Result<StargazerList, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let summary = visible_gist(viewer, &owner, &id).await?;
    let users = state.gists.stargazers(viewer, &id).await?;
    Ok(StargazerList {
        title: summary.display_title(),
        users: users.into_iter().map(|u| u.username).collect(),
    })
}

/// The heading of a page about one gist (its forks); not found if the viewer may not see it.
#[server(prefix = "/sfn", endpoint = "gist_title")]
pub async fn gist_title(owner: String, id: String) -> Result<String, Error> {
    let viewer = super::context::viewer().id();
    Ok(visible_gist(viewer, &owner, &id).await?.display_title())
}

/// "just now", "5 minutes ago", "3 days ago"...
pub fn relative_time(age: chrono::Duration) -> String {
    let seconds = age.num_seconds().max(0);
    let (value, unit) = match seconds {
        0..=59 => return "just now".into(),
        60..=3599 => (seconds / 60, "minute"),
        3600..=86_399 => (seconds / 3600, "hour"),
        86_400..=2_591_999 => (seconds / 86_400, "day"),
        2_592_000..=31_535_999 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    format!("{value} {unit}{} ago", if value == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::relative_time;
    use chrono::Duration;

    #[test]
    fn ages() {
        assert_eq!(relative_time(Duration::seconds(5)), "just now");
        assert_eq!(relative_time(Duration::seconds(61)), "1 minute ago");
        assert_eq!(relative_time(Duration::hours(5)), "5 hours ago");
        assert_eq!(relative_time(Duration::days(40)), "1 month ago");
        assert_eq!(relative_time(Duration::days(800)), "2 years ago");
    }
}
