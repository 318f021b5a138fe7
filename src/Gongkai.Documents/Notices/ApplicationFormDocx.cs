using Gongkai.Documents.Rendering.Docx;

namespace Gongkai.Documents.Notices;

/// <summary>
/// The blank 政府信息公开申请表 an agency offers with its 指南 (Art. 12: 获取方式; Art. 29: what an application
/// contains — the applicant's name and identity proof, contact details, a description of the information sought, the
/// form and way it is wanted), addressed to the agency's disclosure office, as a Word document in the office's styles.
/// </summary>
public static class ApplicationFormDocx
{
    /// <summary>The form for <paramref name="agency"/>; <paramref name="office"/> (name, address, phone) is printed under it when known.</summary>
    public static byte[] Render(string agency, string? office, string? address, string? phone)
    {
        return DocxPage.Write(body =>
        {
            body.Append(DocxPage.Paragraph(DocxStyles.Title, agency + "政府信息公开申请表"));
            body.Append(Form().Build());
            foreach (var note in Notes(office, address, phone))
            {
                body.Append(DocxPage.Paragraph(DocxStyles.Body, note));
            }
        });
    }

    /// <summary>The form's grid: the applicant (a citizen, or an organisation), the information sought, the signature and date.</summary>
    internal static GridTable Form()
    {
        var table = new GridTable([1500, 2700, ReportTables.TextWidth - 6500, 2300]);
        var row = 0;
        void Group(string label, params string[] fields)
        {
            table.Place(row, 0, label, GridCellKind.Heading, rowSpan: fields.Length);
            foreach (var field in fields)
            {
                table.Place(row, 1, field, GridCellKind.Label);
                table.Place(row, 2, string.Empty, GridCellKind.Label, columnSpan: 2);
                row++;
            }
        }

        Group("申请人信息（公民）", "姓名", "证件名称", "证件号码", "联系电话", "通信地址", "邮政编码", "电子邮箱");
        Group("申请人信息（法人或者其他组织）", "名称", "统一社会信用代码", "法定代表人或者负责人", "联系人", "联系电话", "通信地址", "电子邮箱");
        Group("所需政府信息", "名称、文号或者便于查询的其他特征性描述", "提供政府信息的指定方式（纸质 / 电子邮件 / 光盘 / 其他）", "获取信息的途径（邮寄 / 电子邮件 / 当面领取 / 其他）");
        table.Place(row, 0, "申请人签名或者盖章", GridCellKind.Heading, columnSpan: 2);
        table.Place(row, 2, string.Empty, GridCellKind.Label);
        table.Place(row, 3, "申请日期：    年  月  日", GridCellKind.Label);
        return table;
    }

    /// <summary>The notes under the form, and the office that receives it when known.</summary>
    internal static IEnumerable<string> Notes(string? office, string? address, string? phone)
    {
        yield return "说明：1. 请填写公民或者法人、其他组织两栏中的一栏，并附身份证明（身份证件或者营业执照等）的复印件。2. 一份申请表请只申请一项内容相关的政府信息。3. 本表可以当面提交、邮寄，也可以通过门户网站在线申请。";
        if (office is not null)
        {
            yield return $"受理机构：{office}" + (address is null ? string.Empty : $"；地址：{address}") + (phone is null ? string.Empty : $"；电话：{phone}") + "。";
        }
    }
}
