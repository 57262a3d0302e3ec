//! The language of a file, from its name, with GitHub's language names.

/// Returns the display name of the language, `"Text"` when unknown.
pub fn language_for(filename: &str) -> &'static str {
    let lower = filename.to_ascii_lowercase();
    match lower.as_str() {
        "makefile" | "gnumakefile" => return "Makefile",
        "dockerfile" | "containerfile" => return "Dockerfile",
        "cmakelists.txt" => return "CMake",
        "gemfile" | "rakefile" => return "Ruby",
        "cargo.lock" => return "TOML",
        _ => {}
    }
    let Some((_, ext)) = lower.rsplit_once('.') else {
        return "Text";
    };
    match ext {
        "rs" => "Rust",
        "cmake" => "CMake",
        "dockerfile" => "Dockerfile",
        "mk" | "mak" => "Makefile",
        "py" | "pyw" => "Python",
        "js" | "mjs" | "cjs" => "JavaScript",
        "ts" | "mts" | "cts" => "TypeScript",
        "tsx" => "TSX",
        "jsx" => "JavaScript",
        "go" => "Go",
        "c" | "h" => "C",
        "cc" | "cpp" | "cxx" | "hpp" | "hh" | "hxx" => "C++",
        "cs" => "C#",
        "java" => "Java",
        "kt" | "kts" => "Kotlin",
        "swift" => "Swift",
        "rb" => "Ruby",
        "php" => "PHP",
        "pl" | "pm" => "Perl",
        "lua" => "Lua",
        "r" => "R",
        "scala" => "Scala",
        "hs" => "Haskell",
        "ex" | "exs" => "Elixir",
        "erl" => "Erlang",
        "clj" | "cljs" => "Clojure",
        "dart" => "Dart",
        "zig" => "Zig",
        "nim" => "Nim",
        "sh" | "bash" | "zsh" => "Shell",
        "fish" => "fish",
        "ps1" => "PowerShell",
        "bat" | "cmd" => "Batchfile",
        "sql" => "SQL",
        "html" | "htm" => "HTML",
        "css" => "CSS",
        "scss" => "SCSS",
        "sass" => "Sass",
        "less" => "Less",
        "json" => "JSON",
        "yaml" | "yml" => "YAML",
        "toml" => "TOML",
        "xml" | "svg" => "XML",
        "md" | "markdown" | "mdown" => "Markdown",
        "mmd" | "mermaid" => "Mermaid",
        "ipynb" => "Jupyter Notebook",
        "rst" => "reStructuredText",
        "tex" => "TeX",
        "csv" => "CSV",
        "tsv" => "TSV",
        "ini" | "cfg" | "conf" => "INI",
        "diff" | "patch" => "Diff",
        "vim" => "Vim Script",
        "el" => "Emacs Lisp",
        "ml" | "mli" => "OCaml",
        "fs" | "fsx" => "F#",
        "vue" => "Vue",
        "svelte" => "Svelte",
        "graphql" | "gql" => "GraphQL",
        "proto" => "Protocol Buffer",
        "tf" => "HCL",
        "txt" | "text" => "Text",
        _ => "Text",
    }
}

/// The languages an owner may choose for a file (the editor's list, and what the API's
/// `language` accepts), each with an extension that stands for it when highlighting.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("Batchfile", "bat"),
    ("C", "c"),
    ("C#", "cs"),
    ("C++", "cpp"),
    ("CMake", "cmake"),
    ("CSS", "css"),
    ("CSV", "csv"),
    ("Clojure", "clj"),
    ("Dart", "dart"),
    ("Diff", "diff"),
    ("Dockerfile", "dockerfile"),
    ("Elixir", "ex"),
    ("Emacs Lisp", "el"),
    ("Erlang", "erl"),
    ("F#", "fs"),
    ("GraphQL", "graphql"),
    ("Go", "go"),
    ("HCL", "tf"),
    ("HTML", "html"),
    ("Haskell", "hs"),
    ("INI", "ini"),
    ("JSON", "json"),
    ("Java", "java"),
    ("JavaScript", "js"),
    ("Jupyter Notebook", "ipynb"),
    ("Kotlin", "kt"),
    ("Less", "less"),
    ("Lua", "lua"),
    ("Makefile", "mk"),
    ("Markdown", "md"),
    ("Mermaid", "mmd"),
    ("Nim", "nim"),
    ("OCaml", "ml"),
    ("PHP", "php"),
    ("Perl", "pl"),
    ("PowerShell", "ps1"),
    ("Protocol Buffer", "proto"),
    ("Python", "py"),
    ("R", "r"),
    ("Ruby", "rb"),
    ("Rust", "rs"),
    ("SCSS", "scss"),
    ("SQL", "sql"),
    ("Sass", "sass"),
    ("Scala", "scala"),
    ("Shell", "sh"),
    ("Svelte", "svelte"),
    ("Swift", "swift"),
    ("TOML", "toml"),
    ("TSV", "tsv"),
    ("TSX", "tsx"),
    ("TeX", "tex"),
    ("Text", "txt"),
    ("TypeScript", "ts"),
    ("Vim Script", "vim"),
    ("Vue", "vue"),
    ("XML", "xml"),
    ("YAML", "yaml"),
    ("Zig", "zig"),
    ("fish", "fish"),
    ("reStructuredText", "rst"),
];

/// Language choices for a gist's files, by file name: `Some(language)`, one of
/// [`LANGUAGES`], or `None` for what the name implies.
pub type LanguageChoices = Vec<(String, Option<String>)>;

/// The listed language `name` names (case-insensitive), as it is spelled in the list.
pub fn known_language(name: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(name.trim()))
        .map(|(known, _)| *known)
}

/// A file name that a highlighter reads as `language`: the language's own extension.
pub fn stand_in_name(language: &str) -> String {
    let ext = LANGUAGES
        .iter()
        .find(|(known, _)| *known == language)
        .map_or("txt", |(_, ext)| ext);
    format!("file.{ext}")
}

/// A file's language: the owner's choice if it made one, else what its name implies.
pub fn effective_language(filename: &str, chosen: Option<&str>) -> &'static str {
    chosen
        .and_then(known_language)
        .unwrap_or_else(|| language_for(filename))
}

/// A file a page shows as itself (an image, a document, a recording) rather than as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    Image,
    Pdf,
    Audio,
    Video,
}

/// The media kind and the `Content-Type` of a file, from its name; `None` for anything a
/// page shows as text or offers as a download. Each type here is one a browser never runs
/// as script (an SVG shown by `<img>` cannot; opened directly, its raw response's sandbox
/// stops it).
pub fn media_for(filename: &str) -> Option<(Media, &'static str)> {
    let lower = filename.to_ascii_lowercase();
    let (_, ext) = lower.rsplit_once('.')?;
    Some(match ext {
        "png" => (Media::Image, "image/png"),
        "jpg" | "jpeg" => (Media::Image, "image/jpeg"),
        "gif" => (Media::Image, "image/gif"),
        "webp" => (Media::Image, "image/webp"),
        "avif" => (Media::Image, "image/avif"),
        "svg" => (Media::Image, "image/svg+xml"),
        "pdf" => (Media::Pdf, "application/pdf"),
        "mp3" => (Media::Audio, "audio/mpeg"),
        "ogg" | "oga" => (Media::Audio, "audio/ogg"),
        "wav" => (Media::Audio, "audio/wav"),
        "mp4" | "m4v" => (Media::Video, "video/mp4"),
        "webm" => (Media::Video, "video/webm"),
        _ => return None,
    })
}

/// GitHub's `type` for a file: a MIME type from the name.
pub fn mime_for(filename: &str) -> &'static str {
    match language_for(filename) {
        "Markdown" => "text/markdown",
        "HTML" => "text/html",
        "CSS" => "text/css",
        "JavaScript" => "application/javascript",
        "JSON" => "application/json",
        "XML" => "application/xml",
        "CSV" => "text/csv",
        "Python" => "application/x-python",
        "Shell" => "application/x-sh",
        "Rust" => "text/x-rust",
        _ => "text/plain",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_language_is_what_its_stand_in_name_implies() {
        for (language, _) in LANGUAGES {
            let name = stand_in_name(language);
            assert_eq!(language_for(&name), *language, "{name}");
            assert_eq!(known_language(&language.to_uppercase()), Some(*language));
        }
        assert!(LANGUAGES.windows(2).all(|w| w[0].0 != w[1].0));
        assert_eq!(known_language("Klingon"), None);
        assert_eq!(effective_language("Vagrantfile", Some("ruby")), "Ruby");
        assert_eq!(effective_language("a.rs", Some("Klingon")), "Rust");
        assert_eq!(effective_language("a.rs", None), "Rust");
    }

    #[test]
    fn names_to_languages() {
        assert_eq!(language_for("main.rs"), "Rust");
        assert_eq!(language_for("README.MD"), "Markdown");
        assert_eq!(language_for("Makefile"), "Makefile");
        assert_eq!(language_for("notes"), "Text");
        assert_eq!(language_for("archive.tar.gz"), "Text");
        assert_eq!(language_for("data.csv"), "CSV");
        assert_eq!(mime_for("a.md"), "text/markdown");
        assert_eq!(mime_for("a.unknown"), "text/plain");
        assert_eq!(media_for("Photo.JPG"), Some((Media::Image, "image/jpeg")));
        assert_eq!(media_for("logo.svg"), Some((Media::Image, "image/svg+xml")));
        assert_eq!(
            media_for("paper.pdf"),
            Some((Media::Pdf, "application/pdf"))
        );
        assert_eq!(media_for("song.mp3"), Some((Media::Audio, "audio/mpeg")));
        assert_eq!(media_for("clip.webm"), Some((Media::Video, "video/webm")));
        assert_eq!(media_for("page.html"), None);
        assert_eq!(media_for("png"), None);
    }
}
