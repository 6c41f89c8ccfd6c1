namespace AseanJapanNews.Tests.TestSupport;

/// <summary>What the five launch articles must look like to a reader, and the seed noise they must not carry.</summary>
public static class LaunchContent
{
    public sealed record Expected(
        string Seed, string Slug, string Title, string DateLine, string[] Tags, string? Author, string? Source, string? SourceUrl,
        string FirstCaption, string LastWords);

    public const string Asean2020 = "asean-va-nhat-ban-cam-ket-tang-cuong-quan-he-doi-tac-chien-luoc";
    public const string Summit55Yen = "ky-niem-50-nam-thiet-lap-quan-he-nhat-ban-ho-tro-asean-55-ti-yen";
    public const string PrimeMinister = "thu-tuong-ket-noi-la-dong-luc-cho-hop-tac-asean-nhat";
    public const string Upgrade = "viet-nam-nhat-ban-nang-cap-quan-he-len-doi-tac-chien-luoc-toan-dien";
    public const string DeepPartnership = "viet-nam-va-nhat-ban-tang-cuong-quan-he-doi-tac-chien-luoc-sau-rong";

    /// <summary>Newest first, as the home page lists them (the two 17/12/2023 ones: later import first).</summary>
    public static readonly string[] NewestFirst = [PrimeMinister, Summit55Yen, Upgrade, DeepPartnership, Asean2020];

    public static readonly IReadOnlyDictionary<string, Expected> Articles = new[]
    {
        new Expected("001", Asean2020, "ASEAN và Nhật Bản cam kết tăng cường quan hệ đối tác chiến lược",
            "Thứ sáu, 13/03/2020, 08:04 (GMT+7)", ["ASEAN", "Jakarta", "Kinh tế", "Nhật Bản", "Việt Nam"],
            "Hải Ngọc", "Vietnam+", null,
            "Đại diện các nước trong Ủy ban hợp tác chung ASEAN-Nhật Bản (AJJCC).",
            "ứng phó biến đổi khí hậu…"),
        new Expected("000", Summit55Yen, "Kỷ niệm 50 năm thiết lập quan hệ, Nhật Bản hỗ trợ ASEAN 55 tỉ yên",
            "Chủ nhật, 17/12/2023",
            ["ASEAN", "Biển Đông", "Đối tác chiến lược toàn diện", "Hội nghị cấp cao", "Kishida Fumio", "Nhật Bản", "Phạm Minh Chính", "Tokyo"],
            null, null, null,
            "Thủ tướng Phạm Minh Chính cùng Thủ tướng Nhật Bản Kishida Fumio và phu nhân. Ảnh: BNG",
            "làm cơ sở để triển khai quan hệ Đối tác chiến lược toàn diện ASEAN - Nhật Bản thời gian tới."),
        new Expected("002", PrimeMinister, "Thủ tướng: Kết nối là động lực cho hợp tác ASEAN - Nhật",
            "Chủ nhật, 17/12/2023",
            ["ASEAN", "Biển Đông", "Đối tác chiến lược toàn diện", "Hội nghị cấp cao", "Kishida Fumio", "Nhật Bản", "Phạm Minh Chính", "Tokyo"],
            "Hoài Thu", null, null,
            "Thủ tướng Phạm Minh Chính dự Hội nghị cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản, ngày 17/12, tại Tokyo, Nhật Bản. Ảnh: Nhật Bắc",
            "Nước này cũng là nhà đầu tư FDI thứ hai tại khu vực Đông Nam Á, đạt 26,7 tỷ USD năm ngoái."),
        new Expected("003", Upgrade, "Việt Nam – Nhật Bản nâng cấp quan hệ lên Đối tác chiến lược toàn diện",
            "Thứ hai, 27/11/2023",
            ["Biển Đông", "Đối tác chiến lược toàn diện", "Kishida Fumio", "Nhật Bản", "ODA", "Tokyo", "Việt Nam", "Võ Văn Thưởng"],
            null, "VnExpress", null,
            "Chủ tịch nước Võ Văn Thưởng và Thủ tướng Kishida họp báo sau hội đàm ở Phủ Thủ tướng Nhật Bản. Ảnh: TTXVN",
            "đồng thời tái khẳng định UNCLOS là cơ sở pháp lý quốc tế toàn diện nhất về biển."),
        new Expected("004", DeepPartnership, "Việt Nam và Nhật Bản tăng cường quan hệ đối tác chiến lược sâu rộng",
            "Thứ năm, 30/09/2021", ["ASEAN", "Covid-19", "Kinh tế", "Nhật Bản", "ODA", "Việt Nam"],
            null, "Báo Nhân Dân", "https://nhandan.vn/tin-tuc-the-gioi/viet-nam-va-nhat-ban-tang-cuong-quan-he-doi-tac-chien-luoc-sau-rong-674836/",
            "Nhật Bản viện trợ vắc-xin giúp Việt Nam ứng phó dịch Covid-19. Ảnh: TTXVN",
            "vì hòa bình, hợp tác, phát triển ở khu vực và trên thế giới."),
    }.ToDictionary(e => e.Slug);

    public static TheoryData<string> Slugs => new(Articles.Keys);

    /// <summary>
    /// Text from /work/shared/seeds that is not part of any article: spam, garbled runs, site furniture,
    /// the unrelated "Tin Liên Quan" block, image placeholders and credit lines that became metadata.
    /// </summary>
    public static readonly string[] SeedNoise =
    [
        "Chich Nhau", "kết quả xsmb", "xsmb", "【", "】", "nướcASEANkhẳn", "ỷniệmnămthiếtlậpquanhệ", "NhậtBảnhỗtrợASEAN",
        "Ảnh 1.", "- Ảnh", "Du khách vui lòng để lại nhận xét", "© 2024", "sitemap",
        "Cập nhật: 08:04", "HẢI NGỌC", "(Vietnam+)", "Theo Vnexpress", "Chủ tịch nước thăm Nhật Bản, Việt Nam",
        "Ảnh: TTXVN |", "Tin Liên Quan", "Mùa hè khắc nghiệt", "nền nhiệt cao kỷ lục", "Tổ chức Mặt trận góp phần",
        "OPEC+", "Hội chợ thương mại Việt Nam-Lào-Campuchia-Thái Lan", "Hợp tác bảo vệ tài nguyên nước",
        "Tín hiệu tích cực từ các", "Thủ_tướng", "Nhật_Bản", "_", "ASEAN.Trước", "Ảnh : Nhật", " ,", " .", "( 281,4",
    ];
}
