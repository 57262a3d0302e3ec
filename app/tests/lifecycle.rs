//! A gist's lifecycle against real databases (SQLite and PostgreSQL) and real
//! repositories: expiry (read time and the clean-up), archive, custom URLs, the comments
//! switch and pins.

#![cfg(feature = "ssr")]

mod common;

use chrono::{Duration, Utc};

use app::Error;
use app::entities::gist;
use app::rules::update::FileEntry;
use app::rules::{Comments, Visibility};
use app::services::comments::CommentService;
use app::services::gists::{GistUpdate, NewGist, Settings};
use app::services::listing::{ListQuery, ListScope};
use common::{Ctx, backends};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

fn new_gist(visibility: Visibility) -> NewGist {
    NewGist {
        title: "A title".into(),
        description: String::new(),
        visibility,
        topics: Vec::new(),
        files: vec![FileEntry {
            name: "a.txt".into(),
            content: "hello\n".into(),
        }],
    }
}

fn slug(slug: &str) -> Settings {
    Settings {
        slug: Some(Some(slug.into())),
        ..Settings::default()
    }
}

/// Moves a gist's expiry into the past, as time would.
async fn expire_now(ctx: &Ctx, id: &str) {
    gist::Entity::update_many()
        .col_expr(
            gist::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Some(Utc::now() - Duration::seconds(1))),
        )
        .filter(gist::Column::Id.eq(id))
        .exec(&ctx.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn an_expired_gist_is_gone_at_once_and_the_job_removes_it() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let soon = Settings {
            expires_at: Some(Some(Utc::now() + Duration::hours(1))),
            ..Settings::default()
        };
        let created = ctx
            .gists
            .create_with(&alice, new_gist(Visibility::Public), soon)
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();
        let at = created.summary.gist.expires_at.expect("an expiry");
        // The soonest expiry to come, as the response cache follows it.
        let horizon = || {
            ctx.gists
                .expiry_horizon()
                .load(std::sync::atomic::Ordering::Acquire)
        };
        assert_eq!(horizon(), at.timestamp_millis(), "noted by the write");
        ctx.gists
            .expiry_horizon()
            .store(i64::MAX, std::sync::atomic::Ordering::Release);
        ctx.gists.refresh_expiry_horizon().await.unwrap();
        assert_eq!(horizon(), at.timestamp_millis(), "read from the database");
        let keep = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public))
            .await
            .unwrap();
        assert!(ctx.gists.get(None, &id).await.is_ok());

        expire_now(&ctx, &id).await;
        // Before any job runs: no read, not even the owner's, and no list has it.
        assert_eq!(
            ctx.gists.get(Some(alice.id), &id).await.unwrap_err(),
            Error::NotFound
        );
        assert_eq!(ctx.gists.get(None, &id).await.unwrap_err(), Error::NotFound);
        let listed = ctx
            .gists
            .list(&ListQuery::new(ListScope::User(alice.id), Some(alice.id)))
            .await
            .unwrap();
        let ids: Vec<&str> = listed.items.iter().map(|s| s.gist.id.as_str()).collect();
        assert_eq!(ids, vec![keep.summary.gist.id.as_str()], "{}", ctx.backend);
        assert!(ctx.store().path(&id).exists(), "the job has not run yet");

        ctx.gists.refresh_expiry_horizon().await.unwrap();
        assert_eq!(horizon(), i64::MAX, "none to come");
        let deleted = ctx.gists.delete_expired().await.unwrap();
        assert_eq!(deleted, vec![id.clone()]);
        assert!(!ctx.store().path(&id).exists(), "its repository is gone");
        assert!(
            gist::Entity::find_by_id(id.as_str())
                .one(&ctx.db)
                .await
                .unwrap()
                .is_none()
        );
        assert!(ctx.gists.get(None, &keep.summary.gist.id).await.is_ok());
        assert!(ctx.gists.delete_expired().await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn expiry_is_set_changed_and_removed_within_bounds() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let past = Settings {
            expires_at: Some(Some(Utc::now() - Duration::minutes(1))),
            ..Settings::default()
        };
        assert!(matches!(
            ctx.gists
                .create_with(&alice, new_gist(Visibility::Public), past)
                .await,
            Err(Error::Validation(_))
        ));
        let far = Settings {
            expires_at: Some(Some(Utc::now() + Duration::days(400))),
            ..Settings::default()
        };
        assert!(matches!(
            ctx.gists
                .create_with(&alice, new_gist(Visibility::Public), far.clone())
                .await,
            Err(Error::Validation(_))
        ));
        let id = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let before = ctx.gists.history(None, &id, 1, 10).await.unwrap().1;
        let in_a_day = Settings {
            expires_at: Some(Some(Utc::now() + Duration::days(1))),
            ..Settings::default()
        };
        let saved = ctx
            .gists
            .update_with(&alice, &id, None, GistUpdate::default(), in_a_day)
            .await
            .unwrap();
        assert!(saved.summary.gist.expires_at.is_some());
        assert_eq!(
            ctx.gists.history(None, &id, 1, 10).await.unwrap().1,
            before,
            "settings make no commit"
        );
        let never = Settings {
            expires_at: Some(None),
            ..Settings::default()
        };
        let saved = ctx
            .gists
            .update_with(&alice, &id, None, GistUpdate::default(), never)
            .await
            .unwrap();
        assert_eq!(saved.summary.gist.expires_at, None);
    }
}

#[tokio::test]
async fn an_archived_gist_refuses_writes_until_unarchived() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let comments = CommentService::new(ctx.gists.clone());
        let id = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        assert_eq!(
            ctx.gists.set_archived(&bob, &id, true).await.unwrap_err(),
            Error::NotFound,
            "only the owner archives"
        );
        let archived = ctx.gists.set_archived(&alice, &id, true).await.unwrap();
        assert!(archived.gist.archived);
        let retitle = GistUpdate {
            title: Some("new".into()),
            ..GistUpdate::default()
        };
        let refused = ctx
            .gists
            .update(&alice, &id, retitle.clone())
            .await
            .unwrap_err();
        assert_eq!(refused, Error::Conflict(app::access::ARCHIVED.into()));
        assert!(matches!(
            ctx.gists
                .update_with(&alice, &id, None, GistUpdate::default(), slug("notes"))
                .await,
            Err(Error::Conflict(_))
        ));
        assert_eq!(
            comments.create(&bob, &id, "hi").await.unwrap_err(),
            Error::Forbidden(app::access::ARCHIVED.into())
        );
        // Stars and forks remain.
        ctx.gists.star(&bob, &id).await.unwrap();
        ctx.gists.fork(&bob, &id).await.unwrap();
        assert_eq!(
            ctx.gists.get(None, &id).await.unwrap().summary.gist.title,
            "A title"
        );

        ctx.gists.set_archived(&alice, &id, false).await.unwrap();
        let saved = ctx.gists.update(&alice, &id, retitle).await.unwrap();
        assert_eq!(saved.summary.gist.title, "new");
        comments.create(&bob, &id, "hi").await.unwrap();
    }
}

#[tokio::test]
async fn a_custom_url_names_one_gist_of_its_owner() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let first = ctx
            .gists
            .create_with(&alice, new_gist(Visibility::Public), slug("My-Notes"))
            .await
            .unwrap()
            .summary
            .gist;
        assert_eq!(first.slug.as_deref(), Some("My-Notes"));
        assert_eq!(
            ctx.gists.id_for("alice", "my-notes").await.unwrap(),
            first.id
        );
        assert_eq!(
            ctx.gists.id_for("ALICE", "MY-NOTES").await.unwrap(),
            first.id
        );
        assert_eq!(
            ctx.gists.id_for("bob", "my-notes").await.unwrap_err(),
            Error::NotFound
        );
        // The id keeps working, and an id-shaped segment never looks a slug up.
        assert_eq!(
            ctx.gists.id_for("alice", &first.id).await.unwrap(),
            first.id
        );

        // Unique per owner, whatever the case; another owner may use it.
        let second = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public))
            .await
            .unwrap()
            .summary
            .gist;
        let taken = ctx
            .gists
            .update_with(
                &alice,
                &second.id,
                None,
                GistUpdate::default(),
                slug("my-NOTES"),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&taken, Error::Validation(e) if e[0].code == "already_exists"),
            "{taken:?}"
        );
        ctx.gists
            .create_with(&bob, new_gist(Visibility::Public), slug("my-notes"))
            .await
            .unwrap();
        assert!(matches!(
            ctx.gists
                .create_with(&alice, new_gist(Visibility::Public), slug("edit"))
                .await,
            Err(Error::Validation(_))
        ));
        assert!(matches!(
            ctx.gists
                .create_with(&alice, new_gist(Visibility::Public), slug("beef"))
                .await,
            Err(Error::Validation(_))
        ));

        // Changing it frees the old one: it names nothing, then the gist that takes it.
        ctx.gists
            .update_with(
                &alice,
                &first.id,
                None,
                GistUpdate::default(),
                slug("renamed"),
            )
            .await
            .unwrap();
        assert_eq!(
            ctx.gists.id_for("alice", "my-notes").await.unwrap_err(),
            Error::NotFound
        );
        assert_eq!(
            ctx.gists.id_for("alice", "renamed").await.unwrap(),
            first.id
        );
        ctx.gists
            .update_with(
                &alice,
                &second.id,
                None,
                GistUpdate::default(),
                slug("my-notes"),
            )
            .await
            .unwrap();
        assert_eq!(
            ctx.gists.id_for("alice", "my-notes").await.unwrap(),
            second.id
        );

        // A private gist's slug resolves to an id, and the read then says not found.
        let private = ctx
            .gists
            .create_with(&alice, new_gist(Visibility::Private), slug("secret"))
            .await
            .unwrap()
            .summary
            .gist;
        assert_eq!(
            ctx.gists
                .find_named(Some(bob.id), Some("alice"), "secret")
                .await
                .unwrap_err(),
            Error::NotFound
        );
        assert_eq!(
            ctx.gists
                .find_named(Some(alice.id), Some("alice"), "secret")
                .await
                .unwrap()
                .gist
                .id,
            private.id
        );
        assert_eq!(
            ctx.gists
                .find_named(None, None, "secret")
                .await
                .unwrap_err(),
            Error::NotFound,
            "a custom URL needs its owner"
        );
    }
}

#[tokio::test]
async fn comments_can_be_closed_or_hidden() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let comments = CommentService::new(ctx.gists.clone());
        let id = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        comments.create(&bob, &id, "first").await.unwrap();
        for (mode, others_see) in [(Comments::Closed, 1), (Comments::Hidden, 0)] {
            let switch = Settings {
                comments: Some(mode),
                ..Settings::default()
            };
            ctx.gists
                .update_with(&alice, &id, None, GistUpdate::default(), switch)
                .await
                .unwrap();
            assert_eq!(
                comments.create(&bob, &id, "again").await.unwrap_err(),
                Error::Forbidden(app::access::COMMENTS_OFF.into()),
                "{mode:?}"
            );
            assert_eq!(
                comments
                    .list(Some(bob.id), &id, 1, 10)
                    .await
                    .unwrap()
                    .items
                    .len(),
                others_see
            );
            assert_eq!(
                comments.list(None, &id, 1, 10).await.unwrap().items.len(),
                others_see
            );
            assert_eq!(
                comments
                    .list(Some(alice.id), &id, 1, 10)
                    .await
                    .unwrap()
                    .items
                    .len(),
                1,
                "kept, and its owner sees them"
            );
        }
    }
}

#[tokio::test]
async fn pins_are_ones_own_public_gists_in_order() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let mut ids = Vec::new();
        for _ in 0..7 {
            ids.push(
                ctx.gists
                    .create(&alice, new_gist(Visibility::Public))
                    .await
                    .unwrap()
                    .summary
                    .gist
                    .id,
            );
        }
        let order = vec![ids[2].clone(), ids[0].clone(), ids[1].clone()];
        ctx.gists.set_pins(&alice, &order).await.unwrap();
        let pinned: Vec<String> = ctx
            .gists
            .pinned(alice.id, None)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.gist.id)
            .collect();
        assert_eq!(pinned, order);
        assert!(
            matches!(
                ctx.gists.set_pins(&alice, &ids).await,
                Err(Error::Validation(_))
            ),
            "at most 6"
        );
        let twice = vec![ids[0].clone(), ids[0].clone()];
        assert!(matches!(
            ctx.gists.set_pins(&alice, &twice).await,
            Err(Error::Validation(_))
        ));
        assert!(
            ctx.gists.set_pins(&bob, &order[..1]).await.is_err(),
            "not bob's"
        );
        let private = ctx
            .gists
            .create(&alice, new_gist(Visibility::Private))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        assert!(matches!(
            ctx.gists.set_pins(&alice, &[private]).await,
            Err(Error::Validation(_))
        ));
        // A pinned gist made unlisted drops out of the profile.
        ctx.gists
            .update(
                &alice,
                &ids[2],
                GistUpdate {
                    visibility: Some(Visibility::Unlisted),
                    ..GistUpdate::default()
                },
            )
            .await
            .unwrap();
        let shown = ctx.gists.pinned(alice.id, Some(bob.id)).await.unwrap();
        assert_eq!(shown.len(), 2);
        assert_eq!(shown[0].gist.id, ids[0]);
    }
}

/// An expiry is stored as given or refused, never turned into "never": MariaDB makes a
/// time after 2038-01-19 NULL, so there such an expiry gets a 422 naming the limit; the
/// other databases store it. (Tokens: `services::tokens` unit tests.)
#[tokio::test]
async fn an_expiry_the_database_cannot_store_is_refused_not_dropped() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let gists = ctx.gists.clone().with_max_expiry_days(36_500);
        let far = Utc::now() + Duration::days(365 * 20);
        let made = gists
            .create_with(
                &alice,
                new_gist(Visibility::Public),
                Settings {
                    expires_at: Some(Some(far)),
                    ..Settings::default()
                },
            )
            .await;
        match ctx.backend {
            "mysql" => {
                let Err(Error::Validation(errors)) = made else {
                    panic!("mysql: a 2046 expiry was accepted: {made:?}");
                };
                assert!(errors[0].message.contains("days ahead"), "{errors:?}");
                assert!(
                    gist::Entity::find().all(&ctx.db).await.unwrap().is_empty(),
                    "nothing written"
                );
            }
            _ => {
                let made = made.unwrap_or_else(|e| panic!("{}: {e:?}", ctx.backend));
                let back = gists.find(None, &made.summary.gist.id).await.unwrap();
                let stored = back.expires_at.expect("an expiry");
                assert_eq!(stored.timestamp_micros(), far.timestamp_micros());
            }
        }
    }
}
