import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn, unique, watchForScript } from "./helpers";

// Search from the header, narrow by a language facet, open a result.
test("search from the header, refine by language, open a result", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  const problems = watchForScript(page);
  const word = unique("tapir");
  const rustGist = await createGist(page, "public", [["lib.rs", `fn ${word}_handler() {}\n`]], "Rust side");
  await createGist(page, "public", [["tool.py", `def ${word}_handler():\n    pass\n`]], "Python side");
  const privateGist = await createGist(page, "private", [["secret.rs", `// ${word} secret\n`]], "Hidden side");

  await page.goto("/");
  await hydrated(page);
  const box = page.locator("header").getByRole("searchbox", { name: "Search gists" });
  await box.fill(word);
  await box.press("Enter");
  await page.waitForURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { name: "3 gists found" })).toBeVisible();
  // The code word matched by its part: the snippet marks it.
  await expect(page.locator(".search-snippet b").first()).toHaveText(word);

  const facets = page.getByRole("complementary", { name: "Languages" });
  await expect(facets.getByRole("link", { name: /Rust\s*2/ })).toBeVisible();
  await expect(facets.getByRole("link", { name: /Python\s*1/ })).toBeVisible();
  await facets.getByRole("link", { name: /Rust/ }).click();
  await expect(page.getByRole("heading", { name: "2 gists found" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search query" })).toHaveValue(`${word} language:rust`);
  await expect(page.getByRole("link", { name: "Python side" })).toHaveCount(0);

  await page.getByRole("link", { name: "Rust side" }).click();
  await page.waitForURL(rustGist);
  await expect(page.getByText(`${word}_handler`)).toBeVisible();
  expect(problems).toEqual([]);

  // Someone else: the private gist does not exist for them.
  const other = await browser.newContext();
  const anonymous = await other.newPage();
  await anonymous.goto(`/search?q=${word}`);
  await expect(anonymous.getByRole("heading", { name: "2 gists found" })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: "Hidden side" })).toHaveCount(0);
  await anonymous.goto(`/search?q=${word}+user:${name}&sort=updated`);
  await expect(anonymous.getByRole("link", { name: "Recently updated" })).toHaveClass(/active/);
  await expect(anonymous.locator(".gist-card")).toHaveCount(2);
  expect(privateGist).toContain(name);
  await other.close();
  await context.close();
});

test("a query the server cannot read says why", async ({ page }) => {
  await page.goto("/search?q=user:");
  await expect(page.getByRole("alert")).toContainText("`user:` needs a value");
});
