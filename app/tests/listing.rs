//! Lists read the database only: 10,000 gists, page by page, and not one repository opened.

#![cfg(feature = "ssr")]

mod common;

use std::collections::HashSet;

use app::entities::{gist, gist_file};
use app::services::listing::{ListQuery, ListScope, SortBy};
use chrono::{Duration, TimeZone, Utc};
use common::backends;
use sea_orm::{EntityTrait, Set};

const GISTS: usize = 10_000;

#[tokio::test]
async fn listing_ten_thousand_gists_reads_no_repository() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        // Rows only: these gists have no repositories, so any git read would fail too.
        let rows: Vec<gist::ActiveModel> = (0..GISTS)
            .map(|i| gist::ActiveModel {
                id: Set(format!("{i:032x}")),
                owner_id: Set(alice.id),
                title: Set(format!("gist {i}")),
                description: Set(String::new()),
                visibility: Set(if i % 10 == 0 { "private" } else { "public" }.into()),
                topics: Set(String::new()),
                fork_of: Set(None),
                star_count: Set(0),
                fork_count: Set(0),
                comment_count: Set(0),
                head: Set("0".repeat(40)),
                // Every fifth pair shares a timestamp: ties must still order stably.
                created_at: Set(start + Duration::minutes(i as i64)),
                updated_at: Set(start + Duration::minutes((i / 2) as i64)),
                expires_at: Set(None),
                archived: Set(false),
                slug: Set(None),
                slug_key: Set(None),
                comments: Set("open".into()),
                pinned: Set(None),
            })
            .collect();
        for chunk in rows.chunks(500) {
            gist::Entity::insert_many(chunk.to_vec())
                .exec(&ctx.db)
                .await
                .unwrap();
        }
        let files: Vec<gist_file::ActiveModel> = (0..GISTS)
            .map(|i| gist_file::ActiveModel {
                gist_id: Set(format!("{i:032x}")),
                filename: Set(format!("file{i}.rs")),
                position: Set(0),
                size: Set(10),
                language: Set("Rust".into()),
                binary: Set(false),
                preview: Set("fn main() {}".into()),
            })
            .collect();
        for chunk in files.chunks(500) {
            gist_file::Entity::insert_many(chunk.to_vec())
                .exec(&ctx.db)
                .await
                .unwrap();
        }

        let opens_before = ctx.store().opens();
        let public = GISTS - GISTS / 10;
        let mut seen = HashSet::new();
        let mut previous: Option<(chrono::DateTime<Utc>, String)> = None;
        let mut page_number = 1;
        loop {
            let page = ctx
                .gists
                .list(&ListQuery::new(ListScope::Public, None).page(page_number, 100))
                .await
                .unwrap();
            assert_eq!(page.total, public as u64, "{}", ctx.backend);
            assert_eq!(page.total_pages(), 90);
            if page.items.is_empty() {
                break;
            }
            for item in page.items {
                assert_eq!(item.files.len(), 1, "files come along");
                assert_eq!(item.owner.username, "alice");
                assert_ne!(item.gist.visibility, "private");
                let key = (item.gist.updated_at, item.gist.id.clone());
                if let Some(prev) = &previous {
                    assert!(prev > &key, "{}: newest first, ties by id", ctx.backend);
                }
                previous = Some(key);
                assert!(seen.insert(item.gist.id), "no gist twice");
            }
            page_number += 1;
        }
        assert_eq!(seen.len(), public, "every public gist exactly once");
        assert_eq!(page_number, 91);
        assert_eq!(
            ctx.store().opens(),
            opens_before,
            "{}: lists opened a repository",
            ctx.backend
        );

        // The owner's own list includes private gists; `since` and `per_page` clamp work.
        let own = ctx
            .gists
            .list(&ListQuery::new(ListScope::User(alice.id), Some(alice.id)))
            .await
            .unwrap();
        assert_eq!(own.total, GISTS as u64);
        let mut recent = ListQuery::new(ListScope::Public, None).page(1, 1000);
        recent.since = Some(start + Duration::minutes(4990));
        let recent = ctx.gists.list(&recent).await.unwrap();
        assert_eq!(recent.per_page, 100, "per_page is clamped");
        assert_eq!(
            recent.total, 18,
            "updated_at >= since: gists 9980..9999, less the two private"
        );
        let mut by_created = ListQuery::new(ListScope::Public, None).page(1, 1);
        by_created.sort = SortBy::Created;
        let newest = ctx.gists.list(&by_created).await.unwrap();
        assert_eq!(newest.items[0].gist.id, format!("{:032x}", GISTS - 1));
        by_created.ascending = true;
        let oldest = ctx
            .gists
            .list(&by_created.clone().page(2, 1))
            .await
            .unwrap();
        assert_eq!(
            oldest.items[0].gist.id,
            format!("{:032x}", 2),
            "{}: oldest public first (gist 0 is private), second page",
            ctx.backend
        );
        assert_eq!(ctx.store().opens(), opens_before);
    }
}

/// What a list's total must be: its rows counted.
async fn counted(ctx: &common::Ctx, scope: ListScope, viewer: Option<i64>) -> u64 {
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    let public = gist::Column::Visibility.eq("public");
    let select = match scope {
        ListScope::Public => gist::Entity::find().filter(public),
        ListScope::All => gist::Entity::find(),
        ListScope::User(owner) if viewer == Some(owner) => {
            gist::Entity::find().filter(gist::Column::OwnerId.eq(owner))
        }
        ListScope::User(owner) => gist::Entity::find()
            .filter(gist::Column::OwnerId.eq(owner))
            .filter(public),
        other => panic!("not a counted scope: {other:?}"),
    };
    select.count(&ctx.db).await.unwrap()
}

/// Every kept count against the rows it counts, for everyone who looks.
async fn assert_totals(ctx: &common::Ctx, users: &[i64], step: &str) {
    let mut scopes = vec![(ListScope::Public, None), (ListScope::All, None)];
    for &user in users {
        scopes.push((ListScope::User(user), None));
        scopes.push((ListScope::User(user), Some(user)));
    }
    for (scope, viewer) in scopes {
        let page = ctx
            .gists
            .list(&ListQuery::new(scope.clone(), viewer))
            .await
            .unwrap();
        let expected = counted(ctx, scope.clone(), viewer).await;
        assert_eq!(
            page.total, expected,
            "{} after {step}: {scope:?} seen by {viewer:?}",
            ctx.backend
        );
    }
}

/// The totals lists show are kept with the writes (no count per request), and follow
/// every kind of write: create, visibility change, edit, fork, delete, admin delete,
/// and an account deleted with its gists.
#[tokio::test]
async fn list_totals_follow_every_write() {
    use app::rules::Visibility;
    use app::rules::update::FileEntry;
    use app::services::gists::{GistUpdate, NewGist};

    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let users = [alice.id, bob.id];
        let new = |visibility| NewGist {
            title: "t".into(),
            description: String::new(),
            visibility,
            topics: vec![],
            files: vec![FileEntry {
                name: "a.txt".into(),
                content: "a\n".into(),
            }],
        };
        let update = |visibility| GistUpdate {
            title: None,
            description: None,
            visibility,
            topics: None,
            files: None,
        };
        assert_totals(&ctx, &users, "nothing").await;
        let mut ids = Vec::new();
        for (owner, visibility) in [
            (&alice, Visibility::Public),
            (&alice, Visibility::Public),
            (&alice, Visibility::Private),
            (&alice, Visibility::Unlisted),
            (&bob, Visibility::Public),
            (&bob, Visibility::Private),
        ] {
            ids.push(
                ctx.gists
                    .create(owner, new(visibility))
                    .await
                    .unwrap()
                    .summary
                    .gist
                    .id,
            );
        }
        assert_totals(&ctx, &users, "creates").await;
        assert_eq!(
            ctx.gists
                .list(&ListQuery::new(ListScope::Public, None))
                .await
                .unwrap()
                .total,
            3
        );

        ctx.gists
            .update(&alice, &ids[0], update(Some(Visibility::Private)))
            .await
            .unwrap();
        ctx.gists
            .update(&alice, &ids[2], update(Some(Visibility::Public)))
            .await
            .unwrap();
        ctx.gists
            .update(&alice, &ids[3], update(Some(Visibility::Public)))
            .await
            .unwrap();
        assert_totals(&ctx, &users, "visibility changes").await;
        let mut title = update(None);
        title.title = Some("renamed".into());
        ctx.gists.update(&alice, &ids[1], title).await.unwrap();
        assert_totals(&ctx, &users, "an edit").await;

        ctx.gists.fork(&bob, &ids[1]).await.unwrap();
        assert_totals(&ctx, &users, "a fork").await;
        ctx.gists.delete(&alice, &ids[1]).await.unwrap();
        assert_totals(&ctx, &users, "a delete").await;
        ctx.gists.delete_as_admin(&ids[4]).await.unwrap();
        assert_totals(&ctx, &users, "an admin's delete").await;
        ctx.users.delete("bob", ctx.store()).await.unwrap();
        assert_totals(&ctx, &users, "an account deleted with its gists").await;
        assert_eq!(
            ctx.gists
                .list(&ListQuery::new(ListScope::All, None))
                .await
                .unwrap()
                .total,
            3,
            "{}: alice's ids[0], ids[2], ids[3] remain",
            ctx.backend
        );
    }
}

/// Many writers at once, visibility flipping both ways while gists are made: the kept
/// counts lock in one order, so PostgreSQL never answers a deadlock, and stay exact.
#[tokio::test]
async fn concurrent_writes_keep_exact_totals() {
    use app::rules::Visibility;
    use app::rules::update::FileEntry;
    use app::services::gists::{GistUpdate, NewGist};

    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let new = |visibility| NewGist {
            title: "t".into(),
            description: String::new(),
            visibility,
            topics: vec![],
            files: vec![FileEntry {
                name: "a.txt".into(),
                content: "a\n".into(),
            }],
        };
        let mut ids = Vec::new();
        for n in 0..16 {
            let visibility = if n % 2 == 0 {
                Visibility::Public
            } else {
                Visibility::Private
            };
            ids.push(
                ctx.gists
                    .create(&alice, new(visibility))
                    .await
                    .unwrap()
                    .summary
                    .gist
                    .id,
            );
        }
        let flips = ids.iter().enumerate().map(|(n, id)| {
            let (gists, alice) = (ctx.gists.clone(), alice.clone());
            let id = id.clone();
            tokio::spawn(async move {
                let to = if n % 2 == 0 {
                    Visibility::Private
                } else {
                    Visibility::Public
                };
                let update = GistUpdate {
                    title: None,
                    description: None,
                    visibility: Some(to),
                    topics: None,
                    files: None,
                };
                gists.update(&alice, &id, update).await.map(|_| ())
            })
        });
        let creates = (0..16).map(|n| {
            let (gists, alice) = (ctx.gists.clone(), alice.clone());
            let visibility = if n % 2 == 0 {
                Visibility::Public
            } else {
                Visibility::Unlisted
            };
            tokio::spawn(async move { gists.create(&alice, new(visibility)).await.map(|_| ()) })
        });
        for task in flips.chain(creates).collect::<Vec<_>>() {
            task.await
                .unwrap()
                .unwrap_or_else(|e| panic!("{}: {e:?}", ctx.backend));
        }
        assert_totals(&ctx, &[alice.id], "concurrent writes").await;
        assert_eq!(
            ctx.gists
                .list(&ListQuery::new(ListScope::Public, None))
                .await
                .unwrap()
                .total,
            16,
            "{}",
            ctx.backend
        );
    }
}
