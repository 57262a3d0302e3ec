import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

// axe-core on the pages people use, in both themes, hydrated. Serious and critical
// violations fail the test; the report names each rule and the elements it found.
// The check runs in a context that bypasses the CSP: axe injects its own script, which
// our `script-src 'self'` would rightly refuse.

async function serious(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${label}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n  ")}`);
  return report;
}

const runs = [["en", "light"], ["en", "dark"], ["ar", "light"], ["ar", "dark"]] as const;
for (const [language, scheme] of runs) {
  test(`no serious accessibility violations, ${language}, ${scheme}`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const { context, page } = await signedIn(browser, { colorScheme: scheme, bypassCSP: true });
    const url = await createGist(page, "public", [
      ["notes.md", "# Notes\n\n- [ ] a task\n\n[a link](https://example.com) in text.\n"],
      ["main.rs", "fn main() {\n    println!(\"hi\");\n}\n"],
    ], "Accessible gist", "a11y");
    await page.goto(`${url}/edit`);
    await hydrated(page);
    await page.getByLabel("File content").first().fill("# Notes\n\nchanged\n");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(url);
    // From here on the pages are in `language` (the picker's cookie).
    const cookie = { name: "locale", value: language, url: baseURL! };
    await context.addCookies([cookie]);

    const pages: [string, string][] = [
      ["home", "/"],
      ["explore", "/explore"],
      ["gist", url],
      ["editor", "/new"],
      ["edit", `${url}/edit`],
      ["revisions", `${url}/revisions`],
      ["settings", "/settings"],
    ];
    const problems: string[] = [];
    for (const [label, path] of pages) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      problems.push(...(await serious(page, label)));
    }
    // Signed out: the sign-in and registration forms.
    const anonymous = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    await anonymous.addCookies([cookie]);
    const visitor = await anonymous.newPage();
    for (const [label, path] of [["login", "/login"], ["register", "/register"], ["gist (visitor)", url]]) {
      await visitor.goto(path);
      await hydrated(visitor);
      problems.push(...(await serious(visitor, label)));
    }
    expect(problems, problems.join("\n")).toEqual([]);
    await anonymous.close();
    await context.close();
  });
}

test("a field's error is tied to the field and announced", async ({ page }) => {
  await page.goto("/register");
  await hydrated(page);
  const username = page.getByLabel("Username");
  await expect(username).toHaveAttribute("aria-invalid", "false");
  await username.fill("no spaces allowed");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  const message = page.locator("#username-error");
  await expect(message).toHaveAttribute("aria-live", "polite");
  await expect(message).not.toBeEmpty();
  await expect(username).toHaveAccessibleDescription((await message.textContent())!);
  await username.fill("fine");
  await expect(username).toHaveAttribute("aria-invalid", "false");
  await expect(message).toBeEmpty();
});

test("the editor's file-name error is tied to its field", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await page.goto("/new");
  await hydrated(page);
  const name = page.getByLabel("File name").first();
  await name.fill("../escape.txt");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/\S/);
  const topics = page.getByLabel("Topics");
  await topics.fill("a, b, c, d, e, f, g, h, i, j, k");
  await expect(topics).toHaveAttribute("aria-invalid", "true");
  await expect(topics).toHaveAccessibleDescription(/\S/);
  await context.close();
});
