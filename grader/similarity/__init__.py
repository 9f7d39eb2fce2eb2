"""Similarity across a class: code and written answers, for staff to look at.

    report = compare_class(folder, catalog)     # nothing of the students' runs
    write_similarity_outputs(report, out)       # similarity.html, pair pages, similarity.csv
"""
