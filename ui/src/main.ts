// The UI's entry: one page, one component tree, mounted into index.html's #app.
// early.ts comes first, so the first screen's data is asked for before the
// rest is evaluated, and the first screen's catalogue is parsed while the
// shell answers. The UI mounts once the answer is in, so its first frame
// already shows the first screen with its data; if the shell takes longer
// (a large store's integrity check, say), it mounts anyway after a moment and
// says it is loading until the answer comes.
import { earlyStartup } from './early';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { bundles, i18n } from '$lib/i18n/index.svelte';
import { startupMark } from '$lib/bench';

/** How long the window may stay empty waiting for the shell, in ms. */
const WAIT_FOR_ANSWER_MS = 250;

void bundles[i18n.locale];
startupMark('catalogue-parsed');
const answered = await Promise.race([earlyStartup, new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_FOR_ANSWER_MS))]);
const target = document.getElementById('app');
if (target) mount(App, { target, props: { first: earlyStartup, answered } });
