//! SSH keys: the public keys that sign an account in to git over SSH. Settings, the API
//! (`/user/keys`) and `gistful admin add-ssh-key` add them through [`SshKeyService::add`];
//! the SSH server finds the account of an offered key by its SHA-256 fingerprint.
//!
//! Parsing is the `ssh-key` crate's (OpenSSH's `authorized_keys` line format). Accepted:
//! Ed25519, ECDSA (NIST P-256/384/521) and RSA of at least 2048 bits; DSA and short RSA
//! keys are refused, as OpenSSH itself no longer takes them.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::entities::{ssh_key, user};
use crate::error::{Error, Result};

/// The longest key text accepted (an RSA-16384 line is about 2.8 KiB).
pub const KEY_TEXT_MAX: usize = 16 * 1024;
/// The longest key name.
pub const NAME_MAX: usize = 100;
/// The most keys one account may have.
pub const KEYS_MAX: u64 = 100;
/// The smallest RSA key accepted, in bits.
pub const RSA_MIN_BITS: usize = 2048;

/// A public key as `type base64`, with its fingerprint; or why it is refused.
pub fn parse_public_key(text: &str) -> Result<(String, String)> {
    let refuse = |message: &str| Error::invalid("key", "key", message);
    let text = text.trim();
    if text.len() > KEY_TEXT_MAX {
        return Err(refuse(&format!(
            "The key is longer than {KEY_TEXT_MAX} bytes"
        )));
    }
    if text.contains('\n') {
        return Err(refuse(
            "Paste one key: a single line such as `ssh-ed25519 AAAA... you@host`",
        ));
    }
    let key = ::ssh_key::PublicKey::from_openssh(text).map_err(|_| {
        refuse("This is not an OpenSSH public key (the contents of a .pub file such as ~/.ssh/id_ed25519.pub)")
    })?;
    match key.key_data() {
        ::ssh_key::public::KeyData::Ed25519(_) | ::ssh_key::public::KeyData::Ecdsa(_) => {}
        ::ssh_key::public::KeyData::Rsa(rsa) => {
            let bits = rsa
                .n
                .as_positive_bytes()
                .map_or(0, |n| n.len() * 8 - n[0].leading_zeros() as usize);
            if bits < RSA_MIN_BITS {
                return Err(refuse(&format!(
                    "RSA keys need at least {RSA_MIN_BITS} bits (this one has {bits}); an Ed25519 key is better"
                )));
            }
        }
        _ => {
            return Err(refuse(
                "Only Ed25519, ECDSA and RSA (2048 bits or more) keys are accepted",
            ));
        }
    }
    let fingerprint = key.fingerprint(::ssh_key::HashAlg::Sha256).to_string();
    let mut plain = key.clone();
    plain.set_comment("");
    let line = plain
        .to_openssh()
        .map_err(|e| Error::internal("ssh key: encode", e))?;
    Ok((line.trim().to_owned(), fingerprint))
}

#[derive(Clone)]
pub struct SshKeyService {
    db: DatabaseConnection,
}

impl SshKeyService {
    pub fn new(db: DatabaseConnection) -> Self {
        SshKeyService { db }
    }

    /// Adds a key to `user_id`'s account. A key already on any account is refused (a key
    /// signs in one account only).
    pub async fn add(&self, user_id: i64, name: &str, text: &str) -> Result<ssh_key::Model> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            return Err(Error::invalid(
                "key",
                "title",
                format!("Name the key (at most {NAME_MAX} characters)"),
            ));
        }
        let (line, fingerprint) = parse_public_key(text)?;
        if ssh_key::Entity::find()
            .filter(ssh_key::Column::UserId.eq(user_id))
            .count(&self.db)
            .await?
            >= KEYS_MAX
        {
            return Err(Error::invalid(
                "key",
                "key",
                format!("An account may have at most {KEYS_MAX} SSH keys"),
            ));
        }
        let taken = || {
            Error::Validation(vec![crate::error::FieldError::new(
                "key",
                "key",
                "already_exists",
                "This key is already in use",
            )])
        };
        if ssh_key::Entity::find()
            .filter(ssh_key::Column::Fingerprint.eq(fingerprint.clone()))
            .count(&self.db)
            .await?
            > 0
        {
            return Err(taken());
        }
        ssh_key::ActiveModel {
            user_id: Set(user_id),
            name: Set(name.to_owned()),
            public_key: Set(line),
            fingerprint: Set(fingerprint),
            created_at: Set(Utc::now()),
            last_used_at: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        // Two adds of the same key at once: the unique index decides.
        .map_err(|e| match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => taken(),
            _ => e.into(),
        })
    }

    pub async fn list(&self, user_id: i64) -> Result<Vec<ssh_key::Model>> {
        Ok(ssh_key::Entity::find()
            .filter(ssh_key::Column::UserId.eq(user_id))
            .order_by_asc(ssh_key::Column::Id)
            .all(&self.db)
            .await?)
    }

    /// One of `user_id`'s keys; another account's is `NotFound`.
    pub async fn get(&self, user_id: i64, id: i64) -> Result<ssh_key::Model> {
        ssh_key::Entity::find_by_id(id)
            .filter(ssh_key::Column::UserId.eq(user_id))
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)
    }

    pub async fn remove(&self, user_id: i64, id: i64) -> Result<()> {
        let done = ssh_key::Entity::delete_many()
            .filter(ssh_key::Column::Id.eq(id))
            .filter(ssh_key::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        match done.rows_affected {
            0 => Err(Error::NotFound),
            _ => Ok(()),
        }
    }

    /// The account a key signs in, by the key's fingerprint; marks the key used. Looked
    /// up at every connection, so a removed key is refused at once.
    pub async fn sign_in(&self, fingerprint: &str) -> Result<Option<user::Model>> {
        let Some((key, Some(owner))) = ssh_key::Entity::find()
            .filter(ssh_key::Column::Fingerprint.eq(fingerprint))
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        ssh_key::Entity::update_many()
            .col_expr(ssh_key::Column::LastUsedAt, Expr::value(Utc::now()))
            .filter(ssh_key::Column::Id.eq(key.id))
            .exec(&self.db)
            .await?;
        Ok(Some(owner))
    }
}
