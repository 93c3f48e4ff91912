#!/usr/bin/python3
"""Asks the app's window to close the way a window manager does when the user
clicks its close button: a WM_DELETE_WINDOW client message to every top-level
window of the given process ids. Exits 1 when no such window was found."""
import sys

from Xlib import X, display, protocol


def windows(window):
    yield window
    for child in window.query_tree().children:
        yield from windows(child)


def main(pids):
    d = display.Display()
    wm_protocols = d.intern_atom("WM_PROTOCOLS")
    wm_delete = d.intern_atom("WM_DELETE_WINDOW")
    net_wm_pid = d.intern_atom("_NET_WM_PID")
    sent = 0
    for window in windows(d.screen().root):
        try:
            pid = window.get_full_property(net_wm_pid, X.AnyPropertyType)
            protocols = window.get_wm_protocols() or []
        except Exception:  # a window that went away meanwhile
            continue
        if pid and pid.value and pid.value[0] in pids and wm_delete in protocols:
            event = protocol.event.ClientMessage(
                window=window, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0])
            )
            window.send_event(event, event_mask=X.NoEventMask)
            sent += 1
    d.flush()
    return 0 if sent else 1


if __name__ == "__main__":
    sys.exit(main({int(p) for p in sys.argv[1:]}))
