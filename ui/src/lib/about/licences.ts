// The licences of what the app ships, as `licences.json` holds them. The file
// is made when the UI is built (ui/licences.ts: cargo-about for the Rust
// crates, rollup-plugin-license for the npm packages in the bundle) and read
// from the shell only when the About screen opens.

/** A Rust crate or an npm package in the app. */
export interface ShippedPackage {
  name: string;
  version: string;
  /** The licence as the package declares it (an SPDX expression). */
  licence: string;
  kind: 'crate' | 'npm';
}

/**
 * One licence's texts, each with the packages it comes with ("name version");
 * `text` is null for packages that ship no licence text of their own.
 */
export interface LicenceGroup {
  id: string;
  name: string;
  texts: { text: string | null; usedBy: string[] }[];
}

export interface LicenceList {
  packages: ShippedPackage[];
  licences: LicenceGroup[];
}

/** The list in `json`, checked for its shape; throws on anything else. */
export function parseLicences(json: string): LicenceList {
  const list: unknown = JSON.parse(json);
  const ok =
    typeof list === 'object' &&
    list !== null &&
    Array.isArray((list as LicenceList).packages) &&
    Array.isArray((list as LicenceList).licences);
  if (!ok) throw new Error('licences.json has no packages and licences');
  return list as LicenceList;
}

/** The packages whose name or licence contains `query` (any case); all when it is blank. */
export function filterPackages(packages: ShippedPackage[], query: string): ShippedPackage[] {
  const q = query.trim().toLowerCase();
  if (!q) return packages;
  return packages.filter((p) => p.name.toLowerCase().includes(q) || p.licence.toLowerCase().includes(q));
}

/** How many packages a licence's texts come with. */
export function usedByCount(group: LicenceGroup): number {
  return group.texts.reduce((n, text) => n + text.usedBy.length, 0);
}

/** How many crates and npm packages the list holds. */
export function counts(list: LicenceList): { crates: number; npm: number } {
  const crates = list.packages.filter((p) => p.kind === 'crate').length;
  return { crates, npm: list.packages.length - crates };
}
