//! A person's display preferences: the theme, how code wraps and how wide a tab is, and
//! the visibility a new gist starts with. Checked here, on the server and in the browser
//! alike; stored on the account, so they follow the person to every device.

use serde::{Deserialize, Serialize};

use super::gist::Visibility;
use crate::error::FieldError;

/// The themes a person (or the instance, for people who chose none) may pick.
pub const THEMES: [&str; 3] = ["system", "light", "dark"];

/// The tab widths offered (GitHub's choice: 2, 4 or 8).
pub const TAB_WIDTHS: [u8; 3] = [2, 4, 8];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    /// `system`, `light` or `dark`.
    pub theme: String,
    /// Long lines of code wrap instead of scrolling sideways.
    pub soft_wrap: bool,
    pub tab_width: u8,
    /// What the new-gist form starts with: `public`, `unlisted` or `private`.
    pub default_visibility: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            theme: "system".into(),
            soft_wrap: false,
            tab_width: 4,
            default_visibility: Visibility::Unlisted.as_str().into(),
        }
    }
}

impl Preferences {
    /// Every field checked at once; all the errors, or the preferences.
    pub fn validate(self) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let bad = |field: &str, message: &str| {
            FieldError::new("Preferences", field, "invalid", message.to_owned())
        };
        if !THEMES.contains(&self.theme.as_str()) {
            errors.push(bad("theme", "the theme is system, light or dark"));
        }
        if !TAB_WIDTHS.contains(&self.tab_width) {
            errors.push(bad("tab_width", "the tab width is 2, 4 or 8"));
        }
        if Visibility::parse(&self.default_visibility).is_err() {
            errors.push(bad(
                "default_visibility",
                "the default visibility is public, unlisted or private",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    /// The classes a code box takes: `soft-wrap` and `tab-N`.
    pub fn code_class(&self) -> String {
        let wrap = if self.soft_wrap { " soft-wrap" } else { "" };
        format!("code tab-{}{wrap}", self.tab_width)
    }
}

#[cfg(test)]
mod tests {
    use super::Preferences;
    use proptest::prelude::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_named() {
        assert!(Preferences::default().validate().is_ok());
        let errors = Preferences {
            theme: "sepia".into(),
            soft_wrap: true,
            tab_width: 3,
            default_visibility: "secret".into(),
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["theme", "tab_width", "default_visibility"]);
    }

    #[test]
    fn the_code_box_class_says_wrap_and_width() {
        let wrapped = Preferences {
            soft_wrap: true,
            tab_width: 8,
            ..Preferences::default()
        };
        assert_eq!(wrapped.code_class(), "code tab-8 soft-wrap");
        assert_eq!(Preferences::default().code_class(), "code tab-4");
    }

    proptest! {
        #[test]
        fn only_the_offered_widths_pass(width in any::<u8>()) {
            let prefs = Preferences { tab_width: width, ..Preferences::default() };
            prop_assert_eq!(prefs.validate().is_ok(), [2, 4, 8].contains(&width));
        }
    }
}
