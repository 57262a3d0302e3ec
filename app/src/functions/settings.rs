//! The signed-in user's own settings: profile, password, tokens, account.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub username: String,
    pub name: String,
    pub email: String,
    pub bio: String,
    pub commit_email_public: bool,
    /// False for an account a sign-in provider made: it has no password to confirm with.
    pub has_password: bool,
    /// An account a provider made may pick its username, once.
    pub rename_allowed: bool,
    pub preferences: crate::rules::preferences::Preferences,
}

/// A sign-in provider as the settings page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedProvider {
    /// The provider's name in URLs (`openid-connect`, `github`, `ldap`...).
    pub provider: String,
    pub name: String,
    /// When it was linked, if it is.
    pub linked_since: Option<String>,
    /// Where linking it starts (LDAP links itself at a password sign-in: none).
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenItem {
    pub id: i64,
    pub name: String,
    pub scopes: String,
    pub created: String,
    pub expires: String,
    pub last_used: String,
}

#[server(prefix = "/sfn", endpoint = "profile")]
pub async fn get_profile() -> Result<Profile, Error> {
    let user = super::context::require_user()?;
    Ok(Profile {
        preferences: user.preferences(),
        username: user.username,
        name: user.display_name,
        email: user.email,
        bio: user.bio,
        commit_email_public: user.commit_email_public,
        has_password: !user.password_hash.is_empty(),
        rename_allowed: user.rename_allowed,
    })
}

#[server(prefix = "/sfn", endpoint = "choose_username")]
pub async fn choose_username(username: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .identities
        .rename_once(&user, &username)
        .await?;
    // The header and every link carry the name: load the page again.
    leptos_axum::redirect("/settings");
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "linked_providers")]
pub async fn linked_providers() -> Result<Vec<LinkedProvider>, Error> {
    use crate::services::identities::LDAP;

    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let token = super::context::session_secret()
        .map(|secret| crate::services::sessions::link_token(&secret))
        .unwrap_or_default();
    let linked = state.identities.linked(user.id).await?;
    let since = |provider: &str| {
        linked
            .iter()
            .find(|i| i.provider == provider)
            .map(|i| i.created_at.format("%Y-%m-%d").to_string())
    };
    let mut list: Vec<LinkedProvider> = state
        .sign_in
        .iter()
        .map(|p| {
            let provider = p.path.trim_start_matches("/oauth/").to_owned();
            LinkedProvider {
                linked_since: since(&provider),
                link: Some(format!("{}/link?token={token}", p.path)),
                provider,
                name: p.name.clone(),
            }
        })
        .collect();
    if let Some(ldap) = since(LDAP) {
        list.push(LinkedProvider {
            provider: LDAP.into(),
            name: "LDAP directory".into(),
            linked_since: Some(ldap),
            link: None,
        });
    }
    Ok(list)
}

#[server(prefix = "/sfn", endpoint = "unlink_provider")]
pub async fn unlink_provider(provider: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .identities
        .unlink(&user, &provider)
        .await
}

#[server(prefix = "/sfn", endpoint = "save_profile")]
pub async fn save_profile(
    name: String,
    email: String,
    bio: String,
    // A checkbox: sent ("on") only when ticked.
    commit_email_public: Option<String>,
) -> Result<(), Error> {
    use crate::services::users::ProfileUpdate;

    let user = super::context::require_user()?;
    let update = ProfileUpdate {
        commit_email_public: Some(commit_email_public.is_some()),
        username: None,
        display_name: Some(name),
        email: Some(email),
        bio: Some(bio),
    };
    super::context::state()?
        .users
        .update_profile(user.id, update)
        .await?;
    Ok(())
}

/// Saves the display preferences (Settings → Preferences). Works as a plain form post.
#[server(prefix = "/sfn", endpoint = "save_preferences")]
pub async fn save_preferences(
    theme: String,
    // A checkbox: sent ("on") only when ticked.
    soft_wrap: Option<String>,
    tab_width: String,
    default_visibility: String,
) -> Result<(), Error> {
    use crate::rules::preferences::Preferences;

    let user = super::context::require_user()?;
    let preferences = Preferences {
        theme,
        soft_wrap: soft_wrap.is_some(),
        // Not a number: a width no list holds, refused with the others by `validate`.
        tab_width: tab_width.trim().parse().unwrap_or(0),
        default_visibility,
    };
    let saved = super::context::state()?
        .users
        .set_preferences(user.id, preferences)
        .await?;
    // This device shows the saved theme from now on (a cookie the toggle also sets).
    super::context::set_cookie(format!(
        "theme={}; Path=/; Max-Age=31536000; SameSite=Lax",
        saved.pref_theme
    ));
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "change_password")]
pub async fn change_password(current: String, new_password: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .users
        .change_password(
            user.id,
            &current,
            new_password,
            super::context::session_secret().as_deref(),
        )
        .await
}

#[server(prefix = "/sfn", endpoint = "tokens")]
pub async fn list_tokens() -> Result<Vec<TokenItem>, Error> {
    let user = super::context::require_user()?;
    let tokens = super::context::state()?.tokens.list(user.id).await?;
    let day = |at: chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d").to_string();
    Ok(tokens
        .into_iter()
        .map(|t| TokenItem {
            id: t.id,
            name: t.name,
            scopes: if t.scopes.is_empty() {
                "no scopes".into()
            } else {
                t.scopes.replace(',', ", ")
            },
            created: day(t.created_at),
            expires: t.expires_at.map(day).unwrap_or_else(|| "never".into()),
            last_used: t
                .last_used_at
                .map(day)
                .unwrap_or_else(|| "never used".into()),
        })
        .collect())
}

/// Creates a token and returns its secret, which is shown this once.
#[server(prefix = "/sfn", endpoint = "create_token")]
pub async fn create_token(
    name: String,
    #[server(default)] gist_read: Option<String>,
    #[server(default)] gist_write: Option<String>,
    #[server(default)] user_read: Option<String>,
    #[server(default)] user_write: Option<String>,
    #[server(default)] expires_in_days: String,
) -> Result<String, Error> {
    use crate::rules::Scope;
    use crate::services::tokens::NewToken;

    let user = super::context::require_user()?;
    let scopes = [
        (gist_read, Scope::GistRead),
        (gist_write, Scope::GistWrite),
        (user_read, Scope::UserRead),
        (user_write, Scope::UserWrite),
    ]
    .into_iter()
    .filter_map(|(checked, scope)| checked.map(|_| scope))
    .collect();
    let expires_in_days = match expires_in_days.trim() {
        "" | "never" => None,
        days => Some(days.parse().map_err(|_| {
            Error::invalid(
                "AccessToken",
                "expires_in_days",
                "expiry must be a number of days",
            )
        })?),
    };
    let created = super::context::state()?
        .tokens
        .create(NewToken {
            user_id: user.id,
            name,
            scopes,
            expires_in_days,
        })
        .await?;
    Ok(created.secret)
}

#[server(prefix = "/sfn", endpoint = "revoke_token")]
pub async fn revoke_token(token: i64) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?.tokens.revoke(user.id, token).await
}

#[server(prefix = "/sfn", endpoint = "delete_account")]
pub async fn delete_account(password: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let users = state.users.clone();
    if user.password_hash.is_empty() {
        // An account a provider made has no password: its username confirms instead.
        if password.trim() != user.username {
            return Err(Error::invalid(
                "User",
                "password",
                "type your username to confirm",
            ));
        }
    } else {
        users
            .verify_password(&user.username, &password)
            .await
            .map_err(|_| Error::invalid("User", "password", "the password is wrong"))?;
    }
    users.delete(&user.username, &state.store).await?;
    super::context::end_session().await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// An SSH key as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshKeyItem {
    pub id: i64,
    pub name: String,
    pub fingerprint: String,
    pub added: String,
    pub last_used: String,
}

/// The signed-in user's SSH keys, and how to reach git over SSH (none when it is off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshKeyList {
    pub keys: Vec<SshKeyItem>,
    /// `(host, port)` of the SSH server, as clone URLs name it.
    pub server: Option<(String, u16)>,
}

#[server(prefix = "/sfn", endpoint = "ssh_keys")]
pub async fn ssh_keys() -> Result<SshKeyList, Error> {
    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
    let keys = state
        .ssh_keys
        .list(user.id)
        .await?
        .into_iter()
        .map(|k| SshKeyItem {
            id: k.id,
            name: k.name,
            fingerprint: k.fingerprint,
            added: day(k.created_at),
            last_used: k.last_used_at.map_or_else(|| "never".into(), day),
        })
        .collect();
    Ok(SshKeyList {
        keys,
        server: state.ssh_clone.as_deref().and_then(ssh_server),
    })
}

/// `(host, port)` from a clone prefix: `ssh://git@host:port/` or `git@host:`.
#[cfg(feature = "ssr")]
fn ssh_server(prefix: &str) -> Option<(String, u16)> {
    if let Some(rest) = prefix.strip_prefix("ssh://git@") {
        let (host, port) = rest.trim_end_matches('/').rsplit_once(':')?;
        return Some((host.to_owned(), port.parse().ok()?));
    }
    let host = prefix.strip_prefix("git@")?.strip_suffix(':')?;
    Some((host.to_owned(), 22))
}

#[server(prefix = "/sfn", endpoint = "add_ssh_key")]
pub async fn add_ssh_key(name: String, key: String) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .ssh_keys
        .add(user.id, &name, &key)
        .await?;
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "remove_ssh_key")]
pub async fn remove_ssh_key(id: i64) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?.ssh_keys.remove(user.id, id).await
}

#[cfg(all(test, feature = "ssr"))]
mod ssh_tests {
    #[test]
    fn the_ssh_server_is_read_from_the_clone_prefix() {
        assert_eq!(
            super::ssh_server("ssh://git@gists.example.com:2222/"),
            Some(("gists.example.com".into(), 2222))
        );
        assert_eq!(
            super::ssh_server("git@gists.example.com:"),
            Some(("gists.example.com".into(), 22))
        );
        assert_eq!(super::ssh_server("https://x"), None);
    }
}
