#!/usr/bin/env python3
"""Builds the blind fixtures (../bNN_*.txt) from the readable sources here.
Sources are plain UTF-8; this script applies the encoding and layout damage each fixture is meant to show:
b03 -> NFD, b04 -> CRLF, b09 -> UTF-8 BOM, b06/b07 -> word-segmented (syllables joined by '_', punctuation
split off by spaces, everything on one line), others copied as they are."""
import os, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# Multi-syllable words a segmenter would join (longest first).
COMPOUNDS = """Nhật Bản|Việt Nam|Thái Bình|hỗ trợ|phát triển|nông nghiệp|công nghệ cao|công nghệ|hợp tác|dự án|chuyển giao|quy trình|an toàn|nông dân|mở ra|hướng đi|sản xuất|địa phương|tổ chức|hội nghị|tổng kết|giai đoạn|Sở Nông nghiệp|Phát triển nông thôn|nông thôn|Cơ quan|Quốc tế|triển khai|tổng kinh phí|kinh phí|tài trợ|thông qua|chương trình|kỹ thuật|cấp cơ sở|chuyên gia|trực tiếp|hướng dẫn|làm đất|sử dụng|phân hữu cơ|quản lý|dịch hại|tổng hợp|báo cáo|ban quản lý|năng suất|mô hình|bình quân|so với|canh tác|truyền thống|thuốc bảo vệ thực vật|trong khi|giá bán|sản phẩm|tham gia|cho biết|gia đình|hiệu quả|cà chua|dưa chuột|nhà lưới|thu nhập|so với|đại diện|đánh giá|tinh thần|học hỏi|mở rộng|đồng thời|xây dựng|liên kết|tiêu thụ|siêu thị|Hà Nội|Ủy ban nhân dân|đề nghị|tiếp tục|tạo điều kiện|phát huy|mong muốn|thu hút|doanh nghiệp|đầu tư|lĩnh vực|chế biến|nông sản|hiện có|lao động|làm việc|trở về|nhiều người|áp dụng|kinh nghiệm|tích lũy|trang trại|quy mô|Nguyễn Văn Hải|Lại Văn Hoàn|Tanaka Kenji|Quang Huy|Kiến Xương|Vũ Thắng|Vũ Thư|Đông Hưng|Nhân Dân|Tottori|Phó Chủ tịch|Thượng tướng|Hoàng Xuân Chiến|Thứ trưởng|Bộ Quốc phòng|Đại sứ|Yamada Takio|chào xã giao|xã giao|buổi tiếp|đánh giá cao|Chính phủ|khắc phục|hậu quả|bom mìn|chiến tranh|thời gian|trang thiết bị|đào tạo|nhân lực|chia sẻ|Trung tâm|Hành động|quốc gia|quốc phòng|trụ cột|quan trọng|quan hệ|Đối tác|chiến lược|toàn diện|duy trì|cơ chế|đối thoại|trao đổi|quân y|cứu hộ|cứu nạn|về phần mình|khẳng định|coi trọng|gìn giữ|hòa bình|Liên hợp quốc|xem xét|thiết bị|dò tìm|hiện đại|tài khóa|Bản ghi nhớ|hoàn tất|thủ tục|tăng cường|thực chất|nhân dịp|đóng góp|nhiệm kỳ|công tác|bày tỏ|tin tưởng|tốt đẹp|Trần Hồng|Thứ Sáu|Hà Nội|thúc đẩy""".split("|")
COMPOUNDS = sorted(set(COMPOUNDS), key=lambda c: -len(c.split()))

def segment(plain: str) -> str:
    lines = [l.strip() for l in plain.strip().split("\n") if l.strip()]
    text = " ".join(lines)
    for c in COMPOUNDS:
        pat = r"(?<![\w])" + re.escape(c) + r"(?![\w])"
        text = re.sub(pat, lambda m: m.group(0).replace(" ", "_"), text, flags=re.IGNORECASE)
    # split punctuation off the words, as the segmenter does (not inside numbers such as 01/03/2024 or 5,3)
    text = re.sub(r"(?<=[^\s\d])([,.:;!?()])", r" \1", text)
    text = re.sub(r"([,.:;!?(])(?=[^\s\d])", r"\1 ", text)
    text = re.sub(r"(\d)([,.])(\s)", r"\1 \2\3", text)
    text = re.sub(r"\(\s*", "( ", text)
    text = re.sub(r"\s*\)", " )", text)
    text = re.sub(r" {2,}", " ", text)
    return text.strip() + "\n"

def main():
    for name in sorted(os.listdir(HERE)):
        stem, ext = os.path.splitext(name)
        if ext not in (".txt", ".plain"):
            continue
        src = open(os.path.join(HERE, name), encoding="utf-8").read()
        data = None
        if ext == ".plain":
            seg = segment(src)
            # the segmenter's usual slip: a sentence end glued to the next sentence (as 'ASEAN.Trước' in the seeds)
            seg = seg.replace(" . Trong giai_đoạn hai", ".Trong giai_đoạn hai")
            data = seg.encode("utf-8")
        elif stem.startswith("b03"):
            data = unicodedata.normalize("NFD", src).encode("utf-8")
        elif stem.startswith("b04"):
            data = src.replace("\n", "\r\n").encode("utf-8")
        elif stem.startswith("b09"):
            data = b"\xef\xbb\xbf" + src.encode("utf-8")
        else:
            data = src.encode("utf-8")
        open(os.path.join(OUT, stem + ".txt"), "wb").write(data)

if __name__ == "__main__":
    main()
