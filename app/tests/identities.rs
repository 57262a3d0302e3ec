//! Accounts made and found through identity providers, on SQLite and PostgreSQL.

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::services::identities::{NewFlow, ProviderPerson};
use app::services::users::NewUser;
use app::services::{IdentityService, UserService};
use common::backends;

fn person(subject: &str, name: &str, admin: Option<bool>) -> ProviderPerson {
    ProviderPerson {
        provider: "openid-connect".into(),
        subject: subject.into(),
        preferred_username: name.into(),
        email: format!("{subject}@corp.example"),
        admin,
    }
}

fn flow(state: &str) -> NewFlow {
    NewFlow {
        state: state.into(),
        provider: "openid-connect".into(),
        pkce_verifier: "verifier".into(),
        nonce: "nonce".into(),
        next: "/".into(),
        link_user_id: None,
    }
}

#[tokio::test]
async fn a_flow_is_taken_once_and_only_by_its_provider() {
    for ctx in backends().await {
        let ids = IdentityService::new(ctx.db.clone());
        ids.begin(flow("state-1")).await.unwrap();
        assert!(
            ids.take("state-1", "github").await.unwrap().is_none(),
            "another provider"
        );
        // ...which spent it.
        assert!(
            ids.take("state-1", "openid-connect")
                .await
                .unwrap()
                .is_none()
        );

        ids.begin(flow("state-2")).await.unwrap();
        let taken = ids
            .take("state-2", "openid-connect")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(taken.pkce_verifier, "verifier");
        assert_ne!(taken.id, "state-2", "only the state's hash is kept");
        assert!(
            ids.take("state-2", "openid-connect")
                .await
                .unwrap()
                .is_none(),
            "replayed"
        );
        assert!(
            ids.take("never-issued", "openid-connect")
                .await
                .unwrap()
                .is_none()
        );
    }
}

#[tokio::test]
async fn a_subject_is_one_account_whose_admin_rights_follow_the_provider() {
    for ctx in backends().await {
        let users = UserService::new(ctx.db.clone());
        let ids = IdentityService::new(ctx.db.clone());
        // A local account takes the name the provider prefers.
        users
            .register(NewUser {
                username: "dana".into(),
                email: "dana@home.example".into(),
                password: "correct horse".into(),
                admin: false,
            })
            .await
            .unwrap();

        let first = ids
            .sign_in(person("sub-1", "dana", Some(true)), true)
            .await
            .unwrap();
        assert_eq!(first.username, "dana-2", "made unique");
        assert!(first.is_admin);
        assert_eq!(first.password_hash, "", "no password to sign in with");
        assert!(users.verify_password("dana-2", "").await.is_err());

        // The same subject, with another preferred name and out of the admin group.
        let again = ids
            .sign_in(person("sub-1", "someone-else", Some(false)), true)
            .await
            .unwrap();
        assert_eq!(again.id, first.id);
        assert!(!again.is_admin, "demoted at this sign-in");
        // No admin group configured: rights stay as they are.
        let kept = ids
            .sign_in(person("sub-1", "dana", None), true)
            .await
            .unwrap();
        assert!(!kept.is_admin);

        // Linked accounts get in when sign-ups are closed; new people do not.
        assert_eq!(
            ids.sign_in(person("sub-1", "dana", None), false)
                .await
                .unwrap()
                .id,
            first.id
        );
        let closed = ids
            .sign_in(person("sub-2", "erin", None), false)
            .await
            .unwrap_err();
        assert!(matches!(closed, Error::Forbidden(_)), "{closed:?}");
        assert!(users.find_by_username("erin").await.unwrap().is_none());
        assert_eq!(ids.linked(first.id).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn an_email_in_use_is_never_merged() {
    for ctx in backends().await {
        let users = UserService::new(ctx.db.clone());
        let ids = IdentityService::new(ctx.db.clone());
        let local = users
            .register(NewUser {
                username: "frank".into(),
                email: "sub-3@corp.example".into(),
                password: "correct horse".into(),
                admin: false,
            })
            .await
            .unwrap();
        let err = ids
            .sign_in(person("sub-3", "frank", None), true)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Conflict(_)), "{err:?}");
        assert!(ids.linked(local.id).await.unwrap().is_empty());
        assert!(users.find_by_username("frank-2").await.unwrap().is_none());
    }
}

#[tokio::test]
async fn links_belong_to_one_account_and_the_last_way_in_stays() {
    for ctx in backends().await {
        let users = UserService::new(ctx.db.clone());
        let ids = IdentityService::new(ctx.db.clone());
        let made = ids
            .sign_in(person("sub-7", "gina", None), true)
            .await
            .unwrap();
        let local = users
            .register(NewUser {
                username: "hugo".into(),
                email: "hugo@home.example".into(),
                password: "correct horse".into(),
                admin: false,
            })
            .await
            .unwrap();
        // Gina's person is hers.
        let taken = ids
            .link(local.id, person("sub-7", "x", None))
            .await
            .unwrap_err();
        assert!(matches!(taken, Error::Conflict(_)), "{taken:?}");
        ids.link(local.id, person("sub-8", "x", None))
            .await
            .unwrap();
        // One person per provider and account.
        let second = ids
            .link(local.id, person("sub-9", "x", None))
            .await
            .unwrap_err();
        assert!(matches!(second, Error::Conflict(_)), "{second:?}");
        ids.link(local.id, person("sub-8", "x", None))
            .await
            .unwrap();

        let last = ids.unlink(&made, "openid-connect").await.unwrap_err();
        assert!(matches!(last, Error::Forbidden(_)), "{last:?}");
        ids.unlink(&local, "openid-connect").await.unwrap();
        assert!(ids.linked(local.id).await.unwrap().is_empty());
        assert_eq!(
            ids.unlink(&local, "openid-connect").await.unwrap_err(),
            Error::NotFound
        );
    }
}

#[tokio::test]
async fn a_provider_made_account_picks_its_username_once() {
    for ctx in backends().await {
        let users = UserService::new(ctx.db.clone());
        let ids = IdentityService::new(ctx.db.clone());
        let made = ids
            .sign_in(person("sub-11", "ivy", None), true)
            .await
            .unwrap();
        assert!(made.rename_allowed);
        let invalid = ids.rename_once(&made, "not valid!").await.unwrap_err();
        assert!(matches!(invalid, Error::Validation(_)), "{invalid:?}");
        let renamed = ids.rename_once(&made, "ivy-green").await.unwrap();
        assert_eq!(renamed.username, "ivy-green");
        assert!(!renamed.rename_allowed);
        let again = ids.rename_once(&renamed, "ivy-blue").await.unwrap_err();
        assert!(matches!(again, Error::Forbidden(_)), "{again:?}");
        // Found by subject under its new name.
        let back = ids
            .sign_in(person("sub-11", "ivy", None), true)
            .await
            .unwrap();
        assert_eq!(back.username, "ivy-green");

        let local = users
            .register(NewUser {
                username: "jack".into(),
                email: "jack@home.example".into(),
                password: "correct horse".into(),
                admin: false,
            })
            .await
            .unwrap();
        assert!(
            !local.rename_allowed,
            "local accounts chose their name already"
        );
        assert!(ids.rename_once(&local, "jack-2").await.is_err());
    }
}

#[tokio::test]
async fn flows_are_bounded_in_number_and_size() {
    use app::services::identities::{FLOWS_MAX, NEXT_MAX};
    use sea_orm::{EntityTrait, Set};

    for ctx in backends().await {
        let ids = IdentityService::new(ctx.db.clone());
        let mut long = flow("long-next");
        long.next = format!("/{}", "a".repeat(NEXT_MAX + 10));
        ids.begin(long).await.unwrap();
        assert_eq!(
            ids.take("long-next", "openid-connect")
                .await
                .unwrap()
                .unwrap()
                .next,
            "/"
        );

        // Fill the table to the bound (rows as `begin` writes them), then one more.
        let expires = chrono::Utc::now() + chrono::Duration::minutes(5);
        let rows: Vec<_> = (0..FLOWS_MAX)
            .map(|n| app::entities::login_flow::ActiveModel {
                id: Set(format!("{n:064}")),
                provider: Set("openid-connect".into()),
                pkce_verifier: Set(String::new()),
                nonce: Set(String::new()),
                next: Set("/".into()),
                link_user_id: Set(None),
                expires_at: Set(expires),
            })
            .collect();
        for chunk in rows.chunks(500) {
            app::entities::login_flow::Entity::insert_many(chunk.to_vec())
                .exec(&ctx.db)
                .await
                .unwrap();
        }
        let refused = ids.begin(flow("one-too-many")).await.unwrap_err();
        assert_eq!(refused, Error::RateLimited);
    }
}
