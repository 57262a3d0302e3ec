import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createGist, hydrated, register } from "./helpers";

// SSH in the browser: a key added in Settings (made with the real ssh-keygen) is listed
// with the fingerprint ssh-keygen prints, the ~/.ssh/config lines name this server, and a
// gist's clone box switches between HTTPS and SSH.
test("an SSH key added in Settings, and the clone box's SSH URL", async ({ page }) => {
  const name = await register(page);
  const dir = mkdtempSync(join(tmpdir(), "gistful-e2e-ssh-"));
  const key = join(dir, "id_ed25519");
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", key]);
  const fingerprint = execFileSync("ssh-keygen", ["-lf", `${key}.pub`]).toString().split(" ")[1];

  await page.goto("/settings");
  await hydrated(page);
  await page.getByLabel("Key name").fill("Laptop");
  await page.getByLabel("Public key").fill(readFileSync(`${key}.pub`, "utf8"));
  await page.getByRole("button", { name: "Add SSH key" }).click();
  await expect(page.getByRole("cell", { name: fingerprint })).toBeVisible();
  await expect(page.locator(".ssh-config")).toContainText("User git");
  await expect(page.locator(".ssh-config")).toContainText("HostName 127.0.0.1");

  // Not a key: refused with the reason.
  await page.getByLabel("Key name").fill("Nonsense");
  await page.getByLabel("Public key").fill("ssh-rsa not-a-key");
  await page.getByRole("button", { name: "Add SSH key" }).click();
  await expect(page.getByRole("alert")).toContainText("not an OpenSSH public key");

  await page.getByRole("button", { name: "Remove SSH key Laptop" }).click();
  await expect(page.getByRole("cell", { name: fingerprint })).toHaveCount(0);

  await createGist(page, "public", [["hello.txt", "hi\n"]]);
  await hydrated(page);
  const clone = page.getByLabel("Clone", { exact: true });
  await expect(clone).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/.+\.git$/);
  await page.getByRole("button", { name: "SSH" }).click();
  await expect(clone).toHaveValue(new RegExp(`^ssh://git@127\\.0\\.0\\.1:\\d+/${name}/[0-9a-f]+\\.git$`));
  await page.getByRole("button", { name: "HTTPS" }).click();
  await expect(clone).toHaveValue(/^http:/);
});
