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
    fn names_to_languages() {
        assert_eq!(language_for("main.rs"), "Rust");
        assert_eq!(language_for("README.MD"), "Markdown");
        assert_eq!(language_for("Makefile"), "Makefile");
        assert_eq!(language_for("notes"), "Text");
        assert_eq!(language_for("archive.tar.gz"), "Text");
        assert_eq!(language_for("data.csv"), "CSV");
        assert_eq!(mime_for("a.md"), "text/markdown");
        assert_eq!(mime_for("a.unknown"), "text/plain");
    }
}
