"""Each device signs its own history; changes relayed for another device carry its signature.

Bundles carry every change a peer lacks, other devices' included (a laptop's work reaches
another laptop through the centre). The bundle's signature says who *wrote the bundle*, not who
*made each change*: with a laptop's history received through the centre, another laptop could
write that laptop's next change with a valid chain link, sign the bundle with its own key, and
the centre would store it as the first laptop's (and then refuse the genuine one as diverged).

So every origin (a device id, current or retired after a restore) signs the **head** of its
history chain: the highest sequence number it holds, that change's link (``db.chain``) and the
origin's public signing key, in an Ed25519 signature over :data:`CONTEXT`. Because each link
covers every earlier change, one signature vouches for the whole history up to the head. A
bundle carries, per origin, the freshest head its writer has (this device signs its own at
export; others' are kept in ``sync_origins`` as they arrive), and the receiver checks, before
anything is applied:

* the head's key is the one bound to that origin here, or may be bound now: the enrolled key
  of the device of that id, the key of the bundle's signer for its own new ids (a restore), or
  any key the centre vouches for (a bundle written by a device enrolled here as the centre);
  an origin bound to one key and signed by another is an impostor;
* the signature verifies, and every change of that origin in the bundle is at or below the
  head, whose link is the one held or carried for that sequence number;
* an origin without a head is accepted only from the centre (which vouches for what it holds,
  such as history from before heads existed) or as the bundle signer's own id.

Nothing here decides what the chain links are; ``db.sync.exchange`` checks each change's link
against the previous one as before, so together every relayed change is traced to its author.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from db.clock import now_iso
from db.sync.keys import KEY_BYTES, SIGNATURE_BYTES, LocalKeys

CONTEXT = b"rumbo-origin-head 1\n"


@dataclass(frozen=True)
class Head:
    """What an origin signed of its history: up to ``seq``, whose link is ``link`` ("" if unsealed)."""

    origin: str
    seq: int
    link: str
    key: bytes
    signature: bytes

    def message(self) -> bytes:
        return message(self.origin, self.seq, self.link, self.key)

    def verifies(self) -> bool:
        try:
            VerifyKey(self.key).verify(self.message(), self.signature)
        except (BadSignatureError, ValueError, TypeError):
            return False
        return True

    def to_json(self) -> dict:
        return {"seq": self.seq, "link": self.link, "key": self.key.hex(), "sig": self.signature.hex()}


def message(origin: str, seq: int, link: str, key: bytes) -> bytes:
    return CONTEXT + "\n".join((origin, str(seq), link, key.hex())).encode("utf-8")


def sign(keys: LocalKeys, origin: str, seq: int, link: str | None) -> Head:
    public = keys.public.signing
    return Head(origin, seq, link or "", public, keys.sign(message(origin, seq, link or "", public)))


def parse(origin: str, value: object) -> Head | None:
    """A head as a bundle carries it, or None when it is malformed."""
    if not isinstance(value, dict):
        return None
    seq, link, key, sig = (value.get(k) for k in ("seq", "link", "key", "sig"))
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1 or not isinstance(link, str):
        return None
    try:
        key_bytes, sig_bytes = bytes.fromhex(key), bytes.fromhex(sig)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if len(key_bytes) != KEY_BYTES or len(sig_bytes) != SIGNATURE_BYTES or len(link) > 128:
        return None
    return Head(origin, seq, link, key_bytes, sig_bytes)


# ---------------------------------------------------------------- stored heads


def bound_key(storage, origin: str) -> bytes | None:
    row = storage.conn.execute("SELECT signing_key FROM sync_origins WHERE origin = ?", (origin,)).fetchone()
    return bytes(row[0]) if row else None


def stored_head(storage, origin: str) -> Head | None:
    row = storage.conn.execute(
        "SELECT signing_key, head_seq, head_hash, signature FROM sync_origins WHERE origin = ?"
        " AND signature IS NOT NULL", (origin,)).fetchone()
    return None if row is None else Head(origin, row[1], row[2] or "", bytes(row[0]), bytes(row[3]))


def remember(storage, head: Head, learned_from: str) -> None:
    """Bind the origin to the head's key and keep the head if it is the freshest (caller's transaction)."""
    storage.conn.execute(
        "INSERT INTO sync_origins (origin, signing_key, head_seq, head_hash, signature, learned_from, learned_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(origin) DO UPDATE SET head_seq = excluded.head_seq,"
        " head_hash = excluded.head_hash, signature = excluded.signature"
        " WHERE sync_origins.head_seq IS NULL OR excluded.head_seq > sync_origins.head_seq",
        (head.origin, head.key, head.seq, head.link, head.signature, learned_from, now_iso()))


def bind(storage, origin: str, key: bytes, learned_from: str) -> None:
    """Bind an origin to a key without a head (vouched for by the centre)."""
    storage.conn.execute(
        "INSERT OR IGNORE INTO sync_origins (origin, signing_key, learned_from, learned_at) VALUES (?, ?, ?, ?)",
        (origin, key, learned_from, now_iso()))


# ---------------------------------------------------------------- writing


def _held_head(storage, origin: str) -> tuple[int, str | None] | None:
    row = storage.conn.execute(
        "SELECT origin_seq, hash FROM sync_changes WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1",
        (origin,)).fetchone()
    return None if row is None else (row[0], row[1])


def heads_for(storage, keys: LocalKeys, own: set[str], origins: Iterable[str]) -> dict[str, Head]:
    """The heads a bundle carrying changes of ``origins`` can carry: fresh for this device's own
    ids, the stored ones for the others (an origin without one goes without: only a centre's
    word is taken for it)."""
    out: dict[str, Head] = {}
    for origin in sorted(set(origins)):
        if origin in own:
            held = _held_head(storage, origin)
            if held:
                out[origin] = sign(keys, origin, held[0], held[1])
        else:
            head = stored_head(storage, origin)
            if head is not None:
                out[origin] = head
    return out


# ---------------------------------------------------------------- reading


class Unattested(Exception):
    """A relayed origin's changes are not proven by their author; ``kind`` and ``origin`` say how."""

    def __init__(self, kind: str, origin: str, detail: str):
        super().__init__(detail)
        self.kind = kind
        self.origin = origin


@dataclass(frozen=True)
class Source:
    """Who wrote the bundle, as this database knows it."""

    device_id: str
    signing_key: bytes
    vouches: bool  # enrolled here as the centre: its word is taken for what it relays


def check(storage, source: Source, heads: Mapping[str, Head], changes: Iterable, own: set[str], own_key: bytes,
          enrolled_key: Callable[[str], bytes | None]) -> list[Head]:
    """Check every origin of ``changes`` against its head; returns the heads to remember.

    Args:
        own: this database's own ids, whose key is ``own_key`` (work a restore lost comes back
            signed by this device's own earlier heads).
        enrolled_key: the signing key enrolled here for a device id, or None.

    Raises:
        Unattested: "unattested" (no head, not from the centre), "impostor" (signed by a key
            not bound to the origin), "bad_head" (the signature does not verify) or
            "beyond_head" (changes past what the origin signed, or a link that differs).
    """
    last: dict[str, tuple[int, str | None]] = {}
    links: dict[tuple[str, int], str | None] = {}
    for ch in changes:
        if ch.origin_seq > last.get(ch.origin, (0, None))[0]:
            last[ch.origin] = (ch.origin_seq, ch.hash)
        links[ch.key] = ch.hash
    keep = []
    for origin, (top, _link) in sorted(last.items()):
        held = storage.conn.execute("SELECT max(origin_seq) FROM sync_changes WHERE origin = ?",
                                    (origin,)).fetchone()[0] or 0
        head = heads.get(origin)
        if head is None:
            if top <= held or source.vouches or origin == source.device_id:
                continue  # nothing new, the centre's word, or the signer's own id (the bundle's signature)
            raise Unattested("unattested", origin, "relayed changes without their author's head")
        if not head.verifies():
            raise Unattested("bad_head", origin, "head signature does not verify")
        bound = own_key if origin in own else (bound_key(storage, origin) or enrolled_key(origin))
        if bound is not None and bound != head.key:
            raise Unattested("impostor", origin, "head signed by a key not bound to the origin")
        if bound is None and not (source.vouches or head.key == source.signing_key):
            raise Unattested("unattested", origin, "an unknown origin vouched for by a laptop")
        if top > head.seq:
            raise Unattested("beyond_head", origin, f"changes up to {top}, head at {head.seq}")
        link = links.get((origin, head.seq), False)
        if link is False:
            row = storage.conn.execute("SELECT hash FROM sync_changes WHERE origin = ? AND origin_seq = ?",
                                       (origin, head.seq)).fetchone()
            link = row[0] if row else False
        if link is False and head.seq > held:
            raise Unattested("beyond_head", origin, "the head's change is neither carried nor held")
        if link is not False and (link or "") != head.link:
            raise Unattested("beyond_head", origin, "the head's link differs from the change")
        keep.append(head)
    return keep
