"""Accent-free search keys and Vietnamese sort order (core.text)."""

import unicodedata

import pytest

from tretho.core.text import collation_key, fold, matches


@pytest.mark.parametrize("spelling", ["Đồng Nai", "ĐỒNG NAI", "dong nai", "Dong Nai", "  Đồng   Nai "])
def test_fold_makes_every_spelling_of_dong_nai_equal(spelling):
    assert fold(spelling) == "dong nai"


@pytest.mark.parametrize(("old_style", "new_style"),
                         [("Thủy", "Thuỷ"), ("Hòa An", "Hoà An"), ("Khánh Hòa", "Khánh Hoà")])
def test_fold_ignores_where_the_tone_mark_sits(old_style, new_style):
    assert fold(old_style) == fold(new_style)


def test_fold_treats_decomposed_and_composed_text_alike():
    composed = "Hương An"
    assert fold(unicodedata.normalize("NFD", composed)) == fold(composed) == "huong an"


def test_fold_of_nothing_is_empty():
    assert fold(None) == fold("") == ""


def test_matches_needs_every_word():
    assert matches("hoa an", "Phường Hóa An, Thành phố Biên Hòa")
    assert matches("bien hoa", "Phường Hóa An, Thành phố Biên Hòa")
    assert not matches("long binh", "Phường Hóa An, Thành phố Biên Hòa")


def vietnamese_sorted(names):
    return sorted(names, key=collation_key)


def test_d_with_stroke_sorts_after_d():
    assert vietnamese_sorted(["Đồng Nai", "Dương", "Điện Biên", "Đà Nẵng", "Cà Mau"]) == [
        "Cà Mau", "Dương", "Đà Nẵng", "Điện Biên", "Đồng Nai"]


def test_letters_with_marks_follow_their_base_letter():
    assert vietnamese_sorted(["Ưng", "Uông", "Ân", "Ăn", "An", "Bắc"]) == ["An", "Ăn", "Ân", "Bắc", "Uông", "Ưng"]
    assert vietnamese_sorted(["Ơn", "Ôn", "On"]) == ["On", "Ôn", "Ơn"]


def test_tones_sort_in_order_after_the_letters():
    # none, huyền, hỏi, ngã, sắc, nặng
    assert vietnamese_sorted(["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"]) == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    # Letters decide before tones: "Hà Nam" < "Ha Tien" would be wrong, n < t decides.
    assert vietnamese_sorted(["Hà Tĩnh", "Hà Nam", "Hà Giang"]) == ["Hà Giang", "Hà Nam", "Hà Tĩnh"]
    assert vietnamese_sorted(["Hạ Long", "Ha Long"]) == ["Ha Long", "Hạ Long"]


def test_collation_key_ignores_case_and_is_database_safe():
    assert collation_key("Biên Hòa") == collation_key("BIÊN HÒA") == collation_key("biên hòa")
    assert collation_key("Biên Hòa").isdigit()
    assert collation_key(None) == ""


def test_shorter_name_sorts_first():
    assert vietnamese_sorted(["Long Bình Tân", "Long Bình", "Long"]) == ["Long", "Long Bình", "Long Bình Tân"]
