import ctypes

SECRET = b"LEFTOVER-SECRET-91d2 alice's answer to task 29"
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
IPC_CREAT = 0o1000


class Message(ctypes.Structure):
    _fields_ = [("mtype", ctypes.c_long), ("mtext", ctypes.c_char * 128)]


segment = libc.shmget(0x67726472, 1 << 30, IPC_CREAT | 0o666)
if segment >= 0:
    address = libc.shmat(segment, None, 0)
    if address not in (None, ctypes.c_void_p(-1).value):
        ctypes.memmove(address, SECRET, len(SECRET))
queue = libc.msgget(0x67726473, IPC_CREAT | 0o666)
if queue >= 0:
    message = Message(1, SECRET)
    libc.msgsnd(queue, ctypes.byref(message), len(SECRET), 0)

raise ImportError("failing on purpose, quoting " + SECRET.decode())
