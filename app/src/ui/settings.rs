//! `/settings`: profile, password, access tokens, account deletion.

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
    let profile = Resource::new(|| (), |_| get_profile());
    view! {
        <Title text="Settings"/>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <Settings profile/> }.into_any(),
                    Err(_) => view! {
                        <section class="auth-card">
                            <p>"Log in to change your settings."</p>
                            <A href="/login?next=/settings" attr:class="button button-primary">"Log in"</A>
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
            <h1>"Settings"</h1>

            {profile.rename_allowed.then(|| view! { <ChooseName current=profile.username.clone()/> })}

            <h2>"Profile"</h2>
            <ActionForm action=save attr:class="form settings-form">
                <label>"Display name" <input name="name" value=profile.name.clone() maxlength="100"/></label>
                <label>"Email" <input type="email" name="email" value=profile.email.clone() required/></label>
                <label>"Bio" <textarea name="bio" rows="3">{profile.bio.clone()}</textarea></label>
                <label class="checkbox">
                    <input type="checkbox" name="commit_email_public" checked=profile.commit_email_public/>
                    " Show my email address in the commits of my gists (otherwise they carry "
                    <code>{format!("{}@users.noreply…", profile.username)}</code>
                    ", as anyone who clones a public gist can read its commits)"
                </label>
                {move || { let (e, ok) = result(save.value().get()); outcome(e, ok, "Profile saved.") }}
                <button type="submit" class="button button-primary">"Save profile"</button>
            </ActionForm>

            <PreferencesForm current=profile.preferences.clone()/>

            // An account a sign-in provider made has no password to change: it signs in there.
            {profile.has_password.then(|| view! {
            <h2>"Password"</h2>
            <ActionForm action=password attr:class="form settings-form">
                <label>"Current password" <input type="password" name="current" autocomplete="current-password" required/></label>
                <label>"New password" <input type="password" name="new_password" autocomplete="new-password" minlength="8" required/></label>
                {move || { let (e, ok) = result(password.value().get()); outcome(e, ok, "Password changed.") }}
                <button type="submit" class="button button-primary">"Change password"</button>
            </ActionForm>
            })}

            <super::second_factor::SecondFactorSettings/>

            <Providers/>

            <super::ssh_keys::SshKeySettings/>

            <Tokens/>

            <h2 class="danger-zone">"Delete account"</h2>
            <ActionForm action=delete attr:class="form settings-form">
                <p class="muted">"Deletes your account, your gists and their history. This cannot be undone."</p>
                {if profile.has_password {
                    view! { <label>"Password" <input type="password" name="password" autocomplete="current-password" required aria-label="Password to delete the account"/></label> }.into_any()
                } else {
                    view! { <label>"Type your username to confirm" <input name="password" autocomplete="off" required aria-label="Your username, to delete the account"/></label> }.into_any()
                }}
                {move || { let (e, _) = result(delete.value().get()); outcome(e, false, "") }}
                <button type="submit" class="button button-danger">"Delete my account"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Tokens() -> impl IntoView {
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
        <h2>"Access tokens"</h2>
        <p class="muted">"Tokens let scripts and GitHub clients use the API: " <code>"Authorization: Bearer og_…"</code></p>
        {move || secret().map(|secret| {
            let value = secret.clone();
            view! {
                <div class="new-token" role="status">
                    <p>"Your new token. Copy it now: it will not be shown again."</p>
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
                        }>{move || if copied.get() { "Copied" } else { "Copy" }}</button>
                    </div>
                </div>
            }
        })}
        <ActionForm action=create attr:class="form settings-form">
            <label>"Name" <input name="name" required maxlength="100" placeholder="e.g. laptop"/></label>
            <fieldset class="scopes">
                <legend>"Scopes"</legend>
                <label class="inline"><input type="checkbox" name="gist_read" value="on"/>" gist:read"</label>
                <label class="inline"><input type="checkbox" name="gist_write" value="on"/>" gist:write"</label>
                <label class="inline"><input type="checkbox" name="user_read" value="on"/>" user:read"</label>
                <label class="inline"><input type="checkbox" name="user_write" value="on"/>" user:write"</label>
            </fieldset>
            <label class="inline">
                "Expires "
                <select name="expires_in_days">
                    <option value="30">"in 30 days"</option>
                    <option value="90">"in 90 days"</option>
                    <option value="365">"in a year"</option>
                    <option value="never">"never"</option>
                </select>
            </label>
            {move || error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <button type="submit" class="button button-primary">"Create token"</button>
        </ActionForm>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = tokens.await.unwrap_or_default();
                view! {
                    <table class="tokens">
                        <thead><tr><th>"Name"</th><th>"Scopes"</th><th>"Expires"</th><th>"Last used"</th><th></th></tr></thead>
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
                                            <button type="submit" class="button button-small button-danger">"Revoke"</button>
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
            .map(|_| view! { <p class="form-ok" role="status">"Linked. You can now sign in with it."</p> }.into_any())
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
                <h2>"Sign-in providers"</h2>
                {message}
                {unlink_error}
                <table class="tokens providers">
                    <tbody>
                        {list.into_iter().map(|p| {
                            let linked = p.linked_since.clone();
                            view! {
                                <tr>
                                    <td>{p.name.clone()}</td>
                                    <td>{linked.clone().map_or_else(|| "Not linked".to_owned(), |d| format!("Linked since {d}"))}</td>
                                    <td>
                                        {match (linked.is_some(), p.link.clone()) {
                                            (true, _) => view! {
                                                <ActionForm action=unlink attr:class="inline-form">
                                                    <input type="hidden" name="provider" value=p.provider.clone()/>
                                                    <button type="submit" class="button button-small button-danger"
                                                        aria-label=format!("Unlink {}", p.name)>"Unlink"</button>
                                                </ActionForm>
                                            }.into_any(),
                                            (false, Some(href)) => view! {
                                                <a class="button button-small" rel="external" href=href
                                                    aria-label=format!("Link {}", p.name)>"Link"</a>
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
    let choose = ServerAction::<ChooseUsername>::new();
    let error = move || {
        choose
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
    };
    view! {
        <h2>"Username"</h2>
        <ActionForm action=choose attr:class="form settings-form">
            <p class="muted">"Your sign-in provider chose this name. You may change it once."</p>
            <label>"Username" <input name="username" value=current required maxlength="39"/></label>
            {error}
            <button type="submit" class="button button-primary">"Keep this username"</button>
        </ActionForm>
    }
}
