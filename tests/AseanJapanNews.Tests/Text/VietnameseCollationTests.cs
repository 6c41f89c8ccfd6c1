using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.Text;

public class VietnameseCollationTests
{
    private static List<string> Sorted(params string[] words) => words.Order(VietnameseCollation.Instance).ToList();

    private static List<string> SortedBySortKey(params string[] words) =>
        words.OrderBy(VietnameseCollation.SortKey, StringComparer.Ordinal).ToList();

    [Fact]
    public void Compare_PutsABreveAndACircumflexAfterA() =>
        Assert.Equal(["an", "anh", "ăn", "ăng", "ân", "ấy", "ba"], Sorted("ân", "ba", "ăng", "an", "ấy", "anh", "ăn"));

    [Fact]
    public void Compare_PutsDStrokeAfterD_NotAmongTheDs() =>
        Assert.Equal(["da", "dung", "dư", "đa", "đi", "e"], Sorted("đi", "e", "dư", "đa", "dung", "da"));

    [Fact]
    public void Compare_OrdersOThenOCircumflexThenOHorn() =>
        Assert.Equal(["on", "ong", "ôn", "ông", "ơn", "p"], Sorted("ơn", "ông", "p", "on", "ôn", "ong"));

    [Fact]
    public void Compare_PutsUHornAfterU() =>
        Assert.Equal(["ung", "uy", "ưa", "ương", "v"], Sorted("ương", "v", "uy", "ưa", "ung"));

    [Fact]
    public void Compare_OrdersTonesUnmarkedHuyenHoiNgaSacNang() =>
        Assert.Equal(["ma", "mà", "mả", "mã", "má", "mạ"], Sorted("mạ", "má", "ma", "mã", "mà", "mả"));

    [Fact]
    public void Compare_LooksAtLettersBeforeTones()
    {
        // "mạ" has a heavier tone than "mai" has, but the letters decide first: ma < mai.
        Assert.Equal(["ma", "mạ", "mai", "mái"], Sorted("mái", "mai", "mạ", "ma"));
    }

    [Fact]
    public void Compare_IgnoresCaseExceptAsTheLastTieBreak()
    {
        Assert.Equal(["an", "Ăn", "bà"], Sorted("bà", "Ăn", "an"));
        Assert.True(VietnameseCollation.Instance.Compare("Đà Nẵng", "đà nẵng") != 0, "different strings never compare equal");
    }

    [Fact]
    public void Compare_TreatsComposedAndDecomposedSpellingsAlike()
    {
        var composed = "Hội nghị";
        var decomposed = "Ho\u0302\u0323i nghi\u0323";
        Assert.Equal(VietnameseCollation.SortKey(composed), VietnameseCollation.SortKey(decomposed));
    }

    [Fact]
    public void Compare_SortsTheLaunchTagsAsAVietnameseReaderExpects()
    {
        string[] tags =
        [
            "Việt Nam", "Đối tác chiến lược toàn diện", "Nhật Bản", "ASEAN", "Biển Đông", "Võ Văn Thưởng", "Tokyo",
            "Kishida Fumio", "Kinh tế", "ODA", "Phạm Minh Chính", "Hội nghị cấp cao", "Jakarta", "Covid-19",
        ];
        string[] expected =
        [
            "ASEAN", "Biển Đông", "Covid-19", "Đối tác chiến lược toàn diện", "Hội nghị cấp cao", "Jakarta", "Kinh tế",
            "Kishida Fumio", "Nhật Bản", "ODA", "Phạm Minh Chính", "Tokyo", "Việt Nam", "Võ Văn Thưởng",
        ];
        Assert.Equal(expected, Sorted(tags));
        Assert.Equal(expected, SortedBySortKey(tags));
    }

    [Fact]
    public void Compare_PutsAShortSyllableBeforeALongerOneThatStartsWithIt()
    {
        // Dictionaries read syllable by syllable: "Hà Nội" (Hà …) comes before "Hàn Quốc" (Hàn …),
        // "Đà Nẵng" before "Đàm phán".
        Assert.Equal(["Hà Nội", "Hàn Quốc"], Sorted("Hàn Quốc", "Hà Nội"));
        Assert.Equal(["Đà Nẵng", "Đàm phán"], Sorted("Đàm phán", "Đà Nẵng"));
        Assert.Equal(["Anh", "Ấn Độ", "Ấn Độ Dương", "Âu"], Sorted("Âu", "Ấn Độ Dương", "Anh", "Ấn Độ"));
    }

    [Fact]
    public void SortKey_OrdinalOrderMatchesCompare_ForTagsTheDatabaseSorts()
    {
        string[] names =
        [
            "Hàn Quốc", "Hà Nội", "Đà Nẵng", "Đàm phán", "an", "ăn", "ân", "mạ", "mai", "ma", "Ưu tiên", "Úc", "Ô nhiễm",
            "ơn", "Ổn định", "đa", "da", "G7", "2023", "Covid-19", "Y tế", "Yên Bái",
        ];
        Assert.Equal(Sorted(names), SortedBySortKey(names));
    }

    [Fact]
    public void Compare_OrdersNullFirstAndIsReflexive()
    {
        Assert.True(VietnameseCollation.Instance.Compare(null, "a") < 0);
        Assert.True(VietnameseCollation.Instance.Compare("a", null) > 0);
        Assert.Equal(0, VietnameseCollation.Instance.Compare("Việt Nam", "Việt Nam"));
    }
}
