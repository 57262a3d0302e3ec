import { defineConfig, devices } from "@playwright/test";

// The server under test: the real `gistful` binary with a throwaway data directory.
// No LEPTOS_* variables: the binary finds target/site by itself.
const port = Number(process.env.E2E_PORT ?? 3917);
const home = process.env.E2E_HOME ?? ".home";
const binary = process.env.GISTFUL_BIN ?? "../target/debug/gistful";

// Playwright cannot download browsers here; Debian's Chromium it is. Background
// networking off: this machine's closed network refuses those connections noisily.
const chromium = {
  ...devices["Desktop Chrome"],
  // The UI speaks the browser's language: tests read English unless they ask otherwise.
  locale: "en-US",
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--disable-sync",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  reporter: "list",
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: chromium },
    // Reading must work without JavaScript: tests tagged @nojs run again with it off.
    { name: "no-js", grep: /@nojs/, use: { ...chromium, javaScriptEnabled: false } },
  ],
  // The second server is admin.spec.ts's alone: its switches change the whole instance.
  // The third is a real OpenID provider (npm's `oidc-provider`, end2end/oidc), the fourth
  // a private LDAP directory (Debian's slapd), and the last a Gistful that signs people in
  // through both (sign-in.spec.ts), and one whose provider and directory are down.
  webServer: [
    // The main server's webhooks may call the receivers webhooks.spec.ts starts on
    // 127.0.0.1, and retry quickly.
    gistful(home, port, {
      OG_WEBHOOKS_ALLOW_PRIVATE: "true",
      OG_WEBHOOKS_MAX_ATTEMPTS: "2",
      OG_WEBHOOKS_RETRY_BASE_SECONDS: "1",
    }),
    gistful(`${home}-admin`, port + 1, {}),
    {
      command: `cp oidc/people.json ${home}-sso-people.json && node oidc/provider.mjs`,
      url: `http://127.0.0.1:${port + 2}/.well-known/openid-configuration`,
      env: {
        OIDC_PORT: String(port + 2),
        OIDC_USERS: `${home}-sso-people.json`,
        OIDC_REDIRECT_URIS: `http://127.0.0.1:${port + 3}/oauth/openid-connect/callback`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    },
    {
      command: `oidc/ldap.sh ${home}-ldap ${port + 4}`,
      port: port + 4,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    },
    gistful(`${home}-sso`, port + 3, {
      OG_LDAP_URL: `ldap://127.0.0.1:${port + 4}`,
      OG_LDAP_BIND_DN: "cn=admin,dc=corp,dc=example",
      OG_LDAP_BIND_CREDENTIALS: "admin-secret",
      OG_LDAP_SEARCH_BASE: "ou=people,dc=corp,dc=example",
      OG_LDAP_ADMIN_GROUP: "cn=admins,dc=corp,dc=example",
      OG_OIDC_PROVIDER_NAME: "Corp ID",
      OG_OIDC_CLIENT_KEY: "gistful",
      OG_OIDC_SECRET: "gistful-secret",
      OG_OIDC_DISCOVERY_URL: `http://127.0.0.1:${port + 2}/.well-known/openid-configuration`,
      OG_OIDC_ADMIN_GROUP: "gistful-admins",
    }),
    // A Gistful whose provider and directory never answer (nothing listens there).
    gistful(`${home}-down`, port + 5, {
      OG_OIDC_PROVIDER_NAME: "Down ID",
      OG_OIDC_CLIENT_KEY: "gistful",
      OG_OIDC_SECRET: "gistful-secret",
      OG_OIDC_DISCOVERY_URL: `http://127.0.0.1:${port + 6}/.well-known/openid-configuration`,
      OG_LDAP_URL: `ldap://127.0.0.1:${port + 7}`,
      OG_LDAP_SEARCH_BASE: "ou=people,dc=corp,dc=example",
    }),
    // Passkeys need a domain name, not an IP address: a Gistful reached as localhost
    // (second-factor.spec.ts).
    gistful(`${home}-passkeys`, port + 8, { OG_EXTERNAL_URL: `http://localhost:${port + 8}` }),
    // Branding changes every page of an instance: branding.spec.ts's own, with a small
    // image limit so that "too large" is quick to send.
    gistful(`${home}-brand`, port + 9, { OG_CUSTOM_MAX_IMAGE_SIZE: "65536" }),
  ],
});

function gistful(dir: string, at: number, env: Record<string, string>) {
  return {
    command: `rm -rf ${dir} && ${binary} serve`,
    url: `http://127.0.0.1:${at}/healthz`,
    // SSH on a port the system picks (several servers run at once).
    env: { OG_HOME: dir, OG_HTTP_PORT: String(at), OG_SSH_PORT: "0", OG_LOG_LEVEL: "warn", ...env },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}
