import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { AutomationSettingsForm } from "@/components/admin/automation-settings-form";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { loadAutomationSettings } from "@/lib/executors/automation-settings";
import { listSecretNames, readSecrets } from "@/lib/executors/secrets";

export const dynamic = "force-dynamic";

export default async function AutomationSettingsPage() {
  const user = await requireUser();
  if (!can(user.role, "automation.configure")) redirect("/incidents");

  const settings = await loadAutomationSettings(getPrisma());
  const secretNames = listSecretNames(readSecrets());

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Automation settings</h1>
        <p className="mt-1 text-slate-600">
          What automated steps may contact and run. Every list starts empty, so nothing runs until you allow it here.
        </p>
        <p className="mt-2 text-sm">
          <Link href="/admin/automation/steps" className="text-slate-700 underline">
            Runbook steps
          </Link>{" "}
          sets how each step of the runbook runs in new incidents.
        </p>
        <AutomationSettingsForm initial={settings} />
        <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Secrets</h2>
          <p className="mt-1 text-sm text-slate-600">
            Steps refer to a secret as <code>$NAME</code>. Set it on the server as the environment variable <code>RUNBRIDGE_SECRET_NAME</code> and
            restart; values never leave the server and are redacted from output.
          </p>
          <ul data-testid="secret-names" className="mt-2 flex flex-wrap gap-2 text-sm">
            {secretNames.length === 0 && <li className="text-slate-500">No secrets are configured.</li>}
            {secretNames.map((name) => (
              <li key={name} className="rounded bg-slate-100 px-2 py-0.5 font-mono">
                ${name}
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
