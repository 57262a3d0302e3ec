//! GitHub's rules for editing the files of a gist, as a pure function.
//!
//! Each key of `files` names a current file (or a new one):
//! - `null`, `{}` or `{"content": ""}` deletes the file;
//! - `{"filename": "new"}` renames it, `{"content": "..."}` replaces it, both do both;
//! - a key that is no current file, given content, adds a file.
//!
//! Files not named are carried over unchanged, in their order; new files come last.

use serde::{Deserialize, Serialize};

use crate::error::{Error, FieldError};
use crate::rules::gist::validate_filename;

/// What a request says about one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    pub filename: Option<String>,
    pub content: Option<String>,
}

impl FileChange {
    fn deletes(&self) -> bool {
        match (&self.filename, &self.content) {
            (None, None) => true,
            (_, Some(content)) => content.is_empty(),
            _ => false,
        }
    }
}

/// GitHub's `files` object of an update, in request order: name to change (`None`: delete).
pub type FileChanges = Vec<(String, Option<FileChange>)>;

/// One file of a gist: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub content: String,
}

fn files_error(code: &str, message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldError::new("Gist", "files", code, message)])
}

/// Content may not be empty or only white space (GitHub refuses such files).
pub fn check_content(name: &str, content: &str) -> Result<(), Error> {
    if content.trim().is_empty() {
        return Err(files_error(
            "missing_field",
            format!("file {name:?} has no content"),
        ));
    }
    Ok(())
}

/// The files of a new gist, validated: names, uniqueness, content.
pub fn new_files(files: Vec<FileEntry>) -> Result<Vec<FileEntry>, Error> {
    if files.is_empty() {
        return Err(files_error(
            "missing_field",
            "a gist needs at least one file",
        ));
    }
    check_files(
        files
            .iter()
            .map(|f| (f.name.as_str(), Some(f.content.as_str()))),
    )?;
    Ok(files)
}

/// Every name valid and unique; every new content non-blank (`None`: content kept as is).
fn check_files<'a>(files: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    for (name, content) in files {
        validate_filename(name).map_err(|e| Error::Validation(vec![e]))?;
        if !seen.insert(name) {
            return Err(files_error(
                "already_exists",
                format!("file {name:?} appears twice"),
            ));
        }
        if let Some(content) = content {
            check_content(name, content)?;
        }
    }
    Ok(())
}

/// Where a file of the new revision gets its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSource {
    /// Unchanged content of the current file with this name (possibly renamed).
    Kept(String),
    /// New text.
    Content(String),
}

/// One file of the planned revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    pub name: String,
    pub source: FileSource,
}

/// Applies `changes` to the files named `current`, returning the complete plan of the new
/// revision. Contents of kept files are not needed (they may be binary).
pub fn apply(
    current: &[String],
    changes: &[(String, Option<FileChange>)],
) -> Result<Vec<PlannedFile>, Error> {
    let mut result: Vec<Option<PlannedFile>> = current
        .iter()
        .map(|name| {
            Some(PlannedFile {
                name: name.clone(),
                source: FileSource::Kept(name.clone()),
            })
        })
        .collect();
    let mut added: Vec<PlannedFile> = Vec::new();
    let missing = |key: &str| {
        files_error(
            "invalid",
            format!("file {key:?} does not exist in this gist"),
        )
    };

    for (key, change) in changes {
        let change = change.clone().unwrap_or_default();
        match current.iter().position(|name| name == key) {
            Some(index) if change.deletes() => result[index] = None,
            Some(index) => {
                let planned = result[index].get_or_insert_with(|| PlannedFile {
                    name: key.clone(),
                    source: FileSource::Kept(key.clone()),
                });
                if let Some(name) = change.filename {
                    planned.name = name;
                }
                if let Some(content) = change.content {
                    planned.source = FileSource::Content(content);
                }
            }
            None if change.deletes() => return Err(missing(key)),
            None => {
                let Some(content) = change.content else {
                    return Err(missing(key));
                };
                added.push(PlannedFile {
                    name: change.filename.unwrap_or_else(|| key.clone()),
                    source: FileSource::Content(content),
                });
            }
        }
    }

    let files: Vec<PlannedFile> = result.into_iter().flatten().chain(added).collect();
    if files.is_empty() {
        return Err(files_error(
            "missing_field",
            "a gist needs at least one file; this would delete them all",
        ));
    }
    check_files(files.iter().map(|f| {
        let content = match &f.source {
            FileSource::Content(content) => Some(content.as_str()),
            FileSource::Kept(_) => None,
        };
        (f.name.as_str(), content)
    }))?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn entry(name: &str, content: &str) -> FileEntry {
        FileEntry {
            name: name.into(),
            content: content.into(),
        }
    }

    fn change(filename: Option<&str>, content: Option<&str>) -> Option<FileChange> {
        Some(FileChange {
            filename: filename.map(Into::into),
            content: content.map(Into::into),
        })
    }

    fn names(files: &[FileEntry]) -> Vec<String> {
        files.iter().map(|f| f.name.clone()).collect()
    }

    /// Resolves a plan against the current contents, as the service does with git blobs.
    fn resolve(current: &[FileEntry], plan: Vec<PlannedFile>) -> Vec<FileEntry> {
        plan.into_iter()
            .map(|p| FileEntry {
                name: p.name,
                content: match p.source {
                    FileSource::Kept(old) => current
                        .iter()
                        .find(|f| f.name == old)
                        .unwrap()
                        .content
                        .clone(),
                    FileSource::Content(c) => c,
                },
            })
            .collect()
    }

    fn run(
        current: &[FileEntry],
        changes: &[(String, Option<FileChange>)],
    ) -> Result<Vec<FileEntry>, Error> {
        apply(&names(current), changes).map(|plan| resolve(current, plan))
    }

    #[test]
    fn github_semantics() {
        let current = vec![
            entry("a.txt", "A"),
            entry("b.txt", "B"),
            entry("c.txt", "C"),
            entry("d.txt", "D"),
        ];
        let changes = vec![
            ("a.txt".to_string(), None),                            // null deletes
            ("b.txt".to_string(), change(None, None)),              // {} deletes
            ("c.txt".to_string(), change(Some("c.md"), None)),      // rename keeps content
            ("new.rs".to_string(), change(None, Some("fn x(){}"))), // add
        ];
        let out = run(&current, &changes).unwrap();
        assert_eq!(
            out,
            vec![
                entry("c.md", "C"),
                entry("d.txt", "D"),
                entry("new.rs", "fn x(){}")
            ]
        );

        let out = run(&current, &[("d.txt".into(), change(None, Some("")))]).unwrap();
        assert_eq!(out.len(), 3, "empty content deletes");
        let out = run(
            &current,
            &[("d.txt".into(), change(Some("e.txt"), Some("E")))],
        )
        .unwrap();
        assert_eq!(out[3], entry("e.txt", "E"));
    }

    #[test]
    fn refusals() {
        let current = vec![entry("a.txt", "A"), entry("b.txt", "B")];
        let all_gone = vec![("a.txt".into(), None), ("b.txt".into(), None)];
        assert!(run(&current, &all_gone).is_err());
        assert!(
            run(&current, &[("a.txt".into(), change(Some("b.txt"), None))]).is_err(),
            "rename onto another file"
        );
        assert!(
            run(&current, &[("zzz".into(), None)]).is_err(),
            "deleting a file that is not there"
        );
        assert!(
            run(&current, &[("a.txt".into(), change(None, Some("  \n")))]).is_err(),
            "blank content"
        );
        assert!(
            run(&current, &[("a.txt".into(), change(Some("x/y"), None))]).is_err(),
            "folder in name"
        );
        assert!(new_files(vec![]).is_err());
        assert!(new_files(vec![entry("a", "1"), entry("a", "2")]).is_err());
    }

    proptest! {
        /// Against a model: the outcome is what the rules say, file by file.
        #[test]
        fn matches_the_model(
            existing in proptest::collection::btree_map("[a-e]\\.txt", "[a-z]{1,5}", 1..5),
            ops in proptest::collection::vec(("[a-g]\\.txt", 0u8..4, "[a-z]{0,4}"), 0..6),
        ) {
            let current: Vec<FileEntry> = existing.iter().map(|(n, c)| entry(n, c)).collect();
            let mut seen = std::collections::HashSet::new();
            let changes: Vec<(String, Option<FileChange>)> = ops
                .into_iter()
                .filter(|(key, _, _)| seen.insert(key.clone()))
                .map(|(key, op, text)| {
                    let c = match op {
                        0 => None,
                        1 => change(None, Some(&text)),
                        2 => change(Some(&format!("{key}.renamed")), None),
                        _ => change(Some(&format!("{key}.moved")), Some(&text)),
                    };
                    (key, c)
                })
                .collect();

            // The model: a map from name to content, applied in order.
            let mut model: BTreeMap<String, String> = existing.clone();
            let mut error = false;
            for (key, c) in &changes {
                let exists = existing.contains_key(key);
                let c = c.clone().unwrap_or_default();
                if c.deletes() {
                    if exists { model.remove(key); } else { error = true; }
                } else if exists {
                    let content = c.content.clone().unwrap_or_else(|| existing[key].clone());
                    model.remove(key);
                    model.insert(c.filename.clone().unwrap_or(key.clone()), content);
                } else if let Some(content) = &c.content {
                    model.insert(c.filename.clone().unwrap_or(key.clone()), content.clone());
                } else {
                    error = true;
                }
            }
            error |= model.is_empty();

            match run(&current, &changes) {
                Ok(files) => {
                    prop_assert!(!error, "expected an error, got {files:?}");
                    let got: BTreeMap<String, String> = files.iter().map(|f| (f.name.clone(), f.content.clone())).collect();
                    prop_assert_eq!(got.len(), files.len(), "names are unique");
                    prop_assert_eq!(got, model);
                    // Untouched files keep their place ahead of new ones.
                    let untouched: Vec<&String> = existing.keys().filter(|k| !changes.iter().any(|(c, _)| &c == k)).collect();
                    let order: Vec<&String> = files.iter().map(|f| &f.name).filter(|n| untouched.contains(n)).collect();
                    prop_assert_eq!(order, untouched);
                }
                Err(_) => prop_assert!(error, "unexpected error for {:?}", changes),
            }
        }
    }
}
