//! Second factors in the browser: the second step of a sign-in (`/login/two-factor`), and
//! the "Two-factor authentication" part of Settings. Passkey buttons carry `data-passkey`
//! and are run by `public/passkeys.js`.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::feedback::outcome;
use crate::functions::second_factor::{
    BeginTotp, ConfirmTotp, NewRecoveryCodes, RemovePasskey, RemoveTotp, pending_sign_in,
    second_factors,
};

/// `/login/two-factor`: a password was right; now a code or a passkey.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let t = use_i18n();
    // Shared with the header, which shows who is signed in once this succeeds.
    let action = expect_context::<super::auth::AuthActions>().second_factor;
    let pending = Resource::new(|| (), |_| pending_sign_in());
    let error = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
    };
    view! {
        <Title text=tr!(t, "second-factor-two-factor-authentication")/>
        <section class="auth-card">
            <h1>{tr!(t, "second-factor-two-factor-authentication")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match pending.await.ok().flatten() {
                        None => view! {
                            <p>{tr!(t, "second-factor-this-sign-in-expired-or")}</p>
                            <A href="/login" attr:class="button button-primary">{tr!(t, "second-factor-log-in-again")}</A>
                        }.into_any(),
                        Some(waiting) => view! {
                            <p class="muted">{tr!(t, "second-factor-signing-in-as", username = waiting.username.clone())}</p>
                            <ActionForm action=action attr:class="form">
                                <label>
                                    {if waiting.totp { tr!(t, "second-factor-code-or-recovery") } else { tr!(t, "second-factor-recovery-code") }}
                                    <input name="code" autocomplete="one-time-code" required autofocus
                                        maxlength="32" spellcheck="false"/>
                                </label>
                                {waiting.totp.then(|| view! {
                                    <p class="muted">{tr!(t, "second-factor-open-your-authenticator-app-for")}</p>
                                })}
                                {error}
                                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                                    {tr!(t, "second-factor-verify")}
                                </button>
                            </ActionForm>
                            {waiting.passkeys.then(|| view! {
                                <div class="passkey-scope webauthn-only sign-in-providers">
                                    <p class="sign-in-or">{tr!(t, "second-factor-or")}</p>
                                    <button type="button" class="button" data-passkey="second-factor">{tr!(t, "second-factor-use-a-passkey")}</button>
                                    <p class="form-error passkey-error" role="alert" hidden></p>
                                </div>
                            })}
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// "Sign in with a passkey" on the login page (password-less: the authenticator says
/// whose passkey it is).
#[component]
pub fn PasskeySignIn(next: Signal<String>) -> impl IntoView {
    let t = use_i18n();
    view! {
        <div class="passkey-scope webauthn-only sign-in-providers">
            <button type="button" class="button sign-in-provider" data-passkey="login" data-next=next>
                {tr!(t, "second-factor-sign-in-with-a-passkey")}
            </button>
            <p class="form-error passkey-error" role="alert" hidden></p>
        </div>
    }
}

/// Recovery codes, shown once, with a download of them as text.
#[component]
fn RecoveryCodes(codes: Vec<String>) -> impl IntoView {
    let t = use_i18n();
    let text: String = codes.iter().map(|c| format!("{c}\n")).collect();
    let href = format!(
        "data:text/plain;charset=utf-8,{}",
        text.replace('\n', "%0A")
    );
    view! {
        <div class="recovery-codes" role="status">
            <p>
                <strong>{tr!(t, "second-factor-your-recovery-codes")}</strong>
                " "{tr!(t, "second-factor-keep-them-somewhere-safe-each")}
            </p>
            <pre class="recovery-list">{text}</pre>
            <a class="button button-small" download="gistful-recovery-codes.txt" href=href>{tr!(t, "second-factor-download")}</a>
        </div>
    }
}

/// Settings: authenticator app, passkeys, recovery codes.
#[component]
pub fn SecondFactorSettings() -> impl IntoView {
    let t = use_i18n();
    let begin = ServerAction::<BeginTotp>::new();
    let confirm = ServerAction::<ConfirmTotp>::new();
    let remove_totp = ServerAction::<RemoveTotp>::new();
    let remove_passkey = ServerAction::<RemovePasskey>::new();
    let regenerate = ServerAction::<NewRecoveryCodes>::new();
    let status = Resource::new(
        move || {
            (
                confirm.version().get(),
                remove_totp.version().get(),
                remove_passkey.version().get(),
                regenerate.version().get(),
            )
        },
        |_| second_factors(),
    );
    let query = leptos_router::hooks::use_query_map();
    let required = move || query.read().get("mfa").is_some_and(|v| v == "required");
    let message = move |value: Option<Result<(), crate::Error>>| {
        value.and_then(|r| r.err()).map(|e| e.message())
    };
    let new_codes = move || {
        confirm
            .value()
            .get()
            .and_then(Result::ok)
            .filter(|codes| !codes.is_empty())
            .or_else(|| regenerate.value().get().and_then(Result::ok))
    };
    view! {
        <h2 id="two-factor">{tr!(t, "second-factor-two-factor-authentication")}</h2>
        {move || required().then(|| view! {
            <p class="form-error" role="alert">
                {tr!(t, "second-factor-this-instance-requires-admins-to")}
            </p>
        })}
        {move || new_codes().map(|codes| view! { <RecoveryCodes codes/> })}
        <Transition fallback=|| ()>
            {move || status.get().and_then(Result::ok).map(|factors| view! {
                <h3>{tr!(t, "second-factor-authenticator-app")}</h3>
                {if factors.totp {
                    view! {
                        <ActionForm action=remove_totp attr:class="form settings-form">
                            <p>{tr!(t, "second-factor-an-authenticator-app-is-set")}</p>
                            {move || outcome(message(remove_totp.value().get()), false, "")}
                            <button type="submit" class="button button-danger">{tr!(t, "second-factor-remove-the-authenticator-app")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <TotpSetupForm begin confirm/> }.into_any()
                }}

                <h3>{tr!(t, "second-factor-passkeys")}</h3>
                <p class="muted">{tr!(t, "second-factor-a-passkey-signs-you-in")}</p>
                {factors.passkeys_unavailable.clone().map(|why| view! { <p class="form-note">{why}</p> })}
                {(!factors.passkeys.is_empty()).then(|| view! {
                    <table class="tokens passkeys">
                        <thead><tr><th>{tr!(t, "second-factor-name")}</th><th>{tr!(t, "second-factor-added")}</th><th>{tr!(t, "second-factor-last-used")}</th><th></th></tr></thead>
                        <tbody>
                            {factors.passkeys.clone().into_iter().map(|p| view! {
                                <tr>
                                    <td>{p.name.clone()}</td>
                                    <td>{p.added.clone()}</td>
                                    <td>{p.last_used.clone()}</td>
                                    <td>
                                        <ActionForm action=remove_passkey attr:class="inline-form">
                                            <input type="hidden" name="id" value=p.id.to_string()/>
                                            <button type="submit" class="button button-small button-danger"
                                                aria-label=tr!(t, "second-factor-remove-named", name = p.name.clone())>{tr!(t, "second-factor-remove")}</button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                {factors.passkeys_unavailable.is_none().then(|| view! {
                    <div class="form settings-form passkey-scope webauthn-only">
                        <label>{tr!(t, "second-factor-passkey-name")} <input name="passkey_name" maxlength="64" placeholder=tr!(t, "second-factor-e-g-laptop")/></label>
                        <p class="form-error passkey-error" role="alert" hidden></p>
                        <div class="recovery-codes passkey-codes" role="status" hidden>
                            <p>
                                <strong>{tr!(t, "second-factor-your-recovery-codes")}</strong>
                                " "{tr!(t, "second-factor-keep-them-somewhere-safe-each-2")}
                            </p>
                            <pre class="recovery-list"></pre>
                            <a class="button button-small" download="gistful-recovery-codes.txt" href="#">{tr!(t, "second-factor-download")}</a>
                            <button type="button" class="button button-small">{tr!(t, "second-factor-done")}</button>
                        </div>
                        <button type="button" class="button button-primary" data-passkey="register">{tr!(t, "second-factor-add-a-passkey")}</button>
                    </div>
                })}

                {(factors.totp || !factors.passkeys.is_empty()).then(|| view! {
                    <h3>{tr!(t, "second-factor-recovery-codes")}</h3>
                    <ActionForm action=regenerate attr:class="form settings-form">
                        <p>{tr!(t, "second-factor-codes-left", count = factors.recovery_left, total = 10)}</p>
                        <button type="submit" class="button">{tr!(t, "second-factor-make-new-recovery-codes")}</button>
                    </ActionForm>
                })}
            })}
        </Transition>
        {move || outcome(message(remove_passkey.value().get()), false, "")}
    }
}

/// Setting up an authenticator app: a QR code and the secret, then a first code.
#[component]
fn TotpSetupForm(
    begin: ServerAction<BeginTotp>,
    confirm: ServerAction<ConfirmTotp>,
) -> impl IntoView {
    let t = use_i18n();
    let setup = move || begin.value().get().and_then(Result::ok);
    let begin_error = move || {
        begin
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
    };
    let confirm_error = move || {
        confirm
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
    };
    view! {
        {move || match setup() {
            None => view! {
                <ActionForm action=begin attr:class="form settings-form">
                    <p>{tr!(t, "second-factor-use-an-app-such-as")}</p>
                    {move || outcome(begin_error(), false, "")}
                    <button type="submit" class="button button-primary">{tr!(t, "second-factor-set-up-an-authenticator-app")}</button>
                </ActionForm>
            }.into_any(),
            Some(setup) => view! {
                <div class="totp-setup">
                    <img class="totp-qr" src=setup.qr_image.clone() width="200" height="200"
                        alt=tr!(t, "second-factor-qr-code-of-the-authenticator")/>
                    <p>{tr!(t, "second-factor-scan-the-code-with-your")}</p>
                    <code class="totp-secret">{setup.secret.clone()}</code>
                    <ActionForm action=confirm attr:class="form settings-form">
                        <label>{tr!(t, "second-factor-code-from-the-app")}
                            <input name="code" inputmode="numeric" autocomplete="one-time-code"
                                pattern="[0-9]{6}" maxlength="6" required/>
                        </label>
                        {confirm_error}
                        <button type="submit" class="button button-primary">{tr!(t, "second-factor-confirm")}</button>
                    </ActionForm>
                </div>
            }.into_any(),
        }}
    }
}
