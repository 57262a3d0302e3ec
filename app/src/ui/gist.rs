//! The gist page and the new-gist editor.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::auth::AuthActions;
use super::pages::NotFound;
use crate::functions::auth::current_user;
use crate::functions::gists::{
    CreateGist, DeleteGist, FileKind, FileView, ForkGist, GistView, StarGist, get_gist,
};
use crate::rules::validate_filename;

/// An id fragment for anchors: file names may hold anything.
fn anchor(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("file-{slug}")
}

#[component]
pub fn GistPage() -> impl IntoView {
    let params = use_params_map();
    let star = ServerAction::<StarGist>::new();
    // Re-read after starring, so counts and buttons show the new state.
    let gist = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("user").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                star.version().get(),
            )
        },
        |(user, id, _)| get_gist(user, id),
    );
    provide_context(star);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
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
    let heading = if gist.title.is_empty() {
        gist.files
            .first()
            .map(|f| f.name.clone())
            .unwrap_or_default()
    } else {
        gist.title.clone()
    };
    let owner_href = format!("/{}", gist.owner);
    view! {
        <Title text=heading.clone()/>
        <article class="gist">
            <header class="gist-header">
                <div class="gist-title">
                    <img class="avatar" src=format!("/avatars/{}.svg", gist.owner) alt="" width="32" height="32"/>
                    <h1>
                        <A href=owner_href>{gist.owner.clone()}</A>
                        " / "
                        <span class="gist-name">{heading}</span>
                    </h1>
                    <span class=format!("badge badge-{}", gist.visibility)>{gist.visibility.clone()}</span>
                </div>
                {(!gist.description.is_empty()).then(|| view! { <p class="gist-description">{gist.description.clone()}</p> })}
                <div class="gist-meta">
                    <span>{format!("{} file{}", gist.files.len(), if gist.files.len() == 1 { "" } else { "s" })}</span>
                    <span>{format!("★ {}", gist.star_count)}</span>
                    <span>{format!("{} fork{}", gist.fork_count, if gist.fork_count == 1 { "" } else { "s" })}</span>
                    <span>"revision " <code>{gist.revision[..7.min(gist.revision.len())].to_owned()}</code></span>
                </div>
                <div class="gist-actions">
                    <CloneBox url=gist.clone_url.clone()/>
                    <GistActions id=gist.id.clone() starred=gist.starred stars=gist.star_count is_owner=gist.is_owner signed_in=gist.signed_in/>
                </div>
            </header>
            {gist.files.into_iter().map(|file| view! { <FileBox file/> }).collect_view()}
        </article>
    }
}

#[component]
fn GistActions(
    id: String,
    starred: bool,
    stars: i32,
    is_owner: bool,
    signed_in: bool,
) -> impl IntoView {
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
            <A href="/login" attr:class="button button-small">"Log in to star or fork"</A>
        }
        .into_any();
    }
    let confirm_delete = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            let sure = web_sys::window().and_then(|w| {
                w.confirm_with_message("Delete this gist and its history?")
                    .ok()
            });
            if sure != Some(true) {
                ev.prevent_default();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let (fork_id, delete_id) = (id.clone(), id.clone());
    view! {
        <ActionForm action=star attr:class="inline-form">
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="star" value=(!starred).to_string()/>
            <button type="submit" class="button button-small" aria-pressed=starred.to_string()>
                {if starred { "★ Unstar" } else { "☆ Star" }}
                <span class="count">{stars}</span>
            </button>
        </ActionForm>
        {(!is_owner).then(|| view! {
            <ActionForm action=fork attr:class="inline-form">
                <input type="hidden" name="id" value=fork_id.clone()/>
                <button type="submit" class="button button-small">"Fork"</button>
            </ActionForm>
        })}
        {is_owner.then(|| view! {
            <ActionForm action=delete attr:class="inline-form" on:submit=confirm_delete>
                <input type="hidden" name="id" value=delete_id.clone()/>
                <button type="submit" class="button button-small button-danger">"Delete"</button>
            </ActionForm>
        })}
        {move || error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
    .into_any()
}

#[component]
fn CloneBox(url: String) -> impl IntoView {
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
            <label for="clone-url">"Clone"</label>
            <input id="clone-url" readonly value=url/>
            <button type="button" class="button" on:click=copy>
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </div>
    }
}

#[component]
fn FileBox(file: FileView) -> impl IntoView {
    let id = anchor(&file.name);
    let body = match file.kind {
        FileKind::Markdown => view! { <div class="markdown-body" inner_html=file.html/> }.into_any(),
        FileKind::Binary => view! {
            <p class="binary-note">{format!("Binary file, {} bytes. ", file.size)} <a href=file.raw_url.clone()>"Download it"</a></p>
        }
        .into_any(),
        FileKind::Code => {
            let gutter = (1..=file.lines)
                .map(|n| {
                    let line = format!("{id}-L{n}");
                    view! { <a id=line.clone() href=format!("#{line}")>{n}</a> }
                })
                .collect_view();
            view! {
                <div class="code">
                    <div class="gutter" aria-hidden="true">{gutter}</div>
                    <pre class="code-lines"><code inner_html=file.html/></pre>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="file" id=id.clone()>
            <header class="file-header">
                <a class="file-name" href=format!("#{id}")>{file.name.clone()}</a>
                <span class="file-language">{file.language.clone()}</span>
                <span class="spacer"></span>
                <a class="button button-small" href=file.raw_url.clone()>"Raw"</a>
            </header>
            {body}
        </section>
    }
}

#[component]
pub fn NewGistPage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let user = Resource::new(move || auth.version(), |_| current_user());
    view! {
        <Title text="New gist"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(_)) => view! { <GistEditor/> }.into_any(),
                    _ => view! {
                        <section class="auth-card">
                            <h1>"Create a gist"</h1>
                            <p>"Log in to create gists."</p>
                            <A href="/login?next=/new" attr:class="button button-primary">"Log in"</A>
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GistEditor() -> impl IntoView {
    let action = ServerAction::<CreateGist>::new();
    let error = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message())
    };
    // Stable keys for the file blocks; their position gives the form field names.
    let files = RwSignal::new(vec![0usize]);
    let next_key = StoredValue::new(1usize);
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        files.update(|f| f.push(key));
    };
    view! {
        <section class="editor">
            <h1>"New gist"</h1>
            <ActionForm action=action attr:class="form">
                <label>"Title" <input name="title" maxlength="255" placeholder="Optional"/></label>
                <label>"Description" <input name="description" placeholder="What is this gist about?"/></label>
                <For each=move || files.get() key=|key| *key let:key>
                    <FileEditor
                        position=Signal::derive(move || files.get().iter().position(|k| *k == key).unwrap_or(0))
                        removable=Signal::derive(move || files.get().len() > 1)
                        on_remove=move || files.update(|f| f.retain(|k| *k != key))
                    />
                </For>
                <div class="editor-actions">
                    <button type="button" class="button" on:click=add>"Add file"</button>
                    <span class="spacer"></span>
                    <label class="inline">
                        "Visibility "
                        <select name="visibility">
                            <option value="public">"Public"</option>
                            <option value="unlisted" selected>"Unlisted"</option>
                            <option value="private">"Private"</option>
                        </select>
                    </label>
                    <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                        "Create gist"
                    </button>
                </div>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            </ActionForm>
        </section>
    }
}

#[component]
fn FileEditor(
    position: Signal<usize>,
    removable: Signal<bool>,
    on_remove: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let name_error = move || {
        let value = name.get();
        (!value.is_empty())
            .then(|| validate_filename(&value).err().map(|e| e.message))
            .flatten()
    };
    view! {
        <fieldset class="file-editor">
            <div class="file-editor-header">
                <input
                    class="file-name-input"
                    name=move || format!("files[{}][name]", position.get())
                    placeholder="Filename including extension…"
                    aria-label="File name"
                    required
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="button" class="button button-small" on:click=move |_| on_remove() disabled=move || !removable.get()>
                    "Remove"
                </button>
            </div>
            {move || name_error().map(|m| view! { <span class="field-error">{m}</span> })}
            <textarea
                class="code-input"
                name=move || format!("files[{}][content]", position.get())
                aria-label="File content"
                rows="14"
                spellcheck="false"
                required
            ></textarea>
        </fieldset>
    }
}
