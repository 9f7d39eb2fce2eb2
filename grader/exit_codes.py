"""Exit codes of the ``grader`` commands, which containers and CI read back."""

EXIT_GRADED = 0  # graded, whatever the score
EXIT_USAGE = 2  # the command line or the submission could not be read
EXIT_GRADER_FAILED = 3  # the grader itself failed
