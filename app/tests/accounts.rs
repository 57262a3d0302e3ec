//! User and token services on SQLite and PostgreSQL.

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::rules::Scope;
use app::services::tokens::NewToken;
use app::services::users::{NewUser, ProfileUpdate};
use app::services::{TokenService, UserService};
use common::backends;

fn new_user(name: &str) -> NewUser {
    NewUser {
        username: name.into(),
        email: format!("{name}@example.com"),
        password: "correct horse".into(),
        admin: false,
    }
}

#[tokio::test]
async fn first_user_is_admin_and_names_are_case_insensitive() {
    for ctx in backends().await {
        let db = ctx.db.clone();
        let users = UserService::new(db);
        let alice = users.register(new_user("Alice")).await.unwrap();
        assert!(alice.is_admin, "the first user administers the instance");
        assert_ne!(alice.password_hash, "correct horse");
        assert!(alice.password_hash.starts_with("$argon2id$"));

        let bob = users.register(new_user("bob")).await.unwrap();
        assert!(!bob.is_admin);

        let err = users.register(new_user("ALICE")).await.unwrap_err();
        let Error::Validation(errors) = err else {
            panic!("expected validation error")
        };
        assert_eq!(errors[0].code, "already_exists");
        assert_eq!(users.get_by_username("alice").await.unwrap().id, alice.id);
    }
}
#[tokio::test]
async fn registration_validates_every_field() {
    for ctx in backends().await {
        let db = ctx.db.clone();
        let users = UserService::new(db);
        let err = users
            .register(NewUser {
                username: "login".into(),
                email: "nope".into(),
                password: "short".into(),
                admin: false,
            })
            .await
            .unwrap_err();
        let Error::Validation(errors) = err else {
            panic!("expected validation error")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["username", "email", "password"]);
    }
}
#[tokio::test]
async fn passwords_verify_and_reset() {
    for ctx in backends().await {
        let db = ctx.db.clone();
        let users = UserService::new(db);
        users.register(new_user("carol")).await.unwrap();
        assert!(
            users
                .verify_password("carol", "correct horse")
                .await
                .is_ok()
        );
        assert_eq!(
            users
                .verify_password("carol", "wrong horse")
                .await
                .unwrap_err(),
            Error::BadCredentials
        );
        assert_eq!(
            users
                .verify_password("nobody", "correct horse")
                .await
                .unwrap_err(),
            Error::BadCredentials
        );
        users
            .reset_password("carol", "battery staple".into())
            .await
            .unwrap();
        assert!(
            users
                .verify_password("CAROL", "battery staple")
                .await
                .is_ok()
        );
        assert!(
            users
                .verify_password("carol", "correct horse")
                .await
                .is_err()
        );
        assert!(matches!(
            users.reset_password("carol", "x".into()).await,
            Err(Error::Validation(_))
        ));

        let promoted = users.set_admin("carol", true).await.unwrap();
        assert!(promoted.is_admin);
        assert!(!users.set_admin("carol", false).await.unwrap().is_admin);
        assert_eq!(
            users.set_admin("ghost", true).await.unwrap_err(),
            Error::NotFound
        );
    }
}
#[tokio::test]
async fn tokens_are_hashed_scoped_and_revocable() {
    for ctx in backends().await {
        let db = ctx.db.clone();
        let user = UserService::new(db.clone())
            .register(new_user("dave"))
            .await
            .unwrap();
        let tokens = TokenService::new(db);
        let created = tokens
            .create(NewToken {
                user_id: user.id,
                name: "laptop".into(),
                scopes: vec![Scope::GistWrite],
                expires_in_days: Some(30),
            })
            .await
            .unwrap();
        assert!(created.secret.starts_with("og_"));
        assert_eq!(created.secret.len(), 3 + 64);
        assert!(created.secret[3..].bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(
            created.token.token_hash, created.secret,
            "only a hash is stored"
        );
        assert!(created.token.expires_at.is_some());

        let identity = tokens.verify(&created.secret).await.unwrap();
        assert_eq!(identity.user.id, user.id);
        assert!(identity.allows(Scope::GistRead), "write implies read");
        assert!(!identity.allows(Scope::UserRead));
        let listed = tokens.list(user.id).await.unwrap();
        assert!(listed[0].last_used_at.is_some(), "use is recorded");

        assert_eq!(
            tokens.verify("og_deadbeef").await.err(),
            Some(Error::BadCredentials)
        );
        assert_eq!(
            tokens.verify("ghp_x").await.err(),
            Some(Error::BadCredentials)
        );
        assert_eq!(
            tokens
                .revoke(user.id + 1, created.token.id)
                .await
                .unwrap_err(),
            Error::NotFound
        );
        tokens.revoke(user.id, created.token.id).await.unwrap();
        assert_eq!(
            tokens.verify(&created.secret).await.err(),
            Some(Error::BadCredentials)
        );

        for days in [0, 5000] {
            let err = tokens
                .create(NewToken {
                    user_id: user.id,
                    name: "x".into(),
                    scopes: vec![],
                    expires_in_days: Some(days),
                })
                .await
                .err();
            assert!(matches!(err, Some(Error::Validation(_))), "{days} days");
        }
    }
}
#[tokio::test]
async fn expired_tokens_are_bad_credentials() {
    use app::entities::access_token;
    use sea_orm::{ActiveModelTrait, Set};

    for ctx in backends().await {
        let db = ctx.db.clone();
        let user = UserService::new(db.clone())
            .register(new_user("erin"))
            .await
            .unwrap();
        let tokens = TokenService::new(db.clone());
        let created = tokens
            .create(NewToken {
                user_id: user.id,
                name: "old".into(),
                scopes: vec![Scope::GistRead],
                expires_in_days: Some(1),
            })
            .await
            .unwrap();
        let mut active: access_token::ActiveModel = created.token.into();
        active.expires_at = Set(Some(chrono::Utc::now() - chrono::Duration::seconds(1)));
        active.update(&db).await.unwrap();
        assert_eq!(
            tokens.verify(&created.secret).await.err(),
            Some(Error::BadCredentials)
        );
    }
}
#[tokio::test]
async fn profiles_update_and_usernames_stay_unique() {
    for ctx in backends().await {
        let db = ctx.db.clone();
        let users = UserService::new(db);
        let frank = users.register(new_user("frank")).await.unwrap();
        users.register(new_user("grace")).await.unwrap();

        let updated = users
            .update_profile(
                frank.id,
                ProfileUpdate {
                    display_name: Some(" Frank F. ".into()),
                    email: Some("f@example.org".into()),
                    bio: Some("writes code".into()),
                    username: Some("Frankie".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(updated.display_name, "Frank F.");
        assert_eq!(updated.email, "f@example.org");
        assert_eq!(updated.bio, "writes code");
        assert_eq!(updated.username, "Frankie");
        assert_eq!(users.get_by_username("frankie").await.unwrap().id, frank.id);
        assert!(users.find_by_username("frank").await.unwrap().is_none());

        let taken = users
            .update_profile(
                frank.id,
                ProfileUpdate {
                    username: Some("GRACE".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap_err();
        assert!(matches!(taken, Error::Conflict(_)), "{taken:?}");
        let bad = users
            .update_profile(
                frank.id,
                ProfileUpdate {
                    email: Some("nope".into()),
                    bio: Some("x".repeat(1001)),
                    ..Default::default()
                },
            )
            .await
            .unwrap_err();
        let Error::Validation(errors) = bad else {
            panic!("expected validation")
        };
        assert_eq!(errors.len(), 2);

        let sessions = app::services::sessions::SessionService::new(ctx.db.clone());
        let here = sessions.create(frank.id).await.unwrap();
        let stolen = sessions.create(frank.id).await.unwrap();
        let grace = users.get_by_username("grace").await.unwrap();
        let graces = sessions.create(grace.id).await.unwrap();
        assert!(matches!(
            users
                .change_password(
                    frank.id,
                    "wrong password",
                    "new password 1".into(),
                    Some(&here)
                )
                .await,
            Err(Error::Validation(_))
        ));
        assert!(
            sessions.user(&stolen).await.unwrap().is_some(),
            "a refused change ends nothing"
        );
        users
            .change_password(
                frank.id,
                "correct horse",
                "new password 1".into(),
                Some(&here),
            )
            .await
            .unwrap();
        assert!(
            users
                .verify_password("frankie", "new password 1")
                .await
                .is_ok()
        );
        assert!(
            sessions.user(&stolen).await.unwrap().is_none(),
            "every other session ends with the old password"
        );
        assert!(
            sessions.user(&here).await.unwrap().is_some(),
            "the changer stays signed in"
        );
        assert!(
            sessions.user(&graces).await.unwrap().is_some(),
            "other users keep theirs"
        );
        users
            .reset_password("frankie", "new password 2".into())
            .await
            .unwrap();
        assert!(
            sessions.user(&here).await.unwrap().is_none(),
            "an admin's reset ends every session"
        );
    }
}

/// Two servers on one database: each keeps the settings it read for a moment, sees its
/// own change at once and the other's once that moment has passed.
#[tokio::test]
async fn instance_settings_are_kept_for_a_moment_and_shared_between_servers() {
    use app::services::settings::{InstanceSettings, SettingsService};
    use std::time::Duration;
    for ctx in backends().await {
        let fresh_for = Duration::from_millis(300);
        let one = SettingsService::fresh_for(ctx.db.clone(), fresh_for);
        let two = SettingsService::fresh_for(ctx.db.clone(), fresh_for);
        assert_eq!(one.load().await.unwrap(), InstanceSettings::default());
        assert_eq!(two.load().await.unwrap(), InstanceSettings::default());

        let changed = InstanceSettings {
            require_login: true,
            ..InstanceSettings::default()
        };
        one.save(&changed).await.unwrap();
        assert_eq!(one.load().await.unwrap(), changed, "its own change at once");
        // The other server answers from memory, without asking the database...
        assert!(!two.load().await.unwrap().require_login);
        tokio::time::sleep(fresh_for + Duration::from_millis(50)).await;
        // ...until its copy is older than `fresh_for`.
        assert_eq!(two.load().await.unwrap(), changed);

        // Zero: every load reads.
        let always = SettingsService::fresh_for(ctx.db.clone(), Duration::ZERO);
        two.save(&InstanceSettings::default()).await.unwrap();
        assert_eq!(always.load().await.unwrap(), InstanceSettings::default());
    }
}

#[tokio::test]
async fn preferences_start_at_defaults_are_checked_and_kept() {
    use app::rules::preferences::Preferences;
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        assert_eq!(
            alice.preferences(),
            Preferences::default(),
            "{}",
            ctx.backend
        );
        let chosen = Preferences {
            theme: "dark".into(),
            soft_wrap: true,
            tab_width: 8,
            default_visibility: "private".into(),
        };
        ctx.users
            .set_preferences(alice.id, chosen.clone())
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", ctx.backend));
        let again = ctx.users.get_by_username("alice").await.unwrap();
        assert_eq!(again.preferences(), chosen, "{}", ctx.backend);

        // A bad value is refused, naming the field, and nothing changes.
        let bad = Preferences {
            tab_width: 3,
            ..chosen.clone()
        };
        let Err(Error::Validation(errors)) = ctx.users.set_preferences(alice.id, bad).await else {
            panic!("{}: a tab width of 3 was accepted", ctx.backend);
        };
        assert_eq!(errors[0].field, "tab_width");
        let after = ctx.users.get_by_username("alice").await.unwrap();
        assert_eq!(after.preferences(), chosen, "{}", ctx.backend);

        // The language is kept beside the other preferences and can be forgotten again.
        let saved = ctx
            .users
            .set_locale(alice.id, app::i18n::Locale::from_tag("de"))
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", ctx.backend));
        assert_eq!(saved.pref_locale, "de", "{}", ctx.backend);
        assert_eq!(saved.preferences(), chosen, "{}", ctx.backend);
        let forgot = ctx.users.set_locale(alice.id, None).await.unwrap();
        assert_eq!(forgot.pref_locale, "", "{}", ctx.backend);
    }
}
