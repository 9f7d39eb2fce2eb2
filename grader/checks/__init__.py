"""Running a task's checks with pytest in the trusted process, and scoring what they found."""
