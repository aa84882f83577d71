"""An imported graph opened from disk: its model, resolver, network, store and evidence, each lazily.

Provenance (:meth:`ImportedGraph.get_evidence`): each edge gets one
``model.Evidence`` per publication (or one, when it cites none), built only
when read: ``study`` is the publication CURIE, else the primary knowledge
source, else the import; ``read_in`` is the import's own study record
``import:NAME`` (in ``model.studies``, like a review); ``source_kind`` is
TABLE (a KGX row or an N-Triples line is a row of the imported file);
``locator`` names the file, line, edge id, predicate as written and knowledge
source; ``quote`` is the KGX ``supporting_text`` or else the row's own
subject-predicate-object; ``basis`` is our own per-publication basis where
the file carries it (our KGX ``msc_basis`` column, our RDF's ``msc:basis``),
else hedged for the knowledge levels "prediction" and
"statistical_association" and stated otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from msc_graph.errors import GraphImportError, UnknownGraphError
from msc_graph.interop.imported.biolink import CATEGORY_TYPES, HEDGED_LEVELS
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import (
    BASIS_VALUES,
    IMPORT_VERSION,
    check_graph_name,
    decode_provenance,
    get_graphs_dir,
    list_graphs,
    split_list,
    stores_provenance,
)
from msc_graph.model import Basis, Entity, EntityType, Evidence, GraphModel, SourceKind, Study, iter_subtree
from msc_graph.views.compact import CompactNetwork, IntCode, map_array, open_network, write_network
from msc_graph.views.resolve import NameIndex, Resolver

if TYPE_CHECKING:
    import pyoxigraph


class ImportedEntities(Mapping[str, Entity]):
    """The node table as ``model.entities``: Entity records built on first access."""

    def __init__(self, graph: ImportedGraph) -> None:
        self._graph = graph
        self._built: dict[str, Entity] = {}

    def __getitem__(self, entity_id: str) -> Entity:
        found = self._built.get(entity_id)
        if found is None:
            found = self._built[entity_id] = self._graph.get_entity(self._graph.node_index[entity_id])
        return found

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._graph.node_index

    def __iter__(self) -> Iterator[str]:
        return iter(self._graph.node_ids)

    def __len__(self) -> int:
        return len(self._graph.node_ids)


@dataclass(frozen=True)
class ImportedModel(GraphModel):
    """A GraphModel over an imported graph: entities from the node table, no curated assertions.

    ``children`` indexes the is-a links, so expanding a name through the
    hierarchy does not scan every entity.
    """

    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def iter_descendants(self, entity_id: str) -> Iterator[str]:
        """Yield ``entity_id`` and everything below it. Cost: linear in the subtree."""
        return iter_subtree(self.children, entity_id)


class NodeTable(NamedTuple):
    """The node records of an import as columns, for readers that need no Entity objects (the viz page).

    ``ids`` and ``labels`` are lists by node index, ``categories`` an array of
    indexes into ``category_names``; ``synonyms``, ``xrefs`` and ``parents`` map a
    node index to its values (``parents`` as node indexes).
    """

    ids: list[str]
    labels: list[str | None]
    categories: array[int]
    category_names: list[str]
    synonyms: dict[int, tuple[str, ...]]
    xrefs: dict[int, tuple[str, ...]]
    parents: dict[int, tuple[int, ...]]


class ImportedGraph:
    """One imported graph on disk: its records (memory-mapped), model, network, resolver and store.

    Opening costs one small JSON read; each part loads on first use
    (the node table and name index are JSON, read in milliseconds for 50k nodes,
    edge arrays are memory-mapped, the store opens read-only).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        meta_path = folder / "meta.json"
        if not meta_path.is_file():
            raise UnknownGraphError(folder.name, list_graphs(folder.parent.parent))
        self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        if self.meta.get("version") != IMPORT_VERSION:
            raise GraphImportError(
                f"graph {folder.name!r} was imported by another version of "
                "msc-graph; import it again with --replace"
            )
        self.name: str = self.meta["name"]
        self.study_id = f"import:{self.name}"
        self.store_provenance = stores_provenance(self.meta)
        """Whether the store holds each edge's provenance (``import --no-store-provenance``: not)."""
        self._evidence: dict[int, tuple[Evidence, ...]] = {}

    @cached_property
    def node_table(self) -> NodeTable:
        """Return the node records (``nodes.json`` and ``nodes.categories``) as a :class:`NodeTable`."""
        data = json.loads((self.folder / "nodes.json").read_bytes())
        categories = array("H")
        categories.frombytes((self.folder / "nodes.categories").read_bytes())

        def by_index(values: dict[str, list[Any]]) -> dict[int, tuple[Any, ...]]:
            return {int(index): tuple(items) for index, items in values.items()}

        return NodeTable(
            data["ids"],
            data["labels"],
            categories,
            data["category_names"],
            by_index(data["synonyms"]),
            by_index(data["xrefs"]),
            by_index(data["parents"]),
        )

    @cached_property
    def node_ids(self) -> list[str]:
        """Return node index → node id."""
        return self.node_table.ids

    @cached_property
    def node_index(self) -> dict[str, int]:
        """Return node id → node index."""
        return {node_id: index for index, node_id in enumerate(self.node_ids)}

    def get_entity(self, index: int) -> Entity:
        """Return the Entity of the node at ``index`` (its category mapped to our types)."""
        ids, labels, categories, category_names, synonyms, xrefs, parents = self.node_table
        category = category_names[categories[index]]
        return Entity(
            ids[index],
            labels[index] or ids[index],
            CATEGORY_TYPES.get(category, EntityType.EXTERNAL),
            synonyms.get(index, ()),
            xrefs.get(index, ()),
            tuple(ids[p] for p in parents.get(index, ())),
        )

    def get_category(self, entity_id: str) -> str:
        """Return the category of a node as written in the source ("" when it had none)."""
        table = self.node_table
        return table.category_names[table.categories[self.node_index[entity_id]]]

    @cached_property
    def edge_columns(self) -> dict[str, memoryview[int]]:
        """Return the edge records as memory-mapped columns, one row per record of the file.

        subjects and objects are node indexes, slugs index ``meta["slugs"]``,
        predicates ``meta["predicates"]``, lines the record's line in the file,
        and provenance.offsets / provenance the encoded provenance bytes.
        """
        types: dict[str, IntCode] = {
            "subjects": "i",
            "objects": "i",
            "slugs": "B",
            "predicates": "H",
            "lines": "i",
            "provenance.offsets": "q",
            "provenance": "B",
        }
        return {key: map_array(self.folder / f"edges.{key}", code) for key, code in types.items()}

    @cached_property
    def study(self) -> Study:
        """Return the study record of the import itself (what every imported edge is read in)."""
        sources = ", ".join(self.meta.get("source_names", []))
        return Study(
            self.study_id,
            f"{self.name} (imported {self.meta['format'].upper()}: {sources})",
            title=sources,
            review=True,
        )

    @cached_property
    def model(self) -> ImportedModel:
        """Return the model: lazy entities, the import's study, no curated assertions."""
        children: dict[str, list[str]] = {}
        ids, parents = self.node_ids, self.node_table.parents
        for child, parent_indices in parents.items():
            for parent in parent_indices:
                children.setdefault(ids[parent], []).append(ids[child])
        return ImportedModel(
            ImportedEntities(self),
            {self.study_id: self.study},
            (),
            self.name,
            children={k: tuple(v) for k, v in children.items()},
        )

    @cached_property
    def resolver(self) -> Resolver:
        """Return the resolver over the name index built at import time (read when a name needs it)."""
        path = self.folder / "names.json"
        return Resolver(self.model, lambda: NameIndex.from_json(path.read_bytes()))

    def get_evidence(self, edge: int) -> tuple[Evidence, ...]:
        """Return the evidence of edge record ``edge`` (see the module docstring), memoised."""
        found = self._evidence.get(edge)
        if found is not None:
            return found
        edges = self.edge_columns
        start, stop = edges["provenance.offsets"][edge], edges["provenance.offsets"][edge + 1]
        edge_id, source, publications, text, level, direction, bases, units = decode_provenance(
            bytes(edges["provenance"][start:stop])
        )
        predicate = self.meta["predicates"][edges["predicates"][edge]]
        subject = self.node_ids[edges["subjects"][edge]]
        obj = self.node_ids[edges["objects"][edge]]
        locator = f"{self.record_origin} {edges['lines'][edge]}"
        if edge_id:
            locator += f", id {edge_id}"
        locator += f"; {predicate}" + (f" ({direction})" if direction else "")
        if source:
            locator += f"; {source}"
        quote = text or f"{subject} {predicate}{f' ({direction})' if direction else ''} {obj}"
        studies = split_list(publications) or [source or self.study_id]
        default = Basis.HEDGED if level in HEDGED_LEVELS else Basis.STATED
        written, groups = split_list(bases), split_list(units)
        # publications of one row are cited together (one support unit), unless our own export
        # says which of them were separate findings: then each unit gets a place of its own
        several = len(set(groups)) > 1
        found = tuple(
            Evidence(
                study,
                self.study_id,
                SourceKind.TABLE,
                f"{locator}; unit {groups[index]}" if several and index < len(groups) else locator,
                quote,
                Basis(written[index]) if index < len(written) and written[index] in BASIS_VALUES else default,
            )
            for index, study in enumerate(studies)
        )
        self._evidence[edge] = found
        return found

    @cached_property
    def record_origin(self) -> str:
        """Return how a locator names where a record sits: its file and unit ("edges.tsv line").

        Turtle records are counted in triples (the file is read through a
        converter), every other format in lines. The viz page builds its
        locators from this too, so both say the same.
        """
        names = self.meta.get("source_names", [])
        unit = "triple" if self.meta["format"] == "ttl" else "line"
        return f"{names[-1] if names else self.name} {unit}"

    @property
    def network_dir(self) -> Path:
        """Return the folder of the compact network (built on first use)."""
        return self.folder / "network"

    def build_network(self) -> Path:
        """Build the compact network from the edge records if it is not there yet; return its folder.

        Written into a temporary folder and renamed, so concurrent or killed
        builds never leave half of one. Cost: two stable sorts of the edges
        (~0.5 s per million edges with numpy).
        """
        folder = self.network_dir
        if folder.is_dir():  # the import wrote it: the usual case, and no importer module to load
            return folder
        from msc_graph.interop.imported.importer import is_running

        for left in self.folder.glob(".network.tmp-*-*"):  # a killed build's, once its process is gone
            pid = left.name.removeprefix(".network.tmp-").split("-")[0]
            if pid.isdigit() and not is_running(int(pid)):
                shutil.rmtree(left, ignore_errors=True)
        temporary = self.folder / f".network.tmp-{os.getpid()}-{threading.get_ident()}"
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir()
        try:
            columns = self.edge_columns
            write_network(
                temporary, columns["subjects"], columns["objects"], columns["slugs"], len(self.node_ids)
            )
            try:
                os.rename(temporary, folder)
            except OSError:
                if not folder.is_dir():
                    raise
                shutil.rmtree(temporary, ignore_errors=True)  # another process built it first
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        return folder

    @cached_property
    def network(self) -> CompactNetwork:
        """Return the compact network view (built and cached on first use, then memory-mapped)."""
        return open_network(
            self.build_network(),
            self.node_ids,
            self.node_index,
            self.meta["slugs"],
            self.edge_columns["slugs"],
            self.get_evidence,
            self.name,
            self.meta["predicate_counts"],  # counted at import: the slugs some edge has
        )

    def open_store(self) -> pyoxigraph.Store:
        """Open the RDF store read-only (milliseconds; several processes may read at once)."""
        import pyoxigraph

        return pyoxigraph.Store.read_only(str(self.folder / "store"))

    @cached_property
    def _curies(self) -> Curies:
        return Curies(self.meta.get("prefixes", {}))

    def get_iri(self, node_id: str) -> str:
        """Return the IRI a node id stands for in the store (the prefix map of the import expands it)."""
        return self._curies.expand(node_id)


def open_imported_graph(cache_dir: Path, name: str) -> ImportedGraph:
    """Return the imported graph ``name`` of a project cache.

    Raises:
        UnknownGraphError: there is none of that name.
    """
    folder = get_graphs_dir(cache_dir) / check_graph_name(name)
    if not (folder / "meta.json").is_file():
        raise UnknownGraphError(name, list_graphs(cache_dir))
    return ImportedGraph(folder)
