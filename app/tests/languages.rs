//! A file's language chosen by its owner (issue 21) against real databases and
//! repositories: kept across commits and pushes while the file keeps its name, copied to
//! forks, cleared on request, refused when unknown, and what search facets see.

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::rules::Visibility;
use app::rules::update::FileEntry;
use app::search::{SearchIndex, SearchRequest, SearchSort, search_gists};
use app::services::gists::{GistUpdate, NewGist, Settings};
use common::{Ctx, backends, change, files_update};

fn new_gist() -> NewGist {
    NewGist {
        title: String::new(),
        description: String::new(),
        visibility: Visibility::Public,
        topics: Vec::new(),
        files: vec![
            FileEntry {
                name: "Vagrantfile.txt".into(),
                content: "Vagrant.configure(\"2\") do |config|\nend\n".into(),
            },
            FileEntry {
                name: "notes.md".into(),
                content: "# Notes\n".into(),
            },
        ],
    }
}

fn choose(pairs: &[(&str, Option<&str>)]) -> Settings {
    Settings {
        languages: Some(
            pairs
                .iter()
                .map(|(name, language)| ((*name).to_owned(), language.map(str::to_owned)))
                .collect(),
        ),
        ..Settings::default()
    }
}

async fn languages(ctx: &Ctx, id: &str) -> Vec<(String, String)> {
    let summary = ctx.gists.summary(None, id).await.unwrap();
    summary
        .files
        .iter()
        .map(|f| (f.filename.clone(), f.language.clone()))
        .collect()
}

fn pair(name: &str, language: &str) -> (String, String) {
    (name.to_owned(), language.to_owned())
}

#[tokio::test]
async fn a_chosen_language_outlives_commits_and_pushes_and_goes_with_forks() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        let b = ctx.backend;
        let created = ctx
            .gists
            .create_with(
                &alice,
                new_gist(),
                choose(&[("Vagrantfile.txt", Some("ruby"))]),
            )
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();
        assert_eq!(
            languages(&ctx, &id).await,
            vec![
                pair("Vagrantfile.txt", "Ruby"),
                pair("notes.md", "Markdown")
            ],
            "{b}: chosen on create (any case), the other from its name"
        );
        assert_eq!(created.summary.language_of("Vagrantfile.txt"), "Ruby");

        // A commit that changes the file keeps the choice.
        ctx.gists
            .update(
                &alice,
                &id,
                files_update(vec![("Vagrantfile.txt", change(None, Some("puts 1\n")))]),
            )
            .await
            .unwrap();
        assert_eq!(
            languages(&ctx, &id).await[0],
            pair("Vagrantfile.txt", "Ruby"),
            "{b}"
        );

        // So does a push (the rows are rebuilt from git).
        let head = ctx.gists.find(None, &id).await.unwrap().head;
        let author = app::store::Author {
            name: "alice".into(),
            email: "alice@example.com".into(),
        };
        let pushed = vec![
            app::store::StoredFile {
                name: "Vagrantfile.txt".into(),
                content: b"puts 2\n".to_vec(),
            },
            app::store::StoredFile {
                name: "notes.md".into(),
                content: b"# Notes\n".to_vec(),
            },
        ];
        ctx.store()
            .commit(&id, &head, &pushed, &author, "")
            .unwrap();
        ctx.gists.sync_from_git(&id).await.unwrap();
        assert_eq!(
            languages(&ctx, &id).await[0],
            pair("Vagrantfile.txt", "Ruby"),
            "{b}: push"
        );

        // A fork takes the choices along.
        let fork = ctx.gists.fork(&bob, &id).await.unwrap();
        assert_eq!(
            fork.summary.language_of("Vagrantfile.txt"),
            "Ruby",
            "{b}: fork"
        );

        // A choice alone is no commit; clearing it goes back to the name's language.
        let before = ctx.gists.find(None, &id).await.unwrap().head;
        ctx.gists
            .update_with(
                &alice,
                &id,
                None,
                GistUpdate::default(),
                choose(&[("notes.md", Some("Text")), ("Vagrantfile.txt", None)]),
            )
            .await
            .unwrap();
        assert_eq!(
            ctx.gists.find(None, &id).await.unwrap().head,
            before,
            "{b}: no commit"
        );
        assert_eq!(
            languages(&ctx, &id).await,
            vec![pair("Vagrantfile.txt", "Text"), pair("notes.md", "Text")],
            "{b}"
        );

        // A renamed file leaves its old choice behind.
        ctx.gists
            .update(
                &alice,
                &id,
                files_update(vec![("notes.md", change(Some("notes.markdown"), None))]),
            )
            .await
            .unwrap();
        assert_eq!(
            languages(&ctx, &id).await[1],
            pair("notes.markdown", "Markdown"),
            "{b}"
        );
    }
}

#[tokio::test]
async fn an_unknown_language_is_refused_and_nothing_is_written() {
    for ctx in backends().await {
        let alice = ctx.user("alice").await;
        let refused = ctx
            .gists
            .create_with(&alice, new_gist(), choose(&[("notes.md", Some("Klingon"))]))
            .await
            .unwrap_err();
        assert!(
            matches!(&refused, Error::Validation(errors) if errors[0].field == "language"),
            "{refused:?}"
        );
        let created = ctx.gists.create(&alice, new_gist()).await.unwrap();
        let id = created.summary.gist.id.clone();
        let refused = ctx
            .gists
            .update_with(
                &alice,
                &id,
                None,
                GistUpdate::default(),
                choose(&[("notes.md", Some("<script>"))]),
            )
            .await
            .unwrap_err();
        assert!(matches!(refused, Error::Validation(_)), "{refused:?}");
        assert_eq!(languages(&ctx, &id).await[1], pair("notes.md", "Markdown"));
    }
}

#[tokio::test]
async fn search_sees_the_chosen_language() {
    for ctx in backends().await {
        let index = SearchIndex::open(
            &ctx.dir.path().join("search"),
            ctx.db.clone(),
            ctx.store().clone(),
        )
        .unwrap();
        let alice = ctx.user("alice").await;
        let created = ctx
            .gists
            .create_with(
                &alice,
                new_gist(),
                choose(&[("Vagrantfile.txt", Some("Ruby"))]),
            )
            .await
            .unwrap();
        let id = created.summary.gist.id.clone();
        let found = search_gists(
            &index,
            &ctx.db,
            SearchRequest {
                q: "language:ruby",
                viewer: None,
                sort: SearchSort::BestMatch,
                page: 1,
                per_page: 10,
                extras: false,
            },
        )
        .await
        .unwrap();
        let ids: Vec<String> = found.items.into_iter().map(|f| f.summary.gist.id).collect();
        assert_eq!(ids, vec![id], "{}", ctx.backend);
    }
}
