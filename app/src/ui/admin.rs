//! `/admin`: instance settings, users, gists and maintenance, for admins only. Anyone
//! else gets the 404 page: the panel does not exist for them.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::feedback::{confirm_submit, outcome};
use super::pages::NotFound;
use crate::functions::admin::{
    AdminCheck, AdminDeleteGist, AdminDeleteUser, AdminSetAdmin, InstanceSwitches,
    SaveAdminSettings, admin_gists, admin_settings, admin_users,
};

const TABS: [(&str, &str); 6] = [
    ("settings", "admin-tab-settings"),
    ("branding", "admin-tab-branding"),
    ("users", "admin-tab-users"),
    ("gists", "admin-tab-gists"),
    ("webhooks", "admin-tab-webhooks"),
    ("maintenance", "admin-tab-maintenance"),
];

fn failure(value: Option<Result<(), crate::Error>>) -> (Option<String>, bool) {
    (
        value
            .as_ref()
            .and_then(|r| r.as_ref().err())
            .map(|e| e.message()),
        matches!(value, Some(Ok(()))),
    )
}

fn page_number(value: Option<String>) -> u64 {
    value.and_then(|v| v.parse().ok()).unwrap_or(1).max(1)
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    let tab = move || {
        let wanted = query.read().get("tab").unwrap_or_default();
        TABS.iter()
            .map(|(name, _)| *name)
            .find(|name| *name == wanted)
            .unwrap_or("settings")
    };
    let save = ServerAction::<SaveAdminSettings>::new();
    // Also the admin check: anyone else gets an error, and so the 404 page.
    let settings = Resource::new(move || save.version().get(), |_| admin_settings());
    view! {
        <Transition fallback=move || view! { <p class="loading">{tr!(t, "admin-loading")}</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Err(_) => view! { <NotFound/> }.into_any(),
                    Ok(current) => view! {
                        <Title text=tr!(t, "admin-admin")/>
                        <section class="admin">
                            <h1>{tr!(t, "admin-administration")}</h1>
                            <nav class="tabs">
                                {TABS.iter().map(|(name, label)| view! {
                                    <A href=format!("/admin?tab={name}") attr:class=move || if tab() == *name { "tab active" } else { "tab" }>{t.get(label)}</A>
                                }).collect_view()}
                            </nav>
                            {move || match tab() {
                                "branding" => view! { <super::admin_branding::BrandingTab/> }.into_any(),
                                "users" => view! { <UsersTab/> }.into_any(),
                                "gists" => view! { <GistsTab/> }.into_any(),
                                "webhooks" => view! { <super::webhooks::WebhookSettings instance=true/> }.into_any(),
                                "maintenance" => view! { <MaintenanceTab/> }.into_any(),
                                _ => view! { <SettingsTab current save/> }.into_any(),
                            }}
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SettingsTab(current: InstanceSwitches, save: ServerAction<SaveAdminSettings>) -> impl IntoView {
    let t = use_i18n();
    let toggle = move |name: &'static str, key: &'static str, on: bool| {
        let (label, help) = (t.get(key), t.get(&format!("{key}-help")));
        view! {
            <label class="toggle">
                <input type="checkbox" name=name value="on" checked=on/>
                <span>
                    <strong>{label}</strong>
                    <small>{help}</small>
                </span>
            </label>
        }
    };
    view! {
        <ActionForm action=save attr:class="form admin-settings">
            {toggle("disable_signup", "admin-disable-signup", current.disable_signup)}
            {toggle("require_login", "admin-require-login", current.require_login)}
            {toggle("allow_individual_gists", "admin-allow-individual-gists", current.allow_individual_gists)}
            {toggle("api_enabled", "admin-api-enabled", current.api_enabled)}
            {toggle("require_admin_mfa", "admin-require-admin-mfa", current.require_admin_mfa)}
            {current.api_disabled_by_config.then(|| view! {
                <p class="form-note">{tr!(t, "admin-the-configuration-file-turns-the")}</p>
            })}
            <div class="editor-actions">
                <button type="submit" class="button button-primary">{tr!(t, "admin-save-settings")}</button>
            </div>
            {move || {
                let (error, done) = failure(save.value().get());
                outcome(error, done, tr!(t, "admin-settings-saved"))
            }}
        </ActionForm>
    }
}

#[component]
fn UsersTab() -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    let promote = ServerAction::<AdminSetAdmin>::new();
    let delete = ServerAction::<AdminDeleteUser>::new();
    let users = Resource::new(
        move || {
            (
                page_number(query.read().get("page")),
                promote.version().get() + delete.version().get(),
            )
        },
        |(page, _)| admin_users(page),
    );
    view! {
        {move || {
            let (error, _) = failure(promote.value().get());
            let (other, _) = failure(delete.value().get());
            outcome(error.or(other), false, "")
        }}
        <Transition fallback=move || view! { <p class="loading">{tr!(t, "admin-loading")}</p> }>
            {move || Suspend::new(async move {
                let Ok(list) = users.await else {
                    return view! { <p class="form-error">{tr!(t, "admin-could-not-load-the-users")}</p> }.into_any();
                };
                view! {
                    <p class="list-count">{tr!(t, "admin-users-count", count = list.total)}</p>
                    <table class="admin-table">
                        <thead><tr><th>{tr!(t, "admin-user")}</th><th>{tr!(t, "admin-email")}</th><th>{tr!(t, "admin-role")}</th><th>{tr!(t, "admin-gists")}</th><th>{tr!(t, "admin-joined")}</th><th></th></tr></thead>
                        <tbody>
                            {list.users.into_iter().map(|user| {
                                let (name, promote_name, delete_name) = (user.username.clone(), user.username.clone(), user.username.clone());
                                view! {
                                    <tr data-user=user.username.clone()>
                                        <td><A href=format!("/{name}")>{name.clone()}</A></td>
                                        <td>{user.email}</td>
                                        <td>{if user.is_admin { tr!(t, "admin-role-admin") } else { tr!(t, "admin-role-user") }}</td>
                                        <td>{user.gist_count}</td>
                                        <td>{user.joined}</td>
                                        <td class="row-actions">
                                            {(!user.is_you).then(|| view! {
                                                <ActionForm action=promote attr:class="inline-form">
                                                    <input type="hidden" name="username" value=promote_name.clone()/>
                                                    <input type="hidden" name="admin" value=(!user.is_admin).to_string()/>
                                                    <button type="submit" class="button button-small">
                                                        {if user.is_admin { tr!(t, "admin-demote") } else { tr!(t, "admin-make-admin") }}
                                                    </button>
                                                </ActionForm>
                                                <ActionForm action=delete attr:class="inline-form" on:submit=confirm_submit(tr!(t, "admin-confirm-delete-user"))>
                                                    <input type="hidden" name="username" value=delete_name.clone()/>
                                                    <button type="submit" class="button button-small button-danger">{tr!(t, "admin-delete")}</button>
                                                </ActionForm>
                                            })}
                                            {user.is_you.then(|| view! { <span class="muted">{tr!(t, "admin-you")}</span> })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <Pager tab="users" page=list.page total_pages=list.total_pages/>
                }
                .into_any()
            })}
        </Transition>
    }
}

#[component]
fn GistsTab() -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    let delete = ServerAction::<AdminDeleteGist>::new();
    let gists = Resource::new(
        move || {
            (
                page_number(query.read().get("page")),
                delete.version().get(),
            )
        },
        |(page, _)| admin_gists(page),
    );
    view! {
        {move || {
            let (error, _) = failure(delete.value().get());
            outcome(error, false, "")
        }}
        <Transition fallback=move || view! { <p class="loading">{tr!(t, "admin-loading")}</p> }>
            {move || Suspend::new(async move {
                let Ok(list) = gists.await else {
                    return view! { <p class="form-error">{tr!(t, "admin-could-not-load-the-gists")}</p> }.into_any();
                };
                view! {
                    <p class="list-count">{tr!(t, "admin-gists-count", count = list.total)}</p>
                    <table class="admin-table">
                        <thead><tr><th>{tr!(t, "admin-gist")}</th><th>{tr!(t, "admin-owner")}</th><th>{tr!(t, "admin-visibility")}</th><th>{tr!(t, "admin-files")}</th><th>{tr!(t, "admin-updated")}</th><th></th></tr></thead>
                        <tbody>
                            {list.cards.into_iter().map(|card| {
                                let href = format!("/{}/{}", card.owner, card.id);
                                let (row_id, form_id) = (card.id.clone(), card.id.clone());
                                view! {
                                <tr data-gist=row_id>
                                    <td><A href=href>{card.title.clone()}</A></td>
                                    <td><A href=format!("/{}", card.owner)>{card.owner.clone()}</A></td>
                                    <td><span class=format!("badge badge-{}", card.visibility)>{super::gist::visibility_label(t, &card.visibility)}</span></td>
                                    <td>{card.files.len()}</td>
                                    <td>{card.updated.clone()}</td>
                                    <td class="row-actions">
                                        <ActionForm action=delete attr:class="inline-form" on:submit=confirm_submit(tr!(t, "admin-confirm-delete-gist"))>
                                            <input type="hidden" name="id" value=form_id/>
                                            <button type="submit" class="button button-small button-danger">{tr!(t, "admin-delete")}</button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }}).collect_view()}
                        </tbody>
                    </table>
                    <Pager tab="gists" page=list.page total_pages=list.total_pages/>
                }
                .into_any()
            })}
        </Transition>
    }
}

#[component]
fn Pager(tab: &'static str, page: u64, total_pages: u64) -> impl IntoView {
    let t = use_i18n();
    let link = move |page: u64| format!("/admin?tab={tab}&page={page}");
    (total_pages > 1).then(|| {
        view! {
            <nav class="pager">
                {(page > 1).then(|| view! { <A href=link(page - 1) attr:rel="prev">{tr!(t, "admin-previous")}</A> })}
                <span>{tr!(t, "admin-page-of", page = page, pages = total_pages)}</span>
                {(page < total_pages).then(|| view! { <A href=link(page + 1) attr:rel="next">{tr!(t, "admin-next")}</A> })}
            </nav>
        }
    })
}

#[component]
fn MaintenanceTab() -> impl IntoView {
    let t = use_i18n();
    let check = ServerAction::<AdminCheck>::new();
    let list = move |key: &'static str, ids: Vec<String>| {
        let (title, meaning) = (
            tr!(
                t,
                "admin-report-count",
                title = t.get(key),
                count = ids.len()
            ),
            t.get(&format!("{key}-help")),
        );
        (!ids.is_empty()).then(|| {
            view! {
                <h3>{title}</h3>
                <p class="muted">{meaning}</p>
                <ul class="id-list">{ids.into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <div class="maintenance">
            <super::maintenance::MaintenanceJobs/>
            <h2>{tr!(t, "admin-consistency-check")}</h2>
            <p>{tr!(t, "admin-compares-every-gist-in-the")}" "
                <code>"gistful admin job repair"</code>{tr!(t, "admin-repairs-safely-while-the-server")}</p>
            <ActionForm action=check attr:class="inline-form">
                <button type="submit" class="button button-primary" disabled=move || check.pending().get()>
                    {tr!(t, "admin-run-consistency-check")}
                </button>
            </ActionForm>
            {move || check.value().get().map(|result| match result {
                Err(e) => view! { <p class="form-error" role="alert">{e.message()}</p> }.into_any(),
                Ok(report) => {
                    let clean = report.missing_repositories.is_empty()
                        && report.orphan_repositories.is_empty()
                        && report.stale_rows.is_empty();
                    view! {
                        <div class="report" role="status">
                            <p>
                                <strong>{tr!(t, "admin-checked-gists", count = report.gists_checked)}</strong>" "
                                {if clean { tr!(t, "admin-consistent") } else { tr!(t, "admin-problems-found") }}
                            </p>
                            {list("admin-missing-repositories", report.missing_repositories)}
                            {list("admin-orphan-repositories", report.orphan_repositories)}
                            {list("admin-stale-rows", report.stale_rows)}
                        </div>
                    }
                    .into_any()
                }
            })}
        </div>
    }
}
