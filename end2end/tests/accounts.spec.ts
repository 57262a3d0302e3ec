import { expect, test } from "@playwright/test";
import { hydrated, unique } from "./helpers";

test("register, log out, fail a login, log in", async ({ page, context }) => {
  const name = unique();
  await page.goto("/register");
  await hydrated(page);

  // The shared rules judge the input as it is typed.
  const submit = page.getByRole("button", { name: "Create account" });
  await page.getByLabel("Username").fill("not valid!");
  await expect(page.getByText("username may only contain letters, digits and '-'")).toBeVisible();
  await expect(submit).toBeDisabled();
  await page.getByLabel("Username").fill(name);
  await expect(page.locator(".field-error:not(:empty)")).toHaveCount(0);
  await page.getByLabel("Email").fill(`${name}@example.com`);
  await page.getByLabel("Password").fill("short");
  await expect(page.getByText("password must be at least 8 characters")).toBeVisible();
  await page.getByLabel("Password").fill("a good password");
  await expect(submit).toBeEnabled();
  await submit.click();

  // Signed in: home page, the header names the user.
  await expect(page).toHaveURL(/\/$/);
  const header = page.locator("header");
  await expect(header.getByRole("link", { name })).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name === "gistful_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await header.getByRole("button", { name: "Log out" }).click();
  await expect(header.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(header.getByRole("link", { name })).toHaveCount(0);

  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Password").fill("the wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Incorrect username or password");

  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole("link", { name })).toBeVisible();
});

test("a taken username is refused by the server", async ({ page }) => {
  const name = unique();
  for (const attempt of [1, 2]) {
    await page.context().clearCookies();
    await page.goto("/register");
    await hydrated(page);
    await page.getByLabel("Username").fill(name);
    await page.getByLabel("Email").fill(`${name}${attempt}@example.com`);
    await page.getByLabel("Password").fill("a good password");
    await page.getByRole("button", { name: "Create account" }).click();
    if (attempt === 1) await expect(page).toHaveURL(/\/$/);
  }
  await expect(page.getByRole("alert")).toHaveText("this username is already taken");
  await expect(page).toHaveURL(/\/register$/);
});

test("login and register pages render without JavaScript @nojs", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Log in to Gistful" })).toBeVisible();
  await expect(page.getByLabel("Username")).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
});
