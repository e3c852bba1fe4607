import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/app/auth";
import { getPrisma } from "@/lib/db/database";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** Loads the signed-in, active user for this request, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;

  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
