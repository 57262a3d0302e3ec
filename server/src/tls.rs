//! HTTPS served directly, for clients that speak nothing else to a self-hosted server
//! (`gh` talks to an enterprise host only over HTTPS). Opengist's keys:
//! `http.tls-enabled`, `http.cert-file`, `http.key-file`.
//!
//! rustls does the TLS (ring, as the rest of the binary). Handshakes run in tasks of their
//! own, each bounded in time and in number, so a client that opens a connection and says
//! nothing stalls only itself; finished connections reach `axum::serve` through a
//! channel, which keeps its graceful shutdown and connect info as with plain TCP.

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

use crate::config::TlsFiles;

/// How long a client may take to finish its handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Handshakes under way at once; further connections wait to be accepted.
const HANDSHAKES_MAX: usize = 256;

/// Reads the certificate chain and key; a missing or unreadable file names its key.
pub fn server_config(files: &TlsFiles) -> anyhow::Result<Arc<rustls::ServerConfig>> {
    let certs = read_certs(&files.cert_file)
        .with_context(|| format!("http.cert-file: `{}`", files.cert_file.display()))?;
    let key = PrivateKeyDer::from_pem_file(&files.key_file)
        .with_context(|| format!("http.key-file: `{}`", files.key_file.display()))?;
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .context("TLS protocol versions")?
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .context("http.cert-file and http.key-file do not make a certificate and its key")?;
    // axum serves HTTP/1.1 here (its http2 feature is off).
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn read_certs(path: &Path) -> anyhow::Result<Vec<CertificateDer<'static>>> {
    let certs = CertificateDer::pem_file_iter(path)?.collect::<Result<Vec<_>, _>>()?;
    anyhow::ensure!(!certs.is_empty(), "holds no PEM certificate");
    Ok(certs)
}

/// A listener whose connections have finished their TLS handshake.
pub struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
}

impl TlsListener {
    pub fn new(tcp: TcpListener, config: Arc<rustls::ServerConfig>) -> io::Result<Self> {
        let local = tcp.local_addr()?;
        let (tx, ready) = mpsc::channel(64);
        let acceptor = TlsAcceptor::from(config);
        let slots = Arc::new(Semaphore::new(HANDSHAKES_MAX));
        tokio::spawn(async move {
            loop {
                let Ok(slot) = slots.clone().acquire_owned().await else {
                    return;
                };
                let (stream, peer) = match tcp.accept().await {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of descriptors and the like: wait rather than spin.
                        tracing::warn!("accepting a connection: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                if tx.is_closed() {
                    return;
                }
                let acceptor = acceptor.clone();
                let tx = tx.clone();
                tokio::spawn(async move {
                    let handshake =
                        tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await;
                    drop(slot);
                    match handshake {
                        Ok(Ok(tls)) => {
                            let _ = tx.send((tls, peer)).await;
                        }
                        Ok(Err(e)) => tracing::debug!("TLS handshake with {peer}: {e}"),
                        Err(_) => tracing::debug!("TLS handshake with {peer} timed out"),
                    }
                });
            }
        });
        Ok(TlsListener { ready, local })
    }
}

/// The peer of a TLS connection. `ConnectInfo<SocketAddr>` is what the handlers ask for;
/// axum provides it only for its own listeners, so [`TlsListener::serve`] copies this in.
#[derive(Clone, Copy, Debug)]
pub struct TlsPeer(pub SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, TlsListener>>
    for TlsPeer
{
    fn connect_info(stream: axum::serve::IncomingStream<'_, TlsListener>) -> Self {
        TlsPeer(*stream.remote_addr())
    }
}

impl TlsListener {
    /// `axum::serve` over this listener, with `ConnectInfo<SocketAddr>` as over plain TCP.
    pub async fn serve(
        self,
        app: axum::Router,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> io::Result<()> {
        use axum::extract::ConnectInfo;
        let app = app.layer(axum::middleware::map_request(
            |mut req: axum::extract::Request| async move {
                if let Some(ConnectInfo(TlsPeer(peer))) = req.extensions().get().copied() {
                    req.extensions_mut().insert(ConnectInfo(peer));
                }
                req
            },
        ));
        axum::serve(self, app.into_make_service_with_connect_info::<TlsPeer>())
            .with_graceful_shutdown(shutdown)
            .await
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(accepted) => accepted,
            // The accepting task has stopped: nothing more will come.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_name_their_key() {
        let dir = tempfile::tempdir().unwrap();
        let missing = TlsFiles {
            cert_file: dir.path().join("cert.pem"),
            key_file: dir.path().join("key.pem"),
        };
        let err = format!("{:#}", server_config(&missing).unwrap_err());
        assert!(err.starts_with("http.cert-file:"), "{err}");

        std::fs::write(&missing.cert_file, "not a certificate").unwrap();
        let err = format!("{:#}", server_config(&missing).unwrap_err());
        assert!(err.contains("holds no PEM certificate"), "{err}");
    }
}
