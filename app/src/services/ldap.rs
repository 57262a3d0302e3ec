//! Passwords checked against an LDAP directory (`ldap.*` in the configuration), the way
//! companies keep their people: bind as the service account, find the person by the
//! configured filter, then bind as that person with the password given.
//!
//! The username goes into the filter escaped per RFC 4515 (`ldap3::ldap_escape`), so
//! `*)(uid=*` is a name nobody has, not a wildcard: the injection Opengist shipped. An
//! empty password is refused before any bind: LDAP treats a bind with a DN and no
//! password as anonymous, and many servers answer it with success. Every exchange is
//! bounded by [`TIMEOUT`], so a directory that hangs costs a login a few seconds, not a
//! worker.

use std::time::Duration;

use ldap3::{LdapConnAsync, LdapConnSettings, Scope, SearchEntry, ldap_escape};

/// The longest a connection or a single operation may take.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// The longest username or password sent to the directory; longer ones match nobody.
pub const INPUT_MAX: usize = 256;

/// LDAP's "invalid credentials".
const INVALID_CREDENTIALS: u32 = 49;

/// `ldap.*` in the configuration (Opengist's names).
#[derive(Clone, PartialEq)]
pub struct LdapConfig {
    /// `ldap://host:389` or `ldaps://host:636`.
    pub url: String,
    /// Upgrade an `ldap://` connection with StartTLS before binding.
    pub start_tls: bool,
    pub bind_dn: String,
    pub bind_credentials: String,
    pub search_base: String,
    /// With `%s` where the username goes, e.g. `(uid=%s)`.
    pub search_filter: String,
    /// The DN of a group (`member`, `uniqueMember` or `memberUid`) whose people are admins,
    /// checked at each sign-in.
    pub admin_group: Option<String>,
}

impl std::fmt::Debug for LdapConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LdapConfig")
            .field("url", &self.url)
            .field("start_tls", &self.start_tls)
            .field("bind_dn", &self.bind_dn)
            .field("bind_credentials", &"<hidden>")
            .field("search_base", &self.search_base)
            .field("search_filter", &self.search_filter)
            .field("admin_group", &self.admin_group)
            .finish()
    }
}

/// Someone the directory vouched for.
#[derive(Debug, Clone, PartialEq)]
pub struct LdapPerson {
    /// `entryUUID` when the directory keeps it (it survives renames), else the DN.
    pub subject: String,
    /// `uid`, else the name signed in with.
    pub username: String,
    pub email: String,
    /// `Some` when an admin group is configured.
    pub admin: Option<bool>,
}

/// The search filter for `username`: the configured one with `%s` replaced by the name,
/// escaped so that no character of it is filter syntax.
pub fn filter_for(template: &str, username: &str) -> String {
    template.replace("%s", &ldap_escape(username))
}

/// The directory's answer: `Ok(None)` for an unknown person or a wrong password,
/// `Err` when the directory could not be asked (down, misconfigured, too slow).
pub async fn authenticate(
    config: &LdapConfig,
    username: &str,
    password: &str,
) -> Result<Option<LdapPerson>, ldap3::LdapError> {
    if username.is_empty()
        || password.is_empty()
        || username.len() > INPUT_MAX
        || password.len() > INPUT_MAX
    {
        return Ok(None);
    }
    let settings = LdapConnSettings::new()
        .set_conn_timeout(TIMEOUT)
        .set_starttls(config.start_tls);
    let (conn, mut ldap) = LdapConnAsync::with_settings(settings, &config.url).await?;
    ldap3::drive!(conn);
    ldap.with_timeout(TIMEOUT)
        .simple_bind(&config.bind_dn, &config.bind_credentials)
        .await?
        .success()?;
    let (mut entries, _) = ldap
        .with_timeout(TIMEOUT)
        .search(
            &config.search_base,
            Scope::Subtree,
            &filter_for(&config.search_filter, username),
            vec!["uid", "mail", "entryUUID"],
        )
        .await?
        .success()?;
    // Nobody, or a filter that matches several people: no sign-in either way.
    let (Some(entry), None) = (entries.pop(), entries.pop()) else {
        let _ = ldap.unbind().await;
        return Ok(None);
    };
    let entry = SearchEntry::construct(entry);
    let bound = ldap
        .with_timeout(TIMEOUT)
        .simple_bind(&entry.dn, password)
        .await?;
    if bound.rc == INVALID_CREDENTIALS {
        let _ = ldap.unbind().await;
        return Ok(None);
    }
    bound.success()?;
    let first = |name: &str| entry.attrs.get(name).and_then(|v| v.first()).cloned();
    let admin = match &config.admin_group {
        Some(group) => {
            // Back to the service account: a person may not read the groups.
            ldap.with_timeout(TIMEOUT)
                .simple_bind(&config.bind_dn, &config.bind_credentials)
                .await?
                .success()?;
            let uid = first("uid").unwrap_or_else(|| username.to_owned());
            let filter = format!(
                "(|(member={dn})(uniqueMember={dn})(memberUid={uid}))",
                dn = ldap_escape(&entry.dn),
                uid = ldap_escape(&uid),
            );
            let (found, _) = ldap
                .with_timeout(TIMEOUT)
                .search(group, Scope::Base, &filter, vec!["1.1"])
                .await?
                .success()?;
            Some(!found.is_empty())
        }
        None => None,
    };
    let _ = ldap.unbind().await;
    Ok(Some(LdapPerson {
        subject: first("entryUUID").unwrap_or_else(|| entry.dn.clone()),
        username: first("uid").unwrap_or_else(|| username.to_owned()),
        email: first("mail").unwrap_or_default(),
        admin,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_cannot_change_the_filter() {
        assert_eq!(filter_for("(uid=%s)", "alice"), "(uid=alice)");
        assert_eq!(
            filter_for("(uid=%s)", "*)(uid=*"),
            "(uid=\\2a\\29\\28uid=\\2a)"
        );
        assert_eq!(
            filter_for("(&(objectClass=person)(uid=%s))", "a\\b\0"),
            "(&(objectClass=person)(uid=a\\5cb\\00))"
        );
    }
}
