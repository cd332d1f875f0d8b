"""The IKM report of a period: index, services, profile, trend, fill time, follow-up.

The admin page, the printed Laporan SKM and the publication all read the same
report, so a published figure is always the figure the report shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import followup, ikm, kuesioner, periods, reports, statistik
from .ikm import IkmResult, UnsurResult
from .periods import Periode

TREND_LENGTH = 4
FILL_STANDARD_SECONDS = 5 * 60
WEAK_GRADES = ("C", "D")
NO_ANSWER = "Tidak diisi"
USIA_BANDS = ((10, 19), (20, 29), (30, 39), (40, 49), (50, 59), (60, None))
UNSUR_NAMES = {unsur.key: unsur.nama for unsur in kuesioner.UNSUR}
PROFILE_TITLES = {
    "jenis_kelamin": "Jenis kelamin",
    "usia": "Usia",
    "pendidikan": "Pendidikan terakhir",
    "pekerjaan": "Pekerjaan",
}


@dataclass(frozen=True)
class ServiceResult:
    kode: str
    nama: str
    hasil: IkmResult


@dataclass(frozen=True)
class FillTime:
    """The recorded fill times of a period against the SOP's five minutes."""

    count: int
    median: Fraction | None
    within: int

    @property
    def median_text(self) -> str:
        """Return the median as minutes and seconds, or a dash without data."""
        if self.median is None:
            return "–"

        seconds = int(ikm.round_half_up(self.median, 0))
        minutes, rest = divmod(seconds, 60)

        return f"{minutes} menit {rest} detik" if minutes else f"{rest} detik"

    @property
    def share(self) -> Decimal | None:
        """Return the percentage filled within five minutes, to one decimal."""
        if not self.count:
            return None

        return ikm.round_half_up(Fraction(self.within * 100, self.count), 1)


@dataclass(frozen=True)
class Laporan:
    periode: Periode
    layanan: str | None
    layanan_nama: str
    hasil: IkmResult
    per_layanan: tuple[ServiceResult, ...]
    profil: dict[str, list[tuple[str, int]]]
    tren: tuple[tuple[Periode, IkmResult], ...]
    populasi: int
    sampel_minimum: int
    waktu_isi: FillTime
    lemah: tuple[UnsurResult, ...]
    kuat: tuple[UnsurResult, ...]
    rtl: tuple[followup.Rtl, ...]
    sumber: dict[str, int]

    @property
    def cukup(self) -> bool:
        """Tell whether enough people answered for the period's population."""
        return self.hasil.respondents >= self.sampel_minimum


def result_of(period: reports.Period, layanan: str | None = None) -> IkmResult:
    """Return the index of a period, for the unit or one service."""
    respondents, totals = reports.survey_totals(period, layanan)

    return ikm.compute(respondents, totals)


def build(
    periode: Periode, services: list[tuple[str, str]], layanan: str | None = None
) -> Laporan:
    """Gather every figure of the report of a period."""
    names = dict(services)
    hasil = result_of(periode, layanan)
    counted = reports.respondents_per_service(periode)
    codes = [code for code, _ in services]
    codes += sorted(code for code in counted if code not in names)
    per_layanan = tuple(
        ServiceResult(code, names.get(code, code), result_of(periode, code))
        for code in codes
        if not layanan or code == layanan
    )
    tren = tuple(
        (earlier, result_of(earlier, layanan))
        for earlier in periods.history(periode, TREND_LENGTH)[:-1]
    ) + ((periode, hasil),)
    populasi = statistik.visits(periode, layanan)
    lemah, kuat = weakest(hasil), strongest(hasil)

    return Laporan(
        periode=periode,
        layanan=layanan,
        layanan_nama=names.get(layanan, layanan) if layanan else "Semua layanan",
        hasil=hasil,
        per_layanan=per_layanan,
        profil=profile_rows(statistik.profile(periode, layanan)),
        tren=tren,
        populasi=populasi,
        sampel_minimum=ikm.minimum_sample(populasi),
        waktu_isi=fill_time(statistik.fill_times(periode, layanan)),
        lemah=lemah,
        kuat=kuat,
        rtl=tuple(followup.plans(periode)),
        sumber=statistik.sources(periode, layanan),
    )


def weakest(hasil: IkmResult) -> tuple[UnsurResult, ...]:
    """Return the lowest-scoring elements and every element graded C or D.

    When all elements score the same none is lowest, so only grades count.
    """
    rated = [item for item in hasil.unsur if item.nrr is not None]
    if not rated:
        return ()

    lowest = min(item.nrr for item in rated)
    spread = lowest < max(item.nrr for item in rated)
    chosen = [
        item
        for item in rated
        if (spread and item.nrr == lowest) or item.grade.mutu in WEAK_GRADES
    ]

    return tuple(sorted(chosen, key=lambda item: item.nrr))


def strongest(hasil: IkmResult) -> tuple[UnsurResult, ...]:
    """Return the elements with the highest NRR."""
    rated = [item for item in hasil.unsur if item.nrr is not None]
    if not rated:
        return ()

    highest = max(item.nrr for item in rated)

    return tuple(item for item in rated if item.nrr == highest)


def fill_time(seconds: list[int]) -> FillTime:
    """Return the median and the count within five minutes of sorted fill times."""
    if not seconds:
        return FillTime(0, None, 0)

    middle = len(seconds) // 2
    if len(seconds) % 2:
        median = Fraction(seconds[middle])
    else:
        median = Fraction(seconds[middle - 1] + seconds[middle], 2)

    within = sum(1 for value in seconds if value <= FILL_STANDARD_SECONDS)

    return FillTime(len(seconds), median, within)


def profile_rows(counts: dict[str, dict]) -> dict[str, list[tuple[str, int]]]:
    """Return labelled counts per profile question, known answers first."""
    labelled = {
        "jenis_kelamin": _choices(counts["jenis_kelamin"], kuesioner.JENIS_KELAMIN),
        "usia": _age_bands(counts["usia"]),
        "pendidikan": _choices(counts["pendidikan"], kuesioner.PENDIDIKAN),
        "pekerjaan": _choices(counts["pekerjaan"], kuesioner.PEKERJAAN),
    }

    return labelled


def _choices(counts: dict, known) -> list[tuple[str, int]]:
    rows = [(label, counts.get(code, 0)) for code, label in known]
    codes = {code for code, _ in known}
    rows += [(str(code), n) for code, n in counts.items() if code not in codes and code]
    if counts.get(None):
        rows.append((NO_ANSWER, counts[None]))

    return rows


def _age_bands(counts: dict) -> list[tuple[str, int]]:
    rows = []
    for low, high in USIA_BANDS:
        label = f"{low}–{high} tahun" if high else f"{low} tahun ke atas"
        number = sum(
            n
            for age, n in counts.items()
            if age is not None and age >= low and (high is None or age <= high)
        )
        rows.append((label, number))

    if counts.get(None):
        rows.append((NO_ANSWER, counts[None]))

    return rows


def publication(laporan: Laporan, published: datetime) -> dict[str, Any]:
    """Return the record of a period that the site's results page shows."""
    record = laporan.hasil.as_dict()
    for item in record["unsur"]:
        item["nama"] = UNSUR_NAMES[item["key"]]

    periode = laporan.periode
    record.update(
        kode=periode.kode,
        label=periode.label,
        jenis=periode.jenis,
        dari=periode.start.isoformat(),
        sampai=periode.end.isoformat(),
        diterbitkan=published.isoformat(timespec="seconds"),
        layanan=[
            {"kode": s.kode, "nama": s.nama, **_headline(s.hasil)}
            for s in laporan.per_layanan
        ],
    )

    return record


def _headline(hasil: IkmResult) -> dict[str, Any]:
    data = hasil.as_dict()

    return {key: data[key] for key in ("respondents", "ikm", "mutu", "kinerja")}


def angka(value: Decimal | Fraction | int | str | None) -> str:
    """Return a figure with the Indonesian decimal comma, or a dash for no value."""
    if value is None:
        return "–"

    return str(value).replace(".", ",")
