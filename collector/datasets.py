"""What can be exported: the columns, their meaning and the rows of each dataset."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from . import ikm, kuesioner, localdays, reports
from .db import db
from .models import GuestbookEntry, SurveyResponse
from .reports import Period

SOURCE_MEANING = {
    "online": "diisi pengunjung lewat situs di ponselnya",
    "kertas": "kuesioner kertas yang diketik petugas",
    "kiosk": "diisi di komputer meja layanan",
}


@dataclass(frozen=True)
class Column:
    key: str
    kind: str
    meaning: str
    codes: str = ""


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    roles: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: Callable[[Period, str | None], list[dict[str, Any]]]


def score_codes(unsur: kuesioner.Unsur) -> str:
    """Return the labels of the scores 1 to 4 of an element."""
    return "; ".join(f"{n} = {label}" for n, label in enumerate(unsur.pilihan, 1))


def pairs(choices) -> str:
    """Return code = label pairs as one line."""
    return "; ".join(f"{code} = {label}" for code, label in choices)


COMMON = (
    Column("no", "int", "Nomor urut baris dalam berkas ini."),
    Column("tanggal", "date", "Tanggal pengisian menurut waktu setempat (TIMEZONE)."),
)
SOURCE = Column("sumber", "text", "Cara data masuk.", pairs(SOURCE_MEANING.items()))

SURVEY_COLUMNS = (
    *COMMON,
    Column("layanan", "text", "Kode layanan yang diterima responden."),
    SOURCE,
    *(
        Column(u.key, "int", f"Unsur {n}, {u.nama}: {u.pertanyaan}", score_codes(u))
        for n, u in enumerate(kuesioner.UNSUR, 1)
    ),
    Column(
        "jenis_kelamin",
        "text",
        "Jenis kelamin responden.",
        pairs(kuesioner.JENIS_KELAMIN),
    ),
    Column("usia", "int", "Usia responden dalam tahun; kosong bila tidak diisi."),
    Column("pendidikan", "text", "Pendidikan terakhir.", pairs(kuesioner.PENDIDIKAN)),
    Column("pekerjaan", "text", "Pekerjaan.", pairs(kuesioner.PEKERJAAN)),
    Column("saran", "text", "Saran atau masukan tertulis responden."),
)

GUESTBOOK_COLUMNS = (
    *COMMON,
    Column("waktu", "text", "Jam pengisian menurut waktu setempat (JJ:MM)."),
    Column("layanan", "text", "Kode layanan yang dituju pengunjung."),
    Column("nama", "text", "Nama lengkap pengunjung."),
    Column(
        "telepon",
        "phone",
        "Nomor telepon/WhatsApp sebagai teks. Nomor Indonesia ditulis dalam format "
        "nasional (0812-3456-7890); nomor luar negeri diawali kode akses "
        "internasional 00 sebagai ganti tanda +, sehingga tidak dianggap rumus "
        "dan tidak kehilangan angka nol di depan.",
    ),
    Column("asal", "text", "Asal pengunjung (kota/kabupaten atau instansi)."),
    Column("keperluan", "text", "Keterangan keperluan."),
    Column("jumlah_pengikut", "int", "Jumlah pengikut/pendamping."),
    SOURCE,
    Column(
        "dihapus_pada",
        "text",
        "Tanggal data pribadi dihapus (permintaan pengunjung atau masa simpan "
        "habis); kosong bila masih lengkap.",
    ),
)

SUMMARY_COLUMNS = (
    Column("unsur", "text", "Kode unsur, atau IKM untuk indeks unit."),
    Column("nama", "text", "Nama unsur."),
    Column(
        "dijawab",
        "int",
        "Jumlah responden yang menjawab unsur ini; pada baris IKM, "
        "jumlah seluruh responden.",
    ),
    Column("nrr", "decimal", "Nilai rata-rata (NRR) 1-4, dibulatkan 4 desimal."),
    Column("nilai", "decimal", "NRR x 25 (skala 25-100), dibulatkan 2 desimal."),
    Column(
        "mutu",
        "text",
        "Mutu pelayanan.",
        "A = Sangat Baik; B = Baik; C = Kurang Baik; D = Tidak Baik",
    ),
)


def between(model, period: Period, service: str | None):
    """Return a query of a model's rows in the period, oldest first."""
    query = (
        select(model)
        .where(model.tanggal >= period.start, model.tanggal <= period.end)
        .order_by(model.tanggal, model.id)
    )

    return query.where(model.layanan == service) if service else query


def survey_rows(period: Period, service: str | None) -> list[dict[str, Any]]:
    """Return the anonymous survey responses of the period."""
    keys = [column.key for column in SURVEY_COLUMNS[1:]]
    records = db.session.scalars(between(SurveyResponse, period, service))

    return [
        {"no": n, **{key: getattr(record, key) for key in keys}}
        for n, record in enumerate(records, 1)
    ]


def guestbook_rows(period: Period, service: str | None) -> list[dict[str, Any]]:
    """Return the guestbook entries of the period with their personal data."""
    keys = (
        "tanggal",
        "layanan",
        "nama",
        "telepon",
        "asal",
        "keperluan",
        "jumlah_pengikut",
        "sumber",
    )
    rows = []
    for n, entry in enumerate(
        db.session.scalars(between(GuestbookEntry, period, service)), 1
    ):
        row = {"no": n, **{key: getattr(entry, key) for key in keys}}
        row["waktu"] = localdays.local_time(entry.dibuat)[11:]
        row["dihapus_pada"] = localdays.local_time(entry.dihapus_pada)[:10] or None
        rows.append(row)

    return rows


def index_result(period: Period, service: str | None) -> ikm.IkmResult:
    """Return the index of the period, as the report computes it."""
    return ikm.compute(*reports.survey_totals(period, service))


def summary_rows(period: Period, service: str | None) -> list[dict[str, Any]]:
    """Return one row per element and a last row with the unit's index."""
    result = index_result(period, service)
    names = {u.key: u.nama for u in kuesioner.UNSUR}
    rows = [
        {
            "unsur": item.key,
            "nama": names[item.key],
            "dijawab": item.answered,
            "nrr": item.nrr_rounded,
            "nilai": item.ikm,
            "mutu": item.grade.mutu if item.grade else None,
        }
        for item in result.unsur
    ]
    rows.append(
        {
            "unsur": "IKM",
            "nama": "Indeks Kepuasan Masyarakat",
            "dijawab": result.respondents,
            "nrr": None,
            "nilai": result.ikm,
            "mutu": result.mutu,
        }
    )

    return rows


DATASETS = {
    "survei": Dataset(
        "survei",
        "Jawaban survei (anonim)",
        ("admin", "pimpinan"),
        SURVEY_COLUMNS,
        survey_rows,
    ),
    "ikm": Dataset(
        "ikm",
        "Ringkasan IKM per unsur",
        ("admin", "pimpinan"),
        SUMMARY_COLUMNS,
        summary_rows,
    ),
    "buku-tamu": Dataset(
        "buku-tamu",
        "Buku tamu (data pribadi)",
        ("admin",),
        GUESTBOOK_COLUMNS,
        guestbook_rows,
    ),
}
