"""Raises with lone surrogates in the message."""


def receptive_field(layers):
    raise ValueError("lone \ud800 and \udc80 surrogates")
