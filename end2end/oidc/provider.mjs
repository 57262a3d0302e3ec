// A real OpenID provider for the tests: the certified `oidc-provider` package, on
// 127.0.0.1, with one confidential client (PKCE required) and the people listed in a JSON
// file that is read again at each sign-in, so a test can change someone's groups between
// two sign-ins. Its own login and consent pages stand in for a company's identity provider.
//
// env: OIDC_PORT, OIDC_USERS (file: {"alice": {"password": "...", "email": "...",
//      "groups": ["admins"], "preferred_username": "alice"}}), OIDC_REDIRECT_URIS
//      (comma-separated), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.
// Prints `ready <issuer>` once it listens.
//
// It also stands in for GitLab, Gitea and GitHub Enterprise (their OAuth 2.0 paths lead to
// the same endpoints, and `/api/v4/user`, `/api/v1/user` and `/api/v3/user` answer who an
// access token is for),
// so Gistful's presets for them are tested against a real authorization server too.
import http from "node:http";
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const usersFile = process.env.OIDC_USERS;
const people = () => JSON.parse(readFileSync(usersFile, "utf8"));

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? "gistful",
      client_secret: process.env.OIDC_CLIENT_SECRET ?? "gistful-secret",
      redirect_uris: (process.env.OIDC_REDIRECT_URIS ?? "").split(",").filter(Boolean),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
    {
      // GitHub takes the client's credentials in the form, not in Basic auth.
      client_id: "gistful-post",
      client_secret: "gistful-secret",
      redirect_uris: (process.env.OIDC_REDIRECT_URIS ?? "").split(",").filter(Boolean),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  pkce: { required: () => true },
  // The forges' own scopes, so the presets' requests are valid here.
  scopes: ["openid", "offline_access", "read_user", "read:user", "user:email"],
  claims: {
    openid: ["sub"],
    profile: ["preferred_username", "name"],
    email: ["email", "email_verified"],
    groups: ["groups"],
  },
  // Claims in the ID token itself, as Keycloak and authentik send them.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ["gistful-test-provider"] },
  async findAccount(ctx, id) {
    const person = people()[id];
    if (!person) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          preferred_username: person.preferred_username ?? id,
          name: person.name ?? id,
          email: person.email,
          email_verified: true,
          groups: person.groups ?? [],
        };
      },
    };
  },
});
provider.proxy = false;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (res, title, body) => {
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html><head><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`);
};
const readBody = (req) =>
  new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
      if (data.length > 65536) req.destroy();
    });
    req.on("end", () => resolve(new URLSearchParams(data)));
    req.on("error", reject);
  });

function loginPage(res, uid, error) {
  page(
    res,
    "Test identity provider: sign in",
    `${error ? `<p role="alert">${escape(error)}</p>` : ""}
    <form method="post" action="/interaction/${escape(uid)}/login">
      <label>Username <input name="login" autocomplete="off"></label>
      <label>Password <input name="password" type="password"></label>
      <button type="submit">Sign in</button>
    </form>
    <form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

function consentPage(res, uid, client) {
  page(
    res,
    "Test identity provider: allow access",
    `<p>${escape(client)} asks for your profile, email and groups.</p>
    <form method="post" action="/interaction/${escape(uid)}/confirm"><button type="submit">Allow</button></form>
    <form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Deny</button></form>`,
  );
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (req.method === "GET") {
    return prompt.name === "login" ? loginPage(res, uid) : consentPage(res, uid, params.client_id);
  }
  if (action === "login") {
    const form = await readBody(req);
    const login = form.get("login") ?? "";
    const person = people()[login];
    if (!person || person.password !== form.get("password")) {
      return loginPage(res, uid, "Invalid username or password");
    }
    return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }
  if (action === "confirm") {
    let grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const missing = prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    if (missing.missingResourceScopes) {
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
        grant.addResourceScope(indicator, scopes.join(" "));
      }
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (action === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "End-User aborted interaction" },
      { mergeWithLastSubmission: false },
    );
  }
  res.statusCode = 404;
  res.end();
}

// The forges' paths for the same endpoints.
const aliases = {
  "/oauth/authorize": "/auth",
  "/login/oauth/authorize": "/auth",
  "/oauth/token": "/token",
  "/login/oauth/access_token": "/token",
};

/** `/api/v4/user` (GitLab) and `/api/v1/user` (Gitea): who the bearer token is for. */
async function forgeUser(req, res, gitlab) {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  const found = token && (await provider.AccessToken.find(token));
  const person = found && people()[found.accountId];
  res.setHeader("Content-Type", "application/json");
  if (!person) {
    res.statusCode = 401;
    return res.end(JSON.stringify({ message: "401 Unauthorized" }));
  }
  const id = [...found.accountId].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) % 1000000;
  const name = person.preferred_username ?? found.accountId;
  res.end(JSON.stringify(gitlab ? { id, username: name, email: person.email } : { id, login: name, email: person.email }));
}

const handle = provider.callback();
http
  .createServer(async (req, res) => {
    const [path, query] = req.url.split("?");
    if (aliases[path]) req.url = aliases[path] + (query === undefined ? "" : `?${query}`);
    if (["/api/v4/user", "/api/v1/user", "/api/v3/user"].includes(path)) {
      return forgeUser(req, res, path === "/api/v4/user");
    }
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/.exec(req.url.split("?")[0]);
    if (!match) return handle(req, res);
    try {
      await interaction(req, res, match[1], match[2]);
    } catch (e) {
      res.statusCode = 400;
      res.setHeader("Content-Type", "text/plain");
      res.end(`interaction failed: ${e.message}\n`);
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`ready ${issuer}`));
