// Addresses that HTTP checks must never reach, even when an admin put their host on the
// allowlist: link-local ranges (which include the cloud metadata service at 169.254.169.254),
// the metadata addresses that clouds serve outside link-local, and the unspecified address.
import net from "node:net";

const blocked = new net.BlockList();
blocked.addSubnet("169.254.0.0", 16, "ipv4");
blocked.addAddress("100.100.100.200", "ipv4");
blocked.addSubnet("0.0.0.0", 8, "ipv4");
blocked.addSubnet("fe80::", 10, "ipv6");
blocked.addAddress("fd00:ec2::254", "ipv6");
blocked.addAddress("::", "ipv6");

/** Returns why an IP address is refused, or null when HTTP checks may connect to it. */
export function findBlockedAddressReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 0) return `${address} is not an IP address`;

  // IPv4-mapped IPv6 (::ffff:169.254.169.254) is checked as the IPv4 address it maps to.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return findBlockedAddressReason(mapped[1]!);

  if (blocked.check(address, family === 4 ? "ipv4" : "ipv6")) {
    return `${address} is a link-local, metadata or unspecified address, which checks never contact`;
  }
  return null;
}

/** True when `host` (as in a URL, IPv6 in brackets) is on the allowlist, compared without case. */
export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  const normalized = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return allowedHosts.some((allowed) => allowed.toLowerCase().replace(/^\[(.*)\]$/, "$1") === normalized);
}
