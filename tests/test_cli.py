"""The command line: the index report and the import of paper questionnaires."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from collector.db import db
from collector.kuesioner import UNSUR_KEYS
from collector.models import SurveyResponse
from collector.submissions import local_date
from tests.helpers import count, survey_rows

HEADER = ",".join(["tanggal", "layanan", *UNSUR_KEYS, "usia", "saran"])


def store(app, dibuat: datetime, layanan: str = "kunjungan", **scores) -> None:
    """Store one online survey response made at an instant, its day cut locally."""
    answers = dict.fromkeys(UNSUR_KEYS, 4) | scores
    with app.app_context():
        row = SurveyResponse(
            **answers,
            unit="rutan-batusangkar",
            layanan=layanan,
            dibuat=dibuat,
            tanggal=local_date(dibuat),
            sumber="online",
        )
        db.session.add(row)
        db.session.commit()


def report(runner, *args: str):
    """Run `ikm report` with the given options and return the result."""
    return runner.invoke(args=["ikm", "report", *args])


def report_json(runner, *args: str) -> dict:
    """Run `ikm report --json` successfully and return its parsed output."""
    result = report(runner, *args, "--json")
    assert result.exit_code == 0, result.output

    return json.loads(result.output)


def write_csv(tmp_path, text: str, name: str = "kertas.csv", bom: bool = False):
    """Write an import file as a spreadsheet program saves it."""
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))

    return path


def paper_row(
    tanggal: str = "2026-03-02", layanan: str = "kunjungan", sep: str = ",", **cells
) -> str:
    """Return one CSV line of a paper questionnaire, every element 4 by default."""
    values = {"tanggal": tanggal, "layanan": layanan, **dict.fromkeys(UNSUR_KEYS, "4")}
    values.update(usia="", saran="")
    values.update(cells)

    return sep.join(values[name] for name in HEADER.split(","))


def run_import(runner, path):
    """Run `ikm import` on a file and return the result."""
    return runner.invoke(args=["ikm", "import", str(path)])


def test_the_json_report_has_the_documented_shape(app, runner):
    store(app, datetime(2026, 3, 10, 3, tzinfo=UTC), persyaratan=3)
    store(app, datetime(2026, 3, 11, 3, tzinfo=UTC), persyaratan=2)

    data = report_json(runner, "--from", "2026-03-01", "--to", "2026-03-31")

    assert set(data) >= {"respondents", "ikm", "mutu", "kinerja", "unsur"}
    assert data["respondents"] == 2
    assert data["ikm"] == "95.83"
    assert (data["mutu"], data["kinerja"]) == ("A", "Sangat Baik")
    assert [item["key"] for item in data["unsur"]] == list(UNSUR_KEYS)
    assert data["unsur"][0] == {
        "key": "persyaratan",
        "answered": 2,
        "nrr": "2.5000",
        "ikm": "62.50",
        "mutu": "D",
    }
    assert data["unsur"][1] == {
        "key": "prosedur",
        "answered": 2,
        "nrr": "4.0000",
        "ikm": "100.00",
        "mutu": "A",
    }


def test_a_period_without_respondents_has_no_index_and_still_succeeds(app, runner):
    data = report_json(runner, "--from", "2026-01-01", "--to", "2026-01-31")

    assert data["respondents"] == 0
    assert data["ikm"] is None
    assert data["mutu"] is None
    assert data["kinerja"] is None
    assert all(item["nrr"] is None for item in data["unsur"])


def test_a_period_without_respondents_says_belum_ada_data_in_the_table(app, runner):
    result = report(runner, "--from", "2026-01-01", "--to", "2026-01-31")

    assert result.exit_code == 0
    assert "IKM: belum ada data" in result.output


def test_days_are_cut_in_jakarta_time_not_utc(app):
    with app.app_context():
        assert local_date(datetime(2026, 3, 31, 16, 59, tzinfo=UTC)) == date(
            2026, 3, 31
        )
        assert local_date(datetime(2026, 3, 31, 17, 30, tzinfo=UTC)) == date(2026, 4, 1)


def test_a_post_after_local_midnight_counts_in_the_next_local_month(app, runner):
    store(app, datetime(2026, 3, 31, 16, 59, tzinfo=UTC), persyaratan=1)
    store(app, datetime(2026, 3, 31, 17, 30, tzinfo=UTC), persyaratan=2)

    march = report_json(runner, "--from", "2026-03-01", "--to", "2026-03-31")
    april = report_json(runner, "--from", "2026-04-01", "--to", "2026-04-30")

    assert (march["respondents"], march["unsur"][0]["nrr"]) == (1, "1.0000")
    assert (april["respondents"], april["unsur"][0]["nrr"]) == (1, "2.0000")


def test_both_end_days_are_included_to_their_last_local_minute(app, runner):
    jakarta = ZoneInfo("Asia/Jakarta")
    store(app, datetime(2026, 4, 1, 0, 0, tzinfo=jakarta))
    store(app, datetime(2026, 4, 30, 23, 59, tzinfo=jakarta))
    store(app, datetime(2026, 5, 1, 0, 0, tzinfo=jakarta))
    store(app, datetime(2026, 3, 31, 23, 59, tzinfo=jakarta))

    april = report_json(runner, "--from", "2026-04-01", "--to", "2026-04-30")
    one_day = report_json(runner, "--from", "2026-04-30", "--to", "2026-04-30")

    assert april["respondents"] == 2
    assert one_day["respondents"] == 1


def test_the_layanan_option_counts_only_that_service(app, runner):
    moment = datetime(2026, 3, 10, 3, tzinfo=UTC)
    store(app, moment, layanan="kunjungan", waktu=1)
    store(app, moment, layanan="pengaduan", waktu=3)
    store(app, moment, layanan="pengaduan", waktu=4)

    data = report_json(
        runner, "--from", "2026-03-01", "--to", "2026-03-31", "--layanan", "pengaduan"
    )

    assert data["respondents"] == 2
    assert data["layanan"] == "pengaduan"
    assert data["unsur"][2] == {
        "key": "waktu",
        "answered": 2,
        "nrr": "3.5000",
        "ikm": "87.50",
        "mutu": "B",
    }


BAD_REPORT_OPTIONS = [
    (
        ["--from", "2026-03-01", "--to", "2026-03-31", "--layanan", "parkir"],
        "unknown service 'parkir'; known: ",
    ),
    (
        ["--from", "2026-03-31", "--to", "2026-03-01"],
        "the period ends (2026-03-01) before it starts (2026-03-31)",
    ),
    (
        ["--from", "31-03-2026", "--to", "2026-04-01"],
        "'31-03-2026' is not a date like 2026-01-31",
    ),
    (["--to", "2026-04-01"], "Missing option '--from'"),
]


@pytest.mark.parametrize(("args", "message"), BAD_REPORT_OPTIONS)
def test_bad_report_options_give_a_clear_usage_error(app, runner, args, message):
    result = report(runner, *args)

    assert result.exit_code == 2
    assert message in result.output


def test_the_unknown_service_error_lists_the_known_codes(app, runner):
    result = report(
        runner, "--from", "2026-03-01", "--to", "2026-03-31", "--layanan", "parkir"
    )

    assert "kunjungan" in result.output
    assert "pengaduan" in result.output


def test_the_text_report_is_a_table_with_the_index_and_grade(app, runner):
    store(app, datetime(2026, 3, 10, 3, tzinfo=UTC), persyaratan=3)
    store(app, datetime(2026, 3, 11, 3, tzinfo=UTC), persyaratan=2)

    result = report(runner, "--from", "2026-03-01", "--to", "2026-03-31")
    lines = result.output.splitlines()

    assert result.exit_code == 0
    assert lines[0] == "IKM 2026-03-01 to 2026-03-31 (all services)"
    assert "Respondents: 2" in lines
    assert lines[3].split() == ["unsur", "answered", "NRR", "IKM", "mutu"]
    assert lines[4].split() == ["persyaratan", "2", "2.5000", "62.50", "D"]
    assert lines[-1] == "IKM: 95.83 (A, Sangat Baik)"


def test_a_good_import_file_stores_every_row_as_paper(app, runner, tmp_path):
    text = "\n".join(
        [
            HEADER,
            paper_row("2026-03-02", usia="41", saran="Ruang tunggu panas"),
            paper_row("2026-03-03", layanan="pengaduan", waktu="2"),
            paper_row("2026-03-04", layanan="titipan-barang"),
        ]
    )
    result = run_import(runner, write_csv(tmp_path, text + "\n"))

    assert result.exit_code == 0, result.output
    assert "Imported 3 paper questionnaires" in result.output
    with app.app_context():
        rows = survey_rows()
        assert [row.sumber for row in rows] == ["kertas"] * 3
        assert [row.tanggal for row in rows] == [
            date(2026, 3, 2),
            date(2026, 3, 3),
            date(2026, 3, 4),
        ]
        assert [row.layanan for row in rows] == [
            "kunjungan",
            "pengaduan",
            "titipan-barang",
        ]
        assert (rows[0].usia, rows[0].saran) == (41, "Ruang tunggu panas")
        assert (rows[1].usia, rows[1].saran, rows[1].waktu) == (None, None, 2)


def test_an_excel_file_with_semicolons_and_a_byte_order_mark_imports(
    app, runner, tmp_path
):
    lines = [
        HEADER.replace(",", ";"),
        paper_row(sep=";", saran="Petugas ramah, terima kasih"),
    ]
    path = write_csv(tmp_path, "\r\n".join(lines) + "\r\n", bom=True)

    result = run_import(runner, path)

    assert result.exit_code == 0, result.output
    with app.app_context():
        [row] = survey_rows()
        assert row.saran == "Petugas ramah, terima kasih"
        assert row.tanggal == date(2026, 3, 2)


def test_blank_cells_are_stored_as_null_and_leave_the_element_mean_alone(
    app, runner, tmp_path
):
    text = "\n".join(
        [
            HEADER,
            paper_row(persyaratan="2"),
            paper_row(persyaratan="", pengaduan=""),
            paper_row(persyaratan="3", pengaduan="1"),
        ]
    )
    assert run_import(runner, write_csv(tmp_path, text)).exit_code == 0

    with app.app_context():
        assert [row.persyaratan for row in survey_rows()] == [2, None, 3]
        assert [row.pengaduan for row in survey_rows()] == [4, None, 1]

    data = report_json(runner, "--from", "2026-03-01", "--to", "2026-03-31")
    persyaratan, *_, pengaduan = data["unsur"]
    assert data["respondents"] == 3
    assert (persyaratan["answered"], persyaratan["nrr"]) == (2, "2.5000")
    assert (pengaduan["answered"], pengaduan["nrr"]) == (2, "2.5000")


def test_a_file_with_bad_rows_names_every_one_and_imports_nothing(
    app, runner, tmp_path
):
    text = "\n".join(
        [
            HEADER,
            paper_row(),
            paper_row(waktu="5"),
            paper_row(),
            paper_row(layanan="parkir"),
            paper_row(tanggal="02/03/2026"),
            paper_row(usia="tua"),
        ]
    )
    result = run_import(runner, write_csv(tmp_path, text))

    assert result.exit_code == 1
    assert "row 3: waktu: Jawaban pertanyaan 3 harus 1, 2, 3 atau 4." in result.output
    assert "row 5: layanan: Pilih layanan dari daftar." in result.output
    assert "row 6: tanggal: '02/03/2026' is not a date like 2026-01-31" in (
        result.output
    )
    assert "row 7: usia: Isi usia dengan angka bulat" in result.output
    assert "row 2:" not in result.output
    assert "row 4:" not in result.output
    assert "4 problem(s); nothing was imported" in result.output
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_a_row_is_named_by_its_line_even_after_a_multi_line_suggestion(
    app, runner, tmp_path
):
    text = "\n".join(
        [
            HEADER,
            paper_row(saran='"Antrean panjang.\nMohon ditambah kursi."'),
            paper_row(biaya="9"),
        ]
    )
    result = run_import(runner, write_csv(tmp_path, text))

    assert result.exit_code == 1
    assert "row 4: biaya:" in result.output
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_rows_left_empty_by_the_spreadsheet_are_skipped(app, runner, tmp_path):
    empty = "," * HEADER.count(",")
    text = "\n".join([HEADER, paper_row(), empty, "", paper_row(), empty])
    result = run_import(runner, write_csv(tmp_path, text + "\n"))

    assert result.exit_code == 0, result.output
    with app.app_context():
        assert count(SurveyResponse) == 2


def test_a_row_with_more_cells_than_columns_is_refused(app, runner, tmp_path):
    text = "\n".join([HEADER, paper_row(), paper_row() + ",4"])
    result = run_import(runner, write_csv(tmp_path, text))

    assert result.exit_code == 1
    assert "row 3: more cells than columns" in result.output
    with app.app_context():
        assert count(SurveyResponse) == 0


BAD_HEADERS = [
    (HEADER.replace("waktu,", ""), "missing columns: waktu"),
    (HEADER.replace("tanggal,", ""), "missing columns: tanggal"),
    (HEADER + ",nama", "unknown columns: nama"),
    (HEADER + ",telepon", "unknown columns: telepon"),
    (HEADER + ",usia", "repeated columns: usia"),
]


@pytest.mark.parametrize(("header", "message"), BAD_HEADERS)
def test_missing_unknown_or_repeated_columns_are_refused(
    app, runner, tmp_path, header, message
):
    result = run_import(runner, write_csv(tmp_path, header + "\n" + paper_row()))

    assert result.exit_code == 1
    assert message in result.output
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_column_names_are_matched_whatever_their_case_and_spaces(app, runner, tmp_path):
    header = HEADER.replace("tanggal", " Tanggal ").replace("layanan", "LAYANAN")
    result = run_import(runner, write_csv(tmp_path, header + "\n" + paper_row()))

    assert result.exit_code == 0, result.output
    with app.app_context():
        assert count(SurveyResponse) == 1


def test_a_date_in_the_future_is_refused(app, runner, tmp_path):
    jakarta_today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    tomorrow = (jakarta_today + timedelta(days=1)).isoformat()
    text = "\n".join(
        [HEADER, paper_row(jakarta_today.isoformat()), paper_row(tomorrow)]
    )
    result = run_import(runner, write_csv(tmp_path, text))

    assert result.exit_code == 1
    assert f"row 3: tanggal: {tomorrow} is in the future" in result.output
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_a_sheet_with_no_element_answered_is_refused_and_nothing_imported(
    app, runner, tmp_path
):
    blank = {key: "" for key in UNSUR_KEYS}
    text = "\n".join([HEADER, paper_row(), paper_row(**blank)])
    result = run_import(runner, write_csv(tmp_path, text))

    assert result.exit_code == 1
    assert "row 3: persyaratan: Kuesioner kosong" in result.output
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_a_file_with_only_a_header_is_refused(app, runner, tmp_path):
    result = run_import(runner, write_csv(tmp_path, HEADER + "\n"))

    assert result.exit_code == 1
    assert "the file has no rows" in result.output


def test_a_file_that_is_not_utf8_is_refused_with_the_fix(app, runner, tmp_path):
    path = tmp_path / "ansi.csv"
    path.write_bytes(
        (HEADER + "\n" + paper_row(saran="Baik sekali é")).encode("cp1252")
    )

    result = run_import(runner, path)

    assert result.exit_code == 1
    assert "save it as CSV UTF-8" in result.output
