//! A gist's history: every revision, newest first, with unified diffs per file.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::pages::{NoSuchPage, NotFound};
use crate::functions::gists::get_revisions;
use crate::views::revisions::{DiffLineKind, FileChangeView, RevisionView};

#[component]
pub fn RevisionsPage() -> impl IntoView {
    let t = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let history = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("user").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                query
                    .read()
                    .get("page")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1u64)
                    .max(1),
            )
        },
        |(user, id, page)| get_revisions(user, id, page),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr!(t, "revisions-loading")}</p> }>
            {move || Suspend::new(async move {
                match history.await {
                    Ok(view) if view.revisions.is_empty() => {
                        let first = format!("/{}/{}/revisions", view.owner, view.id);
                        view! { <NoSuchPage first pages=view.total_pages/> }.into_any()
                    }
                    Ok(view) => {
                        let back = format!("/{}/{}", view.owner, view.id);
                        let here = format!("/{}/{}/revisions", view.owner, view.id);
                        let link = move |page: u64| format!("{here}?page={page}");
                        let (page, pages) = (view.page, view.total_pages);
                        view! {
                            <Title text=tr!(t, "revisions-title", title = view.title.clone())/>
                            <section class="revisions">
                                <h1>
                                    <A href=back>{format!("{} / {}", view.owner, view.title)}</A>
                                    <span class="muted">" · "{tr!(t, "revisions-count", count = view.total)}</span>
                                </h1>
                                {view.revisions.into_iter().map(|revision| view! { <Revision revision/> }).collect_view()}
                                <nav class="pager">
                                    {(page > 1).then(|| view! { <A href=link(page - 1) attr:rel="prev">{tr!(t, "revisions-newer")}</A> })}
                                    <span>{tr!(t, "admin-page-of", page = page, pages = pages.max(1))}</span>
                                    {(page < pages).then(|| view! { <A href=link(page + 1) attr:rel="next">{tr!(t, "revisions-older")}</A> })}
                                </nav>
                            </section>
                        }
                        .into_any()
                    }
                    Err(_) => view! { <NotFound/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Revision(revision: RevisionView) -> impl IntoView {
    let t = use_i18n();
    view! {
        <article class="revision" id=format!("rev-{}", &revision.sha[..7])>
            <header class="revision-header">
                <strong>{revision.author.clone()}</strong>
                " "{tr!(t, "revisions-revised-this-gist")}" "
                <span class="muted">{revision.when.clone()}</span>
                <code>{revision.sha[..7].to_owned()}</code>
                <span class="spacer"></span>
                <span class="additions">{format!("+{}", revision.additions)}</span>
                <span class="deletions">{format!("−{}", revision.deletions)}</span>
            </header>
            {revision.files.into_iter().map(|file| view! { <FileChange file/> }).collect_view()}
        </article>
    }
}

#[component]
fn FileChange(file: FileChangeView) -> impl IntoView {
    let t = use_i18n();
    let title = match &file.old_name {
        Some(old) => format!("{old} → {}", file.name),
        None => file.name.clone(),
    };
    view! {
        <section class="file diff">
            <header class="file-header">
                <span class="file-name">{title}</span>
                <span class=format!("badge badge-{}", file.status)>{t.get(&format!("revisions-status-{}", file.status))}</span>
            </header>
            {file.large.map(|large| view! {
                <p class="large-file" role="note">
                    {tr!(t, "revisions-large-diff-only-its-start")}" "
                    {large.before.map(|href| view! { <a href=href>{tr!(t, "revisions-before")}</a> })}
                    " "
                    {large.after.map(|href| view! { <a href=href>{tr!(t, "revisions-after")}</a> })}
                </p>
            })}
            {if file.binary {
                view! { <p class="binary-note">{tr!(t, "revisions-binary-file-changed")}</p> }.into_any()
            } else {
                view! {
                    <pre class="diff-lines">
                        {file.lines.into_iter().map(|line| {
                            let class = match line.kind {
                                DiffLineKind::Hunk => "diff-line hunk",
                                DiffLineKind::Added => "diff-line add",
                                DiffLineKind::Removed => "diff-line del",
                                DiffLineKind::Context => "diff-line",
                            };
                            view! { <span class=class>{line.text}</span> }
                        }).collect_view()}
                    </pre>
                }
                .into_any()
            }}
        </section>
    }
}
