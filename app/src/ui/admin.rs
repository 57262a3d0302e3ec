//! `/admin`: instance settings, users, gists and maintenance, for admins only. Anyone
//! else gets the 404 page: the panel does not exist for them.

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

const TABS: [(&str, &str); 4] = [
    ("settings", "Settings"),
    ("users", "Users"),
    ("gists", "Gists"),
    ("maintenance", "Maintenance"),
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
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Err(_) => view! { <NotFound/> }.into_any(),
                    Ok(current) => view! {
                        <Title text="Admin"/>
                        <section class="admin">
                            <h1>"Administration"</h1>
                            <nav class="tabs">
                                {TABS.iter().map(|(name, label)| view! {
                                    <A href=format!("/admin?tab={name}") attr:class=move || if tab() == *name { "tab active" } else { "tab" }>{*label}</A>
                                }).collect_view()}
                            </nav>
                            {move || match tab() {
                                "users" => view! { <UsersTab/> }.into_any(),
                                "gists" => view! { <GistsTab/> }.into_any(),
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
    let toggle = move |name: &'static str, label: &'static str, help: &'static str, on: bool| {
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
            {toggle("disable_signup", "Disable signup", "Nobody can register; admins create accounts with the gistful admin create-user command.", current.disable_signup)}
            {toggle("require_login", "Require login", "Every page, API call, raw file and clone needs a signed-in user.", current.require_login)}
            {toggle("allow_individual_gists", "Allow individual gists without login", "With \"require login\": a single gist stays readable by anyone with its link.", current.allow_individual_gists)}
            {toggle("api_enabled", "REST API enabled", "The /api endpoints for scripts and gist clients.", current.api_enabled)}
            {toggle("require_admin_mfa", "Require a second factor for admins", "Admins without an authenticator app or a passkey are sent to set one up when they sign in, and cannot use this panel until they do.", current.require_admin_mfa)}
            {current.api_disabled_by_config.then(|| view! {
                <p class="form-note">"The configuration file turns the API off (api.enabled: false); that wins over this switch."</p>
            })}
            <div class="editor-actions">
                <button type="submit" class="button button-primary">"Save settings"</button>
            </div>
            {move || {
                let (error, done) = failure(save.value().get());
                outcome(error, done, "Settings saved.")
            }}
        </ActionForm>
    }
}

#[component]
fn UsersTab() -> impl IntoView {
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
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(list) = users.await else {
                    return view! { <p class="form-error">"Could not load the users."</p> }.into_any();
                };
                view! {
                    <p class="list-count">{format!("{} user{}", list.total, if list.total == 1 { "" } else { "s" })}</p>
                    <table class="admin-table">
                        <thead><tr><th>"User"</th><th>"Email"</th><th>"Role"</th><th>"Gists"</th><th>"Joined"</th><th></th></tr></thead>
                        <tbody>
                            {list.users.into_iter().map(|user| {
                                let (name, promote_name, delete_name) = (user.username.clone(), user.username.clone(), user.username.clone());
                                view! {
                                    <tr data-user=user.username.clone()>
                                        <td><A href=format!("/{name}")>{name.clone()}</A></td>
                                        <td>{user.email}</td>
                                        <td>{if user.is_admin { "Admin" } else { "User" }}</td>
                                        <td>{user.gist_count}</td>
                                        <td>{user.joined}</td>
                                        <td class="row-actions">
                                            {(!user.is_you).then(|| view! {
                                                <ActionForm action=promote attr:class="inline-form">
                                                    <input type="hidden" name="username" value=promote_name.clone()/>
                                                    <input type="hidden" name="admin" value=(!user.is_admin).to_string()/>
                                                    <button type="submit" class="button button-small">
                                                        {if user.is_admin { "Demote" } else { "Make admin" }}
                                                    </button>
                                                </ActionForm>
                                                <ActionForm action=delete attr:class="inline-form" on:submit=confirm_submit("Delete this user with all their gists?")>
                                                    <input type="hidden" name="username" value=delete_name.clone()/>
                                                    <button type="submit" class="button button-small button-danger">"Delete"</button>
                                                </ActionForm>
                                            })}
                                            {user.is_you.then(|| view! { <span class="muted">"you"</span> })}
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
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(list) = gists.await else {
                    return view! { <p class="form-error">"Could not load the gists."</p> }.into_any();
                };
                view! {
                    <p class="list-count">{format!("{} gist{}", list.total, if list.total == 1 { "" } else { "s" })}</p>
                    <table class="admin-table">
                        <thead><tr><th>"Gist"</th><th>"Owner"</th><th>"Visibility"</th><th>"Files"</th><th>"Updated"</th><th></th></tr></thead>
                        <tbody>
                            {list.cards.into_iter().map(|card| {
                                let href = format!("/{}/{}", card.owner, card.id);
                                let (row_id, form_id) = (card.id.clone(), card.id.clone());
                                view! {
                                <tr data-gist=row_id>
                                    <td><A href=href>{card.title.clone()}</A></td>
                                    <td><A href=format!("/{}", card.owner)>{card.owner.clone()}</A></td>
                                    <td><span class=format!("badge badge-{}", card.visibility)>{card.visibility.clone()}</span></td>
                                    <td>{card.files.len()}</td>
                                    <td>{card.updated.clone()}</td>
                                    <td class="row-actions">
                                        <ActionForm action=delete attr:class="inline-form" on:submit=confirm_submit("Delete this gist and its history?")>
                                            <input type="hidden" name="id" value=form_id/>
                                            <button type="submit" class="button button-small button-danger">"Delete"</button>
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
    let link = move |page: u64| format!("/admin?tab={tab}&page={page}");
    (total_pages > 1).then(|| {
        view! {
            <nav class="pager">
                {(page > 1).then(|| view! { <A href=link(page - 1) attr:rel="prev">"← Previous"</A> })}
                <span>{format!("Page {page} of {total_pages}")}</span>
                {(page < total_pages).then(|| view! { <A href=link(page + 1) attr:rel="next">"Next →"</A> })}
            </nav>
        }
    })
}

#[component]
fn MaintenanceTab() -> impl IntoView {
    let check = ServerAction::<AdminCheck>::new();
    let list = |title: &'static str, ids: Vec<String>, meaning: &'static str| {
        (!ids.is_empty()).then(|| {
            view! {
                <h3>{format!("{title} ({})", ids.len())}</h3>
                <p class="muted">{meaning}</p>
                <ul class="id-list">{ids.into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <div class="maintenance">
            <super::maintenance::MaintenanceJobs/>
            <h2>"Consistency check"</h2>
            <p>"Compares every gist in the database with its git repository and only reports; the job “Check and repair” above (or "
                <code>"gistful admin job repair"</code>") repairs, safely while the server runs: it never deletes, and leaves writes in progress alone."</p>
            <ActionForm action=check attr:class="inline-form">
                <button type="submit" class="button button-primary" disabled=move || check.pending().get()>
                    "Run consistency check"
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
                                <strong>{format!("Checked {} gists: ", report.gists_checked)}</strong>
                                {if clean { "everything is consistent." } else { "problems found." }}
                            </p>
                            {list("Missing repositories", report.missing_repositories, "Gists whose repository is gone.")}
                            {list("Orphan repositories", report.orphan_repositories, "Repositories no gist refers to.")}
                            {list("Out-of-date rows", report.stale_rows, "Rows that describe another revision than the repository's head.")}
                        </div>
                    }
                    .into_any()
                }
            })}
        </div>
    }
}
