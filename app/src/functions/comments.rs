//! Comments on a gist page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentItem {
    pub id: i64,
    pub author: String,
    /// The Markdown as written (for editing).
    pub body: String,
    /// Rendered by the sanitising renderer.
    pub html: String,
    pub when: String,
    pub can_edit: bool,
    pub can_delete: bool,
}

#[server(prefix = "/sfn", endpoint = "comments")]
pub async fn get_comments(id: String) -> Result<Vec<CommentItem>, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().user().cloned();
    let viewer_id = viewer.as_ref().map(|u| u.id);
    let gist = state.gists.find(viewer_id, &id).await?;
    let page = state.comments.list(viewer_id, &id, 1, 100).await?;
    let now = chrono::Utc::now();
    let t = crate::i18n::request::i18n();
    Ok(page
        .items
        .into_iter()
        .map(|c| CommentItem {
            id: c.comment.id,
            author: c.author.username.clone(),
            html: crate::render::markdown::render(&c.comment.body),
            when: crate::views::relative_time(t, now - c.comment.created_at),
            can_edit: viewer
                .as_ref()
                .is_some_and(|u| crate::access::edit_comment(u, &c.comment)),
            can_delete: crate::access::delete_comment(viewer_id, &c.comment, &gist),
            body: c.comment.body,
        })
        .collect())
}

#[server(prefix = "/sfn", endpoint = "add_comment")]
pub async fn add_comment(id: String, body: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .comments
        .create(&user, &id, &body)
        .await?;
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "edit_comment")]
pub async fn edit_comment(id: String, comment: i64, body: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .comments
        .edit(&user, &id, comment, &body)
        .await?;
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "delete_comment")]
pub async fn delete_comment(id: String, comment: i64) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .comments
        .delete(&user, &id, comment)
        .await
}
