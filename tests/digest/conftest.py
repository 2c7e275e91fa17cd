"""Real receivers on 127.0.0.1 for the digests: an SMTP server (aiosmtpd) with STARTTLS and
login, and an HTTP webhook receiver; and the demo database with one user per role."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

import store
from store.users import add_user

USERS = {"manager": ("m01@example.com", "M01"), "leadership": ("d01@example.com", "D01"),
         "hr": ("hr@example.com", None), "admin": ("admin@example.com", None),
         "manager3": ("m03@example.com", "M03")}
LOGIN, PASSWORD = "coachboard", "s3cret-口令"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def digest_db(tmp_path_factory, demo_db) -> Path:
    path = tmp_path_factory.mktemp("digest") / "users.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    for key, (email, employee_id) in USERS.items():
        add_user(con, email, role=key.rstrip("3"), employee_id=employee_id)
    con.close()
    return path


@pytest.fixture
def db(tmp_path, digest_db) -> Path:
    """A copy each test may change."""
    target = tmp_path / "digest.duckdb"
    target.write_bytes(digest_db.read_bytes())
    return target


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (cert file, key file), made here."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


@dataclass
class Mailbox:
    """What the SMTP server received: raw messages and who logged in over TLS."""

    messages: list[bytes] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    logins: list[tuple[str, bool]] = field(default_factory=list)  # (login, over TLS)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.original_content or envelope.content)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == LOGIN.encode()
              and auth_data.password == PASSWORD.encode())
        self.logins.append((auth_data.login.decode(), session.ssl is not None))
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


@pytest.fixture
def smtp_server(certificate):
    """An SMTP server on 127.0.0.1 requiring STARTTLS before mail and login."""
    cert_file, key_file = certificate
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert_file, key_file)
    box = Mailbox()
    port = free_port()
    ctl = Controller(box, hostname="127.0.0.1", port=port, tls_context=tls,
                     require_starttls=True, authenticator=box.authenticate, auth_required=True,
                     auth_require_tls=True)
    ctl.start()
    yield port, box
    ctl.stop()


@dataclass
class Receiver:
    """An HTTP webhook receiver: answers each POST with the next of ``answers`` (then 200)."""

    answers: list[tuple[int, bytes]] = field(default_factory=list)
    posts: list[tuple[str, dict, bytes]] = field(default_factory=list)  # path, headers, body

    def handler(self):
        box = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                box.posts.append((self.path, dict(self.headers), body))
                status, reply = box.answers.pop(0) if box.answers else (200, b'{"errcode":0}')
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):  # keep the test output quiet
                pass

        return Handler

    def json(self, i: int) -> dict:
        return json.loads(self.posts[i][2].decode("utf-8"))


@pytest.fixture
def receiver():
    box = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), box.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", box
    server.shutdown()
    server.server_close()
    thread.join()
