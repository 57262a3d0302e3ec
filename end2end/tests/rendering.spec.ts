import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn, watchForScript } from "./helpers";

// Rich rendering (issue 21): what a real-world README and media files look like.

test("a README with GitHub's HTML, an alert, a task list and math renders as markup", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const problems = watchForScript(page);
  const readme = [
    "# Setup",
    "",
    "<details><summary>Shortcuts</summary>",
    "",
    "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>",
    "",
    "</details>",
    "",
    "> [!WARNING]",
    "> Back up first.",
    "",
    "- [ ] install",
    "- [x] configure",
    "",
    "Euler: $e^{i\\pi}+1=0$, see www.example.com",
    "",
    "<details open ontoggle=\"alert('toggle')\"><summary>x</summary></details>",
    "<kbd onclick=\"alert('kbd')\" style=\"position:fixed;inset:0\">k</kbd>",
  ].join("\n");
  const url = await createGist(page, "public", [["README.md", readme]], "Rendering");
  await page.goto(url);
  await hydrated(page);
  const body = page.locator("#file-readme-md .markdown-body");
  await expect(body.locator("details summary").first()).toHaveText("Shortcuts");
  await expect(body.locator("kbd").first()).toHaveText("Ctrl");
  await expect(body).not.toContainText("<kbd>");
  await expect(body.locator(".markdown-alert-warning .markdown-alert-title")).toHaveText("Warning");
  await expect(body.locator(".markdown-alert-warning")).toContainText("Back up first.");
  await expect(body.locator("input.task-list-item-checkbox")).toHaveCount(2);
  await expect(body.locator("input.task-list-item-checkbox").nth(1)).toBeChecked();
  await expect(body.locator(".math-inline")).toContainText("e^{i\\pi}+1=0");
  await expect(body.locator("a", { hasText: "www.example.com" })).toHaveAttribute("href", "http://www.example.com");
  await expect(body.locator("h1#user-content-setup a.anchor")).toHaveAttribute("href", "#user-content-setup");
  await expect(body.locator("[ontoggle], [onclick], [style]")).toHaveCount(0);
  await body.locator("kbd", { hasText: "k" }).last().click();
  expect(problems).toEqual([]);
  await context.close();
});

test("an SVG file shows inline as an image, and its script never runs", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const problems = watchForScript(page);
  const svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\" onload=\"alert('svg')\"><script>alert('svg-script')</script><rect width=\"20\" height=\"10\" fill=\"teal\"/></svg>\n";
  const url = await createGist(page, "public", [["badge.svg", svg], ["notes.txt", "plain\n"]], "Media");
  await page.goto(url);
  await hydrated(page);
  const image = page.locator("#file-badge-svg .media img");
  await expect(image).toHaveAttribute("src", /\/raw\/[0-9a-f]+\/badge\.svg$/);
  // The browser drew it: a decoded image has its natural size.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(20);
  await expect(page.locator("#file-badge-svg rect")).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});

function git(args: string[], cwd: string) {
  return execFileSync("git", ["-c", "user.name=Tester", "-c", "user.email=t@example.com", ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Adds binary files to the gist at `url` the way a user would: clone, add, push. */
function pushFiles(url: string, user: string, files: [string, Buffer][]) {
  const dir = mkdtempSync(join(tmpdir(), "gistful-media-"));
  const remote = `${url}.git`.replace("://", `://${user}:${encodeURIComponent("a good password")}@`);
  git(["clone", "-q", remote, "work"], dir);
  const work = join(dir, "work");
  for (const [name, content] of files) writeFileSync(join(work, name), content);
  git(["add", "-A"], work);
  git(["commit", "-q", "-m", "media"], work);
  git(["push", "-q", "origin", "main"], work);
}

// A 2x2 PNG (red), drawn by the browser with naturalWidth 2.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAwMDAAAAZ/gH/hQ1nMgAAAABJRU5ErkJggg==";

/** A one-page PDF: the browser's viewer opens it. */
function pdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    "<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 50 Td (Hello PDF) Tj ET\nendstream",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A short silent MP3: MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) of zeros. */
function mp3(): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat(Array.from({ length: 40 }, () => frame));
}

test("a PNG, an SVG, a PDF and an MP3 each show inline", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  const problems = watchForScript(page);
  const url = await createGist(page, "public", [
    ["logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"10\"><rect width=\"30\" height=\"10\"/></svg>\n"],
  ], "Media files");
  pushFiles(url, name, [
    ["dot.png", Buffer.from(PNG, "base64")],
    ["doc.pdf", pdf()],
    ["tone.mp3", mp3()],
  ]);
  await page.reload();
  await hydrated(page);
  const png = page.locator("#file-dot-png .media img");
  await expect.poll(() => png.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  const svg = page.locator("#file-logo-svg .media img");
  await expect.poll(() => svg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(30);

  // The PDF: the browser's own viewer, in a frame of this site.
  const viewer = page.locator("#file-doc-pdf iframe.pdf-viewer");
  await expect(viewer).toHaveAttribute("src", /\/raw\/[0-9a-f]+\/doc\.pdf$/);
  // Chromium's viewer is an extension page inside the raw document's frame.
  await expect
    .poll(() =>
      page.frames().some((f) => f.url().startsWith("chrome-extension://") && (f.parentFrame()?.url() ?? "").endsWith("/doc.pdf")),
    )
    .toBe(true);

  // The MP3: an audio element the browser can play (it read the file's length).
  const audio = page.locator("#file-tone-mp3 .media audio");
  await expect(audio).toHaveAttribute("src", /\/raw\/[0-9a-f]+\/tone\.mp3$/);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(0.5);
  expect(problems).toEqual([]);
  await context.close();
});

test("the owner ticks a task box and it is a new revision; others cannot", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const url = await createGist(page, "public", [["todo.md", "# Todo\n\n- [ ] milk\n- [x] eggs\n- [ ] bread\n"]], "Tasks");
  await hydrated(page);
  const boxes = page.locator("#file-todo-md input.task-list-item-checkbox");
  await expect(boxes.nth(2)).toBeEnabled();
  await boxes.nth(2).check();
  await expect(boxes.nth(2)).toBeEnabled(); // the server answered
  await boxes.nth(1).uncheck(); // the next tick carries the revision the first one made
  await expect(boxes.nth(1)).toBeEnabled();
  await expect(page.locator("#file-todo-md .form-error")).toHaveCount(0);

  const raw = await page.request.get(`${url}/raw/HEAD/todo.md`);
  expect(await raw.text()).toBe("# Todo\n\n- [ ] milk\n- [ ] eggs\n- [x] bread\n");
  await page.goto(`${url}/revisions`);
  await expect(page.locator(".revision")).toHaveCount(3);

  // The file changes elsewhere (another tab): a tick from the old page is refused.
  const stale = await context.newPage();
  await stale.goto(url);
  await hydrated(stale);
  await page.goto(url);
  await hydrated(page);
  await page.locator("#file-todo-md input.task-list-item-checkbox").nth(0).check();
  await expect(page.locator("#file-todo-md input.task-list-item-checkbox").nth(0)).toBeEnabled();
  const staleBox = stale.locator("#file-todo-md input.task-list-item-checkbox").nth(2);
  // A click, not `uncheck()`: the refusal can put the box back before Playwright looks.
  await expect(staleBox).toBeEnabled();
  await staleBox.click();
  await expect(stale.locator("#file-todo-md .form-error")).toContainText("changed since the page was loaded");
  await expect(staleBox).toBeChecked(); // put back
  expect(await (await page.request.get(`${url}/raw/HEAD/todo.md`)).text()).toBe("# Todo\n\n- [x] milk\n- [ ] eggs\n- [x] bread\n");

  // A visitor sees the boxes, disabled.
  const visitor = await browser.newPage();
  await visitor.goto(url);
  await hydrated(visitor);
  await expect(visitor.locator("#file-todo-md input.task-list-item-checkbox")).toHaveCount(3);
  for (const box of await visitor.locator("#file-todo-md input.task-list-item-checkbox").all()) await expect(box).toBeDisabled();
  await visitor.close();
  await context.close();
});

test("Mermaid blocks and files become diagrams, math becomes KaTeX, and neither runs the gist's script", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const problems = watchForScript(page);
  const readme = [
    "# Diagrams",
    "",
    "```mermaid",
    "graph TD",
    "  A[Start] --> B[\"<img src=x onerror=alert('label')>\"]",
    "  click A call alert('click')",
    "  click B \"javascript:alert('href')\"",
    "```",
    "",
    "Euler: $e^{i\\pi}+1=0$",
    "",
    "$$\\href{javascript:alert('katex')}{link} + \\url{javascript:alert(1)}$$",
    "",
    "```math",
    "\\frac{a}{b}",
    "```",
  ].join("\n");
  const url = await createGist(page, "public", [
    ["README.md", readme],
    ["flow.mmd", "sequenceDiagram\n  Alice->>Bob: <script>alert('seq')</script>hi\n"],
  ], "Diagrams");
  await page.goto(url);
  await hydrated(page);
  const body = page.locator("#file-readme-md .markdown-body");
  await expect(body.locator(".mermaid-diagram svg")).toHaveCount(1);
  await expect(body.locator(".mermaid-diagram svg")).toContainText("Start");
  await expect(body.locator("pre.mermaid-source")).toBeHidden();
  await expect(page.locator("#file-flow-mmd .mermaid-diagram svg")).toContainText("Alice");
  await expect(body.locator(".math-inline .katex math")).toHaveCount(1);
  await expect(body.locator(".math-inline math")).toContainText("π");
  await expect(body.locator(".math-display .katex math")).toHaveCount(2);
  await expect(body.locator("[href^='javascript'], [onerror], [onclick], script")).toHaveCount(0);
  await expect(page.locator(".mermaid-diagram img")).toHaveCount(0);
  // Clicking the diagram's nodes runs nothing.
  await body.locator(".mermaid-diagram svg").getByText("Start", { exact: true }).click();
  // Switching the theme draws the diagrams again, in its colours.
  const first = await body.locator(".mermaid-diagram svg").getAttribute("id");
  await page.locator("button.theme-toggle").click();
  await expect(body.locator(".mermaid-diagram svg")).not.toHaveAttribute("id", first!);
  await expect(body.locator(".mermaid-diagram")).toHaveCount(1);
  await expect(page.locator("#file-flow-mmd .mermaid-diagram")).toHaveCount(1);
  expect(problems).toEqual([]);

  // A diagram that does not parse keeps its source, with a note saying why.
  await page.goto(`${url}/edit`);
  await hydrated(page);
  await page.getByRole("button", { name: "Add file" }).click();
  await page.getByLabel("File name").nth(2).fill("broken.mmd");
  await page.getByLabel("File content").nth(2).fill("graph TD\n  A -->\n");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(url);
  await hydrated(page);
  await expect(page.locator("#file-broken-mmd .mermaid-error")).toContainText("could not be drawn");
  await expect(page.locator("#file-broken-mmd pre.mermaid-source")).toBeVisible();
  await expect(page.locator("#file-flow-mmd .mermaid-diagram svg")).toContainText("Alice");

  // Without JavaScript the sources are there to read.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto(url);
  await expect(noJs.locator("#file-readme-md pre.mermaid-source")).toContainText("graph TD");
  await expect(noJs.locator("#file-readme-md .math-inline")).toHaveText("e^{i\\pi}+1=0");
  await plain.close();
  await context.close();
});

test("a notebook shows its cells, a PNG output and a coloured traceback, and its HTML output runs nothing", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const problems = watchForScript(page);
  const notebook = JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { language_info: { name: "python" } },
    cells: [
      { cell_type: "markdown", metadata: {}, source: ["# Analysis\n", "Some **bold** text and $x^2$."] },
      {
        cell_type: "code", execution_count: 1, metadata: {}, source: ["import math\n", "plot()"],
        outputs: [
          { output_type: "display_data", metadata: {}, data: { "image/png": PNG, "text/plain": "<Figure>" } },
          { output_type: "display_data", metadata: {}, data: { "text/html": "<b>table</b><script>alert('nb')</script><img src=/favicon.svg onerror=alert('nb-img')>" } },
          { output_type: "display_data", metadata: {}, data: { "image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4' onload=\"alert('nb-svg')\"><script>alert('nb-svg2')</script></svg>" } },
        ],
      },
      {
        cell_type: "code", execution_count: 2, metadata: {}, source: "1/0",
        outputs: [{
          output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero",
          traceback: ["\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)", "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero"],
        }],
      },
    ],
  });
  const url = await createGist(page, "public", [["analysis.ipynb", notebook], ["broken.ipynb", "{\"cells\": 1"]], "Notebook");
  await page.goto(url);
  await hydrated(page);
  const nb = page.locator("#file-analysis-ipynb .notebook");
  await expect(nb.locator(".nb-markdown h1")).toHaveText("Analysis");
  await expect(nb.locator(".nb-markdown strong")).toHaveText("bold");
  await expect(nb.locator(".nb-markdown .katex math")).toHaveCount(1);
  await expect(nb.locator(".nb-in").first()).toContainText("In [1]:");
  await expect(nb.locator(".nb-input span[class^='hl-']").first()).toBeVisible();
  const image = nb.locator(".nb-display img.nb-image").first();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await expect(nb.locator(".nb-html b")).toHaveText("table");
  await expect(nb.locator(".nb-html img")).toHaveAttribute("src", "/favicon.svg");
  await expect(nb.locator(".nb-error .ansi-red").first()).toHaveText("ZeroDivisionError");
  await expect(nb.locator(".nb-error")).toContainText("division by zero");
  await expect(nb.locator("script, [onerror], [onload], .nb-output svg")).toHaveCount(0);
  await expect(nb.locator(".nb-display img[src^='data:image/svg+xml;base64,']")).toHaveCount(1);
  await expect(page.locator("#file-broken-ipynb .notebook-note")).toContainText("could not be read");
  await expect(page.locator("#file-broken-ipynb .notebook-json")).toContainText("\"cells\": 1");
  expect(problems).toEqual([]);
  await context.close();
});

test("the editor chooses a file's language; the page highlights in it and search finds it", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await page.goto("/new");
  await hydrated(page);
  await page.getByLabel("File name").fill("provision.txt");
  await expect(page.getByLabel("Language", { exact: true }).locator("option").first()).toHaveText("Auto (Text)");
  await page.getByLabel("File content").fill("Vagrant.configure(\"2\") do |config|\n  config.vm.box = \"debian\"\nend\n");
  await page.getByLabel("Language", { exact: true }).selectOption("Ruby");
  await page.getByLabel("Visibility").selectOption("public");
  await page.getByRole("button", { name: "Create gist" }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
  const url = page.url();
  await hydrated(page);
  const file = page.locator("#file-provision-txt");
  await expect(file.locator(".file-language")).toHaveText("Ruby");
  await expect(file.locator(".code-lines span[class*='keyword']").first()).toBeVisible();

  // The editor shows the choice; back to Auto, the page is plain text again.
  await page.goto(`${url}/edit`);
  await hydrated(page);
  await expect(page.getByLabel("Language", { exact: true })).toHaveValue("Ruby");
  await page.getByLabel("Language", { exact: true }).selectOption("");
  await page.getByRole("button", { name: /Update|Save/ }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
  await hydrated(page);
  await expect(file.locator(".file-language")).toHaveText("Text");
  await expect(file.locator(".code-lines span[class*='keyword']")).toHaveCount(0);

  // Chosen again: search's language filter finds it.
  await page.goto(`${url}/edit`);
  await hydrated(page);
  await page.getByLabel("Language", { exact: true }).selectOption("Ruby");
  await page.getByRole("button", { name: /Update|Save/ }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
  const id = url.split("/").pop();
  await expect
    .poll(async () => {
      await page.goto(`/search?q=${encodeURIComponent("language:ruby vm.box")}`);
      return await page.locator(`a[href$='${id}']`).count();
    })
    .toBeGreaterThan(0);
  await context.close();
});
