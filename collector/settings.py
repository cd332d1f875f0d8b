"""Every collector setting, declared once with its default and its help."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        """Return the environment variable that sets this value."""
        return f"COLLECTOR_{self.name}"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "SECRET_KEY",
        None,
        "Key that signs admin sessions; the collector refuses to start without it.",
    ),
    Setting(
        "DATABASE_URL",
        None,
        "SQLAlchemy URL of the database; empty means collector.sqlite3 in the "
        "instance folder.",
    ),
    Setting(
        "SITE_DIR",
        str(PROJECT_ROOT / "site"),
        "Folder of the built static site that the collector serves and re-uses "
        "for pages with errors.",
    ),
    Setting(
        "DOCS_DIR",
        str(PROJECT_ROOT / "docs"),
        "Folder of the site's Markdown; docs/layanan/*.md define the valid services.",
    ),
    Setting(
        "MKDOCS_YML",
        str(PROJECT_ROOT / "mkdocs.yml"),
        "The site's configuration, read for the unit's name and facts.",
    ),
    Setting(
        "TIMEZONE",
        "Asia/Jakarta",
        "Time zone of the unit: days in reports and exports are cut in it.",
    ),
    Setting(
        "UNIT_CODE",
        "rutan-batusangkar",
        "Short code of the unit stored on every record.",
    ),
    Setting(
        "SQLITE_BUSY_TIMEOUT",
        30,
        "Seconds a SQLite writer waits for the lock before giving up.",
    ),
    Setting(
        "RESULTS_FILE",
        str(PROJECT_ROOT / "site_src" / "data" / "hasil-ikm.json"),
        "File that 'ikm publish' writes the published index into; the site build "
        "reads it (SITE_RESULTS_FILE) for the results page.",
    ),
    Setting(
        "SIGNER_NAME",
        "",
        "Name of the person who signs the printed Laporan SKM; empty leaves a "
        "line to write it by hand.",
    ),
    Setting(
        "SIGNER_TITLE",
        "Kepala Rutan",
        "Title of the signer printed above the signature on the Laporan SKM.",
    ),
    Setting(
        "SIGNER_NIP",
        "",
        "The signer's NIP printed under the name; empty leaves it out.",
    ),
    Setting(
        "KIOSK_IDLE_SECONDS",
        90,
        "Seconds without a touch after which the kiosk forgets the visitor and "
        "returns to its start screen.",
    ),
    Setting(
        "KIOSK_LINK_HOURS",
        24,
        "Hours an admin's one-time kiosk activation link stays valid.",
    ),
    Setting(
        "MAX_CONTENT_LENGTH",
        64 * 1024,
        "Largest request body in bytes; larger posts get a friendly page.",
    ),
    Setting(
        "PUBLIC_URL",
        None,
        "The public address visitors use, e.g. https://layanan.example.go.id/; "
        "posts from its origin are allowed and https makes cookies Secure.",
    ),
    Setting(
        "ALLOWED_ORIGINS",
        "",
        "Further origins (space or comma separated) whose pages may post the "
        "forms; their JSON answers carry CORS headers.",
    ),
    Setting(
        "PROXY_HOPS",
        0,
        "Number of trusted reverse proxies in front of the collector; 0 ignores "
        "X-Forwarded-For and friends.",
    ),
    Setting(
        "MIN_FILL_SECONDS",
        3,
        "Forms sent sooner than this after they were shown are refused as too "
        "fast; 0 turns the check off.",
    ),
    Setting(
        "RATELIMIT_PUBLIC",
        "60 per minute;600 per hour",
        "Public posts allowed per client address; a whole visitors' Wi-Fi shares "
        "one address.",
    ),
    Setting(
        "RATELIMIT_STORAGE_URI",
        "memory://",
        "Where rate-limit counters live; redis://host:6379/0 shares them between "
        "processes.",
    ),
    Setting(
        "SESSION_COOKIE_SECURE",
        None,
        "Send cookies over HTTPS only; empty means on when PUBLIC_URL is https.",
    ),
    Setting(
        "ADMIN_SESSION_HOURS",
        8,
        "Hours an admin stays signed in before signing in again.",
    ),
    Setting(
        "LOGIN_MAX_FAILURES",
        5,
        "Failed sign-ins per user name or per client address before further "
        "attempts are refused for a while.",
    ),
    Setting(
        "LOGIN_WINDOW_MINUTES",
        15,
        "Minutes that failed sign-ins are counted and a refused client waits.",
    ),
    Setting(
        "RETENTION_MONTHS",
        12,
        "Months the guestbook keeps personal data; 'flask purge' erases older "
        "names, phone numbers, origins and purposes.",
    ),
)


def defaults() -> dict[str, Any]:
    """Return the default value of every setting."""
    return {setting.name: setting.default for setting in SETTINGS}
