// Diagrams and math: draws what the server's Markdown renderer left as sources.
//
// The renderer writes ```mermaid blocks (and .mmd/.mermaid files) as
// `<pre class="mermaid-source"><code>…</code></pre>`, and $…$, $$…$$ and ```math as
// `<span class="math math-inline|math-display">…</span>`, all as escaped text, so that a
// page without JavaScript still shows the source. This small module watches the document
// (pages also arrive by client-side navigation) and, only when such an element appears,
// imports the library it needs from this site (public/assets/vendor, copied from npm by
// scripts/vendor.sh): nothing is loaded on pages without diagrams or math, and the app's
// wasm carries none of it.
//
// Neither library may run what a gist says. Mermaid runs with securityLevel "strict"
// (labels sanitised by its DOMPurify, no `click` callbacks, no HTML labels), KaTeX with
// `trust: false` (no \href to javascript:, no \includegraphics, no HTML extensions) and
// MathML output (the browser draws it; no fonts, no stylesheet). Bounded: KaTeX's
// `maxSize`/`maxExpand`, Mermaid's `maxTextSize`/`maxEdges`, and a page draws at most
// MAX_DIAGRAMS diagrams and MAX_FORMULAS formulas.

const MAX_DIAGRAMS = 50;
const MAX_FORMULAS = 2000;

let mermaidModule = null;
let katexModule = null;
let diagrams = 0;
let formulas = 0;

// The page's theme: the app's `data-theme` (a choice), else the system's.
const dark = () => {
  const chosen = document.querySelector(".app")?.dataset.theme;
  if (chosen) return chosen === "dark";
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
};

let drawnDark = null;

const configure = (mermaid) => {
  drawnDark = dark();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    // A diagram that does not parse: our note under its source, not Mermaid's picture.
    suppressErrorRendering: true,
    theme: drawnDark ? "dark" : "default",
    maxTextSize: 50000,
    maxEdges: 500,
    flowchart: { htmlLabels: false },
    htmlLabels: false,
  });
  return mermaid;
};

const loadMermaid = async () => {
  if (!mermaidModule) {
    mermaidModule = import("/assets/vendor/mermaid/mermaid.esm.min.mjs").then(({ default: mermaid }) =>
      configure(mermaid),
    );
  }
  return mermaidModule;
};

const loadKatex = async () => {
  if (!katexModule) {
    katexModule = import("/assets/vendor/katex/katex.mjs").then((m) => m.default);
  }
  return katexModule;
};

// Mermaid draws one diagram at a time (it measures text in a scratch element of its
// own): diagrams wait their turn in this chain. Every drawing gets a fresh element id.
let queue = Promise.resolve();
let ids = 0;

const enqueue = (pre) => {
  ids += 1;
  const id = `mermaid-${ids}`;
  queue = queue.then(() => drawOne(pre, id)).catch(() => {});
};

const drawDiagram = (pre) => {
  if (diagrams >= MAX_DIAGRAMS) return;
  diagrams += 1;
  pre.dataset.drawn = "pending";
  enqueue(pre);
};

// A tag in a label (`A["<img src=x onerror=...>"]`) is shown as text: Mermaid measures
// labels in the live document before its sanitiser runs, so markup would reach the page
// (the page's CSP would block its handlers, with an error on the console). Mermaid's own
// entity `#lt;` draws a "<". Arrows (`-->`, `<|--`), `<<stereotypes>>` and `<br>` stay.
const inertLabels = (source) =>
  source.replace(/(?<!<)<(?!<)(?!br\s*\/?>)(?=[a-zA-Z!\/?])/gi, "#lt;");

const drawOne = async (pre, id) => {
  const source = inertLabels(pre.textContent);
  const mermaid = await loadMermaid();
  const figure = document.createElement("div");
  figure.className = "mermaid-diagram";
  try {
    const { svg } = await mermaid.render(id, source);
    figure.innerHTML = svg;
    pre.dataset.drawn = "true";
    pre.hidden = true;
  } catch (error) {
    // The source stays on the page; say why it is not drawn.
    figure.className = "mermaid-error";
    figure.textContent = `This diagram could not be drawn: ${String(error?.message ?? error).split("\n")[0]}`;
    pre.dataset.drawn = "error";
    pre.hidden = false;
  }
  // A drawing made before (in the other theme) makes way.
  const before = pre.nextElementSibling;
  if (before?.classList.contains("mermaid-diagram") || before?.classList.contains("mermaid-error")) before.remove();
  pre.after(figure);
};

const drawFormula = async (span) => {
  if (formulas >= MAX_FORMULAS) return;
  formulas += 1;
  span.dataset.drawn = "pending";
  const katex = await loadKatex();
  const tex = span.textContent;
  katex.render(tex, span, {
    displayMode: span.classList.contains("math-display"),
    output: "mathml",
    throwOnError: false,
    trust: false,
    strict: "ignore",
    maxSize: 50,
    maxExpand: 1000,
  });
  span.dataset.drawn = "true";
  span.title = tex;
};

const DIAGRAM = "pre.mermaid-source:not([data-drawn])";
const FORMULA = "span.math:not([data-drawn])";

const scan = (root) => {
  if (!(root instanceof Element || root instanceof Document)) return;
  if (root instanceof Element && root.matches(DIAGRAM)) drawDiagram(root);
  if (root instanceof Element && root.matches(FORMULA)) drawFormula(root);
  for (const pre of root.querySelectorAll(DIAGRAM)) drawDiagram(pre);
  for (const span of root.querySelectorAll(FORMULA)) drawFormula(span);
};

// The reader switched theme: diagrams are drawn again in its colours.
const redrawForTheme = async () => {
  if (!mermaidModule || dark() === drawnDark) return;
  configure(await mermaidModule);
  for (const pre of document.querySelectorAll("pre.mermaid-source[data-drawn='true']")) enqueue(pre);
};

const start = () => {
  scan(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) scan(node);
      if (change.type === "attributes") redrawForTheme();
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-theme"] });
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redrawForTheme);
};

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
