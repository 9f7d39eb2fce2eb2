"""Task 54, public checks: step runs on a deeper network and keeps the parameters' layout."""

import math

import pytest


@pytest.mark.points(1)
def test_step_runs_on_deeper_network(probe):
    """step on a network with four hidden layers returns a finite loss and keeps every shape"""
    obs = probe.step_against_backward(sizes=(5, 6, 6, 6, 6, 4), learning_rate=0.1)
    returned = obs["returned"]["value"]
    assert returned is not None and math.isfinite(returned), (
        f"step returned {obs['returned']['kind']} ({returned}); return the loss as a float.")
    before = [w.shape for w in obs["W"]]
    after = [w.shape for w in obs["W_after"]]
    assert before == after, (
        f"step changed the weight shapes from {before} to {after}; keep W of every layer "
        "shaped (n_in, n_out).")
