using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Gongkai.Documents.Disclosure;
using Gongkai.Documents.Ledger;

namespace Gongkai.Fuzz.Tests;

/// <summary>Ledgers (CSV and XLSX) and the Art. 20 figures file: generated valid files, mutated; refusals are values.</summary>
public partial class LedgerFuzzTests
{
    private static readonly string[] Header = ["申请编号", "收到日期", "申请人类型", "申请人", "申请方式", "申请内容", "办结日期", "办理结果"];
    private static readonly string[] Types = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
    private static readonly string[] Channels = ["当面", "邮寄", "网络", "传真", "电子邮件", "其他", ""];
    private static readonly string[] Outcomes = ["予以公开", "部分公开", "本机关不掌握相关政府信息", "重复申请", "逾期不补正", "其他"];

    /// <summary>A valid ledger: 1–25 rows of cases received 2009–2025, some still open.</summary>
    private static Gen<string[][]> Ledgers { get; } = Gen.Select(
            Gen.Int[0, 5], Gen.Int[0, 6], Gen.Int[0, 5], Gen.DateOnly[new DateOnly(2009, 1, 1), new DateOnly(2025, 12, 1)], Gen.Int[-1, 40], Gen.String[0, 12])
        .Array[1, 25]
        .Select(rows => rows.Select((r, i) =>
        {
            var (type, channel, outcome, received, days, request) = r;
            var open = days < 0;
            return new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"GK-{i + 1}"), received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Types[type],
                string.Create(CultureInfo.InvariantCulture, $"申请人{i}"), Channels[channel], request,
                open ? string.Empty : received.AddDays(days).ToString("yyyy/M/d", CultureInfo.InvariantCulture), open ? string.Empty : Outcomes[outcome],
            };
        }).ToArray());

    [GeneratedRegex("""(?<=^|,)[^,\r\n]*""", RegexOptions.Multiline)]
    private static partial Regex CsvCells();

    [GeneratedRegex("""(?<==")[^"]*(?=")|(?<=>)[^<]*(?=<)""")]
    private static partial Regex XmlValues();

    private static string Csv(string[][] rows) =>
        string.Join("\r\n", new[] { Header }.Concat(rows).Select(r => string.Join(",", r.Select(Quote)))) + "\r\n";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static void AssertWholeOrRefused(LedgerReadResult result)
    {
        if (result.Succeeded)
        {
            Assert.NotEmpty(result.Rows);
            Assert.All(result.Rows, r => Assert.InRange(r.ReceivedOn, new DateOnly(2008, 5, 1), new DateOnly(2026, 6, 30)));
        }
        else
        {
            Assert.Empty(result.Rows);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
        }
    }

    [Fact]
    public void ReadCsv_GeneratedLedger_IsAccepted() =>
        Fuzz.Run(
            Ledgers,
            rows =>
            {
                var result = LedgerReader.Read(new MemoryStream(Fuzz.Utf8(Csv(rows))), "台账.csv", FixedClock.Default);
                Assert.Equal([], result.Errors.Select(e => e.ToString()));
                Assert.Equal(rows.Length, result.Rows.Count);
            },
            iterations: 300,
            print: rows => Fuzz.Describe(Csv(rows)));

    [Fact]
    public void ReadCsv_MutatedLedger_IsReadWholeOrRefused() =>
        Fuzz.Run(
            Gen.Select(Ledgers, Fuzz.Mutations, Gen.Int[0, 2], Fuzz.ByteDamage),
            input =>
            {
                var bytes = CsvBytes(input);
                AssertWholeOrRefused(LedgerReader.Read(new MemoryStream(bytes), "台账.csv", FixedClock.Default));
            },
            iterations: 1700,
            print: input => Fuzz.Describe(CsvBytes(input)));

    private static byte[] CsvBytes((string[][] Rows, Fuzz.Mutation[] Mutations, int Encoding, (int[] Flips, double Cut) Damage) input)
    {
        var text = Fuzz.Apply(Csv(input.Rows), input.Mutations, CsvCells());
        byte[] bytes = input.Encoding switch
        {
            0 => Fuzz.Utf8(text),
            1 => [0xEF, 0xBB, 0xBF, .. Fuzz.Utf8(text)],
            _ => Gb18030.GetBytes(text),
        };
        return bytes.Length == 0 || input.Damage.Flips.Length == 0 ? bytes : Fuzz.Damage(bytes, input.Damage);
    }

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    [Fact]
    public void ReadXlsx_MutatedWorkbook_IsReadWholeOrRefused() =>
        Fuzz.Run(
            Gen.Select(Ledgers.Select(r => r.Take(8).ToArray()), Gen.Int[0, 7], Fuzz.Mutations, Fuzz.ByteDamage),
            input =>
            {
                var bytes = XlsxBytes(input);
                AssertWholeOrRefused(LedgerReader.Read(new MemoryStream(bytes), "台账.xlsx", FixedClock.Default));
            },
            iterations: 1500,
            print: input => Fuzz.Describe(XlsxBytes(input)));

    [Fact]
    public void ReadXlsx_GeneratedWorkbook_IsAccepted() =>
        Fuzz.Run(
            Ledgers.Select(r => r.Take(8).ToArray()),
            rows =>
            {
                var result = LedgerReader.Read(new MemoryStream(Xlsx(Parts(rows))), "台账.xlsx", FixedClock.Default);
                Assert.Equal([], result.Errors.Select(e => e.ToString()));
                Assert.Equal(rows.Length, result.Rows.Count);
            },
            iterations: 200,
            print: rows => Fuzz.Describe(Csv(rows)));

    /// <summary>The workbook with one part mutated (part 7: none, part 6: dropped) and, half the time, its ZIP bytes damaged.</summary>
    private static byte[] XlsxBytes((string[][] Rows, int Part, Fuzz.Mutation[] Mutations, (int[] Flips, double Cut) Damage) input)
    {
        var parts = Parts(input.Rows);
        var names = parts.Keys.ToArray();
        if (input.Part < names.Length)
        {
            parts[names[input.Part]] = Fuzz.Apply(parts[names[input.Part]], input.Mutations, XmlValues());
        }
        else if (input.Part == names.Length)
        {
            parts.Remove(names[input.Mutations.Length % names.Length]);
        }

        var bytes = Xlsx(parts);
        return input.Damage.Flips.Length % 2 == 1 ? Fuzz.Damage(bytes, input.Damage) : bytes;
    }

    /// <summary>The parts of a minimal XLSX as Excel writes it: shared strings, a date style, dates as serial numbers.</summary>
    private static Dictionary<string, string> Parts(string[][] rows)
    {
        var strings = new List<string>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var all = new[] { Header }.Concat(rows).ToArray();
        for (var r = 0; r < all.Length; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < all[r].Length; c++)
            {
                var text = all[r][c];
                if (text.Length == 0)
                {
                    continue;
                }

                var reference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + c)}{r + 1}");
                if (r > 0 && c == 1 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate();
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{serial}</v></c>");
                }
                else
                {
                    strings.Add(text);
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                }
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>",
            ["_rels/.rels"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
                $"<Relationship Id=\"rId3\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/></Relationships>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
            ["xl/sharedStrings.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">" +
                string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) + "</sst>",
            ["xl/styles.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{Main}\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"[h]:mm\"/></numFmts>" +
                "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"176\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
        };
    }

    private static byte[] Xlsx(Dictionary<string, string> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return output.ToArray();
    }

    private static readonly string[] FigureRows = ["行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"];

    private static string Article20Csv((int Year, int Row, int Count)[] rows) =>
        "年度,事项,项目数量,处理决定数量,采购项目数量,金额（元）\r\n" + string.Concat(rows.Select(r => r.Row switch
        {
            5 => string.Create(CultureInfo.InvariantCulture, $"{r.Year},政府集中采购,,,{r.Count},\"{r.Count * 1000:N0}\"\r\n"),
            0 or 1 => string.Create(CultureInfo.InvariantCulture, $"{r.Year},{FigureRows[r.Row]},{r.Count},{r.Count},,\r\n"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{r.Year},{FigureRows[r.Row]},,{r.Count},,\r\n"),
        }));

    [Fact]
    public void Article20Csv_MutatedFile_IsReadWholeOrRefused() =>
        Fuzz.Run(
            Gen.Select(Gen.Select(Gen.Int[2008, 2030], Gen.Int[0, 5], Gen.Int[0, 100000]).Array[0, 12], Fuzz.Mutations, Fuzz.ByteDamage),
            input =>
            {
                var bytes = Article20Bytes(input);
                var (figures, errors) = Article20FiguresCsv.Read(bytes);
                Assert.True(figures.Count == 0 || errors.Count == 0);
                Assert.True(figures.Count > 0 || errors.Count > 0);
                Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
            },
            iterations: 1500,
            print: input => Fuzz.Describe(Article20Bytes(input)));

    private static byte[] Article20Bytes(((int, int, int)[] Rows, Fuzz.Mutation[] Mutations, (int[] Flips, double Cut) Damage) input)
    {
        var bytes = Fuzz.Utf8(Fuzz.Apply(Article20Csv(input.Rows), input.Mutations, CsvCells()));
        return bytes.Length == 0 || input.Damage.Flips.Length % 3 != 0 ? bytes : Fuzz.Damage(bytes, input.Damage);
    }
}
