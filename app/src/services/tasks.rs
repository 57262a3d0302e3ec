//! Ticking a task box on a rendered Markdown file (issue 21): one commit that changes only
//! the character between that item's brackets.
//!
//! The page numbers its boxes in document order ([`crate::render::markdown::set_task`]
//! counts the same way), and says which revision it showed. If the file is not what the
//! page showed any more, the numbers may point at other lines: the tick is refused rather
//! than guessed. Other files changing meanwhile does not matter.

use super::gists::{GistService, GistUpdate};
use crate::entities::user;
use crate::error::{Error, Result};
use crate::render::markdown::{TaskError, set_task};
use crate::rules::update::FileChange;

const CHANGED: &str = "this file changed since the page was loaded: nothing was saved. \
    Reload the page and tick the box again";

impl GistService {
    /// Ticks (or clears) task box `index` of Markdown file `file`, as shown at revision
    /// `seen`. Returns the gist's revision afterwards (unchanged if the box already was so).
    pub async fn tick_task(
        &self,
        actor: &user::Model,
        id: &str,
        seen: &str,
        file: &str,
        index: usize,
        checked: bool,
    ) -> Result<String> {
        let now = self.get(Some(actor.id), id).await?;
        crate::access::change(actor, &now.summary.gist)?;
        // Markdown by its name or by its owner's choice.
        if now.summary.language_of(file) != "Markdown" {
            return Err(Error::NotFound);
        }
        let current = now
            .contents
            .iter()
            .find(|f| f.name == file)
            .ok_or(Error::NotFound)?;
        if now.revision != seen {
            let then = self
                .get_at(Some(actor.id), id, Some(seen))
                .await
                .map_err(|_| Error::Conflict(CHANGED.into()))?;
            let before = then.contents.iter().find(|f| f.name == file);
            if before.map(|f| &f.content) != Some(&current.content) {
                return Err(Error::Conflict(CHANGED.into()));
            }
        }
        let text = std::str::from_utf8(&current.content).map_err(|_| Error::NotFound)?;
        let ticked = set_task(text, index, checked).map_err(|TaskError::NoSuchTask| {
            Error::Conflict("this file has no such task box any more: reload the page".into())
        })?;
        if ticked == text {
            return Ok(now.revision);
        }
        let change = FileChange {
            filename: None,
            content: Some(ticked),
        };
        let saved = self
            .update_from(
                actor,
                id,
                &now.revision,
                GistUpdate {
                    files: Some(vec![(file.to_owned(), Some(change))]),
                    ..GistUpdate::default()
                },
            )
            .await?;
        Ok(saved.revision)
    }
}
