"""Readers, on real files that the tests build: text messages, e-mails, PDF, DOCX, JSON, tables."""

from __future__ import annotations

import email
import email.policy
import io
import json
import zipfile
from datetime import date
from email.message import EmailMessage

import docx
import pytest
from fpdf import FPDF
from openpyxl import Workbook

from odyssey.ingest.readers import Limits, ReadError, email_message, read_bytes
from odyssey.ingest.readers.header import parse_header

EN = """FROM: NCB ROME
TO: NCB TRIPOLI; NCB MADRID; IPSG LYON
REFERENCE: NCB-ROME/2026/SOM/0147
DATE: 14 March 2026
SUBJECT: Smuggling of migrants across the Central Mediterranean
CASE: IT-SOM-2026-031 (Operation MARE NOSTRUM)
CATEGORY: Migrant smuggling
HANDLING: INTERPOL RESTRICTED
GRADING: B2

Mohamed ABDELRAHMAN uses the number +218 91 234 5678.
"""
FR = """DE : BCN PARIS
À : BCN ROME
RÉFÉRENCE : NCB-PARIS/2026/TEH/0031
DATE : 3 février 2026
OBJET : Traite des êtres humains
AFFAIRE : FR-TEH-2026-004 (Opération LUMIÈRE)
CATÉGORIE : Traite des êtres humains
TRAITEMENT : INTERPOL CONFIDENTIEL
ÉVALUATION : A1

Le nommé Joy OSAGIE a recruté les victimes à Benin City.
"""
ES = """DE: NCB MADRID
PARA: NCB BOGOTÁ
REFERENCIA: NCB-MADRID/2026/SOM/0012
FECHA: 5 de enero de 2026
ASUNTO: Tráfico ilícito de migrantes
CASO: ES-SOM-2026-002
CATEGORÍA: Tráfico ilícito de migrantes
TRATAMIENTO: INTERPOL USO OFICIAL
CALIFICACIÓN: C3

José GARCÍA viajaba con dos migrantes.
"""
AR = """من: المكتب المركزي الوطني طرابلس
إلى: NCB ROME
المرجع: NCB-TRIPOLI/2026/SOM/0005
التاريخ: 14 مارس 2026
الموضوع: تهريب المهاجرين
القضية: LY-SOM-2026-001
الفئة: تهريب المهاجرين
التداول: INTERPOL مقيد
التقييم: B3

محمد عبد الرحمن يستخدم الرقم +218 91 234 5678.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (EN, {"originating_ncb": "NCB ROME", "reference": "NCB-ROME/2026/SOM/0147", "date": date(2026, 3, 14),
              "case_id": "IT-SOM-2026-031", "case_title": "Operation MARE NOSTRUM", "crime_category": "smuggling",
              "handling_code": "restricted", "grading": "B2"}),
        (FR, {"originating_ncb": "BCN PARIS", "date": date(2026, 2, 3), "case_id": "FR-TEH-2026-004",
              "case_title": "Opération LUMIÈRE", "crime_category": "trafficking", "handling_code": "confidential",
              "grading": "A1", "recipients": ("BCN ROME",)}),
        (ES, {"originating_ncb": "NCB MADRID", "date": date(2026, 1, 5), "case_id": "ES-SOM-2026-002",
              "crime_category": "smuggling", "handling_code": "official", "grading": "C3"}),
        (AR, {"originating_ncb": "المكتب المركزي الوطني طرابلس", "date": date(2026, 3, 14),
              "case_id": "LY-SOM-2026-001", "crime_category": "smuggling", "handling_code": "restricted",
              "grading": "B3"}),
    ],
)  # fmt: skip
def test_headers_in_the_four_languages(text: str, expected: dict[str, object]) -> None:
    doc = read_bytes("m.txt", text.encode())
    for key, value in expected.items():
        assert doc.fields[key] == value, key
    assert doc.text[doc.body_start :].strip().endswith(".")
    assert doc.text[doc.body_start - 2 : doc.body_start] == "\n\n"
    for span in doc.spans:  # header values point at the written characters
        assert doc.text[span.start : span.end].strip() == doc.text[span.start : span.end]
        assert doc.text[span.start : span.end]


def test_common_date_shapes_read_as_dateparser_reads_them() -> None:
    """parse_date reads the usual shapes itself (fast); it must agree with dateparser,
    including on what is not a date (31 April) and on shapes of another language."""
    from odyssey.ingest.readers import header

    written = [
        f"{d}{sep}{m}{sep}2026"
        for d in ("1", "01", "29", "31", "32")
        for m in ("2", "04", "12", "13")
        for sep in "/.-"
    ] + [
        f"2025{sep}{m}{sep}{d}"
        for d in ("1", "30", "31")
        for m in ("02", "6", "11")
        for sep in "/-."
    ]
    written += [
        f"{d} {month} 2024"
        for d in ("1", "07", "29", "30")
        for month in (
            "January",
            "FEBRUARY",
            "mars",
            "Février",
            "août",
            "mayo",
            "diciembre",
            "فبراير",
            "Marsh",
            "Sept",
        )
    ]
    written += [
        f"{d} de {month} de 2026" for d in ("1", "31") for month in ("marzo", "abril", "March")
    ]
    written += [f"1er {month} 2026" for month in ("mars", "juin", "junio", "June")] + [
        "2er mars 2026"
    ]
    read_fast = 0
    for text in written:
        fast = header._common_date(text)
        if fast is not None:
            read_fast += 1
            assert fast == header._dateparser_date(text), text
        assert header.parse_date(text) == header._dateparser_date(text), text
    assert read_fast > len(written) // 2  # most of these never reach dateparser


def test_text_without_a_header_is_all_body() -> None:
    header = parse_header("Just a note: nothing formal.\nSecond line.")
    assert header.fields == {} and header.body_start == 0


def test_encodings() -> None:
    assert read_bytes("a.txt", EN.encode("utf-16")).fields["reference"] == "NCB-ROME/2026/SOM/0147"
    assert read_bytes("a.txt", FR.encode("cp1252")).fields["case_title"] == "Opération LUMIÈRE"
    assert read_bytes("a.txt", ("\ufeff" + EN).encode()).fields["originating_ncb"] == "NCB ROME"
    crlf = read_bytes("a.txt", EN.replace("\n", "\r\n").encode())
    assert "\r" not in crlf.text and crlf.fields["grading"] == "B2"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n ", "empty"),
        ("garbage.txt", bytes(range(256)) * 40, "binary"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "PDF"),
        ("fake.pdf", b"hello", "not a PDF"),
        ("fake.docx", b"PK\x03\x04 not really", "DOCX"),
        ("bad.json", b"{not json", "not valid JSON"),
        ("list.json", b"[1, 2]", "not a message"),
        ("photo.jpg", b"\xff\xd8\xff", "not supported"),
        ("one-column.csv", b"name\nAli\n", "header row"),
        ("header-only.csv", b"caller,callee\n", "no rows"),
    ],
)
def test_bad_files_are_refused_with_a_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_bytes(name, data)


def test_size_limit() -> None:
    with pytest.raises(ReadError, match="over the 1 MB limit"):
        read_bytes("big.txt", b"x" * (2 * 2**20), Limits(max_bytes=2**20))


def make_pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in text.splitlines():
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_pdf_text_and_header() -> None:
    doc = read_bytes("report.pdf", make_pdf(FR.replace("À", "A").replace("É", "E")))
    assert doc.kind == "attachment"
    assert doc.fields["reference"] == "NCB-PARIS/2026/TEH/0031"
    assert "Joy OSAGIE" in doc.text[doc.body_start :]


def test_docx_paragraphs_and_tables() -> None:
    data = make_docx(
        EN.strip().split("\n"), [["Name", "Phone"], ["Ali HASSAN", "+218 92 765 4321"]]
    )
    doc = read_bytes("report.docx", data)
    assert doc.fields["case_id"] == "IT-SOM-2026-031"
    assert "Ali HASSAN | +218 92 765 4321" in doc.text


def test_docx_zip_bomb_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (3 * 2**20))
    with pytest.raises(ReadError, match="zip bomb"):
        read_bytes("bomb.docx", out.getvalue(), Limits(max_total_bytes=2**20))


def make_email(body: str, attachments: list[tuple[str, bytes | EmailMessage, str]]) -> bytes:
    message = EmailMessage()
    message["From"] = "duty.officer@ncb-rome.example"
    message["To"] = "ncb-tripoli@example.org"
    message["Subject"] = "Request for information"
    message["Date"] = "Mon, 16 Mar 2026 09:15:00 +0100"
    message.set_content(body)
    for name, data, mime in attachments:
        if isinstance(data, EmailMessage):  # forwarded as a message/rfc822 part, the standard way
            message.add_attachment(data, filename=name)
            continue
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def test_email_with_attachments_read_recursively() -> None:
    inner = make_email(
        ES, [("subjects.csv", b"name,dob,passport\nJose GARCIA,1980-01-02,X1234567\n", "text/csv")]
    )
    data = make_email(
        "Dear colleagues,\nplease find attached our report.\nRegards",
        [
            (
                "report.pdf",
                make_pdf("REFERENCE: NCB-ROME/2026/SOM/0150\n\nAli HASSAN was arrested."),
                "application/pdf",
            ),
            (
                "summary.docx",
                make_docx(["Boat SEA STAR (IMO 9074729) seized."]),
                "application/octet-stream",
            ),
            (
                "forwarded.eml",
                email.message_from_bytes(inner, policy=email.policy.default),
                "message/rfc822",
            ),
            ("base64-forwarded.eml", inner, "message/rfc822"),
            ("broken.pdf", b"%PDF-1.4 broken", "application/pdf"),
        ],
    )
    doc = read_bytes("mail.eml", data)
    assert doc.kind == "email"
    assert doc.fields["subject"] == "Request for information" and doc.fields["date"] == date(
        2026, 3, 16
    )
    assert doc.text.startswith("Dear colleagues")
    names = [a.source.rsplit("!", 1)[-1] for a in doc.attachments]
    assert names == ["report.pdf", "summary.docx", "forwarded.eml", "base64-forwarded.eml"]
    assert doc.attachments[0].fields["reference"] == "NCB-ROME/2026/SOM/0150"
    for forwarded in doc.attachments[2:]:
        assert forwarded.fields["case_id"] == "ES-SOM-2026-002"
        assert forwarded.attachments[0].rows[0].cells["passport"] == "X1234567"
    assert any("broken.pdf" in w for w in doc.warnings)  # reported, not fatal


def test_the_header_keeping_policy_reads_mail_as_the_default_policy_does() -> None:
    data = make_email(
        "Body.",
        [("a.csv", b"x,y\n1,2\n", "text/csv"), ("r\u00e9sum\u00e9.txt", b"hello", "text/plain")],
    ).replace(
        b"Subject: Request for information",
        b"Subject: RE: =?utf-8?b?4oCT?= Request\n for information",
    )

    def seen(message: email.message.Message) -> list[tuple[object, ...]]:
        return [
            (
                [(k, str(v), type(v).__mro__[1:]) for k, v in part.items()],
                part.get_content_type(),
                part.get_filename(),
                part.get_payload(decode=True),
            )
            for part in message.walk()
        ]

    default = seen(email.message_from_bytes(data, policy=email.policy.default))
    for _ in range(2):  # parsed, then kept
        ours = email.message_from_bytes(data, policy=email_message._POLICY)
        assert seen(ours) == default
    assert ("Subject", "RE: \u2013 Request for information") in [h[:2] for h in default[0][0]]


def test_email_attachment_bomb_is_skipped_not_fatal() -> None:
    data = make_email("Body text here.", [("huge.txt", b"A" * (3 * 2**20), "text/plain")])
    doc = read_bytes("mail.eml", data, Limits(max_total_bytes=2**20))
    assert doc.attachments == [] and any("larger than the limit" in w for w in doc.warnings)


def test_json_message() -> None:
    data = json.dumps(
        {
            "reference": "NCB-ATHENS/2026/SOM/0002",
            "from": "NCB ATHENS",
            "date": "2026-04-01",
            "body": "Text.",
        }
    ).encode()
    doc = read_bytes("m.json", data)
    assert doc.fields["originating_ncb"] == "NCB ATHENS" and doc.fields["date"] == date(2026, 4, 1)
    assert doc.text == "Text."


def test_csv_cells_point_at_their_characters() -> None:
    text = 'caller;callee;start;note\n+218 91 234 5678;"0039 333 1234567";2026-03-01T10:00;"said ""ok"", left"\n'
    doc = read_bytes("calls.csv", text.encode())
    (row,) = doc.rows
    assert row.cells["callee"] == "0039 333 1234567"
    assert row.cells["note"] == 'said "ok", left'
    for column in ("caller", "callee", "start"):
        a, b = row.cell_spans[column]
        assert doc.text[a:b] == row.cells[column]
    assert doc.text[row.span[0] : row.span[1]].startswith("+218") and doc.text[row.span[1]] == "\n"


def test_xlsx_is_rendered_with_exact_spans() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["sender_name", "receiver_name", "amount", "currency", "date"])
    sheet.append(["Ali HASSAN", "Joy OSAGIE", 1500, "EUR", "2026-02-01"])
    out = io.BytesIO()
    book.save(out)
    doc = read_bytes("transfers.xlsx", out.getvalue())
    (row,) = doc.rows
    assert row.cells["amount"] == "1500"
    a, b = row.cell_spans["receiver_name"]
    assert doc.text[a:b] == "Joy OSAGIE"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("13 مايو 2025", "2025-05-13"),  # the Mashriq/Egyptian name
        ("13 ماي 2025", "2025-05-13"),  # the Maghreb name, which "مايو" starts with
        ("2 جوان 2026", "2026-06-02"),
        ("5 أيار 2025", "2025-05-05"),
    ],
)
def test_arabic_month_names_of_every_region(written: str, day: str) -> None:
    from odyssey.ingest.readers import header

    parsed = header.parse_date(written)
    assert parsed is not None and parsed.isoformat() == day
