//! `/settings`: profile, password, access tokens, account deletion.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::feedback::outcome;
use super::preferences::PreferencesForm;

use crate::functions::settings::{
    ChangePassword, ChooseUsername, CreateToken, Profile, RevokeToken, SaveProfile, UnlinkProvider,
    get_profile, linked_providers, list_tokens,
};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = use_i18n();
    let profile = Resource::new(|| (), |_| get_profile());
    view! {
        <Title text=tr!(t, "settings-settings")/>
        <Suspense fallback=move || view! { <p class="loading">{tr!(t, "settings-loading")}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <Settings profile/> }.into_any(),
                    Err(_) => view! {
                        <section class="auth-card">
                            <p>{tr!(t, "settings-log-in-to-change-your")}</p>
                            <A href="/login?next=/settings" attr:class="button button-primary">{tr!(t, "settings-log-in")}</A>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Settings(profile: Profile) -> impl IntoView {
    let t = use_i18n();
    let save = ServerAction::<SaveProfile>::new();
    let password = ServerAction::<ChangePassword>::new();
    // Shared with the header, which must notice the user is gone.
    let delete = expect_context::<super::auth::AuthActions>().delete_account;
    let result = |value: Option<Result<(), crate::Error>>| {
        (
            value
                .as_ref()
                .and_then(|r| r.as_ref().err())
                .map(|e| e.message()),
            matches!(value, Some(Ok(()))),
        )
    };
    view! {
        <section class="settings">
            <h1>{tr!(t, "settings-settings")}</h1>

            {profile.rename_allowed.then(|| view! { <ChooseName current=profile.username.clone()/> })}

            <h2>{tr!(t, "settings-profile")}</h2>
            <ActionForm action=save attr:class="form settings-form">
                <label>{tr!(t, "settings-display-name")} <input name="name" value=profile.name.clone() maxlength="100"/></label>
                <label>{tr!(t, "settings-email")} <input type="email" name="email" value=profile.email.clone() required/></label>
                <label>{tr!(t, "settings-bio")} <textarea name="bio" rows="3">{profile.bio.clone()}</textarea></label>
                <label class="checkbox">
                    <input type="checkbox" name="commit_email_public" checked=profile.commit_email_public/>
                    " "{tr!(t, "settings-show-my-email-address-in")}" "
                    <code>{format!("{}@users.noreply…", profile.username)}</code>
                    {tr!(t, "settings-as-anyone-who-clones-a")}
                </label>
                {move || { let (e, ok) = result(save.value().get()); outcome(e, ok, tr!(t, "settings-profile-saved")) }}
                <button type="submit" class="button button-primary">{tr!(t, "settings-save-profile")}</button>
            </ActionForm>

            <PreferencesForm current=profile.preferences.clone()/>

            // An account a sign-in provider made has no password to change: it signs in there.
            {profile.has_password.then(|| view! {
            <h2>{tr!(t, "settings-password")}</h2>
            <ActionForm action=password attr:class="form settings-form">
                <label>{tr!(t, "settings-current-password")} <input type="password" name="current" autocomplete="current-password" required/></label>
                <label>{tr!(t, "settings-new-password")} <input type="password" name="new_password" autocomplete="new-password" minlength="8" required/></label>
                {move || { let (e, ok) = result(password.value().get()); outcome(e, ok, tr!(t, "settings-password-changed")) }}
                <button type="submit" class="button button-primary">{tr!(t, "settings-change-password")}</button>
            </ActionForm>
            })}

            <super::second_factor::SecondFactorSettings/>

            <Providers/>

            <super::ssh_keys::SshKeySettings/>

            <super::webhooks::WebhookSettings instance=false/>

            <Tokens/>

            <h2 class="danger-zone">{tr!(t, "settings-delete-account")}</h2>
            <ActionForm action=delete attr:class="form settings-form">
                <p class="muted">{tr!(t, "settings-deletes-your-account-your-gists")}</p>
                {if profile.has_password {
                    view! { <label>{tr!(t, "settings-password")} <input type="password" name="password" autocomplete="current-password" required aria-label=tr!(t, "settings-password-to-delete-the-account")/></label> }.into_any()
                } else {
                    view! { <label>{tr!(t, "settings-type-your-username-to-confirm")} <input name="password" autocomplete="off" required aria-label=tr!(t, "settings-your-username-to-delete-the")/></label> }.into_any()
                }}
                {move || { let (e, _) = result(delete.value().get()); outcome(e, false, "") }}
                <button type="submit" class="button button-danger">{tr!(t, "settings-delete-my-account")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Tokens() -> impl IntoView {
    let t = use_i18n();
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_tokens(),
    );
    let secret = move || create.value().get().and_then(|r| r.ok());
    let error = move || {
        create
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
    };
    let copied = RwSignal::new(false);
    view! {
        <h2>{tr!(t, "settings-access-tokens")}</h2>
        <p class="muted">{tr!(t, "settings-tokens-let-scripts-and-github")}" " <code>"Authorization: Bearer og_…"</code></p>
        {move || secret().map(|secret| {
            let value = secret.clone();
            view! {
                <div class="new-token" role="status">
                    <p>{tr!(t, "settings-your-new-token-copy-it")}</p>
                    <div class="clone-box">
                        <input class="token-value" readonly value=secret/>
                        <button type="button" class="button" on:click=move |_| {
                            #[cfg(feature = "hydrate")]
                            if let Some(window) = web_sys::window() {
                                let _ = window.navigator().clipboard().write_text(&value);
                            }
                            #[cfg(not(feature = "hydrate"))]
                            let _ = &value;
                            copied.set(true);
                        }>{move || if copied.get() { tr!(t, "gist-copied") } else { tr!(t, "gist-copy") }}</button>
                    </div>
                </div>
            }
        })}
        <ActionForm action=create attr:class="form settings-form">
            <label>{tr!(t, "settings-name")} <input name="name" required maxlength="100" placeholder=tr!(t, "settings-e-g-laptop")/></label>
            <fieldset class="scopes">
                <legend>{tr!(t, "settings-scopes")}</legend>
                <label class="inline"><input type="checkbox" name="gist_read" value="on"/>" "{tr!(t, "settings-gist-read")}</label>
                <label class="inline"><input type="checkbox" name="gist_write" value="on"/>" "{tr!(t, "settings-gist-write")}</label>
                <label class="inline"><input type="checkbox" name="user_read" value="on"/>" "{tr!(t, "settings-user-read")}</label>
                <label class="inline"><input type="checkbox" name="user_write" value="on"/>" "{tr!(t, "settings-user-write")}</label>
            </fieldset>
            <label class="inline">
                {tr!(t, "settings-expires")}" "
                <select name="expires_in_days">
                    <option value="30">{tr!(t, "settings-in-30-days")}</option>
                    <option value="90">{tr!(t, "settings-in-90-days")}</option>
                    <option value="365">{tr!(t, "settings-in-a-year")}</option>
                    <option value="never">{tr!(t, "settings-never")}</option>
                </select>
            </label>
            {move || error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <button type="submit" class="button button-primary">{tr!(t, "settings-create-token")}</button>
        </ActionForm>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = tokens.await.unwrap_or_default();
                view! {
                    <table class="tokens">
                        <thead><tr><th>{tr!(t, "settings-name")}</th><th>{tr!(t, "settings-scopes")}</th><th>{tr!(t, "settings-expires")}</th><th>{tr!(t, "settings-last-used")}</th><th></th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|token| view! {
                                <tr>
                                    <td>{token.name.clone()}</td>
                                    <td>{token.scopes.clone()}</td>
                                    <td>{token.expires.clone()}</td>
                                    <td>{token.last_used.clone()}</td>
                                    <td>
                                        <ActionForm action=revoke attr:class="inline-form">
                                            <input type="hidden" name="token" value=token.id.to_string()/>
                                            <button type="submit" class="button button-small button-danger">{tr!(t, "settings-revoke")}</button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
        </Suspense>
    }
}

/// The sign-in providers: which are linked to this account, link or unlink them.
#[component]
fn Providers() -> impl IntoView {
    let t = use_i18n();
    let unlink = ServerAction::<UnlinkProvider>::new();
    let providers = Resource::new(move || unlink.version().get(), |_| linked_providers());
    let query = leptos_router::hooks::use_query_map();
    let message = move || {
        let query = query.read();
        if let Some(code) = query.get("link_error") {
            return crate::rules::account::sign_in_failure(&code)
                .map(|m| view! { <p class="form-error" role="alert">{m}</p> }.into_any());
        }
        query
            .get("linked")
            .map(|_| view! { <p class="form-ok" role="status">{tr!(t, "settings-linked-you-can-now-sign")}</p> }.into_any())
    };
    let unlink_error = move || {
        unlink
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
    };
    view! {
        <Transition fallback=|| ()>
            {move || providers.get().and_then(Result::ok).filter(|list| !list.is_empty()).map(|list| view! {
                <h2>{tr!(t, "settings-sign-in-providers")}</h2>
                {message}
                {unlink_error}
                <table class="tokens providers">
                    <tbody>
                        {list.into_iter().map(|p| {
                            let linked = p.linked_since.clone();
                            view! {
                                <tr>
                                    <td>{p.name.clone()}</td>
                                    <td>{linked.clone().map_or_else(|| tr!(t, "settings-not-linked"), |d| tr!(t, "settings-linked-since", date = d))}</td>
                                    <td>
                                        {match (linked.is_some(), p.link.clone()) {
                                            (true, _) => view! {
                                                <ActionForm action=unlink attr:class="inline-form">
                                                    <input type="hidden" name="provider" value=p.provider.clone()/>
                                                    <button type="submit" class="button button-small button-danger"
                                                        aria-label=tr!(t, "settings-unlink-named", name = p.name.clone())>{tr!(t, "settings-unlink")}</button>
                                                </ActionForm>
                                            }.into_any(),
                                            (false, Some(href)) => view! {
                                                <a class="button button-small" rel="external" href=href
                                                    aria-label=tr!(t, "settings-link-named", name = p.name.clone())>{tr!(t, "settings-link")}</a>
                                            }.into_any(),
                                            (false, None) => ().into_any(),
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </Transition>
    }
}

/// An account a sign-in provider made took the provider's name: its owner may pick
/// another, once.
#[component]
fn ChooseName(current: String) -> impl IntoView {
    let t = use_i18n();
    let choose = ServerAction::<ChooseUsername>::new();
    let error = move || {
        choose
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
    };
    view! {
        <h2>{tr!(t, "settings-username")}</h2>
        <ActionForm action=choose attr:class="form settings-form">
            <p class="muted">{tr!(t, "settings-your-sign-in-provider-chose")}</p>
            <label>{tr!(t, "settings-username")} <input name="username" value=current required maxlength="39"/></label>
            {error}
            <button type="submit" class="button button-primary">{tr!(t, "settings-keep-this-username")}</button>
        </ActionForm>
    }
}
