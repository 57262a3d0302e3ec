//! What the network edge tells us about a request, decided once: the client's address
//! (the peer, unless the peer is a configured proxy, whose `X-Forwarded-For` is then
//! believed), and whether a page of this site sent it (server functions).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;

use app::services::ratelimit::ClientAddress;

/// From the configuration: who may forward addresses, and which origins are ours.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub origins: Vec<String>,
}

impl Edge {
    fn trusts(&self, ip: IpAddr) -> bool {
        self.trusted_proxies.iter().any(|net| net.contains(&ip))
    }

    /// The client: walking `X-Forwarded-For` from the right (the hop nearest us), the
    /// first address that is not one of our proxies. A peer we do not trust is the client,
    /// whatever it claims.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Ok(ip) = hop.parse::<IpAddr>() else {
                // Garbage in the chain: the last address we could believe stands.
                return client;
            };
            client = ip;
            if !self.trusts(ip) {
                return ip;
            }
        }
        client
    }

    /// Whether `Origin` (or, lacking it, `Referer`) is one of this site's origins.
    pub fn same_origin(&self, headers: &HeaderMap) -> bool {
        let source = headers
            .get(header::ORIGIN)
            .or_else(|| headers.get(header::REFERER))
            .and_then(|v| v.to_str().ok());
        let Some(Ok(source)) = source.map(url::Url::parse) else {
            return false;
        };
        let origin = source.origin().ascii_serialization();
        self.origins.contains(&origin)
    }
}

/// Puts the [`ClientAddress`] on every request.
pub async fn client_address(
    State(edge): State<Arc<Edge>>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(peer) = peer {
        let client = edge.client(peer, req.headers());
        req.extensions_mut().insert(ClientAddress(client));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_only_from_trusted_proxies() {
        let edge = Edge {
            trusted_proxies: vec!["10.0.0.0/8".parse().unwrap()],
            origins: vec![],
        };
        let forwarded = headers(&[("x-forwarded-for", "6.6.6.6, 1.2.3.4, 10.0.0.9")]);
        assert_eq!(edge.client(ip("10.0.0.1"), &forwarded), ip("1.2.3.4"));
        assert_eq!(
            edge.client(ip("8.8.8.8"), &forwarded),
            ip("8.8.8.8"),
            "an untrusted peer cannot choose its address"
        );
        let two = headers(&[
            ("x-forwarded-for", "6.6.6.6"),
            ("x-forwarded-for", "5.5.5.5"),
        ]);
        assert_eq!(edge.client(ip("10.0.0.1"), &two), ip("5.5.5.5"));
        let junk = headers(&[("x-forwarded-for", "1.2.3.4, junk")]);
        assert_eq!(edge.client(ip("10.0.0.1"), &junk), ip("10.0.0.1"));
        assert_eq!(
            edge.client(ip("10.0.0.1"), &HeaderMap::new()),
            ip("10.0.0.1")
        );
        let all_ours = headers(&[("x-forwarded-for", "10.1.1.1")]);
        assert_eq!(edge.client(ip("10.0.0.1"), &all_ours), ip("10.1.1.1"));
    }

    #[test]
    fn only_this_site_may_call_server_functions() {
        let edge = Edge {
            trusted_proxies: vec![],
            origins: vec![
                "https://gists.example.com".into(),
                "https://gists.internal:8443".into(),
            ],
        };
        assert!(edge.same_origin(&headers(&[("origin", "https://gists.example.com")])));
        assert!(edge.same_origin(&headers(&[(
            "referer",
            "https://gists.example.com/login?x=1"
        )])));
        assert!(edge.same_origin(&headers(&[("origin", "https://gists.internal:8443")])));
        assert!(
            !edge.same_origin(&headers(&[
                ("origin", "http://rebound.evil.example:3000"),
                ("host", "rebound.evil.example:3000")
            ])),
            "the request's own Host proves nothing (DNS rebinding)"
        );
        assert!(!edge.same_origin(&headers(&[("origin", "https://evil.example")])));
        assert!(!edge.same_origin(&headers(&[(
            "origin",
            "https://gists.example.com.evil.example"
        )])));
        assert!(
            !edge.same_origin(&headers(&[("origin", "http://gists.example.com")])),
            "scheme matters"
        );
        assert!(!edge.same_origin(&headers(&[("origin", "null")])));
        assert!(!edge.same_origin(&HeaderMap::new()), "no origin at all");
    }
}
