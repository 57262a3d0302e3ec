//! Reading a gist page and creating gists from the browser.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    /// Highlighted source.
    Code,
    /// Rendered, sanitised Markdown.
    Markdown,
    /// Not text: offered for download only.
    Binary,
    /// Comma-separated values, shown as a table.
    Table,
}

/// One file as the gist page shows it. `html` is produced on the server from escaped
/// text (highlighting) or the sanitising Markdown renderer; nothing raw reaches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub name: String,
    pub language: String,
    pub size: i64,
    pub lines: usize,
    pub raw_url: String,
    pub download_url: String,
    pub kind: FileKind,
    pub html: String,
    /// Only the first `lines` lines are shown: the file is past the display limits.
    pub truncated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GistView {
    pub id: String,
    pub owner: String,
    pub title: String,
    pub description: String,
    pub visibility: String,
    pub topics: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    pub revision: String,
    pub star_count: i32,
    pub fork_count: i32,
    pub is_owner: bool,
    /// Someone is signed in (who may star and fork).
    pub signed_in: bool,
    pub starred: bool,
    pub clone_url: String,
    /// The `<script>` tag that embeds the gist in another page; none for private gists.
    pub embed: Option<String>,
    /// `owner/id` of the gist this one was forked from, when that one is still visible.
    pub forked_from: Option<String>,
    pub zip_url: String,
    pub files: Vec<FileView>,
}

#[server(prefix = "/sfn", endpoint = "gist")]
pub async fn get_gist(owner: String, id: String) -> Result<GistView, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().user().cloned();
    let mut detail = state.gists.get(viewer.as_ref().map(|u| u.id), &id).await?;
    let summary = &detail.summary;
    summary.named(&owner)?;
    let login = &summary.owner.username;
    let starred = match &viewer {
        Some(user) => state.gists.is_starred(user, &id).await?,
        None => false,
    };
    // Highlighting is CPU work: on the blocking pool, so no file holds an async worker.
    let limits = state.display;
    let contents = std::mem::take(&mut detail.contents);
    let rendered = crate::services::blocking(move || {
        contents
            .iter()
            .map(|file| {
                let shown = crate::render::file(&file.name, &file.content, &limits);
                (file.name.clone(), file.content.len(), shown)
            })
            .collect::<Vec<_>>()
    })
    .await?;
    let files = rendered
        .into_iter()
        .map(|(name, size, shown)| FileView {
            raw_url: format!(
                "/{login}/{id}/raw/{}/{}",
                detail.revision,
                urlencoding(&name)
            ),
            download_url: format!(
                "/{login}/{id}/download/{}/{}",
                detail.revision,
                urlencoding(&name)
            ),
            name,
            language: shown.language.to_owned(),
            size: size as i64,
            lines: shown.lines,
            kind: shown.kind,
            html: shown.html,
            truncated: shown.truncated,
        })
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
        embed,
        forked_from,
        zip_url: format!("/{login}/{}/archive/{}.zip", gist.id, detail.revision),
        files,
    })
}

#[cfg(feature = "ssr")]
fn urlencoding(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One file of the new-gist form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInput {
    pub name: String,
    pub content: String,
}

#[server(prefix = "/sfn", endpoint = "create_gist")]
pub async fn create_gist(
    title: String,
    description: String,
    visibility: String,
    #[server(default)] topics: String,
    files: Vec<FileInput>,
) -> Result<(), Error> {
    use crate::rules::Visibility;
    use crate::rules::update::FileEntry;
    use crate::services::gists::NewGist;

    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let visibility = Visibility::parse(&visibility).map_err(|e| Error::Validation(vec![e]))?;
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
    let created = state.gists.create(&user, new).await?;
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

/// A gist as the editor loads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableGist {
    pub id: String,
    /// The revision the form shows: a save over a newer one is refused.
    pub revision: String,
    pub owner: String,
    pub title: String,
    pub description: String,
    pub visibility: String,
    pub topics: Vec<String>,
    pub files: Vec<EditableFile>,
}

/// `content` is `None` for a file that is not text: it can be renamed or removed, and is
/// otherwise carried over untouched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableFile {
    /// The file's current name; empty for a file added in the editor.
    pub original: String,
    pub name: String,
    pub content: Option<String>,
}

#[server(prefix = "/sfn", endpoint = "load_for_edit")]
pub async fn load_for_edit(owner: String, id: String) -> Result<EditableGist, Error> {
    use crate::services::gists::is_binary;

    let user = super::context::require_user()?;
    let detail = super::context::state()?
        .gists
        .get(Some(user.id), &id)
        .await?;
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
            })
            .collect(),
    })
}

#[server(prefix = "/sfn", endpoint = "update_gist")]
pub async fn update_gist(
    id: String,
    base: String,
    title: String,
    description: String,
    visibility: String,
    #[server(default)] topics: String,
    #[server(default)] files: Vec<EditableFile>,
) -> Result<(), Error> {
    use crate::rules::Visibility;
    use crate::rules::update::FileChange;
    use crate::services::gists::GistUpdate;

    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let current = state.gists.summary(Some(user.id), &id).await?;
    // The form lists the files to keep; what it no longer lists was removed.
    let mut changes: Vec<(String, Option<FileChange>)> = current
        .files
        .iter()
        .filter(|f| !files.iter().any(|e| e.original == f.filename))
        .map(|f| (f.filename.clone(), None))
        .collect();
    for file in files {
        let name = file.name.trim().to_owned();
        if file.original.is_empty() {
            changes.push((
                name.clone(),
                Some(FileChange {
                    filename: Some(name),
                    content: Some(file.content.unwrap_or_default()),
                }),
            ));
        } else {
            let renamed = (name != file.original).then_some(name);
            changes.push((
                file.original,
                Some(FileChange {
                    filename: renamed,
                    content: file.content,
                }),
            ));
        }
    }
    let update = GistUpdate {
        title: Some(title),
        description: Some(description),
        visibility: Some(Visibility::parse(&visibility).map_err(|e| Error::Validation(vec![e]))?),
        topics: Some(crate::rules::parse_topics(&topics).map_err(|e| Error::Validation(vec![e]))?),
        files: Some(changes),
    };
    let saved = state.gists.update_from(&user, &id, &base, update).await?;
    leptos_axum::redirect(&format!("/{}/{}", user.username, saved.summary.gist.id));
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffLineKind {
    Hunk,
    Added,
    Removed,
    Context,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffLine {
    pub kind: DiffLineKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChangeView {
    pub name: String,
    /// For renames: the name before.
    pub old_name: Option<String>,
    pub status: String,
    pub binary: bool,
    pub lines: Vec<DiffLine>,
    /// The diff is too large to show whole: `lines` is its start, and these are the raw
    /// file before and after.
    pub large: Option<LargeDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LargeDiff {
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub sha: String,
    pub author: String,
    pub when: String,
    pub additions: usize,
    pub deletions: usize,
    pub files: Vec<FileChangeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionsView {
    pub owner: String,
    pub id: String,
    pub title: String,
    pub total: u64,
    pub page: u64,
    pub total_pages: u64,
    pub revisions: Vec<RevisionView>,
}

/// Revisions on one page of the history: each brings its diffs, so pages stay small.
pub const REVISIONS_PER_PAGE: u64 = 10;

#[server(prefix = "/sfn", endpoint = "revisions")]
pub async fn get_revisions(owner: String, id: String, page: u64) -> Result<RevisionsView, Error> {
    let state = super::context::state()?;
    let viewer = super::context::viewer().id();
    let summary = state.gists.summary(viewer, &id).await?;
    summary.named(&owner)?;
    let page = page.clamp(1, crate::services::listing::PAGE_MAX);
    let (revisions, total) = state
        .gists
        .revisions(viewer, &id, page, REVISIONS_PER_PAGE)
        .await?;
    let raw = |rev: &str, name: &str| {
        format!(
            "/{}/{id}/raw/{rev}/{}",
            summary.owner.username,
            urlencoding(name)
        )
    };
    let now = chrono::Utc::now();
    let revisions = revisions
        .into_iter()
        .map(|revision| RevisionView {
            sha: revision.commit.sha.clone(),
            author: revision.commit.author_name.clone(),
            when: super::lists::relative_time(now - revision.commit.committed_at),
            additions: revision.commit.additions,
            deletions: revision.commit.deletions,
            files: revision
                .files
                .into_iter()
                .map(|file| FileChangeView {
                    large: file.truncated.then(|| LargeDiff {
                        before: revision
                            .parent
                            .as_deref()
                            .zip(file.old_name.as_deref())
                            .map(|(rev, name)| raw(rev, name)),
                        after: file
                            .new_name
                            .as_deref()
                            .map(|name| raw(&revision.commit.sha, name)),
                    }),
                    name: file
                        .new_name
                        .clone()
                        .or_else(|| file.old_name.clone())
                        .unwrap_or_default(),
                    old_name: (file.status == "renamed")
                        .then(|| file.old_name.clone())
                        .flatten(),
                    status: file.status.to_owned(),
                    binary: file.binary,
                    lines: file.patch.lines().map(diff_line).collect(),
                })
                .collect(),
        })
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

#[cfg(feature = "ssr")]
fn diff_line(line: &str) -> DiffLine {
    let kind = match line.as_bytes().first() {
        Some(b'@') => DiffLineKind::Hunk,
        Some(b'+') => DiffLineKind::Added,
        Some(b'-') => DiffLineKind::Removed,
        _ => DiffLineKind::Context,
    };
    DiffLine {
        kind,
        text: line.to_owned(),
    }
}
