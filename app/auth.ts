import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { readClientAddress } from "@/lib/auth/client-address";
import { claimsFromToken } from "@/lib/auth/session-token";
import { getSignInLimiter } from "@/lib/auth/sign-in-limiter";
import { signInWithPassword } from "@/lib/auth/verify-credentials";
import { getPrisma } from "@/lib/db/database";

const credentialsInput = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

/** Thrown when too many sign-ins failed; the sign-in form picks its message from the code. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

// Sessions live in an encrypted JWT cookie, so socket.io can check the same cookie without a
// session table. The cookie carries the user's session version, and every request and socket
// event reloads the user (lib/auth/load-session-user.ts), so deactivation and "sign out
// everywhere" end a session at its next request.
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();

        const outcome = await signInWithPassword(getPrisma(), getSignInLimiter(), { ...parsed.data, address: readClientAddress(request.headers) });
        if (!outcome.ok) {
          if (outcome.reason === "rate_limited") throw new SignInRateLimited();
          throw new CredentialsSignin();
        }
        const { user } = outcome;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      const claims = claimsFromToken(token);
      if (claims) {
        session.user.id = claims.userId;
        (session.user as { sessionVersion?: number }).sessionVersion = claims.sessionVersion;
      }
      return session;
    },
  },
});
