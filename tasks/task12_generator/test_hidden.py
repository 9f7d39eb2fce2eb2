"""Task 12, hidden checks: a finite generator of N(0, 1) noise behind from_generator."""

import pytest

from grader.testing import not_judged

SAMPLES = 50
SPEC_CHECK = "test_dataset_element_spec"


def spec_is_one_tensor_spec(spec):
    return spec["kind"] == "TensorSpec"


def spec_is_float32(spec):
    return spec_is_one_tensor_spec(spec) and spec["dtype"] == "float32"


@pytest.mark.points(3)
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


@pytest.mark.points(1)
def test_dataset_has_num_samples_elements(probe):
    """make_dataset(num_samples) yields exactly num_samples elements, and make_dataset() 1,000"""
    for report, size in ((probe.dataset_report(num_samples=SAMPLES), SAMPLES),
                         (probe.dataset_report(use_default=True), 1000)):
        call = f"make_dataset({SAMPLES})" if size == SAMPLES else "make_dataset()"
        if report["iteration_error"] and not spec_is_one_tensor_spec(report["spec"]):
            not_judged(f"Iterating {call} failed ({report['iteration_error']}) because its element "
                       "spec is not one TensorSpec; the element spec check names this.",
                       because=SPEC_CHECK)
        assert report["iteration_error"] is None, (
            f"Iterating {call} failed: {report['iteration_error']} Make the output_signature "
            "match what the generator yields: one TensorSpec((28, 28, 1), tf.float32) for one array.")
        count = report["count"]
        if count >= report["limit"]:
            generator = probe.generator_report(num_samples=SAMPLES)
            if generator["count"] >= generator["limit"]:
                not_judged(f"{call} never ends because generate_data never stops; the check that "
                           "the generator stops names this.",
                           because="test_generator_stops_after_num_samples")
            raise AssertionError(
                f"{call} yielded more than {size} elements although generate_data stops: pass "
                "num_samples on to the generator (e.g. from_generator(lambda: "
                "generate_data(num_samples), ...)).")
        assert count == size, (
            f"{call} yielded {count} elements; "
            + ("pass num_samples on to the generator (e.g. from_generator(lambda: "
               "generate_data(num_samples), ...))." if size == SAMPLES else
               "its default must be num_samples=1000."))


@pytest.mark.points(1)
def test_dataset_values_are_float_noise(probe):
    """The dataset's elements keep the generator's float values"""
    report = probe.dataset_report(num_samples=SAMPLES)
    if not spec_is_float32(report["spec"]):
        not_judged("The dataset's element spec is not one float32 TensorSpec, so its values are "
                   "not the generator's float noise; the element spec check names this.",
                   because=SPEC_CHECK)
    assert report["well_shaped"] > 0, (
        f"The dataset yielded no (28, 28, 1) elements (error: {report['iteration_error']}).")
    assert report["integral_fraction"] < 0.5 and report["min"] < 0, (
        f"{report['integral_fraction']:.0%} of the values are whole numbers and the smallest is "
        f"{report['min']:g}: the dataset does not carry N(0, 1) noise. Yield the float samples "
        "themselves and declare dtype=tf.float32.")
    assert report["dtypes"] == ["float32"], (
        f"The dataset's elements are {', '.join(report['dtypes'])}; they must be float32.")


@pytest.mark.points(1)
def test_built_with_from_generator(probe):
    """make_dataset builds the dataset with tf.data.Dataset.from_generator"""
    report = probe.dataset_report(num_samples=SAMPLES)
    assert report["from_generator_calls"] or report["has_generator_op"], (
        "make_dataset never calls tf.data.Dataset.from_generator: the task is to wrap the "
        "generator with from_generator(..., output_signature=tf.TensorSpec(shape=(28, 28, 1), "
        "dtype=tf.float32)).")
