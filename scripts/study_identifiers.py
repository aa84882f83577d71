"""Write docs/study-identifiers.tsv: every primary study with its PMID and DOI, or why it has none.

A reader audits the identifiers here without reading YAML: the title and
first author as the review's reference list gives them, beside the PMID and
DOI recorded only when a retrieved record showed the same title and first
author. Run `python scripts/study_identifiers.py`; tests/test_papers.py
fails when the committed table is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from msc_graph import open_graph
from msc_graph.query.studies import iter_study_rows

TABLE = Path(__file__).resolve().parent.parent / "docs" / "study-identifiers.tsv"
COLUMNS = ("study", "read_in", "citation", "first_author", "title", "pmid", "doi", "no_pmid")


def build_table() -> str:
    """Return the table's text: a header, then one row per primary study, sorted by id."""
    model = open_graph().model
    read_in = {row.id: row.read_in for row in iter_study_rows(model)}
    rows = ["\t".join(COLUMNS)]
    for study in sorted(model.studies.values(), key=lambda s: s.id):
        if study.review:
            continue
        cells = (
            study.id,
            ",".join(read_in.get(study.id, ())),
            study.citation,
            study.authors[0] if study.authors else "",
            study.title or "",
            study.pmid or "",
            study.doi or "",
            study.no_pmid or "",
        )
        rows.append("\t".join(cell.replace("\t", " ") for cell in cells))
    return "\n".join(rows) + "\n"


def main() -> int:
    TABLE.write_text(build_table(), encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
