// Answers the system file dialogs (tauri-plugin-dialog's open and save) from
// a queue the test fills, because WebDriver cannot drive a native GTK dialog.
// Every other call, and the Rust side that reads and writes the chosen files,
// stays real.
//
// Why fetch and not `__TAURI_INTERNALS__.invoke`: in the real app Tauri's
// init script defines `window.__TAURI_INTERNALS__` and its `invoke` as
// read-only, non-configurable properties, so assigning a wrapper (what
// `mockIPC` from @tauri-apps/api/mocks does in unit tests) is silently
// ignored, or throws in strict code; this was checked in the running app.
// The real invoke sends each call as a POST to `ipc://localhost/<command>`
// through the page's `fetch`, which is an ordinary writable property, so the
// wrapper sits there and answers only the two dialog commands.

const DIALOG_COMMANDS = ['plugin:dialog|open', 'plugin:dialog|save'];

/** Installs the wrapper once per page; later calls leave it as it is. */
async function install(browser) {
  await browser.execute((commands) => {
    if (window.__vardskapDialogs) return;
    const state = { answers: [], calls: [] };
    window.__vardskapDialogs = state;
    const realFetch = window.fetch.bind(window);
    const commandOf = (input) => {
      const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
      if (!url.startsWith('ipc:') && !url.includes('ipc.localhost')) return null;
      try {
        return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
      } catch {
        return null;
      }
    };
    window.fetch = async (input, init) => {
      const command = commandOf(input);
      if (!commands.includes(command)) return realFetch(input, init);
      let options = null;
      try {
        options = JSON.parse(typeof init?.body === 'string' ? init.body : new TextDecoder().decode(init?.body)).options ?? null;
      } catch {
        // a body the wrapper cannot read is still answered; only the record lacks it
      }
      state.calls.push({ command, options });
      const answered = state.answers.length > 0;
      const answer = answered ? state.answers.shift() : `no answer queued for ${command}`;
      return new Response(JSON.stringify(answer), {
        headers: { 'Content-Type': 'application/json', 'Tauri-Response': answered ? 'ok' : 'error' },
      });
    };
  }, DIALOG_COMMANDS);
}

/**
 * Queues answers for the next file dialogs, in order: a path string is what
 * the user picked, `null` is a cancelled dialog. A dialog opened with the
 * queue empty fails with "no answer queued …" instead of waiting.
 * Example: `await answerDialogs(browser, ['/tmp/course.vdsk'])`.
 */
export async function answerDialogs(browser, answers) {
  await install(browser);
  await browser.execute((more) => window.__vardskapDialogs.answers.push(...more), answers);
}

/** The dialogs opened so far: `{ command: 'plugin:dialog|open' | 'plugin:dialog|save', options }`. */
export async function dialogCalls(browser) {
  await install(browser);
  return browser.execute(() => window.__vardskapDialogs.calls);
}

/** How many queued answers no dialog has taken yet. */
export async function unusedDialogAnswers(browser) {
  await install(browser);
  return browser.execute(() => window.__vardskapDialogs.answers.length);
}
