"""Check every quote of one curated YAML file against its seed (a curator's quick check).

Usage: python scripts/check_quotes.py graph_data/ferrini-2025.yaml
`mscgraph validate` runs the same check over all files, with every other rule.
The reviews (and the seed text each is read from) are the project's, from its data.
"""

import sys

import yaml

from msc_graph.curation.seeds import find_quote
from msc_graph.views.cache import build_model


def main(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    default_review = data.get("review")
    reviews = build_model().reviews
    bad = 0
    for number, assertion in enumerate(data.get("assertions") or [], 1):
        for evidence in assertion.get("evidence") or []:
            quote = evidence.get("quote")
            review = evidence.get("read_in", default_review)
            if isinstance(quote, list):
                quote = " … ".join(quote)
            if not quote:
                print(f"assertion {number}: missing quote")
                bad += 1
                continue
            seed = reviews[review].seed if review in reviews else None
            if seed is None:
                print(f"assertion {number}: unknown review {review!r} (the reviews: {', '.join(reviews)})")
                bad += 1
                continue
            for part in find_quote(quote, seed):
                print(
                    f"assertion {number} ({assertion.get('subject')} {assertion.get('predicate')} "
                    f"{assertion.get('object')}): not in {review}: {part!r}"
                )
                bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
