"""Raises with characters XML 1.0 forbids in the message."""


def receptive_field(layers):
    raise ValueError("NUL \x00 ESC \x1b[31m VT \x0b FFFE \ufffe FFFF \uffff")
