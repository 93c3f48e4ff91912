"""Ralph (ralph-malph 5.1.0) as a one-process xAPI LRS on loopback, for tests.

Usage: target/ralph-venv/bin/python scripts/lrs.py PORT [--exit-with-parent]
Configuration is the environment only (RALPH_RUNSERVER_BACKEND=fs,
RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH, RALPH_AUTH_FILE,
RALPH_HISTORY_FILE, RALPH_APP_DIR); run it in a private working directory,
because Ralph also reads ./.env. See docs/testing-with-an-lrs.md.

Patches, applied at import time (the installed package is not modified):

1. 5.1.0 bug: the fs backend writes with operation CREATE, so every POST/PUT
   after the first stored statement fails with 500 "Statements bulk
   indexation failed" (the file already exists). It appends instead.
2. 5.1.0 bug: the verb= and activity= GET filters compare a pydantic IRI
   object with a str and never match. They are given the str.
3. Crash repair at start (ours, for the tests that SIGKILL the server): the fs
   backend appends a batch line by line through a buffered file, so a kill
   can leave a torn last line, after which every read fails (500). The data
   file is cut back to its last complete line, as a database would roll back
   an unfinished transaction; the statements of that torn batch were never
   acknowledged, so a client sends them again. A history file left empty or
   torn by a kill (it is rewritten whole on every read and write) is removed
   likewise. Nothing else about the server changes.

Uvicorn runs in this one process without a reloader, so killing this
process (even with SIGKILL) leaves nothing running. With --exit-with-parent
it also exits when the process that started it is gone (a test binary that
was killed before it could stop its servers).
"""

import json
import os
import sys
from pathlib import Path

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend, FSLRSBackendSettings

# 1. Append instead of create.
FSLRSBackend.default_operation_type = BaseOperationType.APPEND

# 2. Filters get a str.
_v, _a = FSLRSBackend._add_filter_by_verb, FSLRSBackend._add_filter_by_activity
FSLRSBackend._add_filter_by_verb = staticmethod(
    lambda f, v: _v(f, None if v is None else str(v))
)
FSLRSBackend._add_filter_by_activity = staticmethod(
    lambda f, a, r: _a(f, None if a is None else str(a), r)
)


# 3. Crash repair before the server starts.
def repair_torn_tail(path: Path) -> None:
    if not path.is_file():
        return
    with path.open("rb+") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        # Scan back for the last newline.
        pos, keep = size, 0
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            f.seek(pos)
            block = f.read(step)
            i = block.rfind(b"\n")
            if i >= 0:
                keep = pos + i + 1
                break
        f.truncate(keep)
        print(f"lrs.py: cut a torn last line from {path} ({size} -> {keep} bytes)",
              file=sys.stderr)


def repair_history(path: Path) -> None:
    if not path.is_file():
        return
    try:
        with path.open(encoding="utf-8") as f:
            json.load(f)
    except ValueError:
        path.unlink()
        print(f"lrs.py: removed a torn history file {path}", file=sys.stderr)


_data_dir = os.environ.get("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH")
if _data_dir:
    repair_torn_tail(Path(_data_dir) / FSLRSBackendSettings().DEFAULT_LRS_FILE)
if os.environ.get("RALPH_HISTORY_FILE"):
    repair_history(Path(os.environ["RALPH_HISTORY_FILE"]))

if "--exit-with-parent" in sys.argv[2:]:
    import threading
    import time

    def watch_parent(parent: int) -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
