//! Web sessions, kept in the database so that several server instances share them.
//! The cookie carries 256 random bits; the table keeps only their SHA-256.

use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::entities::{session, user};
use crate::error::Result;
use crate::services::tokens::hash_secret;

pub const COOKIE: &str = "gistful_session";
pub const LIFETIME_DAYS: i64 = 30;

/// The `Set-Cookie` value that starts a session with `secret` (from [`SessionService::create`]).
/// `secure` when the site is served over HTTPS.
pub fn cookie(secret: &str, secure: bool) -> String {
    let max_age = LIFETIME_DAYS * 24 * 60 * 60;
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The token a session's "Link ..." links carry: only pages of this session know it, so
/// another site cannot start a link (which could attach the attacker's provider account
/// to the victim's). A link, not a form: the CSP's `form-action 'self'` would stop a form's
/// redirect to the provider.
pub fn link_token(secret: &str) -> String {
    hash_secret(&format!("link:{secret}"))
}

#[derive(Clone)]
pub struct SessionService {
    db: DatabaseConnection,
}

impl SessionService {
    pub fn new(db: DatabaseConnection) -> Self {
        SessionService { db }
    }

    /// Starts a session for `user_id`; returns the cookie value.
    pub async fn create(&self, user_id: i64) -> Result<String> {
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let secret = hex::encode(bytes);
        let now = Utc::now();
        session::ActiveModel {
            id: Set(hash_secret(&secret)),
            user_id: Set(user_id),
            created_at: Set(now),
            expires_at: Set(now + Duration::days(LIFETIME_DAYS)),
        }
        .insert(&self.db)
        .await?;
        // Expired sessions are swept as new ones start, so the table never grows unbounded.
        session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lt(now))
            .exec(&self.db)
            .await?;
        Ok(secret)
    }

    /// The signed-in user for a cookie value, if the session is live.
    pub async fn user(&self, secret: &str) -> Result<Option<user::Model>> {
        if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let found = session::Entity::find_by_id(hash_secret(secret))
            .filter(session::Column::ExpiresAt.gt(Utc::now()))
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?;
        Ok(found.and_then(|(_, user)| user))
    }

    pub async fn end(&self, secret: &str) -> Result<()> {
        session::Entity::delete_by_id(hash_secret(secret))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Ends every session of a user (password change, account deletion).
    pub async fn end_all(&self, user_id: i64) -> Result<()> {
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }
}
