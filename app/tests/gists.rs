//! The gist services against real databases (SQLite and PostgreSQL) and real git
//! repositories: every rule of the core, including concurrency and failure.

#![cfg(feature = "ssr")]

mod common;

use std::collections::HashSet;

use app::Error;
use app::rules::update::{FileChange, FileEntry};
use app::rules::{Limits, Visibility};
use app::services::gists::{GistDetail, GistUpdate, NewGist};
use app::services::listing::{ListQuery, ListScope};
use common::{Ctx, backends, backends_with, change, files_update};

fn file(name: &str, content: &str) -> FileEntry {
    FileEntry {
        name: name.into(),
        content: content.into(),
    }
}

fn new_gist(visibility: Visibility, files: Vec<FileEntry>) -> NewGist {
    NewGist {
        title: "A title".into(),
        description: "Some description".into(),
        visibility,
        topics: vec!["rust".into(), "Demo".into()],
        files,
    }
}

fn text(detail: &GistDetail, name: &str) -> String {
    let found = detail
        .contents
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no file {name}"));
    String::from_utf8(found.content.clone()).unwrap()
}

fn names(detail: &GistDetail) -> Vec<&str> {
    detail.contents.iter().map(|f| f.name.as_str()).collect()
}

async fn commits(ctx: &Ctx, id: &str) -> u64 {
    ctx.gists.history(None, id, 1, 100).await.unwrap().1
}

#[tokio::test]
async fn create_writes_one_commit_and_the_metadata() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let files = vec![
            file("main.rs", "fn main() {}\n"),
            file("README.md", "# Hi\nline 2\n"),
        ];
        let created = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public, files))
            .await
            .unwrap();
        let gist = &created.summary.gist;

        assert_eq!(gist.id.len(), 32, "{}", ctx.backend);
        assert!(gist.id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(gist.visibility(), Visibility::Public);
        assert_eq!(gist.topic_list(), vec!["rust", "demo"]);
        assert_eq!(gist.head, created.revision);
        assert_eq!(names(&created), ["README.md", "main.rs"], "git order");

        let rows = &created.summary.files;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].filename, "README.md");
        assert_eq!(rows[0].language, "Markdown");
        assert_eq!(rows[1].language, "Rust");
        assert_eq!(rows[1].size, 13);
        assert_eq!(rows[0].preview, "# Hi\nline 2\n");

        let read = ctx.gists.get(None, &gist.id).await.unwrap();
        assert_eq!(text(&read, "main.rs"), "fn main() {}\n");
        let (history, total) = ctx.gists.history(None, &gist.id, 1, 10).await.unwrap();
        assert_eq!(total, 1);
        assert_eq!(history[0].author_name, "alice");
        assert_eq!(
            history[0].author_email, "alice@users.noreply.gists.example.com",
            "a clone of a public gist never shows the account's email"
        );
        assert_eq!(history[0].additions, 3);
        // Opting in: later commits carry the real address.
        let alice = ctx
            .users
            .update_profile(
                alice.id,
                app::services::users::ProfileUpdate {
                    commit_email_public: Some(true),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let update = GistUpdate {
            description: Some("now signed".into()),
            ..Default::default()
        };
        ctx.gists.update(&alice, &gist.id, update).await.unwrap();
        let (history, _) = ctx.gists.history(None, &gist.id, 1, 10).await.unwrap();
        assert_eq!(history[0].author_email, "alice@example.com");
        assert_eq!(
            history[1].author_email,
            "alice@users.noreply.gists.example.com"
        );

        let repo = ctx.store().path(&gist.id);
        assert!(
            repo.join("HEAD").is_file(),
            "bare repository under the store"
        );
        let hooks: Vec<_> = std::fs::read_dir(repo.join("hooks"))
            .map(|d| d.flatten().collect())
            .unwrap_or_default();
        assert!(hooks.is_empty(), "no sample hooks: {hooks:?}");
        assert!(
            repo.starts_with(ctx.store().root().join(&gist.id[..2])),
            "sharded"
        );
    }
}

#[tokio::test]
async fn create_refuses_bad_input() {
    for ctx in backends_with(Limits {
        max_file_size: 100,
        max_files: 3,
        max_total_size: 150,
    })
    .await
    {
        let alice = ctx.user("alice").await;
        let cases = vec![
            vec![],
            vec![file("a.txt", "   \n")],
            vec![file("a/b.txt", "x")],
            vec![file("..", "x")],
            vec![file("a.txt", "x"), file("a.txt", "y")],
            vec![file("big.txt", &"x".repeat(101))],
            vec![
                file("1", "x"),
                file("2", "x"),
                file("3", "x"),
                file("4", "x"),
            ],
            vec![file("1", &"x".repeat(80)), file("2", &"x".repeat(80))],
        ];
        for files in cases {
            let label = format!("{:?}", files.iter().map(|f| &f.name).collect::<Vec<_>>());
            let err = ctx
                .gists
                .create(&alice, new_gist(Visibility::Public, files))
                .await
                .err();
            assert!(
                matches!(err, Some(Error::Validation(_))),
                "{}: {label}: {err:?}",
                ctx.backend
            );
        }
        let mut too_many_topics = new_gist(Visibility::Public, vec![file("a", "x")]);
        too_many_topics.topics = (0..11).map(|i| format!("t{i}")).collect();
        assert!(matches!(
            ctx.gists.create(&alice, too_many_topics).await.err(),
            Some(Error::Validation(_))
        ));
        assert!(
            ctx.store().list_ids().unwrap().is_empty(),
            "refused gists leave no repository"
        );
    }
}

#[tokio::test]
async fn updates_follow_githubs_rules_one_commit_each() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let files = vec![
            file("keep.txt", "keep\n"),
            file("old.txt", "old\n"),
            file("gone.txt", "bye\n"),
        ];
        let created = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public, files))
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();
        let first = created.revision.clone();

        let updated = ctx
            .gists
            .update(
                &alice,
                &id,
                GistUpdate {
                    description: Some("changed".into()),
                    ..files_update(vec![
                        ("old.txt", change(Some("new.txt"), None)),
                        ("gone.txt", None),
                        ("added.rs", change(None, Some("fn f() {}\n"))),
                    ])
                },
            )
            .await
            .unwrap();
        assert_eq!(
            names(&updated),
            ["added.rs", "keep.txt", "new.txt"],
            "{}",
            ctx.backend
        );
        assert_eq!(text(&updated, "new.txt"), "old\n", "rename keeps content");
        assert_eq!(text(&updated, "keep.txt"), "keep\n", "carried over");
        assert_eq!(updated.summary.gist.description, "changed");
        assert_eq!(
            updated.summary.gist.title, "A title",
            "not named, not changed"
        );
        assert_eq!(commits(&ctx, &id).await, 2);

        let (history, _) = ctx.gists.history(None, &id, 1, 10).await.unwrap();
        assert_eq!(history[0].sha, updated.revision);
        assert_eq!(
            (history[0].additions, history[0].deletions),
            (1, 1),
            "added.rs +1, gone.txt -1"
        );

        // The old revision is still there, by full and abbreviated id.
        let old = ctx.gists.get_at(None, &id, Some(&first)).await.unwrap();
        assert_eq!(names(&old), ["gone.txt", "keep.txt", "old.txt"]);
        let short = ctx
            .gists
            .get_at(None, &id, Some(&first[..7]))
            .await
            .unwrap();
        assert_eq!(short.revision, first);
        for bad in ["zzzz", "abc", "0000000", &"f".repeat(41)] {
            assert_eq!(
                ctx.gists.get_at(None, &id, Some(bad)).await.err(),
                Some(Error::NotFound),
                "{bad}"
            );
        }

        // Content replaced with `{"content": ""}` deletes; everything deleted is refused.
        let out = ctx
            .gists
            .update(
                &alice,
                &id,
                files_update(vec![("added.rs", change(None, Some("")))]),
            )
            .await
            .unwrap();
        assert_eq!(names(&out), ["keep.txt", "new.txt"]);
        let all = files_update(vec![("keep.txt", None), ("new.txt", change(None, None))]);
        assert!(matches!(
            ctx.gists.update(&alice, &id, all).await.err(),
            Some(Error::Validation(_))
        ));
        assert!(matches!(
            ctx.gists
                .update(&alice, &id, GistUpdate::default())
                .await
                .err(),
            Some(Error::Validation(_))
        ));

        // A title-only edit is still exactly one commit.
        let before = commits(&ctx, &id).await;
        let titled = ctx
            .gists
            .update(
                &alice,
                &id,
                GistUpdate {
                    title: Some("New".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(titled.summary.gist.title, "New");
        assert_eq!(commits(&ctx, &id).await, before + 1);

        // Someone else's gist is not found for writing.
        let bob = ctx.user("bob").await;
        let err = ctx
            .gists
            .update(
                &bob,
                &id,
                GistUpdate {
                    title: Some("mine".into()),
                    ..Default::default()
                },
            )
            .await
            .err();
        assert_eq!(err, Some(Error::NotFound));
    }
}

#[tokio::test]
async fn private_gists_do_not_exist_for_others() {
    for ctx in backends().await {
        let owner = ctx.user("owner").await;
        let other = ctx.user("other").await;
        let private = ctx
            .gists
            .create(
                &owner,
                new_gist(Visibility::Private, vec![file("p.txt", "secret")]),
            )
            .await
            .unwrap();
        let unlisted = ctx
            .gists
            .create(
                &owner,
                new_gist(Visibility::Unlisted, vec![file("u.txt", "hidden")]),
            )
            .await
            .unwrap();
        let public = ctx
            .gists
            .create(
                &owner,
                new_gist(Visibility::Public, vec![file("o.txt", "open")]),
            )
            .await
            .unwrap();
        let (pid, uid, oid) = (
            &private.summary.gist.id,
            &unlisted.summary.gist.id,
            &public.summary.gist.id,
        );
        ctx.gists.star(&owner, pid).await.unwrap();
        ctx.gists.star(&owner, uid).await.unwrap();

        for viewer in [None, Some(other.id)] {
            let who = format!("{} viewer {viewer:?}", ctx.backend);
            assert_eq!(
                ctx.gists.find(viewer, pid).await.err(),
                Some(Error::NotFound),
                "{who}"
            );
            assert_eq!(
                ctx.gists.get(viewer, pid).await.err(),
                Some(Error::NotFound),
                "{who}"
            );
            assert_eq!(
                ctx.gists
                    .get_at(viewer, pid, Some(&private.revision))
                    .await
                    .err(),
                Some(Error::NotFound)
            );
            assert_eq!(
                ctx.gists.history(viewer, pid, 1, 10).await.err(),
                Some(Error::NotFound)
            );
            assert_eq!(
                ctx.gists.stargazers(viewer, pid).await.err(),
                Some(Error::NotFound)
            );
            assert_eq!(
                ctx.comments.list(viewer, pid, 1, 10).await.err(),
                Some(Error::NotFound)
            );
            // Unlisted: readable by id.
            assert_eq!(
                text(&ctx.gists.get(viewer, uid).await.unwrap(), "u.txt"),
                "hidden"
            );
        }
        assert_eq!(
            ctx.gists.star(&other, pid).await.err(),
            Some(Error::NotFound)
        );
        assert_eq!(
            ctx.gists.fork(&other, pid).await.err(),
            Some(Error::NotFound)
        );
        assert_eq!(
            ctx.comments.create(&other, pid, "hi").await.err(),
            Some(Error::NotFound)
        );
        assert_eq!(
            ctx.gists.delete(&other, pid).await.err(),
            Some(Error::NotFound)
        );
        assert_eq!(
            ctx.gists.delete(&other, oid).await.err(),
            Some(Error::NotFound)
        );

        // Lists: others see only the public gist; the owner sees all three.
        let ids = |page: app::services::listing::Page<app::services::gists::GistSummary>| -> HashSet<String> {
            page.items.into_iter().map(|s| s.gist.id).collect()
        };
        for viewer in [None, Some(other.id)] {
            for scope in [
                ListScope::Public,
                ListScope::User(owner.id),
                ListScope::Topic("rust".into()),
                ListScope::Starred(owner.id),
            ] {
                let seen = ids(ctx
                    .gists
                    .list(&ListQuery::new(scope.clone(), viewer))
                    .await
                    .unwrap());
                assert!(
                    !seen.contains(pid) && !seen.contains(uid),
                    "{}: {scope:?} {viewer:?} {seen:?}",
                    ctx.backend
                );
            }
        }
        let own = ids(ctx
            .gists
            .list(&ListQuery::new(ListScope::User(owner.id), Some(owner.id)))
            .await
            .unwrap());
        assert_eq!(own, HashSet::from([pid.clone(), uid.clone(), oid.clone()]));
        let starred = ids(ctx
            .gists
            .list(&ListQuery::new(
                ListScope::Starred(owner.id),
                Some(owner.id),
            ))
            .await
            .unwrap());
        assert_eq!(starred, HashSet::from([pid.clone(), uid.clone()]));
        // The owner reads everything.
        assert_eq!(
            text(&ctx.gists.get(Some(owner.id), pid).await.unwrap(), "p.txt"),
            "secret"
        );
    }
}

#[tokio::test]
async fn fifty_concurrent_updates_lose_nothing() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let created = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("n.txt", "start")]),
            )
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();

        let tasks: Vec<_> = (0..50)
            .map(|i| {
                let (gists, alice, id) = (ctx.gists.clone(), alice.clone(), id.clone());
                tokio::spawn(async move {
                    gists
                        .update(
                            &alice,
                            &id,
                            files_update(vec![(
                                "n.txt",
                                change(None, Some(&format!("value {i}"))),
                            )]),
                        )
                        .await
                })
            })
            .collect();
        let mut applied = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => applied += 1,
                Err(Error::Conflict(_)) => {}
                Err(e) => panic!("{}: unexpected {e:?}", ctx.backend),
            }
        }
        assert_eq!(
            applied, 50,
            "{}: serialised per gist, none had to conflict",
            ctx.backend
        );
        let (history, total) = ctx.gists.history(None, &id, 1, 100).await.unwrap();
        assert_eq!(
            total, 51,
            "{}: one commit per update plus the first",
            ctx.backend
        );

        // The final state is the newest commit's, in git and in the database alike.
        let now = ctx.gists.get(None, &id).await.unwrap();
        assert_eq!(now.revision, history[0].sha);
        assert_eq!(ctx.store().head(&id).unwrap(), now.summary.gist.head);
        let newest = ctx
            .gists
            .get_at(None, &id, Some(&history[0].sha))
            .await
            .unwrap();
        assert_eq!(text(&now, "n.txt"), text(&newest, "n.txt"));
        let values: HashSet<String> = {
            let mut seen = HashSet::new();
            for c in &history[..50] {
                seen.insert(text(
                    &ctx.gists.get_at(None, &id, Some(&c.sha)).await.unwrap(),
                    "n.txt",
                ));
            }
            seen
        };
        assert_eq!(values.len(), 50, "every update is its own commit");
    }
}

#[tokio::test]
async fn a_failed_database_write_leaves_nothing_half_done() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let created = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("a.txt", "one")]),
            )
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();

        // A real failure inside the database, after the commit is written to git.
        match ctx.backend {
            "sqlite" => {
                ctx.sql("CREATE TRIGGER fail_update BEFORE UPDATE ON gists BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;").await;
                ctx.sql("CREATE TRIGGER fail_insert BEFORE INSERT ON gists BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;").await;
            }
            "mysql" => {
                ctx.sql("CREATE TRIGGER fail_update BEFORE UPDATE ON gists FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk on fire'").await;
                ctx.sql("CREATE TRIGGER fail_insert BEFORE INSERT ON gists FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk on fire'").await;
            }
            _ => {
                ctx.sql("CREATE FUNCTION fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$ LANGUAGE plpgsql;").await;
                ctx.sql("CREATE TRIGGER fail_write BEFORE INSERT OR UPDATE ON gists FOR EACH ROW EXECUTE FUNCTION fail();").await;
            }
        }
        let err = ctx
            .gists
            .update(
                &alice,
                &id,
                files_update(vec![("a.txt", change(None, Some("two")))]),
            )
            .await
            .err();
        assert_eq!(err, Some(Error::Internal), "{}", ctx.backend);
        assert_eq!(
            ctx.store().head(&id).unwrap(),
            created.revision,
            "{}: branch moved back",
            ctx.backend
        );
        let now = ctx.gists.get(None, &id).await.unwrap();
        assert_eq!(now.summary.gist.head, created.revision);
        assert_eq!(text(&now, "a.txt"), "one");
        assert_eq!(commits(&ctx, &id).await, 1);

        let err = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("b.txt", "x")]),
            )
            .await
            .err();
        assert_eq!(err, Some(Error::Internal));
        assert_eq!(
            ctx.store().list_ids().unwrap(),
            vec![id.clone()],
            "{}: no stray repository",
            ctx.backend
        );

        match ctx.backend {
            "sqlite" | "mysql" => {
                ctx.sql("DROP TRIGGER fail_update").await;
                ctx.sql("DROP TRIGGER fail_insert").await;
            }
            _ => ctx.sql("DROP TRIGGER fail_write ON gists").await,
        }
        let ok = ctx
            .gists
            .update(
                &alice,
                &id,
                files_update(vec![("a.txt", change(None, Some("two")))]),
            )
            .await
            .unwrap();
        assert_eq!(text(&ok, "a.txt"), "two");
        assert_eq!(commits(&ctx, &id).await, 2);
    }
}

#[tokio::test]
async fn forks_copy_the_whole_history_and_stay_independent() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let created = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("a.txt", "v1")]),
            )
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();
        ctx.gists
            .update(
                &alice,
                &id,
                files_update(vec![("a.txt", change(None, Some("v2")))]),
            )
            .await
            .unwrap();

        let fork = ctx.gists.fork(&bob, &id).await.unwrap();
        let fork_id = fork.summary.gist.id.clone();
        assert_ne!(fork_id, id);
        assert_eq!(fork.summary.gist.fork_of.as_deref(), Some(id.as_str()));
        assert_eq!(fork.summary.owner.id, bob.id);
        assert_eq!(text(&fork, "a.txt"), "v2");
        assert_eq!(
            commits(&ctx, &fork_id).await,
            2,
            "{}: full history",
            ctx.backend
        );
        assert_eq!(ctx.gists.find(None, &id).await.unwrap().fork_count, 1);
        assert_eq!(
            ctx.gists.fork(&bob, &id).await.unwrap().summary.gist.id,
            fork_id,
            "forking twice"
        );
        let err = ctx.gists.fork(&alice, &id).await.err();
        assert!(
            matches!(err, Some(Error::Validation(ref e)) if e[0].code == "custom"),
            "{err:?}"
        );

        ctx.gists
            .update(
                &bob,
                &fork_id,
                files_update(vec![("a.txt", change(None, Some("bob")))]),
            )
            .await
            .unwrap();
        assert_eq!(
            text(&ctx.gists.get(None, &id).await.unwrap(), "a.txt"),
            "v2",
            "source untouched"
        );
        let forks = ctx
            .gists
            .list(&ListQuery::new(ListScope::Forks(id.clone()), None))
            .await
            .unwrap();
        assert_eq!(
            forks
                .items
                .iter()
                .map(|s| s.gist.id.clone())
                .collect::<Vec<_>>(),
            vec![fork_id.clone()]
        );

        ctx.gists.delete(&bob, &fork_id).await.unwrap();
        assert_eq!(ctx.gists.find(None, &id).await.unwrap().fork_count, 0);
        assert!(!ctx.store().exists(&fork_id));
        assert_eq!(
            ctx.gists.find(None, &fork_id).await.err(),
            Some(Error::NotFound)
        );
    }
}

#[tokio::test]
async fn stars_are_idempotent_and_counted() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let id = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public, vec![file("a", "x")]))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        assert!(!ctx.gists.is_starred(&bob, &id).await.unwrap());
        ctx.gists.star(&bob, &id).await.unwrap();
        ctx.gists.star(&bob, &id).await.unwrap();
        ctx.gists.star(&alice, &id).await.unwrap();
        assert!(ctx.gists.is_starred(&bob, &id).await.unwrap());
        assert_eq!(
            ctx.gists.find(None, &id).await.unwrap().star_count,
            2,
            "{}",
            ctx.backend
        );
        assert_eq!(ctx.gists.stargazers(None, &id).await.unwrap().len(), 2);
        let starred = ctx
            .gists
            .list(&ListQuery::new(ListScope::Starred(bob.id), Some(bob.id)))
            .await
            .unwrap();
        assert_eq!(starred.total, 1);
        ctx.gists.unstar(&bob, &id).await.unwrap();
        ctx.gists.unstar(&bob, &id).await.unwrap();
        assert_eq!(ctx.gists.find(None, &id).await.unwrap().star_count, 1);
        assert!(!ctx.gists.is_starred(&bob, &id).await.unwrap());
    }
}

#[tokio::test]
async fn comments_have_authors_and_rules() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let carol = ctx.user("carol").await;
        let id = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public, vec![file("a", "x")]))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let first = ctx
            .comments
            .create(&bob, &id, "  **nice**  ")
            .await
            .unwrap();
        assert_eq!(first.comment.body, "**nice**");
        let second = ctx.comments.create(&carol, &id, "me too").await.unwrap();
        assert!(matches!(
            ctx.comments.create(&bob, &id, "   ").await.err(),
            Some(Error::Validation(_))
        ));
        assert_eq!(ctx.gists.find(None, &id).await.unwrap().comment_count, 2);

        let page = ctx.comments.list(None, &id, 1, 10).await.unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(page.items[0].author.username, "bob", "oldest first");

        assert!(matches!(
            ctx.comments
                .edit(&carol, &id, first.comment.id, "hijack")
                .await
                .err(),
            Some(Error::Forbidden(_))
        ));
        let edited = ctx
            .comments
            .edit(&bob, &id, first.comment.id, "edited")
            .await
            .unwrap();
        assert_eq!(edited.comment.body, "edited");
        assert!(matches!(
            ctx.comments
                .delete(&bob, &id, second.comment.id)
                .await
                .err(),
            Some(Error::Forbidden(_))
        ));
        ctx.comments
            .delete(&alice, &id, second.comment.id)
            .await
            .unwrap(); // the gist owner may
        ctx.comments
            .delete(&bob, &id, first.comment.id)
            .await
            .unwrap();
        assert_eq!(
            ctx.gists.find(None, &id).await.unwrap().comment_count,
            0,
            "{}",
            ctx.backend
        );
        assert_eq!(
            ctx.comments.get(None, &id, first.comment.id).await.err(),
            Some(Error::NotFound)
        );
    }
}

#[tokio::test]
async fn deleting_a_user_removes_their_gists_and_fixes_counters() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let hers = ctx
            .gists
            .create(&alice, new_gist(Visibility::Public, vec![file("a", "x")]))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let his = ctx
            .gists
            .create(&bob, new_gist(Visibility::Public, vec![file("b", "y")]))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let fork = ctx.gists.fork(&bob, &hers).await.unwrap().summary.gist.id;
        ctx.gists.star(&bob, &hers).await.unwrap();
        ctx.comments.create(&bob, &hers, "hello").await.unwrap();

        ctx.users.delete("bob", ctx.store()).await.unwrap();
        assert!(ctx.users.find_by_username("bob").await.unwrap().is_none());
        for gone in [&his, &fork] {
            assert_eq!(
                ctx.gists.find(None, gone).await.err(),
                Some(Error::NotFound)
            );
            assert!(
                !ctx.store().exists(gone),
                "{}: repository removed",
                ctx.backend
            );
        }
        let left = ctx.gists.find(None, &hers).await.unwrap();
        assert_eq!(
            (left.fork_count, left.star_count, left.comment_count),
            (0, 0, 0),
            "{}",
            ctx.backend
        );
        // The list counters (kept by triggers) dropped too: MySQL fires no trigger for
        // rows a cascade deletes, so the service deletes the gists itself.
        let public = ctx
            .gists
            .list(&ListQuery::new(ListScope::Public, None))
            .await
            .unwrap();
        assert_eq!(public.total, 1, "{}", ctx.backend);
        assert_eq!(public.items.len(), 1, "{}", ctx.backend);
        let all = ctx
            .gists
            .list(&ListQuery::new(ListScope::All, None))
            .await
            .unwrap();
        assert_eq!(all.total, 1, "{}", ctx.backend);
    }
}

#[tokio::test]
async fn fsck_finds_and_repairs_every_difference() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let stale = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("a.txt", "db")]),
            )
            .await
            .unwrap();
        let missing = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("m.txt", "x")]),
            )
            .await
            .unwrap();
        let fine = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("f.txt", "x")]),
            )
            .await
            .unwrap();
        let (stale_id, missing_id) = (
            stale.summary.gist.id.clone(),
            missing.summary.gist.id.clone(),
        );

        // A crash after the git write: the repository moved on, the row did not.
        let author = app::store::Author {
            name: "alice".into(),
            email: "alice@example.com".into(),
        };
        let files = vec![app::store::StoredFile {
            name: "b.md".into(),
            content: b"# from git".to_vec(),
        }];
        let new_head = ctx
            .store()
            .commit(&stale_id, &stale.revision, &files, &author, "")
            .unwrap();
        // A repository without a row, and a row without a repository.
        ctx.store()
            .create("ffffffffffffffffffffffffffffffff", &files, &author, "")
            .unwrap();
        std::fs::remove_dir_all(ctx.store().path(&missing_id)).unwrap();

        // A branch that moved just now may be a write whose row is about to follow: not
        // stale yet.
        let lost = ctx.dir.path().join("lost+found");
        let young = app::services::fsck::fsck(&ctx.gists, &lost, true)
            .await
            .unwrap();
        assert!(young.stale_rows.is_empty(), "{}: {young}", ctx.backend);
        assert_eq!(
            ctx.gists.find(None, &stale_id).await.unwrap().head,
            stale.revision,
            "a write in progress is left alone"
        );
        assert!(
            young.orphan_repositories.is_empty(),
            "a gist being created is left alone"
        );
        // Settled: the branch moved, and the orphan was made, longer ago than any write takes.
        let long_ago = std::time::SystemTime::now() - 2 * app::services::fsck::SETTLED;
        let moved = ctx.store().path(&stale_id).join("refs/heads/main");
        let orphan = ctx.store().path("ffffffffffffffffffffffffffffffff");
        for path in [moved, orphan] {
            std::fs::File::open(&path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }

        let report = app::services::fsck::fsck(&ctx.gists, &lost, false)
            .await
            .unwrap();
        assert_eq!(report.gists_checked, 3);
        assert_eq!(report.stale_rows, vec![stale_id.clone()], "{}", ctx.backend);
        assert_eq!(report.missing_repositories, vec![missing_id.clone()]);
        assert_eq!(
            report.orphan_repositories,
            vec!["ffffffffffffffffffffffffffffffff".to_string()]
        );
        assert!(report.to_string().contains("orphan repository: ffff"));
        assert_eq!(
            ctx.gists.find(None, &stale_id).await.unwrap().head,
            stale.revision,
            "dry run changes nothing"
        );

        let repaired = app::services::fsck::fsck(&ctx.gists, &lost, true)
            .await
            .unwrap();
        assert!(repaired.repaired);
        let synced = ctx.gists.get(None, &stale_id).await.unwrap();
        assert_eq!(synced.summary.gist.head, new_head);
        assert_eq!(
            synced
                .summary
                .files
                .iter()
                .map(|f| f.filename.as_str())
                .collect::<Vec<_>>(),
            ["b.md"]
        );
        assert_eq!(synced.summary.files[0].language, "Markdown");
        assert!(
            lost.join("ffffffffffffffffffffffffffffffff.git/HEAD")
                .is_file(),
            "moved aside, not deleted"
        );
        assert!(
            ctx.gists.find(None, &missing_id).await.is_ok(),
            "a row is never deleted: its repository may come back from a backup"
        );
        assert!(repaired.to_string().contains("row kept"), "{repaired}");
        assert!(ctx.gists.get(None, &fine.summary.gist.id).await.is_ok());

        let again = app::services::fsck::fsck(&ctx.gists, &lost, true)
            .await
            .unwrap();
        assert!(again.stale_rows.is_empty() && again.orphan_repositories.is_empty());
        assert_eq!(
            again.missing_repositories,
            vec![missing_id.clone()],
            "{}: {again}",
            ctx.backend
        );
    }
}

/// Many writers at once on one gist, each transaction reading before it writes: on SQLite
/// that needs IMMEDIATE transactions, or some fail with "database is locked".
#[tokio::test]
async fn concurrent_stars_all_count() {
    for ctx in backends().await {
        let owner = ctx.user("owner").await;
        let id = ctx
            .gists
            .create(&owner, new_gist(Visibility::Public, vec![file("a", "x")]))
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let mut fans = Vec::new();
        for i in 0..20 {
            fans.push(ctx.user(&format!("fan{i}")).await);
        }
        let tasks: Vec<_> = fans
            .into_iter()
            .map(|fan| {
                let (gists, id) = (ctx.gists.clone(), id.clone());
                tokio::spawn(async move { gists.star(&fan, &id).await })
            })
            .collect();
        for task in tasks {
            task.await
                .unwrap()
                .unwrap_or_else(|e| panic!("{}: {e:?}", ctx.backend));
        }
        assert_eq!(
            ctx.gists.find(None, &id).await.unwrap().star_count,
            20,
            "{}",
            ctx.backend
        );
    }
}

#[tokio::test]
async fn revisions_carry_per_file_diffs() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let created = ctx
            .gists
            .create(
                &alice,
                new_gist(
                    Visibility::Public,
                    vec![file("a.txt", "one\ntwo\n"), file("b.txt", "bee\n")],
                ),
            )
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();
        ctx.gists
            .update(
                &alice,
                &id,
                files_update(vec![
                    ("a.txt", change(None, Some("one\nTWO\n"))),
                    ("b.txt", change(Some("c.txt"), None)),
                    ("d.txt", change(None, Some("new\n"))),
                ]),
            )
            .await
            .unwrap();
        let (revisions, total) = ctx.gists.revisions(None, &id, 1, 10).await.unwrap();
        assert_eq!((total, revisions.len()), (2, 2), "{}", ctx.backend);
        let newest = &revisions[0];
        let by_name = |name: &str| {
            newest
                .files
                .iter()
                .find(|f| f.new_name.as_deref() == Some(name))
                .unwrap()
        };
        let a = by_name("a.txt");
        assert_eq!(a.status, "modified");
        assert!(a.patch.starts_with("@@"), "{}", a.patch);
        assert!(
            a.patch.contains("-two\n") && a.patch.contains("+TWO\n"),
            "{}",
            a.patch
        );
        let c = by_name("c.txt");
        assert_eq!(
            (c.status, c.old_name.as_deref()),
            ("renamed", Some("b.txt"))
        );
        assert_eq!(by_name("d.txt").status, "added");
        assert_eq!(
            revisions[1].files.len(),
            2,
            "the first revision adds both files"
        );
        assert!(revisions[1].files.iter().all(|f| f.status == "added"));

        let bob = ctx.user("bob").await;
        let private = ctx
            .gists
            .create(&alice, new_gist(Visibility::Private, vec![file("p", "x")]))
            .await
            .unwrap();
        let err = ctx
            .gists
            .revisions(Some(bob.id), &private.summary.gist.id, 1, 10)
            .await
            .err();
        assert_eq!(err, Some(Error::NotFound));
    }
}

#[tokio::test]
async fn admins_see_and_delete_any_gist_and_count_everyones() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let public = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("a.txt", "a")]),
            )
            .await
            .unwrap();
        let public_id = public.summary.gist.id.clone();
        let private = ctx
            .gists
            .create(
                &bob,
                new_gist(Visibility::Private, vec![file("b.txt", "b")]),
            )
            .await
            .unwrap();
        let private_id = private.summary.gist.id.clone();
        let fork = ctx.gists.fork(&bob, &public_id).await.unwrap();
        let fork_id = fork.summary.gist.id.clone();

        // Bob's forks, as anyone sees them; everything, as the admin does.
        let forks = ctx
            .gists
            .list(&ListQuery::new(ListScope::ForksBy(bob.id), None))
            .await
            .unwrap();
        let ids: Vec<&str> = forks.items.iter().map(|s| s.gist.id.as_str()).collect();
        assert_eq!(ids, [fork_id.as_str()], "{}", ctx.backend);
        let all = ctx
            .gists
            .list(&ListQuery::new(ListScope::All, Some(alice.id)))
            .await
            .unwrap();
        assert_eq!(all.total, 3, "{}", ctx.backend);

        let (rows, total) = ctx.users.list(1, 50).await.unwrap();
        assert_eq!(total, 2);
        let counts: Vec<(&str, u64)> = rows
            .iter()
            .map(|r| (r.user.username.as_str(), r.gist_count))
            .collect();
        assert_eq!(counts, [("alice", 1), ("bob", 2)], "{}", ctx.backend);

        // The admin's delete reaches a private gist of someone else, repository and all;
        // the fork's counter on its source drops too.
        assert!(matches!(
            ctx.gists.delete(&alice, &private_id).await,
            Err(app::Error::NotFound)
        ));
        ctx.gists.delete_as_admin(&private_id).await.unwrap();
        assert!(!ctx.store().exists(&private_id), "{}", ctx.backend);
        ctx.gists.delete_as_admin(&fork_id).await.unwrap();
        let source = ctx.gists.find(None, &public_id).await.unwrap();
        assert_eq!(source.fork_count, 0, "{}", ctx.backend);
        assert!(matches!(
            ctx.gists.delete_as_admin(&private_id).await,
            Err(app::Error::NotFound)
        ));
    }
}

#[tokio::test]
async fn a_repository_pushed_to_init_becomes_a_gist_or_leaves_nothing() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let (id, path) = ctx.gists.prepare_pushed_gist().await.unwrap();
        {
            let repo = git2::Repository::open_bare(&path).unwrap();
            let blob = repo.blob(b"# pushed\n").unwrap();
            let mut tree = repo.treebuilder(None).unwrap();
            tree.insert("notes.md", blob, 0o100644).unwrap();
            let tree = repo.find_tree(tree.write().unwrap()).unwrap();
            let sig = git2::Signature::now("a", "a@example.com").unwrap();
            repo.commit(Some("refs/heads/main"), &sig, &sig, "push", &tree, &[])
                .unwrap();
        }
        let made = ctx
            .gists
            .adopt_pushed_gist(&alice, &id, &path)
            .await
            .unwrap();
        assert_eq!(made.summary.gist.visibility, "unlisted", "{}", ctx.backend);
        assert_eq!(made.summary.files[0].language, "Markdown");
        assert!(ctx.store().exists(&id) && !path.exists());

        // Nothing was pushed (the hook refused, say): no row, no repository.
        let (empty, empty_path) = ctx.gists.prepare_pushed_gist().await.unwrap();
        assert!(
            ctx.gists
                .adopt_pushed_gist(&alice, &empty, &empty_path)
                .await
                .is_err()
        );
        assert!(!ctx.store().exists(&empty) && !empty_path.exists());
        assert!(matches!(
            ctx.gists.find(Some(alice.id), &empty).await,
            Err(Error::NotFound)
        ));
    }
}

#[tokio::test]
async fn a_revision_is_read_from_git_once_and_never_served_stale() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let made = ctx
            .gists
            .create(
                &alice,
                new_gist(Visibility::Public, vec![file("a.txt", "one")]),
            )
            .await
            .unwrap();
        let id = made.summary.gist.id.clone();
        let first = ctx.gists.get(None, &id).await.unwrap();
        ctx.gists.history(None, &id, 1, 100).await.unwrap();
        let opened = ctx.store().opens();
        for _ in 0..3 {
            assert_eq!(
                text(&ctx.gists.get(None, &id).await.unwrap(), "a.txt"),
                "one"
            );
            ctx.gists.history(None, &id, 1, 100).await.unwrap();
        }
        assert_eq!(
            ctx.store().opens(),
            opened,
            "{}: served from the cache",
            ctx.backend
        );

        // A new revision is a new key: read once, and never the old content again.
        ctx.gists
            .update(
                &alice,
                &id,
                files_update(vec![(
                    "a.txt",
                    Some(FileChange {
                        filename: None,
                        content: Some("two".into()),
                    }),
                )]),
            )
            .await
            .unwrap();
        let second = ctx.gists.get(None, &id).await.unwrap();
        assert_ne!(second.revision, first.revision);
        assert_eq!(text(&second, "a.txt"), "two");
        let (history, total) = ctx.gists.history(None, &id, 1, 100).await.unwrap();
        assert_eq!((history.len(), total), (2, 2), "{}", ctx.backend);
        assert_eq!(history[0].sha, second.revision);
    }
}
