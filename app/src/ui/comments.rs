//! The conversation under a gist.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;

use crate::functions::comments::{
    AddComment, CommentItem, DeleteComment, EditComment, get_comments,
};

#[component]
pub fn Comments(
    gist_id: String,
    signed_in: bool,
    /// Why no new comment is taken (turned off, archived); `None`: open.
    closed: Option<String>,
    /// Whether the comments are shown at all (their owner may hide them).
    shown: bool,
) -> impl IntoView {
    let t = use_i18n();
    let add = ServerAction::<AddComment>::new();
    let edit = ServerAction::<EditComment>::new();
    let delete = ServerAction::<DeleteComment>::new();
    let id = gist_id.clone();
    let comments = Resource::new(
        move || {
            (
                add.version().get(),
                edit.version().get(),
                delete.version().get(),
            )
        },
        move |_| get_comments(id.clone()),
    );
    let error = move || {
        let failed =
            |r: Option<Result<(), crate::Error>>| r.and_then(|r| r.err()).map(|e| e.message());
        failed(add.value().get())
            .or_else(|| failed(edit.value().get()))
            .or_else(|| failed(delete.value().get()))
    };
    if !shown {
        return view! {
            <section class="comments">
                <p class="muted comments-off">{tr!(t, "comments-comments-are-turned-off-for")}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="comments">
            <h2>{tr!(t, "comments-comments")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = comments.await.unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p class="muted">{tr!(t, "comments-no-comments-yet")}</p> }.into_any();
                    }
                    view! {
                        <ol class="comment-list">
                            {list.into_iter().map(|comment| view! { <CommentBox comment edit delete/> }).collect_view()}
                        </ol>
                    }
                    .into_any()
                })}
            </Suspense>
            {move || error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            {if let Some(why) = closed {
                view! { <p class="muted comments-off">{why}</p> }.into_any()
            } else if signed_in {
                view! {
                    <ActionForm action=add attr:class="form comment-form">
                        <input type="hidden" name="id" value=gist_id.clone()/>
                        <label>{tr!(t, "comments-add-a-comment")} <textarea name="body" rows="4" required placeholder=tr!(t, "comments-markdown-works-here")></textarea></label>
                        <button type="submit" class="button button-primary" disabled=move || add.pending().get()>{tr!(t, "comments-comment")}</button>
                    </ActionForm>
                }
                .into_any()
            } else {
                view! { <p class="muted"><a href="/login">{tr!(t, "comments-log-in")}</a> " "{tr!(t, "comments-to-comment")}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn CommentBox(
    comment: CommentItem,
    edit: ServerAction<EditComment>,
    delete: ServerAction<DeleteComment>,
) -> impl IntoView {
    let t = use_i18n();
    let editing = RwSignal::new(false);
    let gist_id = leptos_router::hooks::use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    // Read by the edit form, which may be built again and again.
    let edit_gist = StoredValue::new(gist_id.clone());
    let delete_gist = gist_id;
    let body = StoredValue::new(comment.body.clone());
    // Leave edit mode once the edit went through.
    Effect::new(move |_| {
        if edit.value().get().is_some_and(|r| r.is_ok()) {
            editing.set(false);
        }
    });
    view! {
        <li class="comment" id=format!("comment-{}", comment.id)>
            <header class="comment-header">
                <img class="avatar" src=format!("/avatars/{}.svg", comment.author) alt="" width="20" height="20"/>
                <strong>{comment.author.clone()}</strong>
                <span class="muted">{comment.when.clone()}</span>
                <span class="spacer"></span>
                {comment.can_edit.then(|| view! {
                    <button type="button" class="button button-small" on:click=move |_| editing.update(|e| *e = !*e)>
                        {move || if editing.get() { tr!(t, "comments-cancel") } else { tr!(t, "gist-edit") }}
                    </button>
                })}
                {comment.can_delete.then(|| view! {
                    <ActionForm action=delete attr:class="inline-form">
                        <input type="hidden" name="id" value=delete_gist.clone()/>
                        <input type="hidden" name="comment" value=comment.id.to_string()/>
                        <button type="submit" class="button button-small button-danger">{tr!(t, "comments-delete")}</button>
                    </ActionForm>
                })}
            </header>
            <Show
                when=move || editing.get()
                fallback=move || view! { <div class="markdown-body comment-body" inner_html=comment.html.clone()></div> }
            >
                <ActionForm action=edit attr:class="form comment-form">
                    <input type="hidden" name="id" value=edit_gist.get_value()/>
                    <input type="hidden" name="comment" value=comment.id.to_string()/>
                    <textarea name="body" rows="4" required aria-label=tr!(t, "comments-edit-comment")>{body.get_value()}</textarea>
                    <button type="submit" class="button button-primary">{tr!(t, "comments-save")}</button>
                </ActionForm>
            </Show>
        </li>
    }
}
