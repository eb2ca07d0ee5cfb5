"""HTTP plumbing for DICOMweb: an authenticated ``requests`` session and multipart bodies."""

from __future__ import annotations

import uuid

import requests
from requests.auth import HTTPBasicAuth

from dermassist.i18n import _
from dermassist.records.settings import Settings
from dermassist.transfer.errors import TransferError

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 300.0


def session_for(settings: Settings) -> requests.Session:
    """A session with the configured authentication (certificate checking is per request: ``verify_for``)."""
    s = requests.Session()
    if settings.dicomweb_auth == "basic" and settings.dicomweb_username:
        # As bytes: requests would encode str credentials as Latin-1 and fail on Cyrillic passwords.
        s.auth = HTTPBasicAuth(settings.dicomweb_username.encode("utf-8"), settings.dicomweb_password.encode("utf-8"))
    elif settings.dicomweb_auth == "bearer" and settings.dicomweb_token:
        s.headers["Authorization"] = f"Bearer {settings.dicomweb_token}"
    s.headers["User-Agent"] = "DermAssist"
    return s


def verify_for(settings: Settings) -> bool | str:
    """``requests``' verify value: False, the CA file chosen in Settings, or True (system store)."""
    if not settings.dicomweb_verify_tls:
        return False
    return settings.dicomweb_ca_bundle or True


def base_url(settings: Settings) -> str:
    """The DICOMweb root without a trailing slash."""
    return settings.dicomweb_url.strip().rstrip("/")


def request(settings: Settings, method: str, path: str, **kwargs: object) -> requests.Response:
    """One request to the DICOMweb root; network, TLS and auth problems become a one-line TransferError."""
    url = base_url(settings) + path
    with session_for(settings) as s:
        try:
            # verify per request: a Session-level value would lose to REQUESTS_CA_BUNDLE in the environment.
            resp = s.request(
                method,
                url,
                timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
                verify=verify_for(settings),
                **kwargs,  # type: ignore[arg-type]
            )
        except requests.exceptions.SSLError as exc:
            raise TransferError(
                _("{url}: TLS certificate check failed ({error})").format(url=url, error=_short(exc))
            ) from None
        except requests.exceptions.ConnectTimeout:
            raise TransferError(_("{url}: cannot connect (timed out)").format(url=url)) from None
        except requests.exceptions.Timeout:
            raise TransferError(_("{url}: no answer in time").format(url=url)) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            if _never_connected(exc):
                raise TransferError(_("{url}: cannot connect ({error})").format(url=url, error=_short(exc))) from None
            raise TransferError(
                _(
                    "{url}: connection dropped during the request (the server closed it before answering in full)"
                ).format(url=url)
            ) from None
        except requests.exceptions.RequestException as exc:
            raise TransferError(f"{url}: {_short(exc)}") from None
    if resp.status_code in (401, 403):
        raise TransferError(
            _("{url}: the server refused the credentials (HTTP {status})").format(url=url, status=resp.status_code)
        )
    return resp


def _never_connected(exc: BaseException) -> bool:
    """True when the TCP connection was never made (refused, unknown host), not dropped later."""
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        cur = todo.pop()
        if not isinstance(cur, BaseException) or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, (NewConnectionError, ConnectTimeoutError, ConnectionRefusedError)):
            return True
        todo += [cur.__cause__, cur.__context__, getattr(cur, "reason", None), *cur.args]
    return False


_REASONS = (
    ("Connection refused", "connection refused"),
    ("Name or service not known", "host name not found"),
    ("getaddrinfo failed", "host name not found"),
    ("Temporary failure in name resolution", "host name not found"),
    ("No route to host", "no route to host"),
    ("Network is unreachable", "network is unreachable"),
    ("timed out", "timed out"),
    ("CERTIFICATE_VERIFY_FAILED", "certificate verify failed"),
    ("hostname mismatch", "certificate is for another host name"),
)


def _short(exc: BaseException) -> str:
    text = str(exc)
    for needle, reason in _REASONS:
        if needle in text:
            return reason
    first = text.splitlines()[0] if text else type(exc).__name__
    return first[:200]


def multipart_body(parts: list[bytes], content_type: str = "application/dicom") -> tuple[bytes, str]:
    """A multipart/related body and its Content-Type header value."""
    boundary = f"DermAssist-{uuid.uuid4().hex}"
    chunks: list[bytes] = []
    for data in parts:
        chunks.append(f"--{boundary}\r\nContent-Type: {content_type}\r\n\r\n".encode("ascii"))
        chunks.append(data)
        chunks.append(b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    header = f'multipart/related; type="{content_type}"; boundary={boundary}'
    return b"".join(chunks), header


def multipart_parts(content_type: str, body: bytes) -> list[bytes]:
    """The payloads of a multipart/related response (WADO-RS), byte for byte."""
    boundary = ""
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "boundary":
            boundary = value.strip().strip('"')
    if not boundary:
        return [body]
    delimiter = b"--" + boundary.encode("latin-1")
    out: list[bytes] = []
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        _, sep, payload = chunk.partition(b"\r\n\r\n")
        if not sep:
            continue
        out.append(payload[:-2] if payload.endswith(b"\r\n") else payload)
    return out
