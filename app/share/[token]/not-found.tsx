/** Renders the page for a share link that is wrong, revoked or expired. */
export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <div role="alert" data-testid="access-ended" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
        <h1 className="text-lg font-semibold">This status page is not available</h1>
        <p className="mt-2 text-sm">The share link is wrong, was revoked, or has expired. Ask the incident commander for a new link.</p>
      </div>
    </main>
  );
}
