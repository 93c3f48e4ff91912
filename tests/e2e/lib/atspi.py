#!/usr/bin/python3
"""Reads the running app as a screen reader does: its AT-SPI tree and the
events it sends (announcements, live-region text, focus).

Needs Debian's python3-pyatspi and at-spi2-core, the AT-SPI bus (under the
e2e run's dbus-run-session) and an app started without NO_AT_BRIDGE. Run it
with Debian's /usr/bin/python3 (pyatspi is a system package).

It is a small server for tests/e2e/lib/atspi.mjs: one JSON command a line on
stdin, one JSON answer a line on stdout.

  {"cmd": "tree", "pids": [123]}         the app's visible web document as a tree
  {"cmd": "record-start", "pids": [123]} start recording events
  {"cmd": "record-stop"}                 stop, answer the events recorded
  {"cmd": "quit"}

Each tree node is {role, name, description, states, attributes, relations,
text, locale, children}; `text` is the node's own text (Text interface, cut at
400 characters; its attribute runs are not read, see text_of), `locale` its
objectLocale, and `markerWithoutChild` marks a node whose text attributes would
abort WebKitGTK 2.50's web process (see marker_without_child). A tree whose web process died
while it was read is an error, not a short tree. Events are {type, detail1,
role, name, text, live, t} with `live` the container-live attributes of the
source or its ancestors.

Run by hand, `atspi.py dump APP_NAME_OR_PID` prints the tree as JSON and
`atspi.py transcript FILE.json...` prints kept trees as a listener hears them
(role: name, text, states), for the listening check in docs/accessibility.md.
"""
import json
import sys
import threading
import time

import pyatspi
from gi.repository import GLib

TEXT_MAX = 400

# States a check can ask about; the others only add noise to the JSON.
STATES = {
    pyatspi.STATE_FOCUSABLE: "focusable",
    pyatspi.STATE_FOCUSED: "focused",
    pyatspi.STATE_CHECKED: "checked",
    pyatspi.STATE_SELECTED: "selected",
    pyatspi.STATE_EXPANDABLE: "expandable",
    pyatspi.STATE_EXPANDED: "expanded",
    pyatspi.STATE_COLLAPSED: "collapsed",
    pyatspi.STATE_REQUIRED: "required",
    pyatspi.STATE_INVALID_ENTRY: "invalid",
    pyatspi.STATE_SHOWING: "showing",
    pyatspi.STATE_VISIBLE: "visible",
    pyatspi.STATE_SENSITIVE: "sensitive",
    pyatspi.STATE_EDITABLE: "editable",
    pyatspi.STATE_MODAL: "modal",
    pyatspi.STATE_READ_ONLY: "read-only",
    pyatspi.STATE_PRESSED: "pressed",
    pyatspi.STATE_DEFUNCT: "defunct",
}


def find_app(pids=None, name=None):
    """The app's accessible, by one of its process ids or by its name."""
    desktop = pyatspi.Registry.getDesktop(0)
    seen = []
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        try:
            pid = app.get_process_id()
        except Exception:
            pid = None
        seen.append((app.name, pid))
        if (pids and pid in pids) or (name and app.name == name):
            return app
    raise LookupError(f"the app ({pids or name}) is not on the accessibility bus; seen: {seen}")


def states_of(acc):
    s = acc.getState()
    return [label for state, label in STATES.items() if s.contains(state)]


def relations_of(acc):
    out = []
    for rel in acc.getRelationSet() or []:
        targets = []
        for i in range(rel.getNTargets()):
            t = rel.getTarget(i)
            targets.append({"role": t.getRoleName(), "name": t.name or ""} if t is not None else None)
        out.append({"type": str(rel.getRelationType().value_nick), "targets": targets})
    return out


# The object replacement character: where a node's text holds a child object.
OBJECT = "\ufffc"


def marker_without_child(content, child_count):
    """WebKitGTK 2.50 puts a list marker at the start of a list item's text as
    an object replacement character, and asking for the text attributes at
    that offset reads the node's first child: a list item with a marker and
    no accessible child (a <summary>, which is a list item by default, or an
    <li> whose role hides its children) aborts the web process there (WebKit
    bug 311427, fixed in 2.52). A screen reader that asks loses the page, so
    such a node is a problem to report (atspi.mjs), found without asking."""
    return content.startswith(OBJECT) and child_count == 0


# What the reader asked for last (a node and a call), to name it when the
# web process dies under a read.
LAST = {"node": "", "call": ""}


def text_of(acc):
    """The node's own text, or None without a Text interface.

    The text's attribute runs (Text.GetAttributeRun, where a language change
    inside a text would show) are not read: in WebKitGTK 2.50 the runs found
    around inline elements can end past the text, and mapping such an offset
    aborts the web process (WebKit bug 317078, fixed in 2.52); it did on a
    role-play step's feedback paragraph. The node's language is its
    objectLocale."""
    try:
        text = acc.queryText()
    except NotImplementedError:
        return None
    LAST["call"] = "Text.GetText"
    content = text.getText(0, min(text.characterCount, TEXT_MAX))
    LAST["node"] += f" text {content[:80]!r}"
    return content


def node(acc, depth=0):
    if acc is None or depth > 80:
        return None
    try:
        LAST["call"] = "GetState"
        states = states_of(acc)
        if "defunct" in states:
            return None
        # Each property read is a D-Bus round trip to the web process: read
        # each once (a screen like About has thousands of nodes).
        role, name, count = acc.getRoleName(), acc.name or "", acc.childCount
        LAST["node"], LAST["call"] = f"{role} {name!r} ({count} children)", "attributes"
        attrs = acc.getAttributes()
        out = {
            "role": role,
            "name": name,
            "description": acc.description or "",
            "states": states,
            "attributes": attrs and dict(a.split(":", 1) for a in attrs if ":" in a),
        }
        LAST["call"] = "relations"
        rels = relations_of(acc)
        if rels:
            out["relations"] = rels
        text = text_of(acc)
        if text is not None:
            out["text"] = text
            if marker_without_child(text, count):
                out["markerWithoutChild"] = True
        LAST["call"] = "locale"
        try:
            loc = acc.get_object_locale()
            if loc:
                out["locale"] = loc
        except Exception:
            pass
        children = []
        for i in range(count):
            LAST["call"] = f"GetChildAtIndex({i}) of {out['role']} {out['name']!r}"
            child = node(acc.getChildAtIndex(i), depth + 1)
            if child is not None:
                children.append(child)
        out["children"] = children
        return out
    except Exception as err:  # a node that went away while we read it
        return {"role": "gone", "name": str(err), "states": [], "children": []}


def documents(acc, found, depth=0):
    """The web documents under `acc` (the webview's page)."""
    if acc is None or depth > 40:
        return
    try:
        role = acc.getRole()
    except Exception:
        return
    if role == pyatspi.ROLE_DOCUMENT_WEB:
        found.append(acc)
        return
    for i in range(acc.childCount):
        documents(acc.getChildAtIndex(i), found, depth + 1)


def tree(pids=None, name=None):
    app = find_app(pids, name)
    docs = []
    documents(app, docs)
    showing = [d for d in docs if d.getState().contains(pyatspi.STATE_SHOWING)] or docs
    if not showing:
        raise LookupError("the app shows no web document")
    frame = app.getChildAtIndex(0) if app.childCount else None
    doc = showing[0]
    # The page lives in WebKit's web process: a read that kills it comes back
    # as a tree cut short (every later call fails quietly), so the process
    # must still be there when the read is over.
    web = doc.get_process_id()
    out = {
        "app": app.name,
        "frame": frame.name if frame is not None else None,
        "document": node(doc),
    }
    if not alive(web):
        raise RuntimeError(
            f"WebKit's web process ({web}) died while its AT-SPI tree was read; the last call: {LAST['call']} on {LAST['node']}"
        )
    return out


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


# ----- events -----

EVENT_TYPES = [
    "object:announcement",
    "object:text-changed:insert",
    "object:children-changed:add",
    "object:state-changed:focused",
    "focus:",
]


def live_of(acc):
    """The container-live attributes of `acc` or its nearest ancestor that has them."""
    depth = 0
    while acc is not None and depth < 30:
        try:
            attrs = dict(a.split(":", 1) for a in (acc.getAttributes() or []) if ":" in a)
        except Exception:
            return None
        live = attrs.get("container-live") or attrs.get("live")
        if live:
            return {k: v for k, v in attrs.items() if k.startswith("container-") or k in ("live", "atomic", "relevant")}
        try:
            acc = acc.parent
        except Exception:
            return None
        depth += 1
    return None


class Recorder:
    def __init__(self):
        self.events = []
        self.t0 = 0.0
        self.lock = threading.Lock()

    def on_event(self, event):
        # Every event on the bus counts: the e2e run has its own session bus,
        # and the page's objects live in WebKit's web process, not the app's.
        src = event.source
        if src is None:
            return
        try:
            role = src.getRoleName()
            name = src.name or ""
        except Exception:
            role, name = "?", ""
        text = None
        if event.type.startswith("object:text-changed"):
            text = event.any_data if isinstance(event.any_data, str) else None
        elif event.type.startswith("object:announcement"):
            text = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
        elif event.type.startswith("object:children-changed"):
            child = event.any_data
            try:
                text = " ".join(
                    filter(None, [child.name, child.queryText().getText(0, TEXT_MAX)])
                ) if child is not None else None
            except Exception:
                text = getattr(child, "name", None)
        if event.type.startswith("object:state-changed:focused") and not event.detail1:
            return
        with self.lock:
            self.events.append(
                {
                    "type": event.type,
                    "detail1": event.detail1,
                    "role": role,
                    "name": name,
                    "text": text,
                    "live": live_of(src),
                    "t": round(time.monotonic() - self.t0, 3),
                }
            )

    def start(self, pids):
        find_app(pids)
        with self.lock:
            self.events = []
        self.t0 = time.monotonic()
        pyatspi.Registry.registerEventListener(self.on_event, *EVENT_TYPES)

    def stop(self):
        pyatspi.Registry.deregisterEventListener(self.on_event, *EVENT_TYPES)
        with self.lock:
            events, self.events = self.events, []
        return events


def serve():
    """Commands from stdin are handled on the GLib main loop, where the events arrive too."""
    recorder = Recorder()
    loop = GLib.MainLoop()

    def handle(line):
        try:
            msg = json.loads(line)
            cmd = msg.get("cmd")
            if cmd == "tree":
                t0 = time.monotonic()
                out = tree(msg.get("pids"), msg.get("name"))
                out["ms"] = round((time.monotonic() - t0) * 1000)
            elif cmd == "record-start":
                recorder.start(msg["pids"])
                out = {"ok": True}
            elif cmd == "record-stop":
                # Let events still queued on the bus arrive first.
                end = time.monotonic() + float(msg.get("settle", 0.5))
                ctx = loop.get_context()
                while time.monotonic() < end:
                    ctx.iteration(False) or time.sleep(0.02)
                out = {"events": recorder.stop()}
            elif cmd == "quit":
                loop.quit()
                out = {"ok": True}
            else:
                out = {"error": f"unknown command {cmd!r}"}
        except Exception as err:
            out = {"error": f"{type(err).__name__}: {err}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def on_stdin(channel, condition):
        if condition & (GLib.IO_HUP | GLib.IO_ERR):
            line = sys.stdin.readline()
            if line.strip():
                handle(line)
            loop.quit()
            return False
        line = sys.stdin.readline()
        if not line:
            loop.quit()
            return False
        if line.strip():
            handle(line)
        return True

    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, on_stdin)
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    loop.run()


# ----- transcript: a tree read in order, as a listener hears it -----

import re  # noqa: E402

def _sq(s):
    return re.sub(r"\s+", " ", (s or "").replace("\ufffc", " ")).strip()

SKIP = {'section', 'panel', 'form', 'landmark', 'list', 'table row'}
def speak(n, out, depth=0):
    role, name = n.get('role'), _sq(n.get('name'))
    kids = n.get('children', [])
    st = n.get('states', [])
    extra = []
    for s in ('checked', 'pressed', 'expanded', 'collapsed', 'required', 'invalid'):
        if s in st: extra.append(s)
    if 'sensitive' not in st and 'focusable' in st: extra.append('unavailable')
    desc = _sq(n.get('description'))
    a = n.get('attributes') or {}
    if a.get('container-live') or a.get('live'): extra.append('live=' + (a.get('live') or a.get('container-live')))
    if role in ('paragraph', 'label', 'static', 'list item', 'heading', 'caption', 'table cell', 'column header', 'row header') or (role == 'section' and not kids):
        text = _sq(n.get('text')) or name
        if text:
            lvl = f" {a.get('level')}" if role == 'heading' else ''
            out.append(f"{'  '*depth}[{role}{lvl}] {text}" + (f" ({', '.join(extra)})" if extra else ''))
        for k in kids:
            if k.get('role') not in ('link','push button','entry','check box','radio button','combo box','image','list'): continue
            speak(k, out, depth+1)
        return
    if role in SKIP and not name:
        for k in kids: speak(k, out, depth)
        return
    line = f"{'  '*depth}{role}: {name}" + (f" — {desc}" if desc else '') + (f" ({', '.join(extra)})" if extra else '')
    out.append(line)
    if role in ('combo box',):
        return
    for k in kids: speak(k, out, depth+1)


def transcript(files):
    """One block per kept tree (test-output/a11y/*.json), in reading order."""
    lines = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            t = json.load(fh)
        if "document" not in t:
            continue
        lines.append(f"===== {f.rsplit('/', 1)[-1]}")
        speak(t["document"], lines)
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "transcript":
        print(transcript(sys.argv[2:]))
        sys.exit(0)
    if len(sys.argv) >= 3 and sys.argv[1] == "dump":
        who = sys.argv[2]
        out = tree(pids=[int(who)]) if who.isdigit() else tree(name=who)
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        serve()
