"""A whole class: batches, containers, class-level outputs, manual scores, the student kit."""
