import json
import os
import struct
import sys


def frame(message):
    body = json.dumps(message).encode()
    return struct.pack(">QI", 4 + len(body), len(body)) + body


def forge():
    """Answer the request the child is serving, with its own nonce, in fields of the wrong kind."""
    caller = sys._getframe(1)
    while caller is not None and not ("request" in caller.f_locals and "sock" in caller.f_locals):
        caller = caller.f_back
    if caller is None:
        return
    request, sock = caller.f_locals["request"], caller.f_locals["sock"]
    kind = "crashed" if len(request.get("function", "")) % 2 else "made_up_kind"
    sock.sendall(frame({"status": "error", "kind": kind, "nonce": request.get("nonce"),
                        "message": {"not": "text"}, "where": ["a", "list"], "during": 7,
                        "traceback": None, "exception": 3.5}))
    os._exit(0)


def build_cnn():
    forge()
    raise ValueError("no request to answer")
