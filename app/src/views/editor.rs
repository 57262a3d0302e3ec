//! The new-gist form and the editor.

use serde::{Deserialize, Serialize};

/// One file of the new-gist form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInput {
    pub name: String,
    pub content: String,
    /// The language chosen for it; empty: what its name implies.
    #[serde(default)]
    pub language: String,
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
    /// RFC 3339, when the gist expires.
    pub expires_at: Option<String>,
    pub slug: String,
    /// `open`, `closed` or `hidden`.
    pub comments: String,
    pub archived: bool,
}

pub use crate::rules::editor::EditableFile;

/// The editor's lifecycle options, as the form sends them (`options[expires]`...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LifecycleForm {
    /// `keep`, `never`, a preset code (`1h`...) or `custom`.
    pub expires: String,
    /// A `datetime-local` value in UTC, for `custom`.
    pub expires_custom: String,
    /// Empty: no custom URL.
    pub slug: String,
    /// `open`, `closed` or `hidden`.
    pub comments: String,
}
