"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/app/auth";
import { readClientAddress } from "@/lib/auth/client-address";
import { getSignInLimiter } from "@/lib/auth/sign-in-limiter";
import { describeSignInBlock } from "@/lib/auth/verify-credentials";

export interface SignInState {
  error: string | null;
}

/** Signs in with email and password; on success next-auth redirects to the incident list. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) {
    return { error: "Enter both your email and your password." };
  }

  try {
    await signIn("credentials", { email, password, redirectTo: "/incidents" });
    return { error: null };
  } catch (error) {
    // next-auth signals the successful redirect by throwing too; only AuthError is a failure.
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const block = getSignInLimiter().check(email, readClientAddress(await headers()));
      return { error: describeSignInBlock(block?.scope ?? "account", block?.retryAfterMs ?? 60_000) };
    }
    if (error instanceof AuthError) {
      return { error: "Email or password is wrong, or the account is deactivated." };
    }
    throw error;
  }
}
