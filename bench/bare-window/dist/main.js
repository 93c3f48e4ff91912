// One IPC call, show its reply, then report ready after the next paint:
// the same sequence the app goes through with its profile list.
const { invoke } = window.__TAURI_INTERNALS__;
const reply = await invoke('greet', { name: 'bench' });
document.getElementById('reply').textContent = reply;
requestAnimationFrame(() => setTimeout(() => invoke('bench_ready').catch(() => {}), 0));
