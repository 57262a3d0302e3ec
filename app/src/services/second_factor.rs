//! Second factors: authenticator-app codes (TOTP, RFC 6238), passkeys (WebAuthn) and
//! recovery codes; and a sign-in between its steps.
//!
//! A password (or a provider) proves the first factor; for an account with a second
//! factor the sign-in then waits in `auth_challenges` ("pending", its secret in a short
//! cookie) until a code or a passkey proves the second. A code is accepted once: the
//! newest 30-second step accepted is kept, and a code of that step or an older one is
//! refused (the update is conditional, so two servers cannot both accept it). Recovery
//! codes are kept as hashes and each is spent by a conditional update too.
//!
//! WebAuthn's protocol (challenges, signatures, counters, origins) is `webauthn-rs`'s;
//! the ceremony's state waits in `auth_challenges`, taken once. Passkeys need the site to
//! be reached by a domain name (`external-url`): browsers refuse an IP address as the
//! relying party, so with one the service offers codes only and says why.

use std::sync::Arc;

use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use webauthn_rs::prelude::{
    DiscoverableKey, Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};

use crate::db::WriteTransaction;
use crate::entities::{auth_challenge, passkey, recovery_code, totp_secret, user};
use crate::error::{Error, Result};
use crate::services::tokens::hash_secret;

/// How long a sign-in may wait for its second factor, and a WebAuthn ceremony for the
/// browser's answer.
pub const CHALLENGE_MINUTES: i64 = 5;
/// The most sign-ins and ceremonies that may wait at once (each unanswered visit keeps a
/// row for [`CHALLENGE_MINUTES`]).
pub const CHALLENGES_MAX: u64 = 10_000;
/// Recovery codes made at a time.
pub const RECOVERY_CODES: usize = 10;
/// The most passkeys one account may register.
pub const PASSKEYS_MAX: u64 = 20;
/// The longest passkey name.
pub const PASSKEY_NAME_MAX: usize = 64;
/// The largest WebAuthn response a browser may send (they are a few hundred bytes to a
/// few KiB; attestation certificates are not asked for).
pub const CREDENTIAL_MAX: usize = 16 * 1024;
/// Codes are good for 30 seconds, and the step before and after are accepted too (a
/// phone's clock a little off).
const STEP_SECONDS: i64 = 30;

/// The purposes of `auth_challenges` rows.
const PENDING: &str = "second-factor";
const PASSKEY_LOGIN: &str = "passkey-login";
const PASSKEY_REGISTER: &str = "passkey-register";

/// What settings shows of an account's second factors.
#[derive(Debug, Clone)]
pub struct Status {
    pub totp: bool,
    pub passkeys: Vec<passkey::Model>,
    /// Recovery codes not used yet.
    pub recovery_left: u64,
}

/// An authenticator app being set up: the secret as text, as an `otpauth://` URI and as
/// a QR code of that URI (an SVG made here, never by another site, as a `data:` URL an
/// `<img>` shows: the page's CSP allows those, and an image runs nothing).
#[derive(Debug, Clone)]
pub struct TotpEnrolment {
    pub secret: String,
    pub uri: String,
    pub qr_image: String,
}

/// A sign-in waiting for its second factor.
#[derive(Debug, Clone)]
pub struct Pending {
    pub user: user::Model,
    /// Where to go once signed in.
    pub next: String,
    pub totp: bool,
    pub passkeys: bool,
}

#[derive(Clone)]
pub struct SecondFactorService {
    db: DatabaseConnection,
    webauthn: Option<Arc<Webauthn>>,
    /// Why passkeys are off, when they are.
    passkeys_off: Option<String>,
    /// The name authenticator apps list the account under.
    issuer: String,
}

impl SecondFactorService {
    /// `external_url` is the relying party: its host is the WebAuthn RP id, the URL the
    /// only origin accepted.
    pub fn new(db: DatabaseConnection, external_url: &str) -> Self {
        let (webauthn, passkeys_off) = match relying_party(external_url) {
            Ok(webauthn) => (Some(Arc::new(webauthn)), None),
            Err(why) => (None, Some(why)),
        };
        let issuer = Url::parse(external_url)
            .ok()
            .and_then(|u| u.host_str().map(|h| format!("Gistful ({h})")))
            .unwrap_or_else(|| "Gistful".into());
        SecondFactorService {
            db,
            webauthn,
            passkeys_off,
            issuer,
        }
    }

    /// `None` when passkeys work here, else why they do not.
    pub fn passkeys_unavailable(&self) -> Option<&str> {
        self.passkeys_off.as_deref()
    }

    fn webauthn(&self) -> Result<&Webauthn> {
        self.webauthn.as_deref().ok_or_else(|| {
            Error::Conflict(
                self.passkeys_off
                    .clone()
                    .unwrap_or_else(|| "Passkeys are not available".into()),
            )
        })
    }

    /// Whether signing in to this account asks for a second factor.
    pub async fn has_second_factor(&self, user_id: i64) -> Result<bool> {
        Ok(self.totp_enabled(user_id).await? || self.passkey_count(user_id).await? > 0)
    }

    async fn totp_enabled(&self, user_id: i64) -> Result<bool> {
        Ok(totp_secret::Entity::find_by_id(user_id)
            .filter(totp_secret::Column::Confirmed.eq(true))
            .count(&self.db)
            .await?
            > 0)
    }

    async fn passkey_count(&self, user_id: i64) -> Result<u64> {
        Ok(passkey::Entity::find()
            .filter(passkey::Column::UserId.eq(user_id))
            .count(&self.db)
            .await?)
    }

    pub async fn status(&self, user_id: i64) -> Result<Status> {
        Ok(Status {
            totp: self.totp_enabled(user_id).await?,
            passkeys: passkey::Entity::find()
                .filter(passkey::Column::UserId.eq(user_id))
                .order_by_asc(passkey::Column::Id)
                .all(&self.db)
                .await?,
            recovery_left: recovery_code::Entity::find()
                .filter(recovery_code::Column::UserId.eq(user_id))
                .filter(recovery_code::Column::UsedAt.is_null())
                .count(&self.db)
                .await?,
        })
    }

    // --- Authenticator apps ---

    /// Starts setting up an authenticator app: a new secret, not yet a second factor (a
    /// first code confirms it). Starting again replaces an unconfirmed secret.
    pub async fn totp_begin(&self, user: &user::Model) -> Result<TotpEnrolment> {
        use rand::RngCore;
        if self.totp_enabled(user.id).await? {
            return Err(Error::Conflict(
                "An authenticator app is already set up; remove it first".into(),
            ));
        }
        let mut bytes = vec![0u8; 20];
        rand::rng().fill_bytes(&mut bytes);
        let totp = self.totp(bytes, &user.username)?;
        let secret = totp.get_secret_base32();
        totp_secret::Entity::delete_by_id(user.id)
            .exec(&self.db)
            .await?;
        totp_secret::ActiveModel {
            user_id: Set(user.id),
            secret: Set(secret.clone()),
            confirmed: Set(false),
            last_step: Set(0),
            created_at: Set(Utc::now()),
        }
        .insert(&self.db)
        .await?;
        let uri = totp.get_url();
        let svg = qrcode::QrCode::new(uri.as_bytes())
            .map_err(|e| Error::internal("totp: QR code", e))?
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .build();
        Ok(TotpEnrolment {
            secret,
            uri,
            qr_image: svg_data_url(&svg),
        })
    }

    fn totp(&self, secret: Vec<u8>, account: &str) -> Result<totp_rs::TOTP> {
        totp_rs::TOTP::new(
            totp_rs::Algorithm::SHA1,
            6,
            1,
            STEP_SECONDS as u64,
            secret,
            Some(self.issuer.replace(':', "")),
            account.to_owned(),
        )
        .map_err(|e| Error::internal("totp: parameters", e))
    }

    /// Confirms the app set up by [`Self::totp_begin`] with a code from it. Returns fresh
    /// recovery codes when the account had none left (the first second factor).
    pub async fn totp_confirm(&self, user: &user::Model, code: &str) -> Result<Vec<String>> {
        let Some(row) = totp_secret::Entity::find_by_id(user.id)
            .one(&self.db)
            .await?
        else {
            return Err(Error::Conflict(
                "Start setting up an authenticator app first".into(),
            ));
        };
        if row.confirmed {
            return Err(Error::Conflict(
                "The authenticator app is already set up".into(),
            ));
        }
        let step = self
            .matching_step(&row, &user.username, code)?
            .ok_or_else(|| {
                Error::invalid("totp", "code", "That code is not right; try the newest one")
            })?;
        let done = totp_secret::Entity::update_many()
            .col_expr(totp_secret::Column::Confirmed, Expr::value(true))
            .col_expr(totp_secret::Column::LastStep, Expr::value(step))
            .filter(totp_secret::Column::UserId.eq(user.id))
            .filter(totp_secret::Column::Confirmed.eq(false))
            .exec(&self.db)
            .await?;
        if done.rows_affected != 1 {
            return Err(Error::Conflict(
                "The authenticator app is already set up".into(),
            ));
        }
        self.first_recovery_codes(user.id).await
    }

    /// Removes the authenticator app (set up or half set up).
    pub async fn totp_remove(&self, user_id: i64) -> Result<()> {
        totp_secret::Entity::delete_by_id(user_id)
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// The time step `code` is right for (now, or one step either side), if any.
    fn matching_step(
        &self,
        row: &totp_secret::Model,
        account: &str,
        code: &str,
    ) -> Result<Option<i64>> {
        let code = code.trim();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(None);
        }
        let secret = totp_rs::Secret::Encoded(row.secret.clone())
            .to_bytes()
            .map_err(|e| Error::internal("totp: stored secret", format!("{e:?}")))?;
        let totp = self.totp(secret, account)?;
        let now = Utc::now().timestamp() / STEP_SECONDS;
        Ok([now, now - 1, now + 1].into_iter().find(|step| {
            let expected = totp.generate((step * STEP_SECONDS) as u64);
            constant_time_eq(expected.as_bytes(), code.as_bytes())
        }))
    }

    /// Checks a second-factor code for `user`: six digits are an authenticator app's
    /// code, anything else a recovery code. Either is accepted once.
    pub async fn verify_code(&self, user: &user::Model, code: &str) -> Result<()> {
        let code = code.trim();
        if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
            let Some(row) = totp_secret::Entity::find_by_id(user.id)
                .filter(totp_secret::Column::Confirmed.eq(true))
                .one(&self.db)
                .await?
            else {
                return Err(Error::BadCredentials);
            };
            let Some(step) = self.matching_step(&row, &user.username, code)? else {
                return Err(Error::BadCredentials);
            };
            // Only if no code of this step (or a later one) was accepted before.
            let done = totp_secret::Entity::update_many()
                .col_expr(totp_secret::Column::LastStep, Expr::value(step))
                .filter(totp_secret::Column::UserId.eq(user.id))
                .filter(totp_secret::Column::LastStep.lt(step))
                .exec(&self.db)
                .await?;
            return match done.rows_affected {
                1 => Ok(()),
                _ => Err(Error::BadCredentials),
            };
        }
        let Some(normal) = normal_recovery_code(code) else {
            return Err(Error::BadCredentials);
        };
        let spent = recovery_code::Entity::update_many()
            .col_expr(recovery_code::Column::UsedAt, Expr::value(Utc::now()))
            .filter(recovery_code::Column::UserId.eq(user.id))
            .filter(recovery_code::Column::CodeHash.eq(hash_secret(&normal)))
            .filter(recovery_code::Column::UsedAt.is_null())
            .exec(&self.db)
            .await?;
        match spent.rows_affected {
            0 => Err(Error::BadCredentials),
            _ => Ok(()),
        }
    }

    // --- Recovery codes ---

    /// New recovery codes, replacing all earlier ones. Shown once: only hashes are kept.
    pub async fn regenerate_recovery_codes(&self, user_id: i64) -> Result<Vec<String>> {
        let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
        let db = &self.db;
        let rows: Vec<recovery_code::ActiveModel> = codes
            .iter()
            .map(|code| recovery_code::ActiveModel {
                user_id: Set(user_id),
                code_hash: Set(hash_secret(&normal_recovery_code(code).unwrap_or_default())),
                used_at: Set(None),
                ..Default::default()
            })
            .collect();
        db.write_transaction(move |tx| {
            Box::pin(async move {
                recovery_code::Entity::delete_many()
                    .filter(recovery_code::Column::UserId.eq(user_id))
                    .exec(tx)
                    .await?;
                recovery_code::Entity::insert_many(rows).exec(tx).await?;
                Ok::<_, Error>(())
            })
        })
        .await?;
        Ok(codes)
    }

    /// Recovery codes for an account getting its first second factor; none when it
    /// still has unused ones (the ones already shown stay good).
    async fn first_recovery_codes(&self, user_id: i64) -> Result<Vec<String>> {
        let left = recovery_code::Entity::find()
            .filter(recovery_code::Column::UserId.eq(user_id))
            .filter(recovery_code::Column::UsedAt.is_null())
            .count(&self.db)
            .await?;
        if left > 0 {
            return Ok(Vec::new());
        }
        self.regenerate_recovery_codes(user_id).await
    }

    /// Removes every second factor and recovery code of an account (`gistful admin
    /// reset-mfa`): it signs in with its password alone again.
    pub async fn reset(&self, user_id: i64) -> Result<()> {
        totp_secret::Entity::delete_by_id(user_id)
            .exec(&self.db)
            .await?;
        passkey::Entity::delete_many()
            .filter(passkey::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        recovery_code::Entity::delete_many()
            .filter(recovery_code::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        auth_challenge::Entity::delete_many()
            .filter(auth_challenge::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    // --- A sign-in between its steps ---

    async fn put_challenge(
        &self,
        user_id: Option<i64>,
        purpose: &str,
        state: String,
        data: &str,
    ) -> Result<String> {
        use rand::RngCore;
        let now = Utc::now();
        auth_challenge::Entity::delete_many()
            .filter(auth_challenge::Column::ExpiresAt.lt(now))
            .exec(&self.db)
            .await?;
        if auth_challenge::Entity::find().count(&self.db).await? >= CHALLENGES_MAX {
            return Err(Error::RateLimited);
        }
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let secret = hex::encode(bytes);
        auth_challenge::ActiveModel {
            id: Set(hash_secret(&secret)),
            user_id: Set(user_id),
            purpose: Set(purpose.to_owned()),
            state: Set(state),
            data: Set(data
                .chars()
                .take(crate::services::identities::NEXT_MAX)
                .collect()),
            expires_at: Set(now + Duration::minutes(CHALLENGE_MINUTES)),
        }
        .insert(&self.db)
        .await?;
        Ok(secret)
    }

    async fn find_challenge(
        &self,
        secret: &str,
        purpose: &str,
    ) -> Result<Option<auth_challenge::Model>> {
        if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        Ok(auth_challenge::Entity::find_by_id(hash_secret(secret))
            .filter(auth_challenge::Column::Purpose.eq(purpose))
            .filter(auth_challenge::Column::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await?)
    }

    /// Takes a challenge: only one caller gets it, however many send the same answer.
    async fn take_challenge(&self, secret: &str, purpose: &str) -> Result<auth_challenge::Model> {
        let expired = || Error::Conflict("This sign-in step expired; start again".into());
        let row = self
            .find_challenge(secret, purpose)
            .await?
            .ok_or_else(expired)?;
        let taken = auth_challenge::Entity::delete_by_id(row.id.clone())
            .exec(&self.db)
            .await?;
        if taken.rows_affected != 1 {
            return Err(expired());
        }
        Ok(row)
    }

    /// A first factor was proved for `user_id`: the sign-in waits for the second. Returns
    /// the secret for the browser's cookie.
    pub async fn begin_sign_in(&self, user_id: i64, next: &str) -> Result<String> {
        self.put_challenge(Some(user_id), PENDING, String::new(), next)
            .await
    }

    /// The sign-in waiting under `secret`, if it is still waiting.
    pub async fn pending(&self, secret: &str) -> Result<Option<Pending>> {
        let Some(row) = self.find_challenge(secret, PENDING).await? else {
            return Ok(None);
        };
        let Some(user) = user::Entity::find_by_id(row.user_id.unwrap_or_default())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(Pending {
            totp: self.totp_enabled(user.id).await?,
            passkeys: self.webauthn.is_some() && self.passkey_count(user.id).await? > 0,
            user,
            next: row.data,
        }))
    }

    /// Completes the sign-in waiting under `secret` with a code (callers throttle wrong
    /// ones). A wrong code leaves it waiting; a right one ends it.
    pub async fn finish_with_code(&self, secret: &str, code: &str) -> Result<Pending> {
        let pending = self
            .pending(secret)
            .await?
            .ok_or_else(|| Error::Conflict("This sign-in expired; log in again".into()))?;
        self.verify_code(&pending.user, code).await?;
        self.take_challenge(secret, PENDING).await?;
        Ok(pending)
    }

    // --- Passkeys ---

    /// Starts registering a passkey for `user`; returns the ceremony's secret and the
    /// options for `navigator.credentials.create`.
    pub async fn register_begin(
        &self,
        user: &user::Model,
        name: &str,
    ) -> Result<(String, serde_json::Value)> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > PASSKEY_NAME_MAX {
            return Err(Error::invalid(
                "passkey",
                "name",
                format!("Name the passkey (at most {PASSKEY_NAME_MAX} characters)"),
            ));
        }
        let webauthn = self.webauthn()?;
        let existing = passkey::Entity::find()
            .filter(passkey::Column::UserId.eq(user.id))
            .all(&self.db)
            .await?;
        if existing.len() as u64 >= PASSKEYS_MAX {
            return Err(Error::Conflict(format!(
                "An account may have at most {PASSKEYS_MAX} passkeys"
            )));
        }
        let handle = existing
            .first()
            .and_then(|p| Uuid::parse_str(&p.user_handle).ok())
            .unwrap_or_else(|| {
                use rand::RngCore;
                let mut bytes = [0u8; 16];
                rand::rng().fill_bytes(&mut bytes);
                Uuid::from_bytes(bytes)
            });
        let exclude = existing
            .iter()
            .filter_map(|p| serde_json::from_str::<Passkey>(&p.data).ok())
            .map(|p| p.cred_id().clone())
            .collect::<Vec<_>>();
        let display = if user.display_name.is_empty() {
            &user.username
        } else {
            &user.display_name
        };
        let (options, state) = webauthn
            .start_passkey_registration(handle, &user.username, display, Some(exclude))
            .map_err(|e| Error::internal("webauthn: start registration", e))?;
        // A passkey the authenticator keeps (discoverable), so that it can also sign in
        // without a username (the crate's passkey registration leaves that to the device).
        let mut options = to_json(&options)?;
        options["publicKey"]["authenticatorSelection"]["residentKey"] = "required".into();
        options["publicKey"]["authenticatorSelection"]["requireResidentKey"] = true.into();
        let state = serde_json::to_string(&(handle, state))
            .map_err(|e| Error::internal("webauthn: registration state", e))?;
        let secret = self
            .put_challenge(Some(user.id), PASSKEY_REGISTER, state, name)
            .await?;
        Ok((secret, options))
    }

    /// Finishes a registration with the browser's answer. Returns the passkey, and fresh
    /// recovery codes when it is the account's first second factor.
    pub async fn register_finish(
        &self,
        user: &user::Model,
        secret: &str,
        credential: &str,
    ) -> Result<(passkey::Model, Vec<String>)> {
        let credential: RegisterPublicKeyCredential = parse_credential(credential)?;
        let webauthn = self.webauthn()?;
        let row = self.take_challenge(secret, PASSKEY_REGISTER).await?;
        if row.user_id != Some(user.id) {
            return Err(Error::Conflict(
                "This sign-in step expired; start again".into(),
            ));
        }
        let (handle, state): (Uuid, PasskeyRegistration) = serde_json::from_str(&row.state)
            .map_err(|e| Error::internal("webauthn: stored registration state", e))?;
        let key = webauthn
            .finish_passkey_registration(&credential, &state)
            .map_err(|e| {
                tracing::info!(error = %e, "webauthn: registration refused");
                Error::Forbidden("The passkey could not be registered".into())
            })?;
        let credential_id = hex::encode(key.cred_id().as_ref());
        if passkey::Entity::find()
            .filter(passkey::Column::CredentialId.eq(credential_id.clone()))
            .count(&self.db)
            .await?
            > 0
        {
            return Err(Error::Conflict("This passkey is registered already".into()));
        }
        let first = !self.has_second_factor(user.id).await?;
        let model = passkey::ActiveModel {
            user_id: Set(user.id),
            name: Set(row.data),
            credential_id: Set(credential_id),
            user_handle: Set(handle.to_string()),
            data: Set(to_json(&key)?.to_string()),
            created_at: Set(Utc::now()),
            last_used_at: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        let codes = match first {
            true => self.first_recovery_codes(user.id).await?,
            false => Vec::new(),
        };
        Ok((model, codes))
    }

    /// Removes one of `user_id`'s passkeys (another's is `NotFound`).
    pub async fn remove_passkey(&self, user_id: i64, id: i64) -> Result<()> {
        let done = passkey::Entity::delete_many()
            .filter(passkey::Column::Id.eq(id))
            .filter(passkey::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        match done.rows_affected {
            0 => Err(Error::NotFound),
            _ => Ok(()),
        }
    }

    /// Starts a sign-in with a passkey and no username: the authenticator offers the
    /// passkeys it keeps for this site.
    pub async fn login_begin(&self) -> Result<(String, serde_json::Value)> {
        let webauthn = self.webauthn()?;
        let (mut options, state) = webauthn
            .start_discoverable_authentication()
            .map_err(|e| Error::internal("webauthn: start sign-in", e))?;
        // Asked for by a button, not offered in the username field's autofill.
        options.mediation = None;
        let state = to_json(&state)?.to_string();
        let secret = self.put_challenge(None, PASSKEY_LOGIN, state, "").await?;
        Ok((secret, to_json(&options)?))
    }

    /// Finishes a password-less sign-in: the account whose passkey signed the challenge.
    pub async fn login_finish(&self, secret: &str, credential: &str) -> Result<user::Model> {
        let credential: PublicKeyCredential = parse_credential(credential)?;
        let webauthn = self.webauthn()?;
        let row = self.take_challenge(secret, PASSKEY_LOGIN).await?;
        let state = serde_json::from_str(&row.state)
            .map_err(|e| Error::internal("webauthn: stored sign-in state", e))?;
        let refused = || Error::Forbidden("That passkey is not registered here".into());
        let (handle, credential_id) = webauthn
            .identify_discoverable_authentication(&credential)
            .map_err(|_| refused())?;
        let Some(stored) = passkey::Entity::find()
            .filter(passkey::Column::CredentialId.eq(hex::encode(credential_id)))
            .one(&self.db)
            .await?
        else {
            return Err(refused());
        };
        // The authenticator's user handle must be the one this passkey was made for.
        if stored.user_handle != handle.to_string() {
            return Err(refused());
        }
        let key: Passkey = serde_json::from_str(&stored.data)
            .map_err(|e| Error::internal("webauthn: stored passkey", e))?;
        let result = webauthn
            .finish_discoverable_authentication(&credential, state, &[DiscoverableKey::from(&key)])
            .map_err(|e| {
                tracing::info!(error = %e, "webauthn: sign-in refused");
                refused()
            })?;
        let owner = stored.user_id;
        self.used(stored, key, &result).await?;
        let user = user::Entity::find_by_id(owner).one(&self.db).await?;
        user.ok_or_else(refused)
    }

    /// Starts the passkey step of a sign-in waiting under `pending_secret`: only that
    /// account's passkeys are allowed.
    pub async fn second_factor_begin(&self, pending_secret: &str) -> Result<serde_json::Value> {
        let webauthn = self.webauthn()?;
        let row = self
            .find_challenge(pending_secret, PENDING)
            .await?
            .ok_or_else(|| Error::Conflict("This sign-in expired; log in again".into()))?;
        let keys = self.keys_of(row.user_id.unwrap_or_default()).await?;
        if keys.is_empty() {
            return Err(Error::Conflict("This account has no passkey".into()));
        }
        let keys: Vec<Passkey> = keys.into_iter().map(|(_, k)| k).collect();
        let (options, state) = webauthn
            .start_passkey_authentication(&keys)
            .map_err(|e| Error::internal("webauthn: start second factor", e))?;
        let mut active: auth_challenge::ActiveModel = row.into();
        active.state = Set(to_json(&state)?.to_string());
        active.update(&self.db).await?;
        to_json(&options)
    }

    /// Finishes the sign-in waiting under `pending_secret` with one of its account's
    /// passkeys.
    pub async fn second_factor_finish(
        &self,
        pending_secret: &str,
        credential: &str,
    ) -> Result<Pending> {
        let credential: PublicKeyCredential = parse_credential(credential)?;
        let webauthn = self.webauthn()?;
        let pending = self
            .pending(pending_secret)
            .await?
            .ok_or_else(|| Error::Conflict("This sign-in expired; log in again".into()))?;
        let row = self
            .find_challenge(pending_secret, PENDING)
            .await?
            .ok_or_else(|| Error::Conflict("This sign-in expired; log in again".into()))?;
        let state: PasskeyAuthentication = serde_json::from_str(&row.state)
            .map_err(|_| Error::Conflict("Ask for the passkey again".into()))?;
        let refused = || Error::Forbidden("That passkey is not one of this account's".into());
        let result = webauthn
            .finish_passkey_authentication(&credential, &state)
            .map_err(|e| {
                tracing::info!(error = %e, "webauthn: second factor refused");
                refused()
            })?;
        let used = hex::encode(result.cred_id().as_ref());
        let (stored, key) = self
            .keys_of(pending.user.id)
            .await?
            .into_iter()
            .find(|(stored, _)| stored.credential_id == used)
            .ok_or_else(refused)?;
        self.take_challenge(pending_secret, PENDING).await?;
        self.used(stored, key, &result).await?;
        Ok(pending)
    }

    async fn keys_of(&self, user_id: i64) -> Result<Vec<(passkey::Model, Passkey)>> {
        Ok(passkey::Entity::find()
            .filter(passkey::Column::UserId.eq(user_id))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|p| {
                let key = serde_json::from_str(&p.data).ok()?;
                Some((p, key))
            })
            .collect())
    }

    /// Keeps the authenticator's new signature counter and when the passkey was used.
    async fn used(
        &self,
        stored: passkey::Model,
        mut key: Passkey,
        result: &webauthn_rs::prelude::AuthenticationResult,
    ) -> Result<()> {
        key.update_credential(result);
        let mut active: passkey::ActiveModel = stored.into();
        active.data = Set(to_json(&key)?.to_string());
        active.last_used_at = Set(Some(Utc::now()));
        active.update(&self.db).await?;
        Ok(())
    }
}

/// The WebAuthn relying party for `external_url`, or why there is none.
fn relying_party(external_url: &str) -> std::result::Result<Webauthn, String> {
    let url = Url::parse(external_url).map_err(|e| format!("external-url is not a URL: {e}"))?;
    let Some(domain) = url.domain() else {
        return Err(format!(
            "Passkeys need this site to be reached by a domain name, not an IP address \
             (external-url is {external_url}; http://localhost works for trying it)"
        ));
    };
    WebauthnBuilder::new(domain, &url)
        .and_then(|b| b.rp_name("Gistful").build())
        .map_err(|e| format!("Passkeys cannot work with external-url {external_url}: {e}"))
}

/// A browser's WebAuthn answer, bounded and parsed; anything else is a 400.
fn parse_credential<T: serde::de::DeserializeOwned>(json: &str) -> Result<T> {
    if json.len() > CREDENTIAL_MAX {
        return Err(Error::BadRequest(format!(
            "The passkey's answer is larger than {CREDENTIAL_MAX} bytes"
        )));
    }
    serde_json::from_str(json)
        .map_err(|_| Error::BadRequest("The passkey's answer could not be read".into()))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| Error::internal("webauthn: serialise", e))
}

/// The alphabet of recovery codes: lowercase letters and digits without look-alikes.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// `xxxxx-xxxxx`: 10 characters of 31, about 49 bits.
fn new_recovery_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    let mut code: String = (0..10)
        .map(|_| RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())] as char)
        .collect();
    code.insert(5, '-');
    code
}

/// A recovery code as typed (any case, with or without its dash or spaces), in the
/// form its hash was made from; `None` when it cannot be one.
pub fn normal_recovery_code(code: &str) -> Option<String> {
    let normal: String = code
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (normal.len() == 10 && normal.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))).then_some(normal)
}

/// `data:image/svg+xml,...` for an SVG, with what a URL cannot hold percent-encoded.
fn svg_data_url(svg: &str) -> String {
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    for c in svg.chars() {
        match c {
            '%' | '#' | '<' | '>' | '"' | '\'' | '\n' | '\r' | '&' => {
                url.push_str(&format!("%{:02X}", c as u32));
            }
            c => url.push(c),
        }
    }
    url
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
