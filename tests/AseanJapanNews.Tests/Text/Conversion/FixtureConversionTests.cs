using System.Globalization;
using static AseanJapanNews.Tests.Text.Conversion.ConversionTestData;

namespace AseanJapanNews.Tests.Text.Conversion;

/// <summary>
/// Raw articles written in the style of other outlets (Fixtures/), none of which the rules were
/// written for one by one: each checks title, date, source, author and that real sentences survive.
/// </summary>
public class FixtureConversionTests
{
    public static TheoryData<string, string, string?, string?, string?, string[], string[]> Articles => new()
    {
        {
            "vnexpress-date-above-title.txt", "Nhật Bản cam kết 35 tỷ USD cho chuyển đổi năng lượng ở châu Á",
            "2023-12-16T10:15:00+07:00", "Reuters", "Như Tâm",
            ["“Chúng tôi muốn cùng các đối tác đạt mục tiêu trung hòa carbon mà vẫn bảo đảm an ninh năng lượng”, ông nói.", "^^^ Thủ tướng Kishida phát biểu tại hội nghị ở Tokyo ngày 16/12. Ảnh: Reuters", "ba nước có nhu cầu điện tăng nhanh nhất khu vực."],
            ["Thế giới", "Chia sẻ", "Facebook", "Như Tâm", "Kishida\n"]
        },
        {
            "tuoitre-tto-dateline.txt", "Hà Nội mở thêm 3 tuyến xe buýt điện nối sân bay Nội Bài",
            "2024-06-05T15:30:00+07:00", "Tuổi Trẻ", null,
            ["## Điểm mới", "Lãnh đạo sở cho biết TP.HCM cũng đang nghiên cứu mô hình tương tự", "hoạt động từ 5h đến 23h hằng ngày."],
            ["TTO", "Xem thêm", "Bình luận", "Tin cùng chuyên mục", "cấm xe máy"]
        },
        {
            "thanhnien-byline-top.txt", "Doanh nghiệp Nhật tiếp tục mở rộng đầu tư vào Việt Nam",
            "2023-12-16T10:15:00+07:00", "Thanh Niên", "Nguyễn Văn Minh",
            ["^^^ Các doanh nghiệp Nhật tại hội chợ đầu tư ở Hà Nội. Ảnh: Nguyễn Minh", "kim ngạch thương mại hai chiều đạt 47,6 tỷ USD", "Ông Takeo Nakajima, Trưởng đại diện JETRO Hà Nội"],
            ["Doanh nghiệp Nhật tiếp tục mở rộng", "Bài và ảnh", "In bài", "Đọc thêm", "GMT"]
        },
        {
            "dantri-dateline-nfd-crlf.txt", "Sinh viên Việt Nam giành học bổng chính phủ Nhật Bản năm 2024",
            "2024-03-17T08:30:00+07:00", "Dân trí", "Mạnh Quân",
            ["^^^ Các sinh viên nhận học bổng chụp ảnh lưu niệm. Ảnh: Mạnh Quân", "Lễ trao học bổng diễn ra tại Đại sứ quán Nhật Bản ở Hà Nội ngày 15/3.", "khoảng 117.000 yen mỗi tháng."],
            ["(Dân trí)", "\r", "\uFEFF", "Chủ nhật"]
        },
        {
            "vov-dateline-slash-byline.txt", "Việt Nam - Nhật Bản đẩy mạnh hợp tác nông nghiệp công nghệ cao",
            "2024-04-22T09:45:00+07:00", "VOV", "Thu Hằng",
            ["Theo biên bản, hai bên sẽ hợp tác trong chuyển giao giống", "Nhật Bản sẽ hỗ trợ Việt Nam xây dựng 5 vùng sản xuất mẫu", "đáp ứng tiêu chuẩn của thị trường Nhật."],
            ["VOV.VN", "Thu Hằng", "Từ khóa", "Ngày đăng"]
        },
        {
            "ttxvn-place-dateline.txt", "Thủ tướng Nhật Bản tiếp Bộ trưởng Ngoại giao Việt Nam",
            null, "TTXVN", "Đức Thuận",
            ["Thủ tướng Kishida đánh giá cao vai trò ngày càng quan trọng", "^^^ Thủ tướng Nhật Bản Kishida Fumio tiếp Bộ trưởng Ngoại giao Bùi Thanh Sơn. Ảnh: Đức Thuận/TTXVN", "hợp tác trong lĩnh vực chuyển đổi số."],
            ["(TTXVN) -", "Tin liên quan", "an ninh mạng"]
        },
        {
            "chinhphu-segmented.txt", "Nhật Bản hỗ trợ Việt Nam ứng phó biến đổi khí hậu",
            null, "Báo Chính phủ", "Minh Anh",
            ["qua Cơ quan Hợp tác Quốc tế Nhật Bản (JICA). Trước đó, hai bên", "Bộ trưởng Đặng Quốc Khánh cho biết: “Đây là nguồn lực quan trọng giúp người dân thích ứng với xâm nhập mặn”."],
            ["Chinhphu.vn", "Chi tiết xem tại", "_"]
        },
        {
            "baoquocte-update-line.txt", "Đại sứ Nhật Bản: Quan hệ Nhật - Việt ở giai đoạn tốt đẹp nhất",
            "2023-09-25T14:20:00+07:00", "Báo Quốc tế", null,
            ["hai bên có độ tin cậy chính trị rất cao.", "^^^ Đại sứ Nhật Bản tại Việt Nam Yamada Takio. Ảnh: Anh Sơn", "\\- Ông đánh giá thế nào về vai trò của cộng đồng người Việt tại Nhật Bản?", "là cầu nối quan trọng giữa hai dân tộc."],
            ["TG&VN", "Facebook", "Nguồn:", "nhà cái", "xsmb", "soi cầu"]
        },
        {
            "iso-date-english-offset.txt", "Ngân hàng Nhật Bản giữ nguyên lãi suất âm",
            "2024-01-23T12:05:00+09:00", "Nikkei Asia", "Lan Hương",
            ["BOJ có thể chấm dứt chính sách lãi suất âm vào tháng 4", "Đồng yen giảm nhẹ xuống 148,3 yen/USD sau quyết định này."],
            ["Đăng lúc", "Lan Hương", "Theo Nikkei"]
        },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void Fixture_ConvertsToExpectedMetadataAndCleanBody(string file, string title, string? date, string? source, string? author, string[] kept, string[] gone)
    {
        var draft = Converter.Convert(Fixture(file));

        Assert.Equal(title, draft.Title);
        Assert.Equal(date is null ? null : DateTimeOffset.Parse(date, CultureInfo.InvariantCulture), draft.Date);
        if (draft.Date is { } d)
        {
            Assert.Equal(DateTimeOffset.Parse(date!, CultureInfo.InvariantCulture).Offset, d.Offset);
        }
        Assert.Equal(source, draft.Source);
        Assert.Equal(author, draft.Author);
        var text = draft.Summary + "\n\n" + draft.Body;
        foreach (var sentence in kept)
        {
            Assert.Contains(sentence, text, StringComparison.Ordinal);
        }
        foreach (var junk in gone)
        {
            Assert.DoesNotContain(junk, draft.Body, StringComparison.Ordinal);
        }
        AssertNoSpam(Visible(draft));
        AssertNoUnderscoreWords(Visible(draft));
        Assert.NotNull(draft.Summary);
        Assert.DoesNotContain(draft.Summary, draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixture_KeywordLinesBecomeSuggestedTags()
    {
        Assert.Equal(["Nhật Bản", "năng lượng", "Kishida"], Converter.Convert(Fixture("vnexpress-date-above-title.txt")).SuggestedTags);
        Assert.Equal(["nông nghiệp", "Nhật Bản", "công nghệ cao"], Converter.Convert(Fixture("vov-dateline-slash-byline.txt")).SuggestedTags);
    }

    [Fact]
    public void Fixture_SourceUrlKeepsItsUnderscores()
    {
        var draft = Converter.Convert(Fixture("chinhphu-segmented.txt"));

        Assert.Equal("https://baochinhphu.vn/nhat_ban-ho-tro-102240101.htm", draft.SourceUrl);
    }
}
