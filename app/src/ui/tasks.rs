//! A rendered Markdown file whose task boxes the owner may tick (issue 21).
//!
//! The renderer writes every box `disabled` with its number (`data-task`), so a visitor,
//! or a page without JavaScript, sees read-only boxes. On the owner's hydrated page the
//! boxes are enabled, and a change calls [`tick_task`] with the revision the page last
//! knew: the server refuses if the file moved on, and the box goes back with the message.

use leptos::prelude::*;

use crate::functions::tasks::tick_task;

/// Which gist a file box belongs to, and the revision its page last saw (each tick
/// answers the next one).
#[derive(Clone, Copy)]
pub struct TaskTarget {
    pub gist: StoredValue<String>,
    pub revision: RwSignal<String>,
}

#[component]
pub fn MarkdownFile(
    html: String,
    file: String,
    /// Set on the owner's page only: the boxes become live.
    target: Option<TaskTarget>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let message = RwSignal::new(None::<String>);
    let file = StoredValue::new(file);
    Effect::new(move |_| {
        if let (Some(_), Some(div)) = (target, node.get()) {
            client::enable_boxes(&div);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some(target) = target else { return };
        let Some((index, checked, undo)) = client::ticked_box(&ev) else {
            return;
        };
        message.set(None);
        leptos::task::spawn_local(async move {
            let answer = tick_task(
                target.gist.get_value(),
                target.revision.get_untracked(),
                file.get_value(),
                index,
                checked,
            )
            .await;
            match answer {
                Ok(revision) => target.revision.set(revision),
                Err(e) => message.set(Some(e.to_string())),
            }
            undo(answer_failed(&message));
        });
    };
    view! {
        <div class="markdown-body" node_ref=node inner_html=html on:change=on_change></div>
        {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
}

fn answer_failed(message: &RwSignal<Option<String>>) -> bool {
    message.with_untracked(Option::is_some)
}

#[cfg(feature = "hydrate")]
mod client {
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlInputElement};

    pub fn enable_boxes(div: &web_sys::HtmlDivElement) {
        let Ok(boxes) = div.query_selector_all("input[data-task]") else {
            return;
        };
        for i in 0..boxes.length() {
            if let Some(el) = boxes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.remove_attribute("disabled");
            }
        }
    }

    /// The box a change event came from: its number, its new state, and a function that
    /// re-enables it afterwards (putting it back first if the tick failed). The box is
    /// disabled while the server answers, so two ticks of one box never race.
    pub fn ticked_box(ev: &leptos::ev::Event) -> Option<(usize, bool, impl FnOnce(bool) + use<>)> {
        let input: HtmlInputElement = ev.target()?.dyn_into().ok()?;
        let index = input.get_attribute("data-task")?.parse().ok()?;
        let checked = input.checked();
        input.set_disabled(true);
        Some((index, checked, move |failed: bool| {
            if failed {
                input.set_checked(!checked);
            }
            input.set_disabled(false);
        }))
    }
}

#[cfg(not(feature = "hydrate"))]
mod client {
    pub fn enable_boxes(_: &leptos::web_sys::HtmlDivElement) {}

    pub fn ticked_box(_: &leptos::ev::Event) -> Option<(usize, bool, impl FnOnce(bool) + use<>)> {
        None::<(usize, bool, fn(bool))>
    }
}
