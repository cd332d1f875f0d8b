"""The questionnaires as data: the nine IKM elements, the profile, the guestbook."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Unsur:
    key: str
    nama: str
    pertanyaan: str
    pilihan: tuple[str, str, str, str]


UNSUR: tuple[Unsur, ...] = (
    Unsur(
        "persyaratan",
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan "
        "dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "prosedur",
        "Sistem, Mekanisme, dan Prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan "
        "di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Unsur(
        "waktu",
        "Waktu Penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan "
        "pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Unsur(
        "biaya",
        "Biaya/Tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Unsur(
        "produk",
        "Produk Spesifikasi Jenis Pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara "
        "yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "kompetensi",
        "Kompetensi Pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam "
        "pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Unsur(
        "perilaku",
        "Perilaku Pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan "
        "terkait kesopanan dan keramahan?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
    ),
    Unsur(
        "sarana",
        "Sarana dan Prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
    Unsur(
        "pengaduan",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    ),
)

UNSUR_KEYS: tuple[str, ...] = tuple(unsur.key for unsur in UNSUR)

JENIS_KELAMIN = (("L", "Laki-laki"), ("P", "Perempuan"))
PENDIDIKAN = tuple(
    (code, code) for code in ("SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3")
)
PEKERJAAN = tuple(
    (code, code) for code in ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya")
)
USIA_MIN, USIA_MAX = 10, 110
PENGIKUT_MAX = 50

MAX_LENGTH = {
    "nama": 120,
    "asal": 120,
    "keperluan": 500,
    "saran": 2000,
}


def version(services: list[tuple[str, str]]) -> str:
    """Return a short fingerprint of the questionnaires and the service list."""
    definition = {
        "unsur": [asdict(unsur) for unsur in UNSUR],
        "profil": [JENIS_KELAMIN, PENDIDIKAN, PEKERJAAN, USIA_MIN, USIA_MAX],
        "batas": MAX_LENGTH,
        "layanan": services,
    }
    payload = json.dumps(definition, sort_keys=True).encode()

    return hashlib.sha256(payload).hexdigest()[:12]
