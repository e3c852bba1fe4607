import Link from "next/link";
import { signOutAction } from "@/app/_actions/sign-out";
import type { CurrentUser } from "@/app/_lib/session";
import { can } from "@/lib/auth/roles";

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between px-6 py-3">
        <Link href="/incidents" className="text-lg font-semibold tracking-tight">
          Runbridge
        </Link>
        <div className="flex items-center gap-4 text-sm text-slate-600">
          {can(user.role, "automation.configure") && (
            <Link href="/admin/automation" className="hover:underline">
              Automation
            </Link>
          )}
          {can(user.role, "runbook.manage") && (
            <Link href="/runbooks" className="hover:underline">
              Runbooks
            </Link>
          )}
          <span data-testid="current-user">
            {user.name} · {user.role}
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
