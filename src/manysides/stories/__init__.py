"""Stories: articles from different outlets about the same event, with duplicates and reposts linked."""

from manysides.stories.batch import group
from manysides.stories.index import Assignment, StoryIndex

__all__ = ["Assignment", "StoryIndex", "group"]
