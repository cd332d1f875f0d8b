"""kiosk devices

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 16:07:13.760406

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "kiosk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=60), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("tautan_hash", sa.String(length=64), nullable=True),
        sa.Column("tautan_berlaku", sa.DateTime(), nullable=True),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("diaktifkan", sa.DateTime(), nullable=True),
        sa.Column("dicabut", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kiosk")),
        sa.UniqueConstraint("nama", name=op.f("uq_kiosk_nama")),
        sa.UniqueConstraint("tautan_hash", name=op.f("uq_kiosk_tautan_hash")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_kiosk_token_hash")),
    )
    with op.batch_alter_table("buku_tamu", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kiosk_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_buku_tamu_kiosk_id"), ["kiosk_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_buku_tamu_kiosk_id_kiosk"), "kiosk", ["kiosk_id"], ["id"]
        )

    with op.batch_alter_table("survei", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kiosk_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_survei_kiosk_id"), ["kiosk_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_survei_kiosk_id_kiosk"), "kiosk", ["kiosk_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("survei", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_survei_kiosk_id_kiosk"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_survei_kiosk_id"))
        batch_op.drop_column("kiosk_id")

    with op.batch_alter_table("buku_tamu", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_buku_tamu_kiosk_id_kiosk"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_buku_tamu_kiosk_id"))
        batch_op.drop_column("kiosk_id")

    op.drop_table("kiosk")
