//! The frame around every page: header, main area, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use super::auth::AuthActions;
use super::theme::{ThemeToggle, provide_theme};
use crate::functions::auth::current_user;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let theme = provide_theme();
    // Effects run only in the browser, so this flips once hydration has attached the app:
    // tests (and curious users) can tell a live page from a static one.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    view! {
        <div
            class="app"
            data-theme=move || theme.get().attribute()
            data-hydrated=move || if hydrated.get() { "true" } else { "false" }
        >
            <header class="site-header">
                <nav class="container nav">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true">"{ }"</span>
                        "Gistful"
                    </A>
                    <A href="/explore">"Explore"</A>
                    <form class="nav-search" action="/search" method="get" role="search">
                        <input type="search" name="q" placeholder="Search gists" aria-label="Search gists"/>
                    </form>
                    <A href="/new" attr:class="button button-primary">"New gist"</A>
                    <span class="nav-spacer"></span>
                    <UserMenu/>
                    <ThemeToggle/>
                </nav>
            </header>
            <main class="container main">{children()}</main>
            <footer class="site-footer">
                <div class="container footer-inner">
                    <span>"Gistful " {env!("CARGO_PKG_VERSION")}</span>
                    <a href="/api/openapi.yaml">"API"</a>
                </div>
            </footer>
        </div>
    }
}

/// "Log in / Register", or the signed-in user with a way out.
#[component]
fn UserMenu() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let user = Resource::new(move || auth.version(), |_| current_user());
    let logout = auth.logout;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <A href=format!("/{}", user.username) attr:class="nav-user">{user.username.clone()}</A>
                        {user.is_admin.then(|| view! { <A href="/admin">"Admin"</A> })}
                        <A href="/settings">"Settings"</A>
                        <ActionForm action=logout attr:class="inline-form">
                            <button type="submit" class="button">"Log out"</button>
                        </ActionForm>
                    }
                    .into_any(),
                    _ => view! {
                        <A href="/login">"Log in"</A>
                        <A href="/register" attr:class="button">"Register"</A>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}
