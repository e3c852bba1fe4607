import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_lib/session";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/incidents");

  return (
    <main className="mx-auto mt-24 max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Runbridge</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to command or follow an incident.</p>
      <SignInForm />
    </main>
  );
}
