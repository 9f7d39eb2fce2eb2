import ctypes

libc = ctypes.CDLL(None, use_errno=True)
IPC_CREAT = 0o1000
for key in range(0x67720000, 0x67720004):
    libc.shmget(key, 256 << 20, IPC_CREAT | 0o666)
    libc.msgget(key, IPC_CREAT | 0o666)
    libc.semget(key, 4, IPC_CREAT | 0o666)


def build_cnn():
    raise ValueError("left System V objects behind")
