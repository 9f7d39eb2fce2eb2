"""Reading a submission (folders, archives, notebooks, answers.yaml): data only, nothing runs."""
