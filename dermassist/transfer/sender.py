"""The outbox sender: take due items, send their frozen packages, record the outcome.

Qt-free so that ``dermassist send`` and the application's background thread share it. Several
senders may run at once (the app and the command line): claiming an item is one atomic UPDATE.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydicom import dcmread
from pydicom.filebase import DicomBytesIO

from dermassist.records.settings import Settings
from dermassist.records.store import RecordStore
from dermassist.transfer import outbox
from dermassist.transfer.dicom_build import (
    DERMOSCOPIC,
    IMAGE_SOP_CLASSES,
    VL_PHOTOGRAPHIC,
    change_image_class,
    to_bytes,
)
from dermassist.transfer.errors import PackageError, SopClassRejected, TransferError
from dermassist.transfer.leftovers import clean_leftovers
from dermassist.transfer.outbox import OutboxItem
from dermassist.transfer.package import read_package
from dermassist.transfer.transport import Instance, StoredCallback, Transport, describe_destination, make_transport

# Called with (item, SOP Instance UID) after the receiver confirmed an instance.
ProgressCallback = Callable[[OutboxItem, str], None]


@dataclass(frozen=True)
class SendResult:
    """The outcome of one try."""

    item_id: int
    examination_id: int
    state: str  # delivered or failed
    error: str
    instances: int
    sop_class: str
    seconds: float


def load_instances(store: RecordStore, item: OutboxItem, image_class: str) -> list[Instance]:
    """The item's DICOM files, images converted to ``image_class`` when it differs from the package."""
    package = read_package(outbox.package_folder(store, item))
    out: list[Instance] = []
    for f in package.dicom_files():
        data = (package.folder / f.name).read_bytes()
        sop_class = f.sop_class_uid
        if f.kind == "image" and sop_class != image_class:
            ds = change_image_class(dcmread(DicomBytesIO(data)), image_class)
            data, sop_class = to_bytes(ds), image_class
        out.append(Instance(f.name, sop_class, f.sop_instance_uid, f.transfer_syntax, data, package.study_uid))
    return out


@contextlib.contextmanager
def _lease_kept_alive(store: RecordStore, item: OutboxItem) -> Iterator[None]:
    """Refresh the item's heartbeat (every ``outbox.HEARTBEAT_S``) from a background thread while the body sends."""
    every = outbox.HEARTBEAT_S
    stop = threading.Event()
    owner = outbox.owner_id()

    def beat() -> None:
        while not stop.wait(every):
            try:
                outbox.heartbeat(store, item.id, owner)
            except Exception:  # a busy or closing database must not kill the send; the next beat retries
                continue

    thread = threading.Thread(target=beat, name=f"outbox-heartbeat-{item.id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _image_class(settings: Settings, item: OutboxItem) -> str:
    if settings.sop_class == "vl_photographic":
        return VL_PHOTOGRAPHIC
    return item.image_sop_class or IMAGE_SOP_CLASSES["dermoscopic"]


def send_item(
    store: RecordStore,
    settings: Settings,
    item: OutboxItem,
    *,
    transport: Transport | None = None,
    on_progress: ProgressCallback | None = None,
    now: float | None = None,
) -> SendResult:
    """Send one claimed item and record delivered or failed (with the reason and the next try)."""
    started = time.monotonic()
    destination = describe_destination(settings)
    image_class = _image_class(settings, item)
    callback: StoredCallback | None = (lambda uid: on_progress(item, uid)) if on_progress else None
    try:
        transport = transport or make_transport(settings)
        destination = transport.destination
        instances = load_instances(store, item, image_class)
        with _lease_kept_alive(store, item):
            try:
                transport.send(instances, callback)
            except SopClassRejected:
                if image_class != DERMOSCOPIC:
                    raise
                image_class = VL_PHOTOGRAPHIC
                transport.send(load_instances(store, item, image_class), callback)
    except (TransferError, PackageError, OSError) as exc:
        failed = outbox.mark_failed(store, item, str(exc), destination, now=now, sop_class=image_class)
        return SendResult(
            item.id, item.examination_id, failed.state, str(exc), 0, image_class, time.monotonic() - started
        )
    outbox.mark_delivered(store, item, destination, image_class)
    return SendResult(
        item.id, item.examination_id, "delivered", "", len(instances), image_class, time.monotonic() - started
    )


_cleaned: set[str] = set()


def _clean_once(store: RecordStore) -> None:
    """Remove crash leftovers the first time this process sends from a data folder."""
    key = str(store.data_dir)
    if key not in _cleaned:
        _cleaned.add(key)
        clean_leftovers(store)


def process_due(
    store: RecordStore,
    settings: Settings,
    *,
    now: float | None = None,
    limit: int | None = None,
    only: int | None = None,
    stale_after: float = outbox.STALE_AFTER_S,
    transport: Transport | None = None,
    on_progress: ProgressCallback | None = None,
) -> list[SendResult]:
    """Send every due item once (oldest first) and return what happened to each.

    ``only`` restricts the run to one item (``dermassist send``); ``limit`` caps the number of tries.
    """
    _clean_once(store)
    outbox.recover_stale(store, now=now, stale_after=stale_after)
    results: list[SendResult] = []
    tried: list[int] = []
    while limit is None or len(results) < limit:
        if only is not None:
            item = outbox.claim(store, only, now=now)  # due or not: the user asked for it now
        else:
            item = outbox.claim_next(store, now=now, skip=tuple(tried))
        if item is None:
            break
        tried.append(item.id)
        results.append(send_item(store, settings, item, transport=transport, on_progress=on_progress, now=now))
        if only is not None:
            break
    return results
