//! A gist page: the gist and its rendered files.

use serde::{Deserialize, Serialize};

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
    /// Shown by the browser from the raw URL: `<img>`, a PDF frame, `<audio>`, `<video>`.
    Image,
    Pdf,
    Audio,
    Video,
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
    /// The same over SSH, when the instance serves git over SSH.
    pub ssh_clone_url: Option<String>,
    /// The `<script>` tag that embeds the gist in another page; none for private gists.
    pub embed: Option<String>,
    /// `owner/id` of the gist this one was forked from, when that one is still visible.
    pub forked_from: Option<String>,
    pub zip_url: String,
    pub files: Vec<FileView>,
    /// When it expires (RFC 3339), and that as "expires in 3 days" (computed on the
    /// server, so both renders agree).
    pub expires_at: Option<String>,
    pub expires_in: Option<String>,
    /// Read-only: no edits, pushes or new comments.
    pub archived: bool,
    /// `/{owner}/{slug}`, when the gist has a custom URL.
    pub custom_url: Option<String>,
    /// Why nobody may add a comment now (comments off, archived); `None`: open.
    pub comments_closed: Option<String>,
    /// Whether the gist's comments are shown (not hidden by its owner, or the viewer is
    /// the owner).
    pub comments_shown: bool,
    /// Pinned to its owner's profile; `can_pin`: the viewer is its owner and it is public.
    pub pinned: bool,
    pub can_pin: bool,
    /// The code boxes' classes, from the viewer's preferences (soft wrap, tab width).
    pub code_class: String,
    /// For link previews (Open Graph, Twitter cards): the page's absolute address, and
    /// the description or else the first lines of the first text file.
    pub page_url: String,
    pub preview: String,
}

#[cfg(feature = "ssr")]
impl FileView {
    /// A rendered file of `owner/id` at `revision`, with its raw and download links.
    pub fn new(
        owner: &str,
        id: &str,
        revision: &str,
        name: String,
        size: usize,
        shown: crate::render::RenderedFile,
    ) -> FileView {
        FileView {
            raw_url: raw_path(owner, id, revision, &name),
            download_url: format!("/{owner}/{id}/download/{revision}/{}", path_segment(&name)),
            name,
            language: shown.language.to_owned(),
            size: size as i64,
            lines: shown.lines,
            kind: shown.kind,
            html: shown.html,
            truncated: shown.truncated,
        }
    }
}

/// `/{owner}/{id}/raw/{revision}/{name}`, the name escaped as one path segment.
#[cfg(feature = "ssr")]
pub(crate) fn raw_path(owner: &str, id: &str, revision: &str, name: &str) -> String {
    format!("/{owner}/{id}/raw/{revision}/{}", path_segment(name))
}

#[cfg(feature = "ssr")]
pub(crate) fn path_segment(name: &str) -> String {
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
