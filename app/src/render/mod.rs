//! A file as pages and embeds show it: highlighted code, rendered Markdown, a CSV table,
//! or a note that it is binary. All HTML here comes from escaped text or the sanitiser.

pub mod markdown;
mod notebook;
pub mod sanitize;

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use crate::cache::ByteLru;
use crate::rules::language::language_for;
use crate::services::gists::is_binary;
use crate::store::StoredFile;
use crate::views::gist::FileKind;

/// How much of a file a page shows. GitHub's behaviour: a file past `max_bytes` or
/// `max_lines` shows its first part with a link to the raw file; past `max_highlight_bytes`
/// (or with a line longer than [`HIGHLIGHT_LINE_MAX`]) the shown part is plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DisplayLimits {
    pub max_bytes: usize,
    pub max_lines: usize,
    pub max_highlight_bytes: usize,
    /// An image, PDF, audio or video file up to this size is shown inline; past it, a link.
    pub max_media_bytes: usize,
}

impl Default for DisplayLimits {
    fn default() -> Self {
        DisplayLimits {
            max_bytes: 1024 * 1024,
            max_lines: 20_000,
            max_highlight_bytes: 256 * 1024,
            max_media_bytes: 10 * 1024 * 1024,
        }
    }
}

/// A line this long (minified code, data on one line) is not highlighted: the
/// highlighter's work per line grows faster than the line.
pub const HIGHLIGHT_LINE_MAX: usize = 16 * 1024;

/// The most one file may spend being highlighted; past it the file is shown as text.
pub const HIGHLIGHT_BUDGET: std::time::Duration = std::time::Duration::from_millis(250);

#[derive(Clone)]
pub struct RenderedFile {
    pub language: &'static str,
    pub kind: FileKind,
    pub html: String,
    /// Lines of text shown (0 for a binary file), for the line-number gutter.
    pub lines: usize,
    /// Only the first part is shown (the file is past the display limits).
    pub truncated: bool,
}

impl crate::cache::Weigh for RenderedFile {
    fn weight(&self) -> usize {
        self.html.len() + 64
    }
}

type RenderKey = (String, &'static str, [u8; 32], DisplayLimits);

/// Rendering is a pure function of the name, the language and the bytes, and highlighting is the most
/// expensive thing a page does: each distinct file is rendered once.
static RENDERED: LazyLock<ByteLru<RenderKey, RenderedFile>> =
    LazyLock::new(|| ByteLru::new(64 * 1024 * 1024));

/// A file at most this big is looked up in the cache by the calling task (hashing it costs
/// tens of microseconds); a bigger one is hashed with its render, on the CPU pool.
const LOOKUP_ON_CALLER: usize = 64 * 1024;

fn key(name: &str, language: &'static str, content: &[u8], limits: &DisplayLimits) -> RenderKey {
    (
        name.to_owned(),
        language,
        Sha256::digest(content).into(),
        *limits,
    )
}

/// The file as pages and embeds show it. CPU-bound (highlighting): callers run it on the
/// blocking pool, never on an async worker; [`files`] does that for them.
pub fn file(name: &str, content: &[u8], limits: &DisplayLimits) -> RenderedFile {
    file_as(name, language_for(name), content, limits)
}

/// [`file`] in `language` (the owner's choice) rather than the one its name implies.
pub fn file_as(
    name: &str,
    language: &'static str,
    content: &[u8],
    limits: &DisplayLimits,
) -> RenderedFile {
    let key = key(name, language, content, limits);
    if let Some(done) = RENDERED.get(&key) {
        return done.as_ref().clone();
    }
    let rendered = render(name, language, content, limits);
    RENDERED.put(key, std::sync::Arc::new(rendered.clone()));
    rendered
}

/// The files as pages and embeds show them, in order. Files rendered before come from the
/// cache on the calling task; only the others wait for a CPU turn ([`crate::services::cpu`]),
/// so a page whose files are warm never queues behind pages being highlighted.
pub async fn files(
    files: Vec<StoredFile>,
    limits: DisplayLimits,
) -> crate::error::Result<Vec<RenderedFile>> {
    let languages = files.iter().map(|f| language_for(&f.name)).collect();
    files_as(files, languages, limits).await
}

/// [`files`], each in its language (`languages[i]` for `files[i]`: the owner's choice or
/// what the name implies).
pub async fn files_as(
    files: Vec<StoredFile>,
    languages: Vec<&'static str>,
    limits: DisplayLimits,
) -> crate::error::Result<Vec<RenderedFile>> {
    let mut shown: Vec<Option<RenderedFile>> = files
        .iter()
        .zip(&languages)
        .map(|(f, language)| {
            (f.content.len() <= LOOKUP_ON_CALLER)
                .then(|| RENDERED.get(&key(&f.name, language, &f.content, &limits)))
                .flatten()
                .map(|done| done.as_ref().clone())
        })
        .collect();
    let cold: Vec<(usize, StoredFile, &'static str)> = files
        .into_iter()
        .zip(languages)
        .enumerate()
        .filter(|(at, _)| shown[*at].is_none())
        .map(|(at, (f, language))| (at, f, language))
        .collect();
    if !cold.is_empty() {
        let rendered = crate::services::cpu(move || {
            cold.into_iter()
                .map(|(at, f, language)| (at, file_as(&f.name, language, &f.content, &limits)))
                .collect::<Vec<_>>()
        })
        .await?;
        for (at, done) in rendered {
            shown[at] = Some(done);
        }
    }
    Ok(shown.into_iter().flatten().collect())
}

/// The part of `text` a page shows: at most `max_bytes` (cut at a line end when there is
/// one, else at a character boundary) and `max_lines` lines.
fn shown_part<'t>(text: &'t str, limits: &DisplayLimits) -> &'t str {
    let mut end = text.len().min(limits.max_bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len()
        && let Some(newline) = text[..end].rfind('\n')
    {
        end = newline + 1;
    }
    if let Some((at, _)) = text[..end]
        .match_indices('\n')
        .nth(limits.max_lines.saturating_sub(1))
    {
        end = end.min(at + 1);
    }
    &text[..end]
}

fn render(
    name: &str,
    language: &'static str,
    content: &[u8],
    limits: &DisplayLimits,
) -> RenderedFile {
    if let Some((media, _)) = crate::rules::language::media_for(name)
        && content.len() <= limits.max_media_bytes
    {
        use crate::rules::language::Media;
        return RenderedFile {
            language,
            kind: match media {
                Media::Image => FileKind::Image,
                Media::Pdf => FileKind::Pdf,
                Media::Audio => FileKind::Audio,
                Media::Video => FileKind::Video,
            },
            html: String::new(),
            lines: 0,
            truncated: false,
        };
    }
    if is_binary(content) {
        return RenderedFile {
            language,
            kind: FileKind::Binary,
            html: String::new(),
            lines: 0,
            truncated: false,
        };
    }
    let text = String::from_utf8_lossy(content);
    // A notebook is drawn whole or not at all (cut JSON does not parse): up to the media
    // limit, since notebooks carry their output images.
    if language == "Jupyter Notebook" && content.len() <= limits.max_media_bytes {
        return RenderedFile {
            language,
            kind: FileKind::Markdown,
            html: notebook::render(name, &text),
            lines: text.lines().count().max(1),
            truncated: false,
        };
    }
    let shown = shown_part(&text, limits);
    let truncated = shown.len() < text.len();
    let lines = shown.lines().count().max(1);
    let (kind, html) = if language == "Markdown" {
        (FileKind::Markdown, markdown::render(shown))
    } else if language == "Mermaid" {
        // Drawn by the browser (public/assets/rich.js); the source without JavaScript.
        (
            FileKind::Markdown,
            format!(
                "<pre class=\"mermaid-source\"><code>{}</code></pre>",
                crate::highlight::escape(shown)
            ),
        )
    } else if let Some(table) = (language == "CSV").then(|| csv_table(shown)).flatten() {
        (FileKind::Table, table)
    } else if shown.len() > limits.max_highlight_bytes
        || shown.lines().any(|line| line.len() > HIGHLIGHT_LINE_MAX)
    {
        (FileKind::Code, crate::highlight::escape(shown))
    } else {
        // Highlighted as its language: by its own name, or one standing for the chosen
        // language.
        let as_name = if language == language_for(name) {
            name.to_owned()
        } else {
            crate::rules::language::stand_in_name(language)
        };
        (
            FileKind::Code,
            crate::highlight::highlight_within(&as_name, shown, HIGHLIGHT_BUDGET),
        )
    };
    RenderedFile {
        language,
        kind,
        html,
        lines,
        truncated,
    }
}

/// A CSV file as an HTML table of escaped cells (the first row as header); `None` if it
/// does not parse, so it is shown as code instead.
fn csv_table(text: &str) -> Option<String> {
    const MAX_ROWS: usize = 1000;
    let escape = |cell: &str| {
        cell.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut html = String::from("<table class=\"csv\">");
    for (index, record) in reader.records().take(MAX_ROWS).enumerate() {
        let record = record.ok()?;
        let cell = if index == 0 { "th" } else { "td" };
        match index {
            0 => html.push_str("<thead>"),
            1 => html.push_str("<tbody>"),
            _ => {}
        }
        html.push_str("<tr>");
        for value in record.iter() {
            html.push_str(&format!("<{cell}>{}</{cell}>", escape(value)));
        }
        html.push_str("</tr>");
        if index == 0 {
            html.push_str("</thead>");
        }
    }
    html.push_str("</tbody></table>");
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn warm_files_do_not_wait_for_a_cpu_turn() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::time::Duration;

        let limits = DisplayLimits::default();
        let warm = StoredFile {
            name: "warm_turn.rs".into(),
            content: b"fn warm_turn() {}\n".to_vec(),
        };
        let cold = StoredFile {
            name: "cold_turn.rs".into(),
            content: b"fn cold_turn() {}\n".to_vec(),
        };
        files(vec![warm.clone()], limits).await.unwrap();

        // Every CPU turn taken by work that waits until its sender is dropped.
        let running = Arc::new(AtomicUsize::new(0));
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (gates, occupiers): (Vec<_>, Vec<_>) = (0..cores)
            .map(|_| {
                let (gate, wait) = std::sync::mpsc::channel::<()>();
                let running = running.clone();
                let occupier = tokio::spawn(crate::services::cpu(move || {
                    running.fetch_add(1, Ordering::SeqCst);
                    let _ = wait.recv();
                }));
                (gate, occupier)
            })
            .unzip();
        while running.load(Ordering::SeqCst) < cores {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }

        let shown = tokio::time::timeout(Duration::from_secs(5), files(vec![warm.clone()], limits))
            .await
            .expect("a warm file waited for a CPU turn")
            .unwrap();
        assert!(shown[0].html.contains("warm_turn"), "{}", shown[0].html);

        let pending = tokio::spawn(files(vec![warm, cold], limits));
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !pending.is_finished(),
            "a cold file is rendered in its turn only"
        );
        drop(gates);
        let both = pending.await.unwrap().unwrap();
        assert_eq!(both.len(), 2);
        assert!(both[0].html.contains("warm_turn"), "{}", both[0].html);
        assert!(both[1].html.contains("cold_turn"), "{}", both[1].html);
        for occupier in occupiers {
            occupier.await.unwrap().unwrap();
        }
    }

    #[test]
    fn each_distinct_file_is_rendered_once() {
        let code = b"fn cached_render_test() { let x = \"<b>\"; }\n";
        let limits = DisplayLimits::default();
        let first = file("cache_test.rs", code, &limits);
        let held = RENDERED.bytes();
        let again = file("cache_test.rs", code, &limits);
        assert_eq!(first.html, again.html);
        assert_eq!(
            RENDERED.bytes(),
            held,
            "served from the cache, nothing added"
        );
        assert!(first.html.contains("&lt;b&gt;") && first.kind == FileKind::Code);
        // Other bytes under the same name are another file.
        let other = file("cache_test.rs", b"fn changed() {}\n", &limits);
        assert!(other.html.contains("changed") && RENDERED.bytes() > held);
    }

    #[test]
    fn large_files_show_their_first_part() {
        let limits = DisplayLimits {
            max_bytes: 100,
            max_lines: 3,
            max_highlight_bytes: 20,
            max_media_bytes: 100,
        };
        let lines = "let a = 1;\n".repeat(10);
        let shown = file("large_first_part.rs", lines.as_bytes(), &limits);
        assert!(shown.truncated);
        assert_eq!(shown.lines, 3);
        assert_eq!(
            shown.html,
            "let a = 1;\n".repeat(3),
            "past the highlight limit: plain"
        );
        let long = "x".repeat(150);
        let cut = file("large_one_line.txt", long.as_bytes(), &limits);
        assert!(
            cut.truncated && cut.html.len() == 100,
            "a character cut, no newline to cut at"
        );
        let euro = "€".repeat(40);
        let cut = file("large_utf8.txt", euro.as_bytes(), &limits);
        assert!(cut.html.len() <= 100 && cut.html.chars().all(|c| c == '€'));
        let small = file("large_small.rs", b"fn a() {}\n", &DisplayLimits::default());
        assert!(!small.truncated && small.html.contains("hl-"));
        let minified = format!("var a = [{}];\n", "1,".repeat(HIGHLIGHT_LINE_MAX));
        let plain = file(
            "large_minified.js",
            minified.as_bytes(),
            &DisplayLimits::default(),
        );
        assert!(
            !plain.html.contains("hl-"),
            "one very long line is not highlighted"
        );
    }
}
