//! The frame around every page: header, main area, footer.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_router::components::A;

use super::auth::AuthActions;
use super::branding::use_branding;
use super::theme::{ThemeToggle, provide_theme};
use crate::functions::auth::current_user;
use crate::functions::locale::SetLocale;
use crate::i18n::Locale;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_i18n();
    let theme = provide_theme();
    let brand = use_branding();
    let links = brand.links.clone();
    let accent = brand.accent.style();
    // Effects run only in the browser, so this flips once hydration has attached the app:
    // tests (and curious users) can tell a live page from a static one.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    view! {
        <div
            class="app"
            style=accent
            data-theme=move || theme.get().attribute()
            data-hydrated=move || if hydrated.get() { "true" } else { "false" }
        >
            <header class="site-header">
                <nav class="container nav">
                    <A href="/" attr:class="brand">
                        {match brand.logo.clone() {
                            Some(url) => view! { <img class="brand-logo" src=url alt="" width="24" height="24"/> }.into_any(),
                            None => view! { <span class="brand-mark" aria-hidden="true">"{ }"</span> }.into_any(),
                        }}
                        <span class="brand-name">{brand.name.clone()}</span>
                    </A>
                    <A href="/explore">{tr!(t, "layout-explore")}</A>
                    <form class="nav-search" action="/search" method="get" role="search">
                        <input type="search" name="q" placeholder=tr!(t, "layout-search-gists") aria-label=tr!(t, "layout-search-gists")/>
                    </form>
                    <A href="/new" attr:class="button button-primary">{tr!(t, "layout-new-gist")}</A>
                    <span class="nav-spacer"></span>
                    <UserMenu/>
                    <ThemeToggle/>
                </nav>
            </header>
            <main class="container main">{children()}</main>
            <footer class="site-footer">
                <div class="container footer-inner">
                    <span>{tr!(t, "layout-gistful")}" " {env!("CARGO_PKG_VERSION")}</span>
                    <a href="/api/openapi.yaml">{tr!(t, "layout-api")}</a>
                    {links.into_iter().map(|link| view! { <a href=link.url>{link.label}</a> }).collect_view()}
                    <span class="nav-spacer"></span>
                    <LocalePicker/>
                </div>
            </footer>
        </div>
    }
}

/// The language picker: a plain form, so it works without JavaScript, and the page comes
/// back whole in the new language (see `functions::locale`).
#[component]
fn LocalePicker() -> impl IntoView {
    let t = use_i18n();
    let action = <SetLocale as leptos::server_fn::ServerFn>::url();
    view! {
        <form class="locale-picker" method="post" action=action>
            <label for="locale-select">{tr!(t, "layout-language")}</label>
            <select id="locale-select" name="locale">
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.tag() lang=l.tag() selected=l == t.locale>{l.native_name()}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="button button-small">{tr!(t, "layout-change-language")}</button>
        </form>
    }
}

/// "Log in / Register", or the signed-in user with a way out.
#[component]
fn UserMenu() -> impl IntoView {
    let t = use_i18n();
    let auth = expect_context::<AuthActions>();
    let user = Resource::new(move || auth.version(), |_| current_user());
    let logout = auth.logout;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! {
                        <A href=format!("/{}", user.username) attr:class="nav-user">{user.username.clone()}</A>
                        {user.is_admin.then(|| view! { <A href="/admin">{tr!(t, "layout-admin")}</A> })}
                        <A href="/settings">{tr!(t, "layout-settings")}</A>
                        <ActionForm action=logout attr:class="inline-form">
                            <button type="submit" class="button">{tr!(t, "layout-log-out")}</button>
                        </ActionForm>
                    }
                    .into_any(),
                    _ => view! {
                        <A href="/login">{tr!(t, "layout-log-in")}</A>
                        <A href="/register" attr:class="button">{tr!(t, "layout-register")}</A>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}
