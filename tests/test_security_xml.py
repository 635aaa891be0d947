"""XML attacks on every XML g60pub reads: TBX glossaries, XHTML-flavoured sources,
and the XML inside EPUB books and Word documents.

tests/test_glossary_tbx.py covers a file-reading external entity and the
billion laughs in a TBX file; these add the other classic attacks, the same
attacks through a whole build, and source pages that carry a DTD.
TMX is only ever written by g60pub, never read.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import copy_project, run_g60pub, source_date_epoch

from g60pub.errors import GlossaryError, SourceError
from g60pub.glossary import Glossary
from g60pub.normalize import normalize

CONCEPT = (
    '<conceptEntry id="c1"><langSec xml:lang="zh-Hans"><termSec><term>{zh}</term></termSec>'
    '</langSec><langSec xml:lang="en"><termSec><term>corridor</term></termSec></langSec>'
    "</conceptEntry>"
)


def tbx(doctype: str, zh: str = "走廊") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{doctype}\n"
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        f"<text><body>{CONCEPT.format(zh=zh)}</body></text></tbx>"
    ).encode()


Requests = Callable[[], list[bytes]]


@pytest.fixture()
def listener() -> Iterator[tuple[str, Requests]]:
    """A local TCP server recording every connection: proof of no network fetch.

    ``requests()`` stops the server and returns what reached it. A parser
    that fetched has connected by the time it returns (the kernel queues the
    connection), so stopping the server, joining its thread and draining the
    backlog sees every fetch: nothing is left to chance by waiting.
    """
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(1)
            try:
                hits.append(conn.recv(1024))
            except OSError:
                hits.append(b"")
            with contextlib.suppress(OSError):
                conn.sendall(b"HTTP/1.0 200 OK\r\n\r\n<!ENTITY x 'fetched'>")

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            answer(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def requests() -> list[bytes]:
        stop.set()
        thread.join()
        server.setblocking(False)
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                break
            answer(conn)
        return hits

    yield f"http://127.0.0.1:{server.getsockname()[1]}", requests
    if not stop.is_set():
        requests()
    server.close()


def _quick_glossary_error(data: bytes) -> GlossaryError:
    started = time.monotonic()
    with pytest.raises(GlossaryError) as err:
        Glossary.from_tbx(data)
    assert time.monotonic() - started < 10  # a ceiling against a hang, not a timing claim
    return err.value


def test_the_listener_sees_a_fetch(listener: tuple[str, Requests]) -> None:
    # The check itself: a real request to the server is recorded.
    url, requests = listener
    with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/probe.dtd", timeout=5):
        pass
    assert len(requests()) == 1


def test_external_dtd_over_the_network_is_never_fetched(listener: tuple[str, Requests]) -> None:
    url, requests = listener
    doctype = f'<!DOCTYPE tbx SYSTEM "{url}/tbx.dtd">'
    with contextlib.suppress(GlossaryError):
        Glossary.from_tbx(tbx(doctype))
    assert requests() == []


def test_external_parameter_entity_is_never_fetched(listener: tuple[str, Requests]) -> None:
    url, requests = listener
    doctype = f'<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote;]>'
    err = _quick_glossary_error(tbx(doctype))
    assert requests() == []
    assert "fetched" not in str(err)


def test_external_entity_in_a_term_never_reads_the_file() -> None:
    doctype = '<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    err = _quick_glossary_error(tbx(doctype, zh="&xxe;"))
    assert "root:" not in str(err)


def test_quadratic_blowup_is_refused_quickly() -> None:
    entity = "走" * 50_000
    doctype = f'<!DOCTYPE tbx [<!ENTITY a "{entity}">]>'
    err = _quick_glossary_error(tbx(doctype, zh="&a;" * 20_000))
    assert err.file == "<tbx>"


def test_billion_laughs_with_parameter_entities_is_refused_quickly() -> None:
    levels = ['<!ENTITY % l0 "lol">'] + [
        f'<!ENTITY % l{i} "{f"%l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    doctype = "<!DOCTYPE tbx [" + "".join(levels) + "]>"
    _quick_glossary_error(tbx(doctype))


def test_xinclude_is_not_processed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("秘密文字", "utf-8")
    include = (
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}" parse="text"/>'
    )
    try:
        terms = Glossary.from_tbx(tbx("", zh=f"走廊{include}"))
    except GlossaryError as err:
        assert "秘密" not in str(err)
        return
    assert all("秘密" not in t.zh for t in terms)


def test_a_tbx_attack_in_a_project_glossary_stops_the_build_with_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    glossary = project / "glossary"
    glossary.mkdir(exist_ok=True)
    (glossary / "terms.csv").write_text("zh,en\n走廊,corridor\n", "utf-8")
    doctype = '<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    (glossary / "evil.tbx").write_bytes(tbx(doctype, zh="&xxe;"))
    out = tmp_path / "out"
    with source_date_epoch():
        proc = run_g60pub("build", "--project", project, "--out", out)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "root:" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "evil.tbx" in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE html [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/xhtml.dtd">',
    ],
)
def test_a_source_page_with_entities_in_its_dtd_never_expands_them(doctype: str) -> None:
    page = (
        f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>长三角走廊</title></head><body>'
        "<h1>长三角走廊</h1><p>长三角G60科创走廊九城市签署合作协议。&xxe;&d;</p>"
        "<p>各方将在产业链和创新链方面深化合作，打造高质量发展的重要引擎。</p></body></html>"
    ).encode()
    started = time.monotonic()
    try:
        article = normalize(page)
    except SourceError:
        return
    assert time.monotonic() - started < 10
    text = " ".join(b.text for b in article.all_blocks())
    assert "root:" not in text and "哈哈哈哈哈哈哈哈哈" not in text


def _entity_doctype(root: str, url: str) -> bytes:
    return (
        f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        f'<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote;]>'
    ).encode()


def test_an_epub_package_with_external_entities_reads_no_file_and_fetches_nothing(
    listener: tuple[str, Requests],
) -> None:
    from source_files import Book, make_epub, sections, with_member_changed

    from g60pub.sources import chapter_article, read_book

    url, requests = listener

    def attack(opf: bytes) -> bytes:
        opf = opf.replace(b"?>", b"?>" + _entity_doctype("package", url), 1)
        opf = opf.replace(b"<dc:publisher>", b"<dc:publisher>&xxe;", 1)
        assert b"<!ENTITY xxe" in opf and b"&xxe;" in opf
        return opf

    book = with_member_changed(make_epub(Book(sections()[:2])), "EPUB/content.opf", attack)
    try:
        chapters = read_book(book)
    except SourceError as err:
        assert "root:" not in str(err)
    else:
        article = chapter_article(chapters[0])
        assert "root:" not in json.dumps(article.to_json(), ensure_ascii=False)
    assert requests() == []


def test_a_word_document_with_external_entities_reads_no_file_and_fetches_nothing(
    listener: tuple[str, Requests],
) -> None:
    from source_files import Paragraph, make_docx, with_member_changed

    from g60pub.sources import read_word

    url, requests = listener

    def attack(xml: bytes) -> bytes:
        xml = xml.replace(b"?>", b"?>" + _entity_doctype("w:document", url), 1)
        xml = xml.replace("长三角".encode(), "长三角&xxe;".encode(), 1)
        assert b"<!ENTITY xxe" in xml and b"&xxe;" in xml
        return xml

    document = make_docx([Paragraph("长三角一体化发展。")], title="长三角")
    document = with_member_changed(document, "word/document.xml", attack)
    try:
        article = read_word(document)
    except SourceError as err:
        assert "root:" not in str(err)
    else:
        assert "root:" not in json.dumps(article.to_json(), ensure_ascii=False)
    assert requests() == []
