"""benchmarks/learned_dates.py: the candidate dates and contexts its held-out models read."""

from tests.gold_checks import load_benchmark

learned_dates = load_benchmark("learned_dates")


def test_written_dates_give_each_grain_the_text_writes():
    text = "截至2024年6月30日，贷款增长5%；2023年末为4%；2025-03数据。"
    assert learned_dates.written_dates(text) == [
        (2, "2024"), (2, "2024-06"), (2, "2024-06-30"), (20, "2023"), (30, "2025"), (30, "2025-03")]
    # (a month 13 is no date, nor a rate after a year: the year alone is kept)
    assert learned_dates.written_dates("2024年13月") == [(0, "2024")]
    assert learned_dates.written_dates("2024年8.5%") == [(0, "2024")]


def test_candidates_hold_the_rule_the_article_the_text_and_none():
    written = [(0, "2022"), (0, "2022-06")]
    dates = learned_dates.candidates("2024-09", "2025-01-15", written)
    assert "" in dates and "2024-09" in dates
    assert {"2024", "2024-12"} <= set(dates)  # the rule's coarser forms
    assert {"2025-01-15", "2025-01", "2025", "2024"} <= set(dates)  # the article's, the year before
    assert {"2022", "2022-12", "2022-06"} <= set(dates)  # the text's, a year's end
    assert dates == sorted(set(dates))
    # an undated figure of an undated article has none and the text's dates only
    assert learned_dates.candidates("", "", []) == [""]


def test_candidate_features_tell_the_rule_and_the_nearest_written_date():
    written = [(0, "2023"), (0, "2023-12"), (30, "2024")]
    rule_row = learned_dates.candidate_features("2023-12", "2023-12", "", written, 20, (0, 25),
                                                "money", "loan_balance")
    none_row = learned_dates.candidate_features("", "2023-12", "", written, 20, (0, 25),
                                                "money", "loan_balance")
    assert rule_row[:3] == [False, True, False] and none_row[:3] == [True, False, False]
    assert rule_row[15] == 20 and rule_row[16] == 9999  # written 20 characters before, none after
    assert rule_row[19] is True  # in the figure's sentence
    assert len(rule_row) == len(none_row)


def test_clause_context_is_the_clause_before_and_a_little_after():
    sentence = "截至6月末，该行拟向灾区提供260亿元额度的贷款。"
    at = sentence.index("260亿元")
    assert learned_dates.clause_context(sentence, at, "260亿元") == "B该行拟向灾区提供 A额度的贷款。"
