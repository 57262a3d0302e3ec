import { expect, test } from "@playwright/test";
import { hydrated, register } from "./helpers";

test("a token made in the settings works against the API until revoked", async ({ page }) => {
  const name = await register(page);
  await page.locator("header").getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await hydrated(page);

  await page.getByLabel("Name", { exact: true }).fill("cli");
  await page.getByLabel("gist:write").check();
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.locator(".token-value").inputValue();
  expect(secret).toMatch(/^og_[0-9a-f]{64}$/);
  await expect(page.locator(".tokens tbody tr")).toHaveCount(1);
  await expect(page.locator(".tokens tbody tr")).toContainText("gist:write");
  await expect(page.locator(".tokens tbody tr")).toContainText("never used");

  const created = await page.request.post("/api/gists", {
    headers: { Authorization: `Bearer ${secret}` },
    data: { public: true, files: { "from-api.txt": { content: "made with a UI token" } } },
  });
  expect(created.status()).toBe(201);
  expect((await created.json()).owner.login).toBe(name);

  // The secret is shown once: a reload lists the token, not its value.
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".token-value")).toHaveCount(0);
  await expect(page.locator(".tokens tbody tr")).not.toContainText("never used");
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.locator(".tokens tbody tr")).toHaveCount(0);
  const refused = await page.request.get("/api/user", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
});

test("profile, password and account deletion", async ({ page }) => {
  const name = await register(page);
  await page.goto("/settings");
  await hydrated(page);
  await page.getByLabel("Display name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("an even better password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert")).toHaveText("the current password is wrong");
  await page.getByLabel("Current password").fill("a good password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();

  await page.getByLabel("Password to delete the account").fill("an even better password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL(/\/$/);
  await expect(page.locator("header").getByRole("link", { name: "Log in" })).toBeVisible();
  expect((await page.goto(`/${name}`))?.status()).toBe(404);
});

test("the commit email setting: a no-reply address unless ticked", async ({ page }) => {
  // What commits then carry is checked with git in the server tests; here, the setting.
  const name = await register(page);
  await page.goto("/settings");
  await hydrated(page);
  const show = page.getByLabel(/Show my email address in the commits/);
  await expect(show).not.toBeChecked();
  await expect(page.locator("label.checkbox", { hasText: "commits" })).toContainText(`${name}@users.noreply`);
  await show.check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel(/Show my email address in the commits/)).toBeChecked();
});

test("settings ask anonymous visitors to log in @nojs", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByText("Log in to change your settings.")).toBeVisible();
});
