using AseanJapanNews.Web.Text.Conversion;
using static AseanJapanNews.Tests.Text.Conversion.ConversionTestData;

namespace AseanJapanNews.Tests.Text.Conversion;

/// <summary>The five texts editors actually pasted, in ../shared/seeds.</summary>
public class SeedConversionTests
{
    private static ArticleDraft Convert(string seed) => Converter.Convert(Seed(seed));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Seed_LeavesNoSpamNoUnderscoreWordsAndNoFurniture(string seed)
    {
        var draft = Convert(seed);
        var visible = Visible(draft);
        AssertNoSpam(visible);
        AssertNoUnderscoreWords(visible);
        foreach (var furniture in new[] { "Du khách vui lòng", "sitemap", "©", "Chich Nhau", "- Ảnh 1.", "Tin Liên Quan", "nướcASEANkhẳn", "ỷniệm", "Theo Vnexpress", "Theo Báo Nhân Dân", "https://", "HẢI NGỌC", "Hoài Thu" })
        {
            Assert.DoesNotContain(furniture, draft.Body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\n\n\n", draft.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(draft.Body));
    }

    [Fact]
    public void Seed000_TitleLosesSpamPrefix_JunkAndBrokenFragmentGo_CaptionsKeepCredits()
    {
        var draft = Convert("000");

        Assert.Equal("Kỷ niệm 50 năm thiết lập quan hệ, Nhật Bản hỗ trợ ASEAN 55 tỉ yên", draft.Title);
        Assert.Null(draft.Date);
        Assert.StartsWith("Tại hội nghị, lãnh đạo các nước ASEAN khẳng định coi trọng mối quan hệ đoàn kết", draft.Summary, StringComparison.Ordinal);
        Assert.Contains("^^^\n^^^ Thủ tướng Phạm Minh Chính cùng Thủ tướng Nhật Bản Kishida Fumio và phu nhân. Ảnh: BNG", draft.Body, StringComparison.Ordinal);
        Assert.Contains("^^^ Các nhà lãnh đạo ASEAN - Nhật Bản tại lễ kỷ niệm 50 năm quan hệ ngoại giao. Ảnh: Nhật Bắc", draft.Body, StringComparison.Ordinal);
        Assert.Contains("## “Từ trái tim đến trái tim” thành “từ hành động đến hành động”", draft.Body, StringComparison.Ordinal);
        Assert.Contains("Tổng kim ngạch thương mại hai chiều ASEAN - Nhật đạt 268,5 tỉ USD", draft.Body, StringComparison.Ordinal);
        Assert.EndsWith("thời gian tới.", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Summary!, draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\nBNG", draft.Body, StringComparison.Ordinal);
        Assert.Contains(draft.Removals, r => r.Rule == "junk before title" && r.Line == 1);
        Assert.Contains(draft.Removals, r => r.Rule == "broken fragment around spam" && r.Line == 3);
    }

    [Fact]
    public void Seed001_DateFromUpdateLine_BylineGivesAuthorAndSource_RepeatedCaptionOnce()
    {
        var draft = Convert("001");

        Assert.Equal("ASEAN và Nhật Bản cam kết tăng cường quan hệ đối tác chiến lược", draft.Title);
        Assert.Equal(new DateTimeOffset(2020, 3, 13, 8, 4, 0, TimeSpan.FromHours(7)), draft.Date);
        Assert.True(draft.DateHasTime);
        Assert.Equal("Vietnam+", draft.Source);
        Assert.Equal("Hải Ngọc", draft.Author);
        Assert.StartsWith("Ngày 12/3, tại trụ sở Ban Thư ký ASEAN", draft.Summary, StringComparison.Ordinal);
        Assert.Single(AllIndexesOf(draft.Body, "Đại diện các nước trong Ủy ban hợp tác chung ASEAN-Nhật Bản (AJJCC)."));
        Assert.Contains("với 71/75 dòng hành động đã được triển khai", draft.Body, StringComparison.Ordinal);
        Assert.EndsWith("ứng phó biến đổi khí hậu…", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cập nhật", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed002_OneLineSegmentedDump_IsJoinedAndSplitIntoTitleSapoParagraphsCaptions()
    {
        var draft = Convert("002");

        Assert.Equal("Thủ tướng: Kết nối là động lực cho hợp tác ASEAN - Nhật", draft.Title);
        Assert.Equal("Thủ tướng Phạm Minh Chính đề cao kết nối kinh tế, thương mại để tăng động lực cho quan hệ ASEAN - Nhật Bản, khi phát biểu tại hội nghị cấp cao ở Tokyo.", draft.Summary);
        Assert.Null(draft.Date);
        Assert.Null(draft.Source);
        Assert.Equal("Hoài Thu", draft.Author);
        Assert.Contains("thành công nhất của ASEAN. Trước những “cơn gió ngược”", draft.Body, StringComparison.Ordinal);
        Assert.Contains("chiến lược Ấn Độ Dương - Thái Bình Dương (FOIP) của Tokyo.", draft.Body, StringComparison.Ordinal);
        Assert.Contains("quan hệ ‘từ trái tim đến trái tim’ trở thành", draft.Body, StringComparison.Ordinal);
        Assert.Contains("^^^\n^^^ Thủ tướng Phạm Minh Chính dự Hội nghị cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản, ngày 17/12, tại Tokyo, Nhật Bản. Ảnh: Nhật Bắc", draft.Body, StringComparison.Ordinal);
        Assert.Contains("\n\nThủ tướng đề nghị các bên cùng xây dựng cấu trúc khu vực mở", draft.Body, StringComparison.Ordinal);
        Assert.Contains("đạt 268,5 tỷ USD vào 2022.", draft.Body, StringComparison.Ordinal);
        Assert.EndsWith("đạt 26,7 tỷ USD năm ngoái.", draft.Body, StringComparison.Ordinal);
        Assert.True(draft.Body.Split("\n\n").Length >= 8, "the dump should be split into several blocks");
    }

    [Fact]
    public void Seed003_SourceFromTheoLineThroughOutletTable_KeywordLineBecomesTags()
    {
        var draft = Convert("003");

        Assert.StartsWith("Chủ tịch nước Võ Văn Thưởng và Thủ tướng Kishida thông báo Việt Nam – Nhật Bản nâng cấp quan hệ", draft.Title, StringComparison.Ordinal);
        Assert.Null(draft.Date);
        Assert.Equal("VnExpress", draft.Source);
        Assert.Null(draft.Author);
        Assert.Equal(["Chủ tịch nước Võ Văn Thưởng", "Chủ tịch nước thăm Nhật Bản", "Việt Nam – Nhật Bản nâng cấp quan hệ Đối tác chiến lược toàn diện"], draft.SuggestedTags);
        Assert.Contains("^^^ Chủ tịch nước Võ Văn Thưởng và Thủ tướng Kishida họp báo sau hội đàm ở Phủ Thủ tướng Nhật Bản. Ảnh: TTXVN", draft.Body, StringComparison.Ordinal);
        Assert.StartsWith("Chủ tịch nước Võ Văn Thưởng và Thủ tướng Fumio Kishida chiều 27/11 đã hội đàm", draft.Body, StringComparison.Ordinal);
        Assert.EndsWith("UNCLOS là cơ sở pháp lý quốc tế toàn diện nhất về biển.", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" |", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed004_SourceAndUrlFromFooter_RelatedNewsBlockIsCut()
    {
        var draft = Convert("004");

        Assert.Equal("Việt Nam và Nhật Bản tăng cường quan hệ đối tác chiến lược sâu rộng", draft.Title);
        Assert.Null(draft.Date);
        Assert.Equal("Báo Nhân Dân", draft.Source);
        Assert.Equal("https://nhandan.vn/tin-tuc-the-gioi/viet-nam-va-nhat-ban-tang-cuong-quan-he-doi-tac-chien-luoc-sau-rong-674836/", draft.SourceUrl);
        Assert.Null(draft.Author);
        Assert.StartsWith("Thiết lập quan hệ ngoại giao từ năm 1973", draft.Summary, StringComparison.Ordinal);
        Assert.Contains("^^^ Nhật Bản viện trợ vắc-xin giúp Việt Nam ứng phó dịch Covid-19. Ảnh: TTXVN", draft.Body, StringComparison.Ordinal);
        Assert.Contains("Nhật Bản có 4.748 dự án FDI còn hiệu lực", draft.Body, StringComparison.Ordinal);
        Assert.EndsWith("phát triển ở khu vực và trên thế giới.", draft.Body, StringComparison.Ordinal);
        foreach (var headline in new[] { "Mùa hè khắc nghiệt", "Tổ chức Mặt trận", "OPEC+", "Hội chợ thương mại", "tài nguyên nước", "đầu tàu" })
        {
            Assert.DoesNotContain(headline, draft.Body, StringComparison.Ordinal);
        }
        Assert.Contains(draft.Removals, r => r.Rule == "related-news block" && r.Line == 23);
    }

    private static List<int> AllIndexesOf(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }
        return found;
    }
}
