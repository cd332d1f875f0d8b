"""Compute the public-service satisfaction index (IKM, PermenPANRB 14/2017).

Every value stays an exact fraction until the end; rounding is half-up and
happens only for display: NRR to 4 decimals, IKM to 2 decimals.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

NRR_PLACES = 4
IKM_PLACES = 2
SCORE_MIN = 1
SCORE_MAX = 4
IKM_MIN = Decimal("25.00")
IKM_MAX = Decimal("100.00")


def round_half_up(value: Fraction | int, places: int) -> Decimal:
    """Round an exact value half-up to the given number of decimals."""
    if isinstance(value, float):
        raise TypeError(
            f"round_half_up needs an exact value, got the float {value!r}; "
            "pass a Fraction or an int"
        )

    if not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be a whole number >= 0, got {places!r}")

    # Cutting one digit past the target never crosses a tie, so the
    # half-up step below sees the same answer the exact value would give.
    exact = Fraction(value)
    scaled = abs(exact) * 10 ** (places + 1)
    sign = "-" if exact < 0 else ""
    truncated = Decimal(f"{sign}{scaled.numerator // scaled.denominator}E-{places + 1}")

    with localcontext() as context:
        context.prec = len(truncated.as_tuple().digits) + 2
        return truncated.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Grade:
    """A service-quality grade (mutu) and its unit-performance label (kinerja)."""

    mutu: str
    kinerja: str


BANDS: tuple[tuple[Decimal, Grade], ...] = (
    (Decimal("88.31"), Grade("A", "Sangat Baik")),
    (Decimal("76.61"), Grade("B", "Baik")),
    (Decimal("65.00"), Grade("C", "Kurang Baik")),
    (IKM_MIN, Grade("D", "Tidak Baik")),
)


def classify(ikm: Decimal) -> Grade:
    """Return the grade of an IKM already rounded to 2 decimals on the 25-100 scale."""
    if not Decimal(ikm).is_finite() or not IKM_MIN <= ikm <= IKM_MAX:
        raise ValueError(f"IKM must lie between 25.00 and 100.00, got {ikm}")

    return next(grade for lower, grade in BANDS if ikm >= lower)


@dataclass(frozen=True)
class UnsurResult:
    """The tally and mean score (NRR) of one survey element."""

    key: str
    answered: int
    total: int
    nrr: Fraction | None

    @property
    def nrr_rounded(self) -> Decimal | None:
        """Return the NRR rounded half-up to 4 decimals."""
        return None if self.nrr is None else round_half_up(self.nrr, NRR_PLACES)

    @property
    def ikm(self) -> Decimal | None:
        """Return this element's NRR times 25, rounded half-up to 2 decimals."""
        return None if self.nrr is None else round_half_up(self.nrr * 25, IKM_PLACES)

    @property
    def grade(self) -> Grade | None:
        """Return the grade of this element's IKM."""
        return None if self.ikm is None else classify(self.ikm)


@dataclass(frozen=True)
class IkmResult:
    """The index of a set of responses with its per-element results."""

    respondents: int
    unsur: tuple[UnsurResult, ...]
    exact: Fraction | None

    @property
    def ikm(self) -> Decimal | None:
        """Return the index rounded half-up to 2 decimals, or None without data."""
        return None if self.exact is None else round_half_up(self.exact, IKM_PLACES)

    @property
    def grade(self) -> Grade | None:
        """Return the grade of the index, or None without data."""
        return None if self.ikm is None else classify(self.ikm)

    @property
    def mutu(self) -> str | None:
        """Return the quality letter A to D, or None without data."""
        return None if self.grade is None else self.grade.mutu

    @property
    def kinerja(self) -> str | None:
        """Return the unit-performance label, or None without data."""
        return None if self.grade is None else self.grade.kinerja

    def as_dict(self) -> dict:
        """Return the result as JSON-ready data with decimals as strings."""
        return {
            "respondents": self.respondents,
            "ikm": _text(self.ikm),
            "mutu": self.mutu,
            "kinerja": self.kinerja,
            "unsur": [
                {
                    "key": item.key,
                    "answered": item.answered,
                    "nrr": _text(item.nrr_rounded),
                    "ikm": _text(item.ikm),
                    "mutu": None if item.grade is None else item.grade.mutu,
                }
                for item in self.unsur
            ],
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def compute(respondents: int, totals: Mapping[str, tuple[int, int]]) -> IkmResult:
    """Compute the index from each element's (sum of scores, number answered)."""
    if respondents < 0:
        raise ValueError(f"respondents must be 0 or more, got {respondents}")

    if not totals:
        raise ValueError("totals is empty; give at least one element key")

    unsur = tuple(
        _tally(key, total, answered, respondents)
        for key, (total, answered) in totals.items()
    )

    if respondents == 0 or any(item.nrr is None for item in unsur):
        return IkmResult(respondents, unsur, None)

    # The weight of each element is exactly 1/n; printed roundings such as
    # 0.111 would make a perfect score fall short of 100.
    mean = sum((item.nrr for item in unsur), Fraction(0)) / len(unsur)
    return IkmResult(respondents, unsur, mean * 25)


def _tally(key: str, total: int, answered: int, respondents: int) -> UnsurResult:
    if not 0 <= answered <= respondents:
        raise ValueError(
            f"element {key!r}: {answered} answers for {respondents} respondents; "
            "answered must be between 0 and the number of respondents"
        )

    low, high = answered * SCORE_MIN, answered * SCORE_MAX
    if not low <= total <= high:
        raise ValueError(
            f"element {key!r}: sum of scores {total} is impossible for "
            f"{answered} answers scored {SCORE_MIN} to {SCORE_MAX}; "
            f"expected {low} to {high}"
        )

    nrr = Fraction(total, answered) if answered else None
    return UnsurResult(key, answered, total, nrr)


def compute_from_answers(
    answers: Iterable[Mapping[str, int | None]], keys: Sequence[str]
) -> IkmResult:
    """Compute the index from individual responses, leaving blanks out of each mean.

    Scores are looked up by element key, never by position. A key that is
    missing or None is a blank; keys outside ``keys`` are ignored.
    """
    if len(set(keys)) != len(keys):
        raise ValueError(f"element keys must be unique, got {list(keys)}")

    sums = dict.fromkeys(keys, 0)
    counts = dict.fromkeys(keys, 0)
    respondents = 0

    for number, answer in enumerate(answers, start=1):
        respondents += 1

        for key in keys:
            score = answer.get(key)
            if score is None:
                continue

            if type(score) is not int or not SCORE_MIN <= score <= SCORE_MAX:
                raise ValueError(
                    f"response {number}, element {key!r}: score {score!r} is not "
                    f"a whole number from {SCORE_MIN} to {SCORE_MAX}; "
                    "use None for a blank"
                )

            sums[key] += score
            counts[key] += 1

    totals = {key: (sums[key], counts[key]) for key in keys}
    return compute(respondents, totals)


def minimum_sample(population: int) -> int:
    """Return the Krejcie-Morgan minimum sample for a population of service users."""
    if type(population) is not int:
        raise TypeError(f"population must be a whole number, got {population!r}")

    if population < 0:
        raise ValueError(f"population must be 0 or more, got {population}")

    chi_square = Fraction("3.841")
    share = Fraction(1, 2)
    margin = Fraction(5, 100)

    spread = chi_square * share * (1 - share)
    sample = spread * population / (margin**2 * (population - 1) + spread)
    return int(round_half_up(sample, 0))
