"""Drive a headless Chromium over the DevTools protocol (for the view's tests and benchmark).

No Playwright, no downloaded browser: Debian's ``chromium`` is started with
``--remote-debugging-port=0`` and spoken to over one websocket
(``websocket-client``). Every network request of the page is intercepted
(``Fetch``): the page file itself is served, anything else is failed and
recorded in :attr:`Chromium.blocked`.

>>> find_chromium() is None or find_chromium().endswith(("chromium", "chromium-browser", "chrome"))
True
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--hide-scrollbars", "--disable-dev-shm-usage", "--remote-debugging-port=0",
         "--remote-allow-origins=*")


class BrowserError(RuntimeError):
    """Chromium could not be started or did not answer."""


def find_chromium() -> str | None:
    """Path of a Chromium binary (``$GRAPHKIT_CHROMIUM``, /usr/bin/chromium, then $PATH), or None."""
    env = os.environ.get("GRAPHKIT_CHROMIUM")
    if env and Path(env).exists():
        return env
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Chromium:
    """A headless Chromium with one page; use as a context manager (always killed on exit).

    Not a doctest, since it needs a Chromium binary; ``tests/test_browser.py`` runs it::

        with Chromium() as b:
            b.open(Path("view.html"))
            b.evaluate("gk.drawn()")
    """

    def __init__(self, binary: str | None = None, *, width: int = 1400, height: int = 900, timeout: float = 30.0):
        self.binary = binary or find_chromium()
        if not self.binary:
            raise BrowserError("no chromium binary found (install Debian's 'chromium' package)")
        self.width, self.height, self.timeout = width, height, timeout
        self.proc: subprocess.Popen | None = None
        self.ws = None
        self.session: str | None = None
        self.allowed: set[str] = set()
        self.blocked: list[str] = []       # URLs the page tried to fetch (failed)
        self.requests: list[str] = []      # every URL seen by Network.requestWillBeSent
        self.errors: list[str] = []        # uncaught exceptions, console errors, CSP / security log entries
        self.events: list[dict] = []
        self._id = 0
        self._dir: str | None = None

    # -- process ---------------------------------------------------------
    def __enter__(self) -> "Chromium":
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        import websocket  # websocket-client

        self._dir = tempfile.mkdtemp(prefix="graphkit-chromium-")
        args = [self.binary, *FLAGS, f"--user-data-dir={self._dir}",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        port_file = Path(self._dir) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while True:
            if port_file.exists():
                lines = port_file.read_text().split()
                if len(lines) >= 2:
                    break
            if self.proc.poll() is not None:
                raise BrowserError(f"chromium exited at start (status {self.proc.returncode})")
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = lines[0], lines[1]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=self.timeout,
                                              suppress_origin=True)
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})

    def close(self) -> None:
        try:
            if self.ws is not None:
                self.ws.close()
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        self.ws = None
        if self.proc is not None:
            if self.proc.poll() is None:
                try:
                    os.killpg(self.proc.pid, signal.SIGTERM)   # our own process group (start_new_session)
                except ProcessLookupError:
                    pass
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    try:
                        os.killpg(self.proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    self.proc.wait(timeout=5)
            self.proc = None
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    # -- protocol ----------------------------------------------------------
    def send(self, method: str, params: dict | None = None, *, session: bool = True, timeout: float | None = None):
        """Send a command and wait for its result (events that arrive meanwhile are handled)."""
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        want = self._id
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._recv(deadline)
            if reply is None:
                raise BrowserError(f"{method}: no answer within {timeout or self.timeout} s")
            if reply.get("id") == want:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _recv(self, deadline: float) -> dict | None:
        import websocket

        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.ws.settimeout(min(left, 1.0))
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            msg = json.loads(raw)
            if "method" in msg:
                self._event(msg)
                continue
            return msg

    def _event(self, msg: dict) -> None:
        method, p = msg["method"], msg.get("params", {})
        self.events.append(msg)
        if method == "Fetch.requestPaused":
            url = p["request"]["url"]
            if url in self.allowed:
                cmd = {"method": "Fetch.continueRequest", "params": {"requestId": p["requestId"]}}
            else:
                self.blocked.append(url)
                cmd = {"method": "Fetch.failRequest",
                       "params": {"requestId": p["requestId"], "errorReason": "BlockedByClient"}}
            self._id += 1
            cmd.update(id=self._id, sessionId=msg.get("sessionId", self.session))
            self.ws.send(json.dumps(cmd))     # its reply is skipped by send()
        elif method == "Network.requestWillBeSent":
            self.requests.append(p["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.errors.append("exception: " + str(d.get("exception", {}).get("description") or d.get("text")))
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description", "")))
                                                     for a in p.get("args", [])))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            self.errors.append(f"log ({e.get('source')}): {e.get('text')} {e.get('url', '')}".strip())

    def pump(self, seconds: float) -> None:
        """Handle events for ``seconds``."""
        self._recv(time.monotonic() + seconds)

    # -- page --------------------------------------------------------------
    def evaluate(self, expression: str, *, timeout: float | None = None):
        """Value of a JS expression in the page (promises awaited)."""
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                      timeout=timeout)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise BrowserError(f"JS error: {d.get('exception', {}).get('description') or d.get('text')}")
        return r.get("result", {}).get("value")

    def wait_for(self, expression: str, *, timeout: float | None = None, interval: float = 0.02):
        """Poll ``expression`` until it is truthy; returns its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {expression!r}")
            self.pump(interval)

    def open(self, path: str | Path, *, ready: str | None = "window.gkReady", timeout: float | None = None) -> float:
        """Load a local file (only that URL may be fetched); wait for ``ready``. Returns seconds taken."""
        url = Path(path).resolve().as_uri()
        self.allowed = {url}
        t0 = time.monotonic()
        self.send("Page.navigate", {"url": url})
        if ready:
            self.wait_for(ready, timeout=timeout)
        return time.monotonic() - t0

    def mouse_move(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def screenshot(self, path: str | Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
