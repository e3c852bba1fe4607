// Counts failed sign-ins per account and per network address in a sliding window and blocks
// further attempts once either count reaches its limit.
//
// NOTE: the counts live in this process's memory. They reset on restart, and several
// processes behind a load balancer each allow the full limit.

export interface SignInLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  windowMs: 15 * 60 * 1000,
};

// Bounds memory when someone tries many different emails or addresses.
const MAX_TRACKED_KEYS = 50_000;

export type SignInBlock = { scope: "account" | "address"; retryAfterMs: number };

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {}

  /** Returns why a sign-in for this email from this address is blocked now, or null. */
  check(email: string, address: string, now = Date.now()): SignInBlock | null {
    const account = this.recent(accountKey(email), now);
    if (account.length >= this.limits.maxFailuresPerAccount) {
      return { scope: "account", retryAfterMs: account[0] + this.limits.windowMs - now };
    }
    const fromAddress = this.recent(addressKey(address), now);
    if (fromAddress.length >= this.limits.maxFailuresPerAddress) {
      return { scope: "address", retryAfterMs: fromAddress[0] + this.limits.windowMs - now };
    }
    return null;
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    for (const key of [accountKey(email), addressKey(address)]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
    if (this.failures.size > MAX_TRACKED_KEYS) this.evict(now);
  }

  /** Clears the account's failures after a successful sign-in; the address count stays. */
  recordSuccess(email: string): void {
    this.failures.delete(accountKey(email));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((time) => time > now - this.limits.windowMs);
  }

  private evict(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((time) => time <= now - this.limits.windowMs)) this.failures.delete(key);
    }
    // Still too many keys inside the window: drop the oldest-inserted ones.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED_KEYS) break;
      this.failures.delete(key);
    }
  }
}

function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `address:${address}`;
}

const LIMITER_KEY = Symbol.for("runbridge.signInLimiter");

/**
 * Returns the process-wide limiter. It lives on globalThis because Next bundles the sign-in
 * route and the sign-in server action separately, and both must count the same failures.
 */
export function getSignInLimiter(): SignInLimiter {
  const holder = globalThis as typeof globalThis & { [LIMITER_KEY]?: SignInLimiter };
  holder[LIMITER_KEY] ??= new SignInLimiter();
  return holder[LIMITER_KEY];
}
