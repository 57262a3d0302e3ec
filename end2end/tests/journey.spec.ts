import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn, watchForScript } from "./helpers";

// One story from start to end, as two people would live it, with real clicks and typing.
test("write, edit, review, star; someone forks and comments; the owner deletes", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await signedIn(browser);
  const page = owner.page;
  const problems = watchForScript(page, { dialogs: false });

  const url = await createGist(page, "public", [
    ["app.py", "def greet(name):\n    return f'hi {name}'\n"],
    ["README.md", "# Greeter\n\nSay **hi**.\n"],
    ["old.txt", "to be removed\n"],
  ], "Greeter", "Python, demo");
  await hydrated(page);
  await expect(page.locator("#file-app-py span[class^='hl-']").first()).toBeVisible();
  await expect(page.locator("#file-readme-md .markdown-body h1")).toHaveText("Greeter");
  await expect(page.locator("#file-readme-md .markdown-body strong")).toHaveText("hi");
  await expect(page.locator(".gist-header .topic")).toHaveText(["python", "demo"]);

  // Edit: rename one file and change it, remove another, add a third.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.waitForURL(`${url}/edit`);
  await hydrated(page);
  await expect(page.getByLabel("Topics")).toHaveValue("python, demo");
  const editors = page.locator("fieldset.file-editor");
  await expect(editors).toHaveCount(3);
  await editors.nth(1).getByLabel("File name").fill("greet.py");
  await editors.nth(1).getByLabel("File content").fill("def greet(name):\n    return f'hello {name}'\n");
  await editors.nth(2).getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Add file" }).click();
  await editors.nth(2).getByLabel("File name").fill("test_greet.py");
  await editors.nth(2).getByLabel("File content").fill("assert greet('x') == 'hello x'\n");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(url);
  await expect(page.locator(".file .file-name")).toHaveText(["README.md", "greet.py", "test_greet.py"]);

  // The revisions show what changed.
  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.locator(".revision")).toHaveCount(2);
  const newest = page.locator(".revision").first();
  await expect(newest.locator(".file-name")).toHaveText(["app.py → greet.py", "old.txt", "test_greet.py"]);
  await expect(newest.locator(".badge")).toHaveText(["renamed", "deleted", "added"]);
  await expect(newest.locator(".diff-line.del").first()).toContainText("return f'hi {name}'");
  await expect(newest.locator(".diff-line.add").first()).toContainText("return f'hello {name}'");

  // Star it.
  await page.goto(url);
  await hydrated(page);
  const star = page.locator(".gist-actions button.star-button");
  await star.click();
  await expect(star).toHaveText("★ Unstar1");

  // Someone else forks it and comments on the original.
  const other = await signedIn(browser);
  const otherProblems = watchForScript(other.page);
  await other.page.goto(url);
  await hydrated(other.page);
  await other.page.getByRole("button", { name: "Fork" }).click();
  await other.page.waitForURL(new RegExp(`/${other.name}/[0-9a-f]{32}$`));
  const forkUrl = other.page.url();
  await expect(other.page.locator(".forked-from")).toContainText(`forked from ${owner.name}/`);
  await expect(other.page.locator(".file .file-name")).toHaveText(["README.md", "greet.py", "test_greet.py"]);
  await other.page.locator(".forked-from a").click();
  await other.page.waitForURL(url);
  await hydrated(other.page);
  await other.page.getByLabel("Add a comment").fill("Nice **gist**, forked it.");
  await other.page.getByRole("button", { name: "Comment" }).click();
  await expect(other.page.locator(".comment-body strong")).toHaveText("gist");

  // The owner sees the fork, the star and the comment.
  await page.goto(`${url}/forks`);
  await expect(page.locator(".gist-card")).toHaveCount(1);
  await expect(page.locator(".gist-card").getByRole("link", { name: other.name })).toBeVisible();
  await page.goto(`${url}/stargazers`);
  await expect(page.locator(".people a")).toHaveText([owner.name]);
  await page.goto(url);
  await hydrated(page);
  await expect(page.locator(".gist-meta")).toContainText("1 fork");
  await expect(page.locator(".comment-body")).toContainText("forked it.");

  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);

  // And deletes the gist: gone for everyone (a 404 from here on); the fork lives on.
  page.once("dialog", (d) => d.accept());
  await page.locator(".gist-actions").getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(new RegExp(`/${owner.name}$`));
  expect((await page.goto(url))?.status()).toBe(404);
  expect((await other.page.goto(url))?.status()).toBe(404);
  await other.page.goto(forkUrl);
  await expect(other.page.locator(".file .file-name")).toHaveText(["README.md", "greet.py", "test_greet.py"]);

  await owner.context.close();
  await other.context.close();
});

test("topics link to their page, which lists public gists only", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  const topic = `t-${name}`;
  await createGist(page, "public", [["a.txt", "a\n"]], `${name} shown`, topic);
  await createGist(page, "unlisted", [["b.txt", "b\n"]], `${name} unlisted`, topic);
  await hydrated(page);
  await page.locator(".gist-header .topic").click();
  await page.waitForURL(`/topics/${topic}`);
  await expect(page.locator(".gist-card .card-title")).toHaveText([`${name} shown`]);
  // Typed topics are checked as they are typed, by the server's own rule.
  await page.goto("/new");
  await hydrated(page);
  await page.getByLabel("Topics").fill("fine, not_fine");
  await expect(page.locator(".field-error:not(:empty)")).toContainText("not_fine");
  await context.close();
});

test("a user's forks tab lists the gists they forked @nojs", async ({ browser }) => {
  // Made with JavaScript on (the no-JS project would otherwise turn it off here too).
  const maker = await signedIn(browser, { javaScriptEnabled: true });
  const url = await createGist(maker.page, "public", [["f.txt", "f\n"]], `${maker.name} source`);
  const forker = await signedIn(browser, { javaScriptEnabled: true });
  await forker.page.goto(url);
  await hydrated(forker.page);
  await forker.page.getByRole("button", { name: "Fork" }).click();
  await forker.page.waitForURL(new RegExp(`/${forker.name}/[0-9a-f]{32}$`));
  await maker.context.close();
  await forker.context.close();

  // Read with whatever JavaScript setting this project runs.
  const reader = await browser.newPage();
  await reader.goto(`/${forker.name}?tab=forks`);
  await expect(reader.locator(".tab.active")).toHaveText("Forks");
  await expect(reader.locator(".gist-card .card-title")).toHaveText([`${maker.name} source`]);
  await reader.goto(`/${maker.name}?tab=forks`);
  await expect(reader.getByText("No gists here yet.")).toBeVisible();
  await reader.close();
});
