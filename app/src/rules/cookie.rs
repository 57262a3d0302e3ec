//! The one cookie parser: the browser reads the theme with it, the server the theme and
//! the session.

/// The value of cookie `name` in a `Cookie` header (`a=1; b=2`), if it is there.
pub fn value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::value;

    #[test]
    fn finds_one_cookie_among_many() {
        assert_eq!(value("a=1; theme=dark; b=2", "theme"), Some("dark"));
        assert_eq!(value("theme=", "theme"), Some(""));
        assert_eq!(value("xtheme=dark", "theme"), None);
        assert_eq!(value("", "theme"), None);
        assert_eq!(value("a=b=c", "a"), Some("b=c"));
    }
}
