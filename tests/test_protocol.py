"""The wire format: plain data and arrays round-trip; anything else is refused, and
decoding what a hostile child sends stays small and quick."""

from __future__ import annotations

import io
import os
import socket
import struct
import time
import tracemalloc
import zipfile

import numpy as np
import pytest

from grader.worker import protocol


def roundtrip(message):
    ours, theirs = socket.socketpair()
    with ours, theirs:
        protocol.send_frame(ours, message)
        return protocol.receive_frame(theirs, timeout=5)


def test_nested_data_and_arrays_roundtrip():
    message = {"a": [1, 2.5, None, True, "x"], "arr": np.arange(6, dtype=np.float32).reshape(2, 3),
               "deep": {"b": [np.int64(3), np.ones(2, dtype=bool)]}}
    back = roundtrip(message)
    assert back["a"] == [1, 2.5, None, True, "x"]
    assert back["arr"].dtype == np.float32 and back["arr"].tolist() == [[0, 1, 2], [3, 4, 5]]
    assert back["deep"]["b"][0] == 3 and back["deep"]["b"][1].tolist() == [True, True]
    assert type(back["arr"]) is np.ndarray


def test_object_arrays_cannot_be_sent():
    with pytest.raises(ValueError):
        protocol.encode({"x": np.array([object()], dtype=object)})


def test_pickled_array_in_archive_is_refused():
    buffer = io.BytesIO()
    np.savez(buffer, a0=np.array([{"evil": 1}], dtype=object), allow_pickle=True)
    body = b'{"x": {"__ndarray__": "a0"}}'
    payload = struct.pack(">I", len(body)) + body + buffer.getvalue()
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(payload)


def test_string_arrays_are_refused():
    buffer = io.BytesIO()
    np.savez(buffer, a0=np.array(["text"]))
    body = b'{"x": {"__ndarray__": "a0"}}'
    with pytest.raises(protocol.ProtocolError, match="dtype"):
        protocol.decode(struct.pack(">I", len(body)) + body + buffer.getvalue())


def test_oversized_frame_is_refused_before_reading_it():
    ours, theirs = socket.socketpair()
    with ours, theirs:
        ours.sendall(struct.pack(">Q", protocol.MAX_FRAME_BYTES + 1) + b"x" * 10)
        with pytest.raises(protocol.ProtocolError, match="exceeds"):
            protocol.receive_frame(theirs, timeout=5)


def _npy_header(shape: tuple, descr: str = "|u1") -> bytes:
    header = f"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}".ljust(117) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1")


def _payload(blob: bytes) -> bytes:
    body = b'{"x": {"__ndarray__": "a0"}}'
    return struct.pack(">I", len(body)) + body + blob


def test_a_compressed_member_that_inflates_to_a_gib_is_refused_within_a_small_budget():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        with bundle.open("a0.npy", "w", force_zip64=True) as member:
            member.write(_npy_header((1 << 30,)))
            for _ in range(256):
                member.write(bytes(1 << 22))
    payload = _payload(buffer.getvalue())
    assert len(payload) < 8 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(protocol.ProtocolError, match="compressed"):
        protocol.decode(payload)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 32 * 1024 * 1024 and time.perf_counter() - started < 2


@pytest.mark.parametrize("shape", [(1 << 40,), (1 << 20, 1 << 20), (-1,)])
def test_a_header_claiming_more_than_its_member_or_the_cap_is_refused(shape):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("a0.npy", _npy_header(shape, "<f8") + bytes(64))
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(_payload(buffer.getvalue()))


def test_arrays_beyond_the_decoded_budget_are_refused():
    message = protocol.encode({"a": np.zeros(1000), "b": np.zeros(1000)})
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(message[8:], max_array_bytes=12_000)
    assert protocol.decode(message[8:], max_array_bytes=16_000)["b"].shape == (1000,)


def test_a_frame_trickled_byte_by_byte_hits_the_deadline():
    ours, theirs = socket.socketpair()
    with ours, theirs:
        frame = protocol.encode({"status": "ok"})
        ours.sendall(frame[:5])
        started = time.perf_counter()
        with pytest.raises(TimeoutError):
            protocol.receive_frame(theirs, timeout=0.5)
        assert time.perf_counter() - started < 2


def test_a_descriptor_rides_on_its_frame_and_others_are_dropped():
    ours, theirs = socket.socketpair()
    read_end, write_end = os.pipe()
    with ours, theirs:
        protocol.send_frame(ours, {"op": "fork"}, fds=(write_end,))
        message, fds = protocol.receive_frame_and_fds(theirs, timeout=5)
        assert message == {"op": "fork"} and len(fds) == 1
        os.write(fds[0], b"x")
        assert os.read(read_end, 1) == b"x"
        for fd in (*fds, read_end, write_end):
            os.close(fd)


@pytest.mark.parametrize("payload", [b"", b"\x00\x00\x00\x10{}", b"\x00\x00\x00\x02{]",
                                     b"\x00\x00\x00\x02{}garbage-not-npz",
                                     b'\x00\x00\x00\x17{"x": {"__ndarray__": 1}}'])
def test_malformed_payloads_raise_protocol_error(payload):
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(payload)


def test_closed_stream_is_eof():
    ours, theirs = socket.socketpair()
    with theirs:
        ours.sendall(b"\x00\x00")
        ours.close()
        with pytest.raises(EOFError):
            protocol.receive_frame(theirs, timeout=5)
