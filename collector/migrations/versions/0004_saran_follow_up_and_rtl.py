"""saran follow-up and rtl

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 15:59:38.361645

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rtl",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dari", sa.Date(), nullable=False),
        sa.Column("sampai", sa.Date(), nullable=False),
        sa.Column("unsur", sa.String(length=20), nullable=False),
        sa.Column("tindakan", sa.Text(), nullable=False),
        sa.Column("penanggung_jawab", sa.String(length=120), nullable=False),
        sa.Column("batas_waktu", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("diubah", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('rencana', 'berjalan', 'selesai')",
            name=op.f("ck_rtl_status_known"),
        ),
        sa.CheckConstraint("sampai >= dari", name=op.f("ck_rtl_period_ordered")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rtl")),
    )
    with op.batch_alter_table("rtl", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rtl_dari"), ["dari"], unique=False)

    op.create_table(
        "saran_tindak",
        sa.Column("survei_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("diubah", sa.DateTime(), nullable=False),
        sa.Column("pengguna", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "status IN ('baru', 'ditindaklanjuti', 'selesai')",
            name=op.f("ck_saran_tindak_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["survei_id"],
            ["survei.id"],
            name=op.f("fk_saran_tindak_survei_id_survei"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("survei_id", name=op.f("pk_saran_tindak")),
    )


def downgrade():
    op.drop_table("saran_tindak")
    with op.batch_alter_table("rtl", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rtl_dari"))

    op.drop_table("rtl")
