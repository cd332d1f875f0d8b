import json
import random
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from collector.ikm import (
    Grade,
    IkmResult,
    classify,
    compute,
    compute_from_answers,
    minimum_sample,
    round_half_up,
)

KEYS = (
    "persyaratan",
    "prosedur",
    "waktu",
    "biaya",
    "produk",
    "kompetensi",
    "perilaku",
    "sarana",
    "pengaduan",
)

A = Grade("A", "Sangat Baik")
B = Grade("B", "Baik")
C = Grade("C", "Kurang Baik")
D = Grade("D", "Tidak Baik")

# Element totals that differ from one another but keep the reference mean NRR.
SPREAD_3_5324 = [9831, 7831, 9331, 8331, 8831, 8831, 8831, 8838, 8824]
SPREAD_3_532 = [1000, 766, 900, 866, 883, 883, 883, 883, 883]
SPREAD_2_60 = [20, 6, 15, 11, 13, 13, 13, 13, 13]


def every_element(total: int, answered: int) -> dict[str, tuple[int, int]]:
    return dict.fromkeys(KEYS, (total, answered))


def per_element(totals: list[int], answered: int) -> dict[str, tuple[int, int]]:
    return {key: (total, answered) for key, total in zip(KEYS, totals, strict=True)}


def uniform_answers(score: int, respondents: int) -> list[dict[str, int]]:
    return [dict.fromkeys(KEYS, score) for _ in range(respondents)]


@pytest.mark.parametrize(
    ("score", "ikm", "grade"),
    [(4, "100.00", A), (1, "25.00", D)],
)
def test_uniform_answers_give_the_reference_index_and_grade(score, ikm, grade):
    result = compute_from_answers(uniform_answers(score, 7), KEYS)

    assert result.exact == score * 25
    assert str(result.ikm) == ikm
    assert result.grade == grade
    assert (result.mutu, result.kinerja) == (grade.mutu, grade.kinerja)


@pytest.mark.parametrize(
    ("respondents", "totals", "mean_nrr", "ikm", "grade"),
    [
        (2500, [8831] * 9, "3.5324", "88.31", A),
        (2500, SPREAD_3_5324, "3.5324", "88.31", A),
        (250, [883] * 9, "3.532", "88.30", B),
        (250, SPREAD_3_532, "3.532", "88.30", B),
        (5, [13] * 9, "2.60", "65.00", C),
        (5, SPREAD_2_60, "2.60", "65.00", C),
    ],
)
def test_an_exact_mean_nrr_gives_the_reference_index_and_grade(
    respondents, totals, mean_nrr, ikm, grade
):
    result = compute(respondents, per_element(totals, respondents))

    assert result.exact == Fraction(mean_nrr) * 25
    assert str(result.ikm) == ikm
    assert result.grade == grade


def test_no_respondents_give_no_index_and_no_division_by_zero():
    result = compute(0, every_element(0, 0))

    assert result.exact is None
    assert result.ikm is None
    assert result.grade is None
    assert result.mutu is None
    assert result.kinerja is None
    assert all(item.nrr is None and item.ikm is None for item in result.unsur)


def test_an_empty_set_of_answers_gives_the_same_empty_result_as_compute():
    assert compute_from_answers([], KEYS) == compute(0, every_element(0, 0))


def test_an_element_nobody_answered_leaves_the_unit_without_an_index():
    totals = every_element(12, 3) | {"sarana": (0, 0)}

    result = compute(3, totals)

    assert result.exact is None
    assert result.ikm is None
    by_key = {item.key: item for item in result.unsur}
    assert by_key["sarana"].nrr is None
    assert by_key["sarana"].grade is None
    assert by_key["waktu"].nrr == 4


@pytest.mark.parametrize("respondents", [1, 3, 7, 9, 1000])
def test_a_perfect_score_is_exactly_100_not_99_90_or_99_00(respondents):
    result = compute(respondents, every_element(4 * respondents, respondents))

    assert result.exact == 100
    assert str(result.ikm) == "100.00"


def test_each_element_weighs_one_over_the_number_of_elements():
    result = compute(2, {"waktu": (8, 2), "biaya": (2, 2)})

    assert result.exact == Fraction(5, 2) * 25
    assert str(result.ikm) == "62.50"


def test_element_nrr_is_not_rounded_before_the_mean():
    answers = [
        dict.fromkeys(KEYS, 3) | {"pengaduan": 2},
        dict.fromkeys(KEYS, 3) | {"pengaduan": 2},
        dict.fromkeys(KEYS, 2),
    ]

    result = compute_from_answers(answers, KEYS)

    assert result.exact == Fraction(1750, 27)
    assert str(result.ikm) == "64.81"
    rounded_first = sum(item.nrr_rounded for item in result.unsur) / 9 * 25
    assert rounded_first.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("64.82")


@pytest.mark.parametrize("ikm", ["81.26", "82.00", "85.00", "88.30"])
def test_values_the_2004_table_calls_a_are_b(ikm):
    assert classify(Decimal(ikm)) == B


@pytest.mark.parametrize("ikm", ["76.01", "76.50", "76.60"])
def test_band_c_runs_to_76_60_not_76_00(ikm):
    assert classify(Decimal(ikm)) == C


def test_blank_answers_leave_each_mean_unchanged():
    answers = [
        dict(zip(KEYS, [4, 3, 2, 1, 4, 3, 2, 1, 4], strict=True)),
        dict(zip(KEYS, [2, 2, 3, 3, 4, 4, 1, 1, 3], strict=True)),
    ]
    blanks = [
        dict.fromkeys(KEYS, None),
        dict.fromkeys(KEYS[:4], None),
        {},
    ]

    before = compute_from_answers(answers, KEYS)
    after = compute_from_answers(answers + blanks, KEYS)

    assert after.respondents == before.respondents + 3
    assert [item.nrr for item in after.unsur] == [item.nrr for item in before.unsur]
    assert [item.answered for item in after.unsur] == [2] * 9
    assert after.exact == before.exact


def test_a_blank_is_never_counted_as_a_zero():
    answers = [{"waktu": 4}, {"waktu": None}]

    result = compute_from_answers(answers, ["waktu"])

    assert result.unsur[0].nrr == 4
    assert result.unsur[0].answered == 1
    assert str(result.ikm) == "100.00"


def test_answers_are_matched_to_elements_by_key_not_position():
    scores = dict(zip(KEYS, [1, 2, 3, 4, 1, 2, 3, 4, 2], strict=True))
    shuffled = list(scores.items())
    random.Random(14).shuffle(shuffled)
    answers = [scores, dict(reversed(scores.items())), dict(shuffled)]

    result = compute_from_answers(answers, KEYS)

    assert [item.key for item in result.unsur] == list(KEYS)
    assert {item.key: item.nrr for item in result.unsur} == scores


def test_compute_keeps_the_display_order_of_the_totals():
    totals = {"pengaduan": (4, 1), "sarana": (3, 1), "persyaratan": (2, 1)}

    result = compute(1, totals)

    assert [item.key for item in result.unsur] == ["pengaduan", "sarana", "persyaratan"]
    assert [item.nrr for item in result.unsur] == [4, 3, 2]


def test_an_index_exactly_at_76_605_rounds_up_to_76_61_baik():
    result = compute(5000, every_element(15321, 5000))

    assert result.exact == Fraction("76.605")
    assert str(result.ikm) == "76.61"
    assert result.grade == B
    half_even = Decimal("76.605").quantize(Decimal("0.01"), ROUND_HALF_EVEN)
    assert half_even == Decimal("76.60")


def test_an_nrr_exactly_at_a_fifth_decimal_five_rounds_up():
    element = compute(4000, {"waktu": (12257, 4000)}).unsur[0]

    assert element.nrr == Fraction("3.06425")
    assert str(element.nrr_rounded) == "3.0643"
    assert str(element.ikm) == "76.61"
    assert element.grade == B


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(5, 1000), 2, "0.01"),
        (Fraction(25, 1000), 2, "0.03"),
        (Fraction(1, 3), 4, "0.3333"),
        (Fraction(2, 3), 4, "0.6667"),
        (Fraction(5, 2), 0, "3"),
        (100, 2, "100.00"),
        (Fraction(-5, 1000), 2, "-0.01"),
        (Fraction("76.605") - Fraction(1, 10**30), 2, "76.60"),
        (Fraction("3.53235") + Fraction(1, 10**30), 4, "3.5324"),
    ],
)
def test_round_half_up_rounds_exact_values(value, places, expected):
    assert str(round_half_up(value, places)) == expected


def test_round_half_up_agrees_with_decimal_half_up_on_terminating_values():
    rng = random.Random(2017)

    for _ in range(500):
        value = Decimal(rng.randint(-(10**7), 10**7)).scaleb(-rng.randint(0, 6))
        places = rng.randint(0, 4)
        expected = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)

        assert round_half_up(Fraction(value), places) == expected


def test_round_half_up_refuses_a_float():
    with pytest.raises(TypeError, match="float 2.675"):
        round_half_up(2.675, 2)


def test_round_half_up_refuses_negative_places():
    with pytest.raises(ValueError, match="got -1"):
        round_half_up(Fraction(1, 3), -1)


@pytest.mark.parametrize(
    ("ikm", "grade"),
    [
        ("25.00", D),
        ("64.99", D),
        ("65.00", C),
        ("76.60", C),
        ("76.61", B),
        ("88.30", B),
        ("88.31", A),
        ("100.00", A),
    ],
)
def test_classify_puts_each_boundary_in_its_band(ikm, grade):
    assert classify(Decimal(ikm)) == grade


@pytest.mark.parametrize("ikm", ["24.99", "100.01", "0", "-5.00", "NaN", "Infinity"])
def test_classify_refuses_a_value_outside_25_to_100(ikm):
    with pytest.raises(ValueError, match=re.escape(ikm)):
        classify(Decimal(ikm))


def test_each_element_is_graded_on_its_own_nrr_times_25():
    result = compute(4, {"biaya": (16, 4), "sarana": (9, 4)})

    biaya, sarana = result.unsur
    assert (str(biaya.ikm), biaya.grade) == ("100.00", A)
    assert (str(sarana.ikm), sarana.grade) == ("56.25", D)


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (0, 0),
        (1, 1),
        (10, 10),
        (50, 44),
        (100, 80),
        (200, 132),
        (500, 217),
        (1000, 278),
        (2000, 322),
        (5000, 357),
        (10000, 370),
        (75000, 382),
        (100000, 383),
        (1000000, 384),
    ],
)
def test_minimum_sample_matches_the_krejcie_morgan_table(population, sample):
    assert minimum_sample(population) == sample


def test_minimum_sample_never_exceeds_the_population():
    for population in range(0, 3000):
        assert 0 <= minimum_sample(population) <= population


def test_minimum_sample_refuses_a_negative_population():
    with pytest.raises(ValueError, match="got -1"):
        minimum_sample(-1)


def test_minimum_sample_refuses_a_fractional_population():
    with pytest.raises(TypeError, match="got 10.5"):
        minimum_sample(10.5)


@pytest.mark.parametrize("seed", range(25))
def test_compute_from_answers_agrees_with_compute_on_tallied_totals(seed):
    rng = random.Random(seed)
    answers = []
    for _ in range(rng.randint(0, 40)):
        answer = {key: rng.choice([1, 2, 3, 4, 4, 3, None]) for key in KEYS}
        order = list(answer.items())
        rng.shuffle(order)
        answers.append(dict(order))

    totals = {
        key: (
            sum(answer[key] for answer in answers if answer[key] is not None),
            sum(answer[key] is not None for answer in answers),
        )
        for key in KEYS
    }

    assert compute_from_answers(answers, KEYS) == compute(len(answers), totals)


@pytest.mark.parametrize(
    ("respondents", "totals", "message"),
    [
        (3, {"waktu": (13, 3)}, "'waktu': sum of scores 13 is impossible"),
        (3, {"waktu": (2, 3)}, "'waktu': sum of scores 2 is impossible"),
        (0, {"waktu": (1, 0)}, "sum of scores 1 is impossible for 0 answers"),
        (3, {"biaya": (16, 4)}, "'biaya': 4 answers for 3 respondents"),
        (3, {"biaya": (0, -1)}, "'biaya': -1 answers for 3 respondents"),
        (-1, {"biaya": (0, 0)}, "respondents must be 0 or more, got -1"),
        (3, {}, "totals is empty"),
    ],
)
def test_compute_refuses_impossible_totals(respondents, totals, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        compute(respondents, totals)


@pytest.mark.parametrize("score", [0, 5, -1, "4", 3.5, True])
def test_compute_from_answers_refuses_a_score_outside_1_to_4(score):
    answers = [{"waktu": 4}, {"waktu": score}]

    with pytest.raises(ValueError, match=re.escape("response 2, element 'waktu'")):
        compute_from_answers(answers, ["waktu"])


def test_compute_from_answers_refuses_repeated_keys():
    with pytest.raises(ValueError, match="unique"):
        compute_from_answers([], ["waktu", "biaya", "waktu"])


def test_as_dict_gives_exact_strings():
    result = compute(3, per_element([8] * 8 + [6], 3))
    eight_thirds = {"answered": 3, "nrr": "2.6667", "ikm": "66.67", "mutu": "C"}
    two = {"answered": 3, "nrr": "2.0000", "ikm": "50.00", "mutu": "D"}

    assert result.as_dict() == {
        "respondents": 3,
        "ikm": "64.81",
        "mutu": "D",
        "kinerja": "Tidak Baik",
        "unsur": [{"key": key} | eight_thirds for key in KEYS[:8]]
        + [{"key": "pengaduan"} | two],
    }


def test_as_dict_without_data_gives_nulls_and_survives_json():
    data = compute(0, every_element(0, 0)).as_dict()

    assert data["ikm"] is None
    assert data["mutu"] is None
    assert data["kinerja"] is None
    assert data["unsur"][0] == {
        "key": "persyaratan",
        "answered": 0,
        "nrr": None,
        "ikm": None,
        "mutu": None,
    }
    assert json.loads(json.dumps(data)) == data


def test_results_are_plain_frozen_values():
    result = compute(1, {"waktu": (4, 1)})

    assert isinstance(result, IkmResult)
    with pytest.raises(AttributeError):
        result.respondents = 2
