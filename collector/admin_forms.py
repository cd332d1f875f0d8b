"""Forms of the follow-up and paper-questionnaire pages, with Indonesian messages."""

from __future__ import annotations

import functools
from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from . import periods
from .followup import RTL_STATES, SARAN_STATES
from .forms import Choice, multi_line, options, survey_form
from .kuesioner import UNSUR

UNKNOWN = "Pilihan tidak dikenal. Pilih salah satu yang tersedia."


class DayField(DateField):
    """A YYYY-MM-DD date whose bad input gets an Indonesian message."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return

        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(
                f"“{valuelist[0][:20]}” bukan tanggal. Tulis seperti 2026-03-31."
            ) from None


def period_code(form, field) -> None:
    """Refuse a period code that names no period."""
    try:
        periods.parse(field.data or "")
    except ValueError:
        raise ValidationError(
            "Tulis periode seperti 2026-03, 2026-Q1, 2026-S1 atau 2026."
        ) from None


class SaranForm(FlaskForm):
    status = RadioField(
        "Status",
        choices=options(SARAN_STATES.items()),
        validate_choice=False,
        validators=[InputRequired("Pilih status tindak lanjut."), Choice(UNKNOWN)],
    )
    catatan = TextAreaField(
        "Catatan",
        filters=[multi_line],
        validators=[
            Optional(),
            Length(max=1000, message="Catatan paling banyak 1000 karakter."),
        ],
    )


class RtlForm(FlaskForm):
    periode = StringField(
        "Periode (mis. 2026-Q1, 2026-03, 2026-S1, 2026)",
        validators=[InputRequired("Isi periode."), period_code],
    )
    unsur = SelectField(
        "Unsur",
        choices=options((unsur.key, unsur.nama) for unsur in UNSUR),
        validate_choice=False,
        validators=[InputRequired("Pilih unsur."), Choice(UNKNOWN)],
    )
    tindakan = TextAreaField(
        "Tindakan",
        filters=[multi_line],
        validators=[
            InputRequired("Tulis tindakan yang akan dilakukan."),
            Length(max=1000, message="Tindakan paling banyak 1000 karakter."),
        ],
    )
    penanggung_jawab = StringField(
        "Penanggung jawab",
        validators=[
            InputRequired("Isi penanggung jawab."),
            Length(max=120, message="Penanggung jawab paling banyak 120 karakter."),
        ],
    )
    batas_waktu = DayField(
        "Batas waktu", validators=[InputRequired("Isi batas waktu.")]
    )
    status = SelectField(
        "Status",
        choices=options(RTL_STATES.items()),
        validate_choice=False,
        validators=[InputRequired("Pilih status."), Choice(UNKNOWN)],
    )


def not_in_future(today: date):
    """Return a validator that refuses a day after today."""

    def check(form, field) -> None:
        if field.data and field.data > today:
            raise ValidationError(
                f"Tanggal {field.data.isoformat()} belum terjadi. Isi tanggal "
                "kuesioner diisi."
            )

    return check


@functools.lru_cache(maxsize=16)
def paper_form(services: tuple[tuple[str, str], ...]) -> type[FlaskForm]:
    """Build the paper-questionnaire form: the public survey's fields plus its date."""
    fields = {
        "tanggal": DayField(
            "Tanggal kuesioner diisi",
            validators=[InputRequired("Isi tanggal kuesioner diisi.")],
        )
    }

    return type("PaperForm", (FlaskForm, survey_form(services, paper=True)), fields)
