//! Personal access tokens: `og_` + 32 random bytes in hex, stored only as a SHA-256 hash.

use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};

use crate::entities::{access_token, user};
use crate::error::{Error, FieldError, Result};
use crate::rules::scopes::{Scope, format_scopes, parse_scopes};

pub const TOKEN_PREFIX: &str = "og_";
pub const NAME_MAX: usize = 100;
pub const EXPIRY_MAX_DAYS: u32 = 3650;

pub struct NewToken {
    pub user_id: i64,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub expires_in_days: Option<u32>,
}

/// A token as its owner may see it after creation (never the secret again).
pub struct CreatedToken {
    pub token: access_token::Model,
    /// The secret, shown once.
    pub secret: String,
}

/// Who a verified token acts for, and what it may do.
#[derive(Clone)]
pub struct TokenIdentity {
    pub user: user::Model,
    pub scopes: Vec<Scope>,
}

impl TokenIdentity {
    pub fn allows(&self, needed: Scope) -> bool {
        self.scopes.iter().any(|s| s.grants(needed))
    }
}

#[derive(Clone)]
pub struct TokenService {
    db: DatabaseConnection,
}

impl TokenService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub async fn create(&self, new: NewToken) -> Result<CreatedToken> {
        let name = new.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            return Err(Error::Validation(vec![FieldError::new(
                "AccessToken",
                "name",
                if name.is_empty() {
                    "missing_field"
                } else {
                    "invalid"
                },
                "token name must be 1 to 100 characters",
            )]));
        }
        if let Some(days) = new.expires_in_days
            && !(1..=EXPIRY_MAX_DAYS).contains(&days)
        {
            return Err(Error::invalid(
                "AccessToken",
                "expires_in_days",
                "expiry must be between 1 and 3650 days",
            ));
        }
        let now = Utc::now();
        if let Some(days) = new.expires_in_days {
            storable_expiry(
                now,
                days,
                crate::db::latest_storable(self.db.get_database_backend()),
            )?;
        }
        let secret = generate_secret();
        let token = access_token::ActiveModel {
            user_id: Set(new.user_id),
            name: Set(name),
            token_hash: Set(hash_secret(&secret)),
            scopes: Set(format_scopes(&new.scopes)),
            expires_at: Set(new
                .expires_in_days
                .map(|d| now + Duration::days(i64::from(d)))),
            last_used_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(CreatedToken { token, secret })
    }

    /// Resolves a presented secret to its user and scopes, recording the use.
    /// Unknown, revoked and expired tokens are all `BadCredentials`.
    pub async fn verify(&self, secret: &str) -> Result<TokenIdentity> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Err(Error::BadCredentials);
        }
        let found = access_token::Entity::find()
            .filter(access_token::Column::TokenHash.eq(hash_secret(secret)))
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?;
        let Some((token, Some(user))) = found else {
            return Err(Error::BadCredentials);
        };
        let now = Utc::now();
        if token.expires_at.is_some_and(|at| at <= now) {
            return Err(Error::BadCredentials);
        }
        let scopes = parse_scopes(&token.scopes)
            .map_err(|e| Error::internal("stored token scopes unreadable", e.message))?;
        // One write per minute at most: a hot token must not turn every read into a write.
        if token
            .last_used_at
            .is_none_or(|at| now - at > Duration::minutes(1))
        {
            let mut active: access_token::ActiveModel = token.into();
            active.last_used_at = Set(Some(now));
            active.update(&self.db).await?;
        }
        Ok(TokenIdentity { user, scopes })
    }

    pub async fn list(&self, user_id: i64) -> Result<Vec<access_token::Model>> {
        Ok(access_token::Entity::find()
            .filter(access_token::Column::UserId.eq(user_id))
            .order_by_desc(access_token::Column::CreatedAt)
            .all(&self.db)
            .await?)
    }

    /// Revokes one of `user_id`'s tokens; someone else's token is `NotFound`.
    pub async fn revoke(&self, user_id: i64, token_id: i64) -> Result<()> {
        let deleted = access_token::Entity::delete_many()
            .filter(access_token::Column::Id.eq(token_id))
            .filter(access_token::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        if deleted.rows_affected == 0 {
            return Err(Error::NotFound);
        }
        Ok(())
    }
}

fn generate_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{TOKEN_PREFIX}{}", hex::encode(bytes))
}

pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A token's expiry `days` from `now` must be one the database stores (`latest`, see
/// [`crate::db::latest_storable`]); otherwise MariaDB would keep "never".
fn storable_expiry(
    now: chrono::DateTime<Utc>,
    days: u32,
    latest: Option<chrono::DateTime<Utc>>,
) -> Result<()> {
    match latest {
        Some(latest) if now + Duration::days(i64::from(days)) > latest => Err(Error::invalid(
            "AccessToken",
            "expires_in_days",
            format!(
                "this database cannot store an expiry after {}: choose at most {} days",
                latest.format("%Y-%m-%d"),
                (latest - now).num_days()
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::storable_expiry;
    use crate::error::Error;
    use chrono::{TimeZone, Utc};
    use sea_orm::DbBackend;

    #[test]
    fn an_expiry_past_what_mysql_stores_is_refused() {
        let mysql = crate::db::latest_storable(DbBackend::MySql);
        assert_eq!(
            mysql.map(|t| t.to_rfc3339()),
            Some("2038-01-19T03:14:07+00:00".to_owned())
        );
        let in_2030 = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        // 2030 + 2940 days is 2038-01-18: fine; one more year is not.
        assert!(storable_expiry(in_2030, 2940, mysql).is_ok());
        let Err(Error::Validation(errors)) = storable_expiry(in_2030, 3650, mysql) else {
            panic!("a 2039 expiry was accepted on MySQL");
        };
        assert_eq!(
            errors[0].message,
            "this database cannot store an expiry after 2038-01-19: choose at most 2940 days"
        );
        // Elsewhere there is no such limit.
        assert!(crate::db::latest_storable(DbBackend::Postgres).is_none());
        assert!(storable_expiry(in_2030, 3650, None).is_ok());
    }
}
