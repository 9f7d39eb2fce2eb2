"""``python -m grader`` is the ``grader`` command."""

import sys

from grader.commands.main import main

sys.exit(main())
