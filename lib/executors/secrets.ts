// Secrets for automated steps. A step refers to a secret as `$NAME` or `${NAME}`; the server
// resolves it from the environment variable RUNBRIDGE_SECRET_NAME just before the run. Values
// never leave the server process: summaries and the timeline keep the reference, and output
// that contains a value is redacted.
import { RunbridgeError } from "../errors";

const SECRET_PREFIX = "RUNBRIDGE_SECRET_";
const REFERENCE = /\$(?:\{([A-Z][A-Z0-9_]*)\}|([A-Z][A-Z0-9_]*))/g;

export type SecretValues = ReadonlyMap<string, string>;

/** Reads the configured secrets (RUNBRIDGE_SECRET_*) from an environment. */
export function readSecrets(env: NodeJS.ProcessEnv = process.env): SecretValues {
  const secrets = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(SECRET_PREFIX) && value) secrets.set(key.slice(SECRET_PREFIX.length), value);
  }
  return secrets;
}

/** Names of the secrets configured, for the admin page; never the values. */
export function listSecretNames(secrets: SecretValues): string[] {
  return [...secrets.keys()].sort();
}

/**
 * Replaces every `$NAME` and `${NAME}` with the secret's value. Only upper-case names are
 * references, so `$1` and `$home` stay as they are. An unknown name is an error, because a
 * check that runs with the literal text "$DB_PASSWORD" fails in confusing ways.
 */
export function resolveSecretReferences(text: string, secrets: SecretValues): string {
  return text.replace(REFERENCE, (_match, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = secrets.get(name);
    if (value === undefined) {
      throw new RunbridgeError(
        "INVALID_INPUT",
        `Secret $${name} is not configured: set the environment variable ${SECRET_PREFIX}${name} on the server and restart it.`,
      );
    }
    return value;
  });
}

/** Replaces every occurrence of a secret value with `[redacted $NAME]`, longest values first. */
export function redactSecrets(text: string, secrets: SecretValues): string {
  let result = text;
  const byLength = [...secrets.entries()].filter(([, value]) => value.length > 0).sort((a, b) => b[1].length - a[1].length);
  for (const [name, value] of byLength) {
    result = result.split(value).join(`[redacted $${name}]`);
  }
  return result;
}

/** Redacts every string inside plain JSON data (objects, arrays, strings). */
export function redactSecretsDeep<T>(value: T, secrets: SecretValues): T {
  if (typeof value === "string") return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecretsDeep(item, secrets)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSecretsDeep(item, secrets)])) as T;
  }
  return value;
}

/**
 * Redacts a stream that arrives in chunks. A secret split across two chunks is still caught:
 * a chunk's tail that could be the start of a secret is held back until the next chunk or
 * `end`, and everything else is emitted at once.
 */
export class StreamRedactor {
  private pending = "";
  private readonly values: string[];

  constructor(private readonly secrets: SecretValues) {
    this.values = [...secrets.values()].filter((value) => value.length > 1);
  }

  /** Returns the redacted text that is safe to emit now. */
  push(chunk: string): string {
    const text = redactSecrets(this.pending + chunk, this.secrets);
    const hold = this.partialSecretLength(text);
    this.pending = text.slice(text.length - hold);
    return text.slice(0, text.length - hold);
  }

  /** Returns whatever is still held back, redacted. */
  end(): string {
    const rest = redactSecrets(this.pending, this.secrets);
    this.pending = "";
    return rest;
  }

  // Length of the longest end of `text` that is the beginning of a secret value.
  private partialSecretLength(text: string): number {
    let longest = 0;
    for (const value of this.values) {
      for (let length = Math.min(value.length - 1, text.length); length > longest; length -= 1) {
        if (text.endsWith(value.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
