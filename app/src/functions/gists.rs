//! Reading a gist page and creating gists from the browser.
//!
//! A server function takes its form's fields one argument each, and the `#[server]` macro's
//! browser half does not carry an outer `#[allow]`, so the edit form's eight fields need the
//! lint relaxed for this file.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::Error;
#[cfg(feature = "ssr")]
use crate::rules::language::language_for;
use crate::views::editor::{EditableFile, EditableGist, FileInput, LifecycleForm};
use crate::views::gist::GistView;
#[cfg(feature = "ssr")]
use crate::views::gist::raw_path;
use crate::views::revisions::RevisionsView;
#[cfg(feature = "ssr")]
use crate::views::{
    gist::FileView,
    revisions::{REVISIONS_PER_PAGE, RevisionView},
};

#[server(prefix = "/sfn", endpoint = "gist")]
pub async fn get_gist(owner: String, id: String) -> Result<GistView, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().user().cloned();
    let id = state.gists.id_for(&owner, &id).await?;
    let mut detail = state.gists.get(viewer.as_ref().map(|u| u.id), &id).await?;
    let summary = &detail.summary;
    summary.named(&owner)?;
    let login = &summary.owner.username;
    let starred = match &viewer {
        Some(user) => state.gists.is_starred(user, &id).await?,
        None => false,
    };
    let preview = link_preview(&summary.gist.description, &detail.contents);
    // Highlighting is CPU work, done off the async workers (warm files come from the cache).
    let contents = std::mem::take(&mut detail.contents);
    let sizes: Vec<(String, usize)> = contents
        .iter()
        .map(|f| (f.name.clone(), f.content.len()))
        .collect();
    let languages = contents
        .iter()
        .map(|f| summary.language_of(&f.name))
        .collect();
    let rendered = crate::render::files_as(contents, languages, state.display).await?;
    let files = sizes
        .into_iter()
        .zip(rendered)
        .map(|((name, size), shown)| FileView::new(login, &id, &detail.revision, name, size, shown))
        .collect();
    let gist = &summary.gist;
    let forked_from = match &gist.fork_of {
        Some(parent) => state
            .gists
            .summary(viewer.as_ref().map(|u| u.id), parent)
            .await
            .ok()
            .map(|p| format!("{}/{}", p.owner.username, p.gist.id)),
        None => None,
    };
    let embed = (gist.visibility != "private").then(|| {
        format!(
            "<script src=\"{}/{login}/{}.js\"></script>",
            state.external_url, gist.id
        )
    });
    Ok(GistView {
        id: gist.id.clone(),
        owner: login.clone(),
        title: gist.title.clone(),
        description: gist.description.clone(),
        visibility: gist.visibility.clone(),
        topics: gist.topic_list(),
        created_at: gist.created_at.to_rfc3339(),
        updated_at: gist.updated_at.to_rfc3339(),
        revision: detail.revision.clone(),
        star_count: gist.star_count,
        fork_count: gist.fork_count,
        is_owner: viewer
            .as_ref()
            .is_some_and(|v| crate::access::edit(v, gist)),
        signed_in: viewer.is_some(),
        starred,
        clone_url: format!("{}/{login}/{}.git", state.external_url, gist.id),
        ssh_clone_url: state
            .ssh_clone
            .as_ref()
            .map(|prefix| format!("{prefix}{login}/{}.git", gist.id)),
        embed,
        forked_from,
        zip_url: format!("/{login}/{}/archive/{}.zip", gist.id, detail.revision),
        files,
        expires_at: gist.expires_at.map(|at| at.to_rfc3339()),
        expires_in: gist.expires_at.map(|at| {
            crate::rules::lifecycle::expires_in_words(
                crate::i18n::request::i18n(),
                at - chrono::Utc::now(),
            )
        }),
        archived: gist.archived,
        custom_url: gist.slug.as_ref().map(|slug| format!("/{login}/{slug}")),
        comments_closed: crate::access::comments_accepted(gist)
            .err()
            .map(str::to_owned),
        comments_shown: crate::access::see_comments(viewer.as_ref().map(|u| u.id), gist),
        pinned: gist.pinned.is_some(),
        can_pin: viewer.as_ref().is_some_and(|v| crate::access::pin(v, gist)),
        page_url: format!("{}/{login}/{}", state.external_url, gist.id),
        preview,
        // A visitor without an account wraps code as the instance's default says.
        code_class: match viewer.as_ref() {
            Some(v) => v.preferences(),
            None => crate::rules::preferences::Preferences {
                soft_wrap: state.branding.load().await?.soft_wrap,
                ..Default::default()
            },
        }
        .code_class(),
    })
}

/// A link preview's text: the description, or else the first lines of the first text
/// file, at most [`PREVIEW_MAX`] characters.
#[cfg(feature = "ssr")]
fn link_preview(description: &str, files: &[crate::store::StoredFile]) -> String {
    const PREVIEW_MAX: usize = 200;
    let text = if description.trim().is_empty() {
        files
            .iter()
            .find(|f| !crate::services::gists::is_binary(&f.content))
            .map(|f| {
                String::from_utf8_lossy(&f.content[..f.content.len().min(4 * PREVIEW_MAX)])
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    } else {
        description.trim().to_owned()
    };
    match text.char_indices().nth(PREVIEW_MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// The editor's lifecycle fields as settings. `expires` is `keep` (no change), `never`,
/// a preset code, or `custom` (then `expires_custom`, a `datetime-local` value in UTC).
#[cfg(feature = "ssr")]
fn form_settings(
    max_expiry: chrono::Duration,
    form: &LifecycleForm,
    languages: crate::rules::language::LanguageChoices,
) -> Result<crate::services::gists::Settings, Error> {
    use crate::rules::lifecycle::parse_expiry;
    let invalid = |e| Error::Validation(vec![e]);
    let now = chrono::Utc::now();
    let expires_at = match form.expires.trim() {
        "keep" => None,
        "custom" => Some(parse_expiry(&form.expires_custom, now, max_expiry).map_err(invalid)?),
        other => Some(parse_expiry(other, now, max_expiry).map_err(invalid)?),
    };
    let slug = form.slug.trim();
    let comments = match form.comments.trim() {
        "" => None,
        mode => Some(crate::rules::Comments::parse(mode).map_err(invalid)?),
    };
    Ok(crate::services::gists::Settings {
        expires_at,
        slug: Some((!slug.is_empty()).then(|| slug.to_owned())),
        comments,
        languages: Some(languages),
    })
}

#[server(prefix = "/sfn", endpoint = "create_gist")]
pub async fn create_gist(
    title: String,
    description: String,
    visibility: String,
    #[server(default)] topics: String,
    files: Vec<FileInput>,
    #[server(default)] options: LifecycleForm,
) -> Result<(), Error> {
    use crate::rules::Visibility;
    use crate::rules::update::FileEntry;
    use crate::services::gists::NewGist;

    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let visibility = Visibility::parse(&visibility).map_err(|e| Error::Validation(vec![e]))?;
    let languages = crate::rules::editor::languages(
        files.iter().map(|f| (f.name.as_str(), f.language.as_str())),
    );
    let new = NewGist {
        title,
        description,
        visibility,
        topics: crate::rules::parse_topics(&topics).map_err(|e| Error::Validation(vec![e]))?,
        files: files
            .into_iter()
            .map(|f| FileEntry {
                name: f.name.trim().to_owned(),
                content: f.content,
            })
            .collect(),
    };
    let settings = form_settings(state.gists.max_expiry(), &options, languages)?;
    let created = state.gists.create_with(&user, new, settings).await?;
    leptos_axum::redirect(&format!("/{}/{}", user.username, created.summary.gist.id));
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "star_gist")]
pub async fn star_gist(id: String, star: bool) -> Result<(), Error> {
    let user = super::context::require_user()?;
    let gists = super::context::state()?.gists;
    if star {
        gists.star(&user, &id).await
    } else {
        gists.unstar(&user, &id).await
    }
}

#[server(prefix = "/sfn", endpoint = "fork_gist")]
pub async fn fork_gist(id: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    let fork = super::context::state()?.gists.fork(&user, &id).await?;
    leptos_axum::redirect(&format!("/{}/{}", user.username, fork.summary.gist.id));
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "delete_gist")]
pub async fn delete_gist(id: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?.gists.delete(&user, &id).await?;
    leptos_axum::redirect(&format!("/{}", user.username));
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "load_for_edit")]
pub async fn load_for_edit(owner: String, id: String) -> Result<EditableGist, Error> {
    use crate::services::gists::is_binary;

    let user = super::context::require_user()?;
    let gists = super::context::state()?.gists;
    let id = gists.id_for(&owner, &id).await?;
    let detail = gists.get(Some(user.id), &id).await?;
    let gist = &detail.summary.gist;
    detail.summary.named(&owner)?;
    if !crate::access::edit(&user, gist) {
        return Err(Error::NotFound);
    }
    Ok(EditableGist {
        id: gist.id.clone(),
        revision: detail.revision.clone(),
        owner: user.username.clone(),
        title: gist.title.clone(),
        description: gist.description.clone(),
        visibility: gist.visibility.clone(),
        topics: gist.topic_list(),
        files: detail
            .contents
            .iter()
            .map(|f| EditableFile {
                original: f.name.clone(),
                name: f.name.clone(),
                content: (!is_binary(&f.content))
                    .then(|| String::from_utf8_lossy(&f.content).into_owned()),
                language: Some(detail.summary.language_of(&f.name))
                    .filter(|language| *language != language_for(&f.name))
                    .unwrap_or_default()
                    .to_owned(),
            })
            .collect(),
        expires_at: gist.expires_at.map(|at| at.to_rfc3339()),
        slug: gist.slug.clone().unwrap_or_default(),
        comments: gist.comments().as_str().to_owned(),
        archived: gist.archived,
    })
}

// A server function's arguments are its form's fields, one each (see the file's allow).
#[server(prefix = "/sfn", endpoint = "update_gist")]
pub async fn update_gist(
    id: String,
    base: String,
    title: String,
    description: String,
    visibility: String,
    #[server(default)] topics: String,
    #[server(default)] files: Vec<EditableFile>,
    #[server(default)] options: LifecycleForm,
) -> Result<(), Error> {
    use crate::rules::Visibility;
    use crate::services::gists::GistUpdate;

    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let current = state.gists.summary(Some(user.id), &id).await?;
    let names: Vec<String> = current.files.iter().map(|f| f.filename.clone()).collect();
    let languages = crate::rules::editor::languages(
        files.iter().map(|f| (f.name.as_str(), f.language.as_str())),
    );
    let changes = crate::rules::editor::changes(&names, files);
    let update = GistUpdate {
        title: Some(title),
        description: Some(description),
        visibility: Some(Visibility::parse(&visibility).map_err(|e| Error::Validation(vec![e]))?),
        topics: Some(crate::rules::parse_topics(&topics).map_err(|e| Error::Validation(vec![e]))?),
        files: Some(changes),
    };
    let settings = form_settings(state.gists.max_expiry(), &options, languages)?;
    let saved = state
        .gists
        .update_with(&user, &id, Some(&base), update, settings)
        .await?;
    leptos_axum::redirect(&format!("/{}/{}", user.username, saved.summary.gist.id));
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "revisions")]
pub async fn get_revisions(owner: String, id: String, page: u64) -> Result<RevisionsView, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let summary = state.gists.find_named(viewer, Some(&owner), &id).await?;
    let id = summary.gist.id.clone();
    let page = page.clamp(1, crate::services::listing::PAGE_MAX);
    let (revisions, total) = state
        .gists
        .revisions(viewer, &id, page, REVISIONS_PER_PAGE)
        .await?;
    let now = chrono::Utc::now();
    let raw = |rev: &str, name: &str| raw_path(&summary.owner.username, &id, rev, name);
    let revisions = revisions
        .into_iter()
        .map(|revision| RevisionView::new(revision, now, raw))
        .collect();
    let title = if summary.gist.title.is_empty() {
        summary
            .files
            .first()
            .map(|f| f.filename.clone())
            .unwrap_or_default()
    } else {
        summary.gist.title.clone()
    };
    Ok(RevisionsView {
        owner: summary.owner.username.clone(),
        id,
        title,
        total,
        page,
        total_pages: total.div_ceil(REVISIONS_PER_PAGE),
        revisions,
    })
}
