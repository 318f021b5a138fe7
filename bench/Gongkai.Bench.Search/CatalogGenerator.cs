using System.Globalization;

namespace Gongkai.Bench.Search;

/// <summary>Realistic catalogue items: titles and summaries built from agency, topic and document-type vocabularies.</summary>
internal sealed class CatalogGenerator(int seed = 20251009)
{
    public static readonly string[] Agencies =
    [
        "卫生健康局", "市场监督管理局", "生态环境局", "教育局", "民政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局",
        "交通运输局", "农业农村局", "文化广电旅游体育局", "应急管理局", "财政局", "税务局", "公安局", "司法局", "水务局", "商务局",
        "医疗保障局", "退役军人事务局", "统计局", "审计局", "林业局", "城市管理和综合执法局", "发展和改革局", "科学技术局",
        "工业和信息化局", "档案局", "信访局", "政务服务数据管理局",
    ];

    public static readonly string[] Places = ["番禺区", "龙岗区", "下城区", "龙口市", "华龙区", "示范区", "青山区", "江北区", "滨海新区", "高新区", "经开区", "南山区"];

    public static readonly string[] Topics =
    [
        "医疗机构执业许可证校验结果", "食品安全监督抽检信息", "大气污染防治攻坚行动", "义务教育阶段招生入学", "城乡居民最低生活保障标准",
        "失业保险稳岗返还", "国土空间总体规划", "保障性住房分配", "农村公路养护", "高标准农田建设", "公共文化服务体系建设",
        "安全生产专项整治三年行动", "部门预算和三公经费", "部门决算", "政府采购意向", "行政处罚决定", "行政许可决定",
        "重大建设项目批准和实施情况", "突发公共卫生事件应急预案", "防汛防台风应急响应", "公务员考试录用", "事业单位公开招聘",
        "养老服务补贴发放", "残疾人两项补贴", "医疗保障定点医药机构", "基本公共卫生服务项目", "传染病疫情防控", "职业病防治",
        "生活垃圾分类", "河长制工作", "饮用水水源保护区划定", "建筑工地扬尘治理", "燃气安全专项整治", "电动自行车安全隐患整治",
        "消费者权益保护", "价格监督检查", "特种设备安全监察", "药品零售企业监督检查", "学校食堂食品安全", "校外培训机构治理",
        "就业创业补贴", "技能人才评价", "根治欠薪", "社会救助兜底保障", "临时救助", "殡葬改革", "婚姻登记服务", "地名普查",
        "耕地保护和土地整治", "不动产登记", "矿产资源开发", "城市更新单元规划", "老旧小区改造", "物业服务企业信用评价",
        "公共交通票价", "出租汽车经营许可", "水路运输安全", "动物疫病防控", "农产品质量安全", "乡村振兴示范村建设",
        "非物质文化遗产保护", "全民健身设施", "旅游市场秩序整治", "森林防火", "地质灾害防治", "消防安全检查",
        "政府信息公开工作年度报告", "政务公开工作要点", "人大代表建议和政协提案办理", "法治政府建设年度报告", "优化营商环境",
        "一网通办", "12345热线诉求办理", "统计公报", "国民经济和社会发展统计", "审计整改情况", "财政资金直达",
        "涉企收费清单", "行政事业性收费目录", "政府集中采购目录及标准", "规范性文件清理结果", "权责清单调整",
    ];

    public static readonly string[] Kinds = ["通知", "公告", "公示", "通报", "报告", "实施方案", "工作方案", "管理办法", "实施细则", "意见", "批复", "情况说明", "解读"];

    private static readonly string[] Purposes = ["进一步规范", "切实做好", "扎实推进", "全面加强", "认真落实", "持续深化"];

    private readonly Random _random = new(seed);

    public (string Title, string Summary, string Agency, int Category, DateOnly Generated) Next(int year)
    {
        var place = Places[_random.Next(Places.Length)];
        var agency = place + Agencies[_random.Next(Agencies.Length)];
        var topic = Topics[_random.Next(Topics.Length)];
        var kind = Kinds[_random.Next(Kinds.Length)];
        var title = _random.Next(3) switch
        {
            0 => $"{agency}关于{topic}的{kind}",
            1 => string.Create(CultureInfo.InvariantCulture, $"关于{year}年{topic}的{kind}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{agency}{year}年{topic}{kind}"),
        };
        var summary = $"为{Purposes[_random.Next(Purposes.Length)]}{topic}工作，{agency}依据有关规定发布本{kind}，内容包括工作目标、主要任务和保障措施。";
        var generated = new DateOnly(year, 1, 1).AddDays(_random.Next(365));
        return (title, summary, agency, _random.Next(15), generated);
    }

    /// <summary>A word a member of the public might type: 2–4 consecutive characters of a topic, an agency name or a place.</summary>
    public string Word()
    {
        var source = _random.Next(10) switch
        {
            < 7 => Topics[_random.Next(Topics.Length)],
            < 9 => Agencies[_random.Next(Agencies.Length)],
            _ => Places[_random.Next(Places.Length)],
        };
        var length = Math.Min(source.Length, 2 + _random.Next(3));
        return source.Substring(_random.Next(source.Length - length + 1), length);
    }
}
