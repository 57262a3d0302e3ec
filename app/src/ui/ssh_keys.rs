//! Settings, "SSH keys": add, list and remove the keys git over SSH signs in with, and
//! the `~/.ssh/config` lines that make cloning short.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;

use crate::functions::settings::{AddSshKey, RemoveSshKey, ssh_keys};

#[component]
pub fn SshKeySettings() -> impl IntoView {
    let t = use_i18n();
    let add = ServerAction::<AddSshKey>::new();
    let remove = ServerAction::<RemoveSshKey>::new();
    let keys = Resource::new(
        move || (add.version().get(), remove.version().get()),
        |_| ssh_keys(),
    );
    let error = move |value: Option<Result<(), crate::Error>>| {
        value
            .and_then(|r| r.err())
            .map(|e| view! { <p class="form-error" role="alert">{e.message()}</p> })
    };
    view! {
        <Transition fallback=|| ()>
            {move || keys.get().and_then(Result::ok).filter(|k| k.server.is_some()).map(|list| {
                let (host, port) = list.server.clone().unwrap_or_default();
                let config = format!(
                    "Host gistful\n    HostName {host}\n    Port {port}\n    User git\n    IdentityFile ~/.ssh/id_ed25519\n"
                );
                view! {
                    <h2 id="ssh-keys">{tr!(t, "ssh-keys-ssh-keys")}</h2>
                    <p class="muted">{tr!(t, "ssh-keys-keys-that-clone-and-push")}</p>
                    {(!list.keys.is_empty()).then(|| view! {
                        <table class="tokens ssh-keys">
                            <thead><tr><th>{tr!(t, "ssh-keys-name")}</th><th>{tr!(t, "ssh-keys-fingerprint")}</th><th>{tr!(t, "ssh-keys-added")}</th><th>{tr!(t, "ssh-keys-last-used")}</th><th></th></tr></thead>
                            <tbody>
                                {list.keys.clone().into_iter().map(|k| view! {
                                    <tr>
                                        <td>{k.name.clone()}</td>
                                        <td><code>{k.fingerprint.clone()}</code></td>
                                        <td>{k.added.clone()}</td>
                                        <td>{k.last_used.clone()}</td>
                                        <td>
                                            <ActionForm action=remove attr:class="inline-form">
                                                <input type="hidden" name="id" value=k.id.to_string()/>
                                                <button type="submit" class="button button-small button-danger"
                                                    aria-label=tr!(t, "ssh-keys-remove-named", name = k.name.clone())>{tr!(t, "ssh-keys-remove")}</button>
                                            </ActionForm>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                    <ActionForm action=add attr:class="form settings-form">
                        <label>{tr!(t, "ssh-keys-key-name")} <input name="name" required maxlength="100" placeholder=tr!(t, "ssh-keys-e-g-laptop")/></label>
                        <label>{tr!(t, "ssh-keys-public-key")}
                            <textarea name="key" rows="3" required spellcheck="false"
                                placeholder=tr!(t, "ssh-keys-ssh-ed25519-aaaa-you-laptop")></textarea>
                        </label>
                        {move || error(add.value().get())}
                        <button type="submit" class="button button-primary">{tr!(t, "ssh-keys-add-ssh-key")}</button>
                    </ActionForm>
                    {move || error(remove.value().get())}
                    <p>{tr!(t, "ssh-keys-with-these-lines-in")}" " <code>"~/.ssh/config"</code> ", " <code>"git clone gistful:USER/ID.git"</code> " "{tr!(t, "ssh-keys-works")}</p>
                    <pre class="ssh-config">{config}</pre>
                }
            })}
        </Transition>
    }
}
