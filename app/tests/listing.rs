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
        assert_eq!(ctx.store().opens(), opens_before);
    }
}
