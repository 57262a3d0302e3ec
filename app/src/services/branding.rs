//! The instance's branding (see [`crate::rules::branding`]): kept in the database, next
//! to the other instance settings (`brand-*` keys) and, for the logo and favicon, in
//! `instance_assets`, so that every server on the database shows the same; pinned by the
//! configuration file where it says so.
//!
//! Every page asks for it, so like [`super::settings`] a server keeps what it read for
//! [`super::settings::FRESH_FOR`]. The images themselves are read when asked for, and a
//! browser that has one already is answered from the version kept here (`304`).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set};
use sha2::{Digest, Sha256};

use crate::entities::{instance_asset, instance_setting};
use crate::error::{Error, FieldError, Result};
use crate::rules::branding::{Accent, Branding, FooterLink, ListSort, PIXELS_MAX};

/// The largest image accepted by default (`custom.max-image-size`).
pub const IMAGE_MAX_DEFAULT: usize = 512 * 1024;
/// The most it may be configured to (MySQL's `mediumblob`).
pub const IMAGE_MAX_LIMIT: usize = 16 * 1024 * 1024 - 1;

/// The two images an instance may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Logo,
    Favicon,
}

impl ImageKind {
    pub const ALL: [ImageKind; 2] = [ImageKind::Logo, ImageKind::Favicon];

    pub fn as_str(self) -> &'static str {
        match self {
            ImageKind::Logo => "logo",
            ImageKind::Favicon => "favicon",
        }
    }

    pub fn parse(name: &str) -> Option<ImageKind> {
        ImageKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Where pages load it from; `etag` makes each version its own address.
    pub fn url(self, etag: &str) -> String {
        format!("/assets/brand/{}?v={etag}", self.as_str())
    }
}

/// Why an image was refused: a code the admin panel turns into a sentence in the
/// reader's language, and an English message for everyone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge,
    TooManyPixels,
    NotAnImage,
    UnsafeSvg,
}

impl Refusal {
    pub const ALL: [Refusal; 5] = [
        Refusal::Empty,
        Refusal::TooLarge,
        Refusal::TooManyPixels,
        Refusal::NotAnImage,
        Refusal::UnsafeSvg,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Refusal::Empty => "empty",
            Refusal::TooLarge => "too-large",
            Refusal::TooManyPixels => "too-many-pixels",
            Refusal::NotAnImage => "not-an-image",
            Refusal::UnsafeSvg => "unsafe-svg",
        }
    }

    pub fn message(self, max: usize) -> String {
        match self {
            Refusal::Empty => "No file was chosen".into(),
            Refusal::TooLarge => format!("The image is larger than {} KiB", max / 1024),
            Refusal::TooManyPixels => {
                format!("The image is wider or taller than {PIXELS_MAX} pixels")
            }
            Refusal::NotAnImage => "That is not a PNG, JPEG, GIF, WebP, ICO or SVG image".into(),
            Refusal::UnsafeSvg => {
                "The SVG has scripts, event handlers or links to other files".into()
            }
        }
    }
}

/// An image and its type, as served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub content_type: String,
    pub etag: String,
    pub body: Arc<Vec<u8>>,
}

impl Image {
    /// `body` checked ([`check_image`]) and named.
    pub fn new(body: Vec<u8>, max: usize) -> std::result::Result<Image, Refusal> {
        let content_type = check_image(&body, max)?;
        Ok(Image {
            content_type: content_type.to_owned(),
            etag: hex::encode(&Sha256::digest(&body)[..8]),
            body: Arc::new(body),
        })
    }
}

/// The content type of an acceptable image: a raster image of a known format within
/// [`PIXELS_MAX`], or an SVG with nothing in it that runs or loads anything.
pub fn check_image(body: &[u8], max: usize) -> std::result::Result<&'static str, Refusal> {
    use imagesize::ImageType;
    if body.is_empty() {
        return Err(Refusal::Empty);
    }
    if body.len() > max {
        return Err(Refusal::TooLarge);
    }
    let raster = match imagesize::image_type(body) {
        Ok(ImageType::Png) => Some("image/png"),
        Ok(ImageType::Jpeg) => Some("image/jpeg"),
        Ok(ImageType::Gif) => Some("image/gif"),
        Ok(ImageType::Webp) => Some("image/webp"),
        Ok(ImageType::Ico) => Some("image/x-icon"),
        _ => None,
    };
    if let Some(content_type) = raster {
        let size = imagesize::blob_size(body).map_err(|_| Refusal::NotAnImage)?;
        if size.width == 0 || size.height == 0 {
            return Err(Refusal::NotAnImage);
        }
        if size.width > PIXELS_MAX as usize || size.height > PIXELS_MAX as usize {
            return Err(Refusal::TooManyPixels);
        }
        return Ok(content_type);
    }
    check_svg(body).map(|()| "image/svg+xml")
}

/// An SVG is XML whose root is `<svg>`, without a DTD (no entity expansion), and with
/// no element that runs or embeds (`script`, `foreignObject`...), no event handler
/// attribute, and no reference outside the document (`href` other than `#...`,
/// `url(...)` other than `url(#...)`, `@import`).
fn check_svg(body: &[u8]) -> std::result::Result<(), Refusal> {
    const RUNS: [&str; 9] = [
        "script",
        "foreignobject",
        "iframe",
        "object",
        "embed",
        "handler",
        "listener",
        "animate",
        "set",
    ];
    let text = std::str::from_utf8(body).map_err(|_| Refusal::NotAnImage)?;
    // roxmltree refuses a DTD unless told otherwise: no entity can expand.
    let doc = roxmltree::Document::parse(text).map_err(|_| Refusal::NotAnImage)?;
    if !doc
        .root_element()
        .tag_name()
        .name()
        .eq_ignore_ascii_case("svg")
    {
        return Err(Refusal::NotAnImage);
    }
    let outside = |value: &str| {
        let lower = value.to_ascii_lowercase();
        let mut rest = lower.as_str();
        let mut found = lower.contains("@import") || lower.contains("javascript:");
        while let Some(at) = rest.find("url(") {
            rest = rest[at + 4..].trim_start_matches([' ', '"', '\'']);
            found |= !rest.starts_with('#');
        }
        found
    };
    for node in doc.descendants() {
        if node.is_element() {
            let name = node.tag_name().name().to_ascii_lowercase();
            if RUNS.contains(&name.as_str()) {
                return Err(Refusal::UnsafeSvg);
            }
            for attribute in node.attributes() {
                let key = attribute.name().to_ascii_lowercase();
                let value = attribute.value();
                if key.starts_with("on")
                    || (key == "href" && !value.trim_start().starts_with('#'))
                    || outside(value)
                {
                    return Err(Refusal::UnsafeSvg);
                }
            }
        } else if node.is_text() && outside(node.text().unwrap_or_default()) {
            return Err(Refusal::UnsafeSvg);
        }
    }
    Ok(())
}

/// What the configuration file pins (`custom.*`); `None` leaves it to the admin panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pinned {
    pub name: Option<String>,
    pub links: Option<Vec<FooterLink>>,
    pub logo: Option<Image>,
    pub favicon: Option<Image>,
}

impl Pinned {
    fn image(&self, kind: ImageKind) -> Option<&Image> {
        match kind {
            ImageKind::Logo => self.logo.as_ref(),
            ImageKind::Favicon => self.favicon.as_ref(),
        }
    }
}

/// The settings the admin panel's form sends, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandSettings {
    /// Empty: the default name.
    pub name: String,
    pub links: Vec<FooterLink>,
    pub accent: Accent,
    pub theme: String,
    pub sort: ListSort,
    pub soft_wrap: bool,
}

const KEYS: [&str; 6] = [
    "brand-name",
    "brand-links",
    "brand-accent",
    "brand-theme",
    "brand-sort",
    "brand-soft-wrap",
];

/// What one read gives: the branding, and the version of each image it names.
#[derive(Debug, Clone)]
struct Loaded {
    branding: Arc<Branding>,
    etags: [Option<String>; 2],
}

#[derive(Clone)]
pub struct BrandingService {
    db: DatabaseConnection,
    fresh_for: Duration,
    pinned: Arc<Pinned>,
    image_max: usize,
    kept: Arc<Mutex<Option<(Instant, Loaded)>>>,
}

impl BrandingService {
    pub fn new(db: DatabaseConnection, pinned: Pinned, image_max: usize) -> Self {
        BrandingService {
            db,
            fresh_for: super::settings::FRESH_FOR,
            pinned: Arc::new(pinned),
            image_max,
            kept: Arc::new(Mutex::new(None)),
        }
    }

    /// A service that trusts what it read for `fresh_for` (zero: always reads).
    pub fn fresh_for(mut self, fresh_for: Duration) -> Self {
        self.fresh_for = fresh_for;
        self
    }

    pub fn pinned(&self) -> &Pinned {
        &self.pinned
    }

    pub fn image_max(&self) -> usize {
        self.image_max
    }

    /// The branding pages are drawn with.
    pub async fn load(&self) -> Result<Arc<Branding>> {
        Ok(self.loaded().await?.branding)
    }

    /// The saved settings as the admin panel's form shows them (what the configuration
    /// pins included, as it pins them).
    pub async fn settings(&self) -> Result<BrandSettings> {
        let branding = self.load().await?;
        let name = if branding.name == crate::rules::branding::DEFAULT_NAME
            && self.pinned.name.is_none()
        {
            String::new()
        } else {
            branding.name.clone()
        };
        Ok(BrandSettings {
            name,
            links: branding.links.clone(),
            accent: branding.accent,
            theme: branding.theme.clone(),
            sort: branding.sort,
            soft_wrap: branding.soft_wrap,
        })
    }

    async fn loaded(&self) -> Result<Loaded> {
        let kept = self.kept.lock().expect("branding lock").clone();
        if let Some((at, loaded)) = kept
            && at.elapsed() < self.fresh_for
        {
            return Ok(loaded);
        }
        let asked = Instant::now();
        let loaded = self.read().await?;
        let mut kept = self.kept.lock().expect("branding lock");
        if kept.as_ref().is_none_or(|(at, _)| *at < asked) {
            *kept = Some((asked, loaded.clone()));
        }
        Ok(loaded)
    }

    fn forget(&self) {
        *self.kept.lock().expect("branding lock") = None;
    }

    async fn read(&self) -> Result<Loaded> {
        let rows = instance_setting::Entity::find()
            .filter(instance_setting::Column::Key.is_in(KEYS))
            .all(&self.db)
            .await?;
        let value = |key: &str| {
            rows.iter()
                .find(|row| row.key == key)
                .map(|row| row.value.as_str())
        };
        let mut branding = Branding::default();
        if let Some(name) = value("brand-name").filter(|n| !n.is_empty()) {
            branding.name = name.to_owned();
        }
        if let Some(links) = value("brand-links") {
            // Written by `save` after the same check: a row that no longer reads is
            // ignored rather than taking every page down.
            branding.links = serde_json::from_str(links).unwrap_or_default();
        }
        branding.accent = value("brand-accent")
            .and_then(Accent::parse)
            .unwrap_or_default();
        if let Some(theme) =
            value("brand-theme").filter(|t| crate::rules::preferences::THEMES.contains(t))
        {
            branding.theme = theme.to_owned();
        }
        branding.sort = value("brand-sort")
            .and_then(ListSort::parse)
            .unwrap_or_default();
        branding.soft_wrap = value("brand-soft-wrap") == Some("true");

        let stored: Vec<(String, String)> = instance_asset::Entity::find()
            .select_only()
            .column(instance_asset::Column::Name)
            .column(instance_asset::Column::Etag)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut etags: [Option<String>; 2] = Default::default();
        for (i, kind) in ImageKind::ALL.into_iter().enumerate() {
            etags[i] = match self.pinned.image(kind) {
                Some(image) => Some(image.etag.clone()),
                None => stored
                    .iter()
                    .find(|(name, _)| name == kind.as_str())
                    .map(|(_, etag)| etag.clone()),
            };
        }
        branding.logo = etags[0].as_deref().map(|e| ImageKind::Logo.url(e));
        branding.favicon = etags[1].as_deref().map(|e| ImageKind::Favicon.url(e));
        if let Some(name) = &self.pinned.name {
            branding.name = name.clone();
        }
        if let Some(links) = &self.pinned.links {
            branding.links = links.clone();
        }
        Ok(Loaded {
            branding: Arc::new(branding),
            etags,
        })
    }

    /// Saves what the admin panel's form sent. What the configuration pins is kept as
    /// saved, and still shown as the configuration says.
    pub async fn save(&self, settings: &BrandSettings) -> Result<()> {
        let links = serde_json::to_string(&settings.links)
            .map_err(|e| Error::internal("cannot write the footer links", e))?;
        if links.len() > 4000 {
            return Err(Error::Validation(vec![FieldError::new(
                "Branding",
                "links",
                "invalid",
                "the footer links are too long",
            )]));
        }
        let values = [
            settings.name.clone(),
            links,
            settings.accent.as_str().to_owned(),
            settings.theme.clone(),
            settings.sort.as_str().to_owned(),
            settings.soft_wrap.to_string(),
        ];
        let rows = KEYS
            .iter()
            .zip(values)
            .map(|(key, value)| instance_setting::ActiveModel {
                key: Set((*key).to_owned()),
                value: Set(value),
            });
        instance_setting::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::column(instance_setting::Column::Key)
                    .update_column(instance_setting::Column::Value)
                    .to_owned(),
            )
            .exec(&self.db)
            .await?;
        self.forget();
        Ok(())
    }

    /// The version of `kind` pages link to, if there is one.
    pub async fn etag(&self, kind: ImageKind) -> Result<Option<String>> {
        Ok(self.loaded().await?.etags[kind as usize].clone())
    }

    /// The image itself: the configuration's, else the uploaded one.
    pub async fn image(&self, kind: ImageKind) -> Result<Option<Image>> {
        if let Some(image) = self.pinned.image(kind) {
            return Ok(Some(image.clone()));
        }
        Ok(instance_asset::Entity::find_by_id(kind.as_str())
            .one(&self.db)
            .await?
            .map(|row| Image {
                content_type: row.content_type,
                etag: row.etag,
                body: Arc::new(row.body),
            }))
    }

    /// Checks and keeps an uploaded image in place of the last one. A refusal changes
    /// nothing.
    pub async fn upload(
        &self,
        kind: ImageKind,
        body: Vec<u8>,
    ) -> std::result::Result<(), UploadError> {
        let image = Image::new(body, self.image_max).map_err(UploadError::Refused)?;
        let row = instance_asset::ActiveModel {
            name: Set(kind.as_str().to_owned()),
            content_type: Set(image.content_type),
            etag: Set(image.etag),
            body: Set(Arc::unwrap_or_clone(image.body)),
        };
        instance_asset::Entity::insert(row)
            .on_conflict(
                OnConflict::column(instance_asset::Column::Name)
                    .update_columns([
                        instance_asset::Column::ContentType,
                        instance_asset::Column::Etag,
                        instance_asset::Column::Body,
                    ])
                    .to_owned(),
            )
            .exec(&self.db)
            .await
            .map_err(|e| UploadError::Failed(e.into()))?;
        self.forget();
        Ok(())
    }

    /// Back to no image (the configuration's, if it pins one).
    pub async fn remove(&self, kind: ImageKind) -> Result<()> {
        instance_asset::Entity::delete_by_id(kind.as_str())
            .exec(&self.db)
            .await?;
        self.forget();
        Ok(())
    }
}

/// An upload that did not land: refused (the admin's to fix), or our fault.
#[derive(Debug)]
pub enum UploadError {
    Refused(Refusal),
    Failed(Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: usize = 64 * 1024;

    /// A PNG's signature and header: enough for its type and size.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    #[test]
    fn raster_images_are_typed_and_bounded() {
        assert_eq!(check_image(&png(64, 32), MAX), Ok("image/png"));
        assert_eq!(
            check_image(&png(PIXELS_MAX + 1, 10), MAX),
            Err(Refusal::TooManyPixels)
        );
        assert_eq!(check_image(&png(0, 10), MAX), Err(Refusal::NotAnImage));
        let mut big = png(10, 10);
        big.resize(MAX + 1, 0);
        assert_eq!(check_image(&big, MAX), Err(Refusal::TooLarge));
        assert_eq!(check_image(b"", MAX), Err(Refusal::Empty));
        assert_eq!(
            check_image(b"#!/bin/sh\necho hi\n", MAX),
            Err(Refusal::NotAnImage)
        );
        assert_eq!(
            check_image(b"<html><body>hi</body></html>", MAX),
            Err(Refusal::NotAnImage)
        );
    }

    #[test]
    fn plain_svg_is_taken() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><style>.a{fill:url(#g)}</style><rect class="a" width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>"##;
        assert_eq!(check_image(svg, MAX), Ok("image/svg+xml"));
    }

    #[test]
    fn svg_that_runs_or_loads_is_refused() {
        for svg in [
            r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect OnClick="alert(1)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/track.png"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( 'https://evil.example/x' )"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>"#,
        ] {
            assert_eq!(
                check_image(svg.as_bytes(), MAX),
                Err(Refusal::UnsafeSvg),
                "{svg}"
            );
        }
    }

    #[test]
    fn svg_with_entities_or_not_svg_is_not_an_image() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>"#;
        assert_eq!(
            check_image(laughs.as_bytes(), MAX),
            Err(Refusal::NotAnImage)
        );
        assert_eq!(check_image(b"<html/>", MAX), Err(Refusal::NotAnImage));
        assert_eq!(check_image(b"<svg", MAX), Err(Refusal::NotAnImage));
        assert_eq!(
            check_image(&[0xff, 0xfe, 0x00], MAX),
            Err(Refusal::NotAnImage)
        );
    }

    #[test]
    fn every_refusal_has_a_code_and_a_message() {
        for refusal in Refusal::ALL {
            assert!(!refusal.code().is_empty());
            assert!(!refusal.message(MAX).is_empty());
        }
        assert!(Refusal::TooLarge.message(MAX).contains("64 KiB"));
    }
}
