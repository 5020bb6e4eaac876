"""Commands' help from their docstrings: each paragraph one line, Rich markup left literal."""

import inspect
import re

# What Rich would take for a style tag ("[fact]" in "[[fact]]"): typer renders help and
# completion descriptions as Rich markup, where a docstring means its text literally.
_MARKUP_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def literal_help(text: str) -> str:
    """``text`` escaped so that Rich markup shows it as written."""
    return _MARKUP_TAG.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), text)


def help_text(docstring: str) -> str:
    """A command's docstring as its help: each paragraph one line (typer keeps a docstring's
    line breaks, which then fall mid-line at the terminal's width), examples each on their own."""
    paragraphs = inspect.cleandoc(docstring).split("\n\n")
    joined = [re.sub(r"\n(?!Example: )", " ", paragraph) for paragraph in paragraphs]
    return literal_help("\n\n".join(joined))
