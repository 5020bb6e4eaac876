"""The fixed vocabularies of fact files and of the command line.

Kept apart from the modules that use them so the command line can declare its options
without importing those modules: every command pays for its own imports only.
"""

from enum import Enum

#: What sort of claim a fact makes.
FACT_KINDS = ("figure", "event", "plan", "forecast", "proposal", "initiative", "decision", "statement")

#: Hedges a figure may carry; kept next to the value so nobody reads "nearly 7" as "7".
QUALIFIERS = (
    "more than", "over", "nearly", "around", "approximately", "about",
    "almost", "up to", "at least", "several", "just",
)


class OutputFormat(str, Enum):
    """``--format``: how a listing command prints its records."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"


class CiteStyle(str, Enum):
    """``--style``: the citation styles ``otsfacts cite`` writes."""

    APA = "apa"
    CHICAGO = "chicago"
    MLA = "mla"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


#: ``--sort``: best first (search; base order for list), by date (the fact's, else its
#: source's publication date), by id.
SORT_ORDERS = ("score", "date", "id")
