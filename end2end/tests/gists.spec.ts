import { expect, test } from "@playwright/test";
import { createGist, hydrated, register, signedIn, watchForScript } from "./helpers";

test("create a multi-file gist and read it highlighted, rendered and raw", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  const url = await createGist(page, "public", [
    ["main.rs", 'fn main() {\n    println!("hi");\n}\n'],
    ["README.md", "# Title\n\nSome **bold** words.\n"],
  ], "Two files");

  await expect(page).toHaveTitle("Two files · Gistful");
  await expect(page.locator(".gist-title")).toContainText(`${name} / Two files`);
  await expect(page.locator(".badge")).toHaveText("public");
  // Code: highlighted spans and numbered, linkable lines.
  const code = page.locator("#file-main-rs");
  await expect(code.locator("span[class^='hl-']").first()).toBeVisible();
  await expect(code.locator(".gutter a")).toHaveCount(3);
  await expect(code.locator("#file-main-rs-L2")).toHaveAttribute("href", "#file-main-rs-L2");
  // Markdown: rendered, not shown as source.
  await expect(page.locator(".markdown-body h1")).toHaveText("Title");
  await expect(page.locator(".markdown-body strong")).toHaveText("bold");
  // The clone URL names the gist's repository.
  await expect(page.locator("#copy-clone")).toHaveValue(new RegExp(`/${name}/[0-9a-f]{32}\\.git$`));
  // Raw.
  const raw = await page.locator("#file-main-rs").getByRole("link", { name: "Raw" }).getAttribute("href");
  const response = await page.request.get(raw!);
  expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await response.text()).toBe('fn main() {\n    println!("hi");\n}\n');

  // Anyone can read a public gist, even without JavaScript (see the @nojs test).
  const anonymous = await browser.newPage();
  await anonymous.goto(url);
  await expect(anonymous.locator(".markdown-body h1")).toHaveText("Title");
  await anonymous.close();
  await context.close();
});

test("a private gist is not found for anyone else", async ({ browser }) => {
  const owner = await signedIn(browser);
  const url = await createGist(owner.page, "private", [["secret.txt", "top secret\n"]]);
  await expect(owner.page.locator(".badge")).toHaveText("private");
  await expect(owner.page.getByText("top secret")).toBeVisible();

  const other = await signedIn(browser);
  const res = await other.page.goto(url);
  expect(res?.status()).toBe(404);
  await expect(other.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(other.page.getByText("top secret")).toHaveCount(0);

  const anonymous = await browser.newPage();
  expect((await anonymous.goto(url))?.status()).toBe(404);
  const raw = url.replace(/\/([0-9a-f]{32})$/, "/$1/raw/HEAD/secret.txt");
  expect((await anonymous.request.get(raw)).status()).toBe(404);
  await anonymous.close();
  await owner.context.close();
  await other.context.close();
});

test("hostile markdown, titles, file names and comments never run script", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const problems = watchForScript(page);
  const url = await createGist(page, "public", [
    ["x<img src=x onerror=alert(1)>.md", [
      "<script>alert('script')</script>",
      // A real image (a missing one logs a 404): what matters is that onerror is gone.
      "<img src=\"/favicon.svg\" onerror=\"alert('img')\">",
      "<svg onload=alert('svg')></svg>",
      "[click](javascript:alert('link'))",
      "<a href=\"javascript:alert('a')\">a</a>",
    ].join("\n\n")],
    ["y.html", "<script>alert('code')</script>\n"],
  ], "<script>alert('title')</script>");
  await page.goto(url);
  await hydrated(page);
  // The sanitiser keeps the link and the image, without their script.
  const link = page.locator(".markdown-body a", { hasText: "click" });
  await expect(link).toHaveCount(1);
  expect(await link.getAttribute("href")).toBeNull();
  await link.click();
  await expect(page.locator(".markdown-body img")).toHaveCount(1);
  await expect(page.locator(".markdown-body img")).not.toHaveAttribute("onerror", /.*/);
  await expect(page.locator(".markdown-body script, .markdown-body svg:not(.octicon), .markdown-body [onload]")).toHaveCount(0);
  await expect(page.locator(".gist-name")).toHaveText("<script>alert('title')</script>");
  await page.getByLabel("Add a comment").fill("<script>alert('comment')</script>\n\n<img src=\"/favicon.svg\" onerror=\"alert('c-img')\">\n\n[c](javascript:alert('c-link'))");
  await page.getByRole("button", { name: "Comment" }).click();
  await expect(page.locator(".comment-body img")).toHaveCount(1);
  await expect(page.locator(".comment-body script, .comment-body [onerror]")).toHaveCount(0);
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".comment-body a", { hasText: "c" })).not.toHaveAttribute("href", /javascript/);
  expect(problems).toEqual([]);
  await context.close();
});

const BREAKOUT = '</title><meta http-equiv=refresh content="0;url=https://evil.example">';

test("markup that closes its element stays text: title, description, file name, comment, search", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const problems = watchForScript(page);
  const url = await createGist(page, "public", [["<!--<style>x.txt", "</script><!--\n</style>"]], BREAKOUT);
  await page.goto(`${url}/edit`);
  await hydrated(page);
  await page.getByLabel("Description").fill("</textarea><script>alert('description')</script><!--");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(url);
  await page.getByLabel("Add a comment").fill("</style></textarea><script>alert('comment')</script><!--");
  await page.getByRole("button", { name: "Comment" }).click();
  // Closing tags in a comment are HTML to the sanitiser: dropped, with the script.
  await expect(page.locator(".comment-body")).toHaveCount(1);
  await expect(page.locator(".comment-body script")).toHaveCount(0);
  for (const path of [url, `${url}/revisions`, `${url}/forks`, `/search?q=${encodeURIComponent(BREAKOUT)}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // What the server sent: the title element holds the text, escaped, and nothing else.
    const html = await response!.text();
    const title = html.slice(html.indexOf("<title>"), html.indexOf("</title>") + 8);
    expect(title, path).toContain("&lt;/title&gt;");
    expect(html.toLowerCase(), path).not.toContain("<meta http-equiv=refresh");
    await hydrated(page);
    await expect(page.locator("head meta[http-equiv]")).toHaveCount(0);
    expect(await page.title(), path).toContain(BREAKOUT);
  }
  await page.goto(url);
  await hydrated(page);
  await expect(page.locator(".gist-name")).toHaveText(BREAKOUT);
  await expect(page.locator(".gist-description")).toContainText("</textarea>");
  await expect(page.locator(".file-name")).toHaveText("<!--<style>x.txt");
  await expect(page.locator(".file .code-lines")).toContainText("</script><!--");
  // Still here: nothing sent the browser elsewhere.
  await page.waitForTimeout(1500);
  expect(page.url()).toBe(url);
  expect(problems).toEqual([]);
  await context.close();
});

test("an editor opened before someone else's save refuses to overwrite it and keeps what was typed", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const url = await createGist(page, "public", [["a.txt", "one\n"]], "Shared");
  // The same person in a second tab opens the editor, and the first tab adds a file meanwhile.
  const stale = await context.newPage();
  await stale.goto(`${url}/edit`);
  await hydrated(stale);
  await page.goto(`${url}/edit`);
  await hydrated(page);
  await page.getByRole("button", { name: "Add file" }).click();
  await page.getByLabel("File name").nth(1).fill("added.txt");
  await page.getByLabel("File content").nth(1).fill("added elsewhere\n");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(url);

  await stale.getByLabel("File content").first().fill("typed in the old tab\n");
  await stale.getByRole("button", { name: "Save changes" }).click();
  await expect(stale.getByRole("alert")).toContainText("changed since you opened the editor");
  await expect(stale.getByLabel("File content").first()).toHaveValue("typed in the old tab\n");
  await expect(stale).toHaveURL(`${url}/edit`);

  await page.goto(url);
  await expect(page.locator(".file-name")).toHaveText(["a.txt", "added.txt"]);
  await expect(page.locator("#file-a-txt")).toContainText("one");
  await context.close();
});

test("a gist page reads without JavaScript @nojs", async ({ browser }) => {
  // Created through the API-less way: a JS-enabled context makes it, a no-JS page reads it.
  const maker = await browser.newContext({ javaScriptEnabled: true });
  const makerPage = await maker.newPage();
  await register(makerPage);
  const url = await createGist(makerPage, "unlisted", [["notes.md", "# Offline\n\nreadable\n"], ["a.py", "print(1)\n"]]);
  await maker.close();

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const page = await reader.newPage();
  await page.goto(url);
  await expect(page.locator(".markdown-body h1")).toHaveText("Offline");
  await expect(page.locator("#file-a-py .code-lines")).toContainText("print(1)");
  await reader.close();
});

test("explore and profiles list the right gists, newest first", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  await createGist(page, "public", [["first.py", "print('first')\n"]], `${name} first`);
  await createGist(page, "unlisted", [["hidden.txt", "hidden\n"]], `${name} hidden`);
  await createGist(page, "public", [["second.js", "console.log('second')\n"], ["z-extra.txt", "x\n"]], `${name} second`);

  await page.goto("/explore");
  const titles = page.locator(".card-title");
  await expect(titles.first()).toHaveText(`${name} second`);
  await expect(page.locator(".gist-card", { hasText: `${name} hidden` })).toHaveCount(0);
  const card = page.locator(".gist-card", { hasText: `${name} second` });
  await expect(card.locator(".card-preview")).toContainText("console.log('second')");
  await expect(card.locator(".card-more")).toHaveText("+ 1 more file");
  await expect(card.locator(".card-meta")).toContainText("JavaScript");
  await expect(card.locator(".card-meta")).toContainText("just now");
  await expect(page.locator(".pager")).toContainText("Page 1 of");

  // The owner sees all of their gists; everyone else sees the public ones.
  await page.goto(`/${name}`);
  await expect(page.locator(".card-title")).toHaveText([`${name} second`, `${name} hidden`, `${name} first`]);
  const stranger = await browser.newPage();
  await stranger.goto(`/${name}`);
  await expect(stranger.locator(".card-title")).toHaveText([`${name} second`, `${name} first`]);
  await stranger.goto(`/${name}?sort=created`);
  await expect(stranger.locator(".card-title").first()).toHaveText(`${name} second`);
  await stranger.locator(".card-title", { hasText: `${name} first` }).click();
  await expect(stranger.locator(".gist-name")).toHaveText(`${name} first`);
  expect((await stranger.goto("/no-such-user-here"))?.status()).toBe(404);
  await stranger.close();
  await context.close();
});

test("explore reads without JavaScript @nojs", async ({ page }) => {
  const res = await page.goto("/explore");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Explore public gists" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Newest" })).toHaveAttribute("href", "/explore?sort=created");
});

test("star, fork as someone else, delete as the owner", async ({ browser }) => {
  const owner = await signedIn(browser);
  const url = await createGist(owner.page, "public", [["tool.sh", "echo tool\n"]], "A tool");
  await hydrated(owner.page);

  const starButton = owner.page.locator(".gist-actions button.star-button");
  await expect(starButton).toHaveText("☆ Star0");
  await starButton.click();
  await expect(starButton).toHaveText("★ Unstar1");
  await expect(starButton).toHaveAttribute("aria-pressed", "true");
  await starButton.click();
  await expect(starButton).toHaveText("☆ Star0");
  await expect(owner.page.getByRole("button", { name: "Fork" })).toHaveCount(0);

  const other = await signedIn(browser);
  await other.page.goto(url);
  await hydrated(other.page);
  await other.page.getByRole("button", { name: "Fork" }).click();
  await other.page.waitForURL(new RegExp(`/${other.name}/[0-9a-f]{32}$`));
  expect(other.page.url()).not.toBe(url);
  await expect(other.page.locator(".gist-name")).toHaveText("A tool");
  await expect(other.page.getByText("echo tool")).toBeVisible();

  await owner.page.reload();
  await hydrated(owner.page);
  await expect(owner.page.locator(".gist-meta")).toContainText("1 fork");
  owner.page.once("dialog", (d) => d.accept());
  await owner.page.getByRole("button", { name: "Delete" }).click();
  await owner.page.waitForURL(new RegExp(`/${owner.name}$`));
  expect((await owner.page.goto(url))?.status()).toBe(404);
  // The fork lives on.
  await other.page.reload();
  await expect(other.page.getByText("echo tool")).toBeVisible();

  const anonymous = await browser.newPage();
  await anonymous.goto(other.page.url());
  await expect(anonymous.getByRole("link", { name: "Log in to star or fork" })).toBeVisible();
  await anonymous.close();
  await owner.context.close();
  await other.context.close();
});

test("edit: rename, add and remove files, with a live Markdown preview and tab indentation", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  const url = await createGist(page, "public", [["keep.txt", "keep\n"], ["old.txt", "old\n"], ["gone.txt", "bye\n"]], "Before");
  await hydrated(page);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`${url}/edit`);
  await hydrated(page);

  await page.getByLabel("Title").fill("After");
  const names = page.getByLabel("File name");
  await expect(names).toHaveCount(3);
  // Files arrive in name order: gone.txt, keep.txt, old.txt.
  await expect(names.nth(0)).toHaveValue("gone.txt");
  await page.locator(".file-editor").nth(0).getByRole("button", { name: "Remove" }).click();
  await expect(names).toHaveCount(2);
  await names.nth(1).fill("new.txt");

  // A new Markdown file: the preview is the server's renderer's (one call), so it is
  // what the page will show, alert and all.
  await page.getByRole("button", { name: "Add file" }).click();
  await names.nth(2).fill("notes.md");
  const area = page.getByLabel("File content").nth(2);
  await area.fill("# Notes");
  await area.press("End");
  await area.press("Enter");
  await area.press("Tab");
  await area.pressSequentially("indented");
  await expect(area).toHaveValue("# Notes\n\tindented");
  await area.press("Enter");
  await area.pressSequentially("\n> [!TIP]\n> Press <kbd>Tab</kbd>.\n");
  const serverCalls: string[] = [];
  page.on("request", (r) => { if (r.url().includes("/sfn/")) serverCalls.push(r.url()); });
  await page.locator(".file-editor").nth(2).getByRole("button", { name: "Preview" }).click();
  await expect(page.locator(".file-editor .preview h1")).toHaveText("Notes");
  await expect(page.locator(".file-editor .preview .markdown-alert-tip kbd")).toHaveText("Tab");
  expect(serverCalls.map((u) => new URL(u).pathname)).toEqual(["/sfn/preview_markdown"]);
  await page.locator(".file-editor").nth(2).getByRole("button", { name: "Edit" }).click();

  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(url);
  await expect(page.locator(".gist-name")).toHaveText("After");
  await expect(page.locator(".file-name")).toHaveText(["keep.txt", "new.txt", "notes.md"]);
  await expect(page.locator("#file-new-txt")).toContainText("old");
  await expect(page.locator("#file-notes-md .markdown-body h1")).toHaveText("Notes");
  await expect(page.locator("#file-notes-md .markdown-alert-tip kbd")).toHaveText("Tab");
  await expect(page.locator(".gist-meta")).toContainText("3 files");

  // Only the owner may edit: another user finds nothing, an anonymous visitor is asked
  // to log in (which says nothing about whether the gist exists).
  const stranger = await signedIn(browser);
  expect((await stranger.page.goto(`${url}/edit`))?.status()).toBe(404);
  await stranger.context.close();
  const anonymous = await browser.newPage();
  await anonymous.goto(`${url}/edit`);
  await expect(anonymous.getByText("Log in to edit your gists.")).toBeVisible();
  await expect(anonymous.getByLabel("File content")).toHaveCount(0);
  await anonymous.close();
  await context.close();
});

test("a refused save keeps what was typed", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await page.goto("/new");
  await hydrated(page);
  await page.getByLabel("Title").fill("Keep me");
  await page.getByLabel("File name").fill("a.txt");
  await page.getByLabel("File content").fill("   ");
  await page.getByRole("button", { name: "Create gist" }).click();
  await expect(page.getByRole("alert")).toHaveText('file "a.txt" has no content');
  await expect(page.getByLabel("Title")).toHaveValue("Keep me");
  await expect(page.getByLabel("File name")).toHaveValue("a.txt");
  await context.close();
});

test("revisions show each change as a diff", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  const url = await createGist(page, "public", [["a.txt", "one\ntwo\n"]], "History");
  await page.goto(`${url}/edit`);
  await hydrated(page);
  await page.getByLabel("File content").fill("one\nTWO\n");
  await page.getByLabel("File name").fill("b.txt");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(url);

  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page).toHaveURL(`${url}/revisions`);
  await expect(page.locator("h1")).toContainText("2 revisions");
  const revisions = page.locator(".revision");
  await expect(revisions).toHaveCount(2);
  const newest = revisions.first();
  await expect(newest.locator(".file-name")).toHaveText("a.txt → b.txt");
  await expect(newest.locator(".badge")).toHaveText("renamed");
  await expect(newest.locator(".diff-line.del")).toHaveText(["-two"]);
  await expect(newest.locator(".diff-line.add")).toHaveText(["+TWO"]);
  await expect(newest.locator(".additions")).toHaveText("+1");
  await expect(revisions.nth(1).locator(".badge")).toHaveText("added");
  await expect(revisions.nth(1).locator(".diff-line.add")).toHaveText(["+one", "+two"]);
  await context.close();
});

test("comments: post in Markdown, edit your own, the owner may delete", async ({ browser }) => {
  const owner = await signedIn(browser);
  const url = await createGist(owner.page, "public", [["c.txt", "comment on me\n"]]);
  const guest = await signedIn(browser);
  const dialogs: string[] = [];
  guest.page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await guest.page.goto(url);
  await hydrated(guest.page);
  await expect(guest.page.getByText("No comments yet.")).toBeVisible();
  await guest.page.getByLabel("Add a comment").fill("Nice **work** <script>alert('x')</script>");
  await guest.page.getByRole("button", { name: "Comment" }).click();
  const comment = guest.page.locator(".comment");
  await expect(comment.locator(".comment-body strong")).toHaveText("work");
  await expect(comment.locator("script")).toHaveCount(0);
  await expect(comment.locator(".comment-header")).toContainText(guest.name);

  await comment.getByRole("button", { name: "Edit" }).click();
  await comment.getByLabel("Edit comment").fill("Edited *text*");
  await comment.getByRole("button", { name: "Save" }).click();
  await expect(comment.locator(".comment-body em")).toHaveText("text");
  expect(dialogs).toEqual([]);

  await owner.page.goto(url);
  await hydrated(owner.page);
  const seen = owner.page.locator(".comment");
  await expect(seen.locator(".comment-body")).toHaveText("Edited text");
  await expect(seen.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await seen.getByRole("button", { name: "Delete" }).click();
  await expect(owner.page.getByText("No comments yet.")).toBeVisible();
  await owner.context.close();
  await guest.context.close();
});

test("CSV as a table, downloads and a ZIP of the gist", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await createGist(page, "public", [["people.csv", "name,lang\nAda,Rust\n\"Grace, H\",COBOL\n"], ["run.sh", "echo hi\n"]]);
  const table = page.locator("#file-people-csv table.csv");
  await expect(table.locator("th")).toHaveText(["name", "lang"]);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tbody tr").nth(1).locator("td").first()).toHaveText("Grace, H");

  const download = page.waitForEvent("download");
  await page.locator("#file-run-sh").getByRole("link", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe("run.sh");
  const zip = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download ZIP" }).click();
  expect((await zip).suggestedFilename()).toMatch(/^[0-9a-f]{32}-[0-9a-f]{7}\.zip$/);
  await context.close();
});
