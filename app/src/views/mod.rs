//! What pages show: the view models the server functions return and the pages render,
//! and the builders that make them from the services' answers (behind `ssr`). Shared by
//! the server and the browser; no rule lives here, only shape (see `rules` and
//! `access` for those).

pub mod editor;
pub mod gist;
pub mod lists;
pub mod maintenance;
pub mod revisions;

/// "just now", "5 minutes ago", "3 days ago"... in the page's language.
pub fn relative_time(t: crate::i18n::I18n, age: chrono::Duration) -> String {
    use crate::tr;
    let seconds = age.num_seconds().max(0);
    match seconds {
        0..=59 => tr!(t, "time-just-now"),
        60..=3599 => tr!(t, "time-minutes-ago", count = seconds / 60),
        3600..=86_399 => tr!(t, "time-hours-ago", count = seconds / 3600),
        86_400..=2_591_999 => tr!(t, "time-days-ago", count = seconds / 86_400),
        2_592_000..=31_535_999 => tr!(t, "time-months-ago", count = seconds / 2_592_000),
        _ => tr!(t, "time-years-ago", count = seconds / 31_536_000),
    }
}

#[cfg(test)]
mod tests {
    use super::relative_time as words;
    use crate::i18n::{I18n, Locale};
    use chrono::Duration;

    fn relative_time(age: Duration) -> String {
        words(I18n { locale: Locale::En }, age)
    }

    #[test]
    fn ages() {
        assert_eq!(relative_time(Duration::seconds(5)), "just now");
        assert_eq!(relative_time(Duration::seconds(61)), "1 minute ago");
        assert_eq!(relative_time(Duration::hours(5)), "5 hours ago");
        assert_eq!(relative_time(Duration::days(40)), "1 month ago");
        assert_eq!(relative_time(Duration::days(800)), "2 years ago");
        let de = I18n { locale: Locale::De };
        assert_eq!(words(de, Duration::days(3)), "vor 3 Tagen");
        assert_eq!(words(de, Duration::days(1)), "vor 1 Tag");
    }
}
