//! The JSON bodies, in GitHub's shapes (`simple-user`, `base-gist`, `gist-simple`,
//! `gist-commit`, `gist-comment`) with Opengist's fields alongside.

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use app::entities::user;
use app::rules::language::{effective_language, mime_for};
use app::services::comments::CommentView;
use app::services::gists::{GistDetail, GistSummary, is_binary};
use app::store::{CommitInfo, StoredFile};

use super::urls::Urls;

/// GitHub cuts file content at 1 MiB in gist bodies; `raw_url` has the rest.
pub const CONTENT_LIMIT: usize = 1024 * 1024;
/// GitHub lists at most 300 files of a gist.
pub const FILES_LIMIT: usize = 300;

pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn node_id(kind: &str, id: impl std::fmt::Display) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{kind}:{id}"))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SimpleUser {
    pub login: String,
    pub id: i64,
    pub node_id: String,
    pub avatar_url: String,
    pub gravatar_id: String,
    pub url: String,
    pub html_url: String,
    pub followers_url: String,
    pub following_url: String,
    pub gists_url: String,
    pub starred_url: String,
    pub subscriptions_url: String,
    pub organizations_url: String,
    pub repos_url: String,
    pub events_url: String,
    pub received_events_url: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub site_admin: bool,
    pub name: Option<String>,
}

impl SimpleUser {
    pub fn new(user: &user::Model, urls: &Urls) -> Self {
        let url = urls.user(&user.username);
        SimpleUser {
            login: user.username.clone(),
            id: user.id,
            node_id: node_id("User", user.id),
            avatar_url: urls.avatar(&user.username),
            gravatar_id: String::new(),
            html_url: format!("{}/{}", urls.web, super::urls::segment(&user.username)),
            followers_url: format!("{url}/followers"),
            following_url: format!("{url}/following{{/other_user}}"),
            gists_url: format!("{url}/gists{{/gist_id}}"),
            starred_url: format!("{url}/starred{{/owner}}{{/repo}}"),
            subscriptions_url: format!("{url}/subscriptions"),
            organizations_url: format!("{url}/orgs"),
            repos_url: format!("{url}/repos"),
            events_url: format!("{url}/events{{/privacy}}"),
            received_events_url: format!("{url}/received_events"),
            url,
            kind: "User",
            site_admin: user.is_admin,
            name: (!user.display_name.is_empty()).then(|| user.display_name.clone()),
        }
    }
}

/// `GET /user`: the caller's own account, with private fields.
#[derive(Debug, Serialize, ToSchema)]
pub struct PrivateUser {
    #[serde(flatten)]
    pub user: SimpleUser,
    pub email: String,
    pub bio: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl PrivateUser {
    pub fn new(user: &user::Model, urls: &Urls) -> Self {
        PrivateUser {
            user: SimpleUser::new(user, urls),
            email: user.email.clone(),
            bio: (!user.bio.is_empty()).then(|| user.bio.clone()),
            created_at: timestamp(user.created_at),
            updated_at: timestamp(user.updated_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GistFile {
    pub filename: String,
    #[serde(rename = "type")]
    pub mime: &'static str,
    pub language: Option<&'static str>,
    pub raw_url: String,
    pub size: i64,
    /// Full gists only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
    /// `utf-8` or `base64` (full gists only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
}

impl GistFile {
    /// A file of one revision with its content (cut at [`CONTENT_LIMIT`]; `raw_url` has
    /// the rest), base64 when it is binary or the caller asked for it.
    pub fn full(
        detail: &GistDetail,
        file: &StoredFile,
        encoding: ContentEncoding,
        urls: &Urls,
    ) -> Self {
        let binary = is_binary(&file.content);
        let truncated = file.content.len() > CONTENT_LIMIT;
        let shown = &file.content[..file.content.len().min(CONTENT_LIMIT)];
        let (content, encoding) = if binary || encoding == ContentEncoding::Base64 {
            (
                base64::engine::general_purpose::STANDARD.encode(shown),
                "base64",
            )
        } else {
            (String::from_utf8_lossy(shown).into_owned(), "utf-8")
        };
        let language = detail.summary.language_of(&file.name);
        GistFile {
            filename: file.name.clone(),
            mime: mime_for(&file.name),
            language: (language != "Text").then_some(language),
            raw_url: urls.raw(
                &detail.summary.owner.username,
                &detail.summary.gist.id,
                &detail.revision,
                &file.name,
            ),
            size: file.content.len() as i64,
            content: Some(content),
            truncated: Some(truncated),
            encoding: Some(encoding),
        }
    }
}

/// A gist in a list: no content.
#[derive(Debug, Serialize, ToSchema)]
pub struct Gist {
    pub url: String,
    pub forks_url: String,
    pub commits_url: String,
    pub id: String,
    pub node_id: String,
    pub git_pull_url: String,
    pub git_push_url: String,
    pub html_url: String,
    pub files: BTreeMap<String, GistFile>,
    pub public: bool,
    pub created_at: String,
    pub updated_at: String,
    pub description: Option<String>,
    pub comments: i32,
    /// Always null, as on GitHub.
    pub user: Option<SimpleUser>,
    pub comments_url: String,
    pub owner: SimpleUser,
    pub truncated: bool,
    pub title: String,
    /// `public`, `unlisted` or `private`.
    pub visibility: String,
    pub topics: Vec<String>,
    pub star_count: i32,
    pub fork_count: i32,
    /// When the gist stops existing; `null`: never.
    pub expires_at: Option<String>,
    /// Read-only: edits, pushes and new comments are refused until unarchived.
    pub archived: bool,
    /// The custom URL (`/{owner}/{slug}`), if any.
    pub slug: Option<String>,
    /// `open`, `closed` (no new comments) or `hidden`.
    pub comments_mode: String,
}

impl Gist {
    pub fn new(summary: &GistSummary, urls: &Urls) -> Self {
        let gist = &summary.gist;
        let login = &summary.owner.username;
        let url = urls.gist(&gist.id);
        let files = summary
            .files
            .iter()
            .take(FILES_LIMIT)
            .map(|f| {
                let language = effective_language(&f.filename, Some(&f.language));
                (
                    f.filename.clone(),
                    GistFile {
                        filename: f.filename.clone(),
                        mime: mime_for(&f.filename),
                        language: (language != "Text").then_some(language),
                        raw_url: urls.raw(login, &gist.id, &gist.head, &f.filename),
                        size: f.size,
                        content: None,
                        truncated: None,
                        encoding: None,
                    },
                )
            })
            .collect();
        Gist {
            forks_url: format!("{url}/forks"),
            commits_url: format!("{url}/commits"),
            comments_url: format!("{url}/comments"),
            url,
            id: gist.id.clone(),
            node_id: node_id("Gist", &gist.id),
            git_pull_url: urls.git(login, &gist.id),
            git_push_url: urls.git(login, &gist.id),
            html_url: urls.html_gist(login, &gist.id),
            files,
            public: gist.visibility() == app::rules::Visibility::Public,
            created_at: timestamp(gist.created_at),
            updated_at: timestamp(gist.updated_at),
            description: Some(gist.description.clone()),
            comments: gist.comment_count,
            user: None,
            owner: SimpleUser::new(&summary.owner, urls),
            truncated: summary.files.len() > FILES_LIMIT,
            title: gist.title.clone(),
            visibility: gist.visibility.clone(),
            topics: gist.topic_list(),
            star_count: gist.star_count,
            fork_count: gist.fork_count,
            expires_at: gist.expires_at.map(timestamp),
            archived: gist.archived,
            slug: gist.slug.clone(),
            comments_mode: gist.comments().as_str().to_owned(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ForkItem {
    pub id: String,
    pub url: String,
    pub user: SimpleUser,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeStatus {
    pub total: usize,
    pub additions: usize,
    pub deletions: usize,
}

/// One revision (`gist-commit` / `gist-history`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Commit {
    pub url: String,
    pub version: String,
    pub user: Option<SimpleUser>,
    pub change_status: ChangeStatus,
    pub committed_at: String,
}

impl Commit {
    /// `author`: the gist's owner when the commit's email is theirs (commits carry no user id).
    pub fn new(gist_id: &str, commit: &CommitInfo, owner: &user::Model, urls: &Urls) -> Self {
        let user = (commit.author_email.eq_ignore_ascii_case(&owner.email))
            .then(|| SimpleUser::new(owner, urls));
        Commit {
            url: format!("{}/{}", urls.gist(gist_id), commit.sha),
            version: commit.sha.clone(),
            user,
            change_status: ChangeStatus {
                total: commit.additions + commit.deletions,
                additions: commit.additions,
                deletions: commit.deletions,
            },
            committed_at: timestamp(commit.committed_at),
        }
    }
}

/// A whole gist: list fields plus contents, forks, history and parent.
#[derive(Debug, Serialize, ToSchema)]
pub struct FullGist {
    #[serde(flatten)]
    pub gist: Gist,
    pub forks: Vec<ForkItem>,
    pub history: Vec<Commit>,
    pub fork_of: Option<Box<Gist>>,
}

/// How file contents are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentEncoding {
    /// Text as is; non-UTF-8 files as base64 anyway.
    Utf8,
    /// Everything base64 (`Accept: application/vnd.github.base64`).
    Base64,
}

impl FullGist {
    pub fn new(
        detail: &GistDetail,
        forks: Vec<ForkItem>,
        history: Vec<Commit>,
        fork_of: Option<Gist>,
        encoding: ContentEncoding,
        urls: &Urls,
    ) -> Self {
        let mut gist = Gist::new(&detail.summary, urls);
        // The files of the requested revision (which may not be the head).
        gist.files = detail
            .contents
            .iter()
            .take(FILES_LIMIT)
            .map(|file| {
                (
                    file.name.clone(),
                    GistFile::full(detail, file, encoding, urls),
                )
            })
            .collect();
        gist.truncated = detail.contents.len() > FILES_LIMIT;
        FullGist {
            gist,
            forks,
            history,
            fork_of: fork_of.map(Box::new),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Comment {
    pub id: i64,
    pub node_id: String,
    pub url: String,
    pub body: String,
    pub user: SimpleUser,
    pub author_association: &'static str,
    pub created_at: String,
    pub updated_at: String,
}

impl Comment {
    pub fn new(view: &CommentView, gist_owner_id: i64, urls: &Urls) -> Self {
        Comment {
            id: view.comment.id,
            node_id: node_id("GistComment", view.comment.id),
            url: format!(
                "{}/comments/{}",
                urls.gist(&view.comment.gist_id),
                view.comment.id
            ),
            body: view.comment.body.clone(),
            user: SimpleUser::new(&view.author, urls),
            author_association: if view.author.id == gist_owner_id {
                "OWNER"
            } else {
                "NONE"
            },
            created_at: timestamp(view.comment.created_at),
            updated_at: timestamp(view.comment.updated_at),
        }
    }
}
