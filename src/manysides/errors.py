"""Errors that describe bad input; the CLI prints them as one line, never a traceback."""


class InputError(Exception):
    """A problem with one input (file, record, URL) that must not stop the others.

    `source` names the input the way the user gave it, so the message can point at it.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def first_line(error: object, limit: int = 120) -> str:
    """A library's error message as one printable line: such messages can quote the hostile input they choked on."""
    text = "".join(c for c in str(error).split("\n", 1)[0] if c.isprintable()).strip()[:limit].strip()
    return text or type(error).__name__
