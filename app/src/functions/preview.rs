//! The editor's Markdown preview, rendered by the renderer pages use, on the server.
//!
//! So a preview is exactly what the page will show, sanitiser included. The sanitiser is a
//! full HTML parser (html5ever): in the browser it would cost about 270 KiB of compressed
//! wasm, and GitHub's preview asks its server too. The work is bounded like a page's: the
//! display limits cut the text, and rendering waits for a CPU turn.

use leptos::prelude::*;

use crate::error::Error;

#[server(prefix = "/sfn", endpoint = "preview_markdown")]
pub async fn preview_markdown(text: String) -> Result<String, Error> {
    super::context::require_user()?;
    let state = super::context::state()?;
    let file = crate::store::StoredFile {
        name: "preview.md".into(),
        content: text.into_bytes(),
    };
    let mut shown = crate::render::files(vec![file], state.display).await?;
    Ok(shown.pop().map(|f| f.html).unwrap_or_default())
}
