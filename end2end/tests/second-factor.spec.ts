import { createHmac } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { hydrated, register, unique } from "./helpers";

// Second factors in a real browser: an authenticator app (the test computes its codes from
// the secret the page shows), recovery codes, and passkeys through Chromium's virtual
// authenticator, on a Gistful reached as `localhost` (browsers refuse passkeys for an IP
// address; the main server is reached as 127.0.0.1 and says so).
const port = Number(process.env.E2E_PORT ?? 3917);
const passkeySite = `http://localhost:${port + 8}`;

/** RFC 6238 (SHA-1, 6 digits, 30 s), `steps` steps from now, from a base32 secret. */
function totp(secret: string, steps = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...secret.replace(/=+$/, "")].map((c) => alphabet.indexOf(c).toString(2).padStart(5, "0")).join("");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + steps));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function passwordLogin(page: Page, name: string) {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Log in" }).click();
}

/** A virtual authenticator that keeps passkeys and verifies its user, as a phone or laptop does. */
async function authenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

test("an authenticator app: set up with the shown secret, then asked for at each password sign-in", async ({ page }) => {
  const name = await register(page, unique("totp"));
  await page.goto("/settings");
  await hydrated(page);
  // Reached by an IP address, this instance offers codes, and says why not passkeys.
  await expect(page.getByText("Passkeys need this site to be reached by a domain name")).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByAltText("QR code of the authenticator secret")).toBeVisible();
  const secret = (await page.locator(".totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  const codes = (await page.locator(".recovery-list").first().textContent())!.trim().split("\n");
  expect(codes).toHaveLength(10);
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute("download", "gistful-recovery-codes.txt");
  await expect(page.getByText("An authenticator app is set up")).toBeVisible();

  // Signed out: the password leads to the second step.
  await page.context().clearCookies();
  await passwordLogin(page, name);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expect(page.getByText(`Signing in as ${name}.`)).toBeVisible();
  const code = page.getByLabel("Authentication code or recovery code");
  await code.fill("000000" === totp(secret, 1) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("not right");
  await code.fill(totp(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();

  // A recovery code in place of the app, once.
  await page.context().clearCookies();
  await passwordLogin(page, name);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await page.getByLabel("Authentication code or recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();
  await page.context().clearCookies();
  await passwordLogin(page, name);
  await page.getByLabel("Authentication code or recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("not right");
  await expect(page.locator("header").getByRole("link", { name: "Log in" })).toBeVisible();
});

test("the second step works without JavaScript @nojs", async ({ page, playwright, baseURL }) => {
  // The account and its app are set up through the server functions the settings page calls.
  const name = unique("nojs");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const form = (fields: Record<string, string>) => ({ form: fields });
  expect((await api.post("/sfn/register", form({ username: name, email: `${name}@example.com`, password: "a good password" }))).status()).toBeLessThan(400);
  const setup = await (await api.post("/sfn/begin_totp", form({}))).json();
  expect((await api.post("/sfn/confirm_totp", form({ code: totp(setup.secret) }))).status()).toBe(200);
  await api.dispose();

  await page.goto("/login");
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await page.getByLabel("Authentication code or recovery code").fill(totp(setup.secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();
});

test.describe("passkeys", () => {
  test.use({ baseURL: passkeySite });

  test("register a passkey, sign in with it alone, and as the second step", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { cdp, authenticatorId } = await authenticator(context, page);
    const name = await register(page, unique("pk"));

    await page.goto("/settings");
    await hydrated(page);
    await page.getByLabel("Passkey name").fill("Laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    // The first second factor comes with recovery codes, shown once.
    const shown = page.locator(".passkey-codes .recovery-list");
    await expect(shown).toBeVisible();
    expect((await shown.textContent())!.trim().split("\n")).toHaveLength(10);
    await page.locator(".passkey-codes").getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: "Laptop", exact: true })).toBeVisible();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);

    // Signed out: "Sign in with a passkey", no username, no password.
    await context.clearCookies();
    await page.goto("/login?next=/settings");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(`${passkeySite}/settings`);
    await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("row", { name: /Laptop/ })).not.toContainText("never");

    // The password now leads to the second step, which the passkey completes.
    await context.clearCookies();
    await passwordLogin(page, name);
    await expect(page).toHaveURL(/\/login\/two-factor$/);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect(page).toHaveURL(`${passkeySite}/`);
    await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();

    // Removed, it signs nobody in.
    await page.goto("/settings");
    await hydrated(page);
    await page.getByRole("button", { name: "Remove passkey Laptop" }).click();
    await expect(page.getByRole("cell", { name: "Laptop", exact: true })).toHaveCount(0);
    await context.clearCookies();
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("alert")).toHaveText("That passkey is not registered here");
    await context.close();
  });

  test("a passkey the user dismisses, or that another browser holds, signs nobody in", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await authenticator(context, page);
    await register(page, unique("pk"));
    // Nothing registered on this authenticator: the browser finds no passkey.
    await context.clearCookies();
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("alert")).toHaveText("The passkey was not used.");
    await expect(page.locator("header").getByRole("link", { name: "Log in" })).toBeVisible();
    await context.close();
  });
});
