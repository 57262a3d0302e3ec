//! Second factors on SQLite and PostgreSQL: authenticator-app codes accepted once,
//! recovery codes spent once, a sign-in waiting for its second step, and WebAuthn input
//! that is malformed, expired or someone else's refused without changing anything.
//! (The WebAuthn ceremonies themselves run against Chromium's virtual authenticator in
//! `end2end/tests/second-factor.spec.ts`.)

#![cfg(feature = "ssr")]

mod common;

use app::Error;
use app::services::SecondFactorService;
use app::services::second_factor::{CREDENTIAL_MAX, normal_recovery_code};
use common::backends;

const SITE: &str = "http://localhost:3000";

/// The code an authenticator app with `secret` shows `steps` steps from now.
fn code(secret: &str, steps: i64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned())
        .to_bytes()
        .unwrap();
    let totp =
        totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "t".into()).unwrap();
    let now = chrono::Utc::now().timestamp();
    totp.generate((now + steps * 30) as u64)
}

/// A six-digit code that is right for none of the steps accepted now.
fn wrong_code(secret: &str) -> String {
    let right = [code(secret, -1), code(secret, 0), code(secret, 1)];
    (0..4)
        .map(|n| format!("{n:06}"))
        .find(|c| !right.contains(c))
        .unwrap()
}

#[tokio::test]
async fn an_authenticator_code_is_accepted_once() {
    for ctx in backends().await {
        let factors = SecondFactorService::new(ctx.db.clone(), SITE);
        let alice = ctx.user("alice").await;
        assert!(!factors.has_second_factor(alice.id).await.unwrap());

        let setup = factors.totp_begin(&alice).await.unwrap();
        assert!(setup.uri.starts_with("otpauth://totp/"), "{}", setup.uri);
        assert!(setup.uri.contains(&setup.secret));
        assert!(setup.qr_image.starts_with("data:image/svg+xml"));
        // Not a second factor until a code confirms the app has the secret.
        assert!(!factors.has_second_factor(alice.id).await.unwrap());
        let right = code(&setup.secret, 0);
        let wrong = wrong_code(&setup.secret);
        let refused = factors.totp_confirm(&alice, &wrong).await;
        assert!(matches!(refused, Err(Error::Validation(_))), "{refused:?}");
        let recovery = factors.totp_confirm(&alice, &right).await.unwrap();
        assert_eq!(
            recovery.len(),
            10,
            "the first second factor comes with codes"
        );
        assert!(factors.has_second_factor(alice.id).await.unwrap());
        // A second setup is refused while one is on.
        assert!(matches!(
            factors.totp_begin(&alice).await,
            Err(Error::Conflict(_))
        ));

        // The code that confirmed cannot sign in (same step), nor an older one...
        assert_eq!(
            factors.verify_code(&alice, &right).await,
            Err(Error::BadCredentials),
            "{}: replayed",
            ctx.backend
        );
        assert_eq!(
            factors.verify_code(&alice, &code(&setup.secret, -1)).await,
            Err(Error::BadCredentials)
        );
        // ...the next step's can (a clock a little ahead), once.
        let next = code(&setup.secret, 1);
        factors.verify_code(&alice, &next).await.unwrap();
        assert_eq!(
            factors.verify_code(&alice, &next).await,
            Err(Error::BadCredentials)
        );
        for bad in ["", "12345", "1234567", "abcdef", " "] {
            assert_eq!(
                factors.verify_code(&alice, bad).await,
                Err(Error::BadCredentials),
                "{bad:?}"
            );
        }

        assert_eq!(
            factors
                .verify_code(&alice, &wrong_code(&setup.secret))
                .await,
            Err(Error::BadCredentials)
        );

        factors.totp_remove(alice.id).await.unwrap();
        assert!(!factors.has_second_factor(alice.id).await.unwrap());
    }
}

#[tokio::test]
async fn a_recovery_code_works_once_and_new_ones_replace_old() {
    for ctx in backends().await {
        let factors = SecondFactorService::new(ctx.db.clone(), SITE);
        let alice = ctx.user("alice").await;
        let setup = factors.totp_begin(&alice).await.unwrap();
        let codes = factors
            .totp_confirm(&alice, &code(&setup.secret, 0))
            .await
            .unwrap();
        assert!(codes.iter().all(|c| normal_recovery_code(c).is_some()));
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());

        // Typed in capitals and without the dash, it is the same code.
        let typed = codes[0].to_uppercase().replace('-', "");
        factors.verify_code(&alice, &typed).await.unwrap();
        assert_eq!(
            factors.verify_code(&alice, &codes[0]).await,
            Err(Error::BadCredentials),
            "{}: spent",
            ctx.backend
        );
        assert_eq!(factors.status(alice.id).await.unwrap().recovery_left, 9);

        // Another account's code is not alice's.
        let bob = ctx.user("bob").await;
        let bob_codes = factors.regenerate_recovery_codes(bob.id).await.unwrap();
        assert_eq!(
            factors.verify_code(&alice, &bob_codes[0]).await,
            Err(Error::BadCredentials)
        );

        let fresh = factors.regenerate_recovery_codes(alice.id).await.unwrap();
        assert_eq!(fresh.len(), 10);
        assert_eq!(
            factors.verify_code(&alice, &codes[1]).await,
            Err(Error::BadCredentials),
            "old codes end"
        );
        factors.verify_code(&alice, &fresh[1]).await.unwrap();
    }
}

#[tokio::test]
async fn a_sign_in_waits_for_its_second_step_and_is_taken_once() {
    for ctx in backends().await {
        let factors = SecondFactorService::new(ctx.db.clone(), SITE);
        let alice = ctx.user("alice").await;
        let setup = factors.totp_begin(&alice).await.unwrap();
        let codes = factors
            .totp_confirm(&alice, &code(&setup.secret, 0))
            .await
            .unwrap();

        let secret = factors.begin_sign_in(alice.id, "/alice").await.unwrap();
        let pending = factors.pending(&secret).await.unwrap().unwrap();
        assert_eq!(pending.user.id, alice.id);
        assert_eq!(pending.next, "/alice");
        assert!(pending.totp);
        assert!(!pending.passkeys);

        // A wrong code leaves it waiting.
        assert_eq!(
            factors.finish_with_code(&secret, "not-a-code").await.err(),
            Some(Error::BadCredentials)
        );
        assert!(factors.pending(&secret).await.unwrap().is_some());
        let done = factors.finish_with_code(&secret, &codes[0]).await.unwrap();
        assert_eq!(done.user.id, alice.id);
        // Taken: the same secret (and the same answer) finds nothing.
        assert!(factors.pending(&secret).await.unwrap().is_none());
        assert!(matches!(
            factors.finish_with_code(&secret, &codes[1]).await,
            Err(Error::Conflict(_))
        ));
        assert_eq!(
            factors.status(alice.id).await.unwrap().recovery_left,
            9,
            "a refused step spends nothing"
        );

        // An expired one is gone.
        let late = factors.begin_sign_in(alice.id, "/").await.unwrap();
        ctx.sql("UPDATE auth_challenges SET expires_at = '2000-01-01 00:00:00'")
            .await;
        assert!(factors.pending(&late).await.unwrap().is_none());
        assert!(factors.pending("not hex at all").await.unwrap().is_none());

        // `reset-mfa`: the password alone signs in again.
        factors.reset(alice.id).await.unwrap();
        assert!(!factors.has_second_factor(alice.id).await.unwrap());
        assert_eq!(factors.status(alice.id).await.unwrap().recovery_left, 0);
    }
}

#[tokio::test]
async fn webauthn_input_that_is_malformed_expired_or_anothers_changes_nothing() {
    for ctx in backends().await {
        let factors = SecondFactorService::new(ctx.db.clone(), SITE);
        assert_eq!(factors.passkeys_unavailable(), None);
        let alice = ctx.user("alice").await;
        let bob = ctx.user("bob").await;

        for name in ["", "   ", &"n".repeat(65)] {
            assert!(matches!(
                factors.register_begin(&alice, name).await,
                Err(Error::Validation(_))
            ));
        }
        let (challenge, options) = factors.register_begin(&alice, "laptop").await.unwrap();
        let public = &options["publicKey"];
        assert_eq!(public["rp"]["id"], "localhost");
        assert_eq!(
            public["authenticatorSelection"]["residentKey"], "required",
            "a discoverable passkey, so that it signs in without a username"
        );
        assert_eq!(
            public["authenticatorSelection"]["userVerification"],
            "required"
        );

        // Malformed and oversized answers are a 400 and leave the ceremony waiting.
        for bad in ["", "{", "{\"id\": 1}", "null"] {
            assert!(matches!(
                factors.register_finish(&alice, &challenge, bad).await,
                Err(Error::BadRequest(_))
            ));
        }
        let huge = format!("{{\"id\": \"{}\"}}", "a".repeat(CREDENTIAL_MAX));
        assert!(matches!(
            factors.register_finish(&alice, &challenge, &huge).await,
            Err(Error::BadRequest(_))
        ));
        let answer = serde_json::json!({
            "id": "AAAA",
            "rawId": "AAAA",
            "type": "public-key",
            "response": { "attestationObject": "AAAA", "clientDataJSON": "AAAA" },
            "extensions": {}
        })
        .to_string();
        // Bob cannot finish alice's ceremony (and trying spends it).
        assert!(matches!(
            factors.register_finish(&bob, &challenge, &answer).await,
            Err(Error::Conflict(_))
        ));
        let (challenge, _) = factors.register_begin(&alice, "laptop").await.unwrap();
        // A forged answer to the right ceremony is refused, and spends it.
        assert!(matches!(
            factors.register_finish(&alice, &challenge, &answer).await,
            Err(Error::Forbidden(_))
        ));
        assert!(matches!(
            factors.register_finish(&alice, &challenge, &answer).await,
            Err(Error::Conflict(_))
        ));
        assert!(factors.status(alice.id).await.unwrap().passkeys.is_empty());

        // Signing in: unknown ceremonies and forged assertions are refused.
        let assertion = serde_json::json!({
            "id": "AAAA",
            "rawId": "AAAA",
            "type": "public-key",
            "response": {
                "authenticatorData": "AAAA",
                "clientDataJSON": "AAAA",
                "signature": "AAAA",
                "userHandle": "AAAAAAAAAAAAAAAAAAAAAA"
            },
            "extensions": {}
        })
        .to_string();
        assert!(matches!(
            factors.login_finish(&"0".repeat(64), &assertion).await,
            Err(Error::Conflict(_))
        ));
        let (login, _) = factors.login_begin().await.unwrap();
        assert!(matches!(
            factors.login_finish(&login, "[]").await,
            Err(Error::BadRequest(_))
        ));
        assert!(matches!(
            factors.login_finish(&login, &assertion).await,
            Err(Error::Forbidden(_))
        ));
        // No sign-in waiting: the passkey step has nothing to finish.
        assert!(matches!(
            factors.second_factor_begin(&"0".repeat(64)).await,
            Err(Error::Conflict(_))
        ));
        let pending = factors.begin_sign_in(alice.id, "/").await.unwrap();
        assert!(matches!(
            factors.second_factor_begin(&pending).await,
            Err(Error::Conflict(_)),
        ));
        assert!(matches!(
            factors.remove_passkey(bob.id, 1).await,
            Err(Error::NotFound)
        ));
    }
}

#[tokio::test]
async fn passkeys_say_why_they_are_off_on_an_ip_address() {
    for ctx in backends().await {
        let factors = SecondFactorService::new(ctx.db.clone(), "http://127.0.0.1:3000");
        let why = factors.passkeys_unavailable().unwrap().to_owned();
        assert!(why.contains("domain name"), "{why}");
        let alice = ctx.user("alice").await;
        match factors.register_begin(&alice, "laptop").await {
            Err(Error::Conflict(message)) => assert_eq!(message, why),
            other => panic!("{other:?}"),
        }
        // Codes still work there.
        factors.totp_begin(&alice).await.unwrap();
    }
}
