//! How every sign-in ends, whichever door it came through (the login form, LDAP, an
//! identity provider, a passkey): one place decides whether a second factor is still
//! owed, starts the session, and sends an admin who must have a second factor to set one
//! up.

use crate::access::Viewer;
use crate::entities::user;
use crate::error::{Error, Result};
use crate::state::AppState;

/// The cookie holding a sign-in that waits for its second factor.
pub const PENDING_COOKIE: &str = "gistful_2fa";

/// Where a sign-in that owes a second factor continues.
pub const SECOND_FACTOR_PAGE: &str = "/login/two-factor";

/// Where an admin who must set up a second factor is sent.
pub const ENROL_PAGE: &str = "/settings?mfa=required#two-factor";

/// What happens once a first factor is proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Signed in: the session's secret for the cookie, and where to go.
    Session { secret: String, next: String },
    /// A second factor is owed: the waiting sign-in's secret for [`PENDING_COOKIE`].
    SecondFactor { pending: String },
}

impl AppState {
    /// A password (local or LDAP) or an identity provider vouched for `user`.
    pub async fn first_factor_proved(&self, user: &user::Model, next: &str) -> Result<Step> {
        if self.second_factor.has_second_factor(user.id).await? {
            let pending = self.second_factor.begin_sign_in(user.id, next).await?;
            return Ok(Step::SecondFactor { pending });
        }
        self.open_session(user, next).await
    }

    /// Every factor owed is proved (or a passkey, which is both): the session starts.
    pub async fn open_session(&self, user: &user::Model, next: &str) -> Result<Step> {
        let secret = self.sessions.create(user.id).await?;
        let next = if self.must_enrol(user).await? {
            ENROL_PAGE.to_owned()
        } else {
            next.to_owned()
        };
        Ok(Step::Session { secret, next })
    }

    /// The admin panel's door, for its server functions and its uploads alike: the
    /// signed-in admin; anyone else gets `NotFound` (see [`Viewer::require_admin`]). On an
    /// instance that requires admins to have a second factor, an admin without one is
    /// refused until they set one up.
    pub async fn admin(&self, viewer: &Viewer) -> Result<user::Model> {
        let admin = viewer.require_admin().cloned()?;
        if self.must_enrol(&admin).await? {
            return Err(Error::Forbidden(
                "This instance requires admins to have a second factor: set one up in Settings first"
                    .into(),
            ));
        }
        Ok(admin)
    }

    /// An admin without a second factor on an instance that requires one.
    pub async fn must_enrol(&self, user: &user::Model) -> Result<bool> {
        Ok(user.is_admin
            && self.settings.load().await?.require_admin_mfa
            && !self.second_factor.has_second_factor(user.id).await?)
    }
}

/// The `Set-Cookie` value for a waiting sign-in: as short-lived as the wait, and only
/// sent back to this site.
pub fn pending_cookie(secret: &str, secure: bool) -> String {
    let max_age = crate::services::second_factor::CHALLENGE_MINUTES * 60;
    let secure = if secure { "; Secure" } else { "" };
    format!("{PENDING_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The `Set-Cookie` value that forgets a waiting sign-in.
pub fn clear_pending_cookie() -> String {
    format!("{PENDING_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}
