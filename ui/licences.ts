// Makes `licences.json` when the UI is built (`npm run build`, the client
// bundle only): the licences of every Rust crate and npm package the app
// ships, for the About screen, which the shell hands over only when it opens.
//
// - Rust: `cargo about generate --format json` (cargo-about; the crates the
//   `vardskap` package links for this build's target, configured by
//   about.toml at the repository's root). scripts/setup-build.sh installs it.
// - npm: rollup-plugin-license, over the modules that actually went into the
//   bundle (Svelte's runtime is in it although Svelte is a devDependency;
//   the Svelte compiler and the test tools are not).
//
// Nothing here is written by hand and nothing is committed: every build lists
// what that build contains (cargo-about's part is cached in target/licences/
// until the lock file, a manifest or about.toml changes).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import license from 'rollup-plugin-license';
import type { ConfigEnv, Plugin, UserConfig } from 'vite';
import type { LicenceGroup, LicenceList, ShippedPackage } from './src/lib/about/licences';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What rollup-plugin-license says of a package in the bundle. */
interface NpmPackage {
  name: string | null;
  version: string | null;
  license: string | null;
  licenseText: string | null;
}

/** The part of cargo-about's JSON output read here. */
interface CargoAbout {
  licenses: { name: string; id: string; text: string; used_by: { crate: CratePackage }[] }[];
  crates: { package: CratePackage; license: string }[];
}
interface CratePackage {
  name: string;
  version: string;
  source?: string | null;
}

/** The host's target triple, so the crates listed are the ones this build links. */
function hostTarget(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('rustc', ['-vV'], (err, stdout) => {
      const host = /^host: (\S+)$/m.exec(stdout ?? '')?.[1];
      if (err || !host) reject(err ?? new Error('rustc -vV named no host'));
      else resolve(host);
    });
  });
}

/** Runs `cargo args…` in the repository and gives its stdout. */
function cargo(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('cargo', args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const missing = /no such command|no such subcommand/.test(stderr);
      reject(
        new Error(
          missing
            ? 'cargo-about is missing: run scripts/setup-build.sh (or `cargo install --locked cargo-about --features cli`)'
            : `cargo ${args.slice(0, 2).join(' ')} failed: ${stderr || err.message}`,
        ),
      );
    });
  });
}

/**
 * cargo-about's list for this build's target. Reading every crate's licence
 * files takes a minute or more, so the list is kept in target/licences/ under
 * a hash of everything it depends on (cargo-about's version, the target, the
 * lock file, the manifests and about.toml) and made again when one changes.
 */
async function cargoAbout(): Promise<CargoAbout> {
  const target = await hostTarget();
  const version = await cargo(['about', '--version']);
  const manifests = ['Cargo.lock', 'Cargo.toml', 'about.toml', 'src-tauri/Cargo.toml'];
  for (const crate of fs.readdirSync(path.join(ROOT, 'crates')).sort()) manifests.push(`crates/${crate}/Cargo.toml`);
  const hash = createHash('sha256').update(version).update(target);
  for (const file of manifests.filter((f) => fs.existsSync(path.join(ROOT, f)))) {
    hash.update(file).update(fs.readFileSync(path.join(ROOT, file)));
  }
  const dir = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'licences');
  const cached = path.join(dir, `cargo-about-${hash.digest('hex').slice(0, 20)}.json`);
  if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8')) as CargoAbout;

  const args = ['about', 'generate', '--format', 'json', '--frozen', '--fail'];
  args.push('--manifest-path', path.join(ROOT, 'src-tauri/Cargo.toml'), '--target', target);
  const json = await cargo(args);
  const list = JSON.parse(json) as CargoAbout;
  // Only the newest list is kept.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${cached}.new`, json);
  fs.renameSync(`${cached}.new`, cached);
  return list;
}

const nameVersion = (name: string, version: string) => `${name} ${version}`;
const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name);

/** The About screen's list from cargo-about's output and the npm packages in the bundle. */
export function licenceList(rust: CargoAbout, npm: NpmPackage[]): LicenceList {
  // The workspace's own crates (no registry source) are the app itself.
  const fromRegistry = (p: CratePackage) => Boolean(p.source);
  const packages: ShippedPackage[] = [
    ...rust.crates
      .filter((c) => fromRegistry(c.package))
      .map((c) => ({ name: c.package.name, version: c.package.version, licence: c.license, kind: 'crate' as const })),
    ...npm
      .filter((p) => p.name)
      .map((p) => ({ name: p.name ?? '', version: p.version ?? '', licence: p.license ?? 'UNKNOWN', kind: 'npm' as const })),
  ].sort((a, b) => byName(a, b) || a.version.localeCompare(b.version));

  const groups = new Map<string, LicenceGroup>();
  const group = (id: string, name: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, name, texts: [] }));
    return g;
  };
  /** Adds `user` to the group's entry for `text`, one entry per distinct text. */
  const add = (g: LicenceGroup, text: string | null, user: string) => {
    let entry = g.texts.find((t) => t.text === text);
    if (!entry) g.texts.push((entry = { text, usedBy: [] }));
    if (!entry.usedBy.includes(user)) entry.usedBy.push(user);
  };
  for (const l of rust.licenses) {
    for (const used of l.used_by.filter((u) => fromRegistry(u.crate))) {
      add(group(l.id, l.name), l.text, nameVersion(used.crate.name, used.crate.version));
    }
  }
  for (const p of npm) {
    if (!p.name) continue;
    const id = p.license ?? 'UNKNOWN';
    add(group(id, groups.get(id)?.name ?? id), p.licenseText?.trim() || null, nameVersion(p.name, p.version ?? ''));
  }
  const licences = [...groups.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const g of licences) g.texts.forEach((t) => t.usedBy.sort());
  return { packages, licences };
}

/** Only `vite build` (not dev, not an SSR build). */
const clientBuild = (_config: UserConfig, env: ConfigEnv) => env.command === 'build' && !env.isSsrBuild;

/** The Vite plugins that list the licences and emit `licences.json` into the build. */
export function licences(): Plugin[] {
  let npm: NpmPackage[] = [];
  let rust: Promise<CargoAbout> | null = null;
  return [
    {
      // A Rollup plugin, which Vite (on Rolldown) runs as its own.
      ...(license({
        thirdParty: {
          includePrivate: false,
          output: (deps: NpmPackage[]) => {
            npm = deps;
          },
        },
      }) as unknown as Plugin),
      apply: clientBuild,
    },
    {
      name: 'vardskap-licences',
      apply: clientBuild,
      buildStart() {
        // cargo-about runs while the bundle is made.
        rust = cargoAbout();
        rust.catch(() => {});
      },
      async generateBundle() {
        if (!rust) throw new Error('cargo-about was not started');
        const list = licenceList(await rust, npm);
        this.emitFile({ type: 'asset', fileName: 'licences.json', source: JSON.stringify(list) });
      },
    },
  ];
}
