//! A gist's lifecycle on its page and in the editor: the expiry, custom URL and comments
//! fields, the "archived" and "expires in" badges, the owner's archive and pin buttons,
//! and the pinned gists of a profile. Every field is checked as it is typed by the rule
//! the server applies on save.

use crate::i18n::{I18n, use_i18n};
use crate::tr;
use leptos::prelude::*;
use leptos_router::components::A;

use super::feedback::{FieldError, aria_invalid};
use crate::functions::lifecycle::{ArchiveGist, MovePin, PinGist, pinned_gists};
use crate::rules::Comments;
use crate::rules::lifecycle::{EXPIRY_PRESETS, validate_slug};

/// Expiry, custom URL and comments: the editor's "options" (new and edit). `expires_at`
/// is the current expiry (RFC 3339) when editing a gist that has one.
#[component]
pub fn LifecycleFields(
    expires_at: Option<String>,
    slug: String,
    comments: String,
) -> impl IntoView {
    let t = use_i18n();
    let typed = RwSignal::new(slug.clone());
    let slug_error = Signal::derive(move || {
        let slug = typed.get();
        (!slug.trim().is_empty())
            .then(|| validate_slug(slug.trim()).err())
            .flatten()
            .map(|e| e.message)
    });
    let keep = expires_at.clone().map(|at| {
        view! { <option value="keep" selected=true>{tr!(t, "lifecycle-keep", time = short_time(&at))}</option> }
    });
    let has_expiry = expires_at.is_some();
    view! {
        <fieldset class="gist-options">
            <legend>{tr!(t, "lifecycle-options")}</legend>
            <label class="inline">
                {tr!(t, "lifecycle-expires")}" "
                <select name="options[expires]">
                    {keep}
                    <option value="never" selected=!has_expiry>{tr!(t, "lifecycle-never")}</option>
                    {EXPIRY_PRESETS
                        .iter()
                        .map(|(code, _, seconds)| view! { <option value=*code>{expiry_preset(t, *seconds)}</option> })
                        .collect_view()}
                    <option value="custom">{tr!(t, "lifecycle-at-the-date-below-utc")}</option>
                </select>
            </label>
            <label class="inline">
                {tr!(t, "lifecycle-date-utc")}" "
                <input type="datetime-local" name="options[expires_custom]"/>
            </label>
            <label>
                {tr!(t, "lifecycle-custom-url")}
                <input name="options[slug]" value=slug maxlength="64" placeholder=tr!(t, "lifecycle-e-g-my-notes-optional")
                    aria-describedby="slug-error" aria-invalid=aria_invalid(slug_error)
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
            </label>
            <FieldError id="slug-error" message=slug_error/>
            <label class="inline">
                {tr!(t, "lifecycle-comments")}" "
                <select name="options[comments]">
                    {Comments::ALL
                        .into_iter()
                        .map(|mode| view! {
                            <option value=mode.as_str() selected=comments == mode.as_str()>{mode.label()}</option>
                        })
                        .collect_view()}
                </select>
            </label>
        </fieldset>
    }
}

/// "In 12 hours", "In 7 days": an expiry preset of `seconds`.
fn expiry_preset(t: I18n, seconds: i64) -> String {
    if seconds % 86_400 == 0 {
        tr!(t, "lifecycle-in-days", count = seconds / 86_400)
    } else {
        tr!(t, "lifecycle-in-hours", count = seconds / 3_600)
    }
}

/// `2027-01-31T18:00:00+00:00` as `2027-01-31 18:00 UTC`.
fn short_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|at| {
            at.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// The "archived" badge and "expires in 3 days" (the exact time on hover).
#[component]
pub fn LifecycleBadges(
    archived: bool,
    expires_at: Option<String>,
    expires_in: Option<String>,
) -> impl IntoView {
    let t = use_i18n();
    view! {
        {archived.then(|| view! { <span class="badge badge-archived" title=tr!(t, "lifecycle-read-only")>{tr!(t, "lifecycle-archived")}</span> })}
        {expires_in.map(|words| view! {
            <span class="expires" title=expires_at.as_deref().map(short_time).unwrap_or_default()>{words}</span>
        })}
    }
}

/// The owner's archive and pin buttons on the gist page.
#[component]
pub fn LifecycleActions(id: String, archived: bool, pinned: bool, can_pin: bool) -> impl IntoView {
    let t = use_i18n();
    let archive = expect_context::<ServerAction<ArchiveGist>>();
    let pin = expect_context::<ServerAction<PinGist>>();
    let error = move || {
        let failed =
            |r: Option<Result<(), crate::Error>>| r.and_then(|r| r.err()).map(|e| e.message());
        failed(archive.value().get()).or_else(|| failed(pin.value().get()))
    };
    let pin_id = id.clone();
    view! {
        <ActionForm action=archive attr:class="inline-form">
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="archived" value=(!archived).to_string()/>
            <button type="submit" class="button button-small">
                {if archived { tr!(t, "lifecycle-unarchive") } else { tr!(t, "lifecycle-archive") }}
            </button>
        </ActionForm>
        {(can_pin || pinned).then(|| view! {
            <ActionForm action=pin attr:class="inline-form">
                <input type="hidden" name="id" value=pin_id.clone()/>
                <input type="hidden" name="pin" value=(!pinned).to_string()/>
                <button type="submit" class="button button-small" aria-pressed=pinned.to_string()>
                    {if pinned { tr!(t, "lifecycle-unpin-profile") } else { tr!(t, "lifecycle-pin") }}
                </button>
            </ActionForm>
        })}
        {move || error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
}

/// The pinned gists at the top of a profile; their owner may reorder or unpin them.
#[component]
pub fn PinnedGists(user: Signal<String>) -> impl IntoView {
    let t = use_i18n();
    let moved = ServerAction::<MovePin>::new();
    let unpin = ServerAction::<PinGist>::new();
    let pinned = Resource::new(
        move || (user.get(), moved.version().get(), unpin.version().get()),
        |(user, _, _)| pinned_gists(user),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(list) = pinned.await else { return ().into_any() };
                if list.cards.is_empty() {
                    return ().into_any();
                }
                let mine = list.mine;
                let last = list.cards.len() - 1;
                view! {
                    <section class="pinned" aria-label=tr!(t, "lifecycle-pinned-gists")>
                        <h2>{tr!(t, "lifecycle-pinned")}</h2>
                        <ol class="pinned-list">
                            {list.cards.into_iter().enumerate().map(|(i, card)| {
                                let href = format!("/{}/{}", card.owner, card.id);
                                let (up, down, off) = (card.id.clone(), card.id.clone(), card.id.clone());
                                view! {
                                    <li class="pinned-card">
                                        <A href=href>{card.title.clone()}</A>
                                        <p class="muted">{card.description.clone()}</p>
                                        {mine.then(|| view! {
                                            <div class="pin-controls">
                                                {(i > 0).then(|| view! {
                                                    <ActionForm action=moved attr:class="inline-form">
                                                        <input type="hidden" name="id" value=up.clone()/>
                                                        <input type="hidden" name="up" value="true"/>
                                                        <button type="submit" class="button button-small" aria-label=tr!(t, "lifecycle-move-up")>"↑"</button>
                                                    </ActionForm>
                                                })}
                                                {(i < last).then(|| view! {
                                                    <ActionForm action=moved attr:class="inline-form">
                                                        <input type="hidden" name="id" value=down.clone()/>
                                                        <input type="hidden" name="up" value="false"/>
                                                        <button type="submit" class="button button-small" aria-label=tr!(t, "lifecycle-move-down")>"↓"</button>
                                                    </ActionForm>
                                                })}
                                                <ActionForm action=unpin attr:class="inline-form">
                                                    <input type="hidden" name="id" value=off.clone()/>
                                                    <input type="hidden" name="pin" value="false"/>
                                                    <button type="submit" class="button button-small">{tr!(t, "lifecycle-unpin")}</button>
                                                </ActionForm>
                                            </div>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
