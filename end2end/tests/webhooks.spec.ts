import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

type Received = { event: string; delivery: string; signature: string; body: string };

/** An HTTP receiver on 127.0.0.1 that keeps what it is sent (the main server may call it). */
async function receiver() {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      got.push({
        event: String(req.headers["x-gistful-event"]),
        delivery: String(req.headers["x-gistful-delivery"]),
        signature: String(req.headers["x-gistful-signature-256"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, got, close: () => server.close() };
}

const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

test("a person adds a webhook in Settings, gets a signed event, reads the log and redelivers", async ({ browser }, info) => {
  test.setTimeout(60_000);
  const hook = await receiver();
  try {
    const { page, name } = await signedIn(browser);
    await page.goto("/settings");
    await hydrated(page);
    await page.getByLabel("Payload URL").fill(hook.url);
    await page.getByLabel("Secret").fill("playwright-secret");
    // Every event is ticked to begin with; this hook wants all but comments.
    await page.getByRole("checkbox", { name: "comment.created" }).uncheck();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const listed = page.locator("li.webhook").filter({ hasText: hook.url });
    await expect(listed).toBeVisible();
    await expect(listed).toContainText("gist.created");
    await expect(listed).not.toContainText("comment.created");

    // "Ping" tests the hook before any gist changes: GitHub's `ping`, signed like the rest.
    await listed.getByRole("button", { name: `Send a ping to ${hook.url}` }).click();
    await expect.poll(() => hook.got.length, { timeout: 15_000 }).toBe(1);
    const [ping] = hook.got;
    expect(ping.event).toBe("ping");
    expect(ping.signature).toBe(sign("playwright-secret", ping.body));
    const pinged = JSON.parse(ping.body);
    expect(pinged.hook.config.url).toBe(hook.url);
    expect(pinged.hook.events).not.toContain("comment.created");

    const url = await createGist(page, "public", [["hook.py", "print('hooked')\n"]], "Hooked gist");
    const id = url.split("/").pop()!;
    await expect.poll(() => hook.got.length, { timeout: 15_000 }).toBe(2);
    const first = hook.got[1];
    expect(first.event).toBe("gist.created");
    expect(first.signature).toBe(sign("playwright-secret", first.body));
    const payload = JSON.parse(first.body);
    expect(payload.gist.id).toBe(id);
    expect(payload.gist.owner.login).toBe(name);
    expect(payload.sender.login).toBe(name);

    // The log: delivered, answered 200; redeliver sends the same payload again.
    await page.goto("/settings");
    await hydrated(page);
    const log = listed.locator("details.webhook-log");
    await log.locator("summary").click();
    const row = log.locator("tr.delivery").first();
    await expect(row).toContainText("gist.created");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("200");
    await expect(log.locator("tr.delivery").nth(1)).toContainText("ping");
    await page.screenshot({ path: info.outputPath("screenshots", "settings-webhooks.png"), fullPage: true });
    await row.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => hook.got.length, { timeout: 15_000 }).toBe(3);
    expect(hook.got[2].body).toBe(first.body);
    expect(hook.got[2].delivery).not.toBe(first.delivery);
    await expect(log.locator("tr.delivery")).toHaveCount(3);

    // Removed, it hears nothing more.
    await listed.getByRole("button", { name: /Remove/ }).click();
    await expect(page.locator("li.webhook").filter({ hasText: hook.url })).toHaveCount(0);
    await createGist(page, "public", [["quiet.py", "pass\n"]]);
    await page.waitForTimeout(1500);
    expect(hook.got.length).toBe(3);
  } finally {
    hook.close();
  }
});

test("without JavaScript the webhook form still adds and pings a hook", async ({ browser }) => {
  const hook = await receiver();
  try {
    const { context } = await signedIn(browser);
    const cookies = await context.cookies();
    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.addCookies(cookies);
    const page = await plain.newPage();
    await page.goto("/settings");
    await page.getByLabel("Payload URL").fill(hook.url);
    await page.getByLabel("Secret").fill("no-js");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await page.goto("/settings");
    const listed = page.locator("li.webhook").filter({ hasText: hook.url });
    await expect(listed).toBeVisible();
    await listed.getByRole("button", { name: `Send a ping to ${hook.url}` }).click();
    await expect.poll(() => hook.got.map((r) => r.event), { timeout: 15_000 }).toEqual(["ping"]);
    await plain.close();
  } finally {
    hook.close();
  }
});
