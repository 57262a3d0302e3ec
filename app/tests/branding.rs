//! The instance's branding on every database: saved and read back, images stored as
//! bytes of any size up to the limit, a refused upload changing nothing, two servers on
//! one database seeing the same, and the configuration's pins winning.

#![cfg(feature = "ssr")]

mod common;

use std::time::Duration;

use app::rules::branding::{Accent, Branding, FooterLink, ListSort};
use app::services::branding::{
    BrandSettings, BrandingService, Image, ImageKind, Pinned, Refusal, UploadError,
};
use common::backends;

const MAX: usize = 512 * 1024;

/// A valid PNG header for a `width`×`height` image, padded to `len` bytes with bytes of
/// every value (so a database that mangles binary would show it).
fn png(width: u32, height: u32, len: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let mut i = 0u8;
    while bytes.len() < len {
        bytes.push(i);
        i = i.wrapping_add(1);
    }
    bytes
}

#[tokio::test]
async fn branding_is_saved_shared_and_pinned() {
    for ctx in backends().await {
        let backend = ctx.backend;
        let one = BrandingService::new(ctx.db.clone(), Pinned::default(), MAX)
            .fresh_for(Duration::from_millis(300));
        let two = BrandingService::new(ctx.db.clone(), Pinned::default(), MAX)
            .fresh_for(Duration::from_millis(300));
        assert_eq!(*one.load().await.unwrap(), Branding::default(), "{backend}");
        assert_eq!(*two.load().await.unwrap(), Branding::default(), "{backend}");

        let settings = BrandSettings {
            name: "Acme snippets".into(),
            links: vec![FooterLink {
                label: "Docs".into(),
                url: "https://example.com/docs".into(),
            }],
            accent: Accent::Teal,
            theme: "dark".into(),
            sort: ListSort::Created,
            soft_wrap: true,
        };
        one.save(&settings).await.unwrap();
        let shown = one.load().await.unwrap();
        assert_eq!(
            shown.name, "Acme snippets",
            "{backend}: its own change at once"
        );
        assert_eq!(shown.links, settings.links);
        assert_eq!(
            (
                shown.accent,
                shown.theme.as_str(),
                shown.sort,
                shown.soft_wrap
            ),
            (Accent::Teal, "dark", ListSort::Created, true)
        );
        assert_eq!(one.settings().await.unwrap(), settings, "{backend}");

        // A logo larger than MySQL's plain BLOB (64 KiB), every byte value in it.
        let logo = png(200, 50, 300 * 1024);
        one.upload(ImageKind::Logo, logo.clone()).await.unwrap();
        let stored = one.image(ImageKind::Logo).await.unwrap().expect("the logo");
        assert_eq!(
            stored.body.as_slice(),
            logo.as_slice(),
            "{backend}: the bytes as sent"
        );
        assert_eq!(stored.content_type, "image/png");
        let url = one
            .load()
            .await
            .unwrap()
            .logo
            .clone()
            .expect("a logo address");
        assert_eq!(url, format!("/assets/brand/logo?v={}", stored.etag));
        assert_eq!(
            one.etag(ImageKind::Logo).await.unwrap(),
            Some(stored.etag.clone())
        );
        assert_eq!(one.image(ImageKind::Favicon).await.unwrap(), None);

        // Refused: nothing changes.
        for (body, refusal) in [
            (png(10, 10, MAX + 1), Refusal::TooLarge),
            (
                b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec(),
                Refusal::UnsafeSvg,
            ),
            (b"MZ\x90\0 not an image".to_vec(), Refusal::NotAnImage),
        ] {
            let Err(UploadError::Refused(got)) = one.upload(ImageKind::Logo, body).await else {
                panic!("{backend}: {refusal:?} was taken");
            };
            assert_eq!(got, refusal);
        }
        let still = one.image(ImageKind::Logo).await.unwrap().unwrap();
        assert_eq!(
            still.etag, stored.etag,
            "{backend}: the refused uploads left the logo"
        );

        // The other server sees all of it once its copy is old.
        tokio::time::sleep(Duration::from_millis(350)).await;
        let seen = two.load().await.unwrap();
        assert_eq!(
            (seen.name.as_str(), seen.logo.as_deref()),
            ("Acme snippets", Some(url.as_str())),
            "{backend}"
        );

        // A replacement is a new version; removing goes back to none.
        let second = png(64, 64, 1000);
        one.upload(ImageKind::Logo, second.clone()).await.unwrap();
        let replaced = one.image(ImageKind::Logo).await.unwrap().unwrap();
        assert_ne!(replaced.etag, stored.etag);
        assert_eq!(replaced.body.as_slice(), second.as_slice());
        one.remove(ImageKind::Logo).await.unwrap();
        assert_eq!(one.load().await.unwrap().logo, None, "{backend}");
        assert_eq!(one.image(ImageKind::Logo).await.unwrap(), None);

        // The configuration wins over what is saved.
        let pinned_logo = Image::new(png(32, 32, 500), MAX).unwrap();
        let pinned = BrandingService::new(
            ctx.db.clone(),
            Pinned {
                name: Some("Pinned name".into()),
                links: Some(Vec::new()),
                logo: Some(pinned_logo.clone()),
                favicon: None,
            },
            MAX,
        );
        let shown = pinned.load().await.unwrap();
        assert_eq!(shown.name, "Pinned name", "{backend}");
        assert!(shown.links.is_empty());
        assert_eq!(
            shown.accent,
            Accent::Teal,
            "what is not pinned is the saved value"
        );
        assert_eq!(
            pinned.image(ImageKind::Logo).await.unwrap(),
            Some(pinned_logo)
        );

        // An empty name is the default.
        one.save(&BrandSettings {
            name: String::new(),
            ..settings
        })
        .await
        .unwrap();
        assert_eq!(one.load().await.unwrap().name, "Gistful", "{backend}");
        assert_eq!(one.settings().await.unwrap().name, "");
    }
}
