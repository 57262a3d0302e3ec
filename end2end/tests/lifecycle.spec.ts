import { expect, test } from "@playwright/test";
import { createGist, hydrated, register, signedIn } from "./helpers";

// A gist's lifecycle in the browser: expiry, a custom URL and comments off set in the
// editor; archive and unarchive; pins on the profile, reordered by their owner.

test("expiry, a custom URL and comments off, set in the editor", async ({ page }) => {
  const name = await register(page);
  await page.goto("/new");
  await hydrated(page);
  await page.getByLabel("File name").fill("notes.md");
  await page.getByLabel("File content").fill("# Notes\n");
  await page.getByLabel("Expires").selectOption("1d");
  // The custom URL is checked as it is typed, by the server's own rule.
  await page.getByLabel("Custom URL").fill("edit");
  await expect(page.locator(".field-error:not(:empty)")).toContainText("reserved word");
  await page.getByLabel("Custom URL").fill("my-notes");
  await expect(page.locator(".field-error:not(:empty)")).toHaveCount(0);
  await page.locator("select[name=\"options[comments]\"]").selectOption("closed");
  await page.getByLabel("Visibility").selectOption("public");
  await page.getByRole("button", { name: "Create gist" }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
  const canonical = page.url();

  await expect(page.locator(".expires")).toHaveText(/expires in (23 hours|1 day)/);
  await expect(page.locator(".expires")).toHaveAttribute("title", /UTC$/);
  await expect(page.getByText("Comments are turned off for this gist")).toBeVisible();
  await expect(page.getByLabel("Add a comment")).toHaveCount(0);
  await page.getByRole("link", { name: `/${name}/my-notes` }).click();
  await expect(page).toHaveURL(new RegExp(`/${name}/my-notes$`));
  await expect(page.getByRole("heading", { name: /notes\.md/ })).toBeVisible();

  // Edit: no expiry, another URL, comments on. The old URL then names nothing.
  await page.goto(`${canonical}/edit`);
  await hydrated(page);
  await expect(page.getByLabel("Custom URL")).toHaveValue("my-notes");
  await page.getByLabel("Expires").selectOption("never");
  await page.getByLabel("Custom URL").fill("renamed");
  await page.locator("select[name=\"options[comments]\"]").selectOption("open");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
  await expect(page.locator(".expires")).toHaveCount(0);
  await expect(page.getByLabel("Add a comment")).toBeVisible();
  const gone = await page.request.get(`/${name}/my-notes`);
  expect(gone.status()).toBe(404);
  await page.goto(`/${name}/renamed`);
  await expect(page.getByRole("heading", { name: /notes\.md/ })).toBeVisible();
});

test("an archived gist is read-only until its owner unarchives it", async ({ browser }) => {
  const owner = await signedIn(browser);
  const url = await createGist(owner.page, "public", [["a.txt", "one\n"]]);
  await hydrated(owner.page);
  await owner.page.getByRole("button", { name: "Archive" }).click();
  await expect(owner.page.locator(".badge-archived")).toBeVisible();
  await expect(owner.page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await owner.page.goto(`${url}/edit`);
  await expect(owner.page.getByRole("alert")).toContainText("archived");

  // Another user still stars it, and is told why there is no comment form.
  const reader = await signedIn(browser);
  await reader.page.goto(url);
  await hydrated(reader.page);
  await expect(reader.page.getByText(/archived, so it is read-only/)).toBeVisible();
  await reader.page.locator(".gist-actions button.star-button").click();
  await expect(reader.page.getByRole("button", { name: /Unstar/ })).toBeVisible();

  await owner.page.goto(url);
  await hydrated(owner.page);
  await owner.page.getByRole("button", { name: "Unarchive" }).click();
  await expect(owner.page.locator(".badge-archived")).toHaveCount(0);
  await expect(owner.page.getByRole("link", { name: "Edit" })).toBeVisible();
  await owner.context.close();
  await reader.context.close();
});

test("pinned gists on the profile, in the order their owner sets", async ({ page }) => {
  const name = await register(page);
  await createGist(page, "public", [["first.txt", "1\n"]], "First pin");
  await hydrated(page);
  await page.getByRole("button", { name: "Pin to profile" }).click();
  await expect(page.getByRole("button", { name: "Unpin from profile" })).toBeVisible();
  await createGist(page, "public", [["second.txt", "2\n"]], "Second pin");
  await hydrated(page);
  await page.getByRole("button", { name: "Pin to profile" }).click();
  await expect(page.getByRole("button", { name: "Unpin from profile" })).toBeVisible();
  // An unlisted gist cannot be pinned.
  await createGist(page, "unlisted", [["third.txt", "3\n"]], "Not pinnable");
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Pin to profile" })).toHaveCount(0);

  await page.goto(`/${name}`);
  await hydrated(page);
  const pinned = page.locator(".pinned-card > a");
  await expect(pinned).toHaveText(["First pin", "Second pin"]);
  await page.locator(".pinned-card").nth(1).getByRole("button", { name: "Move up" }).click();
  await expect(pinned).toHaveText(["Second pin", "First pin"]);
  await page.locator(".pinned-card").nth(0).getByRole("button", { name: "Unpin" }).click();
  await expect(pinned).toHaveText(["First pin"]);
});

test("archiving works without JavaScript @nojs", async ({ browser }) => {
  const maker = await signedIn(browser, { javaScriptEnabled: true });
  const url = await createGist(maker.page, "public", [["a.txt", "one\n"]]);
  const state = await maker.context.storageState();
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const page = await plain.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: "Archive" }).click();
  await page.goto(url);
  await expect(page.locator(".badge-archived")).toBeVisible();
  await maker.context.close();
  await plain.close();
});
