"""Bytes -> text: byte order marks, declared charsets, their supersets, detection,
and a server's whole response saved as the page; UTF-8 saved twice over."""

from __future__ import annotations

import codecs

import pytest

from g60pub.errors import SourceError
from g60pub.normalize.decode import DecodeWarning, declared_charset, decode, http_body, repaired

PAGE = "<html><head>{meta}<title>朱镕基与陶喆_网</title></head><body><p>{body}</p></body></html>"
BODY = "朱镕基同志、陶喆和王珺出席了会议，并就长三角科创走廊建设发表意见。"


def page(meta: str, body: str = BODY) -> str:
    return PAGE.format(meta=meta, body=body)


def test_gb2312_label_is_read_as_gb18030() -> None:
    data = page('<meta charset="gb2312">').encode("gb18030")
    assert BODY in decode(data)


def test_gb_2312_80_label_in_http_equiv_is_read_as_gb18030() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=GB_2312-80">'
    assert BODY in decode(page(meta).encode("gb18030"))


def test_xml_declaration_names_the_encoding() -> None:
    data = ('<?xml version="1.0" encoding="GBK"?>' + page("")).encode("gb18030")
    assert BODY in decode(data)


def test_stale_gb2312_meta_on_a_utf8_page_reads_as_utf8() -> None:
    assert BODY in decode(page('<meta charset="gb2312">').encode("utf-8"))


def test_big5_label_accepts_hong_kong_supplementary_characters() -> None:
    body = "香港特區政府今日公佈，嘅確係好消息。"
    html = f'<html><head><meta charset="big5"><title>新聞</title></head><p>{body}</p></html>'
    assert body in decode(html.encode("big5hkscs"))


def test_latin1_label_on_a_gbk_page_is_not_trusted() -> None:
    data = page('<meta charset="iso-8859-1">').encode("gb18030")
    assert BODY in decode(data)


def test_utf8_byte_order_mark_wins_over_a_declaration() -> None:
    data = codecs.BOM_UTF8 + page('<meta charset="gbk">').encode("utf-8")
    assert decode(data).startswith("<html>")


def test_byte_order_mark_with_undecodable_bytes_is_refused() -> None:
    with pytest.raises(SourceError, match="cannot decode"):
        decode(codecs.BOM_UTF8 + page("").encode("utf-8") + b"\xff\xfe\xfd")


@pytest.mark.parametrize(
    ("head", "label"),
    [
        ('<meta charset="GB2312">', "GB2312"),
        ("<meta charset=utf-8>", "utf-8"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=big5">', "big5"),
    ],
)
def test_declared_charset_is_found_in_meta(head: str, label: str) -> None:
    assert declared_charset(page(head).encode("ascii", "ignore")) == label


def test_a_stray_nul_in_a_pages_text_is_dropped_with_a_warning_naming_the_file() -> None:
    # A blog post (Docusaurus, 2023) whose paragraph holds two NUL bytes.
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>博客写作回顾</title></head>'
        "<body><article><h1>博客写作回顾</h1>"
        "<p>起初，写技术博客对我来说是一件容易的事，因为我无时无刻都有\x00\x00很多想法。</p>"
        + "<p>后来我添加了许多炫酷的特效在博客上，包括但不限于鼠标特效和背景音乐，"
        "又一一去掉了。</p>" * 30 + "</article></body></html>"
    ).encode()  # about 8 KB, as a post is: two NULs are a tiny share of it
    with pytest.warns(DecodeWarning, match=r"post\.html: 2 NUL bytes dropped"):
        text = decode(page, "post.html")
    assert "都有很多想法" in text


def test_a_file_of_many_nul_bytes_is_still_refused_as_binary() -> None:
    data = b"<html><body>" + bytes(range(256)) * 40 + b"</body></html>"
    with pytest.raises(SourceError, match="binary data"):
        decode(data, "x.html")


def test_control_characters_a_spammer_hid_in_a_page_are_dropped_not_the_page() -> None:
    # A hacked company site's news page: \x05-\x08 hidden among the words of its
    # paragraphs, one character in seventy of the page.
    words = "H型钢在进行操作时主要是指以热轧或者是冷轧带钢为原料，在常温的状态下经压制而成。"
    paragraphs = "".join(f"<p>{words[:20]}\x07\x08{words[20:]}</p>" for _ in range(30))
    data = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{paragraphs}</body></html>'
    )
    text = decode(data.encode(), "news.html")
    assert "\x07" not in text and words in text


def test_a_saved_http_response_is_read_from_its_body() -> None:
    html = page('<meta charset="utf-8">').encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(html), html)
    response = (
        b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html; charset=UTF-8\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + chunked
    )
    assert http_body(response) == html
    assert BODY in decode(response)
    plain = b"HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + html
    assert http_body(plain) == html
    assert http_body(html) == html  # a page is left as it is


def test_a_saved_redirect_or_error_response_holds_no_article() -> None:
    response = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.qunar.com/\r\n\r\n<html>"
    with pytest.raises(SourceError, match="HTTP 301"):
        decode(response)


def test_utf8_read_as_latin1_and_saved_again_is_read_back() -> None:
    # A novel site's chapter saved twice over: 第 became ç¬¬.
    garbled = (page('<meta charset="utf-8">') * 3).encode("utf-8").decode("latin-1")
    text = decode(garbled.encode("utf-8"))
    assert BODY in text
    # A page in Latin script with a few accented words is left as it is.
    french = page('<meta charset="utf-8">', "Le café de la gare, à côté du théâtre.")
    assert decode(french.encode("utf-8")) == french
    assert repaired(french) == french
