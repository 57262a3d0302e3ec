//! Each page is its own lazily loaded piece of the browser's wasm.
//!
//! A page's view code (its components and their reactive plumbing) is most of the wasm. Built
//! with `cargo leptos build --split`, every page below lands in its own chunk: a reader of one
//! gist downloads the shell plus the gist page, not the editor, the settings or the admin
//! panel. The server renders every page in full either way; during hydration the router
//! fetches the chunk of the page it is on (the shell preloads it), and a client-side
//! navigation fetches the next page's chunk concurrently with its data.
//!
//! Pages keep their data loading inside their components, so `data()` is empty: the route
//! struct only names the page.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// `Split<Page>`: a route struct whose lazily loaded view is `<Page/>`.
macro_rules! split_pages {
    ($($route:ident => $page:path),* $(,)?) => {$(
        #[derive(Clone, Copy)]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

split_pages! {
    Home => super::pages::HomePage,
    Login => super::auth::LoginPage,
    TwoFactor => super::second_factor::TwoFactorPage,
    Register => super::auth::RegisterPage,
    NewGist => super::gist::NewGistPage,
    Explore => super::lists::ExplorePage,
    Search => super::search::SearchPage,
    Settings => super::settings::SettingsPage,
    Admin => super::admin::AdminPage,
    Topic => super::lists::TopicPage,
    Profile => super::lists::ProfilePage,
    Gist => super::gist::GistPage,
    Edit => super::gist::EditPage,
    Revisions => super::revisions::RevisionsPage,
    Forks => super::lists::ForksPage,
    Stargazers => super::lists::StargazersPage,
}
