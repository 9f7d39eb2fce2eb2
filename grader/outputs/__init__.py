"""One graded run to files and payloads: results.json, the reports, JUnit, Gradescope, Classroom.

Outputs read a finished ``GradeRun``; they never grade, so nothing here imports the engine.
"""
