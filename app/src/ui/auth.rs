//! Log in and register.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::functions::auth::{Login, Logout, Register, sign_in_providers};
use crate::functions::second_factor::SecondFactor;
use crate::functions::settings::DeleteAccount;

/// The account actions, shared so that whatever shows the signed-in user refreshes when
/// one of them completes.
#[derive(Clone, Copy)]
pub struct AuthActions {
    pub login: ServerAction<Login>,
    pub register: ServerAction<Register>,
    pub logout: ServerAction<Logout>,
    pub delete_account: ServerAction<DeleteAccount>,
    /// The second step of a sign-in (`/login/two-factor`).
    pub second_factor: ServerAction<SecondFactor>,
}

impl AuthActions {
    pub fn provide() -> Self {
        let actions = AuthActions {
            login: ServerAction::new(),
            register: ServerAction::new(),
            logout: ServerAction::new(),
            delete_account: ServerAction::new(),
            second_factor: ServerAction::new(),
        };
        provide_context(actions);
        actions
    }

    /// Changes whenever someone may have signed in or out.
    pub fn version(&self) -> [usize; 5] {
        [
            self.login.version().get(),
            self.register.version().get(),
            self.logout.version().get(),
            self.delete_account.version().get(),
            self.second_factor.version().get(),
        ]
    }
}
use super::feedback::{FieldError, aria_invalid};
use crate::rules::account::sign_in_failure;
use crate::rules::{validate_email, validate_password, validate_username};

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_i18n();
    let action = expect_context::<AuthActions>().login;
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let error = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
            .or_else(|| {
                query
                    .read()
                    .get("error")
                    .and_then(|code| sign_in_failure(&code))
                    .map(str::to_owned)
            })
    };
    let options = Resource::new(|| (), |_| sign_in_providers());
    view! {
        <Title text=tr!(t, "auth-log-in")/>
        <section class="auth-card">
            <h1>{tr!(t, "auth-log-in-to-gistful")}</h1>
            <Transition fallback=|| ()>
            {move || {
                let (form, providers) = split_options(options.get());
                view! {
            {(!form).then(|| view! {
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            })}
            {form.then(|| view! {
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="next" prop:value=next/>
                <label>
                    {tr!(t, "auth-username")}
                    <input name="username" autocomplete="username" required autofocus/>
                </label>
                <label>
                    {tr!(t, "auth-password")}
                    <input type="password" name="password" autocomplete="current-password" required/>
                </label>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                    {tr!(t, "auth-log-in")}
                </button>
            </ActionForm>
            })}
            <ProviderButtons providers next=Signal::derive(next) divider=form/>
                }
            }}
            </Transition>
            <super::second_factor::PasskeySignIn next=Signal::derive(next)/>
            <p class="auth-switch">{tr!(t, "auth-new-here")}" " <A href="/register">{tr!(t, "auth-create-an-account")}</A></p>
        </section>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_i18n();
    let action = expect_context::<AuthActions>().register;
    let error = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
    };
    let username = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // The same rules the server enforces, checked as the visitor types.
    let username_error = move || {
        let value = username.get();
        (!value.is_empty())
            .then(|| validate_username(&value).err().map(|e| e.message))
            .flatten()
    };
    let email_error = move || {
        let value = email.get();
        (!value.is_empty())
            .then(|| validate_email(&value).err().map(|e| e.message))
            .flatten()
    };
    let password_error = move || {
        let value = password.get();
        (!value.is_empty())
            .then(|| validate_password(&value).err().map(|e| e.message))
            .flatten()
    };
    let invalid =
        move || username_error().is_some() || email_error().is_some() || password_error().is_some();
    let (username_error, email_error, password_error) = (
        Signal::derive(username_error),
        Signal::derive(email_error),
        Signal::derive(password_error),
    );

    let options = Resource::new(|| (), |_| sign_in_providers());
    view! {
        <Title text=tr!(t, "auth-register")/>
        <section class="auth-card">
            <h1>{tr!(t, "auth-create-your-account")}</h1>
            <Transition fallback=|| ()>
            {move || {
                let (form, providers) = split_options(options.get());
                view! {
            {form.then(|| view! {
            <ActionForm action=action attr:class="form">
                <label>
                    {tr!(t, "auth-username")}
                    <input name="username" autocomplete="username" required maxlength="39"
                        aria-describedby="username-error" aria-invalid=aria_invalid(username_error)
                        on:input=move |ev| username.set(event_target_value(&ev))/>
                    <FieldError id="username-error" message=username_error/>
                </label>
                <label>
                    {tr!(t, "auth-email")}
                    <input type="email" name="email" autocomplete="email" required
                        aria-describedby="email-error" aria-invalid=aria_invalid(email_error)
                        on:input=move |ev| email.set(event_target_value(&ev))/>
                    <FieldError id="email-error" message=email_error/>
                </label>
                <label>
                    {tr!(t, "auth-password")}
                    <input type="password" name="password" autocomplete="new-password" required minlength="8"
                        aria-describedby="password-error" aria-invalid=aria_invalid(password_error)
                        on:input=move |ev| password.set(event_target_value(&ev))/>
                    <FieldError id="password-error" message=password_error/>
                </label>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <button type="submit" class="button button-primary" disabled=move || invalid() || action.pending().get()>
                    {tr!(t, "auth-create-account")}
                </button>
            </ActionForm>
            })}
            <ProviderButtons providers next=Signal::derive(String::new) divider=form/>
                }
            }}
            </Transition>
            <p class="auth-switch">{tr!(t, "auth-already-have-an-account")}" " <A href="/login">{tr!(t, "auth-log-in")}</A></p>
        </section>
    }
}

/// Whether the page has its password form, and the providers it offers (the form until
/// the options are known).
fn split_options(
    options: Option<Result<crate::functions::auth::SignInOptions, crate::Error>>,
) -> (bool, Vec<crate::functions::auth::SignInProvider>) {
    match options {
        Some(Ok(options)) => (options.password_form, options.providers),
        _ => (true, Vec::new()),
    }
}

/// "Sign in with ..." for each identity provider configured: plain links, so that they
/// work with JavaScript off (the sign-in leaves the site anyway).
#[component]
fn ProviderButtons(
    providers: Vec<crate::functions::auth::SignInProvider>,
    next: Signal<String>,
    /// An "or" before the buttons (when the password form is above them).
    divider: bool,
) -> impl IntoView {
    let t = use_i18n();
    view! {
            {(!providers.is_empty()).then(|| view! {
                <div class="sign-in-providers">
                    {divider.then(|| view! { <p class="sign-in-or">{tr!(t, "auth-or")}</p> })}
                    {providers.into_iter().map(|p| {
                        let label = tr!(t, "auth-sign-in-with", provider = p.name.clone());
                        let href = move || {
                            let next = next.get();
                            if next.is_empty() {
                                p.path.clone()
                            } else {
                                format!("{}?next={}", p.path, urlencode(&next))
                            }
                        };
                        view! {
                            <a class="button sign-in-provider" rel="external" href=href>
                                {label}
                            </a>
                        }
                    }).collect_view()}
                </div>
            })}
    }
}

/// Percent-encodes a query value (everything but unreserved characters).
fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_encoded_into_the_query() {
        assert_eq!(urlencode("/alice/abc?x=1&y"), "/alice/abc%3Fx%3D1%26y");
    }
}
