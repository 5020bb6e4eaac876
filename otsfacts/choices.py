"""The fixed vocabularies of fact files and of the command line.

Kept apart from the modules that use them so the command line can declare its options
without importing those modules: every command pays for its own imports only.
"""

from enum import Enum

#: What sort of claim a fact makes.
FACT_KINDS = ("figure", "event", "plan", "forecast", "proposal", "initiative", "decision", "statement")

#: Hedges a figure may carry; kept next to the value so nobody reads "nearly 7" as "7",
#: "estimated at 157 GW" as a measurement, "among the top 3" as "third", or a capacity
#: being expanded to a target as a capacity reached.
QUALIFIERS = (
    "more than", "over", "nearly", "around", "approximately", "about",
    "almost", "up to", "at least", "several", "just", "estimated", "among the top", "expanding to",
)

#: What an actor did: the deed a fact reports, apart from whose words the quote is.
#: A fact's ``speaker`` is always the person whose words the quote is; ``actor`` is who
#: proposed, decided, launched... what the claim is about, shown as "Proposed by X".
#: ``remarked`` is a remark the speaker reports in his own words (not quoted directly).
ACTS = (
    "proposed", "initiated", "decided", "agreed", "adopted", "endorsed", "established", "launched",
    "allocated", "hosted", "organized", "signed", "remarked",
)

#: What ``otsfacts new`` leaves for the curator to replace; ``check`` reports it as an error.
PLACEHOLDER = "TODO"


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


#: ``otsfacts new --kind``: a fact's kind, as typer takes a choice.
FactKind = Enum("FactKind", {kind.upper(): kind for kind in FACT_KINDS}, type=str)  # type: ignore[misc]


class NewWhat(str, Enum):
    """``otsfacts new [fact|source|topic]``: what entry to scaffold."""

    FACT = "fact"
    SOURCE = "source"
    TOPIC = "topic"
