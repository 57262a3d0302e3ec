// Passkeys: the browser half of WebAuthn, for the login page ("Sign in with a passkey"),
// the second step of a sign-in, and Settings ("Add a passkey").
//
// Plain JavaScript, not the app's wasm: `navigator.credentials` needs a few lines of glue
// (base64url <-> ArrayBuffer), and every reading page would otherwise carry it. The server
// does all the checking (webauthn-rs); this file only carries options and answers between
// the server functions and the authenticator. Buttons are found by `data-passkey`, through
// one listener on the document, so that pages rendered later (client-side navigation) work
// too. Elements with the class `webauthn-only` show only when the browser has WebAuthn.

const toBuffer = (text) => {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
};

const toText = (buffer) => {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

// A server function's failure, as a sentence (the domain error, serialised).
const failure = (body) => {
  if (typeof body === "string") {
    return body === "RateLimited" ? "Too many attempts; wait a few minutes and try again" : body;
  }
  const [kind, value] = Object.entries(body ?? {})[0] ?? ["Error", null];
  if (Array.isArray(value)) return value.map((e) => e.message).join("; ");
  return typeof value === "string" ? value : kind;
};

const call = async (name, fields) => {
  const response = await fetch(`/sfn/${name}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(fields),
    credentials: "same-origin",
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text.trim();
  }
  if (!response.ok) throw new Error(failure(body));
  return body;
};

const creationOptions = (json) => {
  const options = JSON.parse(json).publicKey;
  options.challenge = toBuffer(options.challenge);
  options.user.id = toBuffer(options.user.id);
  options.excludeCredentials = (options.excludeCredentials ?? []).map((c) => ({ ...c, id: toBuffer(c.id) }));
  return { publicKey: options };
};

const requestOptions = (json) => {
  const options = JSON.parse(json).publicKey;
  options.challenge = toBuffer(options.challenge);
  options.allowCredentials = (options.allowCredentials ?? []).map((c) => ({ ...c, id: toBuffer(c.id) }));
  return { publicKey: options };
};

const registration = (credential) =>
  JSON.stringify({
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    response: {
      attestationObject: toText(credential.response.attestationObject),
      clientDataJSON: toText(credential.response.clientDataJSON),
      transports: credential.response.getTransports ? credential.response.getTransports() : undefined,
    },
    extensions: credential.getClientExtensionResults(),
  });

const assertion = (credential) =>
  JSON.stringify({
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: toText(credential.response.authenticatorData),
      clientDataJSON: toText(credential.response.clientDataJSON),
      signature: toText(credential.response.signature),
      userHandle: credential.response.userHandle ? toText(credential.response.userHandle) : null,
    },
    extensions: credential.getClientExtensionResults(),
  });

// Recovery codes made with a first passkey: shown once, with a download, then the page
// reloads to list the passkey.
const showCodes = (scope, codes) => {
  const out = scope.querySelector(".passkey-codes");
  if (!out || codes.length === 0) {
    location.reload();
    return;
  }
  out.hidden = false;
  out.querySelector("pre").textContent = codes.join("\n");
  const link = out.querySelector("a[download]");
  link.href = `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join("\n")}\n`)}`;
  out.querySelector("button").addEventListener("click", () => location.reload(), { once: true });
};

const ceremonies = {
  async register(button, scope) {
    const name = scope.querySelector("input[name=passkey_name]")?.value ?? "";
    const ceremony = await call("passkey_register_options", { name });
    const credential = await navigator.credentials.create(creationOptions(ceremony.options));
    const codes = await call("passkey_register", {
      challenge: ceremony.challenge,
      credential: registration(credential),
    });
    showCodes(scope, codes);
  },
  async login(button) {
    const ceremony = await call("passkey_login_options", {});
    const credential = await navigator.credentials.get(requestOptions(ceremony.options));
    const next = await call("passkey_login", {
      challenge: ceremony.challenge,
      credential: assertion(credential),
      next: button.dataset.next || "/",
    });
    location.assign(next);
  },
  async "second-factor"() {
    const ceremony = await call("second_factor_passkey_options", {});
    const credential = await navigator.credentials.get(requestOptions(ceremony.options));
    const next = await call("second_factor_passkey", { credential: assertion(credential) });
    location.assign(next);
  },
};

if (window.PublicKeyCredential) document.documentElement.classList.add("webauthn");

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-passkey]");
  const ceremony = button && ceremonies[button.dataset.passkey];
  if (!ceremony) return;
  event.preventDefault();
  const scope = button.closest(".passkey-scope") ?? document;
  const error = scope.querySelector(".passkey-error");
  if (error) error.hidden = true;
  button.disabled = true;
  try {
    await ceremony(button, scope);
  } catch (e) {
    // The person closed the browser's dialog, or the server refused.
    const message = e.name === "NotAllowedError" ? "The passkey was not used." : e.message;
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  } finally {
    button.disabled = false;
  }
});
