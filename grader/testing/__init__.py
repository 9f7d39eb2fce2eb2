"""What a task's test files use besides pytest: the errors the engine understands, readers
for answers in any harmless form, and the checks and reference computations that several
tasks share.

A check fails with ``assert condition, "feedback for the student"``. Errors raised by the
``probe`` and ``answers`` fixtures carry the student-facing message themselves.
"""

from grader.testing.answers import as_bool, as_choice, as_int_list, as_shape, as_shape_list, check_choice
from grader.testing.errors import (FAILED_KINDS, MISSING_KINDS, BadAnswer, MissingAnswer, NotJudged,
                                   StudentCodeError, not_judged)
from grader.testing.observations import KERAS3_TF_FUNCTION_CALL_TRAP, array, require_no_error
from grader.testing.probabilities import assert_probabilities
from grader.testing.shapes import check_num_classes, check_output_shapes

__all__ = ["BadAnswer", "FAILED_KINDS", "KERAS3_TF_FUNCTION_CALL_TRAP", "MISSING_KINDS", "MissingAnswer",
           "NotJudged", "StudentCodeError", "array", "as_bool", "as_choice", "as_int_list", "as_shape",
           "as_shape_list", "check_choice", "assert_probabilities", "check_num_classes", "check_output_shapes",
           "not_judged", "require_no_error"]
