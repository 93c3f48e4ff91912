import { afterEach, expect, it, vi } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Channel } from '@tauri-apps/api/core';

afterEach(() => {
  clearMocks();
  vi.resetModules();
});

/** What the shell does when a file is handed over: a message on the page's channel. */
function send(channel: Channel<string>, purpose: string, index: number) {
  (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__.runCallback(
    channel.id,
    {
      message: purpose,
      index,
    },
  );
}

it('tells each kind of handed-over file to its own handler, over one channel asked for once', async () => {
  const channels: Channel<string>[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'watch_handovers') channels.push((args as { channel: Channel<string> }).channel);
  });
  const { onHandover } = await import('./handovers');
  const heard: string[] = [];
  const stop = onHandover('classInvitation', () => heard.push('invitation'));
  onHandover('importPackage', () => heard.push('package'));
  expect(channels.length, 'one channel for both kinds').toBe(1);

  send(channels[0], 'importPackage', 0);
  send(channels[0], 'classInvitation', 1);
  expect(heard).toEqual(['package', 'invitation']);

  stop();
  send(channels[0], 'classInvitation', 2);
  send(channels[0], 'importPackage', 3);
  expect(heard, 'a stopped handler hears nothing more; the other goes on').toEqual(['package', 'invitation', 'package']);
});

it('asks again after the shell refused, and does not throw without a shell', async () => {
  let asked = 0;
  mockIPC((cmd) => {
    if (cmd === 'watch_handovers') {
      asked += 1;
      throw { kind: 'Unexpected', message: 'no' };
    }
  });
  const { onHandover } = await import('./handovers');
  onHandover('classInvitation', () => {});
  await new Promise((r) => setTimeout(r, 0));
  onHandover('importPackage', () => {});
  expect(asked, 'a refused watch is asked for again by the next handler').toBe(2);

  clearMocks();
  vi.resetModules();
  const fresh = await import('./handovers');
  expect(() => fresh.onHandover('classInvitation', () => {}), 'without the shell nothing is handed over, and nothing throws').not.toThrow();
});
