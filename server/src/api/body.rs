//! Request bodies: a JSON object or a precise 400, then typed fields or a precise 422.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde_json::{Map, Value};

use app::rules::update::{FileChange, FileChanges, FileEntry};

use super::error::ApiError;

/// The request body, which must be a JSON object. Unknown fields are ignored by the
/// readers below, as GitHub does.
pub struct JsonObject(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Request body is too large")
            } else {
                ApiError::bad_request("Problems parsing JSON")
            }
        })?;
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(map)) => Ok(JsonObject(map)),
            Ok(_) => Err(ApiError::bad_request("Body should be a JSON object")),
            Err(_) => Err(ApiError::bad_request("Problems parsing JSON")),
        }
    }
}

impl JsonObject {
    /// A string field; `null` or absent is `None`, any other type a 422.
    pub fn string(&self, resource: &str, field: &str) -> Result<Option<String>, ApiError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::invalid(
                resource,
                field,
                format!("{field} must be a string"),
            )),
        }
    }

    /// A field where `null` means "remove": absent is `None`, `null` is `Some(None)`.
    pub fn nullable_string(
        &self,
        resource: &str,
        field: &str,
    ) -> Result<Option<Option<String>>, ApiError> {
        match self.0.get(field) {
            None => Ok(None),
            Some(Value::Null) => Ok(Some(None)),
            Some(Value::String(s)) => Ok(Some(Some(s.clone()))),
            Some(_) => Err(ApiError::invalid(
                resource,
                field,
                format!("{field} must be a string or null"),
            )),
        }
    }

    /// A boolean field; absent or `null` is `None`.
    pub fn boolean(&self, resource: &str, field: &str) -> Result<Option<bool>, ApiError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ApiError::invalid(
                resource,
                field,
                format!("{field} must be true or false"),
            )),
        }
    }

    pub fn string_list(
        &self,
        resource: &str,
        field: &str,
    ) -> Result<Option<Vec<String>>, ApiError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .map(Some)
                .ok_or_else(|| {
                    ApiError::invalid(
                        resource,
                        field,
                        format!("{field} must be a list of strings"),
                    )
                }),
            Some(_) => Err(ApiError::invalid(
                resource,
                field,
                format!("{field} must be a list of strings"),
            )),
        }
    }

    /// The `files` of a new gist: `{"name": {"content": "..."}}`.
    pub fn new_files(&self) -> Result<Vec<FileEntry>, ApiError> {
        let missing = || {
            app::Error::Validation(vec![app::FieldError::new(
                "Gist",
                "files",
                "missing_field",
                "files are required",
            )])
        };
        let Some(Value::Object(files)) = self.0.get("files") else {
            return match self.0.get("files") {
                None | Some(Value::Null) => Err(missing().into()),
                Some(_) => Err(ApiError::invalid(
                    "Gist",
                    "files",
                    "files must be an object of file names",
                )),
            };
        };
        files
            .iter()
            .map(|(name, value)| match value.get("content") {
                Some(Value::String(content)) => Ok(FileEntry {
                    name: name.clone(),
                    content: content.clone(),
                }),
                _ => Err(ApiError::from(app::Error::Validation(vec![
                    app::FieldError::new(
                        "Gist",
                        "files",
                        "missing_field",
                        format!("file {name:?} needs a content string"),
                    ),
                ]))),
            })
            .collect()
    }

    /// The `files` of an update: each value `null` or `{filename?, content?}`.
    pub fn file_changes(&self) -> Result<Option<FileChanges>, ApiError> {
        let files = match self.0.get("files") {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Object(files)) => files,
            Some(_) => {
                return Err(ApiError::invalid(
                    "Gist",
                    "files",
                    "files must be an object of file names",
                ));
            }
        };
        let field = |value: &Value, key: &str, name: &str| -> Result<Option<String>, ApiError> {
            match value.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(ApiError::invalid(
                    "Gist",
                    "files",
                    format!("{key} of file {name:?} must be a string"),
                )),
            }
        };
        let changes = files
            .iter()
            // `{"language": ...}` alone chooses a language and changes nothing in git (as a
            // change it would read as GitHub's `{}`, which deletes).
            .filter(|(_, value)| {
                !(value.get("language").is_some()
                    && value.get("filename").is_none()
                    && value.get("content").is_none())
            })
            .map(|(name, value)| match value {
                Value::Null => Ok((name.clone(), None)),
                Value::Object(_) => Ok((
                    name.clone(),
                    Some(FileChange {
                        filename: field(value, "filename", name)?,
                        content: field(value, "content", name)?,
                    }),
                )),
                _ => Err(ApiError::invalid(
                    "Gist",
                    "files",
                    format!("file {name:?} must be an object or null"),
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        // Only language choices: no commit.
        Ok((!changes.is_empty() || files.is_empty()).then_some(changes))
    }

    /// The `language` choices among `files` (an addition to GitHub's API), by each file's
    /// name after the change: a listed language, or `null`/`""` for "what the name
    /// implies". `None` when no file names one.
    pub fn file_languages(
        &self,
    ) -> Result<Option<app::rules::language::LanguageChoices>, ApiError> {
        let Some(Value::Object(files)) = self.0.get("files") else {
            return Ok(None);
        };
        let mut chosen = Vec::new();
        for (name, value) in files {
            let Some(language) = value.get("language") else {
                continue;
            };
            let target = match value.get("filename") {
                Some(Value::String(renamed)) => renamed.trim().to_owned(),
                _ => name.trim().to_owned(),
            };
            let language = match language {
                Value::Null => None,
                Value::String(l) if l.trim().is_empty() => None,
                Value::String(l) => Some(l.trim().to_owned()),
                _ => {
                    return Err(ApiError::invalid(
                        "Gist",
                        "files",
                        format!("language of file {name:?} must be a string or null"),
                    ));
                }
            };
            chosen.push((target, language));
        }
        Ok((!chosen.is_empty()).then_some(chosen))
    }
}
