//! Webhooks, in Settings (a person's: events about their gists) and in the admin panel's
//! "Webhooks" tab (the instance's: events about public gists): add, list, remove, and
//! each hook's recent deliveries with their answers and a "Redeliver" button, and "Ping"
//! to test a hook before any gist changes. Plain
//! forms: it all works without JavaScript.

use leptos::prelude::*;

use crate::functions::webhooks::{
    AddWebhook, PingWebhook, RedeliverWebhook, RemoveWebhook, webhooks,
};
use crate::i18n::use_i18n;
use crate::rules::webhooks::{Event, SECRET_MAX, URL_MAX};
use crate::tr;

fn error(value: Option<Result<(), crate::Error>>) -> Option<impl IntoView> {
    value
        .and_then(|r| r.err())
        .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
}

#[component]
pub fn WebhookSettings(instance: bool) -> impl IntoView {
    let t = use_i18n();
    let add = ServerAction::<AddWebhook>::new();
    let remove = ServerAction::<RemoveWebhook>::new();
    let redeliver = ServerAction::<RedeliverWebhook>::new();
    let ping = ServerAction::<PingWebhook>::new();
    let hooks = Resource::new(
        move || {
            (
                add.version().get(),
                remove.version().get(),
                redeliver.version().get(),
                ping.version().get(),
            )
        },
        move |_| webhooks(instance),
    );
    let flag = if instance { "true" } else { "false" };
    view! {
        <h2 id="webhooks">{tr!(t, "webhooks-title")}</h2>
        <p class="muted">
            {if instance { tr!(t, "webhooks-instance-intro") } else { tr!(t, "webhooks-user-intro") }}
            " " <code>"X-Gistful-Signature-256"</code>
        </p>
        <Transition fallback=|| ()>
            {move || hooks.get().and_then(Result::ok).map(|list| view! {
                <ul class="webhooks">
                    {list.into_iter().map(|hook| {
                        let id = hook.id;
                        let rows = hook.deliveries.clone();
                        let (ping_url, remove_url) = (hook.url.clone(), hook.url.clone());
                        view! {
                            <li class="webhook">
                                <div class="webhook-head">
                                    <code class="webhook-url">{hook.url.clone()}</code>
                                    <span class="muted">{hook.events.join(", ")}</span>
                                    <ActionForm action=ping attr:class="inline-form">
                                        <input type="hidden" name="instance" value=flag/>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <button type="submit" class="button button-small"
                                            aria-label=tr!(t, "webhooks-ping-named", url = ping_url.clone())>{tr!(t, "webhooks-ping")}</button>
                                    </ActionForm>
                                    <ActionForm action=remove attr:class="inline-form">
                                        <input type="hidden" name="instance" value=flag/>
                                        <input type="hidden" name="id" value=id.to_string()/>
                                        <button type="submit" class="button button-small button-danger"
                                            aria-label=tr!(t, "webhooks-remove-named", url = remove_url.clone())>{tr!(t, "webhooks-remove")}</button>
                                    </ActionForm>
                                </div>
                                <details class="webhook-log">
                                    <summary>{tr!(t, "webhooks-deliveries")}</summary>
                                        {if rows.is_empty() {
                                            view! { <p class="muted">{tr!(t, "webhooks-none-yet")}</p> }.into_any()
                                        } else {
                                            view! {
                                                <table class="tokens webhook-deliveries">
                                                    <thead><tr>
                                                        <th>{tr!(t, "webhooks-when")}</th><th>{tr!(t, "webhooks-event")}</th>
                                                        <th>{tr!(t, "webhooks-status")}</th><th>{tr!(t, "webhooks-response")}</th>
                                                        <th>{tr!(t, "webhooks-attempts")}</th><th></th>
                                                    </tr></thead>
                                                    <tbody>
                                                        {rows.into_iter().map(|d| {
                                                            let status = match d.status.as_str() {
                                                                "delivered" => tr!(t, "webhooks-status-delivered"),
                                                                "failed" => tr!(t, "webhooks-status-failed"),
                                                                _ => tr!(t, "webhooks-status-pending"),
                                                            };
                                                            let answer = d.response_code.map(|c| c.to_string()).or(d.error.clone()).unwrap_or_default();
                                                            view! {
                                                                <tr class=format!("delivery delivery-{}", d.status)>
                                                                    <td>{d.created.clone()}</td>
                                                                    <td><code>{d.event.clone()}</code></td>
                                                                    <td>{status}</td>
                                                                    <td title=d.error.clone().unwrap_or_default()>{answer}</td>
                                                                    <td>{d.attempts}</td>
                                                                    <td>
                                                                        <ActionForm action=redeliver attr:class="inline-form">
                                                                            <input type="hidden" name="instance" value=flag/>
                                                                            <input type="hidden" name="delivery" value=d.id.to_string()/>
                                                                            <button type="submit" class="button button-small">{tr!(t, "webhooks-redeliver")}</button>
                                                                        </ActionForm>
                                                                    </td>
                                                                </tr>
                                                            }
                                                        }).collect_view()}
                                                    </tbody>
                                                </table>
                                            }.into_any()
                                        }}
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </Transition>
        {move || error(remove.value().get())}
        {move || error(redeliver.value().get())}
        {move || error(ping.value().get())}
        <ActionForm action=add attr:class="form settings-form webhook-form">
            <input type="hidden" name="instance" value=flag/>
            <label>{tr!(t, "webhooks-url")}
                <input name="url" type="url" required maxlength=URL_MAX.to_string()/>
            </label>
            <label>{tr!(t, "webhooks-secret")}
                <input name="secret" required maxlength=SECRET_MAX.to_string() autocomplete="off" spellcheck="false"/>
            </label>
            <fieldset>
                <legend>{tr!(t, "webhooks-events")}</legend>
                {Event::ALL.iter().enumerate().map(|(i, event)| view! {
                    <label class="checkbox">
                        <input type="checkbox" name=format!("events[{i}]") value=event.name() checked/>
                        " " <code>{event.name()}</code>
                    </label>
                }).collect_view()}
            </fieldset>
            {move || error(add.value().get())}
            <button type="submit" class="button button-primary">{tr!(t, "webhooks-add")}</button>
        </ActionForm>
    }
}
