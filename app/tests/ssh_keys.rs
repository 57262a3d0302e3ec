//! SSH keys on SQLite and PostgreSQL: what is accepted, one account per key, and sign-in
//! by fingerprint that ends when the key is removed. Keys are made with `ssh-keygen`.

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::services::SshKeyService;
use app::services::ssh_keys::parse_public_key;
use common::backends;

/// A fresh public key line from `ssh-keygen -t kind [-b bits]`, and its fingerprint as
/// `ssh-keygen -l` prints it.
fn keygen(kind: &str, bits: Option<&str>) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("key");
    let mut cmd = std::process::Command::new("ssh-keygen");
    cmd.args(["-q", "-t", kind, "-N", "", "-C", "me@laptop", "-f"])
        .arg(&path);
    if let Some(bits) = bits {
        cmd.args(["-b", bits]);
    }
    assert!(cmd.status().unwrap().success());
    let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
    let listed = std::process::Command::new("ssh-keygen")
        .arg("-lf")
        .arg(path.with_extension("pub"))
        .output()
        .unwrap();
    let fingerprint = String::from_utf8(listed.stdout)
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .to_owned();
    (public, fingerprint)
}

#[test]
fn what_keys_are_accepted() {
    for (kind, bits) in [
        ("ed25519", None),
        ("ecdsa", Some("256")),
        ("rsa", Some("3072")),
    ] {
        let (public, fingerprint) = keygen(kind, bits);
        let (line, found) = parse_public_key(&public).unwrap();
        assert_eq!(found, fingerprint, "{kind}");
        assert!(
            !line.contains("me@laptop"),
            "the comment is dropped: {line}"
        );
    }
    let (short_rsa, _) = keygen("rsa", Some("1024"));
    let refused = parse_public_key(&short_rsa).unwrap_err().message();
    assert!(refused.contains("2048 bits"), "{refused}");
    for bad in [
        "",
        "ssh-ed25519",
        "ssh-ed25519 !!!!",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\nssh-ed25519 AAAA",
    ] {
        assert!(parse_public_key(bad).is_err(), "{bad:?}");
    }
    assert!(parse_public_key(&"A".repeat(20_000)).is_err());
}

#[tokio::test]
async fn a_key_signs_in_one_account_until_it_is_removed() {
    let (public, fingerprint) = keygen("ed25519", None);
    for ctx in backends().await {
        let keys = SshKeyService::new(ctx.db.clone());
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;
        assert!(keys.sign_in(&fingerprint).await.unwrap().is_none());

        let key = keys.add(alice.id, "laptop", &public).await.unwrap();
        assert_eq!(key.fingerprint, fingerprint);
        assert!(key.last_used_at.is_none());
        let taken = keys.add(bob.id, "mine now", &public).await;
        assert!(matches!(taken, Err(Error::Validation(_))), "{taken:?}");
        assert!(matches!(
            keys.add(alice.id, "", &keygen("ed25519", None).0).await,
            Err(Error::Validation(_))
        ));

        let who = keys.sign_in(&fingerprint).await.unwrap().unwrap();
        assert_eq!(who.id, alice.id, "{}", ctx.backend);
        assert!(keys.list(alice.id).await.unwrap()[0].last_used_at.is_some());
        assert!(keys.list(bob.id).await.unwrap().is_empty());

        // Bob cannot see or remove it; alice can, and then it signs nobody in.
        assert_eq!(keys.get(bob.id, key.id).await.err(), Some(Error::NotFound));
        assert_eq!(
            keys.remove(bob.id, key.id).await.err(),
            Some(Error::NotFound)
        );
        keys.remove(alice.id, key.id).await.unwrap();
        assert!(keys.sign_in(&fingerprint).await.unwrap().is_none());
        // Free again: bob may add it now.
        keys.add(bob.id, "mine now", &public).await.unwrap();
    }
}
