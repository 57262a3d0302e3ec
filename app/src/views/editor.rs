//! The new-gist form and the editor.

use serde::{Deserialize, Serialize};

/// One file of the new-gist form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInput {
    pub name: String,
    pub content: String,
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

pub use crate::rules::editor::EditableFile;
