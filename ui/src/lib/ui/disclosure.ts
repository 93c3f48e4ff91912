/**
 * `<summary use:disclosure>`: the summary of a `<details>` as a screen reader
 * should meet it, a button that says whether its section is expanded.
 *
 * WebKitGTK (2.50) exposes a plain `<summary>` over AT-SPI with the role
 * "unknown" and no expanded state, so Orca reads only its words; Firefox and
 * Chromium expose the same element as a button with an expanded state. The
 * role and `aria-expanded` give WebKitGTK's tree what those engines give
 * natively; the element and its keyboard behaviour stay the browser's own.
 * (The marker is drawn in app.css, not as a list marker: see there.)
 */
export function disclosure(summary: HTMLElement) {
  const details = summary.parentElement;
  if (!(details instanceof HTMLDetailsElement)) throw new Error('use:disclosure belongs on the <summary> of a <details>');
  const sync = () => summary.setAttribute('aria-expanded', String(details.open));
  summary.setAttribute('role', 'button');
  sync();
  details.addEventListener('toggle', sync);
  return {
    destroy() {
      details.removeEventListener('toggle', sync);
    },
  };
}
