//! Top-level pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>"Share code, keep its history."</h1>
            <p class="lead">
                "Gistful hosts snippets, notes and small files. Every gist is a git repository: "
                "edit it here, script it through a GitHub-compatible API, or clone and push it with git."
            </p>
            <div class="hero-actions">
                <A href="/new" attr:class="button button-primary">"Create a gist"</A>
                <A href="/explore" attr:class="button">"Explore public gists"</A>
            </div>
        </section>
    }
}

/// Rendered for any path no route claims, with a real 404 status.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found"/>
        <section class="not-found">
            <p class="status-code">"404"</p>
            <h1>"Page not found"</h1>
            <p>"There is nothing here. The gist may have been deleted, or it is private."</p>
            <A href="/" attr:class="button">"Go home"</A>
        </section>
    }
}

/// A page number past the end of a list (or of search results): a real 404, and the
/// way back to the first page.
#[component]
pub fn NoSuchPage(first: String, pages: u64) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let how_many = match pages {
        0 => "This list is empty.".to_owned(),
        1 => "This list has only one page.".to_owned(),
        n => format!("This list has {n} pages."),
    };
    view! {
        <section class="not-found">
            <p class="status-code">"404"</p>
            <h1>"No such page"</h1>
            <p>{how_many}</p>
            <A href=first attr:class="button">"Go to the first page"</A>
        </section>
    }
}
