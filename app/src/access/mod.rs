//! Who may do what: every permission rule of the instance, in one place.
//!
//! Each rule is a small pure function over the caller ([`Viewer`]), the thing asked
//! about (a gist, a comment) and the instance settings. Every door (pages, server
//! functions, the REST API, raw files, ZIPs, embeds, git) and every service asks these
//! functions; none writes its own `owner_id ==` test. "Who may read this?" is
//! [`read`]; "may this request get past the instance's login requirement?" is [`gate`].
//!
//! A gist the caller may not read does not exist for them: doors answer 404, never 403,
//! so a private gist's id cannot be confirmed by probing.

mod viewer;

pub use viewer::{Credential, Viewer};

use chrono::{DateTime, Utc};

use crate::entities::{comment, gist, user};
use crate::route::Reach;
use crate::rules::lifecycle::expired;
use crate::rules::{Comments, Scope, Visibility};
use crate::services::settings::InstanceSettings;

/// Whether the user `reader` (already narrowed to what their credential may read, see
/// [`Viewer::reader`]) may know the gist exists and read it. An expired gist exists for
/// nobody, from the instant it expires: the clean-up job only reclaims its space.
pub fn read(reader: Option<i64>, gist: &gist::Model) -> bool {
    read_at(reader, gist, Utc::now())
}

/// [`read`] at the time `now`.
pub fn read_at(reader: Option<i64>, gist: &gist::Model, now: DateTime<Utc>) -> bool {
    !expired(gist.expires_at, now)
        && (gist.visibility() != Visibility::Private || reader == Some(gist.owner_id))
}

pub use crate::rules::lifecycle::{ARCHIVED, COMMENTS_OFF};

/// Whether `user` may change the gist's content and settings now: its owner, while it is
/// not archived. `NotFound` for everyone else (a write reveals no more than a read);
/// `Conflict` with [`ARCHIVED`] for the owner of an archived gist.
pub fn change(user: &user::Model, gist: &gist::Model) -> Result<(), crate::Error> {
    if !edit(user, gist) {
        return Err(crate::Error::NotFound);
    }
    if gist.archived {
        return Err(crate::Error::Conflict(ARCHIVED.into()));
    }
    Ok(())
}

/// Whether `user` may change the gist: edit its files, title, visibility, topics; delete
/// it. Only its owner may.
pub fn edit(user: &user::Model, gist: &gist::Model) -> bool {
    user.id == gist.owner_id
}

/// Whether the caller may push commits to the gist over git: an edit, with a credential
/// that may write gists. `Err` says why not, in words git shows its user.
pub fn push(viewer: &Viewer, gist: &gist::Model) -> Result<(), &'static str> {
    let user = viewer.user().ok_or("Authentication required")?;
    if !edit(user, gist) {
        return Err("Only the gist's owner can push to it");
    }
    if !viewer.allows(Scope::GistWrite) {
        return Err("This token lacks the gist:write scope");
    }
    if gist.archived {
        return Err(ARCHIVED);
    }
    Ok(())
}

/// Whether `user` may fork the gist (they can read it): anyone but its owner.
pub fn fork(user: &user::Model, gist: &gist::Model) -> bool {
    read(Some(user.id), gist) && user.id != gist.owner_id
}

/// Whether `user` may star the gist, or comment on it: anyone who can read it.
pub fn star(user: &user::Model, gist: &gist::Model) -> bool {
    read(Some(user.id), gist)
}

/// Comments follow the gist: whoever reads it may comment, unless its owner turned
/// comments off or archived it (`Forbidden`, with the reason).
pub fn comment(user: &user::Model, gist: &gist::Model) -> Result<(), crate::Error> {
    if !read(Some(user.id), gist) {
        return Err(crate::Error::NotFound);
    }
    comments_accepted(gist).map_err(|why| crate::Error::Forbidden(why.into()))
}

/// Whether the gist takes new comments at all (from anyone who may read it); `Err` says
/// why not, in words the page and the API show.
pub fn comments_accepted(gist: &gist::Model) -> Result<(), &'static str> {
    if gist.comments() != Comments::Open {
        return Err(COMMENTS_OFF);
    }
    if gist.archived {
        return Err(ARCHIVED);
    }
    Ok(())
}

/// Whether `reader` sees the gist's comments: unless its owner hid them (the owner still
/// sees them, to moderate).
pub fn see_comments(reader: Option<i64>, gist: &gist::Model) -> bool {
    gist.comments() != Comments::Hidden || reader == Some(gist.owner_id)
}

/// Whether `user` may pin the gist on their profile: their own public gists.
pub fn pin(user: &user::Model, gist: &gist::Model) -> bool {
    user.id == gist.owner_id && gist.visibility() == Visibility::Public && read(Some(user.id), gist)
}

/// Only a comment's author edits it.
pub fn edit_comment(user: &user::Model, comment: &comment::Model) -> bool {
    user.id == comment.user_id
}

/// A comment's author, or the gist's owner (moderating their own page), deletes it.
pub fn delete_comment(user_id: Option<i64>, comment: &comment::Model, gist: &gist::Model) -> bool {
    user_id.is_some_and(|id| id == comment.user_id || id == gist.owner_id)
}

/// The admin panel and the admin's actions.
pub fn admin(viewer: &Viewer) -> bool {
    viewer.user().is_some_and(|u| u.is_admin)
}

/// Whether the REST API answers at all: the config file's switch and the admin's.
pub fn api(configured: bool, settings: &InstanceSettings) -> bool {
    configured && settings.api_enabled
}

/// Whether a new account may be made by registering.
pub fn signup(settings: &InstanceSettings) -> bool {
    !settings.disable_signup
}

/// The instance's login requirement, decided by the kind of route (see
/// [`crate::route::Route::reach`]), never by the text of its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Pass,
    /// Sign in first. Each door says so in its own way (a redirect to the login page,
    /// 401 JSON, git's credential challenge).
    SignIn,
}

pub fn gate(reach: Reach, viewer: &Viewer, settings: &InstanceSettings) -> Gate {
    let open = match reach {
        Reach::Always => true,
        _ if !settings.require_login => true,
        _ if viewer.user().is_some() => true,
        Reach::OneGist => settings.allow_individual_gists,
        Reach::Site => false,
    };
    if open { Gate::Pass } else { Gate::SignIn }
}

/// Whether a user's list shows all their gists (unlisted and private too): only to
/// themselves. Everyone else sees the public ones.
pub fn list_every_gist_of(reader: Option<i64>, owner_id: i64) -> bool {
    reader == Some(owner_id)
}

/// Whether the gist shows in lists and search results for `reader`: public ones, and the
/// reader's own. Unlisted gists are readable by link but never listed to others.
pub fn listed(reader: Option<i64>, gist: &gist::Model) -> bool {
    read(reader, gist) && (gist.visibility() == Visibility::Public || reader == Some(gist.owner_id))
}

/// The SQL form of [`listed`].
pub fn listable(reader: Option<i64>) -> sea_orm::Condition {
    use sea_orm::ColumnTrait;
    let public = gist::Column::Visibility.eq(Visibility::Public.as_str());
    let whose = match reader {
        Some(id) => sea_orm::Condition::any()
            .add(public)
            .add(gist::Column::OwnerId.eq(id)),
        None => sea_orm::Condition::all().add(public),
    };
    sea_orm::Condition::all().add(whose).add(live())
}

/// Whether a webhook of `hook_owner` (`None`: the instance's) hears about `gist`: its
/// owner's hooks always; the instance's only about public gists. An unlisted or private
/// gist's events reach nobody else, just as it shows in nobody else's lists.
pub fn hook_hears(hook_owner: Option<i64>, gist: &gist::Model) -> bool {
    match hook_owner {
        Some(id) => id == gist.owner_id,
        None => gist.visibility() == Visibility::Public,
    }
}

/// The SQL form of [`hook_hears`], over the `webhooks` table.
pub fn hooks_hearing(gist: &gist::Model) -> sea_orm::Condition {
    use crate::entities::webhook;
    use sea_orm::ColumnTrait;
    let mut who = sea_orm::Condition::any().add(webhook::Column::OwnerId.eq(gist.owner_id));
    if hook_hears(None, gist) {
        who = who.add(webhook::Column::OwnerId.is_null());
    }
    who
}

/// The SQL form of "has not expired".
pub fn live() -> sea_orm::Condition {
    use sea_orm::ColumnTrait;
    sea_orm::Condition::any()
        .add(gist::Column::ExpiresAt.is_null())
        .add(gist::Column::ExpiresAt.gt(Utc::now()))
}

#[cfg(test)]
mod tests;
