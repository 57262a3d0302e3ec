//! Lists of gists and of people, read from the database alone: explore, profiles (gists,
//! starred, forks), topics, a gist's forks and stargazers.

use leptos::prelude::*;

use crate::error::Error;
#[cfg(feature = "ssr")]
use crate::views::lists::cards;
use crate::views::lists::{GistList, StargazerList};

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
    use crate::rules::branding::ListSort;
    use crate::services::listing::{ListQuery, ListScope, SortBy};

    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let user_id = |name: String| {
        let users = state.users.clone();
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
            ListScope::Forks(visible_gist(viewer, owner, id).await?.gist.id)
        }
        _ => return Err(Error::NotFound),
    };
    let mut query = ListQuery::new(scope, viewer).page(page, 20);
    // No `?sort=`: the instance's default order (the admin's branding).
    let default = state.branding.load().await?.sort;
    let asked = Some(sort.as_str()).filter(|s| !s.is_empty());
    query.sort = match ListSort::of_query(asked, default) {
        ListSort::Created => SortBy::Created,
        ListSort::Updated => SortBy::Updated,
    };
    let found = state.gists.list(&query).await?;
    Ok(GistList {
        cards: cards(&found.items),
        page: found.page,
        total_pages: found.total_pages(),
        total: found.total,
    })
}

/// The gist `owner/id` (an id or its custom URL) if `viewer` may see it and `owner` owns
/// it; not found otherwise.
#[cfg(feature = "ssr")]
pub(super) async fn visible_gist(
    viewer: Option<i64>,
    owner: &str,
    id: &str,
) -> Result<crate::services::gists::GistSummary, Error> {
    super::context::state()?
        .gists
        .find_named(viewer, Some(owner), id)
        .await
}

#[server(prefix = "/sfn", endpoint = "stargazers")]
pub async fn stargazers(owner: String, id: String) -> Result<StargazerList, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let summary = visible_gist(viewer, &owner, &id).await?;
    let users = state.gists.stargazers(viewer, &summary.gist.id).await?;
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
