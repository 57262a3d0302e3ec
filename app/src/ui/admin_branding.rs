//! The admin panel's "Branding" tab: the instance's name, footer links, accent colour
//! and defaults (one form, a server function), and its logo and favicon (plain
//! `multipart/form-data` forms to `/sfn/brand_image`, so they work without JavaScript;
//! the server answers with this tab again, saying what it did or why it refused).

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::feedback::outcome;
use crate::functions::admin::{BrandForm, RemoveBrandImage, SaveBranding, admin_branding};
use crate::rules::branding::Accent;

/// Where the image forms post.
pub const UPLOAD_URL: &str = "/sfn/brand_image";

#[component]
pub fn BrandingTab() -> impl IntoView {
    let t = use_i18n();
    let save = ServerAction::<SaveBranding>::new();
    let remove = ServerAction::<RemoveBrandImage>::new();
    // Every page wears the branding from its first render: after a change, load the page
    // again so the header, footer and colours follow.
    Effect::new(move |_| {
        let saved = matches!(save.value().get(), Some(Ok(())))
            || matches!(remove.value().get(), Some(Ok(())));
        #[cfg(feature = "hydrate")]
        if saved && let Some(window) = leptos::web_sys::window() {
            let _ = window.location().reload();
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = saved;
    });
    let form = Resource::new(
        move || (save.version().get(), remove.version().get()),
        |_| admin_branding(),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr!(t, "admin-loading")}</p> }>
            {move || Suspend::new(async move {
                match form.await {
                    Err(e) => view! { <p class="form-error" role="alert">{e.message()}</p> }.into_any(),
                    Ok(current) => view! {
                        <div class="branding">
                            <ImageUpload kind="logo" title_key="admin-brand-logo" current=current.logo.clone() pinned=current.logo_pinned max_kib=current.image_max_kib remove/>
                            <ImageUpload kind="favicon" title_key="admin-brand-favicon" current=current.favicon.clone() pinned=current.favicon_pinned max_kib=current.image_max_kib remove/>
                            <BrandSettings current save/>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BrandSettings(current: BrandForm, save: ServerAction<SaveBranding>) -> impl IntoView {
    let t = use_i18n();
    let pinned_note = move |pinned: bool| {
        pinned.then(|| view! { <small class="form-note">{tr!(t, "admin-brand-pinned")}</small> })
    };
    let option = move |value: &'static str, key: &'static str, chosen: &str| {
        view! { <option value=value selected=chosen == value>{t.get(key)}</option> }
    };
    view! {
        <ActionForm action=save attr:class="form brand-settings">
            <h2>{tr!(t, "admin-tab-branding")}</h2>
            <label for="brand-name">{tr!(t, "admin-brand-name")}</label>
            <input id="brand-name" name="name" type="text" maxlength=crate::rules::branding::NAME_MAX
                value=current.name.clone() disabled=current.name_pinned aria-describedby="brand-name-help"/>
            <small id="brand-name-help" class="muted">{tr!(t, "admin-brand-name-help")}</small>
            {pinned_note(current.name_pinned)}
            // A disabled field is not sent: the value saved stays as it is.
            {current.name_pinned.then(|| view! { <input type="hidden" name="name" value=current.name.clone()/> })}

            <label for="brand-links">{tr!(t, "admin-brand-links")}</label>
            <textarea id="brand-links" name="links" rows="4" disabled=current.links_pinned
                aria-describedby="brand-links-help">{current.links.clone()}</textarea>
            <small id="brand-links-help" class="muted">{tr!(t, "admin-brand-links-help")}</small>
            {pinned_note(current.links_pinned)}
            {current.links_pinned.then(|| view! { <input type="hidden" name="links" value=current.links.clone()/> })}

            <fieldset class="accent-choices">
                <legend>{tr!(t, "admin-brand-accent")}</legend>
                {Accent::ALL.into_iter().map(|accent| {
                    let (light, dark) = accent.text();
                    let id = format!("accent-{}", accent.as_str());
                    let label_for = id.clone();
                    let checked = current.accent == accent.as_str();
                    view! {
                        <label for=label_for class="accent-choice">
                            <input type="radio" id=id name="accent" value=accent.as_str() checked=checked/>
                            <span class="swatch" aria-hidden="true" style=format!("background: light-dark({light}, {dark})")></span>
                            {t.get(&format!("admin-brand-accent-{}", accent.as_str()))}
                        </label>
                    }
                }).collect_view()}
            </fieldset>

            <label for="brand-theme">{tr!(t, "admin-brand-theme")}</label>
            <select id="brand-theme" name="theme">
                {option("system", "preferences-theme-system", &current.theme)}
                {option("light", "preferences-theme-light", &current.theme)}
                {option("dark", "preferences-theme-dark", &current.theme)}
            </select>

            <label for="brand-sort">{tr!(t, "admin-brand-sort")}</label>
            <select id="brand-sort" name="sort">
                {option("updated", "lists-recently-updated", &current.sort)}
                {option("created", "lists-newest", &current.sort)}
            </select>

            <label class="toggle">
                <input type="checkbox" name="soft_wrap" value="on" checked=current.soft_wrap/>
                <span>
                    <strong>{tr!(t, "admin-brand-soft-wrap")}</strong>
                    <small>{tr!(t, "admin-brand-soft-wrap-help")}</small>
                </span>
            </label>
            <div class="editor-actions">
                <button type="submit" class="button button-primary">{tr!(t, "admin-brand-save")}</button>
            </div>
            {move || {
                let value = save.value().get();
                let error = value.as_ref().and_then(|r| r.as_ref().err()).map(|e| e.message());
                outcome(error, matches!(value, Some(Ok(()))), tr!(t, "admin-brand-saved"))
            }}
        </ActionForm>
    }
}

/// One image: what is there now, a file field to replace it, and a way to remove it.
#[component]
fn ImageUpload(
    kind: &'static str,
    title_key: &'static str,
    current: Option<String>,
    pinned: bool,
    max_kib: usize,
    remove: ServerAction<RemoveBrandImage>,
) -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    // What the last upload of this image came back with.
    let answer = move || {
        let q = query.read();
        if q.get("image").as_deref() != Some(kind) {
            return None;
        }
        match q.get("refused") {
            Some(code) => {
                let message = match code.as_str() {
                    "too-large" => tr!(t, "brand-refused-too-large", kib = max_kib),
                    "too-many-pixels" => tr!(
                        t,
                        "brand-refused-too-many-pixels",
                        pixels = crate::rules::branding::PIXELS_MAX
                    ),
                    "not-an-image" => tr!(t, "brand-refused-not-an-image"),
                    "unsafe-svg" => tr!(t, "brand-refused-unsafe-svg"),
                    _ => tr!(t, "brand-refused-empty"),
                };
                Some(view! { <p class="form-error" role="alert" id=format!("{kind}-refused")>{message}</p> }.into_any())
            }
            None => Some(
                view! { <p class="form-ok" role="status">{tr!(t, "admin-brand-uploaded")}</p> }
                    .into_any(),
            ),
        }
    };
    let field = format!("brand-{kind}-file");
    let has_image = current.is_some();
    view! {
        <section class="brand-image">
            <h2>{t.get(title_key)}</h2>
            <div class="brand-image-now">
                {match current {
                    Some(url) => view! { <img src=url alt=t.get(title_key) class=format!("brand-preview brand-preview-{kind}")/> }.into_any(),
                    None => view! { <p class="muted">{tr!(t, "admin-brand-none")}</p> }.into_any(),
                }}
            </div>
            {if pinned {
                view! { <p class="form-note">{tr!(t, "admin-brand-pinned")}</p> }.into_any()
            } else {
                view! {
                    <form class="form inline-form" method="post" action=UPLOAD_URL enctype="multipart/form-data">
                        <input type="hidden" name="kind" value=kind/>
                        <label for=field.clone()>{tr!(t, "admin-brand-choose-file")}</label>
                        <input id=field.clone() type="file" name="file" required=true
                            accept="image/png,image/jpeg,image/gif,image/webp,image/x-icon,image/svg+xml"
                            aria-describedby=format!("{field}-help")/>
                        <small id=format!("{field}-help") class="muted">{tr!(t, "admin-brand-image-help", kib = max_kib)}</small>
                        <button type="submit" class="button">{tr!(t, "admin-brand-upload")}</button>
                    </form>
                    {has_image.then(|| view! {
                        <ActionForm action=remove attr:class="inline-form">
                            <input type="hidden" name="kind" value=kind/>
                            <button type="submit" class="button button-danger">{tr!(t, "admin-brand-remove")}</button>
                        </ActionForm>
                    })}
                }
                .into_any()
            }}
            {answer}
        </section>
    }
}
