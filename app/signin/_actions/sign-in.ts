"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/app/auth";

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
    if (error instanceof AuthError) {
      return { error: "Email or password is wrong, or the account is deactivated." };
    }
    throw error;
  }
}
