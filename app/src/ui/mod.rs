//! The Leptos app: document shell, layout and pages.

mod admin;
mod admin_branding;
mod auth;
pub mod branding;
mod comments;
mod feedback;
mod gist;
mod layout;
mod lifecycle;
mod lists;
mod maintenance;
mod pages;
mod preferences;
mod revisions;
mod search;
mod second_factor;
mod settings;
mod split;
mod ssh_keys;
mod tasks;
mod theme;
mod webhooks;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    Lazy, ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use layout::Layout;
use pages::NotFound;

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The page's language, decided once for this request; the browser reads it back from
    // `lang` when it hydrates (see `i18n`).
    #[cfg(feature = "ssr")]
    let locale = crate::i18n::request::locale();
    #[cfg(not(feature = "ssr"))]
    let locale = crate::i18n::Locale::En;
    // The instance's branding, for the icon here and for the browser to read back.
    #[cfg(feature = "ssr")]
    let brand = branding::initial();
    #[cfg(not(feature = "ssr"))]
    let brand = std::sync::Arc::<crate::rules::branding::Branding>::default();
    let brand_json = serde_json::to_string(&*brand).unwrap_or_default();
    let (icon, icon_type) = match &brand.favicon {
        Some(url) => (url.clone(), None),
        None => ("/favicon.svg".to_owned(), Some("image/svg+xml")),
    };
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href=icon type=icon_type/>
                <meta name=branding::META_NAME content=brand_json/>
                <link rel="stylesheet" href=format!("/{}/gistful.css", options.site_pkg_dir)/>
                <link rel="stylesheet" href="/highlight.css"/>
                // Passkeys (WebAuthn) in the browser; deferred, and tiny.
                <script type="module" src="/passkeys.js"></script>
                // Diagrams and math, drawn from their sources; loads its libraries only on
                // pages that have some.
                <script type="module" src="/assets/rich.js"></script>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Only this site's scripts run: the hydration bootstrap and Leptos's data scripts carry
/// this response's nonce; the wasm needs `wasm-unsafe-eval`. No frames but this site's own
/// (a PDF file's viewer). Inline styles are allowed, as on GitHub: Mermaid's diagrams
/// carry their `<style>` and `style` attributes. Gist content never does: the Markdown
/// sanitiser drops every `style`, and SVG files are only ever shown as images.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    let (Some(response), Some(nonce)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        leptos::nonce::use_nonce(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Every page's `<title>`, from the text its page gives (gist titles, search queries:
/// anything a visitor typed) and the instance's name. `leptos_meta` 0.8.7 (the newest
/// release) writes the text into the server's `<head>` as it is, so `</title><meta
/// http-equiv=refresh ...>` would become markup: on the server it is escaped here, the
/// one place every title passes. In the browser the text goes to `document.title`, which
/// takes it as text, so it stays as it is there.
fn page_title(page: &str, name: &str) -> String {
    let title = branding::title(page, name);
    #[cfg(feature = "ssr")]
    let title = crate::highlight::escape(&title);
    title
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::i18n::provide_i18n();
    let name = branding::provide_branding().name.clone();
    #[cfg(feature = "ssr")]
    content_security_policy();
    auth::AuthActions::provide();
    view! {
        <Title formatter=move |page: String| page_title(&page, &name)/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    // Async: every page arrives complete, readable without JavaScript.
                    <Route path=StaticSegment("") view={Lazy::<split::Home>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("login") view={Lazy::<split::Login>::new()} ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("login"), StaticSegment("two-factor")) view={Lazy::<split::TwoFactor>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("register") view={Lazy::<split::Register>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("new") view={Lazy::<split::NewGist>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("explore") view={Lazy::<split::Explore>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("search") view={Lazy::<split::Search>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("settings") view={Lazy::<split::Settings>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("admin") view={Lazy::<split::Admin>::new()} ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("topics"), ParamSegment("topic")) view={Lazy::<split::Topic>::new()} ssr=SsrMode::Async/>
                    <Route path=ParamSegment("user") view={Lazy::<split::Profile>::new()} ssr=SsrMode::Async/>
                    <Route path=(ParamSegment("user"), ParamSegment("id")) view={Lazy::<split::Gist>::new()} ssr=SsrMode::Async/>
                    <Route path=(ParamSegment("user"), ParamSegment("id"), StaticSegment("edit")) view={Lazy::<split::Edit>::new()} ssr=SsrMode::Async/>
                    <Route path=(ParamSegment("user"), ParamSegment("id"), StaticSegment("revisions")) view={Lazy::<split::Revisions>::new()} ssr=SsrMode::Async/>
                    <Route path=(ParamSegment("user"), ParamSegment("id"), StaticSegment("forks")) view={Lazy::<split::Forks>::new()} ssr=SsrMode::Async/>
                    <Route path=(ParamSegment("user"), ParamSegment("id"), StaticSegment("stargazers")) view={Lazy::<split::Stargazers>::new()} ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
