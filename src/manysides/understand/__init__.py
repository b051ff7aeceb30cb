"""Pipeline stage 3, understanding one article: sentences, entities, quotes and attributions, dates and numbers.

`analyse(article)` returns an `ArticleText` that the comparison engine reads; each module does one job.
"""

from manysides.understand.document import ArticleText, SentenceInfo, analyse, analyse_many

__all__ = ["ArticleText", "SentenceInfo", "analyse", "analyse_many"]
