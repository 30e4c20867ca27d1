import { NetlifyApiError } from "./errors";

/*
 * What a person reads when a Netlify call fails, modelled on Netlify's own client: a sentence
 * that says what happened and what to do next. Upstream error bodies are written for other
 * programs (or are HTML error pages), so they are never shown; the one exception is a 422,
 * whose message upstream writes for people ("prompt is too long").
 */

const maxUpstreamSentence = 300;

const clientSentences: Record<string, string> = {
  timeout: "Netlify did not answer in time. Try again in a moment.",
  network_error: "Could not reach Netlify. Check the network connection, then try again.",
  unexpected_redirect:
    "Netlify answered with a redirect, which is never followed. Check the configured Netlify API URL.",
  invalid_response:
    "Netlify sent an answer that could not be read. Try again; if it keeps happening, Netlify may have changed its API.",
  invalid_path: "That runner or session id is not valid.",
  upload_refused: "Netlify's file storage did not take the file. Try again in a moment.",
};

const generic = "Something went wrong while talking to Netlify. Try again in a moment.";

/** One sentence a person can act on, for any error a Netlify call can throw. */
export function describeNetlifyError(error: unknown): string {
  if (!(error instanceof NetlifyApiError)) return generic;
  const clientSentence = error.errorCode ? clientSentences[error.errorCode] : undefined;
  if (clientSentence) return clientSentence;
  const { status, errorCode } = error;
  switch (status) {
    case 401:
      return "Netlify refused the access token. Reconnect your Netlify account in Settings.";
    case 403:
      if (errorCode === "ai_credit_limit_disabled")
        return "Your AI credit limit on this team is 0, so you cannot start runs. Ask a team owner to raise it.";
      return "Netlify refused: this team's plan cannot use Agent Runners, or the team is out of AI credits.";
    case 404:
      return "Agent Runners are not enabled for this site, or the run was not found.";
    case 409:
      if (errorCode === "active_session_exists")
        return "This run already has a session in progress (working, or waiting for an answer). Wait for it to finish, answer it, or stop it before sending another prompt.";
      if (errorCode === "follow_up_unavailable")
        return "This run has been published or is publishing, so it takes no more prompts. Start a new run instead.";
      return "The run changed on Netlify in the meantime. Refresh, then try again.";
    case 422:
      return upstreamSentence(error.message) ?? "Netlify could not carry out this request as it stands.";
    case 429:
      if (errorCode === "ai_credit_limit_exceeded")
        return "The team is out of AI credits, or has reached the limit its owner set. Ask a team owner to add credits.";
      if (errorCode === "ai_credit_limit_reached")
        return "You have reached your personal AI credit limit on this team. Ask a team owner to raise it.";
      return "Too many runs are active on this team at once. Wait for one to finish, then try again.";
  }
  if (status >= 500)
    return `Netlify is having trouble right now (status ${status}). Try again in a few minutes.`;
  if (status === 400) return "Netlify did not accept this request. Check what was entered, then try again.";
  return `Netlify could not carry out this request (status ${status}).`;
}

/** The upstream 422 message, tidied into one sentence; undefined when there is nothing to show. */
function upstreamSentence(message: string): string | undefined {
  const text = message.replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  const clipped = text.length > maxUpstreamSentence ? `${text.slice(0, maxUpstreamSentence - 1)}…` : text;
  const sentence = clipped.charAt(0).toUpperCase() + clipped.slice(1);
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}
