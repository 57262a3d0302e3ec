//! The owner ticking a task box on their gist's page: one commit (see
//! [`crate::services::GistService::tick_task`]). Answers the gist's revision afterwards,
//! which the page sends with its next tick.

use leptos::prelude::*;

use crate::error::Error;

#[server(prefix = "/sfn", endpoint = "tick_task")]
pub async fn tick_task(
    id: String,
    revision: String,
    file: String,
    index: usize,
    checked: bool,
) -> Result<String, Error> {
    let user = super::context::require_user()?;
    let state = super::context::state()?;
    state
        .gists
        .tick_task(&user, &id, &revision, &file, index, checked)
        .await
}
