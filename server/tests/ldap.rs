//! Passwords checked against a real LDAP directory: Debian's `slapd`, started here on
//! 127.0.0.1 with its own configuration file and database in a temporary directory
//! (nothing system-wide is touched), seeded with `ldapadd`.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Server, create_token, git};
use serde_json::json;

const SUFFIX: &str = "dc=corp,dc=example";
const ADMIN_DN: &str = "cn=admin,dc=corp,dc=example";
const ADMIN_PW: &str = "admin-secret";

const SEED: &str = "\
dn: dc=corp,dc=example
objectClass: dcObject
objectClass: organization
o: Corp
dc: corp

dn: ou=people,dc=corp,dc=example
objectClass: organizationalUnit
ou: people

dn: uid=lena,ou=people,dc=corp,dc=example
objectClass: inetOrgPerson
uid: lena
cn: Lena
sn: Lind
mail: lena@corp.example
userPassword: lena-pw

dn: uid=otto,ou=people,dc=corp,dc=example
objectClass: inetOrgPerson
uid: otto
cn: Otto
sn: Olsen
mail: otto@corp.example
userPassword: otto-pw

dn: uid=alice,ou=people,dc=corp,dc=example
objectClass: inetOrgPerson
uid: alice
cn: Alice of the directory
sn: A
mail: alice@corp.example
userPassword: directory-pw

dn: cn=admins,dc=corp,dc=example
objectClass: groupOfNames
cn: admins
member: uid=lena,ou=people,dc=corp,dc=example
";

/// A private `slapd`, stopped when dropped.
struct Directory {
    child: Child,
    url: String,
    /// `ldaps://` with a certificate of [`Directory::ca`], when started with TLS.
    tls_url: Option<String>,
    _dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A throwaway CA and a certificate for 127.0.0.1 signed by it, made with `openssl`.
fn certificates(root: &Path) {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(root)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    std::fs::write(
        root.join("server.ext"),
        "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Gistful test CA",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
    ]);
}

impl Directory {
    fn start() -> Directory {
        Directory::start_with(false)
    }

    /// With `tls`, also `ldaps://` and StartTLS, with a certificate of its own CA.
    fn start_with(tls: bool) -> Directory {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("db")).unwrap();
        let tls_config = if tls {
            certificates(root);
            format!(
                "TLSCACertificateFile {root}/ca.pem\n\
                 TLSCertificateFile {root}/server.pem\n\
                 TLSCertificateKeyFile {root}/server.key\n",
                root = root.display()
            )
        } else {
            String::new()
        };
        let config = format!(
            "include /etc/ldap/schema/core.schema\n\
             include /etc/ldap/schema/cosine.schema\n\
             include /etc/ldap/schema/nis.schema\n\
             include /etc/ldap/schema/inetorgperson.schema\n\
             modulepath /usr/lib/ldap\n\
             moduleload back_mdb\n\
             {tls_config}\
             pidfile {root}/slapd.pid\n\
             database mdb\n\
             maxsize 10485760\n\
             suffix \"{SUFFIX}\"\n\
             rootdn \"{ADMIN_DN}\"\n\
             rootpw {ADMIN_PW}\n\
             directory {root}/db\n",
            root = root.display()
        );
        std::fs::write(root.join("slapd.conf"), config).unwrap();
        let url = format!("ldap://127.0.0.1:{}", free_port());
        let tls_url = tls.then(|| format!("ldaps://127.0.0.1:{}", free_port()));
        let listen = match &tls_url {
            Some(tls_url) => format!("{url}/ {tls_url}/"),
            None => format!("{url}/"),
        };
        let child = Command::new("slapd")
            .args(["-h", &listen, "-f"])
            .arg(root.join("slapd.conf"))
            .args(["-d", "0"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("slapd (make test installs Debian's slapd)");
        let root = root.to_path_buf();
        let directory = Directory {
            child,
            url,
            tls_url,
            _dir: dir,
        };
        directory.seed(&root);
        directory
    }

    /// Adds the people with `ldapadd`, once slapd answers.
    fn seed(&self, root: &Path) {
        let ldif = root.join("seed.ldif");
        std::fs::write(&ldif, SEED).unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let out = Command::new("ldapadd")
                .args(["-x", "-H", &self.url, "-D", ADMIN_DN, "-w", ADMIN_PW, "-f"])
                .arg(&ldif)
                .output()
                .expect("ldapadd (Debian's ldap-utils)");
            if out.status.success() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "slapd did not take the seed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Directory {
    fn ca(&self) -> std::path::PathBuf {
        self._dir.path().join("ca.pem")
    }
}

impl Drop for Directory {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Gistful checking passwords against the directory at `url`.
async fn gistful(url: &str) -> Server {
    gistful_with(url, &[]).await
}

async fn gistful_with(url: &str, extra: &[(&str, &str)]) -> Server {
    let mut env = extra.to_vec();
    env.extend_from_slice(&[
        ("OG_LDAP_URL", url),
        ("OG_LDAP_BIND_DN", ADMIN_DN),
        ("OG_LDAP_BIND_CREDENTIALS", ADMIN_PW),
        ("OG_LDAP_SEARCH_BASE", SUFFIX),
        (
            "OG_LDAP_SEARCH_FILTER",
            "(&(objectClass=inetOrgPerson)(uid=%s))",
        ),
        ("OG_LDAP_ADMIN_GROUP", "cn=admins,dc=corp,dc=example"),
    ]);
    Server::start_with(&env).await
}

/// Logs in through the form's server function; the session cookie when it worked, else
/// the status and the message.
async fn login(server: &Server, username: &str, password: &str) -> Result<String, (u16, String)> {
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(server.url("/sfn/login"))
        .header("origin", &server.base)
        .form(&[("username", username), ("password", password)])
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("gistful_session="))
        .map(|c| c.split(';').next().unwrap().to_owned());
    match cookie {
        Some(cookie) => Ok(cookie),
        None => Err((res.status().as_u16(), res.text().await.unwrap())),
    }
}

async fn who(server: &Server, cookie: &str) -> serde_json::Value {
    common::current_user(&reqwest::Client::new(), server, Some(cookie)).await
}

#[tokio::test]
async fn the_login_form_signs_directory_people_in_and_the_group_makes_admins() {
    let directory = Directory::start();
    let server = gistful(&directory.url).await;

    let lena = login(&server, "lena", "lena-pw").await.unwrap();
    let me = who(&server, &lena).await;
    assert_eq!(me["username"], "lena");
    assert_eq!(me["is_admin"], true, "in cn=admins");
    let otto = login(&server, "otto", "otto-pw").await.unwrap();
    assert_eq!(who(&server, &otto).await["is_admin"], false);
    // The second time finds the same account.
    let again = login(&server, "lena", "lena-pw").await.unwrap();
    assert_eq!(who(&server, &again).await["username"], "lena");

    let (status, body) = login(&server, "lena", "wrong").await.unwrap_err();
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("Incorrect username or password"), "{body}");
    // An empty password is an anonymous bind to LDAP, which "succeeds": refused here.
    assert!(login(&server, "otto", "").await.is_err());
}

#[tokio::test]
async fn filter_syntax_in_a_username_matches_nobody() {
    let directory = Directory::start();
    let server = gistful(&directory.url).await;
    for name in ["*", "*)(uid=*", "lena)(|(uid=*", "le*", "*)(objectClass=*"] {
        let refused = login(&server, name, "lena-pw").await;
        assert!(refused.is_err(), "{name} signed in");
    }
    // The real name still works (the attempts above were another account's failures).
    assert!(login(&server, "lena", "lena-pw").await.is_ok());
}

#[tokio::test]
async fn a_local_account_is_never_taken_over_by_a_directory_entry_of_its_name() {
    let directory = Directory::start();
    let server = gistful(&directory.url).await;
    common::create_user(&server.home, "alice", "local-password");
    assert!(login(&server, "alice", "directory-pw").await.is_err());
    let local = login(&server, "alice", "local-password").await.unwrap();
    assert_eq!(who(&server, &local).await["username"], "alice");
}

#[tokio::test]
async fn git_takes_directory_passwords_and_throttles_wrong_ones() {
    let directory = Directory::start();
    let server = gistful(&directory.url).await;
    // Lena's account comes from her first sign-in; her private gist from the API.
    login(&server, "otto", "otto-pw").await.unwrap();
    login(&server, "lena", "lena-pw").await.unwrap();
    let token = create_token(&server.home, "lena", "gist:write");
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"visibility": "private", "files": {"a.txt": {"content": "private words\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    let host = server.base.trim_start_matches("http://");
    let work = tempfile::tempdir().unwrap();

    let out = git(
        work.path(),
        &[
            "clone",
            &format!("http://lena:lena-pw@{host}/lena/{id}.git"),
            "ok",
        ],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = std::fs::read_to_string(work.path().join("ok/a.txt")).unwrap();
    assert_eq!(text, "private words\n");

    // Otto's directory password is no key to lena's private gist.
    let out = git(
        work.path(),
        &[
            "clone",
            &format!("http://otto:otto-pw@{host}/lena/{id}.git"),
            "otto",
        ],
    );
    assert!(!out.status.success());

    // Wrong passwords count like local ones: past the limit even the right one waits.
    let refs = server.url(&format!("/lena/{id}.git/info/refs?service=git-upload-pack"));
    let attempt = |password: &'static str| {
        reqwest::Client::new()
            .get(&refs)
            .basic_auth("lena", Some(password))
            .send()
    };
    assert_eq!(attempt("lena-pw").await.unwrap().status(), 200);
    for _ in 0..5 {
        assert_eq!(attempt("a-guess").await.unwrap().status(), 401);
    }
    assert_eq!(attempt("lena-pw").await.unwrap().status(), 429, "throttled");
    let out = git(
        work.path(),
        &[
            "clone",
            &format!("http://lena:lena-pw@{host}/lena/{id}.git"),
            "late",
        ],
    );
    assert!(!out.status.success(), "throttled for git too");
}

#[tokio::test]
async fn a_directory_that_is_down_is_a_plain_message() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = gistful(&format!("ldap://127.0.0.1:{port}")).await;
    let (status, body) = login(&server, "lena", "lena-pw").await.unwrap_err();
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("could not be reached"), "{body}");
}

#[tokio::test]
async fn ldaps_and_start_tls_verify_the_directory_certificate() {
    let directory = Directory::start_with(true);
    let ca = directory.ca().display().to_string();
    let ldaps = directory.tls_url.clone().unwrap();
    // The directory's CA trusted (rustls reads the roots from SSL_CERT_FILE).
    let trusting = gistful_with(&ldaps, &[("SSL_CERT_FILE", ca.as_str())]).await;
    let lena = login(&trusting, "lena", "lena-pw").await.unwrap();
    assert_eq!(who(&trusting, &lena).await["username"], "lena");
    let start_tls = gistful_with(
        &directory.url,
        &[
            ("SSL_CERT_FILE", ca.as_str()),
            ("OG_LDAP_START_TLS", "true"),
        ],
    )
    .await;
    let otto = login(&start_tls, "otto", "otto-pw").await.unwrap();
    assert_eq!(who(&start_tls, &otto).await["username"], "otto");

    // Not trusted: no password goes to that server.
    let wary = gistful(&ldaps).await;
    let (status, body) = login(&wary, "lena", "lena-pw").await.unwrap_err();
    assert_eq!(status, 503, "{body}");
}
