import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

function git(args: string[], cwd: string) {
  return execFileSync("git", ["-c", "user.name=Tester", "-c", "user.email=t@example.com", ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

// What a user does: copy the clone URL from the page, clone, change, push, reload.
test("clone from the page's URL, push a change, see the new revision", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser);
  const url = await createGist(page, "public", [["hello.txt", "hello\n"]], "Via git");
  const cloneUrl = await page.locator("#copy-clone").inputValue();
  expect(cloneUrl).toBe(`${url}.git`);

  const dir = mkdtempSync(join(tmpdir(), "gistful-e2e-"));
  git(["clone", "-q", cloneUrl, "work"], dir);
  const work = join(dir, "work");
  expect(readFileSync(join(work, "hello.txt"), "utf8")).toBe("hello\n");
  writeFileSync(join(work, "hello.txt"), "hello from git\n");
  writeFileSync(join(work, "added.md"), "# Added by a push\n");
  git(["add", "-A"], work);
  git(["commit", "-q", "-m", "from git"], work);
  const withPassword = cloneUrl.replace("://", `://${name}:${encodeURIComponent("a good password")}@`);
  git(["push", "-q", withPassword, "main"], work);

  await page.reload();
  await hydrated(page);
  await expect(page.locator("#file-hello-txt .code-lines")).toContainText("hello from git");
  await expect(page.locator("#file-added-md .markdown-body h1")).toHaveText("Added by a push");
  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.locator(".revision")).toHaveCount(2);
  await expect(page.locator(".revision").first().locator(".diff-line.add").first()).toContainText("Added by a push");
  await context.close();
});
