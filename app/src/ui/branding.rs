//! The instance's branding on every page. The server reads it once per page (the
//! request carries it, see `server::routes`) and writes it into the document's head; the
//! browser reads it back from there when it hydrates, so both draw the same header
//! without another request.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::branding::Branding;

/// The `<meta>` the branding travels in from the server to the browser.
pub const META_NAME: &str = "gistful-branding";

/// Decides this page's branding and shares it (the app's root calls this once).
pub fn provide_branding() -> Arc<Branding> {
    let branding = initial();
    provide_context(branding.clone());
    branding
}

/// The branding [`provide_branding`] shared; the default outside the app.
pub fn use_branding() -> Arc<Branding> {
    use_context::<Arc<Branding>>().unwrap_or_default()
}

/// What the server put on this request; the default while the router lists its routes.
#[cfg(feature = "ssr")]
pub fn initial() -> Arc<Branding> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Arc<Branding>>().cloned())
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn initial() -> Arc<Branding> {
    #[cfg(feature = "hydrate")]
    {
        let read = || -> Option<Branding> {
            let document = leptos::web_sys::window()?.document()?;
            let meta = document
                .query_selector(&format!("meta[name=\"{META_NAME}\"]"))
                .ok()??;
            serde_json::from_str(&meta.get_attribute("content")?).ok()
        };
        Arc::new(read().unwrap_or_default())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Arc::default()
    }
}

/// `Page · Instance`, or the instance's name alone.
pub fn title(page: &str, name: &str) -> String {
    if page.is_empty() {
        name.to_owned()
    } else {
        format!("{page} · {name}")
    }
}
