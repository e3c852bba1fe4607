import { AppHeader } from "@/app/_components/app-header";
import { pageAllows, requireUser } from "@/app/_lib/session";
import { UserAdmin } from "@/components/admin/user-admin";
import { listUsers } from "@/lib/auth/list-users";
import { getPrisma } from "@/lib/db/database";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requireUser();

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <h1 className="mb-6 text-2xl font-semibold">Users</h1>
        {(await pageAllows(user, "user.manage", "page /admin/users")) ? (
          <UserAdmin users={await listUsers(getPrisma())} currentUserId={user.id} />
        ) : (
          <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-red-800">
            Only admins manage users. Your role is {user.role}.
          </p>
        )}
      </main>
    </>
  );
}
