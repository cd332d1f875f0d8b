"""login failures and erased guestbook data

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 15:57:39.114391

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "gagal_masuk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("klien", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gagal_masuk")),
    )
    with op.batch_alter_table("gagal_masuk", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gagal_masuk_klien"), ["klien"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_gagal_masuk_username"), ["username"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_gagal_masuk_waktu"), ["waktu"], unique=False
        )

    with op.batch_alter_table("buku_tamu", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dihapus_pada", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("buku_tamu", schema=None) as batch_op:
        batch_op.drop_column("dihapus_pada")

    with op.batch_alter_table("gagal_masuk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gagal_masuk_waktu"))
        batch_op.drop_index(batch_op.f("ix_gagal_masuk_username"))
        batch_op.drop_index(batch_op.f("ix_gagal_masuk_klien"))

    op.drop_table("gagal_masuk")
