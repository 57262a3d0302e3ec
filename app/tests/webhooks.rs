//! The webhook queue on every database: events raised by the services land as one row per
//! hook that may hear them (a private gist's only for its owner's hooks), a claim is
//! exclusive while it lasts, and attempts are recorded until delivered or given up.

#![cfg(feature = "ssr")]

mod common;

use app::entities::webhook_delivery;
use app::rules::Visibility;
use app::rules::update::FileEntry;
use app::services::gists::NewGist;
use app::services::webhooks::{Outcome, RetryPolicy, WebhookService};
use common::backends;
use sea_orm::EntityTrait;

const ALL: &str = "gist.created,gist.updated,gist.deleted,gist.starred,gist.forked,comment.created";

fn new_gist(visibility: Visibility) -> NewGist {
    NewGist {
        title: "t".into(),
        description: "d".into(),
        visibility,
        topics: vec![],
        files: vec![FileEntry {
            name: "a.txt".into(),
            content: "x".into(),
        }],
    }
}

#[tokio::test]
async fn events_queue_claims_and_attempts() {
    for ctx in backends().await {
        let b = ctx.backend;
        let retry = RetryPolicy {
            attempts: 2,
            base: std::time::Duration::from_secs(3600),
        };
        let hooks = WebhookService::new(ctx.db.clone(), "https://gists.example.com", false, retry);
        let gists = ctx.gists.clone().with_webhooks(hooks.clone());
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let mine = hooks
            .create(Some(alice.id), "https://hooks.example.com/a", "s", ALL)
            .await
            .unwrap();
        let bobs = hooks
            .create(Some(bob.id), "https://hooks.example.com/b", "s", ALL)
            .await
            .unwrap();
        let instance = hooks
            .create(None, "https://hooks.example.com/i", "s", "gist.created")
            .await
            .unwrap();
        // Inside addresses are refused here too, whoever calls.
        assert!(
            hooks
                .create(Some(alice.id), "http://127.0.0.1/x", "s", ALL)
                .await
                .is_err(),
            "{b}"
        );

        gists
            .create(&alice, new_gist(Visibility::Public))
            .await
            .unwrap();
        let private = gists
            .create(&alice, new_gist(Visibility::Private))
            .await
            .unwrap();
        gists
            .delete(&alice, &private.summary.gist.id)
            .await
            .unwrap();
        let all = webhook_delivery::Entity::find().all(&ctx.db).await.unwrap();
        let of = |hook: i64| all.iter().filter(|d| d.hook_id == hook).count();
        assert_eq!(of(mine.id), 3, "{b}: created, created, deleted");
        assert_eq!(of(instance.id), 1, "{b}: only the public gist's creation");
        assert_eq!(of(bobs.id), 0, "{b}");

        // A claim is exclusive while it lasts.
        let claimed = hooks
            .claim_due(10, chrono::Duration::seconds(60))
            .await
            .unwrap();
        assert_eq!(claimed.len(), 4, "{b}");
        assert!(
            hooks
                .claim_due(10, chrono::Duration::seconds(60))
                .await
                .unwrap()
                .is_empty(),
            "{b}"
        );

        // Delivered; failed and waiting; failed for good at the last attempt.
        let ours: Vec<_> = claimed
            .iter()
            .filter(|(d, _)| d.hook_id == mine.id)
            .collect();
        let (first, _) = ours[0];
        hooks.record(first, Outcome::Delivered(204)).await.unwrap();
        let (second, _) = ours[1];
        let failure = || Outcome::Failed {
            code: Some(502),
            error: "bad gateway".into(),
        };
        hooks.record(second, failure()).await.unwrap();
        let again = webhook_delivery::Entity::find_by_id(second.id)
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (again.status.as_str(), again.attempts, again.response_code),
            ("pending", 1, Some(502)),
            "{b}"
        );
        assert!(
            again.next_attempt_at > chrono::Utc::now() + chrono::Duration::minutes(59),
            "{b}"
        );
        hooks.record(&again, failure()).await.unwrap();
        let gone = webhook_delivery::Entity::find_by_id(second.id)
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((gone.status.as_str(), gone.attempts), ("failed", 2), "{b}");
        let done = webhook_delivery::Entity::find_by_id(first.id)
            .one(&ctx.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (done.status.as_str(), done.response_code),
            ("delivered", Some(204)),
            "{b}"
        );

        // The log is the owner's; a redelivery is a new pending row with the same payload.
        let log = hooks.deliveries(Some(alice.id), mine.id).await.unwrap();
        assert_eq!(log.len(), 3, "{b}");
        assert!(
            hooks.deliveries(Some(bob.id), mine.id).await.is_err(),
            "{b}"
        );
        let again = hooks.redeliver(Some(alice.id), gone.id).await.unwrap();
        assert_eq!(again.status, "pending", "{b}");
        assert!(hooks.redeliver(Some(bob.id), gone.id).await.is_err(), "{b}");

        // Finished deliveries are kept for a while, then pruned; pending ones stay.
        assert_eq!(hooks.prune().await.unwrap(), 0, "{b}");
        webhook_delivery::Entity::update_many()
            .col_expr(
                webhook_delivery::Column::CreatedAt,
                sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::days(31)),
            )
            .exec(&ctx.db)
            .await
            .unwrap();
        assert_eq!(
            hooks.prune().await.unwrap(),
            2,
            "{b}: the delivered and the failed one"
        );

        // Deleting a hook takes its log with it.
        hooks.delete(Some(alice.id), mine.id).await.unwrap();
        assert!(
            hooks.delete(Some(bob.id), instance.id).await.is_err(),
            "{b}: not bob's"
        );
        let left = webhook_delivery::Entity::find().all(&ctx.db).await.unwrap();
        assert!(left.iter().all(|d| d.hook_id == instance.id), "{b}");
    }
}
