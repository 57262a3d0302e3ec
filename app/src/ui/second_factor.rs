//! Second factors in the browser: the second step of a sign-in (`/login/two-factor`), and
//! the "Two-factor authentication" part of Settings. Passkey buttons carry `data-passkey`
//! and are run by `public/passkeys.js`.

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
        <Title text="Two-factor authentication"/>
        <section class="auth-card">
            <h1>"Two-factor authentication"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match pending.await.ok().flatten() {
                        None => view! {
                            <p>"This sign-in expired or was already used."</p>
                            <A href="/login" attr:class="button button-primary">"Log in again"</A>
                        }.into_any(),
                        Some(waiting) => view! {
                            <p class="muted">{format!("Signing in as {}.", waiting.username)}</p>
                            <ActionForm action=action attr:class="form">
                                <label>
                                    {if waiting.totp { "Authentication code or recovery code" } else { "Recovery code" }}
                                    <input name="code" autocomplete="one-time-code" required autofocus
                                        maxlength="32" spellcheck="false"/>
                                </label>
                                {waiting.totp.then(|| view! {
                                    <p class="muted">"Open your authenticator app for the 6-digit code."</p>
                                })}
                                {error}
                                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                                    "Verify"
                                </button>
                            </ActionForm>
                            {waiting.passkeys.then(|| view! {
                                <div class="passkey-scope webauthn-only sign-in-providers">
                                    <p class="sign-in-or">"or"</p>
                                    <button type="button" class="button" data-passkey="second-factor">"Use a passkey"</button>
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
    view! {
        <div class="passkey-scope webauthn-only sign-in-providers">
            <button type="button" class="button sign-in-provider" data-passkey="login" data-next=next>
                "Sign in with a passkey"
            </button>
            <p class="form-error passkey-error" role="alert" hidden></p>
        </div>
    }
}

/// Recovery codes, shown once, with a download of them as text.
#[component]
fn RecoveryCodes(codes: Vec<String>) -> impl IntoView {
    let text: String = codes.iter().map(|c| format!("{c}\n")).collect();
    let href = format!(
        "data:text/plain;charset=utf-8,{}",
        text.replace('\n', "%0A")
    );
    view! {
        <div class="recovery-codes" role="status">
            <p>
                <strong>"Your recovery codes."</strong>
                " Keep them somewhere safe: each signs you in once if you lose your phone or passkey. They will not be shown again."
            </p>
            <pre class="recovery-list">{text}</pre>
            <a class="button button-small" download="gistful-recovery-codes.txt" href=href>"Download"</a>
        </div>
    }
}

/// Settings: authenticator app, passkeys, recovery codes.
#[component]
pub fn SecondFactorSettings() -> impl IntoView {
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
        <h2 id="two-factor">"Two-factor authentication"</h2>
        {move || required().then(|| view! {
            <p class="form-error" role="alert">
                "This instance requires admins to have a second factor. Set up an authenticator app or a passkey to continue."
            </p>
        })}
        {move || new_codes().map(|codes| view! { <RecoveryCodes codes/> })}
        <Transition fallback=|| ()>
            {move || status.get().and_then(Result::ok).map(|factors| view! {
                <h3>"Authenticator app"</h3>
                {if factors.totp {
                    view! {
                        <ActionForm action=remove_totp attr:class="form settings-form">
                            <p>"An authenticator app is set up: signing in with your password asks for its code."</p>
                            {move || outcome(message(remove_totp.value().get()), false, "")}
                            <button type="submit" class="button button-danger">"Remove the authenticator app"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <TotpSetupForm begin confirm/> }.into_any()
                }}

                <h3>"Passkeys"</h3>
                <p class="muted">"A passkey signs you in without a password, or as the second step after it."</p>
                {factors.passkeys_unavailable.clone().map(|why| view! { <p class="form-note">{why}</p> })}
                {(!factors.passkeys.is_empty()).then(|| view! {
                    <table class="tokens passkeys">
                        <thead><tr><th>"Name"</th><th>"Added"</th><th>"Last used"</th><th></th></tr></thead>
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
                                                aria-label=format!("Remove passkey {}", p.name)>"Remove"</button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                {factors.passkeys_unavailable.is_none().then(|| view! {
                    <div class="form settings-form passkey-scope webauthn-only">
                        <label>"Passkey name" <input name="passkey_name" maxlength="64" placeholder="e.g. laptop"/></label>
                        <p class="form-error passkey-error" role="alert" hidden></p>
                        <div class="recovery-codes passkey-codes" role="status" hidden>
                            <p>
                                <strong>"Your recovery codes."</strong>
                                " Keep them somewhere safe: each signs you in once if you lose your passkey. They will not be shown again."
                            </p>
                            <pre class="recovery-list"></pre>
                            <a class="button button-small" download="gistful-recovery-codes.txt" href="#">"Download"</a>
                            <button type="button" class="button button-small">"Done"</button>
                        </div>
                        <button type="button" class="button button-primary" data-passkey="register">"Add a passkey"</button>
                    </div>
                })}

                {(factors.totp || !factors.passkeys.is_empty()).then(|| view! {
                    <h3>"Recovery codes"</h3>
                    <ActionForm action=regenerate attr:class="form settings-form">
                        <p>{format!("{} of {} recovery codes left.", factors.recovery_left, 10)}</p>
                        <button type="submit" class="button">"Make new recovery codes"</button>
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
                    <p>"Use an app such as Aegis, 1Password, Google Authenticator or FreeOTP for a 6-digit code at each sign-in."</p>
                    {move || outcome(begin_error(), false, "")}
                    <button type="submit" class="button button-primary">"Set up an authenticator app"</button>
                </ActionForm>
            }.into_any(),
            Some(setup) => view! {
                <div class="totp-setup">
                    <img class="totp-qr" src=setup.qr_image.clone() width="200" height="200"
                        alt="QR code of the authenticator secret"/>
                    <p>"Scan the code with your app, or type this secret into it:"</p>
                    <code class="totp-secret">{setup.secret.clone()}</code>
                    <ActionForm action=confirm attr:class="form settings-form">
                        <label>"Code from the app"
                            <input name="code" inputmode="numeric" autocomplete="one-time-code"
                                pattern="[0-9]{6}" maxlength="6" required/>
                        </label>
                        {confirm_error}
                        <button type="submit" class="button button-primary">"Confirm"</button>
                    </ActionForm>
                </div>
            }.into_any(),
        }}
    }
}
