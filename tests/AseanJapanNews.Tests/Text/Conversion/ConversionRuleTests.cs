using System.Text;
using AseanJapanNews.Web.Text.Conversion;
using static AseanJapanNews.Tests.Text.Conversion.ConversionTestData;

namespace AseanJapanNews.Tests.Text.Conversion;

/// <summary>One rule at a time, on small synthetic inputs.</summary>
// Over 300 lines: one case per converter rule, kept in one class so the rules read as a list.
public class ConversionRuleTests
{
    private const string Title = "Nhật Bản và Việt Nam ký thỏa thuận hợp tác mới";
    private const string Para = "Hai bên nhất trí tăng cường hợp tác trong nhiều lĩnh vực quan trọng của nền kinh tế.";
    private const string Para2 = "Lễ ký kết diễn ra tại Hà Nội với sự chứng kiến của lãnh đạo hai nước và nhiều khách mời.";

    private static ArticleDraft Convert(params string[] lines) => Converter.Convert(string.Join("\n", lines));

    private static string All(ArticleDraft d) => d.Title + "\n" + d.Summary + "\n" + d.Body;

    [Fact]
    public void Hygiene_ComposesNfdAndNormalisesLineEndingsBomAndOddSpaces()
    {
        var raw = "\uFEFF" + Title.Normalize(NormalizationForm.FormD) + "\r\n\r\n" + Para + "\r" + "Đoạn\u00A0hai có\u200B khoảng trắng\u0007 lạ\u202Fvà ký tự điều khiển ở giữa câu văn." ;

        var draft = Converter.Convert(raw);

        Assert.Equal(Title, draft.Title);
        Assert.True(draft.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(Para, draft.Summary);
        Assert.Equal("Đoạn hai có khoảng trắng lạ và ký tự điều khiển ở giữa câu văn.", draft.Body);
    }

    [Fact]
    public void Convert_JoinsSegmentedSyllables_AndReattachesPunctuationAndQuotes()
    {
        var draft = Convert(
            "Thủ_tướng dự hội_nghị cấp cao ASEAN - Nhật_Bản",
            "Thủ_tướng Phạm_Minh_Chính đề_cao kết_nối kinh_tế , thương_mại trong chiến_lược ( FOIP ) của Nhật_Bản .",
            "Ông nói : \" Chúng_ta cần hành_động ' từ trái_tim ' \" , theo Bộ Ngoại_giao .Trước đó , hai bên đạt 268,5 tỷ USD .");

        Assert.Equal("Thủ tướng dự hội nghị cấp cao ASEAN - Nhật Bản", draft.Title);
        Assert.Equal("Thủ tướng Phạm Minh Chính đề cao kết nối kinh tế, thương mại trong chiến lược (FOIP) của Nhật Bản.", draft.Summary);
        Assert.Equal("Ông nói: “Chúng ta cần hành động ‘từ trái tim’”, theo Bộ Ngoại giao. Trước đó, hai bên đạt 268,5 tỷ USD.", draft.Body);
    }

    [Fact]
    public void Convert_JoinsSegmentedSyllables_ButKeepsUnderscoresInUrls()
    {
        var draft = Convert(
            "Thủ_tướng dự hội_nghị cấp cao ASEAN - Nhật_Bản",
            "Thủ_tướng Phạm_Minh_Chính phát_biểu tại hội_nghị .",
            "Toàn_văn tại https://example.vn/bai_viet/toan_van.html và www.site.vn/a_b nhé .");

        Assert.Contains("https://example.vn/bai_viet/toan_van.html", draft.Body, StringComparison.Ordinal);
        Assert.Contains("www.site.vn/a_b", draft.Body, StringComparison.Ordinal);
        Assert.StartsWith("Toàn văn tại", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_LeavesUnderscoresAlone_WhenTextIsNotSegmented()
    {
        var draft = Convert(Title, Para, "Tệp cấu hình tên là config_file_name và biến MAX_SIZE không đổi trong bản cập nhật.");

        Assert.Contains("config_file_name", draft.Body, StringComparison.Ordinal);
        Assert.Contains("MAX_SIZE", draft.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lãnh đạo hai nước gặp nhau tại ASEAN.Trước đó, hai bên đã ký kết.", "Lãnh đạo hai nước gặp nhau tại ASEAN. Trước đó, hai bên đã ký kết.")]
    [InlineData("Hội nghị diễn ra tại TP.HCM với 268,5 tỷ đồng và 4.748 dự án.", "Hội nghị diễn ra tại TP.HCM với 268,5 tỷ đồng và 4.748 dự án.")]
    [InlineData("Chi tiết xem trên trang Chinhphu.vn và Baochinhphu.Vn trong ngày.", "Chi tiết xem trên trang Chinhphu.vn và Baochinhphu.Vn trong ngày.")]
    public void Convert_AddsSpaceAfterGluedSentenceEnd_ButNotInAbbreviationsNumbersOrDomains(string paragraph, string expected)
    {
        Assert.Equal(expected, Convert(Title, Para, paragraph).Body);
    }

    [Fact]
    public void Convert_RemovesSpamInTitleBracketsAndMidSentence()
    {
        var draft = Convert("【soi cầu xsmb】" + Title + " kèo nhà cái", Para, "Hai bên cá cược đồng ý ký kết văn bản tài xỉu vào cuối tuần này.");

        Assert.Equal(Title, draft.Title);
        Assert.Equal("Hai bên đồng ý ký kết văn bản vào cuối tuần này.", draft.Body);
        Assert.Contains(draft.Removals, r => r.Rule == "spam" && r.Text == "【soi cầu xsmb】" && r.Line == 1);
    }

    [Fact]
    public void Convert_DropsGarbledRunsAndJunkBeforeTitle()
    {
        var draft = Convert("abc xyz", "Tại hội nghị,ỷniệmnămthiếtlậpquanhệNhậtBảnhỗtrợ lãnh đạo", Title, Para,
            "Tại hội nghị,ỷniệmnămthiếtlậpquanhệNhậtBảnhỗtrợASEANtỉyê lãnh đạo hai nước khẳng định quan hệ tốt đẹp.");

        Assert.Equal(Title, draft.Title);
        Assert.Equal("Tại hội nghị, lãnh đạo hai nước khẳng định quan hệ tốt đẹp.", draft.Body);
    }

    [Fact]
    public void Convert_DropsTitleRepeatedTwice_AndDuplicatedLines()
    {
        var draft = Convert(Title, Title, Para, Para2, Para2);

        Assert.Equal(Title, draft.Title);
        Assert.Equal(Para2, draft.Body);
        Assert.Contains(draft.Removals, r => r.Rule.StartsWith("repeated", StringComparison.Ordinal) && r.Line == 2);
    }

    [Theory]
    [InlineData("Xem thêm: Nhật Bản tăng viện trợ cho ASEAN")]
    [InlineData("Đọc thêm: Việt Nam và Nhật Bản nâng cấp quan hệ")]
    [InlineData(">> Xem thêm: Bài viết khác")]
    [InlineData("Chia sẻ")]
    [InlineData("Facebook Twitter Zalo")]
    [InlineData("In bài")]
    [InlineData("Bình luận (12)")]
    [InlineData("Du khách vui lòng để lại nhận xét:")]
    [InlineData("© 2024 Báo Điện tử. Bản quyền thuộc về tòa soạn.")]
    [InlineData("...")]
    public void Convert_DropsSiteFurnitureLines(string furniture)
    {
        var draft = Convert(Title, Para, furniture, Para2);

        Assert.Equal(Para2, draft.Body);
    }

    [Theory]
    [InlineData("Tin liên quan")]
    [InlineData("Bài viết liên quan:")]
    [InlineData("Tin cùng chuyên mục")]
    public void Convert_CutsRelatedNewsBlockToTheEnd(string blockStart)
    {
        var draft = Convert(Title, Para, Para2, blockStart, "Nhật Bản viện trợ khẩn cấp cho miền Trung", "Đoạn mô tả của bài liên quan kết thúc bằng dấu chấm.");

        Assert.Equal(Para2, draft.Body);
    }

    [Theory]
    [InlineData("Cập nhật: 08:04, 13/03/2020 (GMT+7)", "2020-03-13T08:04:00+07:00", true)]
    [InlineData("Thứ bảy, 16/12/2023 - 10:15", "2023-12-16T10:15:00+07:00", true)]
    [InlineData("16/12/2023 10:15 GMT+7", "2023-12-16T10:15:00+07:00", true)]
    [InlineData("Cập nhật lúc 15:30 ngày 05/06/2024", "2024-06-05T15:30:00+07:00", true)]
    [InlineData("Ngày đăng: 05/06/2024", "2024-06-05T00:00:00+07:00", false)]
    [InlineData("2023-12-16T03:15:00Z", "2023-12-16T03:15:00+00:00", true)]
    [InlineData("Thứ Hai, ngày 16 tháng 12 năm 2023", "2023-12-16T00:00:00+07:00", false)]
    [InlineData("Đăng lúc 16/12/2023 10:15 (GMT+9)", "2023-12-16T10:15:00+09:00", true)]
    [InlineData("Thứ Hai, 20/11/2023 | 14:35", "2023-11-20T14:35:00+07:00", true)]
    [InlineData("Thứ hai, 20/11/2023, 14:35 (GMT+7)", "2023-11-20T14:35:00+07:00", true)]
    [InlineData("20/11/2023 14:35 (GMT+07:00)", "2023-11-20T14:35:00+07:00", true)]
    [InlineData("(GMT+07:00) 20/11/2023 14:35", "2023-11-20T14:35:00+07:00", true)]
    [InlineData("Chủ nhật, ngày 17/12/2023 - 08:04", "2023-12-17T08:04:00+07:00", true)]
    [InlineData("17-12-2023 08:04", "2023-12-17T08:04:00+07:00", true)]
    [InlineData("14:35 20/11/2023", "2023-11-20T14:35:00+07:00", true)]
    [InlineData("Cập nhật 10:12 ngày 05/06/2024", "2024-06-05T10:12:00+07:00", true)]
    [InlineData("05/06/2024 - 10:12 GMT+7", "2024-06-05T10:12:00+07:00", true)]
    [InlineData("Thứ Tư, 07:30, 10/04/2024", "2024-04-10T07:30:00+07:00", true)]
    [InlineData("Thứ ba, 12/3/2024", "2024-03-12T00:00:00+07:00", false)]
    [InlineData("20.11.2023 - 14h35", "2023-11-20T14:35:00+07:00", true)]
    [InlineData("21/05/2024 19:45 JST", "2024-05-21T19:45:00+09:00", true)]
    [InlineData("21/05/2024 19:45 (ICT)", "2024-05-21T19:45:00+07:00", true)]
    [InlineData("21/05/2024 12:45 GMT", "2024-05-21T12:45:00+00:00", true)]
    [InlineData("21/05/2024 12:45 UTC", "2024-05-21T12:45:00+00:00", true)]
    [InlineData("Thứ Ba, 21/05/2024 19:45 (GMT+9)", "2024-05-21T19:45:00+09:00", true)]
    [InlineData("21/05/2024 19:45 giờ Tokyo", "2024-05-21T19:45:00+09:00", true)]
    [InlineData("2024-05-21 19:45 JST", "2024-05-21T19:45:00+09:00", true)]
    public void Convert_ReadsPublicationDate_FromHeaderLines(string header, string expected, bool hasTime)
    {
        var draft = Convert(Title, header, Para, Para2);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), draft.Date);
        Assert.Equal(TimeSpan.Parse(expected[^5..].TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), draft.Date!.Value.Offset);
        Assert.Equal(hasTime, draft.DateHasTime);
        Assert.DoesNotContain(header, draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_GivesNoDate_ForDayAndMonthWithoutYear()
    {
        var draft = Convert(Title, "Thứ bảy, 16/12 - 10:15", Para, Para2);

        Assert.Null(draft.Date);
        Assert.DoesNotContain("16/12", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_GivesNoDate_ForDatesInsideBodySentences()
    {
        var draft = Convert(Title, Para, "Hội nghị diễn ra ngày 16/12/2023.", "Ngày 20/9/2021, hai bên ký kết hiệp định mới về thương mại và đầu tư.");

        Assert.Null(draft.Date);
        Assert.Contains("Hội nghị diễn ra ngày 16/12/2023.", draft.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(TTXVN) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "TTXVN")]
    [InlineData("VOV.VN - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "VOV")]
    [InlineData("(Dân trí) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Dân trí")]
    [InlineData("TTO - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Tuổi Trẻ")]
    [InlineData("(Chinhphu.vn) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Báo Chính phủ")]
    [InlineData("(PLO)- Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Pháp Luật TP.HCM")]
    [InlineData("Hà Nội (TTXVN) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "TTXVN")]
    [InlineData("SGGPO - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Sài Gòn Giải Phóng")]
    [InlineData("(HNMO) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Hà Nội Mới")]
    [InlineData("(ĐTO) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Báo Đầu tư")]
    [InlineData("(Baodautu.vn) - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Báo Đầu tư")]
    [InlineData("NHK WORLD-JAPAN - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "NHK")]
    [InlineData("KTĐT - Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", "Kinh tế & Đô thị")]
    public void Convert_ReadsSourceFromOutletDatelines_AndStripsThem(string lead, string source)
    {
        var draft = Convert(Title, lead, Para2);

        Assert.Equal(source, draft.Source);
        Assert.Equal("Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", draft.Summary);
    }

    [Theory]
    [InlineData("(XYZO) - ")]
    [InlineData("XYZO - ")]
    [InlineData("XYZ NEWS – ")]
    [InlineData("(Tapchividu.vn) - ")]
    [InlineData("Tokyo (XYZO) - ")]
    public void Convert_StripsAnUnknownOutletTagFromTheLead_WithoutGuessingASource(string tag)
    {
        var draft = Convert(Title, tag + "Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", Para2);

        Assert.Null(draft.Source);
        Assert.Equal("Chiều 16/12, hai bên đã ký kết thỏa thuận hợp tác mới.", draft.Summary);
    }

    [Theory]
    [InlineData("Ông Nguyễn Văn An (Bộ Công Thương) - người phụ trách dự án, cho biết hai bên đã ký kết thỏa thuận.")]
    [InlineData("ASEAN - Nhật Bản là quan hệ đối tác quan trọng, hai bên đã ký kết thỏa thuận hợp tác mới.")]
    public void Convert_KeepsANameOrTheHeadlinesSubjectBeforeADash_AsProse(string lead)
    {
        var draft = Convert("ASEAN và Nhật Bản ký thỏa thuận hợp tác mới", lead, Para2);

        Assert.Null(draft.Source);
        Assert.Equal(lead, draft.Summary);
    }

    [Fact]
    public void Convert_KeepsUnknownLeadingWordsWithDash_AsProse()
    {
        var draft = Convert(Title, "Hôm qua - một ngày đáng nhớ, hai bên đã ký kết thỏa thuận hợp tác mới.", Para2);

        Assert.Null(draft.Source);
        Assert.StartsWith("Hôm qua - một ngày", draft.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HẢI NGỌC (Vietnam+)", "Hải Ngọc", "Vietnam+")]
    [InlineData("Thu Hà/VOV.VN", "Thu Hà", "VOV")]
    [InlineData("Hoài Thu", "Hoài Thu", null)]
    [InlineData("Tác giả: Lan Anh", "Lan Anh", null)]
    [InlineData("Theo Tuổi Trẻ Online", null, "Tuổi Trẻ")]
    [InlineData("(Theo TTXVN)", null, "TTXVN")]
    [InlineData("Theo báo Nhân Dân", null, "Báo Nhân Dân")]
    public void Convert_ReadsBylinesAndSourceLines_AtTheEnd(string line, string? author, string? source)
    {
        var draft = Convert(Title, Para, Para2, line);

        Assert.Equal(author, draft.Author);
        Assert.Equal(source, draft.Source);
        Assert.Equal(Para2, draft.Body);
    }

    [Fact]
    public void Convert_TakesSourceUrl_AndOutletFromItsDomain()
    {
        var draft = Convert(Title, Para, Para2, "https://tuoitre.vn/nhat-ban-va-viet-nam-2024.htm");

        Assert.Equal("https://tuoitre.vn/nhat-ban-va-viet-nam-2024.htm", draft.SourceUrl);
        Assert.Equal("Tuổi Trẻ", draft.Source);
    }

    [Fact]
    public void Convert_WritesCaptionsAsFigures_WithCreditInNormalCase()
    {
        var draft = Convert(Title, Para,
            "Nhật Bản và Việt Nam ký thỏa thuận hợp tác - Ảnh 1.",
            "Lãnh đạo hai nước tại lễ ký",
            "NHẬT BẮC",
            Para2,
            "Toàn cảnh hội nghị (Ảnh: TTXVN)");

        Assert.Equal(
            "^^^\n^^^ Lãnh đạo hai nước tại lễ ký. Ảnh: Nhật Bắc\n\n" + Para2 + "\n\n^^^\n^^^ Toàn cảnh hội nghị. Ảnh: TTXVN",
            draft.Body);
    }

    [Fact]
    public void Convert_MakesShortStandaloneLinesSubheads_AndEscapesMarkdownAtLineStarts()
    {
        var draft = Convert(Title, Para, "Hợp tác kinh tế là trọng tâm", Para2,
            "1. Đây là câu văn bình thường bắt đầu bằng số thứ tự trong bài.",
            "# không phải tiêu đề mà là văn bản thường có dấu thăng.");

        Assert.Equal(
            "## Hợp tác kinh tế là trọng tâm\n\n" + Para2 + "\n\n1\\. Đây là câu văn bình thường bắt đầu bằng số thứ tự trong bài.\n\n\\# không phải tiêu đề mà là văn bản thường có dấu thăng.",
            draft.Body);
    }

    [Fact]
    public void Convert_TurnsTrailingKeywordLineIntoDedupedTags()
    {
        var draft = Convert(Title, Para, Para2, "Nhật Bản, Việt Nam, Hợp tác, Nhật Bản");

        Assert.Equal(["Nhật Bản", "Việt Nam", "Hợp tác"], draft.SuggestedTags);
        Assert.Equal(Para2, draft.Body);
    }

    [Fact]
    public void Convert_RecordsRemovalsWithRuleAndLine()
    {
        var draft = Convert(Title, Para, "Chia sẻ", Para2);

        var removal = Assert.Single(draft.Removals);
        Assert.Equal(new Removal("Chia sẻ", "site furniture", 3), removal);
    }

    [Fact]
    public void Convert_IsDeterministic()
    {
        var raw = Seed("000");

        Assert.Equal(Converter.Convert(raw).Body, Converter.Convert(raw).Body);
    }

    [Fact]
    public void Rules_FromText_RejectPatternsWithoutKind()
    {
        Assert.Throws<FormatException>(() => CleaningRules.FromText("xsmb", "^Chia sẻ$", ""));
    }

    [Fact]
    public void Rules_FromText_BuildWorkingRulesFromStrings()
    {
        var rules = CleaningRules.FromText("# lottery\nvé số lậu", "line: ^quảng cáo$\nblock: ^tin khác$", "example.vn | Báo Ví Dụ | BVD");
        var draft = new RawTextConverter(rules).Convert(string.Join("\n", Title, Para, "quảng cáo", "Hai bên mua vé số lậu đã ký kết văn bản hợp tác mới.", "BVD", "Tin khác", "Bài khác"));

        Assert.Equal("Hai bên mua đã ký kết văn bản hợp tác mới.", draft.Body);
        Assert.Equal("Báo Ví Dụ", draft.Source);
        Assert.Equal("Báo Ví Dụ", rules.OutletForUrl("https://www.example.vn/a"));
    }
    [Theory]
    [InlineData("Trang chủ > Thế giới > Châu Á")]
    [InlineData("Thế giới › Phân tích chuyên sâu về kinh tế")]
    [InlineData("Báo Tuổi Trẻ - Tin tức mới nhất trong ngày")]
    [InlineData("Chúng tôi sử dụng cookie để cải thiện trải nghiệm. Đồng ý")]
    public void Convert_TakesTheHeadlineAfterMenusBreadcrumbsMastheadsAndBanners(string furniture)
    {
        var draft = Convert("Thời sự", "Thế giới", "Kinh doanh", "Văn hóa và giải trí cuối tuần", furniture, "Thứ bảy, 16/12/2023 - 10:15", Title, Para, Para2);

        Assert.Equal(Title, draft.Title);
        Assert.Equal(new DateTimeOffset(2023, 12, 16, 10, 15, 0, TimeSpan.FromHours(7)), draft.Date);
        Assert.DoesNotContain(furniture, All(draft), StringComparison.Ordinal);
        Assert.Contains(draft.Removals, r => r.Text == furniture);
    }

    [Fact]
    public void Convert_TakesTheHeadline_WhenTheDatelineComesAfterIt()
    {
        var draft = Convert("Mới nhất", "Thời sự", "Sự kiện - Bình luận thời sự", "Pháp luật", Title, "14:35 05/03/2024", Para, Para2);

        Assert.Equal(Title, draft.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 35, 0, TimeSpan.FromHours(7)), draft.Date);
        Assert.Equal(Para, draft.Summary);
        Assert.Equal(Para2, draft.Body);
    }

    [Theory]
    [InlineData("Mới nhất")]
    [InlineData("Đọc nhiều")]
    [InlineData("Tin liên quan")]
    public void Convert_ABlockStartInTheMenu_DoesNotCutTheArticle(string menuItem)
    {
        var draft = Convert(menuItem, "Thời sự", "Thế giới", Title, Para, Para2, menuItem, "Nhật Bản viện trợ khẩn cấp cho miền Trung");

        Assert.Equal(Title, draft.Title);
        Assert.Equal(Para2, draft.Body);
    }

    [Fact]
    public void Convert_ReadsATagsLabelWithOneKeywordALine_AsSuggestedTags()
    {
        var draft = Convert(Title, Para, Para2, "Minh Anh", "Chia sẻ", "Tags:", "Nhật Bản", "ASEAN", "năng lượng tái tạo", "Đọc tiếp", "Nhật Bản viện trợ khẩn cấp cho miền Trung");

        Assert.Equal(["Nhật Bản", "ASEAN", "năng lượng tái tạo"], draft.SuggestedTags);
        Assert.Equal("Minh Anh", draft.Author);
        Assert.Equal(Para2, draft.Body);
    }

    [Theory]
    [InlineData("Bài và ảnh: Quang Huy Theo Báo Nhân Dân", "Quang Huy", "Báo Nhân Dân")]
    [InlineData("Tin, ảnh: Trần Hồng", "Trần Hồng", null)]
    [InlineData("Minh Đức Theo Nikkei Asia", "Minh Đức", "Nikkei Asia")]
    public void Convert_SeparatesAClosingBylineFromAGluedSourceLine(string line, string author, string? source)
    {
        var draft = Convert(Title, Para, Para2, line);

        Assert.Equal(author, draft.Author);
        Assert.Equal(source, draft.Source);
        Assert.Equal(Para2, draft.Body);
    }

    [Theory]
    // The outlet that signs the text wrote it; the agency in its reporter's byline is what it worked from.
    [InlineData("VOV.VN - " + Para, "Minh Anh/VOV.VN (Theo Kyodo)", null, "VOV")]
    // A "Theo X" line of its own names the article's origin, even under the republishing outlet's dateline.
    [InlineData("VOV.VN - " + Para, "Minh Anh", "Theo Nikkei Asia", "Nikkei Asia")]
    // A byline credit with no outlet of its own names the origin.
    [InlineData(Para, "Thanh Hải (theo Kyodo)", null, "Kyodo")]
    public void Convert_AppliesTheSourcePolicy(string lead, string byline, string? sourceLine, string expected)
    {
        var lines = new List<string> { Title, lead, Para2, byline };
        if (sourceLine is not null)
        {
            lines.Add(sourceLine);
        }
        var draft = Convert([.. lines]);

        Assert.Equal(expected, draft.Source);
    }

    [Fact]
    public void Convert_SplitsTheDatelineOutOfAOneLineDump()
    {
        var sentences = string.Join(' ', Enumerable.Repeat(Para2, 8));
        var draft = Convert(Title + " Thứ Sáu, 01/03/2024 09:20 (GMT+7) QĐND Online - " + Para + " " + sentences + " Tin, ảnh: Trần Hồng");

        Assert.Equal(Title, draft.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 20, 0, TimeSpan.FromHours(7)), draft.Date);
        Assert.Equal("Quân đội nhân dân", draft.Source);
        Assert.Equal("Trần Hồng", draft.Author);
        Assert.Equal(Para, draft.Summary);
    }

    [Fact]
    public void Convert_RemovesWholeSpamPhrasesAndTheAdvertLineTheyLeave()
    {
        var draft = Convert("【kèo bóng đá】" + Title, Para, "Nhà cái uy tín hàng đầu - đăng ký nhận thưởng 100K", "Đây là một trong những đối tác soi cầu miền bắc quan trọng nhất của Việt Nam.");

        Assert.Equal(Title, draft.Title);
        Assert.Equal("Đây là một trong những đối tác quan trọng nhất của Việt Nam.", draft.Body);
    }

    [Theory]
    [InlineData(" nổ hũ uy tín")]
    [InlineData(" kết quả xsmb hôm nay chính xác 100%")]
    [InlineData(" nhà cái uy tín số 1")]
    public void Convert_CutsASpamPhraseWithItsPromotionalTail(string spam)
    {
        var draft = Convert(Title + spam, Para, Para2);

        Assert.Equal(Title, draft.Title);
    }

    [Fact]
    public void Convert_KeepsTailWordsThatFollowNoSpamPhrase()
    {
        var line = "Các cơ sở đào tạo tiếng Nhật uy tín hôm nay đã ký kết thỏa thuận hợp tác với hai bên.";
        var draft = Convert(Title, Para, line);

        Assert.Equal(line, draft.Body);
    }

    [Theory]
    [InlineData("Nhà cái uy tín - tặng ngay 200K khi đăng ký tài khoản")]
    [InlineData("Tặng 100K khi đăng ký tài khoản mới")]
    [InlineData("Đăng ký tài khoản nhận ngay 500K")]
    [InlineData("Nạp đầu nhận thưởng lên đến 8.888K")]
    [InlineData("Hoàn trả 1,5% mỗi ngày khi tham gia cược thể thao")]
    [InlineData("Khuyến mãi")]
    [InlineData("Đăng ký nhận thưởng")]
    public void Convert_DropsAdvertLines_NeverAsSubheads(string advert)
    {
        var draft = Convert(Title, Para, advert, Para2);

        Assert.Equal(Para2, draft.Body);
        Assert.Contains(draft.Removals, r => r.Rule == "advert" || r.Rule == "spam");
    }

    [Fact]
    public void Convert_KeepsNewsSentencesAboutMoneyAndRegistration()
    {
        var line = "Người lao động được nhận 2 triệu đồng khi đăng ký tham gia chương trình đào tạo tại Nhật Bản.";
        var draft = Convert(Title, Para, line);

        Assert.Equal(line, draft.Body);
    }

    [Theory]
    [InlineData("Bình luận của bạn đọc")]
    [InlineData("Nghe đọc bài")]
    [InlineData("Gửi bình luận")]
    [InlineData("Ý kiến bạn đọc")]
    [InlineData("Bạn nghĩ gì về bài viết")]
    public void Convert_FindsTheAuthor_PastFurnitureUnderTheByline(string furniture)
    {
        var draft = Convert(Title, Para, Para2, "Ngọc Anh", furniture, "Mời bạn để lại ý kiến");

        Assert.Equal("Ngọc Anh", draft.Author);
        Assert.Equal(Para2, draft.Body);
    }

    [Fact]
    public void Convert_DoesNotTakeABodyLine_AsFurnitureAboveAByline()
    {
        var draft = Convert(Title, Para, Para2, "Hợp tác còn nhiều dư địa", "Hai bên sẽ tiếp tục trao đổi");

        Assert.Null(draft.Author);
        Assert.EndsWith("Hai bên sẽ tiếp tục trao đổi", draft.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hai nước sẽ mở rộng hợp tác trong lĩnh vực năng lượng sạch và chuyển đổi số giai đoạn tới")]
    [InlineData("Văn bản mở ra giai đoạn hợp tác mới về năng lượng sạch, hạ tầng và chuyển đổi số giữa hai nước.")]
    public void Convert_TakesTheHeadline_WithASubtitleBetweenItAndTheDateline(string deck)
    {
        var draft = Convert("Thời sự", "Thế giới", "Kinh doanh", Title, deck, "Thứ bảy, 16/12/2023 - 10:15", Para, Para2);

        Assert.Equal(Title, draft.Title);
        Assert.Equal(new DateTimeOffset(2023, 12, 16, 10, 15, 0, TimeSpan.FromHours(7)), draft.Date);
        Assert.Contains(deck.TrimEnd('.'), All(draft), StringComparison.Ordinal);
        Assert.Contains(Para2, draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("16/12/2023", All(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_TakesTheHeadline_WithASubtitleAndAByline()
    {
        const string deck = "Hai nước sẽ mở rộng hợp tác trong lĩnh vực năng lượng sạch và chuyển đổi số giai đoạn tới";
        var draft = Convert("Thời sự", "Thế giới", Title, deck, "Minh Anh", "16/12/2023 10:15", Para, Para2);

        Assert.Equal(Title, draft.Title);
        Assert.Equal("Minh Anh", draft.Author);
        Assert.NotNull(draft.Date);
        Assert.Contains(deck, All(draft), StringComparison.Ordinal);
        Assert.DoesNotContain("Minh Anh", All(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ReadsPageSource_AsTheBrowserShowsIt()
    {
        var html = "<html><head><title>x</title><link rel=\"canonical\" href=\"https://vidu.vn/bai-1.html\"><script>var a = '<p>';</script></head><body>"
            + "<div class=\"menu\"><a href=\"/\">Trang chủ</a></div><h1 class=\"t\">" + Title + "</h1><div>16/12/2023 10:15</div>"
            + "<p>Hai b&#234;n nh&#x1EA5;t tr&iacute; t&#259;ng c&#432;&#7901;ng h&#7907;p t&#225;c trong nhi&#7873;u l&#297;nh v&#7921;c quan tr&#7885;ng c&#7911;a n&#7873;n kinh t&#7871;.</p>"
            + "<p>" + Para2 + "<br>Doanh nghiệp A &amp; B tham gia.</p></body></html>";

        var draft = Converter.Convert(html);

        Assert.Equal(Title, draft.Title);
        Assert.Equal("https://vidu.vn/bai-1.html", draft.SourceUrl);
        Assert.Equal(Para, draft.Summary);
        Assert.Contains("Doanh nghiệp A & B tham gia.", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<", All(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_RejoinsAPrintEdition_AndDropsRunningHeadersAndTheJumpedPages()
    {
        var draft = Convert(
            "BÁO VÍ DỤ | Thứ Hai 3-3-2025 | Trang 1", "Nhật Bản và Việt Nam ký thỏa thuận", "hợp tác mới",
            "Hai bên nhất trí tăng cường hợp tác trong", "nhiều lĩnh vực quan trọng của nền kinh tế,", "trong đó có các dự án ở Yoko-",
            "hama và Osaka. Lễ ký kết diễn ra tại Hà", "Nội với sự chứng kiến của lãnh đạo hai", "nước và nhiều khách mời.", "(Xem tiếp trang 7)",
            "QUẢNG CÁO", "Công ty A tuyển dụng", "(Tiếp theo trang 1)", "Hai bên sẽ tiếp tục trao đổi về các dự án", "trong thời gian tới.");

        Assert.Equal(Title, draft.Title);
        Assert.Equal("Báo Ví Dụ", draft.Source, ignoreCase: true);
        Assert.Equal(new DateTime(2025, 3, 3), draft.Date?.Date);
        Assert.Contains("các dự án ở Yokohama và Osaka.", All(draft), StringComparison.Ordinal);
        Assert.Contains("tại Hà Nội với sự chứng kiến", All(draft), StringComparison.Ordinal);
        Assert.DoesNotContain("tuyển dụng", All(draft), StringComparison.Ordinal);
        Assert.DoesNotContain("Trang", All(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_DropsAForwardedMailsNotesAndHeaders_AndNeverTakesItsDate()
    {
        var draft = Convert(
            "Anh xem bài này nhé.", "---------- Forwarded message ---------", "From: Bản tin Ví Dụ <bantin@vidu.vn>",
            "Date: Mon, Mar 10, 2025 at 9:12 AM", "Subject: [Bản tin] " + Title, "To: <a@example.vn>", "", Title, Para, Para2);

        Assert.Equal(Title, draft.Title);
        Assert.Null(draft.Date);
        Assert.Equal("Bản tin Ví Dụ", draft.Source);
        Assert.DoesNotContain("Forwarded", All(draft), StringComparison.Ordinal);
        Assert.DoesNotContain("xem bài này", All(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_PublishesACapitalsHeadlineInSentenceCase_WithTheTextsProperNouns()
    {
        var draft = Convert("Thời sự", "NHẬT BẢN VÀ VIỆT NAM KÝ THỎA THUẬN HỢP TÁC MỚI", "16/12/2023 10:15", Para, "Lễ ký kết giữa Việt Nam và Nhật Bản diễn ra tại Hà Nội với nhiều khách mời.");

        Assert.Equal(Title, draft.Title);
        Assert.NotNull(draft.Date);
    }

    [Fact]
    public void Convert_KeepsALineThatReadsLikeAnArticleSentence_EvenWhenAFurniturePatternMatchesIt()
    {
        // "Chuyển động: …" heads a related headline on some sites; written as a full sentence it is the story.
        const string sentence = "Chuyển động: các doanh nghiệp Nhật Bản đang mở rộng đầu tư vào nhiều tỉnh phía Bắc của Việt Nam.";
        Assert.Contains(Rules.FurniturePatterns, p => p.IsMatch(sentence));
        var draft = Convert(Title, Para, "Đặt báo in", sentence, Para2);

        Assert.Contains(sentence, draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Đặt báo in", All(draft), StringComparison.Ordinal);
        Assert.Contains(draft.Removals, r => r.Rule == RemovalReasons.Furniture && r.Text == "Đặt báo in");
    }
}
