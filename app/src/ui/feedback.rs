//! What forms tell the user: the outcome of an action, and "are you sure?".

use leptos::prelude::*;

/// The outcome of an action: its error, or a confirmation once it succeeded.
pub fn outcome(
    error: Option<String>,
    done: bool,
    confirmation: impl Into<String>,
) -> impl IntoView {
    let confirmation = confirmation.into();
    match (error, done) {
        (Some(message), _) => {
            Some(view! { <p class="form-error" role="alert">{message}</p> }.into_any())
        }
        (None, true) => {
            Some(view! { <p class="form-ok" role="status">{confirmation}</p> }.into_any())
        }
        _ => None,
    }
}

/// A submit handler that asks first and cancels the submission unless the user agrees.
/// Without JavaScript the form submits straight away (the browser cannot ask).
pub fn confirm_submit(question: String) -> impl Fn(leptos::ev::SubmitEvent) + Clone {
    move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            let sure = web_sys::window().and_then(|w| w.confirm_with_message(&question).ok());
            if sure != Some(true) {
                ev.prevent_default();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &question);
    }
}

/// A field's live error message, kept in the page (empty while the field is fine) so a
/// screen reader announces it when it appears (`aria-live`). The field itself points at
/// it with `aria-describedby` and [`aria_invalid`], so the message is read with the field.
#[component]
pub fn FieldError(
    #[prop(into)] id: Signal<String>,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <span class="field-error" id=id aria-live="polite">{move || message.get()}</span>
    }
}

/// `aria-invalid` for a field whose error is `message`: "true" while there is one.
pub fn aria_invalid(message: Signal<Option<String>>) -> impl Fn() -> &'static str + Copy {
    move || {
        if message.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    }
}
