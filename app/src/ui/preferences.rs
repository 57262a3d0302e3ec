//! Settings → Preferences: theme, soft wrap, tab width, a new gist's visibility. Saved on
//! the account (so every device gets them); a plain form post without JavaScript.

use leptos::prelude::*;

use super::feedback::outcome;
use super::theme::{Theme, apply_theme};
use crate::functions::settings::SavePreferences;
use crate::rules::preferences::{Preferences, TAB_WIDTHS};

#[component]
pub fn PreferencesForm(current: Preferences) -> impl IntoView {
    let save = ServerAction::<SavePreferences>::new();
    // The theme chosen in the form, shown at once when saved (the server also set this
    // device's theme cookie). The action's input is gone once it has finished.
    let chosen = RwSignal::new(current.theme.clone());
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            apply_theme(Theme::from_name(&chosen.get_untracked()));
        }
    });
    let state = move || {
        let value = save.value().get();
        let error = value
            .as_ref()
            .and_then(|r| r.as_ref().err())
            .map(|e| e.message());
        outcome(error, matches!(value, Some(Ok(()))), "Preferences saved.")
    };
    let choice = |value: &'static str, label: &'static str, current: &str| {
        view! { <option value=value selected=current == value>{label}</option> }
    };
    let (theme, visibility) = (current.theme.clone(), current.default_visibility.clone());
    view! {
        <h2>"Preferences"</h2>
        <ActionForm action=save attr:class="form settings-form preferences">
            <label>
                "Theme"
                <select name="theme" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {choice("system", "Same as the system", &theme)}
                    {choice("light", "Light", &theme)}
                    {choice("dark", "Dark", &theme)}
                </select>
            </label>
            <label class="checkbox">
                <input type="checkbox" name="soft_wrap" checked=current.soft_wrap/>
                " Wrap long lines of code (instead of scrolling sideways)"
            </label>
            <label>
                "Tab width"
                <select name="tab_width">
                    {TAB_WIDTHS
                        .iter()
                        .map(|width| view! {
                            <option value=width.to_string() selected=*width == current.tab_width>
                                {format!("{width} spaces")}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                "New gists start"
                <select name="default_visibility">
                    {choice("public", "Public", &visibility)}
                    {choice("unlisted", "Unlisted", &visibility)}
                    {choice("private", "Private", &visibility)}
                </select>
            </label>
            {state}
            <button type="submit" class="button button-primary">"Save preferences"</button>
        </ActionForm>
    }
}
