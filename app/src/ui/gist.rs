//! The gist page and the new-gist editor.

use crate::i18n::{I18n, use_i18n};
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::auth::AuthActions;
use super::comments::Comments;
use super::feedback::{FieldError, aria_invalid, confirm_submit};
use super::lifecycle::{LifecycleActions, LifecycleBadges, LifecycleFields};
use super::lists::Topics;
use super::pages::NotFound;
use super::tasks::{MarkdownFile, TaskTarget};
use crate::functions::auth::current_user;
use crate::functions::gists::{
    CreateGist, DeleteGist, ForkGist, StarGist, UpdateGist, get_gist, load_for_edit,
};
use crate::functions::lifecycle::{ArchiveGist, PinGist};
use crate::rules::language::{LANGUAGES, effective_language, language_for};
use crate::rules::{parse_topics, validate_filename};
use crate::views::editor::{EditableFile, EditableGist};
use crate::views::gist::{FileKind, FileView, GistView};

/// `1.2 MB`, `340 KB`, `12 bytes`, in the page's language.
fn human_size(t: I18n, bytes: i64) -> String {
    match bytes {
        b if b >= 1_000_000 => tr!(t, "gist-size-mb", size = (b / 100_000) as f64 / 10.0),
        b if b >= 1_000 => tr!(t, "gist-size-kb", size = b / 1_000),
        b => tr!(t, "gist-size-bytes", count = b),
    }
}

/// "public", "unlisted", "private" as the page's language says them.
pub fn visibility_label(t: I18n, visibility: &str) -> String {
    match visibility {
        "public" => tr!(t, "visibility-public"),
        "private" => tr!(t, "visibility-private"),
        _ => tr!(t, "visibility-unlisted"),
    }
}

/// Files with more shown lines than this number their lines without a link per line.
const LINKED_LINES_MAX: usize = 5_000;

/// An id fragment for anchors: file names may hold anything.
fn anchor(name: &str) -> String {
    crate::rules::file_anchor(name)
}

#[component]
pub fn GistPage() -> impl IntoView {
    let t = use_i18n();
    let params = use_params_map();
    let star = ServerAction::<StarGist>::new();
    let archive = ServerAction::<ArchiveGist>::new();
    let pin = ServerAction::<PinGist>::new();
    // Re-read after starring, archiving or pinning, so counts and buttons show the new
    // state.
    let gist = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("user").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                star.version().get(),
                archive.version().get(),
                pin.version().get(),
            )
        },
        |(user, id, ..)| get_gist(user, id),
    );
    provide_context(star);
    provide_context(archive);
    provide_context(pin);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr!(t, "gist-loading")}</p> }>
            {move || Suspend::new(async move {
                match gist.await {
                    Ok(gist) => view! { <GistBody gist/> }.into_any(),
                    Err(_) => view! { <NotFound/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GistBody(gist: GistView) -> impl IntoView {
    let t = use_i18n();
    let heading = if gist.title.is_empty() {
        gist.files
            .first()
            .map(|f| f.name.clone())
            .unwrap_or_default()
    } else {
        gist.title.clone()
    };
    let owner_href = format!("/{}", gist.owner);
    let owner_name = gist.owner.clone();
    let base = format!("/{}/{}", gist.owner, gist.id);
    let revisions_href = format!("{base}/revisions");
    // The owner ticks task boxes on their own (not archived) gist; everyone else reads them.
    let tasks = (gist.is_owner && !gist.archived).then(|| TaskTarget {
        gist: StoredValue::new(gist.id.clone()),
        revision: RwSignal::new(gist.revision.clone()),
    });
    let preview_title = format!("{} / {heading}", gist.owner);
    view! {
        <Title text=heading.clone()/>
        // Link previews in chats and social sites (Open Graph, Twitter cards).
        <Meta property="og:site_name" content=super::branding::use_branding().name.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:title" content=preview_title.clone()/>
        <Meta property="og:description" content=gist.preview.clone()/>
        <Meta property="og:url" content=gist.page_url.clone()/>
        <Meta name="twitter:card" content="summary"/>
        <Meta name="twitter:title" content=preview_title/>
        <Meta name="twitter:description" content=gist.preview.clone()/>
        <Meta name="description" content=gist.preview.clone()/>
        <article class="gist">
            <header class="gist-header">
                <div class="gist-title">
                    <img class="avatar" src=format!("/avatars/{}.svg", gist.owner) alt="" width="32" height="32"/>
                    <h1>
                        <A href=owner_href>{owner_name}</A>
                        " / "
                        <span class="gist-name">{heading}</span>
                    </h1>
                    <span class=format!("badge badge-{}", gist.visibility)>{visibility_label(t, &gist.visibility)}</span>
                    <LifecycleBadges archived=gist.archived expires_at=gist.expires_at.clone() expires_in=gist.expires_in.clone()/>
                </div>
                {gist.forked_from.clone().map(|parent| view! {
                    <p class="forked-from">{tr!(t, "gist-forked-from")}" " <A href=format!("/{parent}")>{parent.clone()}</A></p>
                })}
                {(!gist.description.is_empty()).then(|| view! { <p class="gist-description">{gist.description.clone()}</p> })}
                {(!gist.topics.is_empty()).then(|| view! { <Topics topics=gist.topics.clone()/> })}
                <div class="gist-meta">
                    <span>{tr!(t, "gist-files-count", count = gist.files.len())}</span>
                    <A href=format!("{base}/stargazers")>{format!("★ {}", gist.star_count)}</A>
                    <A href=format!("{base}/forks")>{tr!(t, "count-forks", count = gist.fork_count)}</A>
                    <A href=revisions_href>{tr!(t, "gist-revisions")}</A>
                    {gist.custom_url.clone().map(|url| view! { <A href=url.clone() attr:class="custom-url">{url.clone()}</A> })}
                </div>
                <div class="gist-actions">
                    <CloneBox https=gist.clone_url.clone() ssh=gist.ssh_clone_url.clone()/>
                    {gist.embed.clone().map(|snippet| view! { <CopyBox id="copy-embed" label=tr!(t, "gist-embed") url=snippet/> })}
                    <a class="button button-small" href=gist.zip_url.clone() download="">{tr!(t, "gist-download-zip")}</a>
                    <GistActions
                        id=gist.id.clone()
                        owner=gist.owner.clone()
                        starred=gist.starred
                        stars=gist.star_count
                        is_owner=gist.is_owner
                        signed_in=gist.signed_in
                        archived=gist.archived
                    />
                    {gist.is_owner.then(|| view! {
                        <LifecycleActions id=gist.id.clone() archived=gist.archived pinned=gist.pinned can_pin=gist.can_pin/>
                    })}
                </div>
            </header>
            {gist.files.into_iter().map(|file| view! { <FileBox file tasks code_class=gist.code_class.clone()/> }).collect_view()}
            <Comments gist_id=gist.id.clone() signed_in=gist.signed_in closed=gist.comments_closed.clone() shown=gist.comments_shown/>
        </article>
    }
}

#[component]
fn GistActions(
    id: String,
    owner: String,
    starred: bool,
    stars: i32,
    is_owner: bool,
    signed_in: bool,
    archived: bool,
) -> impl IntoView {
    let t = use_i18n();
    let star = expect_context::<ServerAction<StarGist>>();
    let fork = ServerAction::<ForkGist>::new();
    let delete = ServerAction::<DeleteGist>::new();
    let error = move || {
        let failed =
            |r: Option<Result<(), crate::Error>>| r.and_then(|r| r.err()).map(|e| e.message());
        failed(star.value().get())
            .or_else(|| failed(fork.value().get()))
            .or_else(|| failed(delete.value().get()))
    };
    if !signed_in {
        return view! {
            <span class="star-count">{format!("★ {stars}")}</span>
            <A href="/login" attr:class="button button-small">{tr!(t, "gist-log-in-to-star-or")}</A>
        }
        .into_any();
    }
    let (fork_id, delete_id, edit_id) = (id.clone(), id.clone(), id.clone());
    view! {
        <ActionForm action=star attr:class="inline-form">
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="star" value=(!starred).to_string()/>
            <button type="submit" class="button button-small star-button" aria-pressed=starred.to_string()>
                {if starred { tr!(t, "gist-unstar") } else { tr!(t, "gist-star") }}
                <span class="count">{stars}</span>
            </button>
        </ActionForm>
        {(!is_owner).then(|| view! {
            <ActionForm action=fork attr:class="inline-form">
                <input type="hidden" name="id" value=fork_id.clone()/>
                <button type="submit" class="button button-small">{tr!(t, "gist-fork")}</button>
            </ActionForm>
        })}
        {(is_owner && !archived).then(|| view! { <A href=format!("/{owner}/{}/edit", edit_id) attr:class="button button-small">{tr!(t, "gist-edit")}</A> })}
        {is_owner.then(|| view! {
            <ActionForm action=delete attr:class="inline-form" on:submit=confirm_submit(tr!(t, "admin-confirm-delete-gist"))>
                <input type="hidden" name="id" value=delete_id.clone()/>
                <button type="submit" class="button button-small button-danger">{tr!(t, "gist-delete")}</button>
            </ActionForm>
        })}
        {move || error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
    .into_any()
}

/// A read-only value with a copy button: the clone URL, the embed snippet.
#[component]
fn CopyBox(id: &'static str, label: String, url: String) -> impl IntoView {
    let t = use_i18n();
    let copied = RwSignal::new(false);
    let value = url.clone();
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&value);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &value;
        copied.set(true);
    };
    view! {
        <div class="clone-box">
            <label for=id>{label}</label>
            <input id=id readonly value=url/>
            <button type="button" class="button button-small" on:click=copy>
                {move || if copied.get() { tr!(t, "gist-copied") } else { tr!(t, "gist-copy") }}
            </button>
        </div>
    }
}

/// The clone URL, over HTTPS or (when the instance serves it) SSH.
#[component]
fn CloneBox(https: String, ssh: Option<String>) -> impl IntoView {
    let t = use_i18n();
    let over_ssh = RwSignal::new(false);
    let has_ssh = ssh.is_some();
    let url = Signal::derive(move || match (&ssh, over_ssh.get()) {
        (Some(ssh), true) => ssh.clone(),
        _ => https.clone(),
    });
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window
                .navigator()
                .clipboard()
                .write_text(&url.get_untracked());
        }
        copied.set(true);
    };
    let choose = move |ssh: bool| {
        move |_| {
            over_ssh.set(ssh);
            copied.set(false);
        }
    };
    view! {
        <div class="clone-box">
            <label for="copy-clone">{tr!(t, "gist-clone")}</label>
            {has_ssh.then(|| view! {
                <span class="clone-switch" role="group" aria-label=tr!(t, "gist-clone-over")>
                    <button type="button" class="button button-small"
                        aria-pressed=move || (!over_ssh.get()).to_string() on:click=choose(false)>{tr!(t, "gist-https")}</button>
                    <button type="button" class="button button-small"
                        aria-pressed=move || over_ssh.get().to_string() on:click=choose(true)>{tr!(t, "gist-ssh")}</button>
                </span>
            })}
            <input id="copy-clone" readonly prop:value=url value=url.get_untracked()/>
            <button type="button" class="button button-small" on:click=copy>
                {move || if copied.get() { tr!(t, "gist-copied") } else { tr!(t, "gist-copy") }}
            </button>
        </div>
    }
}

#[component]
fn FileBox(file: FileView, tasks: Option<TaskTarget>, code_class: String) -> impl IntoView {
    let t = use_i18n();
    let id = anchor(&file.name);
    let body = match file.kind {
        FileKind::Markdown => {
            view! { <MarkdownFile html=file.html file=file.name.clone() target=tasks/> }.into_any()
        }
        FileKind::Table => view! { <div class="csv-table" inner_html=file.html/> }.into_any(),
        FileKind::Image => view! {
            <div class="media"><img src=file.raw_url.clone() alt=file.name.clone() loading="lazy"/></div>
        }
        .into_any(),
        FileKind::Pdf => view! {
            <div class="media">
                <iframe class="pdf-viewer" src=file.raw_url.clone() title=file.name.clone()></iframe>
            </div>
        }
        .into_any(),
        FileKind::Audio => view! {
            <div class="media"><audio controls preload="metadata" src=file.raw_url.clone()></audio></div>
        }
        .into_any(),
        FileKind::Video => view! {
            <div class="media"><video controls preload="metadata" src=file.raw_url.clone()></video></div>
        }
        .into_any(),
        FileKind::Binary => view! {
            <p class="binary-note">{tr!(t, "gist-binary-file", count = file.size)}" " <a href=file.raw_url.clone()>{tr!(t, "gist-download-it")}</a></p>
        }
        .into_any(),
        FileKind::Code if file.lines > LINKED_LINES_MAX => {
            // Numbers only: a link per line would make a long file's page many times
            // the size of what it shows.
            let numbers: String = (1..=file.lines).map(|n| format!("{n}\n")).collect();
            view! {
                <div class=code_class>
                    <pre class="gutter" aria-hidden="true">{numbers}</pre>
                    <pre class="code-lines"><code inner_html=file.html/></pre>
                </div>
            }
            .into_any()
        }
        FileKind::Code => {
            let gutter = (1..=file.lines)
                .map(|n| {
                    let line = format!("{id}-L{n}");
                    // Linkable by pointer; hidden from the keyboard and screen readers
                    // like the rest of the gutter (a tab stop per line would be a trap).
                    view! { <a id=line.clone() href=format!("#{line}") tabindex="-1">{n}</a> }
                })
                .collect_view();
            view! {
                <div class=code_class>
                    <div class="gutter" aria-hidden="true">{gutter}</div>
                    <pre class="code-lines"><code inner_html=file.html/></pre>
                </div>
            }
            .into_any()
        }
    };
    let large = file.truncated.then(|| {
        view! {
            <p class="large-file" role="note">
                {tr!(t, "gist-large-file", size = human_size(t, file.size), count = file.lines)}" "
                <a href=file.raw_url.clone()>{tr!(t, "gist-view-it-raw")}</a>
            </p>
        }
    });
    view! {
        <section class="file" id=id.clone()>
            <header class="file-header">
                <a class="file-name" href=format!("#{id}")>{file.name.clone()}</a>
                <span class="file-language">{file.language.clone()}</span>
                <span class="spacer"></span>
                <a class="button button-small" href=file.raw_url.clone()>{tr!(t, "gist-raw")}</a>
                <a class="button button-small" href=file.download_url.clone() download="">{tr!(t, "gist-download")}</a>
            </header>
            {large}
            {body}
        </section>
    }
}

#[component]
pub fn NewGistPage() -> impl IntoView {
    let t = use_i18n();
    let auth = expect_context::<AuthActions>();
    let user = Resource::new(move || auth.version(), |_| current_user());
    view! {
        <Title text=tr!(t, "gist-new-gist")/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(me)) => view! { <GistEditor visibility=me.preferences.default_visibility/> }.into_any(),
                    _ => view! {
                        <section class="auth-card">
                            <h1>{tr!(t, "gist-create-a-gist")}</h1>
                            <p>{tr!(t, "gist-log-in-to-create-gists")}</p>
                            <A href="/login?next=/new" attr:class="button button-primary">{tr!(t, "gist-log-in")}</A>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GistEditor(
    /// What the visibility select starts at: the person's preference.
    visibility: String,
) -> impl IntoView {
    let t = use_i18n();
    let action = ServerAction::<CreateGist>::new();
    let error = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
    };
    view! {
        <section class="editor">
            <h1>{tr!(t, "gist-new-gist")}</h1>
            <ActionForm action=action attr:class="form">
                <label>{tr!(t, "gist-title")} <input name="title" maxlength="255" placeholder=tr!(t, "gist-optional")/></label>
                <label>{tr!(t, "gist-description")} <input name="description" placeholder=tr!(t, "gist-what-is-this-gist-about")/></label>
                <TopicsInput initial=String::new()/>
                <FileList initial=vec![EditableFile::default()]/>
                <LifecycleFields expires_at=None slug=String::new() comments="open".to_owned()/>
                <div class="editor-actions">
                    <span class="spacer"></span>
                    <VisibilitySelect current=visibility/>
                    <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                        {tr!(t, "gist-create-gist")}
                    </button>
                </div>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            </ActionForm>
        </section>
    }
}

#[component]
pub fn EditPage() -> impl IntoView {
    let t = use_i18n();
    let params = use_params_map();
    let gist = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("user").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
            )
        },
        |(user, id)| load_for_edit(user, id),
    );
    view! {
        <Title text=tr!(t, "gist-edit-gist")/>
        <Suspense fallback=move || view! { <p class="loading">{tr!(t, "gist-loading")}</p> }>
            {move || Suspend::new(async move {
                match gist.await {
                    Ok(gist) if gist.archived => view! {
                        <section class="auth-card">
                            <p role="alert">{crate::rules::lifecycle::ARCHIVED}</p>
                            <A href=format!("/{}/{}", gist.owner, gist.id) attr:class="button">{tr!(t, "gist-back-to-the-gist")}</A>
                        </section>
                    }
                    .into_any(),
                    Ok(gist) => view! { <EditForm gist/> }.into_any(),
                    Err(crate::Error::Unauthenticated) => view! {
                        <section class="auth-card">
                            <p>{tr!(t, "gist-log-in-to-edit-your")}</p>
                            <A href="/login" attr:class="button button-primary">{tr!(t, "gist-log-in")}</A>
                        </section>
                    }
                    .into_any(),
                    Err(_) => view! { <NotFound/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditForm(gist: EditableGist) -> impl IntoView {
    let t = use_i18n();
    let action = ServerAction::<UpdateGist>::new();
    let error = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
    };
    let back = format!("/{}/{}", gist.owner, gist.id);
    view! {
        <section class="editor">
            <h1>{tr!(t, "gist-edit-gist")}</h1>
            <ActionForm action=action attr:class="form">
                <input type="hidden" name="id" value=gist.id.clone()/>
                <input type="hidden" name="base" value=gist.revision.clone()/>
                <label>{tr!(t, "gist-title")} <input name="title" maxlength="255" value=gist.title.clone()/></label>
                <label>{tr!(t, "gist-description")} <input name="description" value=gist.description.clone()/></label>
                <TopicsInput initial=gist.topics.join(", ")/>
                <FileList initial=gist.files.clone()/>
                <LifecycleFields expires_at=gist.expires_at.clone() slug=gist.slug.clone() comments=gist.comments.clone()/>
                <div class="editor-actions">
                    <A href=back>{tr!(t, "gist-cancel")}</A>
                    <span class="spacer"></span>
                    <VisibilitySelect current=gist.visibility.clone()/>
                    <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                        {tr!(t, "gist-save-changes")}
                    </button>
                </div>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            </ActionForm>
        </section>
    }
}

/// Topics typed in one field, checked as they are typed by the server's own rule.
#[component]
fn TopicsInput(initial: String) -> impl IntoView {
    let t = use_i18n();
    let value = RwSignal::new(initial.clone());
    let error = Signal::derive(move || parse_topics(&value.get()).err().map(|e| e.message));
    view! {
        <label>
            {tr!(t, "gist-topics")}
            <input name="topics" value=initial placeholder=tr!(t, "gist-e-g-rust-cli-up")
                aria-describedby="topics-error" aria-invalid=aria_invalid(error)
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </label>
        <FieldError id="topics-error" message=error/>
    }
}

#[component]
fn VisibilitySelect(#[prop(into)] current: String) -> impl IntoView {
    let t = use_i18n();
    let option = move |value: &'static str| {
        view! { <option value=value selected=current == value>{visibility_label(t, value)}</option> }
    };
    view! {
        <label class="inline">
            {tr!(t, "gist-visibility")}" "
            <select name="visibility">
                {option("public")}
                {option("unlisted")}
                {option("private")}
            </select>
        </label>
    }
}

/// The files of the form: stable keys for the blocks; their position names the fields.
#[component]
fn FileList(initial: Vec<EditableFile>) -> impl IntoView {
    let t = use_i18n();
    let count = initial.len();
    let files = RwSignal::new(initial.into_iter().enumerate().collect::<Vec<_>>());
    let next_key = StoredValue::new(count);
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        files.update(|f| f.push((key, EditableFile::default())));
    };
    view! {
        <For each=move || files.get() key=|(key, _)| *key let:entry>
            <FileEditor
                initial=entry.1.clone()
                position=Signal::derive(move || files.get().iter().position(|(k, _)| *k == entry.0).unwrap_or(0))
                removable=Signal::derive(move || files.get().len() > 1)
                on_remove=move || files.update(|f| f.retain(|(k, _)| *k != entry.0))
            />
        </For>
        <div class="editor-actions">
            <button type="button" class="button" on:click=add>{tr!(t, "gist-add-file")}</button>
        </div>
    }
}

#[component]
fn FileEditor(
    initial: EditableFile,
    position: Signal<usize>,
    removable: Signal<bool>,
    on_remove: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_i18n();
    let name = RwSignal::new(initial.name.clone());
    let binary = initial.content.is_none() && !initial.original.is_empty();
    let content = RwSignal::new(initial.content.clone().unwrap_or_default());
    let preview = RwSignal::new(false);
    // Asked for only while the preview shows (the text cannot change then).
    let rendered = LocalResource::new(move || {
        let (showing, text) = (preview.get(), content.get());
        async move {
            match showing {
                true => Some(crate::functions::preview::preview_markdown(text).await),
                false => None,
            }
        }
    });
    let name_error = Signal::derive(move || {
        let value = name.get();
        (!value.is_empty())
            .then(|| validate_filename(&value).err().map(|e| e.message))
            .flatten()
    });
    let name_error_id = Signal::derive(move || format!("file-{}-name-error", position.get()));
    let language = RwSignal::new(initial.language.clone());
    let chosen = initial.language.clone();
    let is_markdown = move || {
        language.with(|l| effective_language(&name.get(), (!l.is_empty()).then_some(l.as_str())))
            == "Markdown"
    };
    let field = move |part: &'static str| move || format!("files[{}][{part}]", position.get());
    view! {
        <fieldset class="file-editor">
            <div class="file-editor-header">
                <input type="hidden" name=field("original") value=initial.original.clone()/>
                <input
                    class="file-name-input"
                    name=field("name")
                    placeholder=tr!(t, "gist-filename-including-extension")
                    aria-label=tr!(t, "gist-file-name")
                    aria-describedby=name_error_id
                    aria-invalid=aria_invalid(name_error)
                    required
                    value=initial.name.clone()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <select
                    class="language-select"
                    name=field("language")
                    aria-label=tr!(t, "gist-language")
                    on:change=move |ev| language.set(event_target_value(&ev))
                >
                    <option value="" selected=chosen.is_empty()>
                        {move || tr!(t, "gist-language-auto", language = language_for(&name.get()))}
                    </option>
                    {LANGUAGES
                        .iter()
                        .map(|(known, _)| view! { <option value=*known selected=chosen == *known>{*known}</option> })
                        .collect_view()}
                </select>
                {move || (is_markdown() && !binary).then(|| view! {
                    <button type="button" class="button button-small" aria-pressed=move || preview.get().to_string()
                        on:click=move |_| preview.update(|p| *p = !*p)>
                        {move || if preview.get() { tr!(t, "gist-edit") } else { tr!(t, "gist-preview") }}
                    </button>
                })}
                <span class="spacer"></span>
                <button type="button" class="button button-small" on:click=move |_| on_remove() disabled=move || !removable.get()>
                    {tr!(t, "gist-remove")}
                </button>
            </div>
            <FieldError id=name_error_id message=name_error/>
            {if binary {
                view! { <p class="binary-note">{tr!(t, "gist-binary-file-kept-as-it")}</p> }.into_any()
            } else {
                view! {
                    <textarea
                        class="code-input"
                        class:hidden=move || preview.get()
                        name=field("content")
                        aria-label=tr!(t, "gist-file-content")
                        rows="14"
                        spellcheck="false"
                        required
                        on:input=move |ev| content.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if let Some(text) = insert_tab(&ev) {
                                content.set(text);
                            }
                        }
                    >{initial.content.clone().unwrap_or_default()}</textarea>
                    // Rendered by the server's renderer: what the page will show.
                    {move || preview.get().then(|| match rendered.get().flatten() {
                        Some(Ok(html)) => view! { <div class="markdown-body preview" inner_html=html></div> }.into_any(),
                        Some(Err(e)) => view! { <p class="field-error preview">{e.to_string()}</p> }.into_any(),
                        None => view! { <p class="muted preview">{tr!(t, "gist-rendering")}</p> }.into_any(),
                    })}
                }
                .into_any()
            }}
        </fieldset>
    }
}

/// Tab indents instead of leaving the text area; returns the new text when it did.
fn insert_tab(ev: &leptos::ev::KeyboardEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if ev.key() != "Tab" || ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return None;
        }
        let area: web_sys::HtmlTextAreaElement = ev.target()?.dyn_into().ok()?;
        let start = area.selection_start().ok()?? as usize;
        let end = area.selection_end().ok()?? as usize;
        // Selections count UTF-16 units.
        let units: Vec<u16> = area.value().encode_utf16().collect();
        let mut text: Vec<u16> = units[..start.min(units.len())].to_vec();
        text.push(u16::from(b'\t'));
        text.extend_from_slice(&units[end.min(units.len())..]);
        ev.prevent_default();
        let text = String::from_utf16_lossy(&text);
        area.set_value(&text);
        let caret = (start + 1) as u32;
        let _ = area.set_selection_range(caret, caret);
        Some(text)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}
