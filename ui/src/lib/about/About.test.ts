// The About screen: the app's and the course's versions, the data folder, and
// the licence list made at build time (merged from cargo-about and the npm
// packages in the bundle), filterable, each licence's text shown on demand.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/index.svelte';
import { licenceList } from '../../../licences';
import About from './About.svelte';
import { counts, filterPackages, parseLicences, usedByCount } from './licences';

afterEach(() => {
  cleanup();
  clearMocks();
});

const registry = 'registry+https://github.com/rust-lang/crates.io-index';
const serde = { name: 'serde', version: '1.0.0', source: registry };
const tauri = { name: 'tauri', version: '2.0.0', source: registry };
const own = { name: 'vardskap-core', version: '0.1.0', source: null };

const list = licenceList(
  {
    crates: [
      { package: serde, license: 'MIT OR Apache-2.0' },
      { package: tauri, license: 'Apache-2.0 OR MIT' },
      { package: own, license: 'MIT' },
    ],
    licenses: [
      { name: 'MIT License', id: 'MIT', text: 'MIT text, serde', used_by: [{ crate: serde }, { crate: own }] },
      { name: 'Apache License 2.0', id: 'Apache-2.0', text: 'Apache text', used_by: [{ crate: tauri }] },
    ],
  },
  [
    { name: 'svelte', version: '5.0.0', license: 'MIT', licenseText: 'MIT text, svelte' },
    { name: '@fluent/bundle', version: '0.19.1', license: 'Apache-2.0', licenseText: null },
  ],
);

describe('the licence list made at build time', () => {
  it('lists the crates from crates.io and the npm packages by name, not the workspace’s own crates', () => {
    expect(list.packages.map((p) => `${p.kind} ${p.name} ${p.licence}`)).toEqual([
      'npm @fluent/bundle Apache-2.0',
      'crate serde MIT OR Apache-2.0',
      'npm svelte MIT',
      'crate tauri Apache-2.0 OR MIT',
    ]);
    expect(counts(list)).toEqual({ crates: 2, npm: 2 });
  });

  it('groups the texts by licence, one entry per distinct text, and keeps a package without a text', () => {
    const mit = list.licences.find((g) => g.id === 'MIT');
    expect(mit?.name).toBe('MIT License');
    expect(mit?.texts).toEqual([
      { text: 'MIT text, serde', usedBy: ['serde 1.0.0'] },
      { text: 'MIT text, svelte', usedBy: ['svelte 5.0.0'] },
    ]);
    const apache = list.licences.find((g) => g.id === 'Apache-2.0');
    expect(apache?.texts).toEqual([
      { text: 'Apache text', usedBy: ['tauri 2.0.0'] },
      { text: null, usedBy: ['@fluent/bundle 0.19.1'] },
    ]);
    expect(usedByCount(apache!)).toBe(2);
  });

  it('filters by name or licence, in any case', () => {
    expect(filterPackages(list.packages, ' SERDE ').map((p) => p.name)).toEqual(['serde']);
    expect(filterPackages(list.packages, 'apache').map((p) => p.name)).toEqual(['@fluent/bundle', 'serde', 'tauri']);
    expect(filterPackages(list.packages, '')).toHaveLength(4);
  });

  it('refuses a file of another shape', () => {
    expect(() => parseLicences('{"packages": 1}')).toThrow();
    expect(parseLicences(JSON.stringify(list)).packages).toHaveLength(4);
  });
});

function serve(licences: string | null) {
  mockIPC((cmd, args) => {
    if (cmd === 'about_app') {
      const { lang } = args as { lang: string };
      return {
        appVersion: '0.1.0',
        course: { id: 'gott-vardskap', title: lang === 'sv' ? 'Gott värdskap' : 'Good hosting', version: '1.2.0' },
        dataDir: '/home/elin/.local/share/se.boras.vardskap',
      };
    }
    if (cmd === 'licences') {
      if (licences === null) throw { kind: 'NotFound', message: 'This build has no licences.json' };
      return licences;
    }
    throw new Error(`unexpected command ${cmd}`);
  });
}

describe('the About screen', () => {
  it('shows the versions, the course and the data folder, and the licences on demand', async () => {
    serve(JSON.stringify(list));
    i18n.locale = 'en';
    render(About);
    expect((await screen.findByText('Good hosting, version 1.2.0')).dataset.testid).toBe('about-course');
    expect(screen.getByTestId('about-version').textContent).toBe('0.1.0');
    expect(screen.getByTestId('about-data-dir').textContent).toBe('/home/elin/.local/share/se.boras.vardskap');
    const rows = await screen.findAllByTestId('about-package');
    expect(rows.map((r) => r.dataset.name)).toEqual(['@fluent/bundle', 'serde', 'svelte', 'tauri']);
    expect(rows[1].textContent).toContain('MIT OR Apache-2.0');
    expect(rows[1].textContent).toContain('Rust crate');

    await fireEvent.input(screen.getByLabelText('Filter by name or licence'), { target: { value: 'svel' } });
    expect(screen.getAllByTestId('about-package').map((r) => r.dataset.name)).toEqual(['svelte']);
    expect(screen.getByTestId('about-shown').textContent?.trim()).toBe('1 of 4 shown');

    // A licence's texts enter the page only when it is opened.
    const mit = screen.getAllByTestId('about-licence').find((d) => d.dataset.id === 'MIT') as HTMLDetailsElement;
    expect(mit.querySelector('summary')?.textContent).toBe('MIT License (MIT), used by 2 crates and packages');
    expect(mit.querySelector('pre')).toBeNull();
    mit.open = true;
    await fireEvent(mit, new Event('toggle'));
    expect([...mit.querySelectorAll('pre')].map((p) => p.textContent)).toEqual(['MIT text, serde', 'MIT text, svelte']);
    i18n.locale = 'sv';
  });

  it('says so in Swedish when the build has no licence list', async () => {
    serve(null);
    i18n.locale = 'sv';
    render(About);
    expect(await screen.findByTestId('about-licences-missing')).toBeTruthy();
    expect((await screen.findByText('Gott värdskap, version 1.2.0')).dataset.testid).toBe('about-course');
    expect(screen.getByRole('button', { name: 'Öppna datamappen' })).toBeTruthy();
  });
});
