"""Task 12, public checks: what the generator yields and the dataset's element spec."""

import pytest


@pytest.mark.points(1)
def test_generator_yields_float32_images(probe):
    """generate_data yields float32 arrays of shape (28, 28, 1)"""
    report = probe.generator_report()
    assert report["count"] > 0, "generate_data(50) yielded nothing: yield one array per sample."
    assert report["shapes"] == [[28, 28, 1]], (
        f"generate_data yields arrays of shape(s) {report['shapes']}; each sample must have shape "
        "(28, 28, 1).")
    assert report["dtypes"] == ["float32"], (
        f"generate_data yields {', '.join(report['dtypes'])} arrays; yield float32 "
        "(np.random.normal returns float64: add .astype(np.float32)).")


@pytest.mark.points(2)
def test_dataset_element_spec(probe):
    """make_dataset's element spec is TensorSpec((28, 28, 1), tf.float32)"""
    spec = probe.dataset_report()["spec"]
    if spec["kind"] in ("tuple", "list"):
        raise AssertionError(
            f"The element spec is a {spec['kind']} of {spec['length']} spec(s), not one TensorSpec: "
            "output_signature=(tf.TensorSpec(...),) is a 1-tuple, so every element must be a "
            "1-tuple too, and a generator that yields bare arrays fails when the dataset is "
            "iterated. Pass the TensorSpec itself: "
            "output_signature=tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32).")
    assert spec["kind"] == "TensorSpec", f"The element spec is a {spec['kind']}; expected one TensorSpec."
    assert spec["shape"] == [28, 28, 1], f"The element shape is {spec['shape']}; expected (28, 28, 1)."
    assert spec["dtype"] == "float32", (
        f"The output_signature declares dtype {spec['dtype']}, but the data are float samples "
        "of N(0, 1): declared as uint8 they are truncated to whole numbers 0..255 (the quiz's "
        "fault). Declare dtype=tf.float32."
        if spec["dtype"] == "uint8" else
        f"The output_signature declares dtype {spec['dtype']}; declare tf.float32.")
