namespace Gongkai.Domain.Disclosure;

/// <summary>
/// A 主题分类 of an agency's 政府信息公开目录 (Art. 12): its code, name, and the Art. 20 item it belongs to, if any.
/// Each agency has its own categories; <see cref="CatalogCategories.Standard"/> is the set every agency starts with.
/// </summary>
/// <param name="Code">Stable code, unique within the agency (e.g. <c>art20-01</c>, <c>news</c>).</param>
/// <param name="Name">The name printed in the catalogue and in the report's narrative (e.g. <c>规范性文件</c>).</param>
/// <param name="Article20Item">1–15 for a category that reports one of the Art. 20 items; null for a local one.</param>
public sealed record CatalogCategory(string Code, string Name, int? Article20Item);

/// <summary>The standard categories: the fifteen items of Art. 20, each under a short catalogue name.</summary>
public static class CatalogCategories
{
    /// <summary>Art. 20 (1)–(15), in order; codes <c>art20-01</c> … <c>art20-15</c>.</summary>
    public static IReadOnlyList<CatalogCategory> Standard { get; } =
    [
        new("art20-01", "法规文件", 1), // 行政法规、规章和规范性文件
        new("art20-02", "机构职能", 2), // 机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名
        new("art20-03", "规划计划", 3), // 国民经济和社会发展规划、专项规划、区域规划及相关政策
        new("art20-04", "统计信息", 4),
        new("art20-05", "行政许可和对外管理服务", 5),
        new("art20-06", "行政处罚和行政强制", 6),
        new("art20-07", "财政预决算", 7),
        new("art20-08", "行政事业性收费", 8),
        new("art20-09", "政府集中采购", 9),
        new("art20-10", "重大建设项目", 10),
        new("art20-11", "扶贫、教育、医疗、社会保障、促进就业", 11),
        new("art20-12", "突发公共事件", 12), // 应急预案、预警信息及应对情况
        new("art20-13", "监督检查", 13), // 环境保护、公共卫生、安全生产、食品药品、产品质量
        new("art20-14", "公务员招考", 14),
        new("art20-15", "其他法定主动公开信息", 15),
    ];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    /// <summary>An item of Art. 20 as the Regulation writes it: 第二十条第（三）项.</summary>
    public static string Article20ItemLabel(int item) =>
        item is >= 1 and <= 15 ? $"第二十条第（{Numerals[item - 1]}）项" : throw new ArgumentOutOfRangeException(nameof(item), item, "Art. 20 has items 1 to 15.");
}
