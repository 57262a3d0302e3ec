//! Top-level pages.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_i18n();
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{tr!(t, "pages-share-code-keep-its-history")}</h1>
            <p class="lead">
                {tr!(t, "pages-gistful-hosts-snippets-notes-and")}" "
                {tr!(t, "pages-edit-script-clone")}
            </p>
            <div class="hero-actions">
                <A href="/new" attr:class="button button-primary">{tr!(t, "pages-create-a-gist")}</A>
                <A href="/explore" attr:class="button">{tr!(t, "pages-explore-public-gists")}</A>
            </div>
        </section>
    }
}

/// Rendered for any path no route claims, with a real 404 status.
#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=tr!(t, "pages-page-not-found")/>
        <section class="not-found">
            <p class="status-code">"404"</p>
            <h1>{tr!(t, "pages-page-not-found")}</h1>
            <p>{tr!(t, "pages-there-is-nothing-here-the")}</p>
            <A href="/" attr:class="button">{tr!(t, "pages-go-home")}</A>
        </section>
    }
}

/// A page number past the end of a list (or of search results): a real 404, and the
/// way back to the first page.
#[component]
pub fn NoSuchPage(first: String, pages: u64) -> impl IntoView {
    let t = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let how_many = match pages {
        0 => tr!(t, "pages-list-empty"),
        n => tr!(t, "pages-list-pages", count = n),
    };
    view! {
        <section class="not-found">
            <p class="status-code">"404"</p>
            <h1>{tr!(t, "pages-no-such-page")}</h1>
            <p>{how_many}</p>
            <A href=first attr:class="button">{tr!(t, "pages-go-to-the-first-page")}</A>
        </section>
    }
}
