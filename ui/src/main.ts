// The UI's entry: one page, one component tree, mounted into index.html's #app.
// early.ts comes first, so the first screen's data is asked for before the
// rest is evaluated; the UI mounts once it is in (one frame, already with the
// data), and the first screen's catalogue is parsed while the shell answers.
import { earlyStartup } from './early';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { bundles, i18n } from '$lib/i18n/index.svelte';
import { startupMark } from '$lib/bench';

void bundles[i18n.locale];
startupMark('catalogue-parsed');
const first = await earlyStartup;
const target = document.getElementById('app');
if (target) mount(App, { target, props: { first } });
