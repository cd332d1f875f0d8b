"""Failed sign-ins counted in the database, so every worker sees the same count."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import Integer, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from .db import UTCDateTime, db, utcnow


class LoginFailure(db.Model):
    """One failed sign-in: when, which user name, from which client."""

    __tablename__ = "gagal_masuk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    waktu: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(40), index=True)
    klien: Mapped[str] = mapped_column(String(64), index=True)


def window() -> timedelta:
    """Return how long a failed sign-in keeps counting."""
    return timedelta(minutes=int(current_app.config["LOGIN_WINDOW_MINUTES"]))


def minutes_to_wait(username: str, client: str) -> int:
    """Return the minutes until the user name and client may try again; 0 is now."""
    since = utcnow() - window()
    limit = int(current_app.config["LOGIN_MAX_FAILURES"])
    waits = []
    for column, value in (
        (LoginFailure.username, username),
        (LoginFailure.klien, client),
    ):
        query = (
            select(LoginFailure.waktu)
            .where(column == value, LoginFailure.waktu > since)
            .order_by(LoginFailure.waktu.desc())
            .limit(limit)
        )
        recent = db.session.scalars(query).all()
        if len(recent) >= limit:
            # The oldest of the last `limit` failures decides when the count drops.
            free_at = recent[-1] + window()
            waits.append(math.ceil((free_at - utcnow()).total_seconds() / 60))

    return max(waits, default=0)


def record_failure(username: str, client: str) -> None:
    """Count a failed sign-in and forget the ones too old to count; caller commits."""
    db.session.execute(
        delete(LoginFailure).where(LoginFailure.waktu < utcnow() - window())
    )
    db.session.add(LoginFailure(username=username[:40], klien=client[:64]))


def forget_failures(username: str, client: str) -> None:
    """Clear this user name's failures from this client after a good sign-in.

    Failures of other user names stay, so signing in to one's own account
    does not reset a client that is guessing someone else's password.
    """
    db.session.execute(
        delete(LoginFailure).where(
            LoginFailure.username == username, LoginFailure.klien == client
        )
    )
