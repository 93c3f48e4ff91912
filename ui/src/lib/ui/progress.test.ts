import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELAY_MS, progress, withProgress } from './progress.svelte';

describe('withProgress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing for quick work', async () => {
    const done = withProgress('Working', async () => 'ok');
    await vi.advanceTimersByTimeAsync(DELAY_MS * 2);
    await expect(done).resolves.toBe('ok');
    expect(progress.label, 'no notice for work done within the delay').toBeNull();
  });

  it('shows the label after about a second and clears it when the work ends', async () => {
    let finish!: (v: string) => void;
    const done = withProgress('Installing', () => new Promise<string>((r) => (finish = r)));
    await vi.advanceTimersByTimeAsync(DELAY_MS - 10);
    expect(progress.label, 'not yet').toBeNull();
    await vi.advanceTimersByTimeAsync(20);
    expect(progress.label).toBe('Installing');
    finish('ok');
    await expect(done).resolves.toBe('ok');
    expect(progress.label, 'gone once the reply came').toBeNull();
  });

  it('clears the label when the work fails, and keeps it while other work runs', async () => {
    let failFirst!: (e: Error) => void;
    let finishSecond!: () => void;
    const first = withProgress('First', () => new Promise<void>((_, reject) => (failFirst = reject)));
    const second = withProgress('Second', () => new Promise<void>((r) => (finishSecond = r)));
    await vi.advanceTimersByTimeAsync(DELAY_MS + 10);
    expect(progress.label).toBe('Second');
    failFirst(new Error('refused'));
    await expect(first).rejects.toThrow('refused');
    expect(progress.label, 'the other work still runs').toBe('Second');
    finishSecond();
    await second;
    expect(progress.label).toBeNull();
  });
});
