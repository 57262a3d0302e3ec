//! argon2id password hashes in PHC string form.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, password_hash::rand_core::OsRng};

use super::cpu;
use crate::error::{Error, Result};

pub async fn hash(password: String) -> Result<String> {
    cpu(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::internal("hashing a password", e))
    })
    .await?
}

/// False for a wrong password and for a hash that cannot be parsed.
pub async fn verify(password: String, phc: String) -> Result<bool> {
    cpu(move || {
        PasswordHash::new(&phc)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
}
