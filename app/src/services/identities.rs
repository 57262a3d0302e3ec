//! Accounts and identity providers (OpenID Connect and the OAuth presets): the sign-in
//! flows waiting for a provider's answer, and which account a provider's person is.
//!
//! The protocol (discovery, PKCE, token checks) is the server's `oauth` module; this
//! service only sees what a verified answer says. A provider's person is known by the
//! provider's subject, never by email: an email already used by an account is refused,
//! not merged, since whoever controls a provider's email field would otherwise take the
//! account over.

use chrono::{Duration, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

use crate::db::WriteTransaction;
use crate::entities::{login_flow, user, user_identity};
use crate::error::{Error, Result};
use crate::rules::account::username_candidates;
use crate::services::ldap::{self, LdapConfig};
use crate::services::password;
use crate::services::tokens::hash_secret;

/// The provider name of accounts an LDAP directory vouches for.
pub const LDAP: &str = "ldap";

/// How long a sign-in may stay at the provider before its `state` is no longer accepted.
pub const FLOW_LIFETIME_MINUTES: i64 = 10;

/// The most sign-ins that may be waiting for their provider at once: each unanswered
/// visit to `/oauth/{provider}` keeps a row for [`FLOW_LIFETIME_MINUTES`].
pub const FLOWS_MAX: u64 = 10_000;

/// The longest `next` a flow keeps; a longer one becomes `/`.
pub const NEXT_MAX: usize = 1024;

/// How many usernames are tried for a new account before giving up.
const USERNAME_TRIES: usize = 100;

/// A sign-in leaving for a provider.
#[derive(Debug, Clone)]
pub struct NewFlow {
    /// The `state` sent to the provider (only its hash is kept).
    pub state: String,
    pub provider: String,
    pub pkce_verifier: String,
    pub nonce: String,
    /// A local path to go to once signed in.
    pub next: String,
    /// Set when a signed-in user is linking this provider to their account.
    pub link_user_id: Option<i64>,
}

/// What a provider's verified answer says about the person.
#[derive(Debug, Clone)]
pub struct ProviderPerson {
    pub provider: String,
    pub subject: String,
    pub preferred_username: String,
    /// Empty when the provider gives none.
    pub email: String,
    /// `Some` when the provider decides admin rights (an admin group is configured):
    /// applied at each sign-in, both ways.
    pub admin: Option<bool>,
}

#[derive(Clone)]
pub struct IdentityService {
    db: DatabaseConnection,
    ldap: Option<std::sync::Arc<LdapConfig>>,
}

impl IdentityService {
    pub fn new(db: DatabaseConnection) -> Self {
        IdentityService { db, ldap: None }
    }

    /// Passwords are also checked against this directory.
    pub fn with_ldap(mut self, ldap: Option<LdapConfig>) -> Self {
        self.ldap = ldap.map(std::sync::Arc::new);
        self
    }

    /// The account a username and password sign in to, for the login form and git's
    /// Basic auth alike (callers throttle). A local account with a password of its own
    /// is checked against that password only, never the directory: a directory entry
    /// with the same name cannot take it over. Anyone else (nobody by that name, an
    /// account an LDAP sign-in made, one without a password) is asked of the directory
    /// when there is one; a new person gets an account when `signup` allows.
    pub async fn check_password(
        &self,
        username: &str,
        secret: &str,
        signup: bool,
    ) -> Result<user::Model> {
        let local = crate::services::UserService::new(self.db.clone())
            .find_by_username(username)
            .await?;
        if let Some(account) = local
            && !account.password_hash.is_empty()
            && !self.is_linked(account.id, LDAP).await?
        {
            return match password::verify(secret.to_owned(), account.password_hash.clone()).await? {
                true => Ok(account),
                false => Err(Error::BadCredentials),
            };
        }
        let Some(directory) = &self.ldap else {
            return Err(Error::BadCredentials);
        };
        let person = match ldap::authenticate(directory, username, secret).await {
            Ok(Some(person)) => person,
            Ok(None) => return Err(Error::BadCredentials),
            Err(e) => {
                tracing::warn!(error = %e, "ldap: the directory could not be asked");
                return Err(Error::Unavailable(
                    "The directory (LDAP) could not be reached; try again later".into(),
                ));
            }
        };
        self.sign_in(
            ProviderPerson {
                provider: LDAP.into(),
                subject: person.subject,
                preferred_username: person.username,
                email: person.email,
                admin: person.admin,
            },
            signup,
        )
        .await
    }

    async fn is_linked(&self, user_id: i64, provider: &str) -> Result<bool> {
        Ok(user_identity::Entity::find()
            .filter(user_identity::Column::UserId.eq(user_id))
            .filter(user_identity::Column::Provider.eq(provider))
            .count(&self.db)
            .await?
            > 0)
    }

    /// Keeps a flow until its callback (or its expiry). Refused (`RateLimited`) while
    /// [`FLOWS_MAX`] others wait.
    pub async fn begin(&self, flow: NewFlow) -> Result<()> {
        let now = Utc::now();
        // Abandoned flows are swept as new ones start, so the table stays small.
        login_flow::Entity::delete_many()
            .filter(login_flow::Column::ExpiresAt.lt(now))
            .exec(&self.db)
            .await?;
        if login_flow::Entity::find().count(&self.db).await? >= FLOWS_MAX {
            return Err(Error::RateLimited);
        }
        let next = if flow.next.len() > NEXT_MAX {
            "/".to_owned()
        } else {
            flow.next
        };
        login_flow::ActiveModel {
            id: Set(hash_secret(&flow.state)),
            provider: Set(flow.provider),
            pkce_verifier: Set(flow.pkce_verifier),
            nonce: Set(flow.nonce),
            next: Set(next),
            link_user_id: Set(flow.link_user_id),
            expires_at: Set(now + Duration::minutes(FLOW_LIFETIME_MINUTES)),
        }
        .insert(&self.db)
        .await?;
        Ok(())
    }

    /// The flow `state` names, removed so that it is taken once: `None` when it is
    /// unknown, already taken, expired, or was started for another provider.
    pub async fn take(&self, state: &str, provider: &str) -> Result<Option<login_flow::Model>> {
        let id = hash_secret(state);
        let Some(flow) = login_flow::Entity::find_by_id(id.clone())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        // Whoever deletes the row owns the flow: two callbacks racing get one answer.
        let deleted = login_flow::Entity::delete_by_id(id).exec(&self.db).await?;
        Ok((deleted.rows_affected == 1
            && flow.provider == provider
            && flow.expires_at > Utc::now())
        .then_some(flow))
    }

    /// The account `person` signs in to: the linked one, or a new one when sign-ups are
    /// open. Admin rights follow `person.admin` when it is set.
    pub async fn sign_in(&self, person: ProviderPerson, signup: bool) -> Result<user::Model> {
        let linked = user_identity::Entity::find()
            .filter(user_identity::Column::Provider.eq(&person.provider))
            .filter(user_identity::Column::Subject.eq(&person.subject))
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?;
        if let Some((_, Some(account))) = linked {
            return match person.admin {
                Some(admin) if admin != account.is_admin => {
                    let mut active: user::ActiveModel = account.into();
                    active.is_admin = Set(admin);
                    active.updated_at = Set(Utc::now());
                    Ok(active.update(&self.db).await?)
                }
                _ => Ok(account),
            };
        }
        if !signup {
            return Err(Error::Forbidden(
                "Registration is closed on this instance: only accounts already linked to this provider can sign in".into(),
            ));
        }
        let email = person.email.trim().to_owned();
        if !email.is_empty()
            && user::Entity::find()
                .filter(user::Column::Email.eq(&email))
                .count(&self.db)
                .await?
                > 0
        {
            return Err(Error::Conflict(
                "An account with this email already exists: sign in to it, then link this provider in Settings. Accounts are never merged by email".into(),
            ));
        }
        let created = self
            .db
            .write_transaction::<_, user::Model, Error>(move |tx| {
                Box::pin(async move {
                    let mut username = None;
                    for candidate in
                        username_candidates(&person.preferred_username).take(USERNAME_TRIES)
                    {
                        let taken = user::Entity::find()
                            .filter(user::Column::UsernameLower.eq(candidate.to_ascii_lowercase()))
                            .count(tx)
                            .await?
                            > 0;
                        if !taken {
                            username = Some(candidate);
                            break;
                        }
                    }
                    let username = username.ok_or_else(|| {
                        Error::Conflict("No free username for this account; ask an admin".into())
                    })?;
                    let first = user::Entity::find().count(tx).await? == 0;
                    let now = Utc::now();
                    let account = user::ActiveModel {
                        username_lower: Set(username.to_ascii_lowercase()),
                        username: Set(username),
                        email: Set(email),
                        // No password: the account signs in through its provider (and
                        // uses tokens for the API and git). An empty hash matches nothing.
                        password_hash: Set(String::new()),
                        display_name: Set(String::new()),
                        bio: Set(String::new()),
                        // The provider decides when it has an admin group; else the first account
                        // of an instance is its admin, as with a password.
                        is_admin: Set(person.admin.unwrap_or(first)),
                        commit_email_public: Set(false),
                        rename_allowed: Set(true),
                        created_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(tx)
                    .await?;
                    user_identity::ActiveModel {
                        user_id: Set(account.id),
                        provider: Set(person.provider),
                        subject: Set(person.subject),
                        created_at: Set(now),
                        ..Default::default()
                    }
                    .insert(tx)
                    .await?;
                    Ok(account)
                })
            })
            .await?;
        Ok(created)
    }

    /// Links the provider's person to an account (from settings, signed in). Refused when
    /// that person is another account's, or the account has another person of the provider.
    pub async fn link(&self, user_id: i64, person: ProviderPerson) -> Result<()> {
        let existing = user_identity::Entity::find()
            .filter(user_identity::Column::Provider.eq(&person.provider))
            .filter(
                user_identity::Column::Subject
                    .eq(&person.subject)
                    .or(user_identity::Column::UserId.eq(user_id)),
            )
            .all(&self.db)
            .await?;
        if let Some(found) = existing.first() {
            return if found.user_id == user_id && found.subject == person.subject {
                Ok(())
            } else if found.user_id == user_id {
                Err(Error::Conflict(
                    "Your account is linked to another account of this provider: unlink it first"
                        .into(),
                ))
            } else {
                Err(Error::Conflict(
                    "This account of the provider signs in to another Gistful account".into(),
                ))
            };
        }
        user_identity::ActiveModel {
            user_id: Set(user_id),
            provider: Set(person.provider),
            subject: Set(person.subject),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .map_err(|e| match e.sql_err() {
            // Two links racing for one person: the unique index decides.
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => Error::Conflict(
                "This account of the provider signs in to another Gistful account".into(),
            ),
            _ => e.into(),
        })?;
        Ok(())
    }

    /// Unlinks a provider, unless it is the account's last way in (no password of its
    /// own and no other provider).
    pub async fn unlink(&self, account: &user::Model, provider: &str) -> Result<()> {
        let linked = self.linked(account.id).await?;
        let Some(this) = linked.iter().find(|i| i.provider == provider) else {
            return Err(Error::NotFound);
        };
        if account.password_hash.is_empty() && linked.len() == 1 {
            return Err(Error::Forbidden(
                "This is your only way to sign in: link another provider first".into(),
            ));
        }
        user_identity::Entity::delete_by_id(this.id)
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Gives an account a provider made the username its owner picked, once.
    pub async fn rename_once(&self, account: &user::Model, username: &str) -> Result<user::Model> {
        if !account.rename_allowed {
            return Err(Error::Forbidden(
                "Your username was already chosen; it cannot change again".into(),
            ));
        }
        let renamed = crate::services::UserService::new(self.db.clone())
            .update_profile(
                account.id,
                crate::services::users::ProfileUpdate {
                    username: Some(username.to_owned()),
                    ..Default::default()
                },
            )
            .await?;
        let mut active: user::ActiveModel = renamed.into();
        active.rename_allowed = Set(false);
        Ok(active.update(&self.db).await?)
    }

    /// The providers linked to an account.
    pub async fn linked(&self, user_id: i64) -> Result<Vec<user_identity::Model>> {
        Ok(user_identity::Entity::find()
            .filter(user_identity::Column::UserId.eq(user_id))
            .all(&self.db)
            .await?)
    }
}
