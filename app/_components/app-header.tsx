import Link from "next/link";
import { signOutAction } from "@/app/_actions/sign-out";
import type { CurrentUser } from "@/app/_lib/session";
import { can } from "@/lib/auth/roles";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between px-6 py-3">
        <nav className="flex items-center gap-6">
          <Link href="/incidents" className="text-lg font-semibold tracking-tight">
            Runbridge
          </Link>
          {can(user.role, "user.manage") && (
            <Link href="/admin/users" className="text-sm text-slate-600 hover:text-slate-900">
              Users
            </Link>
          )}
          {can(user.role, "automation.configure") && (
            <Link href="/admin/automation" className="text-sm text-slate-600 hover:text-slate-900">
              Automation
            </Link>
          )}
          {can(user.role, "runbook.manage") && (
            <Link href="/runbooks" className="text-sm text-slate-600 hover:text-slate-900">
              Runbooks
            </Link>
          )}
          {can(user.role, "audit.view") && (
            <Link href="/admin/audit" className="text-sm text-slate-600 hover:text-slate-900">
              Audit log
            </Link>
          )}
        </nav>
        <div className="flex items-center gap-4 text-sm text-slate-600">
          <span data-testid="current-user">
            {user.name} · {user.role}
          </span>
          <SignOutEverywhereButton />
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
