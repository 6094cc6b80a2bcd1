"""A real HTTP receiver on 127.0.0.1 for the webhook tests: it records every request and
answers as the test scripts it (a status, a pause longer than the sender's timeout, or a hang
until released)."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    # One answer per request, in order: an int (a status), ("sleep", s), or "hang"; then 200.
    script: list = field(default_factory=list)
    received: list = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Event = field(default_factory=threading.Event)

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.received.append(Received(self.path, dict(self.headers), body))
                receiver.arrived.set()
                answer = receiver.script.pop(0) if receiver.script else 200
                if answer == "hang":
                    receiver.release.wait(60)
                    return
                if isinstance(answer, tuple):
                    receiver.release.wait(answer[1])
                    answer = 200
                self.send_response(answer)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/desk"

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
