//! Settings → Preferences: theme, soft wrap, tab width, a new gist's visibility. Saved on
//! the account (so every device gets them); a plain form post without JavaScript.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;

use super::feedback::outcome;
use super::theme::{Theme, apply_theme};
use crate::functions::settings::SavePreferences;
use crate::rules::preferences::{Preferences, TAB_WIDTHS};

#[component]
pub fn PreferencesForm(current: Preferences) -> impl IntoView {
    let t = use_i18n();
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
        outcome(
            error,
            matches!(value, Some(Ok(()))),
            tr!(t, "preferences-saved"),
        )
    };
    let choice = |value: &'static str, label: String, current: &str| {
        view! { <option value=value selected=current == value>{label}</option> }
    };
    let (theme, visibility) = (current.theme.clone(), current.default_visibility.clone());
    view! {
        <h2>{tr!(t, "preferences-preferences")}</h2>
        <ActionForm action=save attr:class="form settings-form preferences">
            <label>
                {tr!(t, "preferences-theme")}
                <select name="theme" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {choice("system", tr!(t, "preferences-theme-system"), &theme)}
                    {choice("light", tr!(t, "preferences-theme-light"), &theme)}
                    {choice("dark", tr!(t, "preferences-theme-dark"), &theme)}
                </select>
            </label>
            <label class="checkbox">
                <input type="checkbox" name="soft_wrap" checked=current.soft_wrap/>
                " "{tr!(t, "preferences-wrap-long-lines-of-code")}
            </label>
            <label>
                {tr!(t, "preferences-tab-width")}
                <select name="tab_width">
                    {TAB_WIDTHS
                        .iter()
                        .map(|width| view! {
                            <option value=width.to_string() selected=*width == current.tab_width>
                                {tr!(t, "preferences-spaces", count = *width)}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {tr!(t, "preferences-new-gists-start")}
                <select name="default_visibility">
                    {choice("public", super::gist::visibility_label(t, "public"), &visibility)}
                    {choice("unlisted", super::gist::visibility_label(t, "unlisted"), &visibility)}
                    {choice("private", super::gist::visibility_label(t, "private"), &visibility)}
                </select>
            </label>
            {state}
            <button type="submit" class="button button-primary">{tr!(t, "preferences-save-preferences")}</button>
        </ActionForm>
    }
}
