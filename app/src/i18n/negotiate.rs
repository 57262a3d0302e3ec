//! `Accept-Language` → the best language we speak (a pure rule, shared and tested).

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use super::Locale;

/// Longest header we read; browsers send a few dozen bytes.
const HEADER_MAX: usize = 512;
/// Most ranges we weigh (the rest are ignored).
const RANGES_MAX: usize = 16;

/// The language a browser prefers among ours, by its `Accept-Language` header: ranges in
/// order of their `q` (ties keep the header's order), `q=0` meaning "not this", a region
/// falling back to its language (`de-AT` → German, `pt-PT` → Brazilian Portuguese, `zh`
/// and `zh-Hans` → Simplified Chinese). `None` when nothing matches.
pub fn negotiate(header: &str) -> Option<Locale> {
    let mut end = header.len().min(HEADER_MAX);
    while !header.is_char_boundary(end) {
        end -= 1;
    }
    let header = &header[..end];
    let mut ranges: Vec<(LanguageIdentifier, u16)> = header
        .split(',')
        .take(RANGES_MAX)
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), quality)?;
            if q == 0 || tag == "*" {
                return None;
            }
            Some((tag.parse().ok()?, q))
        })
        .collect();
    ranges.sort_by_key(|range| std::cmp::Reverse(range.1));
    let requested: Vec<LanguageIdentifier> = ranges.into_iter().map(|(tag, _)| tag).collect();
    let available: Vec<LanguageIdentifier> = Locale::ALL
        .iter()
        .filter_map(|l| l.tag().parse().ok())
        .collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
    let chosen = chosen.first()?.to_string();
    Locale::from_tag(&chosen)
}

/// `0.8` → 800; anything unreadable is skipped (`None`).
fn quality(raw: &str) -> Option<u16> {
    let q: f32 = raw.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&q)
        .then(|| (q * 1000.0).round() as u16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn picks_the_best_language_we_speak() {
        assert_eq!(negotiate("de-DE,de;q=0.9,en;q=0.8"), Some(Locale::De));
        assert_eq!(negotiate("fr-CA"), Some(Locale::Fr));
        assert_eq!(negotiate("pt-PT,pt;q=0.9"), Some(Locale::PtBr));
        assert_eq!(negotiate("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(negotiate("zh"), Some(Locale::ZhCn));
        assert_eq!(negotiate("ar-EG,en;q=0.5"), Some(Locale::Ar));
        assert_eq!(negotiate("en;q=0.2,ja;q=0.9"), Some(Locale::Ja));
        assert_eq!(negotiate("uk;q=0,ru"), Some(Locale::Ru));
        assert_eq!(negotiate("nl-NL,sv"), None);
        assert_eq!(negotiate(""), None);
        assert_eq!(negotiate("*"), None);
    }

    proptest! {
        #[test]
        /// Whatever follows a first choice we speak (junk, other ranges, a header past the
        /// length we read), the first choice wins and nothing panics.
        fn the_first_choice_wins_whatever_follows(tail in ".{0,2000}") {
            prop_assert_eq!(negotiate(&format!("de,{tail}")), Some(Locale::De));
            let _ = negotiate(&tail);
        }
    }
}
