"""The wire format: plain data and arrays round-trip; anything else is refused."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest

from grader.worker import protocol


def roundtrip(message):
    stream = io.BytesIO()
    protocol.write_frame(stream, message)
    stream.seek(0)
    return protocol.read_frame(stream)


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
    stream = io.BytesIO(struct.pack(">Q", protocol.MAX_FRAME_BYTES + 1) + b"x" * 10)
    with pytest.raises(protocol.ProtocolError, match="exceeds"):
        protocol.read_frame(stream)


@pytest.mark.parametrize("payload", [b"", b"\x00\x00\x00\x10{}", b"\x00\x00\x00\x02{]",
                                     b"\x00\x00\x00\x02{}garbage-not-npz",
                                     b'\x00\x00\x00\x17{"x": {"__ndarray__": 1}}'])
def test_malformed_payloads_raise_protocol_error(payload):
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(payload)


def test_closed_stream_is_eof():
    with pytest.raises(EOFError):
        protocol.read_frame(io.BytesIO(b"\x00\x00"))
