import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { RunbridgeError } from "../errors";
import { findBlockedAddressReason, isHostAllowed } from "./address-policy";
import { RunCancelledError, type ExecutorContext, type ExecutorOutcome } from "./executor";
import { resolveSecretReferences } from "./secrets";
import type { HttpCheckParams } from "./step-kinds";

const MAX_REDIRECTS = 5;
/** Response bytes read for the body match and the output; the rest is discarded. */
const MAX_BODY_BYTES = 256 * 1024;

interface HttpResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  bodyBytes: number;
  remoteAddress: string | undefined;
}

/**
 * Sends one HTTP request and follows redirects. Every URL, the first and each redirect target,
 * must be http(s) on an allowlisted host, and every address its name resolves to is checked
 * at connect time, so a DNS answer cannot point an allowlisted name at a metadata address.
 */
export async function runHttpCheck(params: HttpCheckParams, context: ExecutorContext): Promise<ExecutorOutcome> {
  let url = parseUrl(resolveSecretReferences(params.url, context.secrets), params.url);
  let method = params.method;
  const startedAt = performance.now();

  for (let redirects = 0; ; redirects += 1) {
    checkUrlAllowed(url, context.settings.httpAllowedHosts, redirects > 0);
    context.write("info", `${method} ${redactedUrl(url)}\n`);

    const response = await sendRequest(url, method, params.timeoutSeconds * 1_000, context.signal);
    context.write("stdout", `HTTP ${response.status} ${response.statusText} from ${response.remoteAddress ?? "?"}\n`);
    for (const [name, value] of Object.entries(response.headers)) {
      context.write("stdout", `${name}: ${Array.isArray(value) ? value.join(", ") : value}\n`);
    }

    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location && response.status !== params.expectedStatus) {
      if (redirects >= MAX_REDIRECTS) {
        return { succeeded: false, verdict: `More than ${MAX_REDIRECTS} redirects; last one to ${location}` };
      }
      url = parseUrl(new URL(location, url).toString(), location);
      if (response.status === 303) method = "GET";
      context.write("info", `redirected to ${redactedUrl(url)}\n`);
      continue;
    }

    if (response.body) context.write("stdout", `\n${response.body}${response.body.endsWith("\n") ? "" : "\n"}`);
    if (response.bodyBytes > MAX_BODY_BYTES) context.write("info", `[body cut after ${MAX_BODY_BYTES} bytes]\n`);

    const elapsedMs = Math.round(performance.now() - startedAt);
    const result = { status: response.status, url: redactedUrl(url), elapsedMs };
    if (response.status !== params.expectedStatus) {
      return { succeeded: false, verdict: `HTTP ${response.status}, expected ${params.expectedStatus} (${elapsedMs} ms)`, result };
    }
    if (params.bodyMatch && !response.body.includes(params.bodyMatch)) {
      return { succeeded: false, verdict: `HTTP ${response.status} but the body does not contain "${params.bodyMatch}" (${elapsedMs} ms)`, result };
    }
    return { succeeded: true, verdict: `HTTP ${response.status} as expected (${elapsedMs} ms)`, result };
  }
}

function parseUrl(text: string, shown: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new RunbridgeError("INVALID_INPUT", `URL "${shown}" is not a valid address: write it in full, for example https://shop.example.com/api/health.`);
  }
}

// The URL without user info, so a password in it never reaches the output.
function redactedUrl(url: URL): string {
  const copy = new URL(url);
  copy.username = "";
  copy.password = "";
  return copy.toString();
}

function checkUrlAllowed(url: URL, allowedHosts: readonly string[], isRedirect: boolean): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RunbridgeError("FORBIDDEN", `${isRedirect ? "Redirect to" : "URL"} ${redactedUrl(url)} refused: only http and https are allowed.`);
  }
  const blockedReason = findBlockedAddressReason(url.hostname.replace(/^\[(.*)\]$/, "$1"));
  if (blockedReason && !blockedReason.endsWith("is not an IP address")) {
    throw new RunbridgeError("FORBIDDEN", `${isRedirect ? "Redirect to" : "URL"} ${redactedUrl(url)} refused: ${blockedReason}.`);
  }
  if (!isHostAllowed(url.hostname, allowedHosts)) {
    const list = allowedHosts.length ? `the allowed hosts are ${allowedHosts.join(", ")}` : "the HTTP allowlist is empty";
    throw new RunbridgeError(
      "FORBIDDEN",
      `${isRedirect ? "Redirect to" : "Host"} ${url.hostname}${isRedirect ? ` (${redactedUrl(url)})` : ""} refused: it is not on the HTTP check allowlist (${list}). An admin can add it under Automation settings.`,
    );
  }
}

// Resolves like the default lookup, then refuses blocked addresses before connecting.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, "", 0);
      return;
    }
    const list = addresses as dns.LookupAddress[];
    for (const entry of list) {
      const reason = findBlockedAddressReason(entry.address);
      if (reason) {
        callback(Object.assign(new Error(`${hostname} resolves to ${reason}`), { code: "EBLOCKEDADDRESS" }), "", 0);
        return;
      }
    }
    if (options.all) callback(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  });
};

function sendRequest(url: URL, method: string, timeoutMs: number, signal: AbortSignal): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new RunCancelledError());
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, { method, lookup: guardedLookup, timeout: timeoutMs, headers: { "user-agent": "Runbridge-HTTP-check" }, agent: false });

    const deadline = setTimeout(() => request.destroy(Object.assign(new Error(`timed out after ${timeoutMs / 1_000} s`), { code: "ETIMEDOUT" })), timeoutMs);
    const onAbort = () => request.destroy(new RunCancelledError());
    signal.addEventListener("abort", onAbort, { once: true });
    const finish = () => {
      clearTimeout(deadline);
      signal.removeEventListener("abort", onAbort);
    };

    request.on("timeout", () => request.destroy(Object.assign(new Error(`no response within ${timeoutMs / 1_000} s`), { code: "ETIMEDOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) => {
      finish();
      if (error instanceof RunCancelledError) {
        reject(error);
        return;
      }
      const reason = error.code === "EBLOCKEDADDRESS" ? `refused: ${error.message}` : `${error.code ?? "error"}: ${error.message}`;
      reject(new RunbridgeError("INVALID_INPUT", `${method} ${redactedUrl(url)} failed (${reason}).`));
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let bodyBytes = 0;
      response.on("data", (chunk: Buffer) => {
        if (bodyBytes < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - bodyBytes));
        bodyBytes += chunk.length;
      });
      response.on("end", () => {
        finish();
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? "",
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          bodyBytes,
          remoteAddress: response.socket?.remoteAddress,
        });
      });
      response.on("error", (error) => {
        finish();
        reject(new RunbridgeError("INVALID_INPUT", `Reading the response of ${redactedUrl(url)} failed: ${error.message}.`));
      });
    });
    request.end();
  });
}
