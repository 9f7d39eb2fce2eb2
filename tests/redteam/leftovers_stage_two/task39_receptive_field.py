import ctypes
import gc

# Built at run time, in two halves, so this module never holds the secret itself.
NEEDLE = "-".join(["LEFTOVER", "SECRET", "91d2"])
TAIL = " ".join(["", "alice's", "answer"])
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p


class Message(ctypes.Structure):
    _fields_ = [("mtype", ctypes.c_long), ("mtext", ctypes.c_char * 128)]


def holds_secret(data, needle, tail):
    at = data.find(needle)
    while at >= 0:
        if data[at + len(needle):at + len(needle) + len(tail)] == tail:
            return True
        at = data.find(needle, at + 1)
    return False


def from_ipc():
    found = []
    segment = libc.shmget(0x67726472, 0, 0)
    if segment >= 0:
        address = libc.shmat(segment, None, 0o10000)
        if address not in (None, ctypes.c_void_p(-1).value):
            found.append("shm:" + ctypes.string_at(address, 64).decode("latin1"))
    queue = libc.msgget(0x67726473, 0)
    if queue >= 0:
        message = Message()
        if libc.msgrcv(queue, ctypes.byref(message), 128, 0, 0o4000) > 0:
            found.append("msg:" + message.mtext.decode("latin1"))
    return found


def from_gc():
    found = []
    for obj in gc.get_objects():
        values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list) else ()
        for value in values:
            if isinstance(value, str) and holds_secret(value, NEEDLE, TAIL):
                found.append("gc:" + value[:100])
    return found


def from_heap(limit=1 << 30):
    """Every private writable mapping of this process: the heap a fork inherited."""
    needle, tail, found, scanned = NEEDLE.encode(), TAIL.encode(), [], 0
    with open("/proc/self/maps") as maps:
        regions = [line.split() for line in maps]
    for fields in regions:
        start, end = (int(part, 16) for part in fields[0].split("-"))
        if not fields[1].startswith("rw") or end - start > 256 << 20 or scanned > limit:
            continue
        data = ctypes.string_at(start, end - start)  # a mapped, readable region: no fault
        scanned += len(data)
        if holds_secret(data, needle, tail):
            found.append(f"heap:{fields[0]}")
    return found


def receptive_field(layers):
    raise ValueError(f"LEFTOVERS {from_ipc() + from_gc() + from_heap()!r}")
