"""survey and guestbook

Revision ID: 0001
Revises:
Create Date: 2026-12-04 15:47:44.520047

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "buku_tamu",
        sa.Column("nama", sa.String(length=120), nullable=True),
        sa.Column("telepon", sa.String(length=20), nullable=True),
        sa.Column("asal", sa.String(length=120), nullable=True),
        sa.Column("keperluan", sa.Text(), nullable=True),
        sa.Column("jumlah_pengikut", sa.SmallInteger(), nullable=True),
        sa.Column("persetujuan", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kirim_id", sa.String(length=36), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("sumber", sa.String(length=10), nullable=False),
        sa.Column("versi", sa.String(length=20), nullable=True),
        sa.Column("durasi_detik", sa.Integer(), nullable=True),
        sa.Column("layanan", sa.String(length=60), nullable=False),
        sa.CheckConstraint(
            "jumlah_pengikut >= 0", name=op.f("ck_buku_tamu_pengikut_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buku_tamu")),
        sa.UniqueConstraint("kirim_id", name=op.f("uq_buku_tamu_kirim_id")),
    )
    with op.batch_alter_table("buku_tamu", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_buku_tamu_layanan"), ["layanan"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_buku_tamu_tanggal"), ["tanggal"], unique=False
        )

    op.create_table(
        "survei",
        sa.Column("persyaratan", sa.SmallInteger(), nullable=True),
        sa.Column("prosedur", sa.SmallInteger(), nullable=True),
        sa.Column("waktu", sa.SmallInteger(), nullable=True),
        sa.Column("biaya", sa.SmallInteger(), nullable=True),
        sa.Column("produk", sa.SmallInteger(), nullable=True),
        sa.Column("kompetensi", sa.SmallInteger(), nullable=True),
        sa.Column("perilaku", sa.SmallInteger(), nullable=True),
        sa.Column("sarana", sa.SmallInteger(), nullable=True),
        sa.Column("pengaduan", sa.SmallInteger(), nullable=True),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=True),
        sa.Column("usia", sa.SmallInteger(), nullable=True),
        sa.Column("pendidikan", sa.String(length=10), nullable=True),
        sa.Column("pekerjaan", sa.String(length=20), nullable=True),
        sa.Column("saran", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kirim_id", sa.String(length=36), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("sumber", sa.String(length=10), nullable=False),
        sa.Column("versi", sa.String(length=20), nullable=True),
        sa.Column("durasi_detik", sa.Integer(), nullable=True),
        sa.Column("layanan", sa.String(length=60), nullable=False),
        sa.CheckConstraint("biaya BETWEEN 1 AND 4", name=op.f("ck_survei_biaya_range")),
        sa.CheckConstraint(
            "kompetensi BETWEEN 1 AND 4", name=op.f("ck_survei_kompetensi_range")
        ),
        sa.CheckConstraint(
            "pengaduan BETWEEN 1 AND 4", name=op.f("ck_survei_pengaduan_range")
        ),
        sa.CheckConstraint(
            "perilaku BETWEEN 1 AND 4", name=op.f("ck_survei_perilaku_range")
        ),
        sa.CheckConstraint(
            "persyaratan BETWEEN 1 AND 4", name=op.f("ck_survei_persyaratan_range")
        ),
        sa.CheckConstraint(
            "produk BETWEEN 1 AND 4", name=op.f("ck_survei_produk_range")
        ),
        sa.CheckConstraint(
            "prosedur BETWEEN 1 AND 4", name=op.f("ck_survei_prosedur_range")
        ),
        sa.CheckConstraint(
            "sarana BETWEEN 1 AND 4", name=op.f("ck_survei_sarana_range")
        ),
        sa.CheckConstraint("waktu BETWEEN 1 AND 4", name=op.f("ck_survei_waktu_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survei")),
        sa.UniqueConstraint("kirim_id", name=op.f("uq_survei_kirim_id")),
    )
    with op.batch_alter_table("survei", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survei_layanan"), ["layanan"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_survei_tanggal"), ["tanggal"], unique=False
        )


def downgrade():
    with op.batch_alter_table("survei", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survei_tanggal"))
        batch_op.drop_index(batch_op.f("ix_survei_layanan"))

    op.drop_table("survei")
    with op.batch_alter_table("buku_tamu", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_buku_tamu_tanggal"))
        batch_op.drop_index(batch_op.f("ix_buku_tamu_layanan"))

    op.drop_table("buku_tamu")
