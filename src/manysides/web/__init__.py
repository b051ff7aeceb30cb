"""The web app and JSON API (`manysides serve`): pages and their JSON twins over one Service."""

from manysides.web.app import create_app

__all__ = ["create_app"]
