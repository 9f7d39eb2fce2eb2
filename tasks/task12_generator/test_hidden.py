"""Task 12, hidden checks: a finite generator of N(0, 1) noise behind from_generator."""

import pytest

SAMPLES = 50


@pytest.mark.points(2)
def test_generator_stops_after_num_samples(probe):
    """generate_data(num_samples) yields exactly num_samples arrays and then stops"""
    for size in (SAMPLES, 7):
        report = probe.generator_report(num_samples=size)
        count = report["count"]
        if count >= report["limit"]:
            raise AssertionError(
                f"generate_data({size}) did not stop after {size} samples (still yielding after "
                f"{count}): the generator loops forever with `while True` (the quiz's fault). A "
                "dataset built on it never ends, so an epoch never ends. Yield exactly num_samples "
                "samples: for _ in range(num_samples): yield ...")
        assert count == size, (
            f"generate_data({size}) yielded {count} samples; it must yield exactly num_samples.")


@pytest.mark.points(1)
def test_generator_draws_standard_normal(probe):
    """The samples are different draws from N(0, 1)"""
    report = probe.generator_report()
    assert report["well_shaped"] > 1, "generate_data must yield arrays of shape (28, 28, 1)."
    mean, std = report["mean"], report["std"]
    assert abs(mean) < 0.05 and 0.95 < std < 1.05, (
        f"The samples have mean {mean:.3f} and standard deviation {std:.3f}; draws from N(0, 1) "
        "have mean 0 and standard deviation 1: use np.random.normal(size=(28, 28, 1)) "
        "(or a Generator's .normal / .standard_normal).")
    assert report["distinct_items"] == report["well_shaped"], (
        "Some samples are identical: draw a new random array for every sample.")


@pytest.mark.points(2)
def test_dataset_has_num_samples_elements(probe):
    """make_dataset(num_samples) yields exactly num_samples elements"""
    report = probe.dataset_report(num_samples=SAMPLES)
    assert report["iteration_error"] is None, (
        f"Iterating the dataset failed: {report['iteration_error']} Make the output_signature match "
        "what the generator yields: one TensorSpec((28, 28, 1), tf.float32) for one array.")
    count = report["count"]
    if count >= report["limit"]:
        generator = probe.generator_report(num_samples=SAMPLES)
        if generator["count"] >= generator["limit"]:
            raise AssertionError(
                f"make_dataset({SAMPLES}) yielded more than {SAMPLES} elements ({count} and counting): "
                "the generator behind it never stops (`while True`, the quiz's fault), so every "
                "epoch is endless. Let the generator yield num_samples samples.")
        raise AssertionError(
            f"make_dataset(num_samples={SAMPLES}) yielded more than {SAMPLES} elements although "
            "generate_data stops: pass num_samples on to the generator (e.g. "
            "from_generator(lambda: generate_data(num_samples), ...)).")
    assert count == SAMPLES, (
        f"make_dataset(num_samples={SAMPLES}) yielded {count} elements; pass num_samples on to the "
        "generator (e.g. from_generator(lambda: generate_data(num_samples), ...)).")


@pytest.mark.points(1)
def test_dataset_values_are_float_noise(probe):
    """The dataset's elements keep the generator's float values"""
    report = probe.dataset_report(num_samples=SAMPLES)
    assert report["well_shaped"] > 0, (
        f"The dataset yielded no (28, 28, 1) elements (error: {report['iteration_error']}).")
    assert report["integral_fraction"] < 0.5 and report["min"] < 0, (
        f"{report['integral_fraction']:.0%} of the values are whole numbers and the smallest is "
        f"{report['min']:g}: the float samples were converted to {', '.join(report['dtypes'])} by "
        "the output_signature (the quiz's fault: dtype=tf.uint8), which destroys the N(0, 1) "
        "noise. Declare dtype=tf.float32.")
    assert report["dtypes"] == ["float32"], (
        f"The dataset's elements are {', '.join(report['dtypes'])}; they must be float32.")


@pytest.mark.points(1)
def test_built_with_from_generator(probe):
    """make_dataset builds the dataset with tf.data.Dataset.from_generator and an output_signature"""
    report = probe.dataset_report(num_samples=SAMPLES)
    calls = report["from_generator_calls"]
    if not calls and report["has_generator_op"]:
        return  # from_generator reached through an alias: its signature is checked elsewhere
    assert calls, (
        "make_dataset never calls tf.data.Dataset.from_generator: the task is to wrap the "
        "generator with from_generator(..., output_signature=...).")
    assert any(call["output_signature"] is not None for call in calls), (
        "from_generator is called without output_signature (output_types/output_shapes are "
        "deprecated): pass output_signature=tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32).")


@pytest.mark.points(1)
def test_default_size_is_1000(probe):
    """make_dataset() without arguments yields 1,000 elements"""
    report = probe.dataset_report(use_default=True)
    assert report["iteration_error"] is None, f"Iterating make_dataset() failed: {report['iteration_error']}"
    count = report["count"]
    assert count == 1000, (
        f"make_dataset() yielded {count if count < report['limit'] else 'more than 1,000 (endless)'} "
        "elements; its default is num_samples=1000.")
