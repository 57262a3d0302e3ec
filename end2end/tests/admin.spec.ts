import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

// The admin's switches change the whole instance, so this file has a server of its own
// (see playwright.config.ts) whose first account, made here, is its admin.
const adminServer = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3917) + 1}`;
test.use({ baseURL: adminServer });

test("the admin runs the instance from the panel; nobody else sees it", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const admin = await signedIn(browser, { baseURL: adminServer });
  const page = admin.page;
  await expect(page.locator("header").getByRole("link", { name: "Admin" })).toBeVisible();

  const member = await signedIn(browser, { baseURL: adminServer });
  const memberGist = await createGist(member.page, "private", [["mine.txt", "member's\n"]], "Member's private");
  await expect(member.page.locator("header").getByRole("link", { name: "Admin" })).toHaveCount(0);
  expect((await member.page.goto("/admin"))?.status()).toBe(404);
  await expect(member.page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // Users: promote, demote.
  await page.goto("/admin?tab=users");
  await hydrated(page);
  const row = page.locator(`tr[data-user="${member.name}"]`);
  await expect(row.locator("td").nth(2)).toHaveText("User");
  await expect(row.locator("td").nth(3)).toHaveText("1");
  await row.getByRole("button", { name: "Make admin" }).click();
  await expect(row.locator("td").nth(2)).toHaveText("Admin");
  await row.getByRole("button", { name: "Demote" }).click();
  await expect(row.locator("td").nth(2)).toHaveText("User");
  await expect(page.locator(`tr[data-user="${admin.name}"]`)).toContainText("you");
  await page.screenshot({ path: info.outputPath("screenshots", "admin-users-light.png"), fullPage: true });

  // Gists: the member's private gist is listed, and can be deleted.
  await page.locator(".tabs").getByRole("link", { name: "Gists" }).click();
  await expect(page).toHaveURL(/tab=gists/);
  const gistRow = page.locator("tr[data-gist]", { hasText: "Member's private" });
  await expect(gistRow.locator(".badge")).toHaveText("private");
  page.once("dialog", (d) => d.accept());
  await gistRow.getByRole("button", { name: "Delete" }).click();
  await expect(gistRow).toHaveCount(0);
  expect((await member.page.goto(memberGist))?.status()).toBe(404);

  // Maintenance: a clean report.
  await page.locator(".tabs").getByRole("link", { name: "Maintenance" }).click();
  await page.getByRole("button", { name: "Run consistency check" }).click();
  await expect(page.getByRole("status")).toContainText("everything is consistent");

  // Maintenance jobs run in the background, one at a time; the progress is the server's,
  // so a reload shows it too.
  await hydrated(page);
  await expect(page.locator(".job-none")).toBeVisible();
  await page.getByRole("button", { name: "Repack repositories" }).click();
  const job = page.locator(".job-status");
  await expect(job).toHaveAttribute("data-state", "finished");
  await expect(job.locator(".job-count")).toHaveText(/^(\d+) of \1$/);
  await expect(job.locator("progress")).toBeVisible();
  await expect(job.locator(".job-report")).toContainText(/repacked \d+ repositories/);
  await page.screenshot({ path: info.outputPath("screenshots", "admin-maintenance-light.png"), fullPage: true });
  await page.reload();
  await expect(page.locator(".job-status")).toContainText("Repack repositories: finished");
  await page.getByRole("button", { name: "Check and repair" }).click();
  await expect(page.locator(".job-status")).toContainText("Check and repair: finished");
  await expect(page.locator(".job-report")).toContainText("no problems found");

  // Settings: require login; anonymous visitors are sent to the login page.
  await page.locator(".tabs").getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/tab=settings/);
  await hydrated(page);
  await page.getByLabel(/Require login/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await expect(page.getByLabel(/Require login/)).toBeChecked();
  await page.screenshot({ path: info.outputPath("screenshots", "admin-settings-light.png"), fullPage: true });

  const anonymous = await browser.newPage({ baseURL: adminServer });
  await anonymous.goto("/explore");
  await expect(anonymous).toHaveURL(/\/login\?next=%2Fexplore$/);
  await expect(anonymous.getByRole("button", { name: "Log in" })).toBeVisible();
  // Signed-in people carry on.
  await member.page.goto("/explore");
  await expect(member.page).toHaveURL(/\/explore$/);

  // Switched back off, the instance is open again.
  await page.getByLabel(/Require login/).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel(/Require login/)).not.toBeChecked();
  await anonymous.goto("/explore");
  await expect(anonymous).toHaveURL(/\/explore$/);

  // Disable signup: the register form is refused.
  await page.getByLabel(/Disable signup/).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel(/Disable signup/)).toBeChecked();
  await anonymous.goto("/register");
  await hydrated(anonymous);
  await anonymous.getByLabel("Username").fill("latecomer");
  await anonymous.getByLabel("Email").fill("late@example.com");
  await anonymous.getByLabel("Password").fill("a good password");
  await anonymous.getByRole("button", { name: "Create account" }).click();
  await expect(anonymous.getByRole("alert")).toHaveText("Registration is closed on this instance");
  await page.getByLabel(/Disable signup/).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel(/Disable signup/)).not.toBeChecked();
  await anonymous.close();

  // Finally, delete the member's account.
  await page.goto("/admin?tab=users");
  await hydrated(page);
  page.once("dialog", (d) => d.accept());
  await page.locator(`tr[data-user="${member.name}"]`).getByRole("button", { name: "Delete" }).click();
  await expect(page.locator(`tr[data-user="${member.name}"]`)).toHaveCount(0);
  expect((await page.goto(`/${member.name}`))?.status()).toBe(404);
  await admin.context.close();
  await member.context.close();
});
