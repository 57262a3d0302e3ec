//! User and token services against a real SQLite database file.

#![cfg(feature = "ssr")]

use app::Error;
use app::rules::Scope;
use app::services::tokens::NewToken;
use app::services::users::NewUser;
use app::services::{TokenService, UserService};
use sea_orm::DatabaseConnection;

async fn database() -> (tempfile::TempDir, DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
    let db = app::db::connect_and_migrate(&uri).await.unwrap();
    (dir, db)
}

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
    let (_dir, db) = database().await;
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

#[tokio::test]
async fn registration_validates_every_field() {
    let (_dir, db) = database().await;
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

#[tokio::test]
async fn passwords_verify_and_reset() {
    let (_dir, db) = database().await;
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

#[tokio::test]
async fn tokens_are_hashed_scoped_and_revocable() {
    let (_dir, db) = database().await;
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

#[tokio::test]
async fn expired_tokens_are_bad_credentials() {
    use app::entities::access_token;
    use sea_orm::{ActiveModelTrait, Set};

    let (_dir, db) = database().await;
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
