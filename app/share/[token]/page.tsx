import type { Metadata } from "next";
import { headers } from "next/headers";
import { StakeholderStatus } from "@/components/stakeholder/stakeholder-status";
import { readClientAddress } from "@/lib/auth/client-address";
import { authorize } from "@/lib/auth/gate";
import { getPrisma } from "@/lib/db/database";
import { getStakeholderView } from "@/lib/incident/get-stakeholder-view";
import { resolveShareToken } from "@/lib/share/resolve-share-token";

export const dynamic = "force-dynamic";

// The token is in the address: no referrer may carry it to another site, and no search engine may keep it.
export const metadata: Metadata = { title: "Incident status · Runbridge", referrer: "no-referrer", robots: { index: false, follow: false } };

/** Renders the stakeholder view for a visitor without an account, opened with a share link. */
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const prisma = getPrisma();
  const caller = await resolveShareToken(prisma, token, readClientAddress(await headers()));

  if (!caller) {
    return (
      <main className="mx-auto max-w-3xl px-6 py-16">
        <div role="alert" data-testid="access-ended" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
          <h1 className="text-lg font-semibold">This status page is not available</h1>
          <p className="mt-2 text-sm">The share link is wrong, was revoked, or has expired. Ask the incident commander for a new link.</p>
        </div>
      </main>
    );
  }

  await authorize(prisma, caller, { permission: "incident.watch", incidentId: caller.incidentId, operation: "page /share/[token]" });
  const view = await getStakeholderView(prisma, caller.incidentId, { showNames: caller.showNames });

  return <StakeholderStatus initial={view} shareToken={token} />;
}
