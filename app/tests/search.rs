//! Full-text search against real databases (SQLite and PostgreSQL), real repositories and
//! a real tantivy index: the index follows every write, every qualifier narrows, code
//! words match by their parts, and nobody finds what they may not see.

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::entities::user;
use app::rules::Visibility;
use app::rules::update::FileEntry;
use app::search::{SearchIndex, SearchRequest, SearchSort, search_gists};
use app::services::gists::{GistUpdate, NewGist};
use app::store::{Author, StoredFile};
use common::{Ctx, backends, change, files_update};

fn gist(title: &str, description: &str, visibility: Visibility, files: &[(&str, &str)]) -> NewGist {
    NewGist {
        title: title.into(),
        description: description.into(),
        visibility,
        topics: vec![],
        files: files
            .iter()
            .map(|(name, content)| FileEntry {
                name: (*name).into(),
                content: (*content).into(),
            })
            .collect(),
    }
}

fn open(ctx: &Ctx, name: &str) -> SearchIndex {
    SearchIndex::open(
        &ctx.dir.path().join(name),
        ctx.db.clone(),
        ctx.store().clone(),
    )
    .unwrap()
}

/// A best-match search by nobody signed in.
fn anonymous(q: &str, page: u64, per_page: u64, extras: bool) -> SearchRequest<'_> {
    SearchRequest {
        q,
        viewer: None,
        sort: SearchSort::BestMatch,
        page,
        per_page,
        extras,
    }
}

async fn find_sorted(
    index: &SearchIndex,
    ctx: &Ctx,
    q: &str,
    viewer: Option<&user::Model>,
    sort: SearchSort,
) -> Vec<String> {
    let page = search_gists(
        index,
        &ctx.db,
        SearchRequest {
            q,
            viewer: viewer.map(|u| u.id),
            sort,
            page: 1,
            per_page: 100,
            extras: true,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{}: {q}: {e}", ctx.backend));
    page.items.into_iter().map(|f| f.summary.gist.id).collect()
}

fn only(id: &str) -> Vec<String> {
    vec![id.to_owned()]
}

async fn find(
    index: &SearchIndex,
    ctx: &Ctx,
    q: &str,
    viewer: Option<&user::Model>,
) -> Vec<String> {
    find_sorted(index, ctx, q, viewer, SearchSort::BestMatch).await
}

#[tokio::test]
async fn the_index_follows_every_write() {
    for ctx in backends().await {
        let index = open(&ctx, "search");
        let alice = ctx.user("alice").await;
        let made = ctx
            .gists
            .create(
                &alice,
                gist(
                    "HTTP parsing",
                    "",
                    Visibility::Public,
                    &[("tokenizer.rs", "fn parse_http_request() {}\n")],
                ),
            )
            .await
            .unwrap();
        let id = made.summary.gist.id.clone();
        let b = ctx.backend;
        assert_eq!(
            find(&index, &ctx, "parse_http_request", None).await,
            only(&id),
            "{b}: create"
        );

        // Edit the content: the old word is gone, the new one found.
        let update = files_update(vec![(
            "tokenizer.rs",
            change(None, Some("fn handle_socket() {}\n")),
        )]);
        ctx.gists.update(&alice, &id, update).await.unwrap();
        assert!(
            find(&index, &ctx, "parse_http_request", None)
                .await
                .is_empty(),
            "{b}: old content"
        );
        assert_eq!(
            find(&index, &ctx, "handle_socket", None).await,
            only(&id),
            "{b}: update"
        );

        // Rename the file.
        let update = files_update(vec![("tokenizer.rs", change(Some("socket.go"), None))]);
        ctx.gists.update(&alice, &id, update).await.unwrap();
        assert!(
            find(&index, &ctx, "filename:tokenizer.rs", None)
                .await
                .is_empty(),
            "{b}: old name"
        );
        assert_eq!(
            find(&index, &ctx, "filename:socket.go", None).await,
            only(&id),
            "{b}: rename"
        );
        assert_eq!(
            find(&index, &ctx, "extension:go", None).await,
            only(&id),
            "{b}"
        );

        // A push: git first, then the database follows, and the index with it.
        let head = ctx.gists.find(Some(alice.id), &id).await.unwrap().head;
        let author = Author {
            name: "alice".into(),
            email: "alice@example.com".into(),
        };
        let pushed = [StoredFile {
            name: "socket.go".into(),
            content: b"func pushedFromGit() {}\n".to_vec(),
        }];
        ctx.store()
            .commit(&id, &head, &pushed, &author, "push")
            .unwrap();
        ctx.gists.sync_from_git(&id).await.unwrap();
        assert_eq!(
            find(&index, &ctx, "pushedFromGit", None).await,
            only(&id),
            "{b}: push"
        );

        // A star and a fork change what `stars:` and `forks:` find (the triggers feed
        // their counts to the index on every database).
        assert!(find(&index, &ctx, "stars:1", None).await.is_empty(), "{b}");
        let bob = ctx.user("bob").await;
        ctx.gists.star(&bob, &id).await.unwrap();
        assert_eq!(
            find(&index, &ctx, "stars:1", None).await,
            only(&id),
            "{b}: star"
        );
        let fork = ctx.gists.fork(&bob, &id).await.unwrap().summary.gist.id;
        assert_eq!(
            find(&index, &ctx, "forks:>0", None).await,
            only(&id),
            "{b}: fork"
        );
        assert_eq!(
            find(&index, &ctx, "fork:only", None).await,
            only(&fork),
            "{b}"
        );
        ctx.gists.unstar(&bob, &id).await.unwrap();
        assert!(
            find(&index, &ctx, "stars:>=1", None).await.is_empty(),
            "{b}: unstar"
        );
        ctx.gists.delete(&bob, &fork).await.unwrap();

        // Private: gone for everyone but Alice.
        let update = GistUpdate {
            visibility: Some(Visibility::Private),
            ..Default::default()
        };
        ctx.gists.update(&alice, &id, update).await.unwrap();
        assert!(
            find(&index, &ctx, "pushedFromGit", None).await.is_empty(),
            "{b}: private"
        );
        assert_eq!(
            find(&index, &ctx, "pushedFromGit", Some(&alice)).await,
            only(&id),
            "{b}"
        );

        ctx.gists.delete(&alice, &id).await.unwrap();
        assert!(
            find(&index, &ctx, "pushedFromGit", Some(&alice))
                .await
                .is_empty(),
            "{b}: delete"
        );
        assert_eq!(index.documents_count(), 0, "{b}");
    }
}

#[tokio::test]
async fn every_qualifier_narrows() {
    for ctx in backends().await {
        let index = open(&ctx, "search");
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let mut rust = gist(
            "Rust tokenizer",
            "Splits source into tokens",
            Visibility::Public,
            &[("main.rs", "fn main() { let tokens = lex(input); }\n")],
        );
        rust.topics = vec!["parsing".into()];
        let rust = ctx
            .gists
            .create(&alice, rust)
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let mut python = gist(
            "Word counter",
            "Tokenize text with a main loop",
            Visibility::Public,
            &[("tokenizer.py", "def main():\n    run = main_loop()\n")],
        );
        python.topics = vec!["nlp".into()];
        let python = ctx
            .gists
            .create(&bob, python)
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let b = ctx.backend;

        let mut both = find(&index, &ctx, "main", None).await;
        both.sort();
        let mut expected = vec![rust.clone(), python.clone()];
        expected.sort();
        assert_eq!(both, expected, "{b}: free word");
        for (q, want) in [
            ("main user:alice", &rust),
            ("main user:BOB", &python),
            ("title:tokenizer", &rust),
            ("title:counter", &python),
            ("description:\"main loop\"", &python),
            ("filename:tokenizer", &python),
            ("filename:main.rs", &rust),
            ("extension:py", &python),
            ("extension:.RS", &rust),
            ("language:rust", &rust),
            ("language:Python", &python),
            ("topic:nlp", &python),
            ("topic:parsing", &rust),
            ("\"fn main\"", &rust),
            ("\"let tokens\"", &rust),
        ] {
            assert_eq!(&find(&index, &ctx, q, None).await, &only(want), "{b}: {q}");
        }
        for q in [
            "\"main fn\"",
            "user:carol",
            "language:go",
            "title:splits",
            "description:tokenizer main",
        ] {
            assert!(find(&index, &ctx, q, None).await.is_empty(), "{b}: {q}");
        }

        let err = search_gists(&index, &ctx.db, anonymous("main user:", 1, 10, true))
            .await
            .err()
            .unwrap();
        assert!(matches!(err, Error::Validation(_)), "{b}: {err:?}");
        assert!(
            err.to_string().contains("`user:` needs a value"),
            "{b}: {err}"
        );
        let err = search_gists(&index, &ctx.db, anonymous(":: --", 1, 10, true))
            .await
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("has no words to search for"),
            "{b}: {err}"
        );
    }
}

#[tokio::test]
async fn code_words_match_by_their_parts() {
    for ctx in backends().await {
        let index = open(&ctx, "search");
        let alice = ctx.user("alice").await;
        let id = ctx
            .gists
            .create(
                &alice,
                gist(
                    "",
                    "",
                    Visibility::Public,
                    &[(
                        "util.py",
                        "x = os.path.join(a)\nparseHttpRequest(req)\nsnake_case_name = 1\n",
                    )],
                ),
            )
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let b = ctx.backend;
        for q in [
            "os.path.join",
            "path",
            "join",
            "parseHttpRequest",
            "parsehttprequest",
            "http",
            "request",
            "parse_http_request",
            "snake_case_name",
            "snake",
            "case",
            "caseName",
            "\"http request\"",
        ] {
            assert_eq!(find(&index, &ctx, q, None).await, only(&id), "{b}: {q}");
        }
        for q in ["pathjoin", "os.join", "\"request http\""] {
            assert!(find(&index, &ctx, q, None).await.is_empty(), "{b}: {q}");
        }
    }
}

#[tokio::test]
async fn nobody_finds_what_they_may_not_see() {
    for ctx in backends().await {
        let index = open(&ctx, "search");
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let mut ids = Vec::new();
        for visibility in [
            Visibility::Public,
            Visibility::Unlisted,
            Visibility::Private,
        ] {
            let made = gist("zebra notes", "", visibility, &[("z.txt", "zebra\n")]);
            ids.push(
                ctx.gists
                    .create(&alice, made)
                    .await
                    .unwrap()
                    .summary
                    .gist
                    .id,
            );
        }
        let b = ctx.backend;
        let mut own = find(&index, &ctx, "zebra", Some(&alice)).await;
        own.sort();
        let mut all = ids.clone();
        all.sort();
        assert_eq!(own, all, "{b}: the owner finds all three");
        assert_eq!(
            find(&index, &ctx, "zebra", Some(&bob)).await,
            only(&ids[0]),
            "{b}: another user"
        );
        assert_eq!(
            find(&index, &ctx, "zebra", None).await,
            only(&ids[0]),
            "{b}: anonymous"
        );
        assert_eq!(
            find(&index, &ctx, "zebra user:alice", Some(&bob)).await,
            only(&ids[0]),
            "{b}"
        );
    }
}

#[tokio::test]
async fn facets_sort_and_pages() {
    for ctx in backends().await {
        let index = open(&ctx, "search");
        let alice = ctx.user("alice").await;
        let mut made = Vec::new();
        for (name, content) in [
            ("a.rs", "shared"),
            ("b.rs", "shared"),
            ("c.py", "shared shared shared"),
        ] {
            made.push(
                ctx.gists
                    .create(&alice, gist("", "", Visibility::Public, &[(name, content)]))
                    .await
                    .unwrap()
                    .summary
                    .gist
                    .id,
            );
        }
        let b = ctx.backend;
        let page = search_gists(&index, &ctx.db, anonymous("shared", 1, 2, true))
            .await
            .unwrap();
        assert_eq!(page.total, 3, "{b}");
        assert_eq!(page.total_pages(), 2, "{b}");
        assert_eq!(page.items.len(), 2, "{b}");
        assert_eq!(
            page.languages,
            [("Rust".to_owned(), 2), ("Python".to_owned(), 1)],
            "{b}"
        );
        assert!(
            page.items[0].snippet.contains("<b>shared</b>"),
            "{b}: {}",
            page.items[0].snippet
        );
        // Without extras (the API): the same results, no snippets or counts computed.
        let bare = search_gists(&index, &ctx.db, anonymous("shared", 1, 2, false))
            .await
            .unwrap();
        assert_eq!(bare.total, 3, "{b}");
        let ids = |p: &app::search::SearchPage| -> Vec<String> {
            p.items.iter().map(|f| f.summary.gist.id.clone()).collect()
        };
        assert_eq!(ids(&bare), ids(&page), "{b}");
        assert!(bare.languages.is_empty(), "{b}");
        assert!(bare.items.iter().all(|f| f.snippet.is_empty()), "{b}");
        let second = search_gists(&index, &ctx.db, anonymous("shared", 2, 2, true))
            .await
            .unwrap();
        assert_eq!(second.items.len(), 1, "{b}");

        // Recently updated first: touch the first one.
        let update = GistUpdate {
            description: Some("touched".into()),
            ..Default::default()
        };
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        ctx.gists.update(&alice, &made[0], update).await.unwrap();
        let order = find_sorted(&index, &ctx, "shared", None, SearchSort::Updated).await;
        assert_eq!(order[0], made[0], "{b}");
        assert_eq!(
            find(&index, &ctx, "shared language:python", None).await,
            only(&made[2]),
            "{b}"
        );
    }
}

/// Several servers over one database each keep their own index, fed by the database's
/// change rows: what one server writes, every other one finds.
#[tokio::test]
async fn servers_sharing_a_database_agree() {
    for ctx in backends().await {
        let one = open(&ctx, "index-one");
        let two = open(&ctx, "index-two");
        let alice = ctx.user("alice").await;
        let id = ctx
            .gists
            .create(
                &alice,
                gist(
                    "shared thing",
                    "",
                    Visibility::Public,
                    &[("a.txt", "quokka\n")],
                ),
            )
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let b = ctx.backend;
        assert_eq!(find(&one, &ctx, "quokka", None).await, only(&id), "{b}");
        assert_eq!(find(&two, &ctx, "quokka", None).await, only(&id), "{b}");
        ctx.gists.delete(&alice, &id).await.unwrap();
        assert!(find(&two, &ctx, "quokka", None).await.is_empty(), "{b}");
        assert!(find(&one, &ctx, "quokka", None).await.is_empty(), "{b}");
    }
}

/// A failure leaves the change queued and visible in the health report; the next call
/// applies it. A rebuild indexes everything again.
#[tokio::test]
async fn failures_are_reported_and_retried() {
    for ctx in backends().await {
        let index = open(&ctx, "search");
        let alice = ctx.user("alice").await;
        let id = ctx
            .gists
            .create(
                &alice,
                gist("", "", Visibility::Public, &[("a.txt", "wombat\n")]),
            )
            .await
            .unwrap()
            .summary
            .gist
            .id;
        let b = ctx.backend;
        let repo = ctx.store().path(&id);
        let aside = repo.with_extension("aside");
        std::fs::rename(&repo, &aside).unwrap();
        assert!(index.catch_up().await.is_err(), "{b}");
        assert!(index.health().last_error.is_some(), "{b}");
        assert!(index.pending().await.unwrap() >= 1, "{b}");
        std::fs::rename(&aside, &repo).unwrap();
        assert_eq!(
            find(&index, &ctx, "wombat", None).await,
            only(&id),
            "{b}: retried"
        );
        assert!(index.health().last_error.is_none(), "{b}");
        assert_eq!(index.pending().await.unwrap(), 0, "{b}");

        index.rebuild().await.unwrap();
        assert_eq!(index.documents_count(), 0, "{b}");
        assert_eq!(index.pending().await.unwrap(), 1, "{b}");
        assert_eq!(
            find(&index, &ctx, "wombat", None).await,
            [id],
            "{b}: rebuilt"
        );
    }
}
