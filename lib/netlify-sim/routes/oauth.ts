import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readJsonBody, type SimResponse } from "../http";
import type { SimStore } from "../store";

/*
 * "Sign in with Netlify", offline: an authorize page that approves with one click and a token
 * endpoint for the authorization-code grant. Codes are single-use and expire after 10 minutes;
 * a code issued with a PKCE challenge (S256) is exchanged only with its verifier. The client
 * authenticates with its secret in the form or with HTTP Basic, as OAuth clients do.
 */

export interface OAuthClient {
  id: string;
  secret: string;
}

/** The OAuth application the simulator knows by default: demo mode's "Sign in with Netlify". */
export const DEMO_OAUTH_CLIENT: OAuthClient = { id: "switchyard-demo", secret: "switchyard-demo-secret" };

interface IssuedCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  codeChallenge: string | null;
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

/** Client credentials from HTTP Basic (client_secret_basic) or, failing that, from the form. */
function clientCredentials(request: IncomingMessage, form: Record<string, unknown>) {
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id = "", secret = ""] = Buffer.from(basic, "base64").toString("utf8").split(":");
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  return { id: String(form.client_id ?? ""), secret: String(form.client_secret ?? "") };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export class OAuthProvider {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly store: SimStore,
    private readonly clients: OAuthClient[],
  ) {}

  private client(id: string | null): OAuthClient | undefined {
    return this.clients.find((client) => client.id === id);
  }

  // GET /authorize?client_id&redirect_uri&response_type=code&state
  authorizePage(query: URLSearchParams): SimResponse {
    const client = this.client(query.get("client_id"));
    const redirectUri = query.get("redirect_uri") ?? "";
    const method = query.get("code_challenge_method");
    const pkceOk = !query.get("code_challenge") || method === "S256";
    if (!client || query.get("response_type") !== "code" || !URL.canParse(redirectUri) || !pkceOk) {
      return {
        status: 400,
        body: "Invalid authorization request",
        headers: { "content-type": "text/plain" },
      };
    }
    const users = [...this.store.users.values()];
    const hidden = ["client_id", "redirect_uri", "state", "code_challenge"]
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? "")}">`)
      .join("");
    const buttons = users
      .map(
        (user) =>
          `<button name="user_id" value="${escapeHtml(user.id)}">Authorize as ${escapeHtml(user.full_name)}</button>`,
      )
      .join("");
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize application</title></head>
<body style="font-family:system-ui;max-width:32rem;margin:4rem auto"><h1>Authorize ${escapeHtml(client.id)}</h1>
<p>This application wants to use your Netlify account (Netlify simulator).</p>
<form method="post" action="/authorize">${hidden}${buttons}</form></body></html>`;
    return { status: 200, body: html, headers: { "content-type": "text/html; charset=utf-8" } };
  }

  // POST /authorize — the one click: issue a code and send the browser back.
  async approve(request: IncomingMessage): Promise<SimResponse> {
    const form = await readJsonBody(request);
    const client = this.client(String(form.client_id ?? ""));
    const redirectUri = String(form.redirect_uri ?? "");
    const user = this.store.users.get(String(form.user_id ?? "")) ?? this.store.users.values().next().value;
    if (!client || !user || !URL.canParse(redirectUri)) {
      return {
        status: 400,
        body: "Invalid authorization request",
        headers: { "content-type": "text/plain" },
      };
    }
    const code = this.store.random.hex(40);
    this.codes.set(code, {
      userId: user.id,
      clientId: client.id,
      redirectUri,
      expiresAt: Date.now() + 10 * 60_000,
      codeChallenge: form.code_challenge ? String(form.code_challenge) : null,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    if (form.state) target.searchParams.set("state", String(form.state));
    return { status: 302, headers: { location: target.toString() } };
  }

  // POST /oauth/token (grant_type=authorization_code)
  async token(request: IncomingMessage): Promise<SimResponse> {
    const form = await readJsonBody(request);
    const invalid = (error: string, status = 400): SimResponse => ({ status, body: { error } });
    if (form.grant_type !== "authorization_code") return invalid("unsupported_grant_type");
    const credentials = clientCredentials(request, form);
    const client = this.client(credentials.id);
    if (!client || client.secret !== credentials.secret) return invalid("invalid_client", 401);
    const issued = this.codes.get(String(form.code ?? ""));
    this.codes.delete(String(form.code ?? ""));
    if (
      !issued ||
      issued.clientId !== client.id ||
      issued.redirectUri !== form.redirect_uri ||
      issued.expiresAt < Date.now() ||
      (issued.codeChallenge !== null && s256(String(form.code_verifier ?? "")) !== issued.codeChallenge)
    ) {
      return invalid("invalid_grant");
    }
    const accessToken = `nfp_sim_${this.store.random.hex(40)}`;
    this.store.tokens.set(accessToken, issued.userId);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: "Bearer",
        scope: "",
        created_at: Math.floor(Date.now() / 1000),
      },
    };
  }
}
