"use client";

import { useState, useTransition, type FormEvent } from "react";
import { changeUserRoleAction } from "@/app/admin/_actions/change-user-role";
import { createUserAction } from "@/app/admin/_actions/create-user";
import { endUserSessionsAction } from "@/app/admin/_actions/end-user-sessions";
import { resetUserPasswordAction } from "@/app/admin/_actions/reset-user-password";
import { setUserActiveAction } from "@/app/admin/_actions/set-user-active";
import type { UserSummary } from "@/lib/auth/list-users";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";

type Result = { ok: true } | { ok: false; error: { message: string } };
type Notice = { kind: "ok" | "error"; text: string } | null;

/** Admin page body: create users, and change, reset, deactivate or sign out existing ones. */
export function UserAdmin({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice>(null);

  function run(action: () => Promise<Result>, success: string, onSuccess?: () => void) {
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok) {
          setNotice({ kind: "ok", text: success });
          onSuccess?.();
        } else {
          setNotice({ kind: "error", text: result.error.message });
        }
      } catch {
        setNotice({ kind: "error", text: "The server could not be reached, so nothing was changed. Check your connection and try again." });
      }
    });
  }

  return (
    <div className="space-y-8">
      <CreateUserForm pending={pending} run={run} />

      {notice && (
        <p role={notice.kind === "error" ? "alert" : "status"} className={notice.kind === "error" ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800"}>
          {notice.text}
        </p>
      )}

      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-100 text-xs uppercase text-slate-600">
          <tr>
            <th className="px-4 py-2">User</th>
            <th className="px-4 py-2">Role</th>
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} pending={pending} run={run} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  pending: boolean;
  run: (action: () => Promise<Result>, success: string, onSuccess?: () => void) => void;
}

function CreateUserForm({ pending, run }: RowProps) {
  const [form, setForm] = useState({ email: "", name: "", password: "", role: "responder" });

  function submit(event: FormEvent) {
    event.preventDefault();
    run(
      () => createUserAction({ ...form, role: form.role as (typeof ROLES)[number] }),
      `Created ${form.email}. Give them the password over a separate channel.`,
      () => setForm({ email: "", name: "", password: "", role: "responder" }),
    );
  }

  return (
    <form onSubmit={submit} aria-label="Create user" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[1fr_1fr_1fr_10rem_auto] md:items-end">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Email</span>
        <input required type="email" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Name</span>
        <input required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Initial password</span>
        <input
          required
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          value={form.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Role</span>
        <select value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value })} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        Create user
      </button>
    </form>
  );
}

function UserRow({ user, isSelf, pending, run }: RowProps & { user: UserSummary; isSelf: boolean }) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState("");

  return (
    <tr data-testid="user-row" data-email={user.email} data-user-id={user.id} className="border-t border-slate-100 align-top">
      <td className="px-4 py-3">
        <div className="font-medium text-slate-900">{user.name}</div>
        <div className="text-slate-500">{user.email}</div>
      </td>
      <td className="px-4 py-3">
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={pending}
          onChange={(event) => {
            const role = event.target.value as (typeof ROLES)[number];
            run(() => changeUserRoleAction({ userId: user.id, role }), `${user.email} is now ${ROLE_LABELS[role]}.`);
          }}
          className="rounded-md border border-slate-300 px-2 py-1"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-4 py-3">
        <span data-testid="user-status" className={user.active ? "text-emerald-700" : "text-slate-500"}>
          {user.active ? "Active" : "Deactivated"}
        </span>
      </td>
      <td className="space-y-2 px-4 py-3">
        <div className="flex flex-wrap gap-2">
          {user.active ? (
            <button
              type="button"
              disabled={pending || isSelf}
              title={isSelf ? "You cannot deactivate yourself." : undefined}
              onClick={() => run(() => setUserActiveAction({ userId: user.id, active: false }), `${user.email} is deactivated; their sessions ended.`)}
              className="rounded-md border border-red-300 px-3 py-1 text-red-700 disabled:opacity-50"
            >
              Deactivate
            </button>
          ) : (
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => setUserActiveAction({ userId: user.id, active: true }), `${user.email} is active again.`)}
              className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
            >
              Reactivate
            </button>
          )}
          <button type="button" disabled={pending} onClick={() => setResetting(!resetting)} className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50">
            Reset password
          </button>
          <button
            type="button"
            disabled={pending || !user.active}
            onClick={() => run(() => endUserSessionsAction({ userId: user.id }), `Every session of ${user.email} ended.`)}
            className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
          >
            End sessions
          </button>
        </div>
        {resetting && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              run(() => resetUserPasswordAction({ userId: user.id, password }), `New password set for ${user.email}; their sessions ended.`, () => {
                setPassword("");
                setResetting(false);
              });
            }}
            className="flex gap-2"
          >
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-label={`New password for ${user.email}`}
              placeholder={`New password (${MIN_PASSWORD_LENGTH}+ characters)`}
              className="flex-1 rounded-md border border-slate-300 px-2 py-1"
            />
            <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1 text-white disabled:opacity-50">
              Set password
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
