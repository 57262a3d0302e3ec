//! The editor form, translated into the update rule's file changes: pure, so the browser
//! and the server agree and it is tested without either.

use serde::{Deserialize, Serialize};

use super::update::FileChange;

/// One file as the editor form sends it. `content` is `None` for a file that is not
/// text: it can be renamed or removed, and is otherwise carried over untouched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableFile {
    /// The file's current name; empty for a file added in the editor.
    pub original: String,
    pub name: String,
    pub content: Option<String>,
    /// The language the owner chose for it; empty: what its name implies.
    #[serde(default)]
    pub language: String,
}

/// The language choices a form makes, from each file's (new name, language field): by
/// name, `None` for "what the name implies" (see
/// [`crate::services::gists::Settings::languages`]).
pub fn languages<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> crate::rules::language::LanguageChoices {
    files
        .into_iter()
        .map(|(name, language)| {
            let language = language.trim();
            (
                name.trim().to_owned(),
                (!language.is_empty()).then(|| language.to_owned()),
            )
        })
        .collect()
}

/// The changes that turn a gist holding `current` (its file names) into what the form
/// lists: a file the form no longer lists is removed; a listed one keeps, renames or
/// rewrites its original; one without an original is added (empty if no content came).
pub fn changes(current: &[String], form: Vec<EditableFile>) -> Vec<(String, Option<FileChange>)> {
    let mut changes: Vec<(String, Option<FileChange>)> = current
        .iter()
        .filter(|name| !form.iter().any(|e| &e.original == *name))
        .map(|name| (name.clone(), None))
        .collect();
    for file in form {
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
            if renamed.is_none() && file.content.is_none() {
                // Untouched (a binary file left as it was). Sent as a change it would read
                // as GitHub's `{}`, which deletes.
                continue;
            }
            changes.push((
                file.original,
                Some(FileChange {
                    filename: renamed,
                    content: file.content,
                }),
            ));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(original: &str, name: &str, content: Option<&str>) -> EditableFile {
        EditableFile {
            original: original.into(),
            name: name.into(),
            content: content.map(str::to_owned),
            ..EditableFile::default()
        }
    }

    fn change(filename: Option<&str>, content: Option<&str>) -> Option<FileChange> {
        Some(FileChange {
            filename: filename.map(str::to_owned),
            content: content.map(str::to_owned),
        })
    }

    #[test]
    fn the_form_becomes_removals_renames_edits_and_additions() {
        let current = vec![
            "a.rs".to_owned(),
            "b.md".to_owned(),
            "c.txt".to_owned(),
            "logo.png".to_owned(),
        ];
        let form = vec![
            // Kept under a new name, content edited.
            file("a.rs", " main.rs ", Some("fn main() {}")),
            // A binary file, untouched: no change (an empty one would delete it).
            file("logo.png", "logo.png", None),
            // A binary file renamed, its content carried over.
            file("b.md", "b.markdown", None),
            // New.
            file("", "notes.txt", Some("hi")),
            // New and left empty.
            file("", "empty.txt", None),
        ];
        assert_eq!(
            changes(&current, form),
            vec![
                // Not in the form any more: removed.
                ("c.txt".to_owned(), None),
                (
                    "a.rs".to_owned(),
                    change(Some("main.rs"), Some("fn main() {}"))
                ),
                ("b.md".to_owned(), change(Some("b.markdown"), None)),
                (
                    "notes.txt".to_owned(),
                    change(Some("notes.txt"), Some("hi"))
                ),
                ("empty.txt".to_owned(), change(Some("empty.txt"), Some(""))),
            ]
        );
    }

    #[test]
    fn an_unchanged_form_changes_no_name() {
        let current = vec!["a.rs".to_owned()];
        let form = vec![file("a.rs", "a.rs", Some("same"))];
        assert_eq!(
            changes(&current, form),
            vec![("a.rs".to_owned(), change(None, Some("same")))]
        );
    }
}
