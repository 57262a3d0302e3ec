//! Webhooks' rules, shared by the settings form in the browser and the server: the
//! events there are, which addresses a hook may point at, and which network addresses
//! count as "inside" (loopback, private, link-local...): a hook may not make the server
//! call those unless the admin allows it (`webhooks.allow-private`), or any address could
//! be used to reach what sits behind the server (SSRF).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Longest hook address.
pub const URL_MAX: usize = 2048;
/// Longest secret.
pub const SECRET_MAX: usize = 256;
/// Hooks per owner (each user, and the instance).
pub const HOOKS_MAX: usize = 20;

/// The event that only tests a hook (GitHub's name): sent when its owner asks, to any
/// hook whatever its events; nobody subscribes to it.
pub const PING: &str = "ping";

/// What a hook can be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Event {
    GistCreated,
    GistUpdated,
    GistDeleted,
    GistStarred,
    GistForked,
    CommentCreated,
}

impl Event {
    pub const ALL: [Event; 6] = [
        Event::GistCreated,
        Event::GistUpdated,
        Event::GistDeleted,
        Event::GistStarred,
        Event::GistForked,
        Event::CommentCreated,
    ];

    /// The name in `X-Gistful-Event` and in the payload's `event`.
    pub fn name(self) -> &'static str {
        match self {
            Event::GistCreated => "gist.created",
            Event::GistUpdated => "gist.updated",
            Event::GistDeleted => "gist.deleted",
            Event::GistStarred => "gist.starred",
            Event::GistForked => "gist.forked",
            Event::CommentCreated => "comment.created",
        }
    }

    /// The payload's `action` (GitHub's verb).
    pub fn action(self) -> &'static str {
        match self {
            Event::GistCreated => "created",
            Event::GistUpdated => "updated",
            Event::GistDeleted => "deleted",
            Event::GistStarred => "starred",
            Event::GistForked => "forked",
            Event::CommentCreated => "created",
        }
    }

    pub fn from_name(name: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.name() == name.trim())
    }
}

/// Event names, comma separated, as a hook stores them; unknown names are an error.
pub fn parse_events(list: &str) -> Result<Vec<Event>, String> {
    let mut events = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let event = Event::from_name(name).ok_or_else(|| format!("unknown event {name:?}"))?;
        if !events.contains(&event) {
            events.push(event);
        }
    }
    if events.is_empty() {
        return Err("choose at least one event".into());
    }
    Ok(events)
}

pub fn join_events(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| e.name())
        .collect::<Vec<_>>()
        .join(",")
}

/// Why an address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlRefusal {
    TooLong,
    /// Not `http://` or `https://` with a host, or with spaces, user names, fragments.
    Malformed,
    /// Loopback, private, link-local and the like, while the admin has not allowed them.
    Private,
}

impl UrlRefusal {
    pub fn code(self) -> &'static str {
        match self {
            UrlRefusal::TooLong => "too-long",
            UrlRefusal::Malformed => "malformed",
            UrlRefusal::Private => "private-address",
        }
    }

    pub fn message(self) -> String {
        match self {
            UrlRefusal::TooLong => format!("The address is longer than {URL_MAX} characters"),
            UrlRefusal::Malformed => {
                "The address must be an http:// or https:// URL with a host".into()
            }
            UrlRefusal::Private => {
                "The address points inside this server's network (loopback, private or link-local); the admin has not allowed that".into()
            }
        }
    }
}

/// The host named in an `http(s)://` URL, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Ip(IpAddr),
    Name(String),
}

/// Checks a hook's address and returns its host. A literal address, `localhost` or a
/// name under `.localhost` / `.internal` / `.local` inside the network is refused unless
/// `allow_private`; a name is checked again once resolved, when delivering.
pub fn validate_url(url: &str, allow_private: bool) -> Result<Host, UrlRefusal> {
    if url.chars().count() > URL_MAX {
        return Err(UrlRefusal::TooLong);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains('#') {
        return Err(UrlRefusal::Malformed);
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(UrlRefusal::Malformed)?;
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') || authority.contains('\\') {
        return Err(UrlRefusal::Malformed);
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (inside, after) = v6.split_once(']').ok_or(UrlRefusal::Malformed)?;
            let ip: Ipv6Addr = inside.parse().map_err(|_| UrlRefusal::Malformed)?;
            (Host::Ip(IpAddr::V6(ip)), after.strip_prefix(':'))
        }
        None => {
            let (name, port) = match authority.split_once(':') {
                Some((name, port)) => (name, Some(port)),
                None => (authority, None),
            };
            let host = match name.parse::<Ipv4Addr>() {
                Ok(ip) => Host::Ip(IpAddr::V4(ip)),
                Err(_) => {
                    let valid = !name.is_empty()
                        && name.len() <= 253
                        && name.split('.').all(|label| {
                            !label.is_empty()
                                && label.len() <= 63
                                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        })
                        // A name of digits and dots only is an address in disguise
                        // (`2130706433`, `127.1`): refused rather than guessed at.
                        && !name.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                        && !name.starts_with("0x");
                    if !valid {
                        return Err(UrlRefusal::Malformed);
                    }
                    Host::Name(name.trim_end_matches('.').to_owned())
                }
            };
            (host, port)
        }
    };
    if let Some(port) = port
        && (port.is_empty() || port.parse::<u16>().map_or(true, |p| p == 0))
    {
        return Err(UrlRefusal::Malformed);
    }
    if !allow_private {
        let inside = match &host {
            Host::Ip(ip) => !is_public(*ip),
            Host::Name(name) => {
                name == "localhost"
                    || [".localhost", ".internal", ".local", ".localdomain"]
                        .iter()
                        .any(|suffix| name.ends_with(suffix))
            }
        };
        if inside {
            return Err(UrlRefusal::Private);
        }
    }
    Ok(host)
}

/// Whether an address is on the public internet: not loopback, private (RFC 1918,
/// unique-local), link-local, shared (CGNAT), unspecified, multicast, broadcast,
/// documentation or benchmarking space; IPv4 inside IPv6 is judged as IPv4.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // fc00::/7 unique local, fe80::/10 link-local, 2001:db8::/32 documentation
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)
                // ::/96 (old IPv4-compatible) and 64:ff9b::/96 (NAT64) reach IPv4 inside.
                || (v6.segments()[..6].iter().all(|s| *s == 0))
                || (first == 0x0064 && v6.segments()[1] == 0xff9b))
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 198 && (b == 18 || b == 19))
        || a >= 240)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip() {
        for event in Event::ALL {
            assert_eq!(Event::from_name(event.name()), Some(event));
        }
        assert_eq!(
            parse_events("gist.created, comment.created,gist.created").unwrap(),
            [Event::GistCreated, Event::CommentCreated]
        );
        assert!(
            parse_events("gist.exploded")
                .unwrap_err()
                .contains("gist.exploded")
        );
        assert!(parse_events(" , ").is_err());
        assert_eq!(
            join_events(&[Event::GistStarred, Event::GistForked]),
            "gist.starred,gist.forked"
        );
    }

    #[test]
    fn inside_addresses_are_refused_unless_allowed() {
        for url in [
            "http://127.0.0.1/hook",
            "http://127.0.0.1:8080/hook",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::127.0.0.1]/",
            "http://localhost:3000/",
            "http://api.localhost/",
            "http://metadata.google.internal/",
            "https://printer.local/",
        ] {
            assert_eq!(validate_url(url, false), Err(UrlRefusal::Private), "{url}");
            assert!(validate_url(url, true).is_ok(), "{url}");
        }
        for url in [
            "https://example.com/hook",
            "http://93.184.216.34:8080/x?y=1",
            "https://[2606:2800:220:1::1]/",
            "https://hooks.example.org",
        ] {
            assert!(validate_url(url, false).is_ok(), "{url}");
        }
    }

    #[test]
    fn malformed_addresses() {
        for url in [
            "",
            "ftp://example.com/",
            "javascript:alert(1)",
            "http://",
            "http:///path",
            "http://user:pass@example.com/",
            "http://example.com:0/",
            "http://example.com:99999/",
            "http://example.com:/",
            "http://exa mple.com/",
            "http://example.com/#frag",
            "http://2130706433/",
            "http://127.1/",
            "http://0x7f000001/",
            "http://[::1/",
            "http://ex_ample.com/",
            "http://example.com\\@evil/",
        ] {
            assert!(
                matches!(validate_url(url, true), Err(UrlRefusal::Malformed)),
                "{url}"
            );
        }
        let long = format!("https://example.com/{}", "a".repeat(URL_MAX));
        assert_eq!(validate_url(&long, true), Err(UrlRefusal::TooLong));
    }

    proptest::proptest! {
        /// Whatever the text, the check answers without panicking, and whatever it lets
        /// through while private addresses are refused names no inside address.
        #[test]
        fn never_lets_an_inside_literal_through(a in 0u8..=255, b in 0u8..=255, port in 1u16..) {
            let url = format!("http://{a}.{b}.0.1:{port}/x");
            let ip = IpAddr::V4(Ipv4Addr::new(a, b, 0, 1));
            match validate_url(&url, false) {
                Ok(Host::Ip(found)) => {
                    proptest::prop_assert_eq!(found, ip);
                    proptest::prop_assert!(is_public(ip));
                }
                Ok(other) => proptest::prop_assert!(false, "{:?}", other),
                Err(refusal) => {
                    proptest::prop_assert_eq!(refusal, UrlRefusal::Private);
                    proptest::prop_assert!(!is_public(ip));
                }
            }
        }

        #[test]
        fn any_text_is_answered(url in "\\PC{0,80}") {
            let _ = validate_url(&url, false);
        }
    }
}
