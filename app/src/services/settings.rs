//! Instance settings the admin changes at run time, kept in the database so every server
//! instance sees the same values.
//!
//! Every request asks for them (the login gate, the API switch), so a server keeps what it
//! read for [`FRESH_FOR`]: a change made through this server is seen at once, one made
//! through another server on the same database within that time.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::sea_query::OnConflict;
use sea_orm::{DatabaseConnection, EntityTrait, Set};

use crate::entities::instance_setting;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstanceSettings {
    pub disable_signup: bool,
    /// Every page and endpoint needs a signed-in user.
    pub require_login: bool,
    /// With `require_login`: single gists (page, API, raw, clone) stay readable anonymously.
    pub allow_individual_gists: bool,
    pub api_enabled: bool,
    /// Admins must have a second factor: until they set one up, signing in sends them to
    /// set it up and the admin panel refuses them.
    pub require_admin_mfa: bool,
}

impl Default for InstanceSettings {
    fn default() -> Self {
        InstanceSettings {
            disable_signup: false,
            require_login: false,
            allow_individual_gists: false,
            api_enabled: true,
            require_admin_mfa: false,
        }
    }
}

const KEYS: [&str; 5] = [
    "disable-signup",
    "require-login",
    "allow-individual-gists",
    "api-enabled",
    "require-admin-mfa",
];

impl InstanceSettings {
    fn get(&self, key: &str) -> bool {
        match key {
            "disable-signup" => self.disable_signup,
            "require-login" => self.require_login,
            "allow-individual-gists" => self.allow_individual_gists,
            "require-admin-mfa" => self.require_admin_mfa,
            _ => self.api_enabled,
        }
    }

    fn set(&mut self, key: &str, value: bool) {
        match key {
            "disable-signup" => self.disable_signup = value,
            "require-login" => self.require_login = value,
            "allow-individual-gists" => self.allow_individual_gists = value,
            "require-admin-mfa" => self.require_admin_mfa = value,
            _ => self.api_enabled = value,
        }
    }
}

/// How long a server trusts the settings it read: the most another server's change waits.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// The instance settings, read and written through one service held on `AppState`.
#[derive(Clone)]
pub struct SettingsService {
    db: DatabaseConnection,
    fresh_for: Duration,
    /// The last read or write, and when.
    kept: Arc<Mutex<Option<(Instant, InstanceSettings)>>>,
}

impl SettingsService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self::fresh_for(db, FRESH_FOR)
    }

    /// A service that trusts what it read for `fresh_for` (zero: always reads).
    pub fn fresh_for(db: DatabaseConnection, fresh_for: Duration) -> Self {
        SettingsService {
            db,
            fresh_for,
            kept: Arc::new(Mutex::new(None)),
        }
    }

    /// The settings: from memory if read less than `fresh_for` ago, else one small query
    /// (defaults for keys never written).
    pub async fn load(&self) -> Result<InstanceSettings> {
        let kept = *self.kept.lock().expect("settings lock");
        if let Some((at, settings)) = kept
            && at.elapsed() < self.fresh_for
        {
            return Ok(settings);
        }
        let asked = Instant::now();
        let settings = load(&self.db).await?;
        let mut kept = self.kept.lock().expect("settings lock");
        // A save that landed while this read was under way is newer: keep it.
        if kept.is_none_or(|(at, _)| at < asked) {
            *kept = Some((asked, settings));
        }
        Ok(settings)
    }

    pub async fn save(&self, settings: &InstanceSettings) -> Result<()> {
        save(&self.db, settings).await?;
        *self.kept.lock().expect("settings lock") = Some((Instant::now(), *settings));
        Ok(())
    }
}

async fn load(db: &DatabaseConnection) -> Result<InstanceSettings> {
    let mut settings = InstanceSettings::default();
    for row in instance_setting::Entity::find().all(db).await? {
        if KEYS.contains(&row.key.as_str()) {
            settings.set(&row.key, row.value == "true");
        }
    }
    Ok(settings)
}

async fn save(db: &DatabaseConnection, settings: &InstanceSettings) -> Result<()> {
    let rows = KEYS.iter().map(|key| instance_setting::ActiveModel {
        key: Set((*key).to_owned()),
        value: Set(settings.get(key).to_string()),
    });
    instance_setting::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(instance_setting::Column::Key)
                .update_column(instance_setting::Column::Value)
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}
