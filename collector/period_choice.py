"""Read the period and service an admin page was asked for from its query string."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from flask import current_app
from werkzeug.datastructures import MultiDict

from . import periods
from .db import utcnow
from .periods import Periode

YEAR_MIN, YEAR_MAX = 2000, 2100
KE_NAMES = {"bulan": "bulan", "triwulan": "triwulan", "semester": "semester"}


@dataclass
class Choice:
    periode: Periode
    layanan: str | None
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)

    def query(self, **extra: str) -> dict[str, str]:
        """Return the query string that asks for the same period and service."""
        args = {"periode": self.periode.kode, **extra}
        if self.layanan:
            args["layanan"] = self.layanan

        return args


def local_today() -> date:
    """Return today's date in the unit's time zone."""
    return utcnow().astimezone(ZoneInfo(current_app.config["TIMEZONE"])).date()


def choose(
    args: MultiDict, services: list[tuple[str, str]], today: date | None = None
) -> Choice:
    """Return the asked period (this month by default) with any Indonesian errors."""
    today = today or local_today()
    fallback = periods.current("bulan", today)
    errors: list[str] = []
    periode = fallback

    if args.get("periode"):
        try:
            periode = periods.parse(args["periode"])
        except ValueError:
            errors.append(f"Periode “{args['periode'][:40]}” tidak dikenal.")
    elif args.get("jenis"):
        periode = _from_fields(args, errors) or fallback

    layanan = args.get("layanan") or None
    if layanan and layanan not in dict(services):
        errors.append(
            f"Layanan “{layanan[:40]}” tidak dikenal; semua layanan ditampilkan."
        )
        layanan = None

    values = {
        "jenis": periode.jenis,
        "tahun": str(periode.start.year),
        "ke": str(periode.ke),
        "dari": periode.start.isoformat(),
        "sampai": periode.end.isoformat(),
        "layanan": layanan or "",
    }

    return Choice(periode, layanan, values, errors)


def _from_fields(args: MultiDict, errors: list[str]) -> Periode | None:
    jenis = args.get("jenis", "")
    if jenis == "rentang":
        try:
            start = date.fromisoformat(args.get("dari", ""))
            end = date.fromisoformat(args.get("sampai", ""))
        except ValueError:
            errors.append(
                "Isi tanggal awal dan tanggal akhir dengan tanggal yang benar."
            )
            return None

        if end < start:
            errors.append("Tanggal akhir tidak boleh sebelum tanggal awal.")
            return None

        return periods.custom(start, end)

    if jenis not in periods.KINDS:
        errors.append(
            "Pilih jenis periode: bulan, triwulan, semester, tahun, atau rentang."
        )
        return None

    year = args.get("tahun", "")
    if not year.isdigit() or not YEAR_MIN <= int(year) <= YEAR_MAX:
        errors.append(f"Tahun harus antara {YEAR_MIN} dan {YEAR_MAX}.")
        return None

    count = 12 // periods.KINDS[jenis]
    ke = args.get("ke", "1") if jenis != "tahun" else "1"
    if not ke.isdigit() or not 1 <= int(ke) <= count:
        errors.append(f"Untuk {KE_NAMES[jenis]}, pilih urutan 1 sampai {count}.")
        return None

    return periods.preset(jenis, int(year), int(ke))
