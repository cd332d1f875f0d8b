"""The IKM report: figures against a hand-computed example, the chart, the print."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date

import pytest

from collector import laporan, periods
from collector.db import db
from collector.kuesioner import UNSUR_KEYS

from .admin_helpers import add_response, add_visit, signed_in

MARCH = "2026-03"


def scores(**changes) -> dict[str, int | None]:
    """Return every element scored 4 except the named ones."""
    return {**dict.fromkeys(UNSUR_KEYS, 4), **changes}


def march_example() -> None:
    """Store the three March answer sheets worked out by hand below.

    persyaratan, prosedur, biaya, produk, kompetensi, perilaku: 4, 3, 4 = 11/3
    waktu: 4, 3, 2 = 3; sarana: 4, blank, 4 = 4; pengaduan: 2, 3, 1 = 2.
    Mean NRR = (6 x 11/3 + 3 + 4 + 2) / 9 = 31/9; IKM = 775/9 = 86,11 (B).
    """
    add_response(
        date(2026, 3, 1),
        scores(pengaduan=2),
        durasi_detik=200,
        jenis_kelamin="P",
        usia=34,
        pendidikan="SMA",
        pekerjaan="Wirausaha",
    )
    three = {key: 3 for key in UNSUR_KEYS}
    add_response(
        date(2026, 3, 15),
        {**three, "sarana": None},
        durasi_detik=400,
        jenis_kelamin="L",
        usia=19,
        pendidikan="S1",
        pekerjaan="PNS",
        layanan="titipan-barang",
    )
    add_response(date(2026, 3, 31), scores(waktu=2, pengaduan=1), sumber="kertas")
    add_response(date(2026, 4, 1), 1)
    add_response(date(2026, 2, 28), 2)
    for day in (1, 2, 10, 20, 31):
        add_visit(date(2026, 3, day))
    add_visit(date(2026, 4, 1))


def test_the_report_of_march_matches_the_hand_computed_example(app):
    with app.app_context():
        march_example()
        report = laporan.build(periods.parse(MARCH), [("kunjungan", "Kunjungan")])

    nrr = {item.key: str(item.nrr_rounded) for item in report.hasil.unsur}
    converted = {item.key: str(item.ikm) for item in report.hasil.unsur}
    answered = {item.key: item.answered for item in report.hasil.unsur}

    assert report.hasil.respondents == 3
    assert (str(report.hasil.ikm), report.hasil.mutu) == ("86.11", "B")
    assert nrr["persyaratan"] == "3.6667" and converted["persyaratan"] == "91.67"
    assert (nrr["waktu"], converted["waktu"]) == ("3.0000", "75.00")
    assert (nrr["sarana"], answered["sarana"]) == ("4.0000", 2)
    assert (nrr["pengaduan"], converted["pengaduan"]) == ("2.0000", "50.00")
    assert [item.key for item in report.lemah] == ["pengaduan", "waktu"]
    assert [item.key for item in report.kuat] == ["sarana"]
    assert (report.populasi, report.sampel_minimum, report.cukup) == (5, 5, False)
    assert report.waktu_isi.median_text == "5 menit 0 detik"
    assert str(report.waktu_isi.share) == "50.0"


def test_the_profile_counts_each_answer_and_the_blanks(app):
    with app.app_context():
        march_example()
        report = laporan.build(periods.parse(MARCH), [])

    assert ("Perempuan", 1) in report.profil["jenis_kelamin"]
    assert ("Laki-laki", 1) in report.profil["jenis_kelamin"]
    assert ("Tidak diisi", 1) in report.profil["jenis_kelamin"]
    assert ("10–19 tahun", 1) in report.profil["usia"]
    assert ("30–39 tahun", 1) in report.profil["usia"]
    assert ("PNS", 1) in report.profil["pekerjaan"]


def test_the_trend_shows_the_four_months_before_with_no_data_where_empty(app):
    with app.app_context():
        march_example()
        report = laporan.build(periods.parse(MARCH), [])

    trend = [(p.kode, h.respondents, h.ikm) for p, h in report.tren]
    assert [code for code, _, _ in trend] == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    assert trend[0] == ("2025-11", 0, None)
    assert trend[3][1:] == (1, pytest.approx(50))


def test_the_report_page_shows_the_figures_with_a_decimal_comma(app):
    with app.app_context():
        march_example()
    client = signed_in(app, "pimpinan")
    page = client.get(f"/admin/laporan/ikm?periode={MARCH}").get_data(as_text=True)

    assert "86,11 (mutu B, Baik)" in page
    assert "3,6667" in page and "91,67" in page
    assert "perlu tindak lanjut" in page
    assert "5 menit 0 detik" in page
    assert "Penitipan Barang dan Makanan" in page


def test_a_quarter_chosen_with_the_form_includes_its_last_day(app):
    with app.app_context():
        march_example()
    client = signed_in(app, "admin")
    query = "jenis=triwulan&tahun=2026&ke=1"
    page = client.get(f"/admin/laporan/ikm?{query}").get_data(as_text=True)

    assert "Laporan IKM: Triwulan I 2026" in page
    assert "<dt>Responden</dt><dd>4</dd>" in page


def test_a_custom_range_includes_both_end_days(app):
    with app.app_context():
        march_example()
    client = signed_in(app, "admin")
    query = "jenis=rentang&dari=2026-03-15&sampai=2026-03-31"
    page = client.get(f"/admin/laporan/ikm?{query}").get_data(as_text=True)

    assert "15 Maret 2026 s.d. 31 Maret 2026" in page
    assert "<dt>Responden</dt><dd>2</dd>" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("periode=2026-13", "Periode “2026-13” tidak dikenal."),
        ("jenis=triwulan&tahun=2026&ke=5", "Untuk triwulan, pilih urutan 1 sampai 4."),
        ("jenis=bulan&tahun=dua&ke=1", "Tahun harus antara 2000 dan 2100."),
        (
            "jenis=rentang&dari=2026-03-10&sampai=2026-03-01",
            "Tanggal akhir tidak boleh sebelum tanggal awal.",
        ),
        (
            "jenis=rentang&dari=kemarin&sampai=2026-03-01",
            "Isi tanggal awal dan tanggal akhir dengan tanggal yang benar.",
        ),
        (
            "layanan=tidak-ada",
            "Layanan “tidak-ada” tidak dikenal; semua layanan ditampilkan.",
        ),
    ],
)
def test_a_bad_period_choice_is_explained_in_indonesian(app, query, message):
    client = signed_in(app, "admin")
    response = client.get(f"/admin/laporan/ikm?{query}")

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_a_period_without_respondents_says_belum_ada_data(app):
    client = signed_in(app, "pimpinan")
    page = client.get("/admin/laporan/ikm?periode=2020").get_data(as_text=True)
    printed = client.get("/admin/laporan/cetak?periode=2020").get_data(as_text=True)

    assert "belum ada data" in page and "Belum ada data" in page
    assert "Belum ada data: tidak ada responden pada periode ini." in printed


def test_the_element_chart_is_an_accessible_svg_with_text_labels(app):
    with app.app_context():
        march_example()
    client = signed_in(app, "admin")
    page = client.get(f"/admin/laporan/ikm?periode={MARCH}").get_data(as_text=True)
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)

    assert 'role="img"' in svg
    assert 'aria-labelledby="grafik-unsur-judul grafik-unsur-isi"' in svg
    assert '<title id="grafik-unsur-judul">' in svg
    assert "Penanganan Pengaduan, Saran dan Masukan: 50,00, mutu D" in svg
    assert ">Waktu Penyelesaian</text>" in svg
    assert ">75,00 (C)</text>" in svg
    assert "<script" not in page


def test_the_chart_escapes_its_labels():
    from collector.chart import Bar, bar_chart

    svg = bar_chart([Bar("<b>&", None, None)], "Judul <i>")

    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
    assert "Judul &lt;i&gt;" in svg and "belum ada data" in svg


def test_the_laporan_has_the_chapters_letterhead_signer_and_a4_page(app):
    app.config.update(
        SIGNER_NAME="Budi Santoso",
        SIGNER_TITLE="Kepala Rutan",
        SIGNER_NIP="198001012005011001",
    )
    with app.app_context():
        march_example()
    client = signed_in(app, "pimpinan")
    page = client.get(f"/admin/laporan/cetak?periode={MARCH}").get_data(as_text=True)

    assert "@page { size: A4;" in page
    for heading in (
        "BAB I PENDAHULUAN",
        "BAB II PENGUMPULAN DATA",
        "BAB III HASIL",
        "BAB IV ANALISIS",
        "BAB V PENUTUP",
    ):
        assert heading in page
    assert "Undang-Undang Nomor 25 Tahun 2009" in page
    assert "Nomor 14 Tahun 2017" in page
    assert "Rutan Kelas IIB Batusangkar" in page
    assert "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Sumatera Barat" in page
    assert "sampel minimum untuk populasi tersebut adalah 5 responden" in page
    assert "belum memenuhi" in page
    assert (
        "Dari 3 responden, 2 mengisi daring, 0 di komputer layanan (kios), "
        "dan 1 di atas kertas." in page
    )
    assert "Budi Santoso" in page and "NIP 198001012005011001" in page
    assert "86,11 (mutu B, Baik)" in page


def test_report_json_of_the_cli_matches_the_report(app, runner):
    with app.app_context():
        march_example()
    result = runner.invoke(
        args=["ikm", "report", "--from", "2026-03-01", "--to", "2026-03-31", "--json"]
    )
    data = json.loads(result.output)

    assert (data["respondents"], data["ikm"], data["mutu"]) == (3, "86.11", "B")
    with app.app_context():
        db.session.remove()


@pytest.mark.parametrize(
    ("sheets", "weak"),
    [
        ([4, 4], []),
        ([2, 2], list(UNSUR_KEYS)),
        ([scores(biaya=3), 4], ["biaya"]),
        ([scores(biaya=3, sarana=3), 4], ["biaya", "sarana"]),
        ([scores(pengaduan=1), scores(pengaduan=2, waktu=3)], ["pengaduan"]),
    ],
)
def test_follow_up_candidates_are_the_lowest_elements_and_those_below_b(
    app, sheets, weak
):
    with app.app_context():
        for sheet in sheets:
            add_response(date(2026, 5, 5), sheet)
        report = laporan.build(periods.parse("2026-05"), [])

    assert sorted(item.key for item in report.lemah) == sorted(weak)


@pytest.mark.slow
def test_chromium_prints_the_laporan_on_a4_pages(app, tmp_path):
    chromium, pdfinfo = shutil.which("chromium"), shutil.which("pdfinfo")
    if not (chromium and pdfinfo):
        pytest.skip("needs chromium and pdfinfo (poppler-utils)")

    with app.app_context():
        march_example()
    client = signed_in(app, "pimpinan")
    page = tmp_path / "laporan.html"
    page.write_text(
        client.get(f"/admin/laporan/cetak?periode={MARCH}").get_data(as_text=True),
        encoding="utf-8",
    )
    pdf = tmp_path / "laporan.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(
        [pdfinfo, str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout

    assert "(A4)" in info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 3
    assert "BAB V PENUTUP" in text and "Kembali ke laporan" not in text
