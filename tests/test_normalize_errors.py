"""Input that holds no article: one typed error naming the file, never a traceback."""

from __future__ import annotations

import contextlib
import json
import subprocess
import time
from pathlib import Path

import pytest
from conftest import run_g60pub

from g60pub.errors import SourceError
from g60pub.normalize import normalize, normalize_file

PAGES = Path(__file__).parent / "data" / "pages"
SAMPLE = Path(__file__).parent.parent / "sources" / "g60-corridor-agreement-2017.html"


def _error(name: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        normalize_file(PAGES / name)
    return caught.value


def test_empty_file_is_a_source_error_naming_the_file() -> None:
    error = _error("empty.html")
    assert error.reason == "empty file"
    assert error.file == str(PAGES / "empty.html")


def test_binary_garbage_is_not_html() -> None:
    assert _error("binary_garbage.bin").reason.startswith("not HTML")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(SourceError, match=what):
        normalize(data)


def test_plain_text_is_not_html() -> None:
    with pytest.raises(SourceError, match="not HTML"):
        normalize("松江、杭州、嘉兴三地在沪签订合作协议。".encode())


def test_page_without_article_text_is_no_article_found() -> None:
    assert _error("no_article.html").reason == "no article found"


def test_bytes_that_decode_only_with_replacement_characters_are_refused() -> None:
    assert _error("undecodable.html").reason.startswith("cannot decode")


def test_missing_file_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="cannot read"):
        normalize_file(PAGES / "no-such-page.html")


def test_fifty_thousand_deep_nesting_returns_the_article_quickly() -> None:
    depth = 50_000
    page = (
        "<html><head><title>深层嵌套_某网</title></head><body>"
        + "<div>" * depth
        + "<p>正文很深，但解析器不应崩溃，也不应挂起。</p>"
        + "</div>" * depth
    )
    start = time.monotonic()
    article = normalize(page.encode("utf-8"))
    assert time.monotonic() - start < 10
    assert [b.text for b in article.blocks] == ["正文很深，但解析器不应崩溃，也不应挂起。"]


def test_fifty_thousand_unclosed_tags_return_or_raise_quickly() -> None:
    page = "<html><body>" + "<font><b>" * 25_000 + "正文"
    start = time.monotonic()
    with contextlib.suppress(SourceError):
        normalize(page)
    assert time.monotonic() - start < 10


def test_deep_nesting_before_the_article_still_finds_the_article() -> None:
    page = (
        "<html><head><title>测试标题_某网</title></head><body>"
        + "<span>" * 3000
        + "</span>" * 3000
        + "<h1>测试标题</h1><p>这是一段正文，确认前面的深层嵌套不影响提取。</p></body></html>"
    )
    article = normalize(page)
    assert article.title == "测试标题"
    assert [b.text for b in article.blocks] == ["这是一段正文，确认前面的深层嵌套不影响提取。"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_g60pub("normalize", *args)


def test_cli_prints_article_json_with_the_contract_keys() -> None:
    result = _cli(str(SAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["title", "author", "source", "published", "via", "url", "lang", "blocks"]
    assert "，" in result.stdout  # ensure_ascii=False: Chinese printed as itself
    assert len(data["blocks"]) == 22


def test_cli_readable_view_marks_headings() -> None:
    result = _cli(str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("服务国家战略，松江杭州嘉兴共同签订")
    assert "\n## 提升区域协同创新能力\n" in result.stdout


@pytest.mark.parametrize(
    "name", ["binary_garbage.bin", "undecodable.html", "no_article.html", "empty.html"]
)
def test_cli_bad_input_is_one_line_on_stderr_and_exit_2(name: str) -> None:
    result = _cli(str(PAGES / name))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert str(PAGES / name) in result.stderr
    assert "Traceback" not in result.stderr


def test_error_page_is_no_article() -> None:
    page = (
        "<title>404 Not Found</title><h1>404 Not Found</h1><p>您访问的页面不存在，请返回首页。</p>"
    )
    with pytest.raises(SourceError, match="no article found"):
        normalize(page)


def test_minimal_page_with_heading_and_one_sentence_is_an_article() -> None:
    article = normalize("<html><body><h1>标题</h1><p>正文内容。</p></body></html>")
    assert (article.title, [b.text for b in article.blocks]) == ("标题", ["正文内容。"])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_pages_decode_with_or_without_byte_order_mark(codec: str) -> None:
    page = "<html><title>标题甲_网</title><body><h1>标题甲</h1><p>正文第一段。</p></body></html>"
    article = normalize(page.encode(codec))
    assert (article.title, [b.text for b in article.blocks]) == ("标题甲", ["正文第一段。"])


def test_a_channel_heading_over_pictures_without_a_sentence_or_date_is_no_article() -> None:
    assert _error("gov_channel_picture_list.html").reason == "no article found"


def test_a_dated_notice_of_a_few_words_is_still_an_article() -> None:
    # 详请见附件 ("see the attachment"): no sentence, but the page gives its date.
    page = (
        "<html><title>2021年预算公开_年度报告</title><body><h1>2021年预算公开</h1>"
        "<div>时间：2021-02-26 09:01</div><p>详请见附件</p></body></html>"
    )
    article = normalize(page)
    assert [b.text for b in article.blocks] == ["详请见附件"]
    assert article.published == "2021-02-26T09:01:00+08:00"
