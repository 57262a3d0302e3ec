//! Ticking task boxes from the page (issue 21) against real databases and repositories:
//! one commit that flips one box, refused when the file moved on, owner only.

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::rules::Visibility;
use app::rules::update::{FileChange, FileEntry};
use app::services::gists::{GistUpdate, NewGist};
use common::backends;

const LIST: &str =
    "# Todo\n\n- [ ] milk\n- [x] eggs\n  - [ ] nested\n\n```\n- [ ] not a task\n```\n";

fn new_gist() -> NewGist {
    NewGist {
        title: String::new(),
        description: String::new(),
        visibility: Visibility::Public,
        topics: Vec::new(),
        files: vec![
            FileEntry {
                name: "todo.md".into(),
                content: LIST.into(),
            },
            FileEntry {
                name: "other.txt".into(),
                content: "x\n".into(),
            },
        ],
    }
}

fn file(detail: &app::services::gists::GistDetail, name: &str) -> String {
    let f = detail.contents.iter().find(|f| f.name == name).unwrap();
    String::from_utf8(f.content.clone()).unwrap()
}

fn edit(name: &str, content: &str) -> GistUpdate {
    GistUpdate {
        files: Some(vec![(
            name.to_owned(),
            Some(FileChange {
                filename: None,
                content: Some(content.to_owned()),
            }),
        )]),
        ..GistUpdate::default()
    }
}

#[tokio::test]
async fn a_tick_is_one_commit_changing_one_box() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let created = ctx.gists.create(&alice, new_gist()).await.unwrap();
        let id = created.summary.gist.id.clone();
        let first = created.revision.clone();

        let second = ctx
            .gists
            .tick_task(&alice, &id, &first, "todo.md", 2, true)
            .await
            .unwrap();
        assert_ne!(second, first);
        let now = ctx.gists.get(None, &id).await.unwrap();
        assert_eq!(now.revision, second);
        assert_eq!(
            file(&now, "todo.md"),
            LIST.replace("- [ ] nested", "- [x] nested")
        );
        let (_, total) = ctx.gists.revisions(None, &id, 1, 10).await.unwrap();
        assert_eq!(total, 2, "one commit per tick");

        // The page's next tick carries the answered revision; clearing works the same way.
        let third = ctx
            .gists
            .tick_task(&alice, &id, &second, "todo.md", 1, false)
            .await
            .unwrap();
        let now = ctx.gists.get(None, &id).await.unwrap();
        assert_eq!(now.revision, third);
        assert_eq!(
            file(&now, "todo.md"),
            LIST.replace("- [ ] nested", "- [x] nested")
                .replace("- [x] eggs", "- [ ] eggs")
        );

        // Ticking a box that already is so makes no commit.
        let same = ctx
            .gists
            .tick_task(&alice, &id, &third, "todo.md", 0, false)
            .await
            .unwrap();
        assert_eq!(same, third);
        let (_, total) = ctx.gists.revisions(None, &id, 1, 10).await.unwrap();
        assert_eq!(total, 3);
    }
}

#[tokio::test]
async fn a_tick_from_a_stale_page_is_refused_only_if_its_file_changed() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let created = ctx.gists.create(&alice, new_gist()).await.unwrap();
        let id = created.summary.gist.id.clone();
        let seen = created.revision.clone();

        // Another file changing meanwhile does not matter.
        ctx.gists
            .update(&alice, &id, edit("other.txt", "y\n"))
            .await
            .unwrap();
        ctx.gists
            .tick_task(&alice, &id, &seen, "todo.md", 0, true)
            .await
            .unwrap();

        // The Markdown file changing does: the numbers may point at other lines now.
        let before = ctx.gists.get(None, &id).await.unwrap();
        ctx.gists
            .update(
                &alice,
                &id,
                edit("todo.md", "- [ ] new first\n- [x] milk\n"),
            )
            .await
            .unwrap();
        let refused = ctx
            .gists
            .tick_task(&alice, &id, &before.revision, "todo.md", 0, true)
            .await
            .unwrap_err();
        assert!(
            matches!(refused, Error::Conflict(ref m) if m.contains("changed")),
            "{refused:?}"
        );
        let after = ctx.gists.get(None, &id).await.unwrap();
        assert_eq!(file(&after, "todo.md"), "- [ ] new first\n- [x] milk\n");

        // A box that is not there, and a revision that never was, are refused too.
        let none = ctx
            .gists
            .tick_task(&alice, &id, &after.revision, "todo.md", 9, true)
            .await
            .unwrap_err();
        assert!(matches!(none, Error::Conflict(_)), "{none:?}");
        let bogus = ctx
            .gists
            .tick_task(&alice, &id, "0123456789abcdef", "todo.md", 0, true)
            .await
            .unwrap_err();
        assert!(matches!(bogus, Error::Conflict(_)), "{bogus:?}");
        let (_, total) = ctx.gists.revisions(None, &id, 1, 10).await.unwrap();
        assert_eq!(total, 4, "refusals commit nothing");
    }
}

#[tokio::test]
async fn only_the_owner_ticks_and_only_markdown() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let created = ctx.gists.create(&alice, new_gist()).await.unwrap();
        let id = created.summary.gist.id.clone();
        let rev = created.revision.clone();

        let by_bob = ctx
            .gists
            .tick_task(&bob, &id, &rev, "todo.md", 0, true)
            .await
            .unwrap_err();
        assert!(
            matches!(by_bob, Error::NotFound | Error::Forbidden(_)),
            "{by_bob:?}"
        );
        let not_markdown = ctx
            .gists
            .tick_task(&alice, &id, &rev, "other.txt", 0, true)
            .await
            .unwrap_err();
        assert_eq!(not_markdown, Error::NotFound);
        // A text file its owner calls Markdown has boxes too.
        let chosen = ctx
            .gists
            .update_with(
                &alice,
                &id,
                None,
                edit("other.txt", "- [ ] call\n"),
                app::services::gists::Settings {
                    languages: Some(vec![("other.txt".into(), Some("Markdown".into()))]),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        ctx.gists
            .tick_task(&alice, &id, &chosen.revision, "other.txt", 0, true)
            .await
            .unwrap();
        let rev = ctx.gists.get(None, &id).await.unwrap().revision;
        let missing = ctx
            .gists
            .tick_task(&alice, &id, &rev, "nope.md", 0, true)
            .await
            .unwrap_err();
        assert_eq!(missing, Error::NotFound);

        ctx.gists.set_archived(&alice, &id, true).await.unwrap();
        let archived = ctx
            .gists
            .tick_task(&alice, &id, &rev, "todo.md", 0, true)
            .await
            .unwrap_err();
        assert!(matches!(archived, Error::Conflict(_)), "{archived:?}");
        let now = ctx.gists.get(None, &id).await.unwrap();
        assert_eq!(now.revision, rev, "nothing was committed");
        assert_eq!(file(&now, "todo.md"), LIST);
        assert_eq!(file(&now, "other.txt"), "- [x] call\n");
    }
}
