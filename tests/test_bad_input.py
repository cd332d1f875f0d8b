"""Bad input of every kind in reference/pitfalls.md that reaches the collector.

A table names the kind, what is posted and what the visitor sees; property
tests throw arbitrary fields, values and encodings at both endpoints.
"""

from __future__ import annotations

import re
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collector.models import GuestbookEntry, SurveyResponse
from tests.helpers import count, guestbook_answers, survey_answers
from tests.test_auth import sign_in
from tests.test_headers import make_admin

JSON = {"Accept": "application/json"}
MODELS = {"survei": SurveyResponse, "buku-tamu": GuestbookEntry}
ANSWERS = {"survei": survey_answers, "buku-tamu": guestbook_answers}
OLD_PAGE_ID = "6f1c2a52-3b7e-4f0e-9d55-0c1e0b6f4a11"


@pytest.fixture
def app_config(app_config):
    """Let the property tests post as often as they like from one address."""
    return {**app_config, "RATELIMIT_ENABLED": False}


KINDS = [
    # 2, 3: origins; a phone that sends neither Origin nor Referer is welcome.
    ("2 foreign origin", "survei", {}, {"Origin": "https://lain.example"}, 403,
     "Formulir dari situs lain ditolak"),
    ("3 no referrer at all", "buku-tamu", {}, {}, 303, None),
    # 4: a form left open for an hour, from a page cached before.
    ("4 form open an hour", "survei", {"durasi": "3600", "kirim_id": OLD_PAGE_ID},
     {}, 303, None),
    ("4 answers kept when refused", "survei", {"persyaratan": None, "saran": "Antre"},
     {}, 422, "Antre</textarea>"),
    # 7: unanswered, "None" and out-of-range choices.
    ("7 unanswered question", "survei", {"kompetensi": None}, {}, 422,
     'id="kompetensi-error">Pertanyaan 6 belum dijawab.'),
    ("7 the text None", "survei", {"pekerjaan": "None"}, {}, 422,
     'id="pekerjaan-error">Pilihan tidak dikenal.'),
    ("7 out of range", "survei", {"produk": "7"}, {}, 422,
     'id="produk-error">Jawaban pertanyaan 5 harus 1, 2, 3 atau 4.'),
    ("7 optional left out", "survei", {"pendidikan": None, "usia": ""}, {}, 303, None),
    # 8: zero is an answer.
    ("8 zero companions", "buku-tamu", {"jumlah_pengikut": "0"}, {}, 303, None),
    ("8 empty companions", "buku-tamu", {"jumlah_pengikut": " "}, {}, 303, None),
    # 9: very long input, at every text field, and a body over the limit.
    ("9 long name", "buku-tamu", {"nama": "A" * 121}, {}, 422,
     'id="nama-error">Terlalu panjang: 121 karakter. Paling banyak 120'),
    ("9 long origin", "buku-tamu", {"asal": "A" * 121}, {}, 422,
     'id="asal-error">Terlalu panjang: 121 karakter.'),
    ("9 long purpose", "buku-tamu", {"keperluan": "A" * 501}, {}, 422,
     'id="keperluan-error">Terlalu panjang: 501 karakter.'),
    ("9 long suggestion", "survei", {"saran": "A" * 2001}, {}, 422,
     'id="saran-error">Terlalu panjang: 2001 karakter.'),
    ("9 long phone", "buku-tamu", {"telepon": "0" * 31}, {}, 422,
     'id="telepon-error">Terlalu panjang: 31 karakter.'),
    ("9 long age", "survei", {"usia": "9" * 40}, {}, 422,
     'id="usia-error">Isi usia dengan angka bulat'),
    ("9 long version tag", "survei", {"versi": "v" * 500}, {}, 303, None),
    ("9 long hidden id", "survei", {"kirim_id": "f" * 5000}, {}, 422,
     'id="kirim_id-error">Formulir ini rusak.'),
    ("9 body over the limit", "survei", {"saran": "x" * 70000}, {}, 413,
     "Isian terlalu besar"),
    # 10: names are not Western names.
    ("10 single name", "buku-tamu", {"nama": "Sukarno"}, {}, 303, None),
    ("10 both apostrophes", "buku-tamu", {"nama": "Nur'aini Nur’aini"}, {}, 303, None),
    ("10 whitespace only", "buku-tamu", {"nama": " \t "}, {}, 422,
     'id="nama-error">Nama belum diisi.'),
    ("10 name missing", "buku-tamu", {"nama": None}, {}, 422,
     'id="nama-error">Nama belum diisi.'),
    # 11: Indonesian phone numbers.
    ("11 phone with dashes", "buku-tamu", {"telepon": "62-812-3456-7890"}, {}, 303,
     None),
    ("11 junk phone", "buku-tamu", {"telepon": "telepon saya"}, {}, 422,
     'id="telepon-error">Nomor telepon “telepon saya” tidak dikenali.'),
    # 15: a retry of an id already stored is answered like the first.
    ("15 retry", "survei", {"kirim_id": OLD_PAGE_ID}, {}, 303, None),
    # Control characters and NUL bytes never reach the database.
    ("control characters", "buku-tamu", {"nama": "Siti\x00 Rahmah\x07"}, {}, 303, None),
    ("NUL in suggestion", "survei", {"saran": "a\x00b"}, {}, 303, None),
    ("NUL in a choice", "survei", {"waktu": "4\x00"}, {}, 422,
     'id="waktu-error">Jawaban pertanyaan 3 harus 1, 2, 3 atau 4.'),
]


@pytest.mark.parametrize(
    ("kind", "name", "changes", "headers", "status", "shown"), KINDS,
    ids=[kind[0] for kind in KINDS],
)
def test_each_kind_of_bad_input_gets_its_answer(
    app, client, kind, name, changes, headers, status, shown
):
    if kind.startswith("15"):
        client.post(f"/kirim/{name}", data=ANSWERS[name](kirim_id=OLD_PAGE_ID))
    with app.app_context():
        before = count(MODELS[name])

    response = client.post(f"/kirim/{name}", data=ANSWERS[name](**changes),
                           headers=headers)

    assert response.status_code == status
    if shown:
        assert shown in response.get_data(as_text=True)
    stored = 1 if status == 303 and not kind.startswith("15") else 0
    with app.app_context():
        assert count(MODELS[name]) == before + stored


def test_the_built_pages_hold_no_per_visitor_token(built_site):
    for name in ("survei", "buku-tamu"):
        page = (built_site / name / "index.html").read_text()
        assert "csrf_token" not in page
        assert re.search(r'name="kirim_id" value=""', page)


PAYLOADS = ['"><script>alert(1)</script>', "' onmouseover='alert(1)",
            '" onmouseover="alert(1)', "</textarea><img src=x onerror=alert(1)>"]
TEXT_FIELDS = {
    "survei": ("usia", "saran", "kirim_id"),
    "buku-tamu": ("nama", "telepon", "asal", "keperluan", "jumlah_pengikut",
                  "kirim_id"),
}
MAKE_INVALID = {"survei": {"persyaratan": None}, "buku-tamu": {"persetujuan": None}}


def unescaped(page: str) -> list[str]:
    """Return the pieces of a payload that came back as live markup."""
    live = ("<script>alert", "onmouseover='alert", 'onmouseover="alert',
            "<img src=x")

    return [piece for piece in live if piece in page]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(
    ("name", "field"),
    [(name, field) for name, fields in TEXT_FIELDS.items() for field in fields],
)
def test_a_script_in_any_text_field_comes_back_escaped(
    client, name, field, payload
):
    data = ANSWERS[name](**MAKE_INVALID[name], **{field: payload})
    page = client.post(f"/kirim/{name}", data=data).get_data(as_text=True)

    assert "perlu diperbaiki" in page
    assert unescaped(page) == []


def test_scripts_stored_by_visitors_show_as_text_on_every_admin_page(app, client):
    for payload in PAYLOADS:
        client.post("/kirim/buku-tamu", data=guestbook_answers(
            asal=payload[:120], keperluan=payload))
        client.post("/kirim/survei", data=survey_answers(saran=payload))
    make_admin(app)
    sign_in(client, "ani")
    pages = [
        rule.rule for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/admin") and "GET" in rule.methods
        and not rule.arguments
    ]

    assert "/admin/" in pages
    for path in pages:
        response = client.get(path)
        assert response.status_code < 500, path
        assert unescaped(response.get_data(as_text=True)) == [], path


FIELDS = {
    "survei": ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi",
               "perilaku", "sarana", "pengaduan", "layanan", "jenis_kelamin", "usia",
               "pendidikan", "pekerjaan", "saran"],
    "buku-tamu": ["nama", "layanan", "telepon", "asal", "keperluan",
                  "jumlah_pengikut", "persetujuan"],
}
COMMON = ["kirim_id", "versi", "durasi"]
INDONESIAN = re.compile(
    r"(Pertanyaan \d+ belum dijawab|Jawaban pertanyaan \d+ harus|Pilih layanan"
    r"|Pilihan tidak dikenal|Isi usia|Usia harus|Terlalu panjang|Formulir ini rusak"
    r"|Formulir terkirim terlalu cepat|Nama belum diisi|Nama hanya boleh"
    r"|Nomor telepon|Isi jumlah pengikut|Jumlah pengikut harus|Centang persetujuan)"
)

values = st.one_of(
    st.text(max_size=60).map(lambda text: text.encode("utf-8")),
    st.binary(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda n: str(n).encode()),
    st.sampled_from([b"", b"0", b"4", b"None", b"null", b"y", b"kunjungan",
                     b"\x00", b"\xff\xfe", b"\xc3\x28", "٣٤".encode(), b"1e309",
                     "𝟒".encode(), b"\xed\xa0\x80"]),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=3000)
    .map(lambda text: text.encode("utf-8")),
)


def encoded(pairs: list[tuple[bytes, bytes]]) -> bytes:
    """Return pairs as an urlencoded body, any bytes kept as they are."""
    return b"&".join(
        quote_from_bytes(key).encode() + b"=" + quote_from_bytes(value).encode()
        for key, value in pairs
    )


@st.composite
def posts(draw, name: str):
    """Draw a post: valid answers with some changed, dropped, repeated or added."""
    answers = {key.encode(): value.encode()
               for key, value in ANSWERS[name]().items()}
    names = [key.encode() for key in FIELDS[name] + COMMON]
    for key in draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
        answers[key] = draw(values)
    for key in draw(st.lists(st.sampled_from(names), max_size=2, unique=True)):
        answers.pop(key, None)
    pairs = list(answers.items())
    extra = st.tuples(st.one_of(st.sampled_from(names), st.binary(max_size=12)), values)
    pairs += draw(st.lists(extra, max_size=3))

    return encoded(draw(st.permutations(pairs))), draw(st.booleans())


def check_post(app, client, name: str, body: bytes, as_json: bool) -> None:
    """Post a raw body and check the answer and what was stored."""
    with app.app_context():
        before = count(MODELS[name])
    response = client.post(
        f"/kirim/{name}", data=body, headers=JSON if as_json else {},
        content_type="application/x-www-form-urlencoded",
    )
    with app.app_context():
        stored = count(MODELS[name]) - before

    assert response.status_code in (201, 303, 413, 422)
    assert stored == (1 if response.status_code in (201, 303) else 0)
    if response.status_code == 422 and as_json:
        messages = [m for ms in response.get_json()["kesalahan"].values() for m in ms]
        assert messages
        assert all(INDONESIAN.match(message) for message in messages), messages
    elif response.status_code == 422:
        assert "isian yang perlu diperbaiki" in response.get_data(as_text=True)


PROPERTY = settings(
    max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture,
                           HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(post=posts("survei"))
def test_any_survey_post_is_stored_whole_or_refused_in_indonesian(app, client, post):
    check_post(app, client, "survei", *post)


@PROPERTY
@given(post=posts("buku-tamu"))
def test_any_guestbook_post_is_stored_whole_or_refused_in_indonesian(
    app, client, post
):
    check_post(app, client, "buku-tamu", *post)
