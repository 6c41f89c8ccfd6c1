using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.Text;

public class SlugTests
{
    [Theory]
    [InlineData("Kỷ niệm 50 năm thiết lập quan hệ, Nhật Bản hỗ trợ ASEAN 55 tỉ yên", "ky-niem-50-nam-thiet-lap-quan-he-nhat-ban-ho-tro-asean-55-ti-yen")]
    [InlineData("Đối tác chiến lược toàn diện", "doi-tac-chien-luoc-toan-dien")]
    [InlineData("ĐỈNH CAO Đà Nẵng", "dinh-cao-da-nang")]
    [InlineData("Việt Nam – Nhật Bản: “từ trái tim đến trái tim”", "viet-nam-nhat-ban-tu-trai-tim-den-trai-tim")]
    [InlineData("  --Hà   Nội!!  ", "ha-noi")]
    [InlineData("Covid-19", "covid-19")]
    public void From_FoldsVietnameseMarksAndPunctuation(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void From_FoldsStackedMarksWrittenDecomposed()
    {
        // "Hội nghị" typed as base letters plus combining marks (NFD), as some keyboards send it.
        var decomposed = "Ho\u0302\u0323i nghi\u0323";
        Assert.Equal("hoi-nghi", Slug.From(decomposed));
    }

    [Fact]
    public void From_LeavesNothing_ForTitlesWithoutLatinLettersOrDigits() =>
        Assert.Equal("", Slug.From("岸田文雄 — !!"));

    [Fact]
    public void From_CutsLongTitlesAtAWordBoundary()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("hợp tác", 60)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.EndsWith("tac", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hà Nội đón đoàn Nhật Bản", "ha-noi-don-doan-nhat-ban")]
    [InlineData("岸田文雄 — !!", "bai-viet")]
    [InlineData("", "bai-viet")]
    public void ForTitle_IsTheSlug_OrBaiViet_WhenTheTitleLeavesNone(string title, string expected) =>
        Assert.Equal(expected, Slug.ForTitle(title));

    [Fact]
    public void Unique_AddsTheFirstFreeNumericSuffix()
    {
        var taken = new HashSet<string> { "ha-noi", "ha-noi-2" };
        Assert.Equal("ha-noi-3", Slug.Unique("ha-noi", taken.Contains));
        Assert.Equal("da-nang", Slug.Unique("da-nang", taken.Contains));
    }

    [Theory]
    [InlineData("ha-noi", true)]
    [InlineData("Ha-Noi", false)]
    [InlineData("hà-nội", false)]
    [InlineData("ha--noi", false)]
    [InlineData("", false)]
    public void IsValid_AcceptsOnlyCanonicalSlugs(string slug, bool valid) => Assert.Equal(valid, Slug.IsValid(slug));
}
