//! What pages show: the view models the server functions return and the pages render,
//! and the builders that make them from the services' answers (behind `ssr`). Shared by
//! the server and the browser; no rule lives here, only shape (see `rules` and
//! `access` for those).

pub mod editor;
pub mod gist;
pub mod lists;
pub mod maintenance;
pub mod revisions;

/// "just now", "5 minutes ago", "3 days ago"...
pub fn relative_time(age: chrono::Duration) -> String {
    let seconds = age.num_seconds().max(0);
    let (value, unit) = match seconds {
        0..=59 => return "just now".into(),
        60..=3599 => (seconds / 60, "minute"),
        3600..=86_399 => (seconds / 3600, "hour"),
        86_400..=2_591_999 => (seconds / 86_400, "day"),
        2_592_000..=31_535_999 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    format!("{value} {unit}{} ago", if value == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::relative_time;
    use chrono::Duration;

    #[test]
    fn ages() {
        assert_eq!(relative_time(Duration::seconds(5)), "just now");
        assert_eq!(relative_time(Duration::seconds(61)), "1 minute ago");
        assert_eq!(relative_time(Duration::hours(5)), "5 hours ago");
        assert_eq!(relative_time(Duration::days(40)), "1 month ago");
        assert_eq!(relative_time(Duration::days(800)), "2 years ago");
    }
}
