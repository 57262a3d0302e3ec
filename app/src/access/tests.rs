//! The rules as a table: every caller against every visibility and instance setting.

use chrono::Utc;

use super::*;
use crate::route::Route;

const OWNER: i64 = 1;
const OTHER: i64 = 2;
const ADMIN: i64 = 3;

fn user(id: i64, is_admin: bool) -> user::Model {
    user::Model {
        rename_allowed: false,
        pref_theme: "system".into(),
        pref_soft_wrap: false,
        pref_tab_width: 4,
        pref_visibility: "unlisted".into(),
        pref_locale: String::new(),
        id,
        username: format!("u{id}"),
        username_lower: format!("u{id}"),
        email: String::new(),
        password_hash: String::new(),
        display_name: String::new(),
        bio: String::new(),
        is_admin,
        commit_email_public: false,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn gist(visibility: Visibility) -> gist::Model {
    gist::Model {
        id: "abc".into(),
        owner_id: OWNER,
        title: String::new(),
        description: String::new(),
        visibility: visibility.as_str().into(),
        topics: String::new(),
        fork_of: None,
        star_count: 0,
        fork_count: 0,
        comment_count: 0,
        head: String::new(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
        expires_at: None,
        archived: false,
        slug: None,
        slug_key: None,
        comments: "open".into(),
        pinned: None,
    }
}

fn session(id: i64) -> Viewer {
    Viewer::new(
        user(id, id == ADMIN),
        Credential::Session { secret: "s".into() },
    )
}

fn token(id: i64, scopes: &[Scope]) -> Viewer {
    Viewer::new(
        user(id, false),
        Credential::Token {
            scopes: scopes.to_vec(),
        },
    )
}

/// (name, viewer, may read a private gist of OWNER, may push to it)
fn callers() -> Vec<(&'static str, Viewer, bool, bool)> {
    vec![
        ("anonymous", Viewer::anonymous(), false, false),
        ("owner by cookie", session(OWNER), true, true),
        (
            "owner by password",
            Viewer::new(user(OWNER, false), Credential::Password),
            true,
            true,
        ),
        (
            "owner, gist:read token",
            token(OWNER, &[Scope::GistRead]),
            true,
            false,
        ),
        (
            "owner, gist:write token",
            token(OWNER, &[Scope::GistWrite]),
            true,
            true,
        ),
        (
            "owner, user:write token",
            token(OWNER, &[Scope::UserWrite]),
            false,
            false,
        ),
        (
            "owner, token without scopes",
            token(OWNER, &[]),
            false,
            false,
        ),
        ("other user", session(OTHER), false, false),
        (
            "other user, gist:write token",
            token(OTHER, &[Scope::GistWrite]),
            false,
            false,
        ),
        ("admin", session(ADMIN), false, false),
    ]
}

#[test]
fn read_and_push_by_caller_and_visibility() {
    for (name, viewer, reads_private, pushes) in callers() {
        for visibility in [
            Visibility::Public,
            Visibility::Unlisted,
            Visibility::Private,
        ] {
            let gist = gist(visibility);
            let expected = visibility != Visibility::Private || reads_private;
            assert_eq!(
                read(viewer.reader(), &gist),
                expected,
                "{name} reads {visibility:?}"
            );
            assert_eq!(
                push(&viewer, &gist).is_ok(),
                pushes,
                "{name} pushes to {visibility:?}"
            );
            // Lists and search: public gists, and the reader's own; unlisted ones are
            // read by link only.
            assert_eq!(
                listed(viewer.reader(), &gist),
                visibility == Visibility::Public || reads_private,
                "{name} lists {visibility:?}"
            );
        }
    }
}

#[test]
fn owners_edit_others_fork_and_star() {
    let owner = user(OWNER, false);
    let other = user(OTHER, false);
    let admin = user(ADMIN, true);
    for visibility in [
        Visibility::Public,
        Visibility::Unlisted,
        Visibility::Private,
    ] {
        let gist = gist(visibility);
        let readable = visibility != Visibility::Private;
        assert!(edit(&owner, &gist));
        assert!(
            !edit(&other, &gist) && !edit(&admin, &gist),
            "only the owner edits"
        );
        assert!(!fork(&owner, &gist), "nobody forks their own gist");
        assert_eq!(fork(&other, &gist), readable);
        assert_eq!(star(&other, &gist), readable);
        assert_eq!(comment(&other, &gist).is_ok(), readable);
        assert!(star(&owner, &gist) && comment(&owner, &gist).is_ok());
    }
}

#[test]
fn comments_are_edited_by_their_author_and_deleted_by_the_author_or_the_gist_owner() {
    let gist = gist(Visibility::Public);
    let by_other = comment::Model {
        id: 1,
        gist_id: gist.id.clone(),
        user_id: OTHER,
        body: String::new(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    assert!(edit_comment(&user(OTHER, false), &by_other));
    assert!(!edit_comment(&user(OWNER, false), &by_other));
    assert!(!edit_comment(&user(ADMIN, true), &by_other));
    assert!(delete_comment(Some(OTHER), &by_other, &gist));
    assert!(delete_comment(Some(OWNER), &by_other, &gist));
    assert!(!delete_comment(Some(ADMIN), &by_other, &gist));
    assert!(!delete_comment(None, &by_other, &gist));
}

#[test]
fn admin_is_a_flag_of_a_signed_in_user() {
    assert!(admin(&session(ADMIN)));
    assert!(!admin(&session(OTHER)));
    assert!(!admin(&Viewer::anonymous()));
    assert_eq!(
        session(OTHER).require_admin().unwrap_err(),
        crate::Error::NotFound
    );
}

#[test]
fn scopes_are_required_of_tokens_only() {
    let reader = token(OWNER, &[Scope::GistRead]);
    assert!(reader.require(Scope::GistRead).is_ok());
    assert!(matches!(
        reader.require(Scope::GistWrite),
        Err(crate::Error::Forbidden(_))
    ));
    assert!(session(OWNER).require(Scope::UserWrite).is_ok());
    assert_eq!(
        Viewer::anonymous().require(Scope::GistRead).unwrap_err(),
        crate::Error::Unauthenticated
    );
}

#[test]
fn the_login_gate_by_route_kind_caller_and_settings() {
    let off = InstanceSettings::default();
    let on = InstanceSettings {
        require_login: true,
        ..off
    };
    let individual = InstanceSettings {
        allow_individual_gists: true,
        ..on
    };
    // (path, read, anonymous passes with: off, on, on + individual gists)
    let table = [
        ("/login", true, [true, true, true]),
        ("/pkg/gistful.js", true, [true, true, true]),
        ("/healthz", true, [true, true, true]),
        ("/sfn/current_user", false, [true, true, true]),
        ("/sfn/sign_in_providers", false, [true, true, true]),
        ("/oauth/openid-connect", true, [true, true, true]),
        ("/oauth/openid-connect/callback", true, [true, true, true]),
        (
            "/oauth/openid-connect/elsewhere",
            true,
            [true, false, false],
        ),
        ("/", true, [true, false, false]),
        ("/explore", true, [true, false, false]),
        ("/topics/rust", true, [true, false, false]),
        ("/apitest", true, [true, false, false]),
        ("/download", true, [true, false, false]),
        ("/alice/abc", true, [true, false, true]),
        ("/apitest/abc", true, [true, false, true]),
        ("/alice/abc/revisions", true, [true, false, false]),
        ("/alice/abc/raw/HEAD/a.txt", true, [true, false, true]),
        ("/archive/abc/archive/abc.zip", true, [true, false, true]),
        ("/alice/abc.js", true, [true, false, true]),
        ("/alice/abc.git/info/refs", true, [true, false, true]),
        ("/api/gists/abc", true, [true, false, true]),
        ("/api/gists/abc", false, [true, false, false]),
        ("/api/gists", true, [true, false, false]),
        ("/sfn/gist", false, [true, false, true]),
        ("/sfn/create_gist", false, [true, false, false]),
    ];
    for (path, read, passes) in table {
        let reach = Route::parse(path).reach(read);
        for (settings, passes) in [off, on, individual].iter().zip(passes) {
            let expected = if passes { Gate::Pass } else { Gate::SignIn };
            assert_eq!(
                gate(reach, &Viewer::anonymous(), settings),
                expected,
                "{path} {settings:?}"
            );
            // Anyone signed in passes every gate, whatever their token may do.
            assert_eq!(
                gate(reach, &token(OTHER, &[]), settings),
                Gate::Pass,
                "{path}"
            );
        }
    }
}

/// The "expired" column of the matrix: from the instant a gist expires, nobody reads,
/// lists, pushes to, stars or comments on it, whatever its visibility and whoever asks.
#[test]
fn an_expired_gist_exists_for_nobody() {
    let now = Utc::now();
    for (name, viewer, _, _) in callers() {
        for visibility in Visibility::ALL {
            let mut gist = gist(visibility);
            gist.expires_at = Some(now - chrono::Duration::seconds(1));
            assert!(
                !read(viewer.reader(), &gist),
                "{name} reads expired {visibility:?}"
            );
            assert!(
                !listed(viewer.reader(), &gist),
                "{name} lists expired {visibility:?}"
            );
            if let Some(user) = viewer.user() {
                assert!(!star(user, &gist) && !fork(user, &gist) && !pin(user, &gist));
                assert_eq!(comment(user, &gist).unwrap_err(), crate::Error::NotFound);
            }
            // Not yet expired: as if no expiry were set.
            gist.expires_at = Some(now + chrono::Duration::seconds(60));
            assert!(read_at(Some(OWNER), &gist, now));
            assert!(!read_at(
                Some(OWNER),
                &gist,
                now + chrono::Duration::seconds(60)
            ));
        }
    }
}

#[test]
fn an_archived_gist_refuses_every_write_but_stars_and_forks() {
    let owner = user(OWNER, false);
    let other = user(OTHER, false);
    let mut gist = gist(Visibility::Public);
    assert!(change(&owner, &gist).is_ok());
    assert_eq!(change(&other, &gist).unwrap_err(), crate::Error::NotFound);
    gist.archived = true;
    assert_eq!(
        change(&owner, &gist).unwrap_err(),
        crate::Error::Conflict(ARCHIVED.into())
    );
    assert_eq!(change(&other, &gist).unwrap_err(), crate::Error::NotFound);
    assert_eq!(push(&session(OWNER), &gist).unwrap_err(), ARCHIVED);
    assert_eq!(
        comment(&other, &gist).unwrap_err(),
        crate::Error::Forbidden(ARCHIVED.into())
    );
    assert!(star(&other, &gist) && fork(&other, &gist) && read(None, &gist));
}

#[test]
fn comments_switch_and_pins() {
    let owner = user(OWNER, false);
    let other = user(OTHER, false);
    let mut g = gist(Visibility::Public);
    for (mode, others_see) in [("closed", true), ("hidden", false)] {
        g.comments = mode.into();
        assert_eq!(
            comment(&other, &g).unwrap_err(),
            crate::Error::Forbidden(COMMENTS_OFF.into())
        );
        assert!(comment(&owner, &g).is_err(), "the owner too");
        assert_eq!(see_comments(Some(OTHER), &g), others_see);
        assert_eq!(see_comments(None, &g), others_see);
        assert!(see_comments(Some(OWNER), &g), "the owner moderates");
    }
    assert!(pin(&owner, &g));
    assert!(!pin(&other, &g), "only one's own gists");
    for visibility in [Visibility::Unlisted, Visibility::Private] {
        assert!(!pin(&owner, &gist(visibility)), "{visibility:?}");
    }
}

#[test]
fn webhooks_hear_their_owners_gists_and_the_instances_hear_public_ones() {
    for visibility in [
        Visibility::Public,
        Visibility::Unlisted,
        Visibility::Private,
    ] {
        let g = gist(visibility);
        assert!(
            hook_hears(Some(OWNER), &g),
            "{visibility:?}: the owner's hook"
        );
        assert!(
            !hook_hears(Some(OTHER), &g),
            "{visibility:?}: someone else's hook"
        );
        assert_eq!(
            hook_hears(None, &g),
            visibility == Visibility::Public,
            "{visibility:?}: the instance's hook"
        );
    }
}
