"""Task 13, hidden checks: shuffling, batching, caching and prefetching."""

import numpy as np
import pytest

COUNT, BATCH = 1300, 32  # enough to tell a 1,000-element shuffle buffer from a small one


def block_fraction(ids, batch_sizes):
    """Share of full batches whose elements are one contiguous run of input indices."""
    blocks, start = [], 0
    for size in batch_sizes:
        batch = np.sort(ids[start:start + size])
        start += size
        if size == batch_sizes[0] and len(batch):
            blocks.append(batch[-1] - batch[0] == size - 1 and len(np.unique(batch)) == size)
    return float(np.mean(blocks)) if blocks else 1.0


@pytest.mark.points(1)
def test_targets_one_hot_and_paired(probe):
    """Targets are one-hot and belong to their image"""
    epoch = probe.run_pipeline()["epochs"][0]
    assert epoch["onehot_ok"].all(), "Targets must be one-hot vectors of length 10 (tf.one_hot(label, 10))."
    assert epoch["label_ok"].all(), (
        "Some targets do not belong to their image: transform image and label of an element "
        "together in one map, and do not shuffle them separately.")


@pytest.mark.points(1)
def test_every_element_once_last_batch_kept(probe):
    """Every element appears once per epoch; batches of batch_size, the partial last batch kept"""
    epoch = probe.run_pipeline()["epochs"][0]
    sizes = list(epoch["batch_sizes"])
    assert sum(sizes) == COUNT, (
        f"An epoch yields {sum(sizes)} elements from {COUNT}: keep the last partial batch "
        "(no drop_remainder) and do not repeat or filter elements.")
    expected = [BATCH] * (COUNT // BATCH) + [COUNT % BATCH]
    assert sorted(sizes, reverse=True) == expected, (
        f"Expected {COUNT // BATCH} batches of {BATCH} and one of {COUNT % BATCH}; got sizes "
        f"{sorted(set(sizes))}.")
    assert sorted(epoch["ids"].tolist()) == list(range(COUNT)), "Some elements are repeated or lost."


@pytest.mark.points(1)
def test_batch_size_parameter(probe):
    """The batch_size argument is respected"""
    epoch = probe.run_pipeline(count=1010, batch_size=50, epochs=1)["epochs"][0]
    sizes = sorted(epoch["batch_sizes"].tolist(), reverse=True)  # shuffled batches: any order
    assert sizes and all(size == 50 for size in sizes[:-1]) and 0 < sizes[-1] <= 50, (
        f"prepare_data(..., batch_size=50) yields batches of {sorted(set(sizes))} elements; every "
        "batch but the last should hold 50: pass batch_size on to dataset.batch.")


@pytest.mark.points(2)
def test_elements_shuffled_before_batching(probe):
    """Elements, not whole batches, are shuffled (shuffle before batch)"""
    epoch = probe.run_pipeline()["epochs"][0]
    ids = epoch["ids"]
    assert not np.array_equal(ids, np.arange(len(ids))), (
        "With training=True the elements come out in input order: shuffle the dataset.")
    fraction = block_fraction(ids, list(epoch["batch_sizes"]))
    assert fraction < 0.5, (
        f"{fraction:.0%} of the batches hold consecutive input elements: the pipeline shuffles "
        "whole batches. Call shuffle before batch so that every batch mixes elements.")


@pytest.mark.points(1)
def test_new_order_every_epoch(probe):
    """The order changes from one epoch to the next"""
    first, second = (epoch["ids"] for epoch in probe.run_pipeline()["epochs"])
    assert not np.array_equal(first, second), (
        "Both epochs have the same order. Reshuffle every epoch (the default of "
        "dataset.shuffle) and cache before shuffling, not after.")


@pytest.mark.points(1)
def test_shuffle_buffer_large_enough(probe):
    """The shuffle buffer holds at least 1,000 elements"""
    ids = probe.run_pipeline()["epochs"][0]["ids"]
    reach = int(np.max(ids - np.arange(len(ids))))
    assert reach >= 900, (
        f"No element moved more than {reach} places forward, so the shuffle buffer is "
        "smaller than 1,000 elements: a small buffer mixes the data only locally.")


@pytest.mark.points(1)
def test_evaluation_keeps_order(probe):
    """With training=False the input order is kept"""
    ids = probe.run_pipeline(training=False, epochs=1)["epochs"][0]["ids"]
    assert len(ids) and np.array_equal(ids, np.arange(len(ids))), (
        "With training=False the elements must keep their input order (no shuffling).")


@pytest.mark.points(1)
def test_deterministic_work_cached(probe):
    """The deterministic preprocessing is cached (the source is read once for two epochs)"""
    run = probe.run_pipeline()
    reads, steps = run["source_reads"], run["steps"]
    assert reads == COUNT, (
        f"Two epochs read {reads} elements from the source: cache the dataset after the "
        "deterministic maps so that they run once.")
    cache = next((index for index, op in enumerate(steps) if op.startswith("Cache")), None)
    assert cache is None or any("Map" in op for op in steps[:cache]), (
        f"The pipeline caches before any map ({' -> '.join(step_names(steps))}): the cache then holds "
        "the raw images and every map runs again each epoch. Cache after the deterministic maps.")


@pytest.mark.points(1)
def test_prefetch_last(probe):
    """prefetch is the last step"""
    steps = probe.run_pipeline()["steps"]
    assert steps and steps[-1] == "PrefetchDataset", (
        f"The steps of your pipeline are {' -> '.join(step_names(steps)) or 'none'}: end it with "
        "prefetch (e.g. dataset.prefetch(tf.data.AUTOTUNE)) so that the next batch is prepared "
        "while the model trains.")


def step_names(ops):
    """Dataset ops as the methods that create them: 'ParallelMapDatasetV2' -> 'map'."""
    names = []
    for op in ops:
        base = op.split("Dataset")[0]
        names.append(METHOD_OF_OP.get(base, base[:1].lower() + base[1:]))
    return names


METHOD_OF_OP = {"ParallelMap": "map", "Map": "map", "Batch": "batch", "ParallelBatch": "batch",
                "PaddedBatch": "padded_batch", "Shuffle": "shuffle", "Cache": "cache",
                "Prefetch": "prefetch", "Repeat": "repeat", "Take": "take", "Filter": "filter",
                "ParallelFilter": "filter", "ShuffleAndRepeat": "shuffle and repeat"}
