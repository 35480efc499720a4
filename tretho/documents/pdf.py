"""PDF from the Word file, through LibreOffice headless: same layout as the .docx, no second renderer to keep in step.

LibreOffice is optional (a server without it offers the .docx only; callers check `libreoffice_path()` to say so in
the UI). Each conversion runs in its own temporary folder with its own LibreOffice profile, so conversions running
side by side (several workers) do not fight over one profile's lock.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

# Where to look besides PATH: Debian/Ubuntu packages and the LibreOffice.org build.
_CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice")
SOFFICE_ENV = "TRETHO_SOFFICE"


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed here, or it could not convert the document."""


def libreoffice_path() -> str | None:
    """The LibreOffice executable (`TRETHO_SOFFICE` overrides), or None when it is not installed."""
    configured = os.environ.get(SOFFICE_ENV)
    for candidate in (configured,) if configured else _CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def docx_to_pdf(data: bytes, timeout: float = 60) -> bytes:
    """Convert a .docx (bytes) to PDF (bytes). Raises PdfUnavailable without LibreOffice or when it fails."""
    soffice = libreoffice_path()
    if soffice is None:
        raise PdfUnavailable(_("Máy chủ chưa cài LibreOffice nên chưa tạo được tệp PDF; hãy tải tệp Word (.docx)."))
    with tempfile.TemporaryDirectory(prefix="tretho-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(source),
        ]
        _run(command, timeout=timeout, cwd=work)
        target = work / "document.pdf"
        if not target.exists():
            raise PdfUnavailable(_("LibreOffice không chuyển được văn bản sang PDF; hãy tải tệp Word (.docx)."))
        return target.read_bytes()


def _run(command: list[str], *, timeout: float, cwd: Path) -> None:
    """Run LibreOffice in its own process group, so a timeout ends soffice.bin too, not just its launcher."""
    process = subprocess.Popen(  # noqa: S603 (a fixed command line; the only input is our own temporary file)
        command,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise PdfUnavailable(
            _("LibreOffice không chuyển xong văn bản sang PDF trong %(seconds)s giây; hãy tải tệp Word (.docx).")
            % {"seconds": int(timeout)}
        ) from error
