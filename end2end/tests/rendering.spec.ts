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
