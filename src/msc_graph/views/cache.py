"""Input hash → cached model, so a CLI call does not re-parse YAML when nothing changed.

The key is a SHA-256 of the curated YAML (the very bytes the loader parses),
the ontology folder and the seed texts (which decide whether quotes
validate). Each artefact is written to a temporary file and renamed into
place, so a build killed midway leaves either the old artefact or the new
one, never half of one.

An artefact is a pickle, and unpickling runs code, so the cache must never
trust a file it did not write itself: a checkout could ship
``.mscgraph-cache/<key>.model.pickle``, and the key is the same in every copy
of the same data. Every artefact therefore carries an HMAC-SHA256 under a
secret kept in the user's own configuration folder
(``$XDG_CONFIG_HOME/msc-graph/cache.key``, made on first use), over the
artefact's name (its input hash) and the resolved project folder as well as
its bytes; the MAC is checked before anything is unpickled, and an artefact
that fails it is deleted and rebuilt. Without a usable secret (a folder that
cannot be written, a key file that is not the user's own private regular
file) nothing is cached: the model is built every time. Knows nothing about
queries.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import re
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from msc_graph.config import Project, find_config_dir, find_project
from msc_graph.curation.seeds import get_seeds_dir, make_quote_lookup
from msc_graph.errors import DataError, Problem
from msc_graph.model import GraphModel

T = TypeVar("T")
CACHE_VERSION = "10"
"""Bump when the pickled records or the artefact format change, so old caches are ignored."""
SECRET_NAME = "cache.key"
"""The file, in the user's msc-graph configuration folder, holding the cache's HMAC key."""
SECRET_BYTES = 32
MAX_ARTEFACT_BYTES = 1 << 30
"""An artefact larger than this is not read, only deleted (the curated model pickles to under 1 MB)."""
_ARTEFACT = re.compile(r"[0-9a-f]{24}\.model\.pickle(?:\w*\.tmp)?")
"""Names the cache writes (artefacts and their temporary files): the only names it ever deletes."""
_OTHER_SUFFIXES = {".yaml", ".ttl", ".json", ".md", ".tsv"}


def find_cache_secret() -> bytes | None:
    """Return the user's cache key, making it on first use; None where caching must not happen.

    The key is 32 random bytes in ``cache.key`` of :func:`msc_graph.config.find_config_dir`,
    created with ``O_CREAT | O_EXCL`` and mode 0600. An existing key is used
    only when it is a regular file (not a symlink), owned by this user, and
    neither group- nor world-accessible; anything else, or a folder that
    cannot be made, means no caching rather than a key others could know.
    """
    folder = find_config_dir()
    if folder is None:
        return None
    path = folder / SECRET_NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        return _read_secret(path)
    except OSError:
        return None
    secret = secrets.token_bytes(SECRET_BYTES)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secret)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError:
        path.unlink(missing_ok=True)  # a short key would be refused forever
        return None
    return secret


def _read_secret(path: Path) -> bytes | None:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:  # a symlink (ELOOP), missing, unreadable
        return None
    try:
        status = os.fstat(handle)
        if (
            not stat.S_ISREG(status.st_mode)
            or status.st_uid != os.geteuid()
            or status.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
        ):
            return None
        secret = os.read(handle, SECRET_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    # shorter: another process is still writing it (this call builds without the cache)
    return secret if len(secret) == SECRET_BYTES else None


@dataclass(frozen=True)
class Seal:
    """Authenticates one artefact: an HMAC-SHA256 over where it belongs and what it holds.

    ``binding`` names the artefact (its file name, which carries the input
    hash) and the resolved project folder, so an artefact copied from another
    checkout, or renamed to another key, fails even under the same secret.
    """

    secret: bytes
    binding: bytes

    @classmethod
    def for_artefact(cls, secret: bytes, project: Project, name: str) -> Seal:
        """Return the seal of artefact ``name`` of ``project``."""
        parts = [
            f"msc-graph cache {CACHE_VERSION}".encode(),
            os.fsencode(project.root.resolve()),
            name.encode(),
        ]
        return cls(secret, b"".join(len(part).to_bytes(8, "big") + part for part in parts))

    def _mac(self, payload: bytes) -> bytes:
        mac = hmac.new(self.secret, self.binding, hashlib.sha256)
        mac.update(payload)
        return mac.hexdigest().encode()

    def seal(self, payload: bytes) -> bytes:
        """Return ``payload`` preceded by its MAC line."""
        return self._mac(payload) + b"\n" + payload

    def unseal(self, data: bytes) -> bytes | None:
        """Return the payload of ``data`` when its MAC verifies, else None."""
        mac, _, payload = data.partition(b"\n")
        return payload if hmac.compare_digest(mac, self._mac(payload)) else None


def _read_regular(path: Path, *, follow: bool = True, max_bytes: int | None = None) -> bytes | None:
    """Return the bytes of ``path`` when it is a regular file; None for anything else or an error.

    Checked before opening (so a FIFO is never opened, a device never read),
    opened without blocking and checked again on the descriptor. With
    ``max_bytes``, a larger file is not read either.
    """
    try:
        if not stat.S_ISREG((os.stat if follow else os.lstat)(path).st_mode):
            return None
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or (max_bytes is not None and status.st_size > max_bytes):
            return None
        with os.fdopen(os.dup(handle), "rb") as stream:
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
        return data if max_bytes is None or len(data) <= max_bytes else None
    except OSError:
        return None
    finally:
        os.close(handle)


def _update(digest: hashlib._Hash, name: str, data: bytes) -> None:
    for part in (name.encode(), data):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)


def _hash_other_inputs(project: Project, seeds_dir: Path | None) -> str:
    """Return the hash of the inputs the build reads itself: ontology/ (prefixes.json) and the seeds.

    Regular files only, each read whole once; anything else under these
    folders (a FIFO, a device) is skipped, never opened.
    """
    digest = hashlib.sha256()
    folders = [project.ontology_dir] + ([seeds_dir] if seeds_dir is not None else [])
    for number, folder in enumerate(folders):
        for path in sorted(folder.rglob("*")):
            if path.suffix in _OTHER_SUFFIXES:
                data = _read_regular(path)
                if data is not None:
                    _update(digest, f"{number}/{path.relative_to(folder)}", data)
    return digest.hexdigest()


def _hash(contents: Mapping[Path, bytes], others: str) -> str:
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for path in sorted(contents):
        _update(digest, path.name, contents[path])
    _update(digest, "others", others.encode())
    return digest.hexdigest()[:24]


def _read_data_files(paths: Iterable[Path]) -> dict[Path, bytes]:
    """Return the bytes of every curated file, each read once by the loader's own rule.

    Regular files only, bounded (see :func:`msc_graph.curation.load.read_file`).

    Raises:
        DataError: a file is not a readable regular file (all such files, located).
    """
    from msc_graph.curation.load import read_file

    contents: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            contents[path] = read_file(path)
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return contents


def compute_input_hash(
    project: Project, seeds_dir: Path | None, contents: Mapping[Path, bytes] | None = None
) -> str:
    """Return the hash of every input that can change the built graph.

    ``contents`` are the curated files' bytes as read for the build (read
    here when not given); the key must describe those bytes, not whatever the
    files hold by the time they are hashed.

    Raises:
        DataError: ``contents`` not given and a curated file cannot be read.
    """
    from msc_graph.curation.load import iter_data_files

    if contents is None:
        contents = _read_data_files(iter_data_files(project.data_dir))
    return _hash(contents, _hash_other_inputs(project, seeds_dir))


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; outputs should be readable as usual
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _discard(path: Path) -> None:
    # a directory of that name cannot be removed: the write after the build then fails too
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def read_or_build(
    path: Path,
    build: Callable[[], T],
    seal: Seal | None,
    *,
    still_current: Callable[[], bool] | None = None,
) -> T:
    """Return the object stored at ``path`` when its seal verifies; else build it and store it.

    The MAC is verified before the payload is unpickled; an artefact that is
    not a regular file, fails its MAC or does not unpickle is deleted and
    rebuilt. Without a seal nothing is read or stored. The built value is
    stored only when ``still_current()`` (default: always) says the inputs
    did not change during the build, and only where the cache folder can be
    written; otherwise it is returned all the same.
    """
    if seal is None:
        return build()
    if os.path.lexists(path):
        data = _read_regular(path, follow=False, max_bytes=MAX_ARTEFACT_BYTES)
        payload = seal.unseal(data) if data is not None else None
        if payload is not None:
            try:
                result: T = pickle.loads(payload)
                return result
            except Exception:  # sealed by us, but records of an older shape
                pass
        _discard(path)
    value = build()
    if still_current is None or still_current():
        with contextlib.suppress(OSError):  # a read-only cache folder: serve the build unstored
            write_atomic(path, seal.seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value


def _prune(cache_dir: Path, keep: str) -> None:
    """Remove artefacts of other input hashes and temporary files left by killed builds.

    Only names the cache itself writes are removed: the folder comes from the
    checkout and may be a symlink to anywhere.
    """
    try:
        entries = list(cache_dir.iterdir())
    except OSError:
        return
    for path in entries:
        if _ARTEFACT.fullmatch(path.name) and not path.name.startswith(keep):
            _discard(path)


def build_model(project: Project | None = None, *, use_cache: bool = True) -> GraphModel:
    """Load, validate and return the curated model, from the cache when inputs are unchanged.

    Quotes are checked against the seeds when the seed folder is present
    (``$MSC_GRAPH_SEEDS`` or ``../shared/seeds``); without it they are not.

    The curated YAML is read once: the key is computed from those bytes and
    the same bytes are parsed, so a file edited during the build cannot put
    a model under a key it does not match. The other inputs (the seed texts,
    ontology/ with prefixes.json and the term tables) are read by the build itself, so they are
    hashed before and again after it, and a build during which they changed
    is returned but not stored.

    Raises:
        DataError: the curated data has problems (all of them, located).
    """
    from msc_graph.curation.load import iter_data_files

    project = project or find_project()
    seeds_dir = get_seeds_dir()
    paths = list(iter_data_files(project.data_dir))

    def build(contents: Mapping[Path, bytes] | None) -> GraphModel:
        from msc_graph.curation.load import load_files
        from msc_graph.curation.validate import validate_files

        files = load_files(paths, contents)
        lookup = make_quote_lookup(seeds_dir)
        return validate_files(files, project.read_prefixes(), lookup, terms=project.read_terms())

    if not use_cache:
        return build(None)
    try:
        contents = _read_data_files(paths)
    except DataError:
        return build(None)  # the loader reports the unreadable files with every other problem
    secret = find_cache_secret()
    if secret is None:
        return build(contents)
    others = _hash_other_inputs(project, seeds_dir)
    key = _hash(contents, others)
    name = f"{key}.model.pickle"
    model = read_or_build(
        project.cache_dir / name,
        lambda: build(contents),
        Seal.for_artefact(secret, project, name),
        still_current=lambda: _hash_other_inputs(project, seeds_dir) == others,
    )
    _prune(project.cache_dir, key)  # only now: a failed build keeps the last good artefacts
    return model
