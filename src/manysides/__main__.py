"""Allows `python -m manysides`."""

from manysides.cli import main

main()
