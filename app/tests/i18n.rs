//! The catalogues are complete and the UI speaks only through them (issue 23).
//!
//! How the UI check works: it reads every file of `app/src/ui` (the components) and looks
//! at each string literal outside comments, attributes and tests. A literal is words for
//! people when it has two letters in a row and
//! - it is an element's text (`>"Save"<`, `}"Save"{`), or
//! - it is the value of an attribute people read (`placeholder`, `title`, `aria-label`,
//!   `alt`, `label`, `text`), or
//! - anywhere else, it reads like a sentence: it starts with a capital and a small letter
//!   (`"Copied"`, `"Page {} of {}"`), or has a space and ends like one (`"problems found."`).
//!
//! Every such literal must go through the catalogue (`tr!`) unless listed in `ALLOWED`
//! with the reason it is not words to translate (a command, a key name, a file format).
//! Text inside `<code>` is code, not words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use app::i18n::Locale;

/// Literals in the UI code that are not words to translate.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "gist.rs",
        "Markdown",
        "a language's name, compared with the detected one",
    ),
    ("gist.rs", "Tab", "a key's name (KeyboardEvent.key)"),
    ("ssh_keys.rs", "Host gistful", "an ~/.ssh/config snippet"),
    (
        "mod.rs",
        "Gistful",
        "the instance's name in page titles (branding, not a word)",
    ),
];

fn ui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")
}

/// Message ids and, for each, the `$variables` it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if starts_message {
            let (id, _) = line.split_once('=').expect("a message line has `=`");
            current = Some(id.trim().to_owned());
            out.entry(id.trim().to_owned()).or_default();
        } else if line.starts_with('#') || line.trim().is_empty() {
            current = None;
            continue;
        }
        if let Some(id) = &current {
            let vars = out.entry(id.clone()).or_default();
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                rest = &rest[at + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_language_has_every_key_and_parses() {
    let english = messages(Locale::En.source());
    assert!(english.len() > 300, "the English catalogue looks truncated");
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let source = locale.source();
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(source.to_owned()) {
            problems.push(format!("{}: syntax errors: {errors:?}", locale.tag()));
        }
        let theirs = messages(source);
        for (key, vars) in &english {
            match theirs.get(key) {
                None => problems.push(format!("{}: missing {key}", locale.tag())),
                Some(their_vars) if !their_vars.is_subset(vars) => problems.push(format!(
                    "{}: {key} uses {their_vars:?}, English only {vars:?}",
                    locale.tag()
                )),
                Some(_) => {}
            }
        }
        for key in theirs.keys().filter(|k| !english.contains_key(*k)) {
            problems.push(format!("{}: {key} is not in English", locale.tag()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Keys named in the code (`tr!(t, "...")`, `t.get("...")`, and the families the code
/// builds from a fixed list) exist in English, so no page shows a bare key.
#[test]
fn every_key_the_code_names_exists() {
    let english = messages(Locale::En.source());
    let mut named = BTreeSet::new();
    for path in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        let source = std::fs::read_to_string(&path).unwrap();
        for marker in [
            "tr!(t, \"",
            "crate::tr!(t, \"",
            "tr!(en, \"",
            "tr!(ru, \"",
            "tr!(de, \"",
        ] {
            for piece in source.split(marker).skip(1) {
                named.insert(piece.split('"').next().unwrap().to_owned());
            }
        }
    }
    for job in app::views::maintenance::Job::ALL {
        named.insert(format!("job-{}", job.slug()));
        named.insert(format!("job-{}-help", job.slug()));
    }
    for state in ["running", "finished", "failed"] {
        named.insert(format!("maintenance-state-{state}"));
    }
    for status in ["added", "deleted", "modified", "renamed"] {
        named.insert(format!("revisions-status-{status}"));
    }
    for tab in ["settings", "users", "gists", "maintenance"] {
        named.insert(format!("admin-tab-{tab}"));
    }
    for toggle in [
        "disable-signup",
        "require-login",
        "allow-individual-gists",
        "api-enabled",
        "require-admin-mfa",
    ] {
        named.insert(format!("admin-{toggle}"));
        named.insert(format!("admin-{toggle}-help"));
    }
    for report in ["missing-repositories", "orphan-repositories", "stale-rows"] {
        named.insert(format!("admin-{report}-help"));
    }
    let missing: Vec<_> = named
        .iter()
        .filter(|k| *k != "no-such-key" && !english.contains_key(*k))
        .collect();
    assert!(
        named.len() > 300,
        "found only {} keys: the scan broke",
        named.len()
    );
    assert!(missing.is_empty(), "keys missing from en.ftl: {missing:?}");
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The string literals of a Rust source with their byte offsets, outside comments.
fn literals(source: &str) -> Vec<(usize, usize, String)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'\'' => {
                // A char literal ('"', '\'', 'x') or a lifetime ('a): skip either.
                let rest = &source[i + 1..];
                let mut chars = rest.char_indices();
                match chars.next() {
                    Some((_, '\\')) => {
                        i += 1 + rest[2..].find('\'').map_or(1, |n| n + 3);
                    }
                    Some((_, c)) if rest[c.len_utf8()..].starts_with('\'') => {
                        i += 2 + c.len_utf8();
                    }
                    _ => i += 1,
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut text = String::new();
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    let c = source[i..].chars().next().unwrap();
                    text.push(c);
                    i += c.len_utf8();
                }
                out.push((start, i + 1, text));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn has_words(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_alphabetic() && w[1].is_alphabetic())
}

fn reads_like_a_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    let capitalised = matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
    let sentence = text.contains(' ') && text.trim_end().ends_with(['.', '?', '!', ':', '…']);
    capitalised || sentence
}

const READ_ATTRIBUTES: &[&str] = &["placeholder", "title", "aria-label", "alt", "label", "text"];

/// The words for people in one UI source that do not go through the catalogue.
fn untranslated(name: &str, source: &str) -> Vec<String> {
    let source = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = Vec::new();
    for (start, end, text) in literals(source) {
        if !has_words(&text) {
            continue;
        }
        let line_start = source[..start].rfind('\n').map_or(0, |n| n + 1);
        let line = &source[line_start..];
        if line.trim_start().starts_with("#[") {
            continue;
        }
        let before = source[..start].trim_end();
        let after = source[end..].trim_start();
        if before.ends_with("<code>") && after.starts_with("</code>") {
            continue;
        }
        // `name="..."` in a view; `let x = "..."` is not an attribute.
        let attribute = before
            .strip_suffix('=')
            .filter(|b| b.ends_with(|c: char| c.is_alphanumeric() || c == '-'))
            .map(|b| {
                b.rsplit(|c: char| c.is_whitespace() || c == '<')
                    .next()
                    .unwrap_or("")
            });
        let words = match attribute {
            Some(attr) => READ_ATTRIBUTES.contains(&attr.trim_start_matches("attr:")),
            None => {
                let text_node = (before.ends_with('>')
                    || before.ends_with('}')
                    || before.ends_with('"'))
                    && (after.starts_with('<') || after.starts_with('{') || after.starts_with('"'));
                text_node || reads_like_a_sentence(&text)
            }
        };
        let allowed = ALLOWED
            .iter()
            .any(|(file, lit, _)| *file == name && text.starts_with(lit));
        if words && !allowed {
            let line_no = source[..start].matches('\n').count() + 1;
            found.push(format!("{name}:{line_no}: {text:?}"));
        }
    }
    found
}

#[test]
fn the_ui_says_nothing_outside_the_catalogue() {
    let mut found = Vec::new();
    let files = rust_files(&ui_dir());
    assert!(files.len() > 15, "the UI directory moved");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        found.extend(untranslated(
            &name,
            &std::fs::read_to_string(&path).unwrap(),
        ));
    }
    assert!(
        found.is_empty(),
        "words not in the catalogue:\n{}",
        found.join("\n")
    );
}

/// The check itself: it catches each kind of untranslated words, and lets keys, classes,
/// code and comments be.
#[test]
fn the_check_catches_words_and_lets_code_be() {
    let bad = r#"
        view! { <button>"Save"</button> <input placeholder="Search gists"/> }
        let label = if on { "Copied" } else { "Copy" };
        let done = "problems found.";
    "#;
    assert_eq!(
        untranslated("x.rs", bad).len(),
        5,
        "{:?}",
        untranslated("x.rs", bad)
    );
    let fine = r#"
        // "A comment with Words."
        view! { <a class="button button-small" href="/explore">{tr!(t, "nav-explore")}</a> }
        view! { <code>"user:"</code> }
        let tab = query.get("tab"); let c = '"'; let s = "tab active";
    "#;
    assert_eq!(untranslated("x.rs", fine), Vec::<String>::new());
}
