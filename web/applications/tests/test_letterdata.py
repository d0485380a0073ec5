"""Letter content: every table-2 outcome has a reply text and article; remedies only where they apply."""

from __future__ import annotations

import pytest

from web.applications.choices import Outcome
from web.applications.letterdata import LETTER_KINDS, REMEDIES_GENERIC, letter_spec, remedies_text


@pytest.mark.parametrize("outcome", Outcome.values)
def test_every_outcome_has_a_reply(outcome: str) -> None:
    spec = letter_spec("reply", outcome)
    assert spec.title == "政府信息公开申请答复书"
    assert spec.article.startswith("《") and spec.text
    assert "六十日" in spec.remedies and "六个月" in spec.remedies


def test_articles_of_the_fixed_letters() -> None:
    assert "第三十条" in letter_spec("correction").article
    assert "第三十三条第二款" in letter_spec("extension").article
    assert "第三十二条" in letter_spec("third_party").article
    assert "109号" in letter_spec("fee").article
    assert "十五个工作日" in letter_spec("third_party").text
    assert letter_spec("correction").remedies == "" and letter_spec("fee").remedies == REMEDIES_GENERIC
    assert set(LETTER_KINDS) == {"reply", "correction", "extension", "third_party", "fee"}


def test_outcome_specific_articles() -> None:
    assert "第三十六条第（二）项" in letter_spec("reply", Outcome.GRANTED).article
    assert "第三十七条" in letter_spec("reply", Outcome.PARTIAL).article
    assert "第三十六条第（六）项" in letter_spec("reply", Outcome.NOT_PROCESSED_2).article
    assert "第三十八条" in letter_spec("reply", Outcome.UNABLE_2).article


def test_errors_and_named_remedies() -> None:
    with pytest.raises(ValueError, match="须指定办理结果"):
        letter_spec("reply")
    with pytest.raises(ValueError, match="未知的文书类型"):
        letter_spec("memo")
    text = remedies_text("江州市人民政府", "江州市清河区人民法院")
    assert "向江州市人民政府申请行政复议" in text and "向江州市清河区人民法院提起行政诉讼" in text
