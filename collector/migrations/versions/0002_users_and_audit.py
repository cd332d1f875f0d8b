"""users and audit

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 15:52:06.103129

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "pengguna",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengguna")),
        sa.UniqueConstraint("username", name=op.f("uq_pengguna_username")),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("pengguna_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("aksi", sa.String(length=40), nullable=False),
        sa.Column("rincian", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_audit_pengguna_id_pengguna")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_waktu"), ["waktu"], unique=False)


def downgrade():
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_waktu"))

    op.drop_table("audit")
    op.drop_table("pengguna")
