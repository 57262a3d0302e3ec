//! A gist's lifecycle from the browser: archive, pin to one's profile, reorder the pins,
//! and the profile's pinned gists. Expiry, custom URL and the comments switch travel with
//! the editor's form (see `gists.rs`).

use leptos::prelude::*;

use crate::error::Error;
use crate::views::lists::PinnedList;

/// Archives (read-only) or unarchives one of the caller's gists.
#[server(prefix = "/sfn", endpoint = "archive_gist")]
pub async fn archive_gist(id: String, archived: bool) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .gists
        .set_archived(&user, &id, archived)
        .await?;
    Ok(())
}

/// The ids of the caller's pinned gists, in order.
#[cfg(feature = "ssr")]
async fn pins_of(user: &crate::entities::user::Model) -> Result<Vec<String>, Error> {
    let gists = super::context::state()?.gists;
    Ok(gists
        .pinned(user.id, Some(user.id))
        .await?
        .into_iter()
        .map(|s| s.gist.id)
        .collect())
}

/// Pins one of the caller's public gists at the end of their profile's list, or unpins it.
#[server(prefix = "/sfn", endpoint = "pin_gist")]
pub async fn pin_gist(id: String, pin: bool) -> Result<(), Error> {
    let user = super::context::require_user()?;
    let mut pins = pins_of(&user).await?;
    pins.retain(|p| *p != id);
    if pin {
        pins.push(id);
    }
    super::context::state()?.gists.set_pins(&user, &pins).await
}

/// Moves a pinned gist one place up (or down) on the caller's profile.
#[server(prefix = "/sfn", endpoint = "move_pin")]
pub async fn move_pin(id: String, up: bool) -> Result<(), Error> {
    let user = super::context::require_user()?;
    let mut pins = pins_of(&user).await?;
    let at = pins.iter().position(|p| *p == id).ok_or(Error::NotFound)?;
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|to| *to < pins.len())
    };
    if let Some(to) = to {
        pins.swap(at, to);
        super::context::state()?
            .gists
            .set_pins(&user, &pins)
            .await?;
    }
    Ok(())
}

/// The gists `user` pinned, as the caller may see them, and whether they are the caller's.
#[server(prefix = "/sfn", endpoint = "pinned_gists")]
pub async fn pinned_gists(user: String) -> Result<PinnedList, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let owner = state.users.get_by_username(&user).await?;
    let pinned = state.gists.pinned(owner.id, viewer).await?;
    Ok(PinnedList {
        cards: crate::views::lists::cards(&pinned),
        mine: viewer == Some(owner.id),
    })
}
