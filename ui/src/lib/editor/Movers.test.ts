// The move and remove buttons of a list entry: the "really remove?" question
// belongs to the entry it was asked about, so a move cannot make it remove
// another; after a removal focus goes on from the same place.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Movers from './Movers.svelte';

afterEach(() => cleanup());

const props = (index: number, name: string, onremove = vi.fn()) => ({
  list: 'module',
  index,
  count: 3,
  name,
  confirm: true,
  onmove: vi.fn(),
  onremove,
});

describe('removing with a question', () => {
  it('forgets the question when another entry comes to its place', async () => {
    const onremove = vi.fn();
    const { rerender } = render(Movers, props(0, 'Alpha', onremove));
    await fireEvent.click(screen.getAllByRole('button').at(-1)!);
    expect(screen.queryByTestId('confirm-remove'), 'the question is asked').not.toBeNull();
    await rerender(props(0, 'Beta', onremove));
    expect(screen.queryByTestId('confirm-remove'), 'after a move another entry is here: no question for it').toBeNull();
    expect(onremove, 'nothing was removed').not.toHaveBeenCalled();
  });

  it('removes after the question is answered', async () => {
    const onremove = vi.fn();
    render(Movers, props(1, 'Alpha', onremove));
    await fireEvent.click(screen.getAllByRole('button').at(-1)!);
    await fireEvent.click(screen.getByTestId('confirm-remove'));
    expect(onremove, 'the confirmed removal happens once').toHaveBeenCalledTimes(1);
  });
});

describe('lists whose order is not the author’s', () => {
  it('has no move buttons', () => {
    render(Movers, { ...props(0, 'Alpha'), movable: false });
    expect(screen.getAllByRole('button').length, 'only the remove button').toBe(1);
  });
});
