"""Public form classes built from the questionnaire data, with Indonesian messages."""

from __future__ import annotations

import functools
import re
import unicodedata
import uuid
from typing import Any

import phonenumbers
from flask import current_app, has_app_context
from wtforms import (
    BooleanField,
    Form,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    StopValidation,
    ValidationError,
)

from . import kuesioner as q

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()./-]{6,30}")
NAME_PUNCTUATION = frozenset(" .,-'’‘`")
DURASI_MAX = 86400


def single_line(value: Any) -> Any:
    """Trim a one-line answer, collapse its whitespace and drop control characters."""
    if not isinstance(value, str):
        return value

    value = unicodedata.normalize("NFC", CONTROL.sub(" ", value))

    return " ".join(value.split())


def multi_line(value: Any) -> Any:
    """Trim a free-text answer, keep its line breaks, drop control characters."""
    if not isinstance(value, str):
        return value

    value = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(CONTROL.sub(" ", line).split()) for line in value.split("\n")]

    return unicodedata.normalize("NFC", "\n".join(lines).strip())


class Choice:
    """Refuse a value that is not one of the offered choices."""

    def __init__(self, message: str):
        self.message = message

    def __call__(self, form: Form, field) -> None:
        if field.data in (None, ""):
            return

        if field.data not in {choice.value for choice in field.choices}:
            raise StopValidation(self.message)


class MaxLength:
    """Refuse text longer than the limit, saying the limit and the length."""

    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, form: Form, field) -> None:
        length = len(field.data or "")
        if length > self.limit:
            raise StopValidation(
                f"Terlalu panjang: {length} karakter. Paling banyak {self.limit} "
                "karakter."
            )


class WholeNumber:
    """Refuse an answer that is not a whole number within the range."""

    def __init__(self, low: int, high: int, what: str, example: int):
        self.low, self.high, self.what, self.example = low, high, what, example

    def __call__(self, form: Form, field) -> None:
        if field.data in (None, ""):
            return

        if not re.fullmatch(r"\d{1,4}", field.data):
            raise StopValidation(
                f"Isi {self.what} dengan angka bulat, misalnya {self.example}."
            )

        if not self.low <= int(field.data) <= self.high:
            raise StopValidation(
                f"{self.what.capitalize()} harus antara {self.low} dan {self.high}."
            )


def full_name(form: Form, field) -> None:
    """Accept any real full name: one or more parts, apostrophes, dots, hyphens."""
    name = field.data or ""
    letters = [char for char in name if unicodedata.category(char)[0] in "LM"]
    others = [char for char in name if char not in NAME_PUNCTUATION]
    if not letters or len(letters) != len(others):
        raise ValidationError(
            "Nama hanya boleh berisi huruf, spasi, titik, koma, tanda petik "
            "dan tanda hubung."
        )


def indonesian_phone(form: Form, field) -> None:
    """Accept 08…, +62… or 62… numbers, with spaces or dashes, and normalise them."""
    if not field.data:
        return

    number = None
    raw = field.data
    if raw.startswith("62"):
        # Written nationally a number starts with 0, so a leading 62 is the
        # country code without its plus, as in WhatsApp links.
        raw = f"+{raw}"

    if PHONE_CHARACTERS.fullmatch(raw):
        try:
            number = phonenumbers.parse(raw, "ID")
        except phonenumbers.NumberParseException:
            number = None

    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            f"Nomor telepon “{field.data[:30]}” tidak dikenali. Tulis seperti "
            "0812 3456 7890 atau +62 812 3456 7890."
        )

    field.data = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def submission_id(form: Form, field) -> None:
    """Accept an empty id or a UUID chosen by the visitor's browser."""
    if not field.data:
        return

    try:
        field.data = str(uuid.UUID(field.data))
    except ValueError:
        raise StopValidation(
            "Formulir ini rusak. Muat ulang halaman lalu kirim lagi."
        ) from None


def fill_seconds(value: Any) -> int | None:
    """Read the whole seconds the form was open; anything else counts as unknown."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,5}", value.strip()):
        seconds = int(value)
        if seconds <= DURASI_MAX:
            return seconds

    return None


def version_tag(value: Any) -> Any:
    """Keep a form version tag that fits its column; drop anything else."""
    value = single_line(value)
    if isinstance(value, str) and len(value) > 20:
        return ""

    return value


def not_too_fast(form: Form, field) -> None:
    """Refuse a form sent sooner after it was shown than a person can fill it."""
    if field.data is None or not has_app_context():
        return

    if field.data < int(current_app.config["MIN_FILL_SECONDS"]):
        raise StopValidation(
            "Formulir terkirim terlalu cepat. Periksa kembali jawaban Anda, "
            "lalu tekan tombol kirim sekali lagi."
        )


def required(message: str) -> InputRequired:
    """Return a validator that refuses an empty answer with the message."""
    return InputRequired(message=message)


def text_required(message: str):
    """Return a validator that refuses an answer that is empty after trimming."""

    def check(form: Form, field) -> None:
        if not field.data:
            raise StopValidation(message)

    return check


class PublicForm(Form):
    """Fields every public form carries besides its questions."""

    kirim_id = HiddenField(validators=[submission_id], filters=[single_line])
    versi = HiddenField(filters=[version_tag])
    durasi = HiddenField(filters=[fill_seconds], validators=[not_too_fast])

    def answers(self) -> dict[str, Any]:
        """Return the cleaned answers, with None for every empty optional one."""
        answers = {}
        for field in self:
            if field.name in ("versi", "durasi"):
                continue

            value = field.data
            answers[field.name] = None if value in ("", None) else value

        answers["durasi_detik"] = self.durasi.data

        return answers


class PaperForm(PublicForm):
    """A paper questionnaire: blanks allowed, but not a sheet with no answer."""

    def validate(self, extra_validators=None) -> bool:
        """Validate the fields, then refuse a sheet where all nine are blank."""
        valid = super().validate(extra_validators)
        if valid and all(not self[key].data for key in q.UNSUR_KEYS):
            self[q.UNSUR_KEYS[0]].errors = [
                "Kuesioner kosong: tidak ada satu pun pertanyaan yang dijawab."
            ]
            return False

        return valid


def options(pairs) -> list[SelectChoice]:
    """Return (value, label) pairs as WTForms choices."""
    return [SelectChoice(str(value), str(label)) for value, label in pairs]


def service_field(label: str, services) -> RadioField:
    """Return the required pick-list of services."""
    message = "Pilih layanan dari daftar."

    return RadioField(
        label,
        choices=options(services),
        validate_choice=False,
        validators=[required(message), Choice(message)],
    )


def optional_choice(label: str, choices) -> RadioField:
    """Return an optional radio group whose unknown values are refused."""
    return RadioField(
        label,
        choices=options(choices),
        validate_choice=False,
        validators=[Choice("Pilihan tidak dikenal. Pilih salah satu yang tersedia.")],
    )


@functools.lru_cache(maxsize=16)
def survey_form(
    services: tuple[tuple[str, str], ...], paper: bool = False
) -> type[PublicForm]:
    """Build the survey form class; on paper an element may be left blank."""
    # Fields are created in the order the page shows them, so that errors
    # are listed in that order too.
    fields: dict[str, Any] = {
        "layanan": service_field("Layanan yang Anda terima", services)
    }
    for number, unsur in enumerate(q.UNSUR, start=1):
        message = f"Pertanyaan {number} belum dijawab. Pilih salah satu jawaban."
        checks = [Choice(f"Jawaban pertanyaan {number} harus 1, 2, 3 atau 4.")]
        fields[unsur.key] = RadioField(
            unsur.pertanyaan,
            choices=options(enumerate(unsur.pilihan, start=1)),
            validate_choice=False,
            validators=checks if paper else [required(message), *checks],
        )

    fields["jenis_kelamin"] = optional_choice("Jenis kelamin", q.JENIS_KELAMIN)
    fields["usia"] = StringField(
        "Usia dalam tahun (boleh dikosongkan)",
        filters=[single_line],
        validators=[WholeNumber(q.USIA_MIN, q.USIA_MAX, "usia", 35)],
    )
    fields["pendidikan"] = optional_choice("Pendidikan terakhir", q.PENDIDIKAN)
    fields["pekerjaan"] = optional_choice("Pekerjaan", q.PEKERJAAN)
    fields["saran"] = TextAreaField(
        "Saran atau masukan (boleh dikosongkan)",
        filters=[multi_line],
        validators=[MaxLength(q.MAX_LENGTH["saran"])],
    )
    return type("SurveyForm", (PaperForm if paper else PublicForm,), fields)


@functools.lru_cache(maxsize=16)
def guestbook_form(services: tuple[tuple[str, str], ...]) -> type[PublicForm]:
    """Build the guestbook form class for the given services."""
    fields: dict[str, Any] = {
        "nama": StringField(
            "Nama lengkap",
            filters=[single_line],
            validators=[
                text_required("Nama belum diisi. Tulis nama lengkap Anda."),
                MaxLength(q.MAX_LENGTH["nama"]),
                full_name,
            ],
        ),
        "layanan": service_field("Keperluan layanan", services),
        "telepon": StringField(
            "Nomor telepon/WhatsApp (boleh dikosongkan)",
            filters=[single_line],
            validators=[MaxLength(30), indonesian_phone],
        ),
        "asal": StringField(
            "Asal (kota/kabupaten atau instansi, boleh dikosongkan)",
            filters=[single_line],
            validators=[MaxLength(q.MAX_LENGTH["asal"])],
        ),
        "keperluan": TextAreaField(
            "Keterangan keperluan (boleh dikosongkan)",
            filters=[multi_line],
            validators=[MaxLength(q.MAX_LENGTH["keperluan"])],
        ),
        "jumlah_pengikut": StringField(
            "Jumlah pengikut/pendamping (boleh dikosongkan)",
            filters=[single_line],
            validators=[WholeNumber(0, q.PENGIKUT_MAX, "jumlah pengikut", 2)],
        ),
        "persetujuan": BooleanField(
            "Saya setuju data ini disimpan sesuai pemberitahuan privasi.",
            false_values=("", "false", "0", "no", "off", "tidak"),
            validators=[
                DataRequired(
                    "Centang persetujuan agar data buku tamu dapat disimpan."
                )
            ],
        ),
    }
    return type("GuestbookForm", (PublicForm,), fields)


FORMS = {"survei": survey_form, "buku-tamu": guestbook_form}
