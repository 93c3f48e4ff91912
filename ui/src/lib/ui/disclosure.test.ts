// A <summary> tells a screen reader that it is a button and whether its
// <details> is open, in step with the element as it opens and closes.
import { describe, expect, it } from 'vitest';
import { disclosure } from './disclosure';

function details(open = false) {
  const d = document.createElement('details');
  d.open = open;
  const s = document.createElement('summary');
  s.textContent = 'Learning outcomes';
  d.append(s, document.createTextNode('The outcomes'));
  document.body.append(d);
  return { d, s };
}

describe('disclosure', () => {
  it('makes the summary a button with the state of its details', () => {
    const { s } = details();
    disclosure(s);
    expect(s.getAttribute('role')).toBe('button');
    expect(s.getAttribute('aria-expanded')).toBe('false');
    const open = details(true);
    disclosure(open.s);
    expect(open.s.getAttribute('aria-expanded')).toBe('true');
  });

  it('follows the details as they open and close, until destroyed', () => {
    const { d, s } = details();
    const action = disclosure(s);
    d.open = true;
    d.dispatchEvent(new Event('toggle'));
    expect(s.getAttribute('aria-expanded')).toBe('true');
    d.open = false;
    d.dispatchEvent(new Event('toggle'));
    expect(s.getAttribute('aria-expanded')).toBe('false');
    action.destroy();
    d.open = true;
    d.dispatchEvent(new Event('toggle'));
    expect(s.getAttribute('aria-expanded')).toBe('false');
  });

  it('refuses an element that is not the summary of a details', () => {
    const loose = document.createElement('summary');
    document.createElement('div').append(loose);
    expect(() => disclosure(loose)).toThrow(/<details>/);
    expect(() => disclosure(document.createElement('summary'))).toThrow(/<details>/);
  });
});
