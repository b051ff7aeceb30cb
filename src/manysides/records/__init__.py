"""The records every stage passes on: a page as read, its article, a story, a comparison report.

They live here, apart from the stages that make them, so that storage and presentation import records and
never another stage's machinery.
"""
