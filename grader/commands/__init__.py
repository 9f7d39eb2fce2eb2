"""The ``grader`` command line: argument handling and exit codes that hand off to the layers below."""
