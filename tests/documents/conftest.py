"""Sample official documents for the renderer tests: the Ninh Bình plan (reference plan 003) and a fuller one."""

from __future__ import annotations

import datetime as dt

import pytest

from tretho.documents.official import Block, Item, OfficialDocument, Section, Signature, Table


def ninh_binh_plan(**changes) -> OfficialDocument:
    """Kế hoạch 03/KH-SGDĐT of Sở Giáo dục và Đào tạo Ninh Bình (29/01/2019), abridged."""
    doc = OfficialDocument(
        parent_body="UBND tỉnh Ninh Bình",
        issuing_body="Sở Giáo dục và Đào tạo",
        number="03/KH-SGDĐT",
        place="Ninh Bình",
        date=dt.date(2019, 1, 29),
        type_name="Kế hoạch",
        summary=(
            "Thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và "
            "cộng đồng giai đoạn 2018-2025 trên địa bàn tỉnh Ninh Bình"
        ),
        preamble=[
            "Thực hiện Kế hoạch số 09/KH-UBND ngày 21/01/2019 của Ủy ban nhân dân tỉnh về việc thực hiện Đề án "
            "chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng giai đoạn "
            "2018-2025 trên địa bàn tỉnh Ninh Bình, Sở Giáo dục và Đào tạo Ninh Bình xây dựng Kế hoạch thực hiện "
            "như sau:"
        ],
        sections=[
            Section(
                title="Mục tiêu",
                blocks=[
                    Block(kind="numbered", items=[Item(text="", lead="Mục tiêu chung")]),
                    Block(
                        kind="paragraph",
                        text="Bảo đảm cho trẻ em đến 8 tuổi được phát triển toàn diện về thể chất, trí tuệ, tinh "
                        "thần; được bình đẳng tiếp cận với các dịch vụ hỗ trợ chăm sóc phát triển toàn diện.",
                    ),
                    Block(
                        kind="numbered",
                        items=[
                            Item(
                                text="",
                                lead="Mục tiêu đến năm 2020",
                                children=[
                                    Item(text="Phấn đấu 75% trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ."),
                                    Item(text="Phấn đấu 75% cán bộ làm công tác liên quan đến trẻ em được tập huấn."),
                                    Item(text="Phấn đấu 70% các cơ sở giáo dục xây dựng được mạng lưới kết nối."),
                                ],
                            ),
                            Item(
                                text="",
                                lead="Mục tiêu giai đoạn 2021-2025",
                                children=[Item(text="Phấn đấu 90% trẻ em đến 8 tuổi được tiếp cận các dịch vụ.")],
                            ),
                        ],
                    ),
                ],
            ),
            Section(
                title="Đối tượng, phạm vi thực hiện",
                blocks=[
                    Block(
                        kind="numbered",
                        items=[
                            Item(
                                text="",
                                lead="Đối tượng",
                                children=[Item(text="Trẻ em đến 8 tuổi"), Item(text="Các cơ quan, tổ chức, cá nhân")],
                            ),
                            Item(text="Từ năm 2019-2025", lead="Thời gian thực hiện Kế hoạch"),
                        ],
                    )
                ],
            ),
            Section(
                title="Nhiệm vụ và giải pháp",
                blocks=[
                    Block(kind="subheading", text="Các nhiệm vụ chủ yếu"),
                    Block(
                        kind="numbered",
                        items=[
                            Item(text="Truyền thông nâng cao nhận thức về chăm sóc phát triển toàn diện trẻ em."),
                            Item(text="Nâng cao năng lực cho đội ngũ cán bộ liên quan đến công tác trẻ em."),
                        ],
                    ),
                    Block(
                        kind="table",
                        table=Table(
                            header=["TT", "Chỉ tiêu", "Năm 2020", "Giai đoạn 2021-2025"],
                            rows=[
                                ["1", "Trẻ em đến 8 tuổi được tiếp cận dịch vụ", "75%", "90%"],
                                ["2", "Cán bộ được cung cấp kiến thức, kỹ năng", "75%", "90%"],
                            ],
                            widths=[1, 6, 2, 3],
                        ),
                    ),
                ],
            ),
            Section(
                title="Tổ chức thực hiện",
                blocks=[
                    Block(
                        kind="bullets",
                        items=[
                            Item(text="Căn cứ vào Kế hoạch này, các nhà trường xây dựng kế hoạch cụ thể."),
                            Item(
                                text="Tăng cường mối quan hệ phối hợp giữa gia đình, nhà trường và xã hội.",
                                children=[Item(text="Tuyên truyền, vận động các bậc phụ huynh.")],
                            ),
                        ],
                    )
                ],
            ),
        ],
        closing=[
            "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc kịp thời phản ánh về Sở Giáo dục và Đào "
            "tạo (phòng Chính trị tư tưởng) để tổng hợp báo cáo UBND tỉnh./."
        ],
        recipients=[
            "Đ/c Tổng Quang Thìn, PCT UBND tỉnh",
            "Các cơ sở giáo dục trong tỉnh",
            "Lãnh đạo Sở, CĐ ngành",
            "Các phòng, ban Sở",
            "Lưu: VT, CTTT",
        ],
        signature=Signature(authority="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name="Phạm Thanh Toàn"),
    )
    for key, value in changes.items():
        setattr(doc, key, value)
    return doc


@pytest.fixture
def plan() -> OfficialDocument:
    return ninh_binh_plan()


@pytest.fixture
def make_plan():
    return ninh_binh_plan
